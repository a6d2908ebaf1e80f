//! Decimals typed into the forms (issue #10): a decimal comma or point is read as such in
//! both languages, what was understood is shown back, and a number that cannot be read
//! without a guess is refused with its field named — never silently misread.

use axum::http::StatusCode;

use super::signed_in_firm;
use crate::common::TestApp;
use crate::exchanges::{interested, pair, post_form};

/// Posts the offer form for cardboard boxes with the quantity and disposal cost as typed.
async fn post_boxes_offer(
    server: &axum_test::TestServer,
    quantity: &str,
    disposal_cost: &str,
) -> axum_test::TestResponse {
    post_form(
        server,
        "/offers/new",
        "/offers",
        &[
            ("material", "15 01 01"),
            ("description", "Dozen"),
            ("quantity_per_year", quantity),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", disposal_cost),
            ("confidentiality", "anonymous"),
        ],
    )
    .await
}

#[tokio::test]
async fn a_need_with_dutch_decimal_commas_stores_them_and_shows_them_back() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "boer@varkens.nl", "Varkenshouderij").await;

    let response = post_form(
        &server,
        "/needs/new",
        "/needs",
        &[
            ("accepts", "02 03 04"),
            ("description", "Substraat"),
            ("quantity_per_year", "9,5"),
            ("unit", "t"),
            ("min_lot_per_year", "0,5"),
            ("virgin_price_eur_per_unit", "1,5"),
            ("max_distance_km", "25.5"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ],
    )
    .await;

    response.assert_status(StatusCode::SEE_OTHER);
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let need = &region.needs[0];
    assert_eq!(need.quantity().amount(), 9.5);
    assert_eq!(need.min_lot_per_year(), 0.5);
    assert_eq!(need.virgin_price_eur_per_unit(), 1.5);
    assert_eq!(need.max_distance_km(), 25.5);
    let list = server.get("/needs").await.text();
    assert!(list.contains("9,5"), "{list}");
    let edit = server
        .get(&format!("/needs/{}/edit", need.id()))
        .await
        .text();
    for shown in [
        "value=\"9,5\"",
        "value=\"0,5\"",
        "value=\"1,5\"",
        "value=\"25,5\"",
    ] {
        assert!(edit.contains(shown), "{shown} in {edit}");
    }
    assert!(
        edit.contains("inputmode=\"decimal\"") && !edit.contains("type=\"number\""),
        "decimals are text fields: {edit}"
    );
}

#[tokio::test]
async fn an_offer_with_a_dutch_disposal_cost_of_one_and_a_half_is_not_fifteen() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;

    let response = post_boxes_offer(&server, "9,5", "1,5").await;

    response.assert_status(StatusCode::SEE_OTHER);
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let offer = &region.offers[0];
    assert_eq!(offer.quantity().amount(), 9.5);
    assert_eq!(offer.disposal_cost_eur_per_unit(), 1.5);
    let list = server.get("/offers").await.text();
    assert!(list.contains("9,5"), "{list}");
    let edit = server
        .get(&format!("/offers/{}/edit", offer.id()))
        .await
        .text();
    assert!(
        edit.contains("value=\"1,5\"") && edit.contains("value=\"9,5\""),
        "{edit}"
    );
}

#[tokio::test]
async fn a_number_that_needs_a_guess_is_refused_with_its_field_named() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;

    // 1500 or 1,5? A Dutch reader's thousands separator is not guessed at.
    let response = post_boxes_offer(&server, "1.500", "twintig").await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text();
    assert!(
        page.contains("Hoeveelheid per jaar: „1.500” kunnen we niet als getal lezen"),
        "{page}"
    );
    assert!(
        page.contains("„twintig” kunnen we niet als getal lezen"),
        "{page}"
    );
    assert!(
        page.contains("value=\"1.500\""),
        "what was typed stays: {page}"
    );
    assert_eq!(symbiose::storage::counts(&app.db).await.unwrap().offers, 0);
}

#[tokio::test]
async fn tonnes_typed_with_a_decimal_comma_are_recorded_as_such() {
    let app = TestApp::spawn().await;
    let (roaster, grower, offer, need) = pair(&app).await;
    let path = interested(&roaster, &offer, &need).await;
    interested(&grower, &offer, &need).await;
    crate::exchanges::to_running(&grower, &roaster, &path).await;
    let tonnes = format!("{path}/tonnes");

    let unreadable = post_form(
        &roaster,
        &path,
        &tonnes,
        &[("period", "2026-11"), ("tonnes", "2.250")],
    )
    .await;
    let recorded = post_form(
        &roaster,
        &path,
        &tonnes,
        &[("period", "2026-11"), ("tonnes", "2,25")],
    )
    .await;

    unreadable.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unreadable
            .text()
            .contains("Ton: „2.250” kunnen we niet als getal lezen"),
        "{}",
        unreadable.text()
    );
    recorded.assert_status(StatusCode::SEE_OTHER);
    let stored = symbiose::storage::impact::recorded_tonnes(&app.db)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].tonnes, 2.25);
    let page = roaster.get(&path).await.text();
    assert!(page.contains("2,25"), "{page}");
}
