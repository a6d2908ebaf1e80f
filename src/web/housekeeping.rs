//! The server's janitor: purges expired sessions, stale previews and drained login buckets
//! once at start and then every few minutes.

use std::time::Duration;

use sea_orm::DatabaseConnection;

use super::auth::session_idle;
use crate::storage;

/// Time between purges.
const EVERY: Duration = Duration::from_secs(10 * 60);

/// Runs until the task is aborted.
pub async fn run(db: DatabaseConnection) {
    let mut ticks = tokio::time::interval(EVERY);
    loop {
        ticks.tick().await;
        let now = chrono::Utc::now().naive_utc();
        match storage::housekeeping::purge(&db, now, session_idle()).await {
            Ok(purged) => tracing::debug!(?purged, "housekeeping"),
            Err(e) => tracing::warn!(error = %e, "housekeeping failed; trying again later"),
        }
    }
}
