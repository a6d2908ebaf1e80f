//! Who is asking: the session cookie, the signed-in user extractors, and CSRF checks.
//!
//! Sessions live in the database (several app instances can share them); the cookie holds a
//! random token whose SHA-256 is the row's key. Cookies are HttpOnly and SameSite=Lax, and
//! Secure when the request came over https (directly or through a proxy saying so). Every form
//! carries a CSRF token: the session's for signed-in users, and for the anonymous forms
//! (login, registration) a double-submit token also set in a SameSite=Strict cookie.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::{AppError, AppState};
use crate::accounts::{new_token, token_hash, tokens_match};
use crate::domain::Role;
use crate::storage::{self, accounts::Account};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "symbiose_session";
/// The anonymous forms' double-submit cookie.
pub const FORM_COOKIE: &str = "symbiose_form";
pub use crate::app::accounts::SESSION_DAYS;
/// A session unused for this many hours ends (a working day and a bit).
pub const SESSION_IDLE_HOURS: i64 = 10;

/// The idle timeout of sessions.
pub fn session_idle() -> chrono::Duration {
    chrono::Duration::hours(SESSION_IDLE_HOURS)
}

/// The value of a cookie in a request.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_string())
}

/// True when the request arrived over https.
fn over_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("https"))
}

/// A `Set-Cookie` value with the house attributes.
pub fn set_cookie(
    headers: &HeaderMap,
    name: &str,
    value: &str,
    max_age_s: i64,
    same_site: &str,
) -> HeaderValue {
    let secure = if over_https(headers) { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{name}={value}; Path=/; HttpOnly; SameSite={same_site}; Max-Age={max_age_s}{secure}"
    ))
    .expect("cookie values are hex tokens")
}

/// A signed-in user and their session.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub account: Account,
    /// The token every form of this session must carry.
    pub csrf: String,
    token_hash: String,
}

impl SignedIn {
    /// The stored key of this session.
    pub fn token_hash(&self) -> &str {
        &self.token_hash
    }

    /// Refuses a form whose token is not this session's.
    pub fn check_csrf(&self, submitted: Option<&String>) -> Result<(), AppError> {
        match submitted {
            Some(token) if tokens_match(token, &self.csrf) => Ok(()),
            _ => Err(AppError::Forbidden),
        }
    }
}

/// The user when signed in, `None` otherwise.
pub struct MaybeSignedIn(pub Option<SignedIn>);

impl FromRequestParts<AppState> for MaybeSignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, AppError> {
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Ok(MaybeSignedIn(None));
        };
        let hash = token_hash(&token);
        let found = storage::accounts::session(&app.db, &hash, app.now(), session_idle()).await?;
        Ok(MaybeSignedIn(found.map(|(account, csrf)| SignedIn {
            account,
            csrf,
            token_hash: hash,
        })))
    }
}

/// Pages that need a login: without one, the browser is sent to `/login`.
pub struct RequireSignedIn(pub SignedIn);

/// The redirect to the login page.
pub struct ToLogin;

impl IntoResponse for ToLogin {
    fn into_response(self) -> Response {
        Redirect::to("/login").into_response()
    }
}

impl FromRequestParts<AppState> for RequireSignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Response> {
        match MaybeSignedIn::from_request_parts(parts, app).await {
            Ok(MaybeSignedIn(Some(user))) => Ok(RequireSignedIn(user)),
            Ok(MaybeSignedIn(None)) => Err(ToLogin.into_response()),
            Err(e) => Err(e.into_response()),
        }
    }
}

/// The double-submit token of an anonymous form: the one already in the browser's cookie, or
/// a new one to set.
pub fn form_token(headers: &HeaderMap) -> (String, Option<HeaderValue>) {
    match cookie(headers, FORM_COOKIE).filter(|t| t.len() == 64) {
        Some(token) => (token, None),
        None => {
            let token = new_token();
            let header = set_cookie(headers, FORM_COOKIE, &token, 2 * 3600, "Strict");
            (token, Some(header))
        }
    }
}

/// Refuses an anonymous form whose token does not match its cookie.
pub fn check_form_token(headers: &HeaderMap, submitted: Option<&String>) -> Result<(), AppError> {
    match (cookie(headers, FORM_COOKIE), submitted) {
        (Some(cookie), Some(token)) if tokens_match(&cookie, token) => Ok(()),
        _ => Err(AppError::Forbidden),
    }
}

/// Pages of the region's coordinators (and administrators): without a login the browser is
/// sent to `/login`; a firm's user gets "not found", as for anything it may not see.
pub struct RequireCoordinator(pub SignedIn);

impl FromRequestParts<AppState> for RequireCoordinator {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, app: &AppState) -> Result<Self, Response> {
        let RequireSignedIn(user) = RequireSignedIn::from_request_parts(parts, app).await?;
        match user.account.role {
            Role::Coordinator | Role::Administrator => Ok(RequireCoordinator(user)),
            Role::Firm => Err(AppError::NotFound.into_response()),
        }
    }
}
