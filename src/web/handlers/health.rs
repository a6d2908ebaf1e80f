//! `/healthz`: is the app up and its database reachable?

use axum::extract::State;
use axum::http::StatusCode;

use crate::storage;
use crate::web::AppState;

/// `200 ok` when the database answers, `503` otherwise.
pub async fn check(State(app): State<AppState>) -> (StatusCode, &'static str) {
    match storage::counts(&app.db).await {
        Ok(_) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
