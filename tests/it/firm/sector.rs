//! Finding the firm's sector by a word, in the reader's language.

use axum::http::StatusCode;

use super::{firm_in_both_languages, input_value, signed_in_firm, stored_firm, submit};
use crate::common::TestApp;

#[tokio::test]
async fn the_sector_search_lists_bakeries_in_the_readers_language_and_a_choice_is_saved() {
    let app = TestApp::spawn().await;
    let (dutch, english) = firm_in_both_languages(&app, "info@korenaar.nl", "Korenaar").await;

    let nl = dutch
        .get("/firm/edit")
        .add_query_param("sector", "bakkerij")
        .await
        .text();
    let en = english
        .get("/firm/edit")
        .add_query_param("sector", "bakkerij")
        .await
        .text();
    let searched = submit(
        &dutch,
        &[
            ("name", "Nog niet opgeslagen"),
            ("sector", "bakkerij"),
            ("action", "search-sector"),
        ],
    )
    .await;

    assert!(nl.contains("name=\"nace_choice\" value=\"C10\""));
    assert!(nl.contains("Vervaardiging van voedingsmiddelen"));
    assert!(en.contains("name=\"nace_choice\" value=\"C10\""));
    assert!(en.contains("Manufacture of food products"));
    searched.assert_status_ok();
    let searched = searched.text();
    assert!(searched.contains("Vervaardiging van voedingsmiddelen"));
    assert_eq!(input_value(&searched, "name"), "Nog niet opgeslagen");
    assert_eq!(stored_firm(&app).await.name(), "Korenaar");

    submit(&dutch, &[("nace", ""), ("nace_choice", "C10")])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert_eq!(
        stored_firm(&app).await.nace().map(|n| n.as_str()),
        Some("C10")
    );
}

#[tokio::test]
async fn enter_in_the_sector_search_searches_instead_of_saving() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;

    let response = submit(
        &server,
        &[
            ("name", "Niet opslaan"),
            ("sector", "garage"),
            ("action", "default"),
        ],
    )
    .await;

    response.assert_status_ok();
    assert!(response.text().contains("value=\"G45\""));
    assert_eq!(stored_firm(&app).await.name(), "Korenaar");
}
