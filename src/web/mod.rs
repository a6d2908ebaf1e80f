//! The web app: axum router, shared state, handlers and the one error type at the edge.

pub mod auth;
pub mod client;
pub mod error;
pub mod forms;
mod handlers;
mod housekeeping;
pub mod language;
pub mod router;
pub mod security;
pub mod server;
pub mod upload;

use std::net::SocketAddr;
use std::sync::Arc;

use sea_orm::DatabaseConnection;

pub use error::AppError;
pub use router::router;

use crate::app::App;
use crate::storage;

/// What every handler shares: the application layer and what only the web edge needs.
/// Dereferences to the [`App`], so `app.db` and the layer's functions read directly.
pub struct WebApp {
    /// The application layer.
    pub app: Arc<App>,
    /// The bounded lane every password hash and verification runs in.
    pub hashing: crate::app::hashing::PasswordHashing,
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

impl WebApp {
    /// The web app on a database, with default settings, the machine's clock and a hashing
    /// lane sized to the machine.
    pub fn new(db: DatabaseConnection) -> WebApp {
        WebApp::on(Arc::new(App::new(db)))
    }

    /// The web app over an application layer (tests give it a fixed clock).
    pub fn on(app: Arc<App>) -> WebApp {
        WebApp {
            app,
            hashing: crate::app::hashing::PasswordHashing::for_this_machine(),
            settings: WebSettings::default(),
        }
    }

    /// The web app with explicit settings and hashing lane.
    pub fn with(
        db: DatabaseConnection,
        settings: WebSettings,
        hashing: crate::app::hashing::PasswordHashing,
    ) -> WebApp {
        WebApp {
            app: Arc::new(App::new(db)),
            hashing,
            settings,
        }
    }
}

impl std::ops::Deref for WebApp {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

/// Handler state: a cheap handle to [`WebApp`].
#[derive(Clone)]
pub struct AppState(pub Arc<WebApp>);

impl std::ops::Deref for AppState {
    type Target = WebApp;
    fn deref(&self) -> &WebApp {
        &self.0
    }
}

/// Serves the app on `addr` until Ctrl-C or SIGTERM, draining the outbox over SMTP when `mail`
/// says so. An empty database gets the demo region first, so a newcomer lands in a living
/// marketplace.
pub async fn serve(
    db: DatabaseConnection,
    addr: SocketAddr,
    settings: WebSettings,
    mail: crate::mail::MailConfig,
) -> anyhow::Result<()> {
    if storage::counts(&db).await?.is_empty() {
        let today = crate::app::clock::Clock::today(&crate::app::clock::SystemClock);
        let summary = crate::demo::load_demo(&db, today).await?;
        tracing::info!(
            firms = summary.firms,
            offers = summary.offers,
            needs = summary.needs,
            "empty database: loaded the Keyport demo region"
        );
    }
    let app = WebApp::with(
        db,
        settings,
        crate::app::hashing::PasswordHashing::for_this_machine(),
    );
    let state = AppState(Arc::new(app));
    // The plan of the last run before the restart, computed again from the region it saw.
    if crate::app::plan_runner::restore(&state.app).await {
        tracing::info!("restoring the last region plan in the background");
    }
    let janitor = tokio::spawn(housekeeping::run(state.app.clone()));
    let mailer = crate::mail::start(state.app.clone(), &mail);
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
    if let Some(mailer) = mailer {
        mailer.abort();
    }
    Ok(())
}
