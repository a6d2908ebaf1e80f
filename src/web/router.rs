//! Every route of the web app, in one place.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{get, post};
use tower_http::trace::TraceLayer;

use super::handlers::flows::{Needs, Offers};
use super::handlers::{
    accounts, assets, cases, coordinator, dashboard, data, exchanges, firm, flows, health, help,
    home, impact, map, market, matches, partnerships, password, photos, plan,
};
use super::{AppState, language, security};

/// The application's routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(market::home))
        .route("/firms", get(home::show))
        .route("/market", get(market::show))
        .route("/market/saved", post(market::save))
        .route("/market/saved/{id}/delete", post(market::delete))
        .route("/listings/offers/{key}", get(market::offer))
        .route("/listings/needs/{key}", get(market::need))
        .route("/healthz", get(health::check))
        .route("/help", get(help::how_it_works))
        .route("/privacy", get(help::privacy))
        .route(
            "/register",
            get(accounts::register_form).post(accounts::register),
        )
        .route("/login", get(accounts::login_form).post(accounts::login))
        .route(
            "/password/forgot",
            get(password::forgot_form).post(password::forgot),
        )
        .route(
            "/password/reset",
            get(password::reset_form).post(password::reset),
        )
        .route("/logout", post(accounts::logout))
        .route("/logout/everywhere", post(accounts::logout_everywhere))
        .route("/firm", get(firm::show))
        .route("/firm/edit", get(firm::edit).post(firm::update))
        .route("/firm/map.svg", get(firm::map))
        .route("/coordinator", get(coordinator::show))
        .route("/coordinator/propose", post(coordinator::propose))
        .route("/coordinator/firms", get(coordinator::firms::list))
        .route("/coordinator/firms/{key}", get(coordinator::firms::show))
        .route(
            "/coordinator/firms/{key}/contacts",
            post(coordinator::contacts::add_contact),
        )
        .route(
            "/coordinator/firms/{key}/contacts/{id}",
            post(coordinator::contacts::change_contact),
        )
        .route(
            "/coordinator/firms/{key}/contacts/{id}/delete",
            post(coordinator::contacts::delete_contact),
        )
        .route(
            "/coordinator/firms/{key}/notes",
            post(coordinator::contacts::add_note),
        )
        .route(
            "/coordinator/firms/{key}/notes/{id}/delete",
            post(coordinator::contacts::delete_note),
        )
        .route("/map", get(map::page))
        .route("/map.svg", get(map::svg))
        .route("/dashboard", get(dashboard::show))
        .route("/dashboard/read", post(dashboard::mark_read))
        .route("/offers", get(flows::list).post(flows::create::<Offers>))
        .route("/offers/new", get(flows::new::<Offers>))
        .route("/offers/{id}/delete", post(flows::delete::<Offers>))
        .route("/offers/{id}/confirm", post(flows::confirm::<Offers>))
        .route(
            "/offers/{id}/edit",
            get(flows::edit::<Offers>).post(flows::update::<Offers>),
        )
        .route("/offers/{id}/pause", post(flows::pause::<Offers>))
        .route(
            "/offers/{id}/photo",
            get(photos::show::<Offers>)
                .post(photos::upload::<Offers>)
                .layer(DefaultBodyLimit::disable()),
        )
        .route("/offers/{id}/photo/delete", post(photos::remove::<Offers>))
        // Uploads are limited by their reader (src/web/upload.rs), which answers a too-large
        // photo with a message.
        .route(
            "/needs/{id}/photo",
            get(photos::show::<Needs>)
                .post(photos::upload::<Needs>)
                .layer(DefaultBodyLimit::disable()),
        )
        .route("/needs/{id}/photo/delete", post(photos::remove::<Needs>))
        .route("/photos/offers/{id}", get(photos::picture::<Offers>))
        .route("/photos/needs/{id}", get(photos::picture::<Needs>))
        .route("/offers/{id}/resume", post(flows::resume::<Offers>))
        .route("/needs", get(flows::list).post(flows::create::<Needs>))
        .route("/needs/new", get(flows::new::<Needs>))
        .route("/matches", get(matches::show))
        .route("/impact", get(impact::show))
        .route("/impact.csv", get(impact::csv))
        .route("/cases", get(cases::show))
        .route("/plan", get(plan::show))
        .route("/plan/run", post(plan::run))
        .route("/plan/exchanges/{number}", post(plan::open_planned))
        .route("/plan/loops", get(plan::loops))
        .route("/plan/loops/{number}", post(plan::open_loop))
        .route("/plan/chains/{number}", post(plan::open_chain))
        .route("/plan/pools", get(plan::pools))
        .route("/plan/pools/{number}", post(plan::form_round))
        .route("/rounds/{id}", get(plan::round))
        .route(
            "/partnerships",
            get(partnerships::list).post(partnerships::create),
        )
        .route("/partnerships/{id}", get(partnerships::show))
        .route("/partnerships/{id}/invite", post(partnerships::invite))
        .route("/partnerships/{id}/respond", post(partnerships::respond))
        .route(
            "/partnerships/{id}/activities",
            post(partnerships::add_activity),
        )
        // Uploads are limited by the handler, which answers a too-large one with a message.
        .route(
            "/data",
            get(data::show)
                .post(data::upload)
                .layer(DefaultBodyLimit::disable()),
        )
        .route("/data/export.json", get(data::export_json))
        .route("/data/export/{file}", get(data::export_csv))
        .route("/data/{token}", get(data::preview))
        .route("/data/{token}/confirm", post(data::confirm))
        .route("/data/{token}/cancel", post(data::cancel))
        .route(
            "/exchanges",
            get(exchanges::list).post(exchanges::interested),
        )
        .route("/exchanges/decline", post(exchanges::not_for_us))
        .route("/exchanges/{id}", get(exchanges::show))
        .route("/exchanges/{id}/step", post(exchanges::step))
        .route("/exchanges/{id}/tonnes", post(exchanges::tonnes))
        .route("/exchanges/{id}/messages", post(exchanges::message))
        .route("/needs/{id}/delete", post(flows::delete::<Needs>))
        .route("/needs/{id}/confirm", post(flows::confirm::<Needs>))
        .route(
            "/needs/{id}/edit",
            get(flows::edit::<Needs>).post(flows::update::<Needs>),
        )
        .route("/needs/{id}/pause", post(flows::pause::<Needs>))
        .route("/needs/{id}/resume", post(flows::resume::<Needs>))
        .route("/static/style.css", get(assets::stylesheet))
        .route("/language/{code}", get(language::switch))
        .fallback(home::not_found)
        .layer(middleware::from_fn(security::harden))
        .layer(middleware::from_fn(language::scope))
        // 5xx answers the app chose (busy, timeouts) are warnings; its own failures it logs
        // as errors where they happen (AppError).
        .layer(
            TraceLayer::new_for_http()
                .on_failure(tower_http::trace::DefaultOnFailure::new().level(tracing::Level::WARN)),
        )
        .with_state(state)
}
