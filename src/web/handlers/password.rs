//! `/password/forgot` and `/password/reset`: a forgotten password replaced through a mailed
//! link. The rules live in [`crate::app::accounts`] (`request_reset`, `reset_password`).

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::accounts::{self as account_rules, LinkProblem, NewPasswordProblem, ResetError};
use crate::domain::{Email, NewPassword};
use crate::i18n::Lang;
use crate::t;
use crate::views::accounts::FormState;
use crate::views::password::{forgot_page, link_problem_page, reset_done_page, reset_page};
use crate::web::auth::{SESSION_COOKIE, form_token, set_cookie};
use crate::web::client::ClientAddress;
use crate::web::forms::{AnonymousForm, refused};
use crate::web::{AppError, AppState};

/// The page with a fresh form token (and its cookie when the browser had none).
fn with_form_cookie(headers: &HeaderMap, page: impl FnOnce(&str) -> maud::Markup) -> Response {
    let (token, cookie) = form_token(headers);
    let mut response = page(&token).into_response();
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// `GET /password/forgot`.
pub async fn forgot_form(headers: HeaderMap, lang: Lang) -> Response {
    with_form_cookie(&headers, |csrf| {
        forgot_page(lang, &FormState::default(), csrf, false)
    })
}

/// The form asking for a link.
#[derive(Debug, Default, Deserialize)]
pub struct ForgotFields {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
}

/// `POST /password/forgot`: the same answer whether or not the address has an account; 422
/// for text that is no address at all, 429 when asked too often.
pub async fn forgot(
    State(app): State<AppState>,
    lang: Lang,
    client: ClientAddress,
    AnonymousForm(fields): AnonymousForm<ForgotFields>,
) -> Result<Response, AppError> {
    let Ok(email) = Email::parse(&fields.email) else {
        let mut form = FormState {
            values: HashMap::from([("email".to_string(), fields.email.clone())]),
            ..FormState::default()
        };
        form.errors
            .insert("email".into(), t!(lang, "accounts-error-email"));
        return Ok(refused(forgot_page(lang, &form, &fields.csrf, false)));
    };
    account_rules::request_reset(&app, &client.key(), &email).await?;
    Ok(forgot_page(lang, &FormState::default(), &fields.csrf, true).into_response())
}

/// The link's query.
#[derive(Debug, Default, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// `GET /password/reset?token=…`: the new-password form, or why the link cannot be used.
pub async fn reset_form(
    State(app): State<AppState>,
    headers: HeaderMap,
    lang: Lang,
    Query(query): Query<TokenQuery>,
) -> Result<Response, AppError> {
    match account_rules::check_link(&app, &query.token).await {
        Ok(()) => Ok(with_form_cookie(&headers, |csrf| {
            reset_page(lang, &FormState::default(), csrf, &query.token)
        })),
        Err(ResetError::Link(problem)) => Ok(link_page(lang, problem)),
        Err(other) => Err(other.into()),
    }
}

/// The new-password form.
#[derive(Debug, Default, Deserialize)]
pub struct ResetFields {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

/// `POST /password/reset`: sets the password, ends every session (this browser's cookie
/// too) and says so.
pub async fn reset(
    State(app): State<AppState>,
    headers: HeaderMap,
    lang: Lang,
    AnonymousForm(fields): AnonymousForm<ResetFields>,
) -> Result<Response, AppError> {
    let done = account_rules::reset_password(
        &app,
        &app.hashing,
        &fields.token,
        &fields.password,
        &fields.password_confirm,
    )
    .await;
    match done {
        Ok(_) => {
            let mut response = reset_done_page(lang).into_response();
            response.headers_mut().append(
                header::SET_COOKIE,
                set_cookie(&headers, SESSION_COOKIE, "", 0, "Lax"),
            );
            Ok(response)
        }
        Err(ResetError::Link(problem)) => Ok(link_page(lang, problem)),
        Err(ResetError::Refused(problem)) => {
            let mut form = FormState::default();
            form.errors
                .insert(problem.field().to_string(), message(lang, problem));
            Ok(refused(reset_page(
                lang,
                &form,
                &fields.csrf,
                &fields.token,
            )))
        }
        Err(other) => Err(other.into()),
    }
}

/// A link that cannot be used: 404 when unknown, 410 when expired or used.
fn link_page(lang: Lang, problem: LinkProblem) -> Response {
    let status = match problem {
        LinkProblem::Unknown => StatusCode::NOT_FOUND,
        LinkProblem::Expired | LinkProblem::Used => StatusCode::GONE,
    };
    (status, link_problem_page(lang, problem)).into_response()
}

impl From<ResetError> for AppError {
    fn from(error: ResetError) -> AppError {
        match error {
            ResetError::Account(error) => error.into(),
            // Both are answered with their page by the handlers; this only reads as a message.
            ResetError::Link(_) => AppError::NotFound,
            ResetError::Refused(_) => AppError::Forbidden,
        }
    }
}

/// What the reader is told about a refused new password.
fn message(lang: Lang, problem: NewPasswordProblem) -> String {
    match problem {
        NewPasswordProblem::TooGuessable => t!(lang, "accounts-error-password-weak"),
        NewPasswordProblem::Length => t!(
            lang,
            "accounts-error-password",
            min = NewPassword::MIN_LEN,
            max = NewPassword::MAX_LEN
        ),
        NewPasswordProblem::Confirm => t!(lang, "accounts-error-password-confirm"),
    }
}
