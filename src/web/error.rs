//! The one error type at the web edge. Domain and storage errors are converted here: 4xx
//! errors show their message to the user; 5xx errors are logged and shown as a generic page.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::language;
use crate::i18n::Lang;
use crate::storage::StorageError;
use crate::t;
use crate::views;

/// An error a handler returns.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request was malformed; the message says how, already in the reader's language.
    #[error("{0}")]
    BadRequest(String),
    /// The request was understood but a rule refuses it (when there is no form to show the
    /// message beside a field); the message is in the reader's language. Answered 422.
    #[error("{0}")]
    Refused(String),
    /// Nothing lives at this address.
    #[error("niet gevonden")]
    NotFound,
    /// A form without a valid CSRF token, or a page this user may not see.
    #[error(
        "Dit formulier is verlopen of niet van deze site. Laad de pagina opnieuw en probeer het nog eens."
    )]
    Forbidden,
    /// Too many failed logins: wait this many seconds.
    #[error("Te veel mislukte pogingen. Probeer het over {0} seconden opnieuw.")]
    TooManyAttempts(i64),
    /// The server is at its limit for this kind of work (password hashing): try again after
    /// this many seconds.
    #[error("Het is even te druk. Probeer het over {0} seconden opnieuw.")]
    Busy(u64),
    /// Something failed on our side (not the database).
    #[error("internal error: {0}")]
    Internal(String),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl AppError {
    /// The HTTP status for this error.
    pub fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Refused(_) => super::forms::REFUSED,
            // Something with that name exists already: the user's input, not our failure.
            AppError::Storage(StorageError::Duplicate { .. }) => super::forms::REFUSED,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Storage(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl AppError {
    /// What the user reads about this error.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::BadRequest(message) | AppError::Refused(message) => message.clone(),
            AppError::Storage(StorageError::Duplicate { key, .. }) => {
                t!(lang, "error-duplicate", key = key.as_str())
            }
            AppError::NotFound => t!(lang, "error-not-found"),
            AppError::Forbidden => t!(lang, "error-forbidden"),
            AppError::TooManyAttempts(seconds) => {
                t!(lang, "error-too-many-attempts", seconds = *seconds)
            }
            AppError::Busy(seconds) => t!(lang, "error-busy", seconds = *seconds as i64),
            AppError::Storage(_) | AppError::Internal(_) => t!(lang, "error-server"),
        }
    }

    /// Seconds a client should wait before trying again, for the `Retry-After` header.
    fn retry_after(&self) -> Option<u64> {
        match self {
            AppError::TooManyAttempts(seconds) => Some((*seconds).max(1) as u64),
            AppError::Busy(seconds) => Some(*seconds),
            _ => None,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status_code();
        match &self {
            AppError::Storage(StorageError::Duplicate { .. }) => {}
            AppError::Storage(_) | AppError::Internal(_) => {
                tracing::error!(error = %self, "request failed");
            }
            AppError::Busy(_) => tracing::warn!("busy: refused with Retry-After"),
            _ => {}
        }
        let lang = language::current();
        let message = self.message(lang);
        let mut response = (status, views::error::page(lang, status, &message)).into_response();
        if let Some(seconds) = self.retry_after() {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<crate::app::hashing::HashingError> for AppError {
    fn from(error: crate::app::hashing::HashingError) -> AppError {
        use crate::app::hashing::HashingError;
        match error {
            HashingError::Busy(seconds) => AppError::Busy(seconds),
            HashingError::Failed(why) => AppError::Internal(why),
        }
    }
}
