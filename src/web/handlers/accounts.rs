//! `/register`, `/login` and `/logout`. The rules live in [`crate::app::accounts`]; these
//! handlers read the forms, set the cookies and show the pages.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::app::accounts::{
    self as account_rules, AccountError, NewSession, RegistrationDraft, RegistrationProblem,
};
use crate::domain::cross_border::Country;
use crate::domain::{NewPassword, Role};
use crate::i18n::Lang;
use crate::t;
use crate::views::accounts::{FormState, login_page, register_page};
use crate::views::matches::fit::country;
use crate::web::auth::{FORM_COOKIE, SESSION_COOKIE, SESSION_DAYS, form_token, set_cookie};
use crate::web::client::ClientAddress;
use crate::web::forms::{AnonymousForm, SignedForm, refused};
use crate::web::language::language_cookie;
use crate::web::{AppError, AppState};

fn with_form_cookie(headers: &HeaderMap, page: impl FnOnce(&str) -> maud::Markup) -> Response {
    let (token, cookie) = form_token(headers);
    let mut response = page(&token).into_response();
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// `GET /register`.
pub async fn register_form(headers: HeaderMap, lang: Lang) -> Response {
    with_form_cookie(&headers, |csrf| {
        register_page(lang, &FormState::default(), csrf)
    })
}

/// `GET /login`.
pub async fn login_form(headers: HeaderMap, lang: Lang) -> Response {
    with_form_cookie(&headers, |csrf| {
        login_page(lang, &FormState::default(), csrf, None)
    })
}

/// The registration form. The token is checked by [`AnonymousForm`]; it is read here to
/// send a refused form back with it.
#[derive(Debug, Default, Deserialize)]
pub struct RegisterFields {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    firm_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
    #[serde(default)]
    municipality: String,
    #[serde(default)]
    employees: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    country: String,
}

impl RegisterFields {
    fn draft(&self) -> RegistrationDraft {
        RegistrationDraft {
            firm_name: self.firm_name.clone(),
            email: self.email.clone(),
            password: self.password.clone(),
            password_confirm: self.password_confirm.clone(),
            municipality: self.municipality.clone(),
            employees: self.employees.trim().parse::<i64>().ok(),
            language: self.language.clone(),
            country: self.country.clone(),
        }
    }

    /// The values typed, to show a refused form again (passwords are never shown).
    fn values(&self) -> HashMap<String, String> {
        [
            ("firm_name", &self.firm_name),
            ("email", &self.email),
            ("municipality", &self.municipality),
            ("employees", &self.employees),
            ("language", &self.language),
            ("country", &self.country),
        ]
        .into_iter()
        .map(|(name, value)| (name.to_string(), value.clone()))
        .collect()
    }
}

/// What the reader is told about a refused registration field.
fn registration_message(lang: Lang, problem: RegistrationProblem) -> String {
    match problem {
        RegistrationProblem::Email => t!(lang, "accounts-error-email"),
        RegistrationProblem::EmailTaken => t!(lang, "accounts-error-email-taken"),
        RegistrationProblem::PasswordTooGuessable => t!(lang, "accounts-error-password-weak"),
        RegistrationProblem::PasswordLength => t!(
            lang,
            "accounts-error-password",
            min = NewPassword::MIN_LEN,
            max = NewPassword::MAX_LEN
        ),
        RegistrationProblem::PasswordConfirm => t!(lang, "accounts-error-password-confirm"),
        RegistrationProblem::Employees => t!(lang, "accounts-error-employees"),
        RegistrationProblem::Municipality => t!(lang, "accounts-error-municipality"),
        RegistrationProblem::MunicipalityAbroad {
            municipality,
            lies_in,
            chosen,
        } => municipality_abroad(lang, municipality, lies_in, chosen),
        RegistrationProblem::FirmName => t!(lang, "accounts-error-firm-name"),
        RegistrationProblem::Country => t!(lang, "desc-error-country"),
    }
}

/// "Heinsberg ligt in Duitsland, niet in Nederland": registration and the profile say it.
pub fn municipality_abroad(
    lang: Lang,
    municipality: &str,
    lies_in: Country,
    chosen: Country,
) -> String {
    t!(
        lang,
        "accounts-error-municipality-country",
        municipality = municipality,
        lies_in = country(lang, lies_in),
        chosen = country(lang, chosen)
    )
}

/// `POST /register`: a firm and its first user; signs the user in.
pub async fn register(
    State(app): State<AppState>,
    headers: HeaderMap,
    lang: Lang,
    AnonymousForm(fields): AnonymousForm<RegisterFields>,
) -> Result<Response, AppError> {
    let registered = account_rules::register(&app, &app.hashing, &fields.draft(), lang).await;
    match registered {
        Ok(session) => Ok(signed_in(&headers, &session)),
        Err(AccountError::Refused(problems)) => {
            let mut form = FormState {
                values: fields.values(),
                ..FormState::default()
            };
            for problem in problems {
                form.errors.insert(
                    problem.field().to_string(),
                    registration_message(lang, problem),
                );
            }
            Ok(refused(register_page(lang, &form, &fields.csrf)))
        }
        Err(other) => Err(other.into()),
    }
}

impl From<AccountError> for AppError {
    fn from(error: AccountError) -> AppError {
        match error {
            AccountError::TooManyAttempts(seconds) => AppError::TooManyAttempts(seconds),
            AccountError::Hashing(error) => error.into(),
            AccountError::Storage(error) => error.into(),
            // Both are answered with their page by the handler; this only reads as a message.
            AccountError::Refused(_) | AccountError::WrongCredentials => AppError::Forbidden,
        }
    }
}

/// The new session's cookies, in the user's own language, on the way to its landing page:
/// firms land on their own firm, the region's staff on the region.
fn signed_in(headers: &HeaderMap, session: &NewSession) -> Response {
    let landing = match session.role {
        Role::Firm => "/firm",
        Role::Coordinator | Role::Administrator => "/coordinator",
    };
    let mut response = Redirect::to(landing).into_response();
    let max_age = SESSION_DAYS * 24 * 3600;
    let cookies = [
        set_cookie(headers, SESSION_COOKIE, &session.token, max_age, "Lax"),
        set_cookie(headers, FORM_COOKIE, "", 0, "Strict"),
        language_cookie(headers, session.language),
    ];
    for cookie in cookies {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// The sign-in form.
#[derive(Debug, Default, Deserialize)]
pub struct LoginFields {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

/// `POST /login`. A crowded lane answers 503, too many tries 429 with `Retry-After`, a wrong
/// address or password 401 with the form again.
pub async fn login(
    State(app): State<AppState>,
    headers: HeaderMap,
    lang: Lang,
    client: ClientAddress,
    AnonymousForm(fields): AnonymousForm<LoginFields>,
) -> Result<Response, AppError> {
    let client = client.key();
    let password = fields.password.clone();
    match account_rules::sign_in(&app, &app.hashing, &client, &fields.email, password).await {
        Ok(session) => Ok(signed_in(&headers, &session)),
        Err(AccountError::WrongCredentials) => {
            let form = FormState {
                values: HashMap::from([("email".to_string(), fields.email.clone())]),
                ..FormState::default()
            };
            let message = t!(lang, "accounts-error-login");
            let page = login_page(lang, &form, &fields.csrf, Some(&message));
            Ok((StatusCode::UNAUTHORIZED, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}

/// A button's form: nothing but its CSRF token, which [`SignedForm`] checks.
#[derive(Debug, Deserialize)]
pub struct Button {}

/// `POST /logout`.
pub async fn logout(
    State(app): State<AppState>,
    headers: HeaderMap,
    SignedForm { user, .. }: SignedForm<Button>,
) -> Result<Response, AppError> {
    account_rules::sign_out(&app, user.token_hash()).await?;
    Ok(signed_out(&headers, "/"))
}

/// `POST /logout/everywhere`: ends every session of this user, on every device, this one too.
pub async fn logout_everywhere(
    State(app): State<AppState>,
    headers: HeaderMap,
    SignedForm { user, .. }: SignedForm<Button>,
) -> Result<Response, AppError> {
    let ended = account_rules::sign_out_everywhere(&app, user.account.id).await?;
    tracing::info!(
        user = user.account.id,
        sessions = ended,
        "signed out everywhere"
    );
    Ok(signed_out(&headers, "/login"))
}

/// The session cookie cleared, on the way to `to`.
fn signed_out(headers: &HeaderMap, to: &str) -> Response {
    let mut response = Redirect::to(to).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(headers, SESSION_COOKIE, "", 0, "Lax"),
    );
    response
}
