//! Who may do what: every route of the app, tried by a second firm with the first firm's ids.
//!
//! The table in `authorization/routes.rs` names every route of `src/web/router.rs`; a test
//! reads the router's source and fails when a route is added without a line there, so no route
//! escapes this check.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use axum_test::TestServer;

use crate::accounts::{csrf_of, register, saving_cookies};
use crate::common::TestApp;

mod routes;

use routes::Access::{Coordinator, OwnFirm, OwnedId, Public};
use routes::ROUTES;

/// `(method, path)` of every `.route(…)` in the router's source.
fn routes_in_router() -> BTreeSet<(String, String)> {
    let source = include_str!("../../src/web/router.rs");
    let mut found = BTreeSet::new();
    for piece in source.split(".route(").skip(1) {
        let path: String = piece
            .trim_start()
            .trim_start_matches('"')
            .chars()
            .take_while(|c| *c != '"')
            .collect();
        // The handlers of this route: up to the next route or the end of the chain.
        let handlers = piece.split(".fallback").next().unwrap_or(piece);
        for (method, marker) in [("GET", "get("), ("POST", "post(")] {
            if handlers.contains(marker) {
                found.insert((method.to_string(), path.clone()));
            }
        }
    }
    found
}

#[test]
fn every_route_of_the_router_is_in_the_authorization_table() {
    let table: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(m, p, _)| (m.to_string(), p.to_string()))
        .collect();
    let router = routes_in_router();
    assert!(router.len() > 20, "parsed only {router:?}");
    let untested: Vec<_> = router.difference(&table).collect();
    let gone: Vec<_> = table.difference(&router).collect();
    assert!(
        untested.is_empty(),
        "routes without an authorization check: {untested:?}"
    );
    assert!(
        gone.is_empty(),
        "table lists routes the router lacks: {gone:?}"
    );
}

async fn signed_in_firm(app: &TestApp, email: &str, name: &str) -> TestServer {
    let server = saving_cookies(app);
    register(&server, email, name)
        .await
        .assert_status(StatusCode::SEE_OTHER);
    server
}

async fn post(
    server: &TestServer,
    form_page: &str,
    action: &str,
    extra: &[(&str, &str)],
) -> StatusCode {
    let csrf = csrf_of(&server.get(form_page).await.text());
    let mut fields: Vec<(&str, &str)> = vec![("csrf", csrf.as_str())];
    fields.extend_from_slice(extra);
    server.post(action).form(&fields).await.status_code()
}

const OFFER: &[(&str, &str)] = &[
    ("material", "02 03 04"),
    ("description", "Koffiedik van de eigenaar"),
    ("quantity_per_year", "8"),
    ("unit", "t"),
    ("regularity", "recurring"),
    ("disposal_cost_eur_per_unit", "45"),
    ("confidentiality", "anonymous"),
];

const NEED: &[(&str, &str)] = &[
    ("accepts", "02 03 04"),
    ("description", "Substraat van de ontvanger"),
    ("quantity_per_year", "20"),
    ("unit", "t"),
    ("virgin_price_eur_per_unit", "30"),
    ("max_distance_km", "25"),
    ("licensed_for_hazardous", "false"),
    ("confidentiality", "anonymous"),
];

/// The owner's and the receiver's flows with an exchange between them, and an intruder.
struct Scene {
    app: TestApp,
    owner: TestServer,
    intruder: TestServer,
    offer: String,
    need: String,
    exchange: String,
}

async fn scene() -> Scene {
    let app = TestApp::spawn().await;
    let owner = signed_in_firm(&app, "eigenaar@boon.nl", "Branderij Eigenaar").await;
    let receiver = signed_in_firm(&app, "ontvanger@zwam.nl", "Zwammerij Ontvanger").await;
    let intruder = signed_in_firm(&app, "indringer@elders.nl", "Indringer BV").await;
    assert_eq!(
        post(&owner, "/offers/new", "/offers", OFFER).await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post(&receiver, "/needs/new", "/needs", NEED).await,
        StatusCode::SEE_OTHER
    );
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let (offer, need) = (
        region.offers[0].id().to_string(),
        region.needs[0].id().to_string(),
    );
    let csrf = csrf_of(&owner.get("/matches").await.text());
    let opened = owner
        .post("/exchanges")
        .form(&[("csrf", csrf.as_str()), ("offer", &offer), ("need", &need)])
        .await;
    opened.assert_status(StatusCode::SEE_OTHER);
    let exchange = opened.header("location").to_str().unwrap().to_string();
    Scene {
        app,
        owner,
        intruder,
        offer,
        need,
        exchange,
    }
}

/// What the owner's side looks like, to prove an intruder's attempt changed nothing.
async fn owner_state(scene: &Scene) -> String {
    let flows = scene.owner.get("/offers").await.text();
    let exchange = scene.owner.get(&scene.exchange).await.text();
    let region = symbiose::storage::load_region(&scene.app.db).await.unwrap();
    format!(
        "{flows}\n{exchange}\n{:?}\n{:?}",
        region.offers, region.needs
    )
}

#[tokio::test]
async fn a_second_firm_gets_not_found_on_every_route_that_takes_another_firms_id() {
    let scene = scene().await;
    let before = owner_state(&scene).await;
    let exchange_id = scene.exchange.trim_start_matches("/exchanges/").to_string();
    for (method, path, access) in ROUTES {
        if *access != OwnedId {
            continue;
        }
        let concrete = if path.starts_with("/rounds") || path.starts_with("/partnerships") {
            // No round or partnership includes the intruder; the plan and partnership tests
            // cover those with members.
            path.replace("{id}", "1")
        } else if path.starts_with("/offers") {
            path.replace("{id}", &scene.offer)
        } else if path.starts_with("/needs") {
            path.replace("{id}", &scene.need)
        } else {
            path.replace("{id}", &exchange_id)
        };
        let status = if *method == "GET" {
            scene.intruder.get(&concrete).await.status_code()
        } else if path.ends_with("/photo") {
            // An upload is a multipart form: a valid one of the intruder's own session.
            let csrf = csrf_of(&scene.intruder.get("/offers").await.text());
            let form = axum_test::multipart::MultipartForm::new()
                .add_text("csrf", csrf)
                .add_part(
                    "photo",
                    axum_test::multipart::Part::bytes(b"not a photo".to_vec()).file_name("x.jpg"),
                );
            scene
                .intruder
                .post(&concrete)
                .multipart(form)
                .await
                .status_code()
        } else {
            // A valid form of the intruder's own session, naming the owner's flows.
            let fields = [
                ("offer", scene.offer.as_str()),
                ("need", scene.need.as_str()),
                ("step", "decline"),
                ("reason", "weggehaald"),
                ("period", "2026-11"),
                ("tonnes", "5"),
            ];
            let mut with_edit: Vec<(&str, &str)> = fields.to_vec();
            with_edit.extend_from_slice(OFFER);
            post(&scene.intruder, "/offers", &concrete, &with_edit).await
        };
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN,
            "{method} {concrete} answered {status} to another firm"
        );
    }
    assert_eq!(
        owner_state(&scene).await,
        before,
        "an intruder changed the owner's data"
    );
}

#[tokio::test]
async fn pages_of_the_own_firm_never_show_another_firms_flows_or_contacts() {
    let scene = scene().await;
    for (method, path, access) in ROUTES {
        if *method != "GET" || *access != OwnFirm {
            continue;
        }
        let page = scene.intruder.get(path).await;
        let html = page.text();
        for secret in [
            "Branderij Eigenaar",
            "eigenaar@boon.nl",
            "Koffiedik van de eigenaar",
        ] {
            assert!(
                !html.contains(secret),
                "GET {path} shows {secret} to another firm"
            );
        }
    }
}

#[tokio::test]
async fn without_a_login_every_own_firm_page_redirects_to_login_and_every_form_is_refused() {
    let scene = scene().await;
    let anonymous = scene.app.server();
    for (method, path, access) in ROUTES {
        if *access == Public {
            continue;
        }
        let concrete =
            (path.replace("{id}", &scene.offer).replace("{number}", "1")).replace("{key}", "F1");
        let response = if *method == "GET" {
            anonymous.get(&concrete).await
        } else {
            anonymous.post(&concrete).form(&[("csrf", "x")]).await
        };
        let status = response.status_code();
        assert_eq!(
            status,
            StatusCode::SEE_OTHER,
            "{method} {concrete} without login"
        );
        assert_eq!(response.header("location"), "/login", "{method} {concrete}");
    }
}

#[tokio::test]
async fn every_form_of_a_signed_in_firm_without_its_csrf_token_is_refused() {
    let scene = scene().await;
    let before = owner_state(&scene).await;
    let exchange_id = scene.exchange.trim_start_matches("/exchanges/").to_string();
    for (method, path, access) in ROUTES {
        if *method != "POST" || *access == Public {
            continue;
        }
        if *access == Coordinator {
            continue;
        }
        let concrete = if path.starts_with("/needs") {
            path.replace("{id}", &scene.need)
        } else if path.starts_with("/exchanges") {
            path.replace("{id}", &exchange_id)
        } else {
            path.replace("{id}", &scene.offer)
        };
        let mut fields: Vec<(&str, &str)> = vec![("csrf", "0000"), ("step", "decline")];
        fields.extend_from_slice(OFFER);
        let request = scene.owner.post(&concrete);
        let status = if path.ends_with("/photo") {
            // An upload is a multipart form.
            let form = axum_test::multipart::MultipartForm::new()
                .add_text("csrf", "0000")
                .add_part(
                    "photo",
                    axum_test::multipart::Part::bytes(b"x".to_vec()).file_name("x.jpg"),
                );
            request.multipart(form).await.status_code()
        } else {
            request.form(&fields).await.status_code()
        };
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "POST {concrete} with a wrong token"
        );
    }
    assert_eq!(owner_state(&scene).await, before);
}

#[tokio::test]
async fn a_firms_user_gets_not_found_on_every_coordinator_route() {
    let scene = scene().await;
    for (method, path, access) in ROUTES {
        if *access != Coordinator {
            continue;
        }
        let concrete = (path.replace("{number}", "1").replace("{id}", "1")).replace("{key}", "F1");
        let status = if *method == "GET" {
            scene.intruder.get(&concrete).await.status_code()
        } else {
            post(&scene.intruder, "/offers", &concrete, &[]).await
        };
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "{method} {concrete} for a firm's user"
        );
    }
}
