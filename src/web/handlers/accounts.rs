//! `/register`, `/login` and `/logout`.

use std::collections::HashMap;

use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Duration, Utc};

use crate::accounts::{self, new_token, token_hash};
use crate::domain::{
    Email, Firm, FirmDraft, Language, NewPassword, PasswordProblem, Role, keyport,
};
use crate::i18n::Lang;
use crate::storage::{self, StorageError};
use crate::t;
use crate::views::accounts::{FormState, login_page, register_page};
use crate::web::auth::{
    FORM_COOKIE, RequireSignedIn, SESSION_COOKIE, SESSION_DAYS, check_form_token, form_token,
    set_cookie,
};
use crate::web::client::ClientAddress;
use crate::web::language::language_cookie;
use crate::web::{AppError, AppState};

type Fields = HashMap<String, String>;

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

/// A validated registration.
struct Registration {
    firm: Firm,
    email: Email,
    password: NewPassword,
    language: Language,
}

fn parse_registration(lang: Lang, fields: &Fields) -> Result<Registration, FormState> {
    let mut form = FormState {
        values: fields.clone(),
        ..FormState::default()
    };
    let get = |name: &str| fields.get(name).map_or("", |v| v.as_str());
    let email = Email::parse(get("email"))
        .map_err(|_| {
            form.errors
                .insert("email".into(), t!(lang, "accounts-error-email"))
        })
        .ok();
    let password = match NewPassword::check(get("password"), &[get("email"), get("firm_name")]) {
        Ok(password) => Some(password),
        Err(problem) => {
            let message = match problem {
                PasswordProblem::TooGuessable => t!(lang, "accounts-error-password-weak"),
                PasswordProblem::TooShort | PasswordProblem::TooLong => t!(
                    lang,
                    "accounts-error-password",
                    min = NewPassword::MIN_LEN,
                    max = NewPassword::MAX_LEN
                ),
            };
            form.errors.insert("password".into(), message);
            None
        }
    };
    if password.is_some() && get("password") != get("password_confirm") {
        form.errors.insert(
            "password_confirm".into(),
            t!(lang, "accounts-error-password-confirm"),
        );
    }
    let employees = get("employees")
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| (1..=crate::domain::limits::MAX_EMPLOYEES).contains(n));
    if employees.is_none() {
        form.errors
            .insert("employees".into(), t!(lang, "accounts-error-employees"));
    }
    let Some((lat, lon)) = keyport::centre(get("municipality")) else {
        form.errors.insert(
            "municipality".into(),
            t!(lang, "accounts-error-municipality"),
        );
        return Err(form);
    };
    let firm = Firm::parse(FirmDraft {
        id: format!("firm-{}", &new_token()[..12]),
        name: get("firm_name").to_string(),
        nace: None,
        employees: employees.unwrap_or(1),
        address: None,
        municipality: get("municipality").to_string(),
        lat,
        lon,
    });
    if let Err(problems) = &firm
        && problems.0.iter().any(|p| p.field == "name")
    {
        form.errors
            .insert("firm_name".into(), t!(lang, "accounts-error-firm-name"));
    }
    match (firm, email, password) {
        (Ok(firm), Some(email), Some(password)) if form.errors.is_empty() => Ok(Registration {
            firm,
            email,
            password,
            language: Language::parse(get("language")).unwrap_or(lang),
        }),
        _ => Err(form),
    }
}

/// `POST /register`: a firm and its first user; signs the user in.
pub async fn register(
    State(app): State<AppState>,
    headers: HeaderMap,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    check_form_token(&headers, fields.get("csrf"))?;
    let refuse = |form: FormState| {
        let csrf = fields.get("csrf").cloned().unwrap_or_default();
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            register_page(lang, &form, &csrf),
        )
            .into_response()
    };
    let registration = match parse_registration(lang, &fields) {
        Ok(registration) => registration,
        Err(form) => return Ok(refuse(form)),
    };
    let hash = hash_in_lane(&app, registration.password).await?;
    let now = Utc::now().naive_utc();
    let stored = storage::accounts::register_firm(
        &app.db,
        &registration.firm,
        &registration.email,
        &hash,
        registration.language,
        now,
    )
    .await;
    let user_id = match stored {
        Ok(id) => {
            app.snapshot.invalidate().await;
            id
        }
        Err(StorageError::Duplicate {
            what: "account", ..
        }) => {
            let mut form = FormState {
                values: fields.clone(),
                ..FormState::default()
            };
            form.errors
                .insert("email".into(), t!(lang, "accounts-error-email-taken"));
            return Ok(refuse(form));
        }
        Err(e) => return Err(e.into()),
    };
    sign_in(&app, &headers, user_id, registration.language, Role::Firm).await
}

async fn hash_in_lane(app: &AppState, password: NewPassword) -> Result<String, AppError> {
    // argon2 takes 19 MiB and tens of milliseconds of CPU: bounded, off the async threads.
    app.hashing
        .run(move || accounts::hash_password(&password))
        .await?
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// Starts a new session (a fresh token: no fixation) in the user's own language and goes to
/// the firm's page.
async fn sign_in(
    app: &AppState,
    headers: &HeaderMap,
    user_id: i64,
    language: Language,
    role: Role,
) -> Result<Response, AppError> {
    let token = new_token();
    let now = Utc::now().naive_utc();
    let expires = now + Duration::days(SESSION_DAYS);
    storage::accounts::create_session(
        &app.db,
        &token_hash(&token),
        user_id,
        &new_token(),
        expires,
        now,
    )
    .await?;
    // Firms land on their own firm; the region's staff on the region.
    let landing = match role {
        Role::Firm => "/firm",
        Role::Coordinator | Role::Administrator => "/coordinator",
    };
    let mut response = Redirect::to(landing).into_response();
    let max_age = SESSION_DAYS * 24 * 3600;
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(headers, SESSION_COOKIE, &token, max_age, "Lax"),
    );
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(headers, FORM_COOKIE, "", 0, "Strict"),
    );
    response
        .headers_mut()
        .append(header::SET_COOKIE, language_cookie(headers, language));
    Ok(response)
}

/// `POST /login`. Each try is counted in two buckets before the password is checked (this
/// address from this client, and this client across addresses); a full bucket answers 429
/// with `Retry-After` without checking anything.
pub async fn login(
    State(app): State<AppState>,
    headers: HeaderMap,
    lang: Lang,
    client: ClientAddress,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    check_form_token(&headers, fields.get("csrf"))?;
    let typed = fields.get("email").map_or("", |v| v.as_str());
    let client_key = accounts::client_key(&client.key());
    let pair_key = accounts::address_at_client_key(typed, &client.key());
    // A place in the hashing lane first: a crowd beyond it is answered without a database
    // write, so it does not queue for the connections that pages need.
    let place = app.hashing.reserve()?;
    admit(&app, &client_key, &pair_key).await?;
    let credentials = match Email::parse(typed) {
        Ok(email) => storage::accounts::credentials(&app.db, &email).await?,
        Err(_) => None,
    };
    let candidate = fields.get("password").cloned().unwrap_or_default();
    let stored = credentials.as_ref().map(|c| c.password_hash.clone());
    // Verify against a decoy when the address is unknown, so both cases take as long.
    let valid = place
        .run(move || {
            let hash = stored.unwrap_or_else(|| accounts::decoy_hash().to_string());
            accounts::verify_password(&hash, &candidate)
        })
        .await?;
    match credentials.filter(|_| valid) {
        Some(credentials) => {
            storage::login_throttle::clear(&app.db, &pair_key).await?;
            storage::login_throttle::refund(&app.db, &client_key).await?;
            let language = credentials.account.language;
            let role = credentials.account.role;
            sign_in(&app, &headers, credentials.account.id, language, role).await
        }
        None => {
            let form = FormState {
                values: fields.clone(),
                ..FormState::default()
            };
            let csrf = fields.get("csrf").cloned().unwrap_or_default();
            let message = t!(lang, "accounts-error-login");
            let page = login_page(lang, &form, &csrf, Some(&message));
            Ok((StatusCode::UNAUTHORIZED, page).into_response())
        }
    }
}

/// Counts one login attempt in the client's bucket and in the address-at-client bucket, each
/// in one atomic statement; refuses when either is full.
async fn admit(app: &AppState, client_key: &str, pair_key: &str) -> Result<(), AppError> {
    use storage::login_throttle::{Admission, admit};
    let now_ms = Utc::now().timestamp_millis();
    if let Admission::Refused { wait_seconds } =
        admit(&app.db, client_key, accounts::CLIENT, now_ms).await?
    {
        return Err(AppError::TooManyAttempts(wait_seconds));
    }
    if let Admission::Refused { wait_seconds } =
        admit(&app.db, pair_key, accounts::ADDRESS_AT_CLIENT, now_ms).await?
    {
        storage::login_throttle::refund(&app.db, client_key).await?;
        return Err(AppError::TooManyAttempts(wait_seconds));
    }
    Ok(())
}

/// `POST /logout`.
pub async fn logout(
    State(app): State<AppState>,
    headers: HeaderMap,
    RequireSignedIn(user): RequireSignedIn,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    storage::accounts::delete_session(&app.db, user.token_hash()).await?;
    let mut response = Redirect::to("/").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(&headers, SESSION_COOKIE, "", 0, "Lax"),
    );
    Ok(response)
}

/// `POST /logout/everywhere`: ends every session of this user, on every device, this one too.
pub async fn logout_everywhere(
    State(app): State<AppState>,
    headers: HeaderMap,
    RequireSignedIn(user): RequireSignedIn,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let ended = storage::accounts::delete_sessions_of_user(&app.db, user.account.id).await?;
    tracing::info!(
        user = user.account.id,
        sessions = ended,
        "signed out everywhere"
    );
    let mut response = Redirect::to("/login").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        set_cookie(&headers, SESSION_COOKIE, "", 0, "Lax"),
    );
    Ok(response)
}
