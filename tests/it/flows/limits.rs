//! Numbers past the domain's bounds are refused on the flow forms, with the field's bound
//! named in the reader's language; numbers at the bounds are stored.

use axum::http::StatusCode;
use axum_test::TestServer;

use super::firm_in_both_languages;
use crate::accounts::csrf_of;
use crate::common::TestApp;

async fn post_offer(server: &TestServer, quantity: &str, cost: &str) -> axum_test::TestResponse {
    let csrf = csrf_of(&server.get("/offers/new").await.text());
    server
        .post("/offers")
        .form(&[
            ("csrf", csrf.as_str()),
            ("material", "15 01 01"),
            ("description", "Dozen van de inpak"),
            ("quantity_per_year", quantity),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", cost),
            ("confidentiality", "anonymous"),
        ])
        .await
}

async fn post_need(
    server: &TestServer,
    min_lot: &str,
    price: &str,
    km: &str,
) -> axum_test::TestResponse {
    let csrf = csrf_of(&server.get("/needs/new").await.text());
    server
        .post("/needs")
        .form(&[
            ("csrf", csrf.as_str()),
            ("accepts", "02 06 01"),
            ("description", "Natvoer voor varkens"),
            ("quantity_per_year", "300"),
            ("unit", "t"),
            ("min_lot_per_year", min_lot),
            ("virgin_price_eur_per_unit", price),
            ("max_distance_km", km),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ])
        .await
}

async fn stored_flows(app: &TestApp) -> (u64, u64) {
    let counts = symbiose::storage::counts(&app.db).await.unwrap();
    (counts.offers, counts.needs)
}

#[tokio::test]
async fn an_offer_of_1e308_tonnes_at_1e300_euros_is_refused_naming_both_bounds_in_both_languages() {
    let app = TestApp::spawn().await;
    let (dutch, english) = firm_in_both_languages(&app, "a@bakkerij.nl", "Bakkerij").await;

    let nl = post_offer(&dutch, "1e308", "1e300").await;
    let en = post_offer(&english, "1e16", "-1e300").await;

    nl.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    en.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let (nl, en) = (nl.text(), en.text());
    for message in [
        "De hoeveelheid per jaar mag hoogstens 10.000.000 zijn.",
        "Het bedrag mag hoogstens 100.000 euro per eenheid zijn (positief of negatief).",
    ] {
        assert!(nl.contains(message), "Dutch page lacks {message}: {nl}");
    }
    for message in [
        "The quantity per year may be at most 10,000,000.",
        "The amount may be at most 100,000 euros per unit (positive or negative).",
    ] {
        assert!(en.contains(message), "English page lacks {message}: {en}");
    }
    assert_eq!(stored_flows(&app).await, (0, 0));
}

#[tokio::test]
async fn an_offer_exactly_at_the_bounds_is_stored() {
    let app = TestApp::spawn().await;
    let (dutch, _) = firm_in_both_languages(&app, "a@bakkerij.nl", "Bakkerij").await;

    let response = post_offer(&dutch, "10000000", "-100000").await;

    response.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(stored_flows(&app).await, (1, 0));
}

#[tokio::test]
async fn a_need_with_a_lot_price_and_distance_past_their_bounds_is_refused_naming_each() {
    let app = TestApp::spawn().await;
    let (dutch, english) = firm_in_both_languages(&app, "boer@varkens.nl", "Varkenshouderij").await;

    let nl = post_need(&dutch, "2e7", "1e6", "5000").await;
    let en = post_need(&english, "1e16", "-1e300", "1e20").await;

    nl.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    en.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let (nl, en) = (nl.text(), en.text());
    for message in [
        "De kleinste partij mag hoogstens 10.000.000 per jaar zijn.",
        "Het bedrag mag hoogstens 100.000 euro per eenheid zijn",
        "De afstand mag hoogstens 1.000 km zijn.",
    ] {
        assert!(nl.contains(message), "Dutch page lacks {message}: {nl}");
    }
    for message in [
        "The smallest lot may be at most 10,000,000 per year.",
        "The amount may be at most 100,000 euros per unit",
        "The distance may be at most 1,000 km.",
    ] {
        assert!(en.contains(message), "English page lacks {message}: {en}");
    }
    assert_eq!(stored_flows(&app).await, (0, 0));
    post_need(&dutch, "300", "100000", "1000")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    assert_eq!(stored_flows(&app).await, (0, 1));
}
