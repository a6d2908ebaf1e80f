//! Classes, descriptors and countries in imports and exports (issue #11): older files import
//! unchanged (all unknown), the new columns and keys read and round-trip, and a bad value is
//! refused with its place while nothing is written.

use symbiose::bulk::{csv_files, json_instance};
use symbiose::domain::cross_border::Country;
use symbiose::domain::descriptors::{LegalStatus, PhysicalForm, Property};
use symbiose::storage;

use super::{export_json, import};
use crate::common::{TINY_JSON, TestApp, today};

const NEW_KEYS: [&str; 12] = [
    "\"country\"",
    "\"material_class\"",
    "\"legal_status\"",
    "\"food_grade_origin\"",
    "\"hazard_properties\"",
    "\"physical_form\"",
    "\"properties\"",
    "\"accepted_classes\"",
    "\"specs\"",
    "\"treatment\"",
    "\"intended_use\"",
    "\"licences\"",
];

#[tokio::test]
async fn the_existing_fixtures_import_unchanged_with_every_descriptor_unknown() {
    let scenarios = [
        ("tiny.json", TINY_JSON),
        (
            "gen-keyport-300-s2.json",
            include_str!("../../../fixtures/scenarios/gen-keyport-300-s2.json"),
        ),
    ];
    for (name, text) in scenarios {
        let app = TestApp::spawn().await;
        import(&app, &[app.write(name, text)]).await.unwrap();

        let region = storage::load_region(&app.db).await.unwrap();
        assert!(!region.offers.is_empty(), "{name}");
        assert!(
            region.firms.iter().all(|f| f.country() == Country::NL),
            "{name}"
        );
        assert!(
            region
                .offers
                .iter()
                .all(|o| o.material_class_key().is_none() && o.descriptors().is_unknown()),
            "{name}"
        );
        assert!(
            region.needs.iter().all(|n| n.descriptors().is_unknown()),
            "{name}"
        );
        let exported = export_json(&app).await;
        for key in NEW_KEYS {
            assert!(
                !exported.contains(key),
                "{name}: an unknown {key} is written"
            );
        }
    }
}

#[tokio::test]
async fn a_csv_without_the_new_columns_imports_as_before() {
    let app = TestApp::spawn().await;
    let companies = app.write(
        "companies.csv",
        "id,name,lat,lon,nace,employees,municipality,address\n\
         EGG,Eiproducten,51.25,5.70,C10.89,60,Weert,Industrieweg 1\n",
    );
    let offers = app.write(
        "offers.csv",
        "id,company,material,description,quantity_per_year,unit,disposal_cost_eur_per_unit\n\
         O1,EGG,02 02 03,schalen,5,t,60\n",
    );

    import(&app, &[companies, offers]).await.unwrap();

    let region = storage::load_region(&app.db).await.unwrap();
    assert_eq!(region.firms[0].country(), Country::NL);
    assert!(region.offers[0].descriptors().is_unknown());
}

const COMPANIES: &str = "id,name,lat,lon,nace,employees,municipality,address,country\n\
    ROAST,Branderij,51.2517,5.7069,C10.83,12,Weert,,NL\n\
    BOCH,Groenten Bocholt,51.1717,5.5789,C10.39,80,Bocholt,,BE\n\
    KITCH,Zorgkeuken,51.19,5.98,Q87,40,Roermond,,\n";

const OFFERS: &str = "id,company,material,description,quantity_per_year,unit,disposal_cost_eur_per_unit,material_class,legal_status,food_grade_origin,hazard_properties,physical_form,properties\n\
    O1,ROAST,02 03 04,koffiedik,40,t,60,food.coffee-grounds,waste,no,,sludge,moisture=55; fat=12\n\
    O2,BOCH,02 03 04,afsnijdsels,300,t,20,food.vegetable-offcuts,bijproduct,ja,,vast,vocht=85\n";

const NEEDS: &str = "id,company,accepts,quantity_per_year,virgin_price_eur_per_unit,max_distance_km,accepted_classes,specs,treatment,intended_use,licences\n\
    N1,KITCH,02 03 04,12,900,40,food.vegetable-offcuts,moisture<=90 hard,R3,food,\n";

#[tokio::test]
async fn the_new_csv_columns_are_read_and_survive_an_export_round_trip() {
    let first = TestApp::spawn().await;
    let files = [
        first.write("companies.csv", COMPANIES),
        first.write("offers.csv", OFFERS),
        first.write("needs.csv", NEEDS),
    ];
    import(&first, &files).await.unwrap();

    let region = storage::load_region(&first.db).await.unwrap();
    let boch = region
        .firms
        .iter()
        .find(|f| f.id().as_str() == "BOCH")
        .unwrap();
    assert_eq!(boch.country(), Country::BE);
    let offcuts = region
        .offers
        .iter()
        .find(|o| o.id().as_str() == "O2")
        .unwrap();
    assert_eq!(
        offcuts.material_class_key().map(|k| k.as_str()),
        Some("food.vegetable-offcuts")
    );
    assert_eq!(
        offcuts.descriptors().legal_status,
        Some(LegalStatus::ByProduct)
    );
    assert_eq!(offcuts.descriptors().food_grade_origin, Some(true));
    assert_eq!(offcuts.descriptors().form, Some(PhysicalForm::Solid));
    assert_eq!(
        offcuts.descriptors().properties.get(Property::Moisture),
        Some(85.0)
    );
    let need = &region.needs[0];
    assert_eq!(need.descriptors().specs[0].max, Some(90.0));
    assert_eq!(
        need.descriptors()
            .treatment
            .map(|t| t.to_string())
            .as_deref(),
        Some("R3")
    );

    let dir = first.path("export");
    csv_files::write_csv_dir(&region, &dir).unwrap();
    let second = TestApp::spawn().await;
    import(&second, std::slice::from_ref(&dir)).await.unwrap();
    // The export writes the default parameters the first import did not give.
    let same_records = |other: &symbiose::domain::Region| {
        other.firms == region.firms && other.offers == region.offers && other.needs == region.needs
    };
    assert!(same_records(
        &storage::load_region(&second.db).await.unwrap()
    ));

    let json = export_json(&first).await;
    assert!(json.contains("\"country\": \"BE\""), "{json}");
    assert!(
        json.contains("\"material_class\": \"food.coffee-grounds\""),
        "{json}"
    );
    let third = TestApp::spawn().await;
    import(&third, &[third.write("again.json", &json)])
        .await
        .unwrap();
    assert_eq!(export_json(&third).await, json);
    assert!(same_records(
        &storage::load_region(&third.db).await.unwrap()
    ));
}

#[tokio::test]
async fn json_keys_may_be_lists_booleans_and_objects() {
    let text = r#"{
      "format": "symbiosis-instance/1",
      "companies": [{"id": "A", "name": "Alfa", "lat": 51.06, "lon": 6.10, "employees": 10,
                     "municipality": "Heinsberg", "country": "DE"}],
      "offers": [{"id": "O1", "company": "A", "ewc": "16 05 06*", "quantity_t_per_year": 2,
                  "disposal_cost_eur_per_t": 900, "hazard_properties": ["HP6", "HP14"],
                  "food_grade_origin": false, "properties": {"moisture": 10}}],
      "needs": [{"id": "N1", "company": "A", "accepts": ["16 05 06*"], "quantity_t_per_year": 2,
                 "virgin_price_eur_per_t": 10, "max_distance_km": 20,
                 "licences": ["notified-import"], "accepted_classes": ["chemicals"]}]
    }"#;
    let batch = json_instance::read_instance("lists.json", text, today());
    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    let offer = &batch.offers[0].value;
    assert_eq!(offer.descriptors().hazards.to_string(), "HP6; HP14");
    assert_eq!(offer.descriptors().food_grade_origin, Some(false));
    assert_eq!(
        offer.descriptors().properties.get(Property::Moisture),
        Some(10.0)
    );
    assert_eq!(batch.needs[0].value.descriptors().licences.len(), 1);
    assert_eq!(batch.firms[0].value.country(), Country::DE);
}

#[tokio::test]
async fn a_bad_descriptor_is_refused_with_its_place_and_nothing_is_written() {
    let app = TestApp::spawn().await;
    let offers = OFFERS.replace("bijproduct,ja", "contraband,ja");
    let files = [
        app.write("companies.csv", COMPANIES),
        app.write("offers.csv", &offers),
        app.write("needs.csv", &NEEDS.replace("R3", "R99")),
    ];

    let problems = import(&app, &files).await.unwrap_err();

    assert_eq!(problems.len(), 2, "{problems:#?}");
    let offers_place = format!("{}:3: legal_status:", app.path("offers.csv").display());
    assert!(problems[0].starts_with(&offers_place) || problems[1].starts_with(&offers_place));
    let needs_place = format!("{}:2: treatment:", app.path("needs.csv").display());
    assert!(
        problems.iter().any(|p| p.starts_with(&needs_place)),
        "{problems:#?}"
    );
    assert!(storage::counts(&app.db).await.unwrap().is_empty());

    let country = COMPANIES.replace(",BE\n", ",FR\n");
    let problems = import(&app, &[app.write("companies.csv", &country)])
        .await
        .unwrap_err();
    assert!(problems[0].contains(":3: country:"), "{problems:#?}");
    assert!(storage::counts(&app.db).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_demo_region_has_belgian_and_german_firms_and_described_flows() {
    let app = TestApp::spawn().await;
    symbiose::demo::load_demo(&app.db, today()).await.unwrap();
    let region = storage::load_region(&app.db).await.unwrap();

    let abroad = |country| {
        region
            .firms
            .iter()
            .filter(|f| f.country() == country)
            .count()
    };
    assert!(abroad(Country::BE) >= 2 && abroad(Country::DE) >= 2);
    let described = region
        .offers
        .iter()
        .filter(|o| o.material_class_key().is_some())
        .count();
    assert!(
        described * 2 > region.offers.len(),
        "{described} of {}",
        region.offers.len()
    );
    let grounds = region
        .offers
        .iter()
        .find(|o| o.material_class_key().map(|k| k.as_str()) == Some("food.coffee-grounds"))
        .expect("the roaster's coffee grounds");
    assert_eq!(grounds.descriptors().legal_status, Some(LegalStatus::Waste));
    let kitchen_classes = |need: &symbiose::domain::Need| {
        need.descriptors()
            .accepted_classes
            .iter()
            .map(|k| k.as_str().to_string())
            .collect::<Vec<_>>()
    };
    let kitchens: Vec<_> = region
        .needs
        .iter()
        .filter(|n| n.description().starts_with("Eetbare groente-uitval"))
        .collect();
    assert!(!kitchens.is_empty());
    for kitchen in kitchens {
        assert!(kitchen_classes(kitchen).contains(&"food.vegetable-offcuts".to_string()));
        assert!(
            !kitchen_classes(kitchen)
                .iter()
                .any(|k| k == "food" || k.contains("coffee"))
        );
    }
    assert!(
        region
            .needs
            .iter()
            .any(|n| kitchen_classes(n).contains(&"food".to_string())
                && n.descriptors().intended_use.map(|u| u.as_str()) == Some("fertiliser")),
        "a composter accepts the whole food group"
    );
}
