//! Imports end to end against a database: all or nothing, round trips, references.

use symbiose::bulk::{self, csv_files, json_instance};
use symbiose::storage;

use crate::common::{TINY_JSON, TestApp, today};
use crate::storage::RICH_JSON;

mod descriptors;
mod pickup_terms;

async fn import(app: &TestApp, paths: &[std::path::PathBuf]) -> Result<(), Vec<String>> {
    let existing = storage::existing_keys(&app.db).await.unwrap();
    match bulk::read_files(paths, &existing, today()) {
        Ok(region) => {
            storage::insert_region(&app.db, &region, &|_| {})
                .await
                .unwrap();
            Ok(())
        }
        Err(problems) => Err(problems.iter().map(ToString::to_string).collect()),
    }
}

async fn export_json(app: &TestApp) -> String {
    let region = storage::load_region(&app.db).await.unwrap();
    serde_json::to_string_pretty(&json_instance::write_instance(&region)).unwrap()
}

#[tokio::test]
async fn a_bad_row_in_the_middle_of_a_csv_leaves_the_database_unchanged() {
    let app = TestApp::spawn().await;
    import(&app, &[app.write("tiny.json", TINY_JSON)])
        .await
        .unwrap();
    let before = export_json(&app).await;
    let offers = app.write(
        "offers.csv",
        "id,company,material,description,quantity_per_year,unit,disposal_cost_eur_per_unit\n\
         N1,EGG,02 02 03,schalen,5,t,60\n\
         N2,EGG,99 99 99,onbekend,5,t,60\n\
         N3,VEG,02 03 04,groente,7,t,20\n",
    );

    let problems = import(&app, &[offers]).await.unwrap_err();

    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with(&format!(
        "{}:3: material:",
        app.path("offers.csv").display()
    )));
    assert!(problems[0].contains("99 99 99"));
    assert_eq!(export_json(&app).await, before);
}

#[tokio::test]
async fn the_issue_example_gives_one_line_per_problem_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let file = app.write("bad.json", BAD_JSON);

    let problems = import(&app, &[file]).await.unwrap_err();

    assert_eq!(problems.len(), 4, "{problems:#?}");
    let joined = problems.join("\n");
    assert!(
        joined.contains("companies[1]: lat: 200 is outside [-90, 90]"),
        "{joined}"
    );
    assert!(
        joined.contains("offers[0]: quantity_t_per_year: -5 must be greater than 0"),
        "{joined}"
    );
    assert!(
        joined.contains("offers[1]: ewc: \"99 99 99\" is not in the European List of Waste"),
        "{joined}"
    );
    assert!(joined.contains("needs[0]: accepts:"), "{joined}");
    assert!(storage::counts(&app.db).await.unwrap().is_empty());
}

/// A negative quantity, an unknown code, a latitude of 200 and a need that accepts nothing.
pub const BAD_JSON: &str = r#"{
  "format": "symbiosis-instance/1",
  "companies": [
    {"id": "A", "name": "Alfa", "lat": 51.25, "lon": 5.70, "nace": "C25", "employees": 10, "municipality": "Weert"},
    {"id": "B", "name": "Beta", "lat": 200, "lon": 5.70, "nace": "C25", "employees": 10, "municipality": "Weert"}
  ],
  "offers": [
    {"id": "O1", "company": "A", "ewc": "12 01 01", "description": "krullen", "quantity_t_per_year": -5, "disposal_cost_eur_per_t": -100},
    {"id": "O2", "company": "A", "ewc": "99 99 99", "description": "?", "quantity_t_per_year": 5, "disposal_cost_eur_per_t": 10}
  ],
  "needs": [
    {"id": "N1", "company": "A", "accepts": [], "description": "niets", "quantity_t_per_year": 5, "virgin_price_eur_per_t": 10, "max_distance_km": 20}
  ]
}"#;

#[tokio::test]
async fn json_import_export_import_export_gives_the_same_file() {
    let first = TestApp::spawn().await;
    import(&first, &[first.write("rich.json", RICH_JSON)])
        .await
        .unwrap();
    let exported = export_json(&first).await;

    let second = TestApp::spawn().await;
    import(&second, &[second.write("again.json", &exported)])
        .await
        .unwrap();

    assert_eq!(export_json(&second).await, exported);
    assert_eq!(
        storage::load_region(&second.db).await.unwrap(),
        storage::load_region(&first.db).await.unwrap()
    );
}

#[tokio::test]
async fn csv_export_imports_back_into_the_same_region() {
    let first = TestApp::spawn().await;
    import(&first, &[first.write("rich.json", RICH_JSON)])
        .await
        .unwrap();
    let dir = first.path("export");
    csv_files::write_csv_dir(&storage::load_region(&first.db).await.unwrap(), &dir).unwrap();

    let second = TestApp::spawn().await;
    import(&second, std::slice::from_ref(&dir)).await.unwrap();
    let again = second.path("again");
    csv_files::write_csv_dir(&storage::load_region(&second.db).await.unwrap(), &again).unwrap();

    let mut first_region = storage::load_region(&first.db).await.unwrap();
    first_region.meta = None; // CSV carries no provenance
    assert_eq!(
        storage::load_region(&second.db).await.unwrap(),
        first_region
    );
    for file in ["companies.csv", "offers.csv", "needs.csv", "parameters.csv"] {
        assert_eq!(
            std::fs::read_to_string(dir.join(file)).unwrap(),
            std::fs::read_to_string(again.join(file)).unwrap(),
            "{file} differs after a round trip"
        );
    }
}

#[tokio::test]
async fn flows_may_name_firms_already_in_the_database() {
    let app = TestApp::spawn().await;
    import(&app, &[app.write("tiny.json", TINY_JSON)])
        .await
        .unwrap();
    let needs = app.write(
        "needs.csv",
        "id,company,accepts,quantity_per_year,virgin_price_eur_per_unit,max_distance_km\n\
         EXTRA,FEED,02 02 03|02 03 04,12,40,30\n",
    );

    import(&app, &[needs]).await.unwrap();

    assert_eq!(storage::counts(&app.db).await.unwrap().needs, 7);
}

#[tokio::test]
async fn ids_already_in_the_database_are_reported_with_their_place() {
    let app = TestApp::spawn().await;
    import(&app, &[app.write("tiny.json", TINY_JSON)])
        .await
        .unwrap();

    let problems = import(&app, &[app.write("again.json", TINY_JSON)])
        .await
        .unwrap_err();

    assert_eq!(problems.len(), 8 + 4 + 6);
    assert!(
        problems[0]
            .ends_with("again.json:companies[0]: id: firm \"EGG\" exists already in the database"),
        "{}",
        problems[0]
    );
}

#[tokio::test]
async fn several_files_import_in_one_transaction_or_not_at_all() {
    let app = TestApp::spawn().await;
    let companies = app.write(
        "companies.csv",
        "id,name,lat,lon,nace,employees,municipality\nC1,Eén,51.25,5.70,C25,4,Weert\n",
    );
    let offers = app.write(
        "offers.csv",
        "id,company,material,quantity_per_year,disposal_cost_eur_per_unit\nO1,C1,12 01 01,0,10\n",
    );

    let problems = import(&app, &[companies.clone(), offers])
        .await
        .unwrap_err();

    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(storage::counts(&app.db).await.unwrap().is_empty());
    import(&app, &[companies]).await.unwrap();
    assert_eq!(storage::counts(&app.db).await.unwrap().firms, 1);
}
