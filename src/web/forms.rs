//! Forms as typed values. Every handler that takes a POSTed form takes it through one of
//! these extractors: the CSRF token is checked before the handler runs, and the fields are
//! read into the handler's own serde struct (repeated fields, such as ticked boxes, into a
//! `Vec`). A form the rules refuse is answered with [`refused`]: status 422 and the form again
//! with a message next to each field.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use maud::Markup;
use serde::de::DeserializeOwned;

use super::auth::{RequireCoordinator, RequireSignedIn, SignedIn, check_form_token};
use super::{AppError, AppState, language};
use crate::t;

/// The status of every refused form: the request was understood, its content breaks a rule.
pub const REFUSED: StatusCode = StatusCode::UNPROCESSABLE_ENTITY;

/// A page showing a refused form with its messages, answered with [`REFUSED`].
pub fn refused(page: Markup) -> Response {
    (REFUSED, page).into_response()
}

/// A form posted by a signed-in user, its CSRF token checked against the session.
pub struct SignedForm<T> {
    pub user: SignedIn,
    pub form: T,
}

/// A form posted by a coordinator (or administrator), its CSRF token checked; a firm's user
/// gets "not found", as for every coordinator page.
pub struct CoordinatorForm<T> {
    pub user: SignedIn,
    pub form: T,
}

/// A form of the anonymous pages (sign-in, registration), its double-submit token checked
/// against the form cookie.
pub struct AnonymousForm<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for SignedForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, app: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let RequireSignedIn(user) = RequireSignedIn::from_request_parts(&mut parts, app).await?;
        let bytes = body_of(parts, body, app).await?;
        user.check_csrf(csrf_of(&bytes).as_ref())
            .map_err(IntoResponse::into_response)?;
        Ok(SignedForm {
            form: fields_of(&bytes).map_err(IntoResponse::into_response)?,
            user,
        })
    }
}

impl<T: DeserializeOwned> FromRequest<AppState> for CoordinatorForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, app: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let RequireCoordinator(user) =
            RequireCoordinator::from_request_parts(&mut parts, app).await?;
        let bytes = body_of(parts, body, app).await?;
        user.check_csrf(csrf_of(&bytes).as_ref())
            .map_err(IntoResponse::into_response)?;
        Ok(CoordinatorForm {
            form: fields_of(&bytes).map_err(IntoResponse::into_response)?,
            user,
        })
    }
}

impl<T: DeserializeOwned> FromRequest<AppState> for AnonymousForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, app: &AppState) -> Result<Self, Response> {
        let (parts, body) = request.into_parts();
        let headers = parts.headers.clone();
        let bytes = body_of(parts, body, app).await?;
        check_form_token(&headers, csrf_of(&bytes).as_ref())
            .map_err(IntoResponse::into_response)?;
        fields_of(&bytes)
            .map(AnonymousForm)
            .map_err(IntoResponse::into_response)
    }
}

/// The request's body, within the router's body limit. A body that is not a urlencoded form
/// (the only kind our pages post) is answered 400 before any token is looked for, so a
/// request the app cannot read gets the same page whoever sends it.
async fn body_of(parts: Parts, body: axum::body::Body, app: &AppState) -> Result<Bytes, Response> {
    if !is_urlencoded_form(&parts.headers) {
        return Err(
            AppError::BadRequest(t!(language::current(), "error-malformed")).into_response(),
        );
    }
    Bytes::from_request(Request::from_parts(parts, body), app)
        .await
        .map_err(IntoResponse::into_response)
}

/// Whether the request says its body is `application/x-www-form-urlencoded` (parameters such
/// as `charset` allowed).
fn is_urlencoded_form(headers: &axum::http::HeaderMap) -> bool {
    headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|mime| {
            mime.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// The form's `csrf` field, if it has one.
fn csrf_of(bytes: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Token {
        csrf: Option<String>,
    }
    serde_html_form::from_bytes::<Token>(bytes)
        .ok()
        .and_then(|token| token.csrf)
}

/// The form's fields as the handler's struct. Fields are text the handler parses itself (so
/// that a refusal can name the field in the reader's language); a body no form of ours
/// produces is answered 400.
fn fields_of<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    serde_html_form::from_bytes(bytes).map_err(|error| {
        tracing::debug!(%error, "a form could not be read");
        AppError::BadRequest(t!(language::current(), "error-malformed"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Need {
        #[serde(default)]
        description: String,
        #[serde(default)]
        accepts: Vec<String>,
    }

    #[test]
    fn only_urlencoded_bodies_are_read_as_forms() {
        let with = |value: &'static str| {
            let mut headers = axum::http::HeaderMap::new();
            headers.insert(
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static(value),
            );
            headers
        };
        assert!(is_urlencoded_form(&with(
            "application/x-www-form-urlencoded"
        )));
        assert!(is_urlencoded_form(&with(
            "Application/X-WWW-Form-Urlencoded; charset=UTF-8"
        )));
        assert!(!is_urlencoded_form(&with("text/plain")));
        assert!(!is_urlencoded_form(&with(
            "multipart/form-data; boundary=x"
        )));
        assert!(!is_urlencoded_form(&axum::http::HeaderMap::new()));
    }

    #[test]
    fn repeated_fields_become_a_list_and_the_token_is_found() {
        let body = b"csrf=abc&description=koffie+dik&accepts=020304&accepts=200108";
        let need: Need = fields_of(body).unwrap();
        assert_eq!(need.description, "koffie dik");
        assert_eq!(need.accepts, vec!["020304", "200108"]);
        assert_eq!(csrf_of(body).as_deref(), Some("abc"));
        assert_eq!(csrf_of(b"description=x"), None);
    }
}
