//! Password hashing within bounds and login throttling counted exactly.

use std::sync::Arc;

use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum_test::TestServer;
use sea_orm::{ConnectionTrait, Statement};
use symbiose::app::hashing::PasswordHashing;
use symbiose::storage::login_throttle::{self, Admission};
use symbiose::web::{AppState, WebApp, WebSettings, router};

use crate::accounts::{csrf_of, register, saving_cookies};
use crate::common::TestApp;

/// A server on `app`'s database behind a trusted proxy, with a hashing lane of this size.
fn behind_proxy(app: &TestApp, workers: usize, queue: usize) -> Arc<TestServer> {
    let custom = WebApp::with(
        app.db.clone(),
        WebSettings { trust_proxy: true },
        PasswordHashing::new(workers, queue),
    );
    let mut server = TestServer::new(router(AppState(Arc::new(custom))));
    server.save_cookies();
    Arc::new(server)
}

/// `n` logins at once from `client`, each with its own address and password; their statuses.
async fn parallel_logins(
    server: &Arc<TestServer>,
    client: &'static str,
    attempts: Vec<(String, String)>,
) -> Vec<(StatusCode, Option<String>)> {
    let csrf = csrf_of(&server.get("/login").await.text());
    let tasks: Vec<_> = attempts
        .into_iter()
        .map(|(email, password)| {
            let (server, csrf) = (server.clone(), csrf.clone());
            tokio::spawn(async move {
                let response = server
                    .post("/login")
                    .add_header(
                        HeaderName::from_static("x-forwarded-for"),
                        HeaderValue::from_static(client),
                    )
                    .form(&[
                        ("csrf", csrf.as_str()),
                        ("email", email.as_str()),
                        ("password", password.as_str()),
                    ])
                    .await;
                let retry = response
                    .maybe_header("retry-after")
                    .map(|v| v.to_str().unwrap().to_string());
                (response.status_code(), retry)
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.expect("login task"));
    }
    statuses
}

fn count(statuses: &[(StatusCode, Option<String>)], status: StatusCode) -> usize {
    statuses.iter().filter(|(s, _)| *s == status).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn logins_beyond_the_hashing_lane_answer_503_with_retry_after_not_memory() {
    let app = TestApp::spawn().await;
    let server = behind_proxy(&app, 1, 1);
    // Different addresses, so only the hashing lane (not the throttle) can refuse.
    let attempts = (0..16)
        .map(|i| {
            (
                format!("nobody{i}@nowhere.nl"),
                "whatever-it-is".to_string(),
            )
        })
        .collect();

    let statuses = parallel_logins(&server, "10.0.0.1", attempts).await;

    let busy: Vec<_> = statuses
        .iter()
        .filter(|(s, _)| *s == StatusCode::SERVICE_UNAVAILABLE)
        .collect();
    assert!(!busy.is_empty(), "{statuses:?}");
    assert!(busy.iter().all(|(_, retry)| retry.as_deref() == Some("1")));
    assert_eq!(count(&statuses, StatusCode::INTERNAL_SERVER_ERROR), 0);
    assert_eq!(
        busy.len() + count(&statuses, StatusCode::UNAUTHORIZED),
        statuses.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_guesses_are_counted_exactly_and_the_owner_elsewhere_gets_in() {
    let app = TestApp::spawn().await;
    register(&saving_cookies(&app), "info@bakkerij.nl", "Bakkerij").await;
    let server = behind_proxy(&app, 2, 200);
    let guesses = (0..100)
        .map(|i| ("info@bakkerij.nl".to_string(), format!("guess number {i}")))
        .collect();

    let statuses = parallel_logins(&server, "10.0.0.66", guesses).await;

    assert_eq!(count(&statuses, StatusCode::INTERNAL_SERVER_ERROR), 0);
    assert_eq!(
        count(&statuses, StatusCode::UNAUTHORIZED),
        3,
        "{statuses:?}"
    );
    assert_eq!(count(&statuses, StatusCode::TOO_MANY_REQUESTS), 97);
    assert!(
        statuses
            .iter()
            .filter(|(s, _)| *s == StatusCode::TOO_MANY_REQUESTS)
            .all(|(_, retry)| retry.is_some())
    );
    // The guessing client waits, also with the right password…
    let right = vec![("info@bakkerij.nl".to_string(), "koffiedik-2026".to_string())];
    let from_attacker = parallel_logins(&server, "10.0.0.66", right.clone()).await;
    assert_eq!(from_attacker[0].0, StatusCode::TOO_MANY_REQUESTS);
    // …while the owner, on a client that has not failed, is not locked out.
    let from_owner = parallel_logins(&server, "192.168.1.20", right).await;
    assert_eq!(from_owner[0].0, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_bucket_drains_over_time_and_refuses_with_the_wait() {
    let app = TestApp::spawn().await;
    let bucket = symbiose::accounts::ADDRESS_AT_CLIENT;
    let t0 = 1_800_000_000_000_i64;
    for _ in 0..3 {
        assert_eq!(
            login_throttle::admit(&app.db, "k", bucket, t0)
                .await
                .unwrap(),
            Admission::Admitted
        );
    }

    assert_eq!(
        login_throttle::admit(&app.db, "k", bucket, t0)
            .await
            .unwrap(),
        Admission::Refused { wait_seconds: 60 }
    );
    assert_eq!(
        login_throttle::admit(&app.db, "k", bucket, t0 + 30_000)
            .await
            .unwrap(),
        Admission::Refused { wait_seconds: 30 }
    );
    // A refused attempt pours nothing: one minute after the last admitted one, room again.
    assert_eq!(
        login_throttle::admit(&app.db, "k", bucket, t0 + 60_000)
            .await
            .unwrap(),
        Admission::Admitted
    );
    // After three quiet minutes the bucket is empty: three tries in a row again.
    let later = t0 + 60_000 + 3 * 60_000;
    for _ in 0..3 {
        assert_eq!(
            login_throttle::admit(&app.db, "k", bucket, later)
                .await
                .unwrap(),
            Admission::Admitted
        );
    }
    // Other keys are untouched.
    assert_eq!(
        login_throttle::admit(&app.db, "other", bucket, t0)
            .await
            .unwrap(),
        Admission::Admitted
    );
}

#[tokio::test]
async fn an_e_mail_of_two_megabytes_is_not_stored() {
    let app = TestApp::spawn().await;
    let server = behind_proxy(&app, 2, 8);
    let huge = format!("{}@x.nl", "a".repeat(2_000_000));

    let statuses =
        parallel_logins(&server, "10.0.0.9", vec![(huge, "wrong-password".into())]).await;

    assert_eq!(statuses[0].0, StatusCode::UNAUTHORIZED);
    let row = app
        .db
        .query_one_raw(Statement::from_string(
            app.db.get_database_backend(),
            "SELECT MAX(LENGTH(key)) AS longest, COUNT(*) AS n FROM login_throttle",
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.try_get::<i64>("", "n").unwrap(), 2);
    assert_eq!(row.try_get::<i32>("", "longest").unwrap(), 64);
}

#[tokio::test]
async fn common_passwords_are_refused_at_registration_with_a_reason() {
    let app = TestApp::spawn().await;
    let server = saving_cookies(&app);
    let csrf = csrf_of(&server.get("/register").await.text());

    let response = server
        .post("/register")
        .form(&[
            ("csrf", csrf.as_str()),
            ("firm_name", "Bakkerij Korenaar"),
            ("municipality", "Weert"),
            ("employees", "12"),
            ("email", "info@korenaar.nl"),
            ("password", "password123"),
            ("password_confirm", "password123"),
            ("language", "nl"),
        ])
        .await;

    response.assert_status(StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().contains("eerst geraden"));
    assert!(symbiose::storage::counts(&app.db).await.unwrap().is_empty());
}
