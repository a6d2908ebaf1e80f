//! Who may use `/data`: coordinators only, with the session's CSRF token, in either language.

use axum::http::StatusCode;
use symbiose::storage;

use super::{
    COMPANIES, OFFERS, THREE_FILES, coordinator, form, nothing_imported, preview_of, previews,
};
use crate::accounts::{csrf_of, register, saving_cookies};
use crate::common::TestApp;
use crate::exchanges::in_english;

#[tokio::test]
async fn a_firms_user_gets_not_found_on_every_data_route() {
    let app = TestApp::spawn().await;
    let preview = preview_of(&coordinator(&app).await, &THREE_FILES).await;
    let firm = saving_cookies(&app);
    register(&firm, "eigenaar@boon.nl", "Branderij Eigenaar")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let csrf = csrf_of(&firm.get("/offers/new").await.text());

    for path in [
        "/data",
        preview.as_str(),
        "/data/export.json",
        "/data/export/companies.csv",
    ] {
        firm.get(path).await.assert_status_not_found();
    }
    let files: [(&str, &[u8]); 1] = [("companies.csv", COMPANIES.as_bytes())];
    let uploaded = firm
        .post("/data")
        .multipart(form(Some(&csrf), &files))
        .await;
    uploaded.assert_status_not_found();
    for action in ["confirm", "cancel"] {
        let response = firm
            .post(&format!("{preview}/{action}"))
            .form(&[("csrf", csrf.as_str())])
            .await;
        response.assert_status_not_found();
    }

    assert_eq!(previews(&app).await, 1);
    assert_eq!(
        storage::counts(&app.db).await.unwrap().firms,
        1,
        "only the firm's own"
    );
}

#[tokio::test]
async fn data_forms_without_the_csrf_token_are_refused() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;
    let files: [(&str, &[u8]); 1] = [("companies.csv", COMPANIES.as_bytes())];

    let without = coordinator
        .post("/data")
        .multipart(form(None, &files))
        .await;
    let wrong = coordinator
        .post("/data")
        .multipart(form(Some(&"0".repeat(64)), &files))
        .await;

    without.assert_status(StatusCode::FORBIDDEN);
    wrong.assert_status(StatusCode::FORBIDDEN);
    assert_eq!(previews(&app).await, 0);
    let preview = preview_of(&coordinator, &THREE_FILES).await;
    for action in ["confirm", "cancel"] {
        let response = coordinator
            .post(&format!("{preview}/{action}"))
            .form(&[("csrf", "0000")])
            .await;
        response.assert_status(StatusCode::FORBIDDEN);
    }
    assert_eq!(previews(&app).await, 1);
    nothing_imported(&app).await;
}

#[tokio::test]
async fn the_data_pages_answer_in_english() {
    let app = TestApp::spawn().await;
    let coordinator = coordinator(&app).await;

    let page = in_english(coordinator.get("/data")).await.text();
    let preview = preview_of(&coordinator, &THREE_FILES).await;
    let shown = in_english(coordinator.get(&preview)).await.text();
    let csrf = csrf_of(&page);
    let bad: [(&str, &[u8]); 1] = [("offers.csv", OFFERS.as_bytes())];
    let refused = in_english(coordinator.post("/data").multipart(form(Some(&csrf), &bad)))
        .await
        .text();

    assert!(page.contains("Import and export"));
    assert!(page.contains("Handle the files as confidential"));
    assert!(shown.contains("Preview of the import"));
    assert!(shown.contains("Confirm import"));
    assert!(shown.contains("By municipality"));
    assert!(refused.contains("One problem found; nothing was saved."));
    assert!(refused.contains("Line or element"));
    assert!(!page.contains("Importeren") && !shown.contains("bevestigen"));
}
