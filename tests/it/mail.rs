//! Mail that is sent: the outbox drained over SMTP into a real local sink started by the test
//! (`mail/sink.rs`): notices arrive with the right recipient, subject and absolute link and are
//! marked sent; a refusing server (550) marks the mail failed; an unreachable one leaves it
//! queued with the error, tried again after a wait.

use std::sync::Arc;

use sea_orm::EntityTrait;
use symbiose::app::mail::{Drained, drain};
use symbiose::domain::notification::{FlowKind, Notice};
use symbiose::i18n::{Lang, notices};
use symbiose::mail::{MailConfig, MailSettings, SendConfig, SmtpSender};
use symbiose::storage::entities::outbox;
use symbiose::storage::{self};

use crate::accounts::{register, saving_cookies};
use crate::common::{TestApp, now};

pub mod sink;

use sink::{Mode, Sink};

const PUBLIC: &str = "https://symbiose.test";

/// Settings that send to `smtp_url`, links on [`PUBLIC`], drained every 50 ms.
pub fn send_config(smtp_url: &str) -> SendConfig {
    let settings = MailSettings {
        smtp_url: Some(smtp_url.to_string()),
        from: Some("Symbiose <noreply@symbiose.test>".into()),
        public_url: Some(PUBLIC.into()),
        every_seconds: Some(0.05),
    };
    match settings.resolve().expect("valid mail settings") {
        MailConfig::Send(config) => config,
        MailConfig::Queue => panic!("SMTP is configured"),
    }
}

fn new_match() -> Notice {
    Notice::NewMatch {
        own_flow: "N-koffie".into(),
        own_kind: FlowKind::Need,
        counterpart_flow: "O-koffiedik".into(),
        material: "020304".into(),
        sector: Some('C'),
        municipality: "Weert".into(),
        euro_per_year: 1200.0,
    }
}

/// A registered firm (Dutch) with one notice, hence one mail in the outbox; its company id.
async fn firm_with_a_notice(app: &TestApp, email: &str) -> i64 {
    register(&saving_cookies(app), email, "Koffiebranderij De Boon").await;
    let user =
        storage::accounts::credentials(&app.db, &symbiose::domain::Email::parse(email).unwrap())
            .await
            .unwrap()
            .expect("registered");
    let company_id = user.account.company_id.expect("a firm user");
    storage::notifications::notify(&app.db, company_id, &new_match(), now())
        .await
        .unwrap();
    company_id
}

async fn the_only_row(app: &TestApp) -> outbox::Model {
    let rows = outbox::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    rows.into_iter().next().unwrap()
}

#[tokio::test]
async fn a_queued_notice_arrives_with_its_recipient_subject_and_absolute_link() {
    let app = TestApp::spawn().await;
    firm_with_a_notice(&app, "info@deboon.nl").await;
    let sink = Sink::start(Mode::Accept).await;
    let sender = SmtpSender::new(&send_config(&sink.url())).unwrap();

    let drained = drain(&app.app, &sender).await.unwrap();

    assert_eq!(
        drained,
        Drained {
            sent: 1,
            postponed: 0,
            failed: 0
        }
    );
    let mail = &sink.messages()[0];
    assert_eq!(mail.to, vec!["info@deboon.nl".to_string()]);
    assert_eq!(mail.from, "noreply@symbiose.test");
    let (subject, _) = notices::mail(Lang::Dutch, &new_match());
    assert_eq!(mail.header("Subject").as_deref(), Some(subject.as_str()));
    assert_eq!(
        mail.link_with("/matches").as_deref(),
        Some("https://symbiose.test/matches")
    );
    assert_eq!(
        mail.link_with("/dashboard").as_deref(),
        Some("https://symbiose.test/dashboard")
    );
    assert!(!mail.body.contains("{{site}}"), "{}", mail.body);
    let row = the_only_row(&app).await;
    assert_eq!(row.sent_at, Some(now()));
    assert_eq!(row.failed_at, None);
    // Sent once: a second drain sends nothing.
    assert_eq!(drain(&app.app, &sender).await.unwrap(), Drained::default());
    assert_eq!(sink.messages().len(), 1);
}

#[tokio::test]
async fn a_mailbox_the_server_refuses_for_good_is_marked_failed_and_not_retried() {
    let app = TestApp::spawn().await;
    firm_with_a_notice(&app, "info@deboon.nl").await;
    let sink = Sink::start(Mode::Refuse).await;
    let sender = SmtpSender::new(&send_config(&sink.url())).unwrap();

    let drained = drain(&app.app, &sender).await.unwrap();

    assert_eq!(
        drained,
        Drained {
            sent: 0,
            postponed: 0,
            failed: 1
        }
    );
    let row = the_only_row(&app).await;
    assert_eq!(row.failed_at, Some(now()));
    assert_eq!(row.sent_at, None);
    assert_eq!(row.attempts, 1);
    assert!(
        row.last_error.as_deref().unwrap_or("").contains("550"),
        "{row:?}"
    );
    app.clock.advance(chrono::Duration::days(2));
    assert_eq!(drain(&app.app, &sender).await.unwrap(), Drained::default());
    assert!(sink.messages().is_empty());
}

#[tokio::test]
async fn an_unreachable_server_leaves_the_mail_queued_and_it_is_sent_after_the_wait() {
    let app = TestApp::spawn().await;
    firm_with_a_notice(&app, "info@deboon.nl").await;
    // A port nobody listens on: bound, noted and released.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let unreachable = SmtpSender::new(&send_config(&format!("smtp://{closed}"))).unwrap();

    let drained = drain(&app.app, &unreachable).await.unwrap();

    assert_eq!(
        drained,
        Drained {
            sent: 0,
            postponed: 1,
            failed: 0
        }
    );
    let row = the_only_row(&app).await;
    assert_eq!((row.sent_at, row.failed_at), (None, None));
    assert_eq!(row.attempts, 1);
    assert!(row.last_error.is_some());
    assert_eq!(
        row.next_attempt_at,
        Some(now() + chrono::Duration::minutes(1))
    );
    // Not due during the wait, not even on a server that works.
    let sink = Sink::start(Mode::Accept).await;
    let working = SmtpSender::new(&send_config(&sink.url())).unwrap();
    assert_eq!(drain(&app.app, &working).await.unwrap(), Drained::default());
    app.clock.advance(chrono::Duration::minutes(1));
    assert_eq!(drain(&app.app, &working).await.unwrap().sent, 1);
    assert_eq!(sink.messages().len(), 1);
    assert_eq!(
        storage::notifications::pending_mail(&app.db, 10)
            .await
            .unwrap(),
        vec![]
    );
}

#[tokio::test]
async fn the_servers_background_task_drains_the_outbox_on_its_own() {
    let app = TestApp::spawn().await;
    firm_with_a_notice(&app, "info@deboon.nl").await;
    let sink = Sink::start(Mode::Accept).await;
    let config = MailConfig::Send(send_config(&sink.url()));

    let task = symbiose::mail::start(Arc::clone(&app.app.app), &config).expect("a drain task");

    let caught = sink.wait_for(1).await;
    assert_eq!(caught[0].to, vec!["info@deboon.nl".to_string()]);
    // The row is marked right after the sink said 250; wait for that write too.
    for _ in 0..200 {
        if the_only_row(&app).await.sent_at.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert_eq!(the_only_row(&app).await.sent_at, Some(now()));
    task.abort();
    assert!(symbiose::mail::start(Arc::clone(&app.app.app), &MailConfig::Queue).is_none());
}

#[tokio::test]
async fn mail_queued_before_the_delivery_migration_survives_it_on_sqlite() {
    use migration::{Migrator, MigratorTrait};
    use sea_orm::ConnectionTrait;

    // SQLite rebuilds the outbox table (a column cannot be altered there): its rows must stay.
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("old.db").display());
    let db = storage::connect(&url).await.unwrap();
    let before_delivery = Migrator::migrations()
        .iter()
        .position(|m| m.name().contains("_000018_"))
        .expect("the delivery migration") as u32;
    Migrator::up(&db, Some(before_delivery)).await.unwrap();
    let firm = symbiose::domain::Firm::parse(symbiose::domain::FirmDraft {
        id: "firm-oud".into(),
        name: "Koffiebranderij De Boon".into(),
        nace: None,
        employees: 12,
        address: None,
        municipality: "Weert".into(),
        lat: 51.25,
        lon: 5.7,
        country: None,
    })
    .unwrap();
    let email = symbiose::domain::Email::parse("info@deboon.nl").unwrap();
    let user = storage::accounts::register_firm(
        &db,
        &firm,
        &email,
        "hash",
        symbiose::domain::Language::Dutch,
        now(),
    )
    .await
    .unwrap();
    for sql in [
        "INSERT INTO notifications (id, company_id, kind, params, created_at) \
         SELECT 7, company_id, 'exchange-step', '{}', '2026-11-28 12:00:00' FROM users"
            .to_string(),
        format!(
            "INSERT INTO outbox (id, user_id, notification_id, subject, body, created_at) \
             VALUES (42, {user}, 7, 'Onderwerp', 'Bekijk /exchanges/7', '2026-11-28 12:00:00')"
        ),
    ] {
        db.execute_unprepared(&sql).await.unwrap();
    }

    Migrator::up(&db, None).await.unwrap();

    let rows = outbox::Entity::find().all(&db).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].id, 42);
    assert_eq!(rows[0].notification_id, Some(7));
    assert_eq!(rows[0].subject, "Onderwerp");
    assert_eq!((rows[0].attempts, rows[0].failed_at), (0, None));
    let pending = storage::notifications::pending_mail(&db, 10).await.unwrap();
    assert_eq!(pending[0].to, "info@deboon.nl");
    // New ids continue after the copied ones.
    let next = storage::outbox::queue(&db, user, "Nieuw", "x", now())
        .await
        .unwrap();
    assert!(next > 42, "{next}");
}
