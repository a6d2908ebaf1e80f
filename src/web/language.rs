//! Which language a request is answered in, and the switch between Dutch and English.
//!
//! The language comes from the `symbiose_lang` cookie when there is one (set by the switch in
//! the header, and from the user's stored preference at login), else from the browser's
//! `Accept-Language`, else Dutch. A middleware decides once per request; handlers read it
//! with the [`Lang`] extractor, and error pages from a task-local, since an error response is
//! built without the request at hand.

use axum::extract::{FromRequestParts, Path, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::auth::{cookie, set_cookie};
use crate::i18n::{self, Lang};

/// The cookie holding the chosen language.
pub const LANGUAGE_COOKIE: &str = "symbiose_lang";

tokio::task_local! {
    static REQUEST_LANGUAGE: Lang;
}

/// The language of a request's headers.
pub fn language_of(headers: &HeaderMap) -> Lang {
    cookie(headers, LANGUAGE_COOKIE)
        .and_then(|code| Lang::parse(&code))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .and_then(i18n::from_accept_language)
        })
        .unwrap_or_default()
}

/// The language of the request being answered (Dutch outside a request).
pub fn current() -> Lang {
    REQUEST_LANGUAGE.try_with(|lang| *lang).unwrap_or_default()
}

/// Middleware: decides the request's language and answers within it.
pub async fn scope(mut request: Request, next: Next) -> Response {
    let lang = language_of(request.headers());
    request.extensions_mut().insert(lang);
    let mut response = REQUEST_LANGUAGE.scope(lang, next.run(request)).await;
    // Caches must not hand an English page to a Dutch reader.
    response.headers_mut().append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    response
}

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Lang, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Lang>()
            .copied()
            .unwrap_or_else(|| language_of(&parts.headers)))
    }
}

/// A year, in seconds: the language cookie's lifetime.
const YEAR_S: i64 = 365 * 24 * 3600;

/// The `Set-Cookie` header choosing `lang`.
pub fn language_cookie(headers: &HeaderMap, lang: Lang) -> HeaderValue {
    set_cookie(headers, LANGUAGE_COOKIE, lang.code(), YEAR_S, "Lax")
}

/// `GET /language/{code}`: switches the language of this browser and returns to the page it
/// came from (a path on this site only, never another site). It changes a cookie and nothing
/// stored, so it needs no CSRF token; a signed-in user's lasting choice is on `/firm`.
pub async fn switch(Path(code): Path<String>, headers: HeaderMap) -> Response {
    let host = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok());
    let back = headers
        .get(header::REFERER)
        .and_then(|value| value.to_str().ok())
        .and_then(|referer| same_site_path(referer, host))
        .unwrap_or_else(|| "/".to_string());
    let mut response = Redirect::to(&back).into_response();
    if let Some(lang) = Lang::parse(&code) {
        response
            .headers_mut()
            .append(header::SET_COOKIE, language_cookie(&headers, lang));
    }
    response
}

/// The path of a referring URL when it is a page of this site: the referrer's host must be
/// the request's own, and the path must stay on it in every browser's reading.
fn same_site_path(referer: &str, host: Option<&str>) -> Option<String> {
    let (_, rest) = referer.split_once("://")?;
    let slash = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(slash);
    if host.is_none_or(|host| !authority.eq_ignore_ascii_case(host)) {
        return None;
    }
    let path = if path.is_empty() { "/" } else { path };
    // `//host` and `/\host` leave the site (browsers read a backslash as a slash); control
    // characters could split a header; forms' POST targets are not pages to return to.
    let leaves = path.starts_with("//")
        || path.contains('\\')
        || path.chars().any(char::is_control)
        || path.starts_with("/language/");
    (!leaves).then(|| path.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switch_returns_only_to_pages_of_this_site() {
        let host = Some("127.0.0.1:3000");
        assert_eq!(
            same_site_path("http://127.0.0.1:3000/matches?x=1", host),
            Some("/matches?x=1".to_string())
        );
        assert_eq!(
            same_site_path("http://127.0.0.1:3000", host),
            Some("/".to_string())
        );
        assert_eq!(same_site_path("https://example.org", host), None);
        assert_eq!(same_site_path("https://example.org/matches", host), None);
        assert_eq!(
            same_site_path("http://127.0.0.1:3000//evil.org/", host),
            None
        );
        assert_eq!(
            same_site_path("http://127.0.0.1:3000/\\evil.org", host),
            None
        );
        assert_eq!(
            same_site_path("http://127.0.0.1:3000/language/en", host),
            None
        );
        assert_eq!(same_site_path("/matches", host), None);
        assert_eq!(same_site_path("http://127.0.0.1:3000/matches", None), None);
    }
}
