//! The one error type at the web edge. Domain and storage errors are converted here: 4xx
//! errors show their message to the user; 5xx errors are logged and shown as a generic page.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::storage::StorageError;
use crate::views;

/// An error a handler returns.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request was malformed; the message says how, in Dutch.
    #[error("{0}")]
    BadRequest(String),
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
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            AppError::TooManyAttempts(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Storage(_) | AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status_code();
        let message = if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
            "Er ging iets mis aan onze kant. Probeer het later opnieuw.".to_string()
        } else {
            self.to_string()
        };
        (status, views::error::page(status, &message)).into_response()
    }
}
