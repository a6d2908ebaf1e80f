//! The web app: axum router, shared state, handlers and the one error type at the edge.

pub mod auth;
pub mod error;
mod handlers;
pub mod language;
pub mod notify;
pub mod plan_runner;
pub mod router;
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
}

impl App {
    /// The app on a database.
    pub fn new(db: DatabaseConnection) -> App {
        App {
            db,
            snapshot: snapshot::SnapshotCache::default(),
            plan: plan_runner::PlanRunner::default(),
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

/// Serves the app on `addr` until Ctrl-C. An empty database gets the demo region first, so a
/// newcomer lands in a living marketplace.
pub async fn serve(db: DatabaseConnection, addr: SocketAddr) -> anyhow::Result<()> {
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
    let app = router(AppState(Arc::new(App::new(db))));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("Symbiose listens on http://{}", listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
