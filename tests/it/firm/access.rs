//! Who may see and change a profile: only the signed-in firm, only with its form's token,
//! and what it typed is shown as text.

use axum::http::StatusCode;
use axum_test::TestServer;

use super::{profile, signed_in_firm, stored_firm, submit};
use crate::common::TestApp;

#[tokio::test]
async fn a_firm_sees_and_changes_only_its_own_profile() {
    let app = TestApp::spawn().await;
    let firm_a = signed_in_firm(&app, "a@korenaar.nl", "Bakkerij Aaaa").await;
    let firm_b = signed_in_firm(&app, "b@staal.nl", "Staalbouw Bbbb").await;
    let a_before = server_profile(&firm_a).await;

    let b_form = firm_b.get("/firm/edit").await.text();
    submit(
        &firm_b,
        &[("name", "Staalbouw Bbbb BV"), ("municipality", "Leudal")],
    )
    .await
    .assert_status(StatusCode::SEE_OTHER);

    assert!(b_form.contains("Staalbouw Bbbb") && !b_form.contains("Bakkerij Aaaa"));
    assert!(!firm_b.get("/firm").await.text().contains("Bakkerij Aaaa"));
    assert_eq!(server_profile(&firm_a).await, a_before);
    let region = symbiose::storage::load_region(&app.db).await.unwrap();
    let names: Vec<&str> = region.firms.iter().map(|f| f.name()).collect();
    assert!(names.contains(&"Bakkerij Aaaa") && names.contains(&"Staalbouw Bbbb BV"));
}

async fn server_profile(server: &TestServer) -> String {
    server.get("/firm").await.text()
}

#[tokio::test]
async fn without_a_login_the_profile_pages_send_the_visitor_to_login() {
    let app = TestApp::spawn().await;
    let anonymous = app.server();

    let responses = [
        anonymous.get("/firm/edit").await,
        anonymous.post("/firm/edit").form(&profile("x", &[])).await,
        anonymous.get("/firm/map.svg").await,
    ];

    for response in responses {
        response.assert_status(StatusCode::SEE_OTHER);
        assert_eq!(response.header("location"), "/login");
    }
}

#[tokio::test]
async fn a_form_with_a_wrong_csrf_token_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;
    let before = stored_firm(&app).await;

    let forged = server
        .post("/firm/edit")
        .form(&profile(&"0".repeat(64), &[("name", "Overgenomen")]))
        .await;

    forged.assert_status(StatusCode::FORBIDDEN);
    assert_eq!(stored_firm(&app).await, before);
}

#[tokio::test]
async fn markup_in_the_firm_name_is_shown_as_text() {
    let app = TestApp::spawn().await;
    let server = signed_in_firm(&app, "info@korenaar.nl", "Korenaar").await;

    submit(&server, &[("name", "<script>alert(1)</script>")])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    for page in ["/firm", "/firm/edit", "/firm/map.svg"] {
        let html = server.get(page).await.text();
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{page}"
        );
        assert!(!html.contains("<script>"), "{page}");
    }
}
