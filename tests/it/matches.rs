//! `/matches`: suggestions for the firm's own flows, anonymised, and only what it may see.

use axum::http::StatusCode;
use axum_test::TestServer;

use crate::accounts::{csrf_of, register, saving_cookies};
use crate::common::TestApp;
use crate::exchanges::in_english;

async fn firm(app: &TestApp, email: &str, name: &str) -> TestServer {
    let server = saving_cookies(app);
    register(&server, email, name)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    server
}

async fn offer_coffee_grounds(server: &TestServer, confidentiality: &str) {
    let csrf = csrf_of(
        &server
            .get("/offers/new")
            .add_query_param("zoek", "koffiedik")
            .await
            .text(),
    );
    server
        .post("/offers")
        .form(&[
            ("csrf", csrf.as_str()),
            ("material", "02 03 04"),
            ("description", "Koffiedik uit de branderij"),
            ("quantity_per_year", "8"),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "45"),
            ("confidentiality", confidentiality),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

async fn need_coffee_grounds(server: &TestServer) {
    let csrf = csrf_of(
        &server
            .get("/needs/new")
            .add_query_param("zoek", "koffiedik")
            .await
            .text(),
    );
    server
        .post("/needs")
        .form(&[
            ("csrf", csrf.as_str()),
            ("accepts", "02 03 04"),
            ("description", "Substraat voor oesterzwammen"),
            ("quantity_per_year", "20"),
            ("unit", "t"),
            ("virgin_price_eur_per_unit", "30"),
            ("max_distance_km", "25"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn both_sides_see_the_match_with_reasons_but_not_each_others_name() {
    let app = TestApp::spawn().await;
    let roaster = firm(&app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let grower = firm(&app, "info@zwam.nl", "Zwammerij Het Mycelium").await;
    offer_coffee_grounds(&roaster, "anonymous").await;
    // The first visit builds the snapshot; the need added after it must still show up.
    roaster.get("/matches").await.assert_status_ok();
    need_coffee_grounds(&grower).await;

    let roaster_view = roaster.get("/matches").await.text();
    let grower_view = grower.get("/matches").await.text();

    assert!(roaster_view.contains("8 t/jaar past"), "{roaster_view}");
    assert!(roaster_view.contains("de ontvanger neemt 02 03 04"));
    assert!(roaster_view.contains("in Weert"));
    assert!(!roaster_view.contains("Zwammerij"));
    assert!(
        grower_view.contains("€ 45 afvoer bespaard"),
        "{grower_view}"
    );
    assert!(!grower_view.contains("De Boon"));
}

#[tokio::test]
async fn a_coordinator_only_flow_is_never_a_firms_suggestion() {
    let app = TestApp::spawn().await;
    let roaster = firm(&app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let grower = firm(&app, "info@zwam.nl", "Zwammerij Het Mycelium").await;
    offer_coffee_grounds(&roaster, "coordinator-only").await;
    need_coffee_grounds(&grower).await;

    let grower_view = grower.get("/matches").await.text();

    assert!(
        grower_view.contains("Nog geen passende partij"),
        "{grower_view}"
    );
}

#[tokio::test]
async fn the_matches_page_needs_a_login() {
    let app = TestApp::spawn().await;

    let response = app.server().get("/matches").await;

    response.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(response.header("location"), "/login");
}

#[tokio::test]
async fn small_producers_see_the_collection_round_they_could_join_and_the_receiver_sees_it_too() {
    let app = TestApp::spawn().await;
    let recycler = firm(&app, "info@regranulaat.nl", "Regranulaat Limburg").await;
    let csrf = csrf_of(&recycler.get("/needs/new").await.text());
    recycler
        .post("/needs")
        .form(&[
            ("csrf", csrf.as_str()),
            ("accepts", "15 01 02"),
            ("description", "Folie voor regranulaat"),
            ("quantity_per_year", "200"),
            ("unit", "t"),
            ("min_lot_per_year", "30"),
            ("virgin_price_eur_per_unit", "150"),
            ("max_distance_km", "30"),
            ("licensed_for_hazardous", "false"),
            ("confidentiality", "anonymous"),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let mut producers = Vec::new();
    for k in 0..4 {
        let producer = firm(
            &app,
            &format!("folie{k}@webshop.nl"),
            &format!("Webshop {k}"),
        )
        .await;
        let csrf = csrf_of(&producer.get("/offers/new").await.text());
        producer
            .post("/offers")
            .form(&[
                ("csrf", csrf.as_str()),
                ("material", "15 01 02"),
                ("description", "Stretchfolie"),
                ("quantity_per_year", "9"),
                ("unit", "t"),
                ("regularity", "recurring"),
                ("disposal_cost_eur_per_unit", "90"),
                ("confidentiality", "anonymous"),
            ])
            .await
            .assert_status(StatusCode::SEE_OTHER);
        producers.push(producer);
    }

    let producer_view = producers[0].get("/matches").await.text();
    let recycler_view = recycler.get("/matches").await.text();

    assert!(
        producer_view.contains("Samen ophalen:")
            && producer_view.contains("uw deel van de transportkosten"),
        "{producer_view}"
    );
    assert!(
        recycler_view.contains("Samen ophalen:")
            && recycler_view.contains("kleine bedrijven leveren samen"),
        "{recycler_view}"
    );
    assert!(!producer_view.contains("Regranulaat Limburg"));
}

#[tokio::test]
async fn a_public_flow_shows_its_firms_name_but_never_its_contact_details() {
    let app = TestApp::spawn().await;
    let roaster = firm(&app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let grower = firm(&app, "info@zwam.nl", "Zwammerij Het Mycelium").await;
    offer_coffee_grounds(&roaster, "public").await;
    need_coffee_grounds(&grower).await;

    let grower_view = grower.get("/matches").await.text();

    assert!(
        grower_view.contains("<strong>Koffiebranderij De Boon · Sector onbekend in Weert</strong>"),
        "{grower_view}"
    );
    assert!(!grower_view.contains("info@deboon.nl"), "{grower_view}");
}

#[tokio::test]
async fn an_anonymous_flow_shows_only_sector_municipality_and_distance() {
    let app = TestApp::spawn().await;
    let roaster = firm(&app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let grower = firm(&app, "info@zwam.nl", "Zwammerij Het Mycelium").await;
    offer_coffee_grounds(&roaster, "anonymous").await;
    need_coffee_grounds(&grower).await;

    let grower_view = grower.get("/matches").await.text();
    let roaster_view = roaster.get("/matches").await.text();

    assert!(
        grower_view.contains("<strong>Anonieme firma · Sector onbekend in Weert</strong> · 0 km"),
        "{grower_view}"
    );
    assert!(!grower_view.contains("De Boon") && !grower_view.contains("info@deboon.nl"));
    assert!(roaster_view.contains("<strong>Anonieme firma · Sector onbekend in Weert</strong>"));
    assert!(!roaster_view.contains("Zwammerij") && !roaster_view.contains("info@zwam.nl"));
}

#[tokio::test]
async fn a_coordinator_only_flow_leaves_no_trace_on_the_other_firms_matches() {
    let app = TestApp::spawn().await;
    let roaster = firm(&app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let grower = firm(&app, "info@zwam.nl", "Zwammerij Het Mycelium").await;
    offer_coffee_grounds(&roaster, "coordinator-only").await;
    need_coffee_grounds(&grower).await;
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let offer = region.offers[0].id().to_string();

    let grower_view = grower.get("/matches").await.text();

    assert!(!grower_view.contains(&offer), "{grower_view}");
    assert!(!grower_view.contains("De Boon") && !grower_view.contains("info@deboon.nl"));
    assert!(!grower_view.contains("li class=\"match\""), "{grower_view}");
}

#[tokio::test]
async fn the_matches_page_answers_in_english_with_english_numbers() {
    let app = TestApp::spawn().await;
    let roaster = firm(&app, "info@deboon.nl", "Koffiebranderij De Boon").await;
    let grower = firm(&app, "info@zwam.nl", "Zwammerij Het Mycelium").await;
    let csrf = csrf_of(&roaster.get("/offers/new").await.text());
    roaster
        .post("/offers")
        .form(&[
            ("csrf", csrf.as_str()),
            ("material", "02 03 04"),
            ("description", "Koffiedik uit de branderij"),
            ("quantity_per_year", "12.5"),
            ("unit", "t"),
            ("regularity", "recurring"),
            ("disposal_cost_eur_per_unit", "45"),
            ("confidentiality", "anonymous"),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    need_coffee_grounds(&grower).await;

    let english = in_english(grower.get("/matches")).await.text();
    let dutch = grower.get("/matches").await.text();

    assert!(english.contains("<h1>My matches</h1>"), "{english}");
    assert!(english.contains("Sector unknown in Weert"), "{english}");
    assert!(
        english.contains("12.5 t/year fits (offered 12.5, needed 20)"),
        "{english}"
    );
    assert!(english.contains("€45 disposal saved"), "{english}");
    assert!(english.contains(">Not for us</button>") && english.contains(">Interested</button>"));
    assert!(
        dutch.contains("12,5 t/jaar past (aangeboden 12,5, gevraagd 20)"),
        "{dutch}"
    );
}

mod descriptors;
mod existing;
mod explain;
mod refused;
