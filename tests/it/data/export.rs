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
