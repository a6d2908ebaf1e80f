//! The HTTP server loop: accepts connections and hands each request to the router, within
//! limits that keep one client (or ten thousand) from holding the server.
//!
//! `axum::serve` has no header-read timeout, no cap on connections and no per-request deadline:
//! twenty slowloris connections held it for two minutes and 2,000 idle ones stayed open. Here
//! every connection must send its request head within [`ServerLimits::header_read_timeout`]
//! (also between keep-alive requests), at most [`ServerLimits::max_connections`] are served at
//! once (further ones wait in the listen backlog), at most
//! [`ServerLimits::max_requests_in_flight`] requests run at once (the next answers 503 with
//! `Retry-After`), and a request that takes longer than [`ServerLimits::request_timeout`]
//! answers 503. On shutdown the server stops accepting, lets running requests finish for up to
//! [`ServerLimits::shutdown_grace`], then returns.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderValue, Request, Response, StatusCode, header};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

use super::language;
use crate::i18n::Lang;
use crate::t;
use crate::views;

/// How much of the machine one server gives to clients.
#[derive(Debug, Clone)]
pub struct ServerLimits {
    /// Connections served at once; further ones wait in the operating system's backlog.
    pub max_connections: usize,
    /// Requests handled at once; the next one answers 503 at once.
    pub max_requests_in_flight: usize,
    /// Time a client has to send a request head, from connecting or from the last response.
    pub header_read_timeout: Duration,
    /// Time one request may take, body upload included.
    pub request_timeout: Duration,
    /// Time running requests get to finish when the server stops.
    pub shutdown_grace: Duration,
}

impl Default for ServerLimits {
    fn default() -> Self {
        ServerLimits {
            max_connections: 1024,
            max_requests_in_flight: 256,
            header_read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(60),
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then drains running requests.
pub async fn serve_on(
    listener: TcpListener,
    app: Router,
    limits: ServerLimits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let connections = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let in_flight = Arc::new(Semaphore::new(limits.max_requests_in_flight.max(1)));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    tokio::pin!(shutdown);
    loop {
        // Wait for a free slot before accepting, so a flood waits in the backlog instead of
        // holding sockets and memory here.
        let slot = tokio::select! {
            slot = connections.clone().acquire_owned() => slot.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = RequestService {
            app: app.clone(),
            peer,
            in_flight: in_flight.clone(),
            timeout: limits.request_timeout,
        };
        let connection = http.serve_connection(
            TokioIo::new(stream),
            hyper::service::service_fn(move |request| service.clone().call(request)),
        );
        let watched = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that hangs up or times out ends its connection; nothing to report.
            let _ = watched.await;
            drop(slot);
        });
    }
    drop(listener);
    if tokio::time::timeout(limits.shutdown_grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still running after the shutdown grace period; stopping");
    }
    Ok(())
}

/// One connection's view of the app.
#[derive(Clone)]
struct RequestService {
    app: Router,
    peer: SocketAddr,
    in_flight: Arc<Semaphore>,
    timeout: Duration,
}

impl RequestService {
    async fn call(self, mut request: Request<Incoming>) -> Result<Response<Body>, Infallible> {
        let lang = language::language_of(request.headers());
        let Ok(_permit) = self.in_flight.try_acquire_owned() else {
            return Ok(unavailable(lang, 1));
        };
        request.extensions_mut().insert(ConnectInfo(self.peer));
        match tokio::time::timeout(self.timeout, self.app.oneshot(request)).await {
            Ok(response) => response,
            Err(_) => {
                tracing::warn!(peer = %self.peer, "request took longer than the request timeout");
                Ok(unavailable(lang, 5))
            }
        }
    }
}

/// The app's own "busy, try again" page with `Retry-After`.
pub fn unavailable(lang: Lang, retry_after_s: u64) -> Response<Body> {
    let status = StatusCode::SERVICE_UNAVAILABLE;
    let message = t!(lang, "error-busy", seconds = retry_after_s as i64);
    let mut response = axum::response::IntoResponse::into_response((
        status,
        views::error::page(lang, status, &message),
    ));
    response
        .headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_s));
    response
}

/// Completes on Ctrl-C or, on Unix, SIGTERM (what service managers and containers send).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("stopping: finishing running requests");
}
