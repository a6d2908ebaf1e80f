//! Every route of the web app, in one place.

use axum::Router;
use axum::routing::get;
use tower_http::trace::TraceLayer;

use super::AppState;
use super::handlers::{assets, health, home};

/// The application's routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(home::show))
        .route("/healthz", get(health::check))
        .route("/static/style.css", get(assets::stylesheet))
        .fallback(home::not_found)
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
