//! The material search inside the flow forms (issue #10): searching again keeps every field
//! filled so far, on the forms that add and change needs and offers.

use axum::http::StatusCode;

use super::signed_in_firm;
use crate::accounts::csrf_of;
use crate::common::TestApp;
use crate::exchanges::post_form;

#[tokio::test]
async fn a_second_search_on_the_need_form_keeps_the_ticked_material_and_the_description() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "boer@varkens.nl", "Varkenshouderij").await;
    let csrf = csrf_of(&server.get("/needs/new").await.text());
    let search = |words: &'static str, shown: &'static str| {
        let csrf = csrf.clone();
        let server = &server;
        async move {
            server
                .post("/needs")
                .form(&[
                    ("csrf", csrf.as_str()),
                    ("action", "search"),
                    ("zoek", words),
                    ("zoek_shown", shown),
                    ("accepts", "02 06 01"),
                    ("description", "Natvoer voor varkens"),
                    ("quantity_per_year", "9,5"),
                    ("max_distance_km", "40"),
                ])
                .await
        }
    };

    let first = search("brood", "").await;
    let second = search("koffiedik", "brood").await;

    first.assert_status_ok();
    second.assert_status_ok();
    let page = second.text();
    assert!(
        page.contains("name=\"accepts\" value=\"02 06 01\" checked"),
        "the material ticked before stays ticked: {page}"
    );
    assert!(page.contains("value=\"02 03 04\""), "the new hits: {page}");
    assert!(page.contains("value=\"Natvoer voor varkens\""), "{page}");
    assert!(
        page.contains("value=\"9,5\"") && page.contains("value=\"40\""),
        "{page}"
    );
    assert!(page.contains("value=\"koffiedik\""), "{page}");
    assert_eq!(
        symbiose::storage::counts(&app.db).await.unwrap().needs,
        0,
        "a search saves nothing"
    );
}

#[tokio::test]
async fn a_search_on_an_offers_change_form_keeps_what_was_typed_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;
    post_form(
        &server,
        "/offers/new",
        "/offers",
        &[
            ("material", "15 01 01"),
            ("description", "Dozen"),
            ("quantity_per_year", "5"),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "20"),
            ("confidentiality", "anonymous"),
        ],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let edit = format!("/offers/{}/edit", region.offers[0].id());

    // Enter pressed in the search box with new words: a search, not a save.
    let page = post_form(
        &server,
        &edit,
        &edit,
        &[
            ("action", "default"),
            ("zoek", "koffiedik"),
            ("zoek_shown", ""),
            ("material", "15 01 01"),
            ("description", "Gevouwen dozen"),
            ("quantity_per_year", "7,5"),
            ("unit", "t"),
            ("regularity", "one-off"),
            ("disposal_cost_eur_per_unit", "20"),
            ("confidentiality", "public"),
        ],
    )
    .await;

    page.assert_status_ok();
    let page = page.text();
    assert!(
        page.contains("value=\"Gevouwen dozen\"") && page.contains("value=\"7,5\""),
        "{page}"
    );
    assert!(
        page.contains("name=\"material\" value=\"15 01 01\" checked"),
        "{page}"
    );
    assert!(page.contains("value=\"02 03 04\""), "the hits: {page}");
    let stored = symbiose::storage::load_region(&app.db).await.unwrap();
    assert_eq!(stored.offers[0].description(), "Dozen", "nothing saved");
}
