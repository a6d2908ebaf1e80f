//! The web app: axum router, shared state, handlers and the one error type at the edge.

pub mod auth;
pub mod client;
pub mod error;
mod handlers;
pub mod hashing;
mod housekeeping;
pub mod language;
pub mod notify;
pub mod plan_runner;
pub mod router;
pub mod security;
pub mod server;
pub mod snapshot;

use std::net::SocketAddr;
use std::sync::Arc;

use sea_orm::DatabaseConnection;

pub use error::AppError;
pub use router::router;

use crate::storage;

/// What every handler shares.
pub struct App {
    /// The database pool.
    pub db: DatabaseConnection,
    /// The matcher's view of the region, rebuilt after changes.
    pub snapshot: snapshot::SnapshotCache,
    /// The region plan's background run and its last result.
    pub plan: plan_runner::PlanRunner,
    /// The bounded lane every password hash and verification runs in.
    pub hashing: hashing::PasswordHashing,
    /// How this installation is reached.
    pub settings: WebSettings,
}

/// Settings of the web app that depend on how it is deployed.
#[derive(Debug, Clone, Default)]
pub struct WebSettings {
    /// Behind a reverse proxy: take the client's address from the last `X-Forwarded-For`
    /// entry (the one the proxy added) instead of the connection's peer.
    pub trust_proxy: bool,
}

impl App {
    /// The app on a database, with default settings and a hashing lane sized to the machine.
    pub fn new(db: DatabaseConnection) -> App {
        App::with(
            db,
            WebSettings::default(),
            hashing::PasswordHashing::for_this_machine(),
        )
    }

    /// The app with explicit settings and hashing lane.
    pub fn with(
        db: DatabaseConnection,
        settings: WebSettings,
        hashing: hashing::PasswordHashing,
    ) -> App {
        App {
            db,
            snapshot: snapshot::SnapshotCache::default(),
            plan: plan_runner::PlanRunner::default(),
            hashing,
            settings,
        }
    }
}

/// Handler state: a cheap handle to [`App`].
#[derive(Clone)]
pub struct AppState(pub Arc<App>);

impl std::ops::Deref for AppState {
    type Target = App;
    fn deref(&self) -> &App {
        &self.0
    }
}

/// Serves the app on `addr` until Ctrl-C or SIGTERM. An empty database gets the demo region
/// first, so a newcomer lands in a living marketplace.
pub async fn serve(
    db: DatabaseConnection,
    addr: SocketAddr,
    settings: WebSettings,
) -> anyhow::Result<()> {
    if storage::counts(&db).await?.is_empty() {
        let today = chrono::Local::now().date_naive();
        let summary = crate::demo::load_demo(&db, today).await?;
        tracing::info!(
            firms = summary.firms,
            offers = summary.offers,
            needs = summary.needs,
            "empty database: loaded the Keyport demo region"
        );
    }
    let app = App::with(db, settings, hashing::PasswordHashing::for_this_machine());
    let state = AppState(Arc::new(app));
    let janitor = tokio::spawn(housekeeping::run(state.db.clone()));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("Symbiose listens on http://{}", listener.local_addr()?);
    server::serve_on(
        listener,
        router(state),
        server::ServerLimits::default(),
        server::shutdown_signal(),
    )
    .await?;
    janitor.abort();
    Ok(())
}
