//! Storage round trips on the backend `TestApp` picks (SQLite, or PostgreSQL when
//! `TEST_DATABASE_URL` is set).

use sea_orm::ConnectionTrait;
use symbiose::bulk::{self, json_instance};
use symbiose::domain::Region;
use symbiose::storage::{self, ExistingKeys, StorageError};

use crate::common::{TINY_JSON, TestApp, today};

/// A region with every kind of value: resource flows in MWh and m³, chapter and sub-chapter
/// acceptance, mirror declarations, dates, confidentiality and a firm without NACE code.
pub const RICH_JSON: &str = r#"{
  "format": "symbiosis-instance/1",
  "meta": {"note": "storage test", "nested": {"b": 1, "a": [1, 2]}},
  "parameters": {"transport_eur_per_tkm": 0.15, "road_factor": 1.25, "co2_kg_per_tkm": 0.08,
                 "co2_avoided_kg_per_t_by_ewc": {"15 01 01": 700.0, "02 02 03": 150.5}},
  "companies": [
    {"id": "BAKERY", "name": "Bakkerij Het Korenaar & Zn", "lat": 51.2517, "lon": 5.7069,
     "nace": "C10.71", "employees": 12, "municipality": "Weert", "address": "Markt 3, 6001 AB Weert"},
    {"id": "GREEN", "name": "Kwekerij 't Groene Blad", "lat": 51.30, "lon": 5.75,
     "employees": 0, "municipality": "Nederweert"},
    {"id": "SOIL", "name": "Grondbank Maasgouw", "lat": 51.15, "lon": 5.8917,
     "nace": "E39", "employees": 30, "municipality": "Maasgouw"}
  ],
  "offers": [
    {"id": "HEAT", "company": "BAKERY", "material": "heat-medium", "description": "Ovenwarmte",
     "unit": "MWh", "quantity_per_year": 420.5, "disposal_cost_eur_per_unit": 0.0,
     "regularity": "recurring", "confidentiality": "public", "last_confirmed": "2026-10-01"},
    {"id": "BOXES", "company": "BAKERY", "ewc": "15 01 01", "description": "Karton",
     "quantity_t_per_year": 3.25, "disposal_cost_eur_per_t": -12.5,
     "available_from": "2027-01-01", "available_until": "2027-06-30", "regularity": "one-off",
     "confidentiality": "coordinator-only", "last_confirmed": "2026-11-01"},
    {"id": "DIRT", "company": "SOIL", "ewc": "17 05 03*", "declared_hazardous": true,
     "description": "Verontreinigde grond", "quantity_t_per_year": 800, "disposal_cost_eur_per_t": 45}
  ],
  "needs": [
    {"id": "WARM", "company": "GREEN", "accepts": ["heat-low", "heat-medium"], "description": "Kasverwarming",
     "unit": "MWh", "quantity_per_year": 1000, "min_lot_per_year": 50, "virgin_price_eur_per_unit": 35,
     "max_distance_km": 12, "licensed_for_hazardous": false, "confidentiality": "anonymous"},
    {"id": "PACK", "company": "SOIL", "accepts": ["15", "20 01", "02 02 03"], "description": "Verpakking",
     "quantity_t_per_year": 40, "virgin_price_eur_per_t": 10, "max_distance_km": 30,
     "licensed_for_hazardous": true, "regularity": "one-off", "last_confirmed": "2026-01-15"}
  ]
}"#;

/// Reads an instance text into a region, failing the test on any problem.
pub fn region_from(text: &str) -> Region {
    let mut batch = json_instance::read_instance("test.json", text, today());
    bulk::check_batch(&mut batch, &ExistingKeys::default())
        .unwrap_or_else(|problems| panic!("fixture is invalid: {problems:?}"))
}

#[tokio::test]
async fn a_region_with_every_kind_of_value_reads_back_exactly() {
    let app = TestApp::spawn().await;
    let region = region_from(RICH_JSON);

    storage::insert_region(&app.db, &region, &|_| {})
        .await
        .unwrap();
    let loaded = storage::load_region(&app.db).await.unwrap();

    assert_eq!(loaded, region);
}

#[tokio::test]
async fn the_benchmark_example_reads_back_exactly_and_in_file_order() {
    let app = TestApp::spawn().await;
    let region = region_from(TINY_JSON);

    let summary = storage::insert_region(&app.db, &region, &|_| {})
        .await
        .unwrap();
    let loaded = storage::load_region(&app.db).await.unwrap();

    assert_eq!((summary.firms, summary.offers, summary.needs), (8, 4, 6));
    assert_eq!(loaded, region);
    let ids: Vec<&str> = loaded.firms.iter().map(|f| f.id().as_str()).collect();
    assert_eq!(ids[0], "EGG");
}

#[tokio::test]
async fn inserting_a_duplicate_firm_is_a_clear_error_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let region = region_from(TINY_JSON);
    storage::insert_region(&app.db, &region, &|_| {})
        .await
        .unwrap();
    let before = storage::counts(&app.db).await.unwrap();

    let err = storage::insert_region(&app.db, &region, &|_| {})
        .await
        .unwrap_err();

    assert!(
        matches!(err, StorageError::Duplicate { what: "firm", .. }),
        "{err}"
    );
    assert!(err.to_string().contains("exists already"));
    assert_eq!(storage::counts(&app.db).await.unwrap(), before);
}

#[tokio::test]
async fn an_offer_of_an_unknown_firm_rolls_the_whole_insert_back() {
    let app = TestApp::spawn().await;
    let mut region = region_from(RICH_JSON);
    // Drop the firm the heat offer belongs to, after validation, to reach storage's own check.
    region.firms.retain(|f| f.id().as_str() != "BAKERY");

    let err = storage::insert_region(&app.db, &region, &|_| {})
        .await
        .unwrap_err();

    assert!(matches!(err, StorageError::UnknownFirm { .. }), "{err}");
    assert!(err.to_string().contains("BAKERY"));
    assert!(storage::counts(&app.db).await.unwrap().is_empty());
    assert_eq!(
        storage::load_region(&app.db).await.unwrap().parameters,
        None
    );
}

#[tokio::test]
async fn migrations_run_once_and_a_second_run_finds_nothing_to_do() {
    let app = TestApp::spawn().await;

    let pending = storage::migrate(&app.db).await.unwrap();

    assert_eq!(pending, 0);
}

#[tokio::test]
async fn a_row_edited_outside_symbiose_is_reported_not_a_panic() {
    let app = TestApp::spawn().await;
    storage::insert_region(&app.db, &region_from(TINY_JSON), &|_| {})
        .await
        .unwrap();
    app.db
        .execute_unprepared("UPDATE companies SET lat = 200 WHERE key = 'EGG'")
        .await
        .unwrap();

    let err = storage::load_region(&app.db).await.unwrap_err();

    assert!(
        matches!(
            err,
            StorageError::Corrupt {
                table: "companies",
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("EGG") && err.to_string().contains("lat"));
}

#[tokio::test]
async fn deleting_a_firm_deletes_its_flows() {
    let app = TestApp::spawn().await;
    storage::insert_region(&app.db, &region_from(RICH_JSON), &|_| {})
        .await
        .unwrap();

    app.db
        .execute_unprepared("DELETE FROM companies WHERE key = 'SOIL'")
        .await
        .unwrap();

    let counts = storage::counts(&app.db).await.unwrap();
    assert_eq!((counts.firms, counts.offers, counts.needs), (2, 2, 1));
    storage::load_region(&app.db).await.unwrap();
}

#[tokio::test]
async fn country_class_and_descriptors_read_back_exactly() {
    use symbiose::domain::cross_border::Country;
    use symbiose::domain::descriptors::{
        NeedDescriptorFields, NeedDescriptors, OfferDescriptorFields, OfferDescriptors,
    };
    use symbiose::domain::material_class::ClassKey;

    let app = TestApp::spawn().await;
    let mut region = region_from(RICH_JSON);
    region.firms[2] = region.firms[2].clone().with_country(Country::BE);
    let offer_descriptors = OfferDescriptors::parse(&OfferDescriptorFields {
        legal_status: "by-product".into(),
        food_grade_origin: "no".into(),
        physical_form: "solid".into(),
        properties: "moisture=12".into(),
        ..Default::default()
    })
    .unwrap();
    region.offers[1] = region.offers[1]
        .clone()
        .with_descriptors(
            Some(ClassKey::parse("paper.corrugated").unwrap()),
            offer_descriptors,
        )
        .unwrap();
    let need_descriptors = NeedDescriptors::parse(&NeedDescriptorFields {
        accepted_classes: "paper".into(),
        specs: "moisture<=20 hard".into(),
        treatment: "R3".into(),
        intended_use: "material".into(),
        licences: "feed".into(),
    })
    .unwrap();
    region.needs[1] = region.needs[1].clone().with_descriptors(need_descriptors);

    storage::insert_region(&app.db, &region, &|_| {})
        .await
        .unwrap();
    let loaded = storage::load_region(&app.db).await.unwrap();

    assert_eq!(loaded, region);
    assert_eq!(loaded.firms[2].country(), Country::BE);
    assert_eq!(loaded.firms[0].country(), Country::NL);
}
