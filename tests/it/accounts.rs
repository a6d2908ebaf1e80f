//! Accounts: registration, login, logout, sessions, CSRF and slowed-down guessing.

use axum::http::StatusCode;
use axum_test::TestServer;
use sea_orm::{ConnectionTrait, Statement};

use crate::common::TestApp;

mod border;
mod password_reset;

/// The hidden CSRF field of a page.
pub fn csrf_of(html: &str) -> String {
    let start = html
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF field")
        + 19;
    html[start..start + 64].to_string()
}

pub fn saving_cookies(app: &TestApp) -> TestServer {
    let mut server = app.server();
    server.save_cookies();
    server
}

pub(crate) fn registration(csrf: &str, email: &str, firm: &str) -> Vec<(String, String)> {
    [
        ("csrf", csrf),
        ("firm_name", firm),
        ("municipality", "Weert"),
        ("employees", "12"),
        ("email", email),
        ("password", "koffiedik-2026"),
        ("password_confirm", "koffiedik-2026"),
        ("language", "nl"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

pub async fn register(server: &TestServer, email: &str, firm: &str) -> axum_test::TestResponse {
    let csrf = csrf_of(&server.get("/register").await.text());
    server
        .post("/register")
        .form(&registration(&csrf, email, firm))
        .await
}

pub async fn login(server: &TestServer, email: &str, password: &str) -> axum_test::TestResponse {
    let csrf = csrf_of(&server.get("/login").await.text());
    server
        .post("/login")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", email),
            ("password", password),
        ])
        .await
}

#[tokio::test]
async fn a_firm_registers_and_lands_on_its_own_page() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);

    let response = register(&server, "info@bakkerij.nl", "Bakkerij Het Korenaar").await;

    response.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(response.header("location"), "/firm");
    let cookie = response.cookie("symbiose_session");
    assert_eq!(cookie.http_only(), Some(true));
    assert_eq!(
        cookie.same_site().map(|s| s.to_string()),
        Some("Lax".to_string())
    );
    let page = server.get("/firm").await;
    page.assert_status_ok();
    assert!(page.text().contains("Bakkerij Het Korenaar"));
    assert!(page.text().contains("Uitloggen"));
}

#[tokio::test]
async fn passwords_are_stored_as_argon2id_hashes_only() {
    let app = TestApp::spawn().await;
    register(&saving_cookies(&app), "info@bakkerij.nl", "Bakkerij").await;

    let row = app
        .db
        .query_one_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT password_hash FROM users",
        ))
        .await
        .unwrap()
        .unwrap();
    let hash: String = row.try_get("", "password_hash").unwrap();

    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("koffiedik"));
}

#[tokio::test]
async fn a_form_without_its_csrf_token_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);
    server.get("/register").await;

    let missing = server
        .post("/register")
        .form(&registration("", "a@b.nl", "X"))
        .await;
    let wrong = server
        .post("/register")
        .form(&registration(&"0".repeat(64), "a@b.nl", "X"))
        .await;

    missing.assert_status(StatusCode::FORBIDDEN);
    wrong.assert_status(StatusCode::FORBIDDEN);
    assert!(symbiose::storage::counts(&app.db).await.unwrap().is_empty());
}

#[tokio::test]
async fn bad_registration_fields_get_messages_next_to_them_and_nothing_is_created() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);
    let csrf = csrf_of(&server.get("/register").await.text());
    let mut fields = registration(&csrf, "not-an-address", "<script>alert(1)</script>");
    fields.iter_mut().for_each(|(k, v)| match k.as_str() {
        "password" => *v = "short".into(),
        "employees" => *v = "veel".into(),
        _ => {}
    });

    let response = server.post("/register").form(&fields).await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text();
    assert!(html.contains("Vul een geldig e-mailadres in."));
    assert!(html.contains("minstens 10 tekens"));
    assert!(html.contains("aantal medewerkers"));
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>alert(1)"));
    assert!(symbiose::storage::counts(&app.db).await.unwrap().is_empty());
}

#[tokio::test]
async fn an_address_can_hold_only_one_account() {
    let app = TestApp::spawn().await;
    register(&saving_cookies(&app), "info@bakkerij.nl", "Bakkerij").await;

    let again = register(&saving_cookies(&app), "INFO@bakkerij.nl", "Andere bakkerij").await;

    again.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.text().contains("Er bestaat al een account"));
    assert_eq!(symbiose::storage::counts(&app.db).await.unwrap().firms, 1);
}

#[tokio::test]
async fn a_page_that_needs_a_login_sends_a_visitor_to_the_login_page() {
    let app = TestApp::spawn().await;

    let response = app.server().get("/firm").await;

    response.assert_status(StatusCode::SEE_OTHER);
    assert_eq!(response.header("location"), "/login");
}

#[tokio::test]
async fn login_logout_and_the_session_ends() {
    let app = TestApp::spawn().await;
    register(&saving_cookies(&app), "info@bakkerij.nl", "Bakkerij").await;
    let server = saving_cookies(&app);

    let response = login(&server, "info@bakkerij.nl", "koffiedik-2026").await;
    response.assert_status(StatusCode::SEE_OTHER);
    let page = server.get("/firm").await;
    page.assert_status_ok();
    let csrf = csrf_of(&page.text());
    server
        .post("/logout")
        .form(&[("csrf", csrf.as_str())])
        .await
        .assert_status(StatusCode::SEE_OTHER);

    server
        .get("/firm")
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn logout_without_the_session_token_is_refused() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);
    register(&server, "info@bakkerij.nl", "Bakkerij").await;

    let response = server.post("/logout").form(&[("csrf", "forged")]).await;

    response.assert_status(StatusCode::FORBIDDEN);
    server.get("/firm").await.assert_status_ok();
}

#[tokio::test]
async fn a_wrong_password_is_refused_and_repeated_failures_are_slowed_down() {
    let app = TestApp::spawn().await;
    register(&saving_cookies(&app), "info@bakkerij.nl", "Bakkerij").await;
    let server = saving_cookies(&app);

    for _ in 0..3 {
        let response = login(&server, "info@bakkerij.nl", "wrong password").await;
        response.assert_status(StatusCode::UNAUTHORIZED);
        assert!(response.text().contains("klopt niet"));
    }
    let fourth = login(&server, "info@bakkerij.nl", "koffiedik-2026").await;

    fourth.assert_status(StatusCode::TOO_MANY_REQUESTS);
    assert!(fourth.text().contains("Te veel mislukte pogingen"));
}

#[tokio::test]
async fn an_unknown_address_gets_the_same_answer_as_a_wrong_password() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);

    let response = login(&server, "nobody@nowhere.nl", "whatever-it-is").await;

    response.assert_status(StatusCode::UNAUTHORIZED);
    assert!(
        response
            .text()
            .contains("Het e-mailadres of het wachtwoord klopt niet.")
    );
}

/// The region's coordinator's address and password in tests.
pub const COORDINATOR_EMAIL: &str = "regio@keyport.nl";
pub const COORDINATOR_PASSWORD: &str = "regio-keyport-2026";

/// A coordinator of the region, created in storage (as `symbiose admin create` does) and signed
/// in through the login form; with its user id.
pub async fn signed_in_coordinator(app: &TestApp) -> (TestServer, i64) {
    let password = symbiose::domain::NewPassword::parse(COORDINATOR_PASSWORD).unwrap();
    let hash = symbiose::accounts::hash_password(&password).unwrap();
    let id = symbiose::storage::accounts::create_staff_user(
        &app.db,
        &symbiose::domain::Email::parse(COORDINATOR_EMAIL).unwrap(),
        &hash,
        symbiose::domain::Role::Coordinator,
        app.app.now(),
    )
    .await
    .unwrap();
    let server = saving_cookies(app);
    let csrf = csrf_of(&server.get("/login").await.text());
    server
        .post("/login")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", COORDINATOR_EMAIL),
            ("password", COORDINATOR_PASSWORD),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    (server, id)
}
