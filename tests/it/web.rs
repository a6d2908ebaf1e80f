//! The web skeleton: overview page, health check, errors, escaping.

use axum::http::StatusCode;
use symbiose::storage;

use crate::common::{TINY_JSON, TestApp, today};
use crate::storage::region_from;

#[tokio::test]
async fn the_overview_lists_the_demo_region_in_dutch() {
    let app = TestApp::spawn().await;
    symbiose::demo::load_demo(&app.db, today()).await.unwrap();
    let counts = storage::counts(&app.db).await.unwrap();

    let page = app.server().get("/firms").await;

    page.assert_status_ok();
    let html = page.text();
    assert!(html.contains("<html lang=\"nl\">"));
    assert!(html.contains("bedrijven") && html.contains("Biedt aan") && html.contains("Zoekt"));
    assert!(html.contains(&format!("<strong>{}</strong> bedrijven", counts.firms)));
    assert!(html.contains("Pagina 1 van"));
}

#[tokio::test]
async fn the_overview_filters_by_municipality_and_pages() {
    let app = TestApp::spawn().await;
    storage::insert_region(&app.db, &region_from(TINY_JSON), &|_| {})
        .await
        .unwrap();

    let page = app
        .server()
        .get("/firms")
        .add_query_param("gemeente", "Nederweert")
        .await;

    page.assert_status_ok();
    let html = page.text();
    assert!(html.contains("Varkenshouderij Ospel"));
    assert!(!html.contains("Eiproducten Weert"));
}

#[tokio::test]
async fn a_page_number_that_is_not_a_number_gets_a_dutch_message() {
    let app = TestApp::spawn().await;

    let page = app
        .server()
        .get("/firms")
        .add_query_param("pagina", "abc")
        .await;

    page.assert_status(StatusCode::BAD_REQUEST);
    assert!(
        page.text()
            .contains("pagina: &quot;abc&quot; is geen paginanummer")
    );
}

#[tokio::test]
async fn an_unknown_municipality_is_refused() {
    let app = TestApp::spawn().await;

    let page = app
        .server()
        .get("/firms")
        .add_query_param("gemeente", "Atlantis")
        .await;

    page.assert_status(StatusCode::BAD_REQUEST);
    assert!(page.text().contains("komt in deze regio niet voor"));
}

#[tokio::test]
async fn an_unknown_address_gets_a_not_found_page() {
    let app = TestApp::spawn().await;

    let page = app.server().get("/no/such/page").await;

    page.assert_status(StatusCode::NOT_FOUND);
    assert!(page.text().contains("Pagina niet gevonden"));
}

#[tokio::test]
async fn the_health_check_answers_ok() {
    let app = TestApp::spawn().await;

    let response = app.server().get("/healthz").await;

    response.assert_status_ok();
    assert_eq!(response.text(), "ok");
}

#[tokio::test]
async fn the_stylesheet_is_served_from_the_binary() {
    let app = TestApp::spawn().await;

    let response = app.server().get("/static/style.css").await;

    response.assert_status_ok();
    assert!(
        response
            .header("content-type")
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
}

#[tokio::test]
async fn firm_names_are_escaped_in_pages() {
    let app = TestApp::spawn().await;
    let text = TINY_JSON.replace("Eiproducten Weert B.V.", "<script>alert(1)</script>");
    storage::insert_region(&app.db, &region_from(&text), &|_| {})
        .await
        .unwrap();

    let html = app.server().get("/firms").await.text();

    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[tokio::test]
async fn a_demo_loaded_months_later_keeps_its_flows_current() {
    let app = TestApp::spawn().await;
    let later = chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap();

    symbiose::demo::load_demo(&app.db, later).await.unwrap();

    let region = storage::load_region(&app.db).await.unwrap();
    let newest = region
        .offers
        .iter()
        .map(|o| o.last_confirmed())
        .max()
        .unwrap();
    let oldest = region
        .offers
        .iter()
        .map(|o| o.last_confirmed())
        .min()
        .unwrap();
    assert!((later - newest).num_days() <= 7, "{newest}");
    assert!(
        (later - oldest).num_days() > 180,
        "the demo still plants a few stale flows"
    );
}

#[tokio::test]
async fn the_overview_lists_only_public_flows_and_not_paused_ones() {
    let app = TestApp::spawn().await;
    let (roaster, _grower, offer, _) =
        crate::exchanges::pair_marked(&app, "public", "anonymous").await;
    let visitor = app.server();
    let page = visitor.get("/firms").await.text();
    assert!(page.contains("Koffiedik"), "the public offer is listed");
    assert!(
        !page.contains("Substraat"),
        "the anonymous need is not listed"
    );

    let csrf = crate::accounts::csrf_of(&roaster.get("/offers").await.text());
    roaster
        .post(&format!("/offers/{offer}/pause"))
        .form(&[("csrf", csrf.as_str())])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let page = visitor.get("/firms").await.text();
    assert!(
        !page.contains("Koffiedik"),
        "a paused offer leaves the overview"
    );
}
