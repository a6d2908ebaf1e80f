//! Security headers, the app's own page for unreadable requests, and the language switch.

use axum::http::{HeaderName, HeaderValue, StatusCode};

use crate::accounts::{register, saving_cookies};
use crate::common::TestApp;

#[tokio::test]
async fn every_page_carries_the_security_headers() {
    let app = TestApp::spawn().await;

    let response = app.server().get("/").await;

    let csp = response.header("content-security-policy");
    let csp = csp.to_str().unwrap();
    assert!(csp.contains("script-src 'none'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(response.header("x-content-type-options"), "nosniff");
    assert_eq!(response.header("referrer-policy"), "same-origin");
    assert_eq!(response.header("x-frame-options"), "DENY");
    assert!(response.maybe_header("cache-control").is_none());
    // Errors too.
    let missing = app.server().get("/no-such-page").await;
    assert_eq!(missing.header("x-content-type-options"), "nosniff");
}

#[tokio::test]
async fn signed_in_pages_are_not_stored_by_caches() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);
    register(&server, "info@bakkerij.nl", "Bakkerij").await;

    let page = server.get("/firm").await;

    page.assert_status_ok();
    assert_eq!(page.header("cache-control"), "no-store");
    // The stylesheet keeps its own caching.
    let css = server.get("/static/style.css").await;
    assert_eq!(css.header("cache-control"), "public, max-age=3600");
}

#[tokio::test]
async fn requests_axum_cannot_parse_get_the_apps_own_400_page() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);
    register(&server, "info@bakkerij.nl", "Bakkerij").await;

    let bad_id = server.get("/exchanges/abc").await;
    let bad_body = server
        .post("/login")
        .add_header(
            HeaderName::from_static("content-type"),
            HeaderValue::from_static("text/plain"),
        )
        .text("email=x")
        .await;

    for response in [bad_id, bad_body] {
        response.assert_status(StatusCode::BAD_REQUEST);
        let html = response.text();
        assert!(html.contains("kon niet worden gelezen"), "{html}");
        assert!(
            !html.contains("i64") && !html.contains("Content-Type"),
            "{html}"
        );
        assert!(
            response
                .header("content-type")
                .to_str()
                .unwrap()
                .starts_with("text/html")
        );
    }
}

#[tokio::test]
async fn the_language_switch_never_sends_the_browser_to_another_site() {
    let app = TestApp::spawn().await;
    let server = app.server();

    for referer in [
        "http://localhost/\\evil.example/",
        "http://localhost//evil.example/",
        "https://evil.example/matches",
    ] {
        let response = server
            .get("/language/en")
            .add_header(
                HeaderName::from_static("host"),
                HeaderValue::from_static("localhost"),
            )
            .add_header(
                HeaderName::from_static("referer"),
                HeaderValue::from_str(referer).unwrap(),
            )
            .await;
        assert_eq!(response.header("location"), "/", "{referer}");
    }
    let home = server
        .get("/language/en")
        .add_header(
            HeaderName::from_static("host"),
            HeaderValue::from_static("localhost"),
        )
        .add_header(
            HeaderName::from_static("referer"),
            HeaderValue::from_static("http://localhost/matches?x=1"),
        )
        .await;
    assert_eq!(home.header("location"), "/matches?x=1");
}
