//! Idle sessions end, "sign out everywhere" ends them all, and the janitor purges what expired.

use axum::http::StatusCode;
use chrono::{Duration, NaiveDateTime};
use symbiose::accounts::token_hash;
use symbiose::storage::{accounts, housekeeping, import_previews, login_throttle};

use crate::accounts::{csrf_of, register, saving_cookies};
use crate::common::TestApp;

fn noon() -> NaiveDateTime {
    // The app's clock: the signed-in user's own session was last seen then.
    crate::common::now()
}

async fn a_user(app: &TestApp) -> i64 {
    register(&saving_cookies(app), "info@bakkerij.nl", "Bakkerij").await;
    let email = symbiose::domain::Email::parse("info@bakkerij.nl").unwrap();
    accounts::credentials(&app.db, &email)
        .await
        .unwrap()
        .unwrap()
        .account
        .id
}

#[tokio::test]
async fn a_session_unused_past_the_idle_timeout_ends_and_use_keeps_it_alive() {
    let app = TestApp::spawn().await;
    let user = a_user(&app).await;
    let idle = Duration::hours(10);
    let (a, b) = (token_hash("a"), token_hash("b"));
    for key in [&a, &b] {
        accounts::create_session(&app.db, key, user, "c", noon() + Duration::days(14), noon())
            .await
            .unwrap();
    }

    // `a` is used after nine hours, which keeps it alive for another ten.
    let used = accounts::session(&app.db, &a, noon() + Duration::hours(9), idle).await;
    assert!(used.unwrap().is_some());
    let later = noon() + Duration::hours(18);
    assert!(
        accounts::session(&app.db, &a, later, idle)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        accounts::session(&app.db, &b, later, idle)
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn sign_out_everywhere_ends_the_sessions_on_every_device() {
    let app = TestApp::spawn().await;
    let laptop = saving_cookies(&app);
    register(&laptop, "info@bakkerij.nl", "Bakkerij").await;
    let phone = saving_cookies(&app);
    let csrf = csrf_of(&phone.get("/login").await.text());
    phone
        .post("/login")
        .form(&[
            ("csrf", csrf.as_str()),
            ("email", "info@bakkerij.nl"),
            ("password", "koffiedik-2026"),
        ])
        .await
        .assert_status(StatusCode::SEE_OTHER);
    let page = phone.get("/firm").await;
    assert!(page.text().contains("Overal uitloggen"));

    let csrf = csrf_of(&page.text());
    let response = phone
        .post("/logout/everywhere")
        .form(&[("csrf", csrf.as_str())])
        .await;

    response.assert_status(StatusCode::SEE_OTHER);
    for device in [&laptop, &phone] {
        let firm = device.get("/firm").await;
        firm.assert_status(StatusCode::SEE_OTHER);
        assert_eq!(firm.header("location"), "/login");
    }
}

#[tokio::test]
async fn the_janitor_purges_ended_sessions_old_previews_and_drained_buckets() {
    let app = TestApp::spawn().await;
    let user = a_user(&app).await;
    let idle = Duration::hours(10);
    let now = noon();
    let sessions = [
        (
            "ended",
            now - Duration::minutes(1),
            now - Duration::hours(1),
        ),
        ("idle", now + Duration::days(3), now - Duration::hours(11)),
        ("live", now + Duration::days(3), now - Duration::hours(1)),
    ];
    for (key, expires, seen) in sessions {
        accounts::create_session(&app.db, key, user, "c", expires, seen)
            .await
            .unwrap();
    }
    // The newer first: storing a preview drops those a day older than it.
    import_previews::create(&app.db, "new", user, &[], now - Duration::hours(1))
        .await
        .unwrap();
    import_previews::create(&app.db, "old", user, &[], now - Duration::hours(26))
        .await
        .unwrap();
    let bucket = symbiose::accounts::CLIENT;
    let ms = |t: NaiveDateTime| t.and_utc().timestamp_millis();
    login_throttle::admit(&app.db, "old", bucket, ms(now - Duration::hours(30)))
        .await
        .unwrap();
    login_throttle::admit(&app.db, "new", bucket, ms(now - Duration::hours(1)))
        .await
        .unwrap();

    let purged = housekeeping::purge(&app.db, now, idle).await.unwrap();

    assert_eq!(
        purged,
        housekeeping::Purged {
            sessions: 2,
            previews: 1,
            login_buckets: 1,
            reset_links: 0,
        }
    );
    assert!(
        accounts::session(&app.db, "live", now, idle)
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        import_previews::find(&app.db, "new", now)
            .await
            .unwrap()
            .is_some()
    );
}
