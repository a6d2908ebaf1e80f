//! `TestApp`: the real migrations on a fresh database for each test — a SQLite file in a
//! temporary directory, or a new PostgreSQL database when `TEST_DATABASE_URL` names a server.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use axum_test::TestServer;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use symbiose::app::App;
use symbiose::app::clock::FixedClock;
use symbiose::storage;
use symbiose::web::{AppState, WebApp, router};

/// A fresh, migrated database and the app on top of it.
pub struct TestApp {
    pub db: DatabaseConnection,
    /// One app for every server of a test, as in production: they share its caches.
    pub app: Arc<WebApp>,
    /// The app's clock: it stands at noon of [`today`] until a test moves it.
    pub clock: Arc<FixedClock>,
    pub database_url: String,
    pub dir: tempfile::TempDir,
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

impl TestApp {
    /// A new database with every migration applied.
    pub async fn spawn() -> TestApp {
        let dir = tempfile::tempdir().expect("temporary directory");
        let database_url = match std::env::var("TEST_DATABASE_URL") {
            Ok(server) if !server.trim().is_empty() => fresh_postgres_database(&server).await,
            _ => format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display()),
        };
        let db = storage::connect_and_migrate(&database_url)
            .await
            .expect("connect and migrate");
        let clock = Arc::new(FixedClock::at(now()));
        let app = App::with_clock(db.clone(), clock.clone());
        TestApp {
            app: Arc::new(WebApp::on(Arc::new(app))),
            clock,
            db,
            database_url,
            dir,
        }
    }

    /// The web app driven in-process (each server has its own cookies, all share the app).
    pub fn server(&self) -> TestServer {
        TestServer::new(router(AppState(self.app.clone())))
    }

    /// A path inside this test's temporary directory.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `text` to a file in the temporary directory and returns its path.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write test file");
        path
    }
}

async fn fresh_postgres_database(server_url: &str) -> String {
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

/// The Symbiose binary built for these tests.
pub fn binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_symbiose"))
}

/// A fixed "today" so that tests do not depend on the calendar: the app's clock stands on it.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid date")
}

/// The app's instant in tests: noon of [`today`] (UTC).
pub fn now() -> chrono::NaiveDateTime {
    today().and_hms_opt(12, 0, 0).expect("noon exists")
}

/// The hand-made benchmark example: 8 firms exercising every rule.
pub const TINY_JSON: &str = include_str!("../../fixtures/scenarios/tiny.json");
