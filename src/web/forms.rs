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

/// The request's body, within the router's body limit.
async fn body_of(parts: Parts, body: axum::body::Body, app: &AppState) -> Result<Bytes, Response> {
    Bytes::from_request(Request::from_parts(parts, body), app)
        .await
        .map_err(IntoResponse::into_response)
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
    fn repeated_fields_become_a_list_and_the_token_is_found() {
        let body = b"csrf=abc&description=koffie+dik&accepts=020304&accepts=200108";
        let need: Need = fields_of(body).unwrap();
        assert_eq!(need.description, "koffie dik");
        assert_eq!(need.accepts, vec!["020304", "200108"]);
        assert_eq!(csrf_of(body).as_deref(), Some("abc"));
        assert_eq!(csrf_of(b"description=x"), None);
    }
}
