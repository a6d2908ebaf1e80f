//! The server's janitor: purges expired sessions, stale previews and drained login buckets
//! once at start and then every few minutes.

use std::sync::Arc;
use std::time::Duration;

use super::auth::session_idle;
use crate::app::App;
use crate::storage;

/// Time between purges.
const EVERY: Duration = Duration::from_secs(10 * 60);

/// Runs until the task is aborted; "expired" is counted on the app's clock.
pub async fn run(app: Arc<App>) {
    let mut ticks = tokio::time::interval(EVERY);
    loop {
        ticks.tick().await;
        match storage::housekeeping::purge(&app.db, app.now(), session_idle()).await {
            Ok(purged) => tracing::debug!(?purged, "housekeeping"),
            Err(e) => tracing::warn!(error = %e, "housekeeping failed; trying again later"),
        }
    }
}
