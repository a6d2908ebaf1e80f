//! Password reset by a mailed one-time link: asked for on `/password/forgot` (the same answer
//! for any address, throttled), mailed through the outbox with the link, used once within the
//! hour on `/password/reset` to set a password that meets the registration's rules; every
//! session of the user ends.

use axum::http::StatusCode;
use axum_test::TestServer;
use sea_orm::{EntityTrait, PaginatorTrait};
use symbiose::storage::entities::{outbox, password_resets};

use super::{csrf_of, login, register, saving_cookies};
use crate::common::TestApp;

const EMAIL: &str = "info@deboon.nl";
const OLD: &str = "koffiedik-2026";
const NEW: &str = "zilvervliesjes uit de branderij";

async fn ask(server: &TestServer, email: &str) -> axum_test::TestResponse {
    let csrf = csrf_of(&server.get("/password/forgot").await.text());
    server
        .post("/password/forgot")
        .form(&[("csrf", csrf.as_str()), ("email", email)])
        .await
}

async fn choose(
    server: &TestServer,
    token: &str,
    password: &str,
    confirm: &str,
) -> axum_test::TestResponse {
    let page = server.get(&format!("/password/reset?token={token}")).await;
    page.assert_status_ok();
    let csrf = csrf_of(&page.text());
    server
        .post("/password/reset")
        .form(&[
            ("csrf", csrf),
            ("token", token.to_string()),
            ("password", password.to_string()),
            ("password_confirm", confirm.to_string()),
        ])
        .await
}

/// The token in the newest reset mail of the outbox.
async fn mailed_token(app: &TestApp) -> String {
    let mails = outbox::Entity::find().all(&app.db).await.unwrap();
    let mail = mails.last().expect("a mail in the outbox");
    let marker = "{{site}}/password/reset?token=";
    let start = mail.body.find(marker).expect("a reset link") + marker.len();
    mail.body[start..start + 64].to_string()
}

/// A registered firm user (Dutch), signed in on the returned browser.
async fn registered(app: &TestApp) -> TestServer {
    let server = saving_cookies(app);
    register(&server, EMAIL, "Koffiebranderij De Boon")
        .await
        .assert_status(StatusCode::SEE_OTHER);
    server
}

#[tokio::test]
async fn a_mailed_link_sets_a_new_password_and_the_old_one_stops_working() {
    let app = TestApp::spawn().await;
    registered(&app).await;
    let browser = saving_cookies(&app);

    let login_page = browser.get("/login").await.text();
    assert!(login_page.contains("href=\"/password/forgot\""));
    assert!(login_page.contains("Wachtwoord vergeten?"));
    let asked = ask(&browser, EMAIL).await;
    asked.assert_status_ok();
    assert!(
        asked
            .text()
            .contains("Als er een account met dit e-mailadres is")
    );

    let mails = outbox::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].subject, "Nieuw wachtwoord voor Symbiose");
    assert_eq!(mails[0].notification_id, None);
    let token = mailed_token(&app).await;
    // Only the token's hash is stored.
    let stored = password_resets::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].token_hash, token);
    assert_eq!(
        stored[0].expires_at,
        crate::common::now() + chrono::Duration::hours(1)
    );

    let done = choose(&browser, &token, NEW, NEW).await;
    done.assert_status_ok();
    assert!(done.text().contains("Uw wachtwoord is gewijzigd"));
    login(&saving_cookies(&app), EMAIL, OLD)
        .await
        .assert_status(StatusCode::UNAUTHORIZED);
    login(&saving_cookies(&app), EMAIL, NEW)
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_link_works_once() {
    let app = TestApp::spawn().await;
    registered(&app).await;
    let browser = saving_cookies(&app);
    ask(&browser, EMAIL).await;
    let token = mailed_token(&app).await;
    choose(&browser, &token, NEW, NEW).await.assert_status_ok();

    let again = browser.get(&format!("/password/reset?token={token}")).await;

    again.assert_status(StatusCode::GONE);
    assert!(again.text().contains("Deze link is al gebruikt"));
    let csrf = csrf_of(&browser.get("/password/forgot").await.text());
    let replay = browser
        .post("/password/reset")
        .form(&[
            ("csrf", csrf.as_str()),
            ("token", token.as_str()),
            ("password", "een heel ander wachtwoord hier"),
            ("password_confirm", "een heel ander wachtwoord hier"),
        ])
        .await;
    replay.assert_status(StatusCode::GONE);
    login(&saving_cookies(&app), EMAIL, NEW)
        .await
        .assert_status(StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_link_expires_after_an_hour() {
    let app = TestApp::spawn().await;
    registered(&app).await;
    let browser = saving_cookies(&app);
    ask(&browser, EMAIL).await;
    let token = mailed_token(&app).await;
    app.clock.advance(chrono::Duration::minutes(59));
    browser
        .get(&format!("/password/reset?token={token}"))
        .await
        .assert_status_ok();

    app.clock.advance(chrono::Duration::minutes(1));

    let late = browser.get(&format!("/password/reset?token={token}")).await;
    late.assert_status(StatusCode::GONE);
    assert!(late.text().contains("Deze link is verlopen"));
    assert!(late.text().contains("href=\"/password/forgot\""));
}

#[tokio::test]
async fn an_unknown_address_gets_the_same_answer_and_no_mail() {
    let app = TestApp::spawn().await;
    registered(&app).await;
    let known = ask(&saving_cookies(&app), EMAIL).await;
    let before = outbox::Entity::find().count(&app.db).await.unwrap();

    let unknown = ask(&saving_cookies(&app), "niemand@nergens.nl").await;

    assert_eq!(unknown.status_code(), known.status_code());
    assert_eq!(unknown.text(), known.text());
    assert_eq!(outbox::Entity::find().count(&app.db).await.unwrap(), before);
    assert_eq!(
        password_resets::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        1
    );
    let unknown_token = saving_cookies(&app)
        .get(&format!("/password/reset?token={}", "ab".repeat(32)))
        .await;
    unknown_token.assert_status(StatusCode::NOT_FOUND);
    assert!(unknown_token.text().contains("Deze link kennen we niet"));
}

#[tokio::test]
async fn asking_is_throttled_per_address_and_per_client() {
    let app = TestApp::spawn().await;
    registered(&app).await;
    let browser = saving_cookies(&app);
    for _ in 0..3 {
        ask(&browser, EMAIL).await.assert_status_ok();
    }
    let fourth = ask(&browser, EMAIL).await;
    fourth.assert_status(StatusCode::TOO_MANY_REQUESTS);
    assert!(fourth.maybe_header("retry-after").is_some());
    assert_eq!(outbox::Entity::find().count(&app.db).await.unwrap(), 3);
    // The same client across addresses: ten in all (three above), then refused.
    for n in 0..7 {
        ask(&browser, &format!("iemand{n}@elders.nl"))
            .await
            .assert_status_ok();
    }
    ask(&browser, "nog.een@elders.nl")
        .await
        .assert_status(StatusCode::TOO_MANY_REQUESTS);
    // Twenty minutes later the address may ask once more.
    app.clock.advance(chrono::Duration::minutes(20));
    ask(&browser, EMAIL).await.assert_status_ok();
}

#[tokio::test]
async fn a_reset_ends_every_session_of_the_user() {
    let app = TestApp::spawn().await;
    let signed_in = registered(&app).await;
    signed_in.get("/firm").await.assert_status_ok();
    let browser = saving_cookies(&app);
    ask(&browser, EMAIL).await;
    let token = mailed_token(&app).await;

    choose(&browser, &token, NEW, NEW).await.assert_status_ok();

    let after = signed_in.get("/firm").await;
    assert_ne!(after.status_code(), StatusCode::OK);
    assert!(!after.text().contains("Koffiebranderij De Boon"));
}

#[tokio::test]
async fn a_weak_or_mistyped_password_is_refused_and_the_link_stays_good() {
    let app = TestApp::spawn().await;
    registered(&app).await;
    let browser = saving_cookies(&app);
    ask(&browser, EMAIL).await;
    let token = mailed_token(&app).await;

    let weak = choose(&browser, &token, "wachtwoord", "wachtwoord").await;
    weak.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.text().contains("id=\"password-error\""));
    let mistyped = choose(&browser, &token, NEW, "iets anders dan dat").await;
    mistyped.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(mistyped.text().contains("id=\"password_confirm-error\""));
    login(&saving_cookies(&app), EMAIL, OLD)
        .await
        .assert_status(StatusCode::SEE_OTHER);

    choose(&browser, &token, NEW, NEW).await.assert_status_ok();
}

#[tokio::test]
async fn both_forms_need_their_csrf_token() {
    let app = TestApp::spawn().await;
    registered(&app).await;
    let browser = saving_cookies(&app);
    browser.get("/password/forgot").await;

    let forgot = browser
        .post("/password/forgot")
        .form(&[("csrf", "0".repeat(64).as_str()), ("email", EMAIL)])
        .await;
    forgot.assert_status(StatusCode::FORBIDDEN);
    assert_eq!(outbox::Entity::find().count(&app.db).await.unwrap(), 0);

    ask(&browser, EMAIL).await;
    let token = mailed_token(&app).await;
    let reset = browser
        .post("/password/reset")
        .form(&[
            ("token", token.as_str()),
            ("password", NEW),
            ("password_confirm", NEW),
        ])
        .await;
    reset.assert_status(StatusCode::FORBIDDEN);
    login(&saving_cookies(&app), EMAIL, OLD)
        .await
        .assert_status(StatusCode::SEE_OTHER);
}
