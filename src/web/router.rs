//! Every route of the web app, in one place.

use axum::Router;
use axum::middleware;
use axum::routing::{get, post};
use tower_http::trace::TraceLayer;

use super::handlers::{accounts, assets, exchanges, flows, health, home, matches};
use super::{AppState, language};

/// The application's routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(home::show))
        .route("/healthz", get(health::check))
        .route(
            "/register",
            get(accounts::register_form).post(accounts::register),
        )
        .route("/login", get(accounts::login_form).post(accounts::login))
        .route("/logout", post(accounts::logout))
        .route("/firm", get(accounts::my_firm))
        .route("/offers", get(flows::list).post(flows::create_offer))
        .route("/offers/new", get(flows::new_offer))
        .route("/offers/{id}/delete", post(flows::delete_offer))
        .route("/offers/{id}/confirm", post(flows::confirm_offer))
        .route("/needs", get(flows::list).post(flows::create_need))
        .route("/needs/new", get(flows::new_need))
        .route("/matches", get(matches::show))
        .route(
            "/exchanges",
            get(exchanges::list).post(exchanges::interested),
        )
        .route("/exchanges/decline", post(exchanges::not_for_us))
        .route("/exchanges/{id}", get(exchanges::show))
        .route("/exchanges/{id}/step", post(exchanges::step))
        .route("/exchanges/{id}/tonnes", post(exchanges::tonnes))
        .route("/needs/{id}/delete", post(flows::delete_need))
        .route("/needs/{id}/confirm", post(flows::confirm_need))
        .route("/static/style.css", get(assets::stylesheet))
        .route("/language/{code}", get(language::switch))
        .fallback(home::not_found)
        .layer(middleware::from_fn(language::scope))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
