//! Pickup terms (offers) and delivery terms (needs) in files (issue #10): the optional
//! `pickup_terms` column and key read, survive an export round trip, and a too-long text
//! refuses the whole import with its place.

use symbiose::bulk::csv_files;
use symbiose::domain::flow::MAX_PICKUP_TERMS;
use symbiose::storage;

use super::{export_json, import};
use crate::common::{TINY_JSON, TestApp};

const COMPANIES: &str = "id,name,lat,lon,nace,employees,municipality\n\
    ROAST,Branderij,51.2517,5.7069,C10.83,12,Weert\n\
    GROW,Kwekerij,51.25,5.78,A01.19,8,Nederweert\n";

const OFFERS: &str = "id,company,material,quantity_per_year,unit,disposal_cost_eur_per_unit,available_from,available_until,pickup_terms\n\
    O1,ROAST,02 03 04,40,t,60,2027-03-01,2027-06-30,\"ophalen ma–vr 7–16 u, laadperron\"\n\
    O2,ROAST,02 03 04,10,t,60,,,\n";

const NEEDS: &str = "id,company,accepts,quantity_per_year,virgin_price_eur_per_unit,max_distance_km,pickup_terms\n\
    N1,GROW,02 03 04,12,30,40,levering op pallets; heftruck aanwezig\n";

#[tokio::test]
async fn pickup_terms_are_read_from_csv_and_survive_csv_and_json_round_trips() {
    let first = TestApp::spawn().await;
    let files = [
        first.write("companies.csv", COMPANIES),
        first.write("offers.csv", OFFERS),
        first.write("needs.csv", NEEDS),
    ];
    import(&first, &files).await.unwrap();

    let region = storage::load_region(&first.db).await.unwrap();
    let terms: Vec<Option<&str>> = region.offers.iter().map(|o| o.pickup_terms()).collect();
    assert!(terms.contains(&Some("ophalen ma–vr 7–16 u, laadperron")));
    assert!(terms.contains(&None), "an empty cell is no terms");
    assert_eq!(
        region.needs[0].pickup_terms(),
        Some("levering op pallets; heftruck aanwezig")
    );

    let dir = first.path("export");
    csv_files::write_csv_dir(&region, &dir).unwrap();
    let header = std::fs::read_to_string(dir.join("offers.csv")).unwrap();
    assert!(header.lines().next().unwrap().ends_with(",pickup_terms"));
    let second = TestApp::spawn().await;
    import(&second, std::slice::from_ref(&dir)).await.unwrap();
    let again = storage::load_region(&second.db).await.unwrap();
    assert_eq!(again.offers, region.offers);
    assert_eq!(again.needs, region.needs);

    let json = export_json(&first).await;
    assert!(
        json.contains("\"pickup_terms\": \"levering op pallets; heftruck aanwezig\""),
        "{json}"
    );
    let third = TestApp::spawn().await;
    import(&third, &[third.write("again.json", &json)])
        .await
        .unwrap();
    assert_eq!(export_json(&third).await, json);
}

#[tokio::test]
async fn files_without_pickup_terms_import_unchanged_and_export_none() {
    let app = TestApp::spawn().await;
    import(&app, &[app.write("tiny.json", TINY_JSON)])
        .await
        .unwrap();

    let region = storage::load_region(&app.db).await.unwrap();
    assert!(region.offers.iter().all(|o| o.pickup_terms().is_none()));
    assert!(region.needs.iter().all(|n| n.pickup_terms().is_none()));
    assert!(!export_json(&app).await.contains("pickup_terms"));
}

#[tokio::test]
async fn too_long_pickup_terms_refuse_the_import_with_their_place_and_write_nothing() {
    let app = TestApp::spawn().await;
    let long = "x".repeat(MAX_PICKUP_TERMS + 1);
    let offers = format!(
        "id,company,material,quantity_per_year,unit,disposal_cost_eur_per_unit,pickup_terms\n\
         O1,ROAST,02 03 04,40,t,60,kort\n\
         O2,ROAST,02 03 04,40,t,60,{long}\n"
    );
    let files = [
        app.write("companies.csv", COMPANIES),
        app.write("offers.csv", &offers),
    ];

    let problems = import(&app, &files).await.unwrap_err();

    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("offers.csv"), "{problems:?}");
    assert!(problems[0].contains("pickup_terms"), "{problems:?}");
    assert!(problems[0].contains("500"), "{problems:?}");
    let region = storage::load_region(&app.db).await.unwrap();
    assert!(region.offers.is_empty() && region.firms.is_empty());
}
