//! Exports from `/data` import again, through the page, to the same region.

use symbiose::storage;

use super::{coordinator, post_with_csrf, preview_of};
use crate::common::{TestApp, today};

#[tokio::test]
async fn the_json_export_imports_into_a_fresh_database_to_the_same_region() {
    let source = TestApp::spawn().await;
    symbiose::demo::load_demo(&source.db, today())
        .await
        .unwrap();
    let exported = coordinator(&source).await.get("/data/export.json").await;
    exported.assert_status_ok();
    assert_eq!(
        exported.header("content-disposition"),
        "attachment; filename=\"symbiose-export.json\""
    );
    let target = TestApp::spawn().await;
    let coordinator = coordinator(&target).await;

    let preview = preview_of(&coordinator, &[("keyport.json", &exported.text())]).await;
    post_with_csrf(&coordinator, &preview, &format!("{preview}/confirm"))
        .await
        .assert_status_ok();

    assert_eq!(
        storage::load_region(&target.db).await.unwrap(),
        storage::load_region(&source.db).await.unwrap()
    );
}

#[tokio::test]
async fn the_csv_exports_import_into_a_fresh_database_to_the_same_firms_and_flows() {
    let source = TestApp::spawn().await;
    symbiose::demo::load_demo(&source.db, today())
        .await
        .unwrap();
    let exporter = coordinator(&source).await;
    let mut files = Vec::new();
    for kind in ["companies", "offers", "needs", "parameters"] {
        let response = exporter.get(&format!("/data/export/{kind}.csv")).await;
        response.assert_status_ok();
        assert_eq!(
            response.header("content-disposition"),
            format!("attachment; filename=\"{kind}.csv\"").as_str()
        );
        files.push((format!("{kind}.csv"), response.text()));
    }
    let target = TestApp::spawn().await;
    let coordinator = coordinator(&target).await;
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .collect();

    let preview = preview_of(&coordinator, &files).await;
    post_with_csrf(&coordinator, &preview, &format!("{preview}/confirm"))
        .await
        .assert_status_ok();

    let (copy, original) = (
        storage::load_region(&target.db).await.unwrap(),
        storage::load_region(&source.db).await.unwrap(),
    );
    assert_eq!(copy.firms, original.firms);
    assert_eq!(copy.offers, original.offers);
    assert_eq!(copy.needs, original.needs);
    assert_eq!(copy.parameters, original.parameters);
}

/// A firm and flows whose text a spreadsheet would run as formulas.
const HOSTILE_JSON: &str = r#"{
  "format": "symbiosis-instance/1",
  "companies": [
    {"id": "-F1", "name": "=HYPERLINK(\"http://x\",\"y\")", "lat": 51.25, "lon": 5.70,
     "employees": 3, "municipality": "@Weert", "address": "+31 Markt 1"}
  ],
  "offers": [
    {"id": "O1", "company": "-F1", "ewc": "02 03 04", "description": "@SUM(1)",
     "quantity_t_per_year": 40, "disposal_cost_eur_per_t": -5.0}
  ],
  "needs": [
    {"id": "=N1", "company": "-F1", "accepts": ["02 03 04"], "description": "=1+1",
     "quantity_t_per_year": 30, "virgin_price_eur_per_t": 25, "max_distance_km": 40}
  ]
}"#;

async fn downloads(server: &axum_test::TestServer) -> Vec<(String, String)> {
    let mut files = Vec::new();
    for kind in ["companies", "offers", "needs", "parameters"] {
        let response = server.get(&format!("/data/export/{kind}.csv")).await;
        response.assert_status_ok();
        files.push((format!("{kind}.csv"), response.text()));
    }
    files
}

#[tokio::test]
async fn csv_downloads_quote_formulas_and_still_import_to_the_same_region_and_files() {
    let source = TestApp::spawn().await;
    let existing = storage::existing_keys(&source.db).await.unwrap();
    let files = [("hostile.json".to_string(), HOSTILE_JSON.as_bytes().to_vec())];
    let region = symbiose::bulk::read_in_memory(&files, &existing, today()).unwrap();
    storage::insert_region(&source.db, &region, &|_| {})
        .await
        .unwrap();
    let exported = downloads(&coordinator(&source).await).await;
    let target = TestApp::spawn().await;
    let coordinator = coordinator(&target).await;
    let upload: Vec<(&str, &str)> = exported
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_str()))
        .collect();

    let preview = preview_of(&coordinator, &upload).await;
    post_with_csrf(&coordinator, &preview, &format!("{preview}/confirm"))
        .await
        .assert_status_ok();

    let companies = &exported[0].1;
    assert!(
        companies.contains(
            r#"'-F1,"'=HYPERLINK(""http://x"",""y"")",51.25,5.7,,3,'@Weert,'+31 Markt 1"#
        ),
        "{companies}"
    );
    let offers = &exported[1].1;
    assert!(
        offers.contains("O1,'-F1,02 03 04,'@SUM(1),40,t,-5,"),
        "{offers}"
    );
    assert!(exported[2].1.contains("'=N1,'-F1,02 03 04,'=1+1,30,"));
    let (copy, original) = (
        storage::load_region(&target.db).await.unwrap(),
        storage::load_region(&source.db).await.unwrap(),
    );
    assert_eq!(copy.firms, original.firms);
    assert_eq!(copy.offers, original.offers);
    assert_eq!(copy.needs, original.needs);
    assert_eq!(downloads(&coordinator).await, exported);
}
