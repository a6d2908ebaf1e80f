//! The real app on a real TCP port, on a fresh database: a SQLite file in a temporary
//! directory, or a new PostgreSQL database when `TEST_DATABASE_URL` names a server.
//!
//! The database helpers are copied from `tests/it/common.rs` on purpose: the two test binaries
//! are edited by different people and should not share files.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use symbiose::mail::MailSettings;
use symbiose::storage;
use symbiose::web::{AppState, WebApp, router};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// The app served on `127.0.0.1:<some port>`; stops serving when dropped.
pub struct Site {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub base: String,
    /// The app's database, for what a test sets up before the browser starts.
    pub db: DatabaseConnection,
    server: JoinHandle<()>,
    /// The outbox's drain, when the site sends mail.
    mailer: Option<JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

impl Site {
    /// Migrates a fresh database and serves the app on a free port. With `smtp_url` the outbox
    /// is drained to that server every 200 ms, links in mail on the site's own address, as
    /// `serve` does with `SMTP_URL`; without it mail stays queued.
    pub async fn start_mailing(smtp_url: Option<String>) -> Site {
        let dir = tempfile::tempdir().expect("temporary directory");
        let database_url = match std::env::var("TEST_DATABASE_URL") {
            Ok(server) if !server.trim().is_empty() => fresh_postgres_database(&server).await,
            _ => format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("browser.db").display()
            ),
        };
        let db = storage::connect_and_migrate(&database_url)
            .await
            .expect("connect and migrate");
        let web = Arc::new(WebApp::new(db.clone()));
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let address = listener.local_addr().expect("local address");
        let mail = MailSettings {
            smtp_url,
            from: None,
            public_url: Some(format!("http://{address}")),
            every_seconds: Some(0.2),
        }
        .resolve()
        .expect("valid mail settings");
        let mailer = symbiose::mail::start(web.app.clone(), &mail);
        let app = router(AppState(web));
        let server = tokio::spawn(async move {
            axum::serve(listener, app).await.expect("serve the app");
        });
        Site {
            base: format!("http://{address}"),
            db,
            server,
            mailer,
            _dir: dir,
        }
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        self.server.abort();
        if let Some(mailer) = &self.mailer {
            mailer.abort();
        }
    }
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

async fn fresh_postgres_database(server_url: &str) -> String {
    // The same prefix as tests/it, so that CI's clean-up of old test databases covers these.
    let name = format!(
        "symbiose_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0)
    );
    let admin: DatabaseConnection = Database::connect(server_url)
        .await
        .expect("connect to TEST_DATABASE_URL");
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .expect("create test database");
    admin.close().await.ok();
    with_database(server_url, &name)
}

/// `postgres://user@host:port/anything?x` with the database part replaced by `name`.
fn with_database(server_url: &str, name: &str) -> String {
    let (base, query) = match server_url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (server_url, None),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let base = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}
