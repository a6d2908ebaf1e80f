//! Response hardening for every page: security headers, no caching of signed-in pages, and the
//! app's own page instead of axum's plain-text rejections.
//!
//! The pages use no JavaScript at all, so the policy forbids every script; frames are refused
//! (clickjacking); browsers may not guess content types; other sites get no referrer. Behind a
//! TLS proxy, HSTS belongs to the proxy (README, *Security*).

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::auth::{SESSION_COOKIE, cookie};
use super::language;
use crate::t;
use crate::views;

/// The Content-Security-Policy of every response. Inline styles stay allowed for the
/// server-drawn SVG charts; scripts of any origin are not.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'none'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; \
    base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Middleware: adds the security headers, and replaces the plain-text bodies with which axum
/// refuses a request it cannot parse (they name Rust types) by the app's error page.
pub async fn harden(request: Request, next: Next) -> Response {
    let signed_in = cookie(request.headers(), SESSION_COOKIE).is_some();
    let mut response = next.run(request).await;
    let plain_text = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    if response.status().is_client_error() && plain_text {
        // Runs inside the language middleware, which has decided the language already.
        response = rejection_page(language::current(), response.status());
    }
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(
        headers,
        header::CONTENT_SECURITY_POLICY,
        CONTENT_SECURITY_POLICY,
    );
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "same-origin");
    if signed_in && !headers.contains_key(header::CACHE_CONTROL) {
        set(headers, header::CACHE_CONTROL, "no-store");
    }
    response
}

/// The app's page for a request axum refused before any handler ran: 413 stays 413, anything
/// else (unparsable form, query, path or content type) is a 400.
fn rejection_page(lang: crate::i18n::Lang, status: StatusCode) -> Response<Body> {
    let (status, message) = if status == StatusCode::PAYLOAD_TOO_LARGE {
        (status, t!(lang, "error-too-large"))
    } else {
        (StatusCode::BAD_REQUEST, t!(lang, "error-malformed"))
    };
    (status, views::error::page(lang, status, &message)).into_response()
}
