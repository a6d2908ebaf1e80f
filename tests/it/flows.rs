//! A firm's own flows through the browser forms, and who may touch them.

use axum::http::StatusCode;
use axum_test::TestServer;

use crate::accounts::{csrf_of, register, saving_cookies};
use crate::common::TestApp;

mod decimals;
mod descriptors;
mod editing;
pub mod labels;
mod limits;
mod pausing;
mod photos;
mod searching;

async fn signed_in_firm(app: &TestApp, email: &str, name: &str) -> TestServer {
    let server = saving_cookies(app);
    register(&server, email, name)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    server
}

/// A new firm signed in twice: a browser keeping its cookies (so Dutch, the language chosen
/// at registration), and one sending only the session and `Accept-Language: en`.
async fn firm_in_both_languages(
    app: &TestApp,
    email: &str,
    name: &str,
) -> (TestServer, TestServer) {
    let dutch = saving_cookies(app);
    let registered = register(&dutch, email, name).await;
    registered.assert_status(StatusCode::SEE_OTHER);
    let mut english = app.server();
    english.add_cookie(registered.cookie("symbiose_session"));
    english.add_header("accept-language", "en");
    (dutch, english)
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

/// The one offer in the database (tests add exactly one).
async fn the_offer(app: &TestApp) -> symbiose::domain::Offer {
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    assert_eq!(region.offers.len(), 1, "one offer stored");
    region.offers[0].clone()
}

/// The one need in the database.
async fn the_need(app: &TestApp) -> symbiose::domain::Need {
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    assert_eq!(region.needs.len(), 1, "one need stored");
    region.needs[0].clone()
}

#[tokio::test]
async fn the_flow_pages_answer_in_english() {
    let app = TestApp::spawn().await;
    let (owner, browser) = firm_in_both_languages(&app, "a@bakkerij.nl", "Bakkerij").await;
    add_cardboard_offer(&owner, "1234,5").await;
    let offer_id = the_offer(&app).await.id().to_string();
    let english = |path: String| {
        let request = browser.get(&path);
        async move { request.await.text() }
    };

    let list = english("/offers".into()).await;
    let new_offer = english("/offers/new?zoek=karton".into()).await;
    let new_need = english("/needs/new?zoek=eierschalen".into()).await;
    let edit = english(format!("/offers/{offer_id}/edit")).await;

    assert!(
        list.contains("My flows") && list.contains("Residual streams you offer"),
        "{list}"
    );
    assert!(list.contains("Edit") && list.contains("Pause") && list.contains("Delete"));
    assert!(list.contains("1,234.5\u{a0}t/year"), "{list}");
    assert!(new_offer.contains("New residual stream") && new_offer.contains("How often"));
    assert!(
        new_offer.contains("Ongoing")
            && new_offer.contains("Anonymous (sector, municipality, distance)")
    );
    assert!(new_offer.contains("value=\"15 01 01\""), "{new_offer}");
    assert!(new_need.contains("Which materials can you use?") && new_need.contains("pieces"));
    assert!(edit.contains("Edit residual stream") && edit.contains("Saving also confirms"));
    assert!(!edit.contains("Opslaan") && !list.contains("Verwijderen"));
}

#[tokio::test]
async fn the_material_search_explains_hazardous_and_mirror_entries_in_both_languages() {
    let app = TestApp::spawn().await;
    let (dutch, english) = firm_in_both_languages(&app, "a@garage.nl", "Garage").await;
    let search = |server: &TestServer, words: &str| {
        let request = server.get("/offers/new").add_query_param("zoek", words);
        async move { request.await.text() }
    };

    let (oil_nl, oil_en) = (
        search(&dutch, "afgewerkte olie").await,
        search(&english, "afgewerkte olie").await,
    );
    let (sawdust_nl, sawdust_en) = (
        search(&dutch, "zaagsel").await,
        search(&english, "zaagsel").await,
    );

    assert!(
        oil_nl.contains("gevaarlijk afval: alleen naar vergunninghouders"),
        "{oil_nl}"
    );
    assert!(
        oil_en.contains("hazardous waste: only to licence holders"),
        "{oil_en}"
    );
    assert!(
        sawdust_nl.contains("spiegelcode: u beoordeelt zelf"),
        "{sawdust_nl}"
    );
    assert!(
        sawdust_en.contains("mirror entry: you assess yourself"),
        "{sawdust_en}"
    );
}

#[tokio::test]
async fn a_refused_new_offer_in_english_names_the_field_in_english() {
    let app = TestApp::spawn().await;
    let (_, server) = firm_in_both_languages(&app, "a@bakkerij.nl", "Bakkerij").await;
    let csrf = csrf_of(&server.get("/offers/new").await.text());

    let response = server
        .post("/offers")
        .form(&[
            ("csrf", csrf.as_str()),
            ("material", ""),
            ("quantity_per_year", "4"),
            ("unit", "t"),
            ("disposal_cost_eur_per_unit", "veel"),
        ])
        .await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text();
    assert!(
        html.contains("Choose a material from the search results."),
        "{html}"
    );
    assert!(html.contains("Enter an amount in euros (negative if you sell it today)."));
    assert_eq!(symbiose::storage::counts(&app.db).await.unwrap().offers, 0);
}
