//! A firm's own flows through the browser forms, and who may touch them.

use axum::http::StatusCode;
use axum_test::TestServer;

use crate::accounts::{csrf_of, register, saving_cookies};
use crate::common::TestApp;

async fn signed_in_firm(app: &TestApp, email: &str, name: &str) -> TestServer {
    let server = saving_cookies(app);
    register(&server, email, name)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    server
}

async fn add_cardboard_offer(server: &TestServer, quantity: &str) -> axum_test::TestResponse {
    let page = server
        .get("/offers/new")
        .add_query_param("zoek", "karton")
        .await;
    let csrf = csrf_of(&page.text());
    server
        .post("/offers")
        .form(&[
            ("csrf", csrf.as_str()),
            ("zoek", "karton"),
            ("material", "15 01 01"),
            ("description", "Dozen van de inpak"),
            ("quantity_per_year", quantity),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "20"),
            ("confidentiality", "anonymous"),
        ])
        .await
}

#[tokio::test]
async fn the_material_search_offers_list_of_waste_entries_for_everyday_words() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;

    let page = server
        .get("/offers/new")
        .add_query_param("zoek", "karton")
        .await;

    page.assert_status_ok();
    assert!(page.text().contains("value=\"15 01 01\""));
}

#[tokio::test]
async fn a_firm_adds_an_offer_with_a_dutch_decimal_and_sees_it_listed() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;

    let response = add_cardboard_offer(&server, "12,5").await;

    response.assert_status(StatusCode::SEE_OTHER);
    let list = server.get("/offers").await.text();
    assert!(list.contains("15 01 01") && list.contains("12,5"), "{list}");
    assert_eq!(symbiose::storage::counts(&app.db).await.unwrap().offers, 1);
}

#[tokio::test]
async fn a_refused_offer_shows_dutch_messages_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;

    let response = add_cardboard_offer(&server, "-3").await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .contains("Vul een hoeveelheid groter dan 0 in.")
    );
    assert_eq!(symbiose::storage::counts(&app.db).await.unwrap().offers, 0);
}

#[tokio::test]
async fn an_offer_without_the_session_csrf_token_is_refused() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;

    let response = server
        .post("/offers")
        .form(&[
            ("csrf", "forged"),
            ("material", "15 01 01"),
            ("quantity_per_year", "5"),
            ("disposal_cost_eur_per_unit", "1"),
        ])
        .await;

    response.assert_status(StatusCode::FORBIDDEN);
    assert_eq!(symbiose::storage::counts(&app.db).await.unwrap().offers, 0);
}

#[tokio::test]
async fn a_need_accepts_every_material_ticked() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "boer@varkens.nl", "Varkenshouderij").await;
    let csrf = csrf_of(
        &server
            .get("/needs/new")
            .add_query_param("zoek", "brood")
            .await
            .text(),
    );

    let response = server
        .post("/needs")
        .form(&[
            ("csrf", csrf.as_str()),
            ("accepts", "02 06 01"),
            ("accepts", "02 07 04"),
            ("description", "Natvoer voor varkens"),
            ("quantity_per_year", "300"),
            ("unit", "t"),
            ("min_lot_per_year", "10"),
            ("virgin_price_eur_per_unit", "120"),
            ("max_distance_km", "40"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ])
        .await;

    response.assert_status(StatusCode::SEE_OTHER);
    let list = server.get("/needs").await.text();
    assert!(
        list.contains("02 06 01") && list.contains("02 07 04"),
        "{list}"
    );
}

#[tokio::test]
async fn another_firm_cannot_delete_an_offer_it_does_not_own() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;
    add_cardboard_offer(&owner, "5")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let offer_id = region.offers[0].id().to_string();
    let intruder = signed_in_firm(&app, "b@concurrent.nl", "Concurrent").await;
    let csrf = csrf_of(&intruder.get("/offers").await.text());

    let response = intruder
        .post(&format!("/offers/{offer_id}/delete"))
        .form(&[("csrf", csrf.as_str())])
        .await;

    response.assert_status(StatusCode::NOT_FOUND);
    assert_eq!(symbiose::storage::counts(&app.db).await.unwrap().offers, 1);
    assert!(
        !intruder
            .get("/offers")
            .await
            .text()
            .contains("Dozen van de inpak")
    );
}

#[tokio::test]
async fn the_owner_deletes_its_own_offer() {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "a@bakkerij.nl", "Bakkerij").await;
    add_cardboard_offer(&owner, "5").await;
    let offer_id = symbiose::storage::load_region(&app.db)
        .await
        .unwrap()
        .offers[0]
        .id()
        .to_string();
    let csrf = csrf_of(&owner.get("/offers").await.text());

    let response = owner
        .post(&format!("/offers/{offer_id}/delete"))
        .form(&[("csrf", csrf.as_str())])
        .await;

    response.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(symbiose::storage::counts(&app.db).await.unwrap().offers, 0);
}

#[tokio::test]
async fn flow_pages_need_a_login() {
    let app = TestApp::spawn().await;
    let server = app.server();

    for path in ["/offers", "/offers/new", "/needs", "/needs/new"] {
        let response = server.get(path).await;
        response.assert_status(StatusCode::SEE_OTHER);
        assert_eq!(response.header("location"), "/login", "{path}");
    }
    let post = server
        .post("/offers")
        .form(&[("material", "15 01 01")])
        .await;
    post.assert_status(StatusCode::SEE_OTHER);
}
