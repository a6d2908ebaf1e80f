//! The one-button changes to an own flow: delete, "still current", pause and resume.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::own_company;
use crate::i18n::Lang;
use crate::storage;
use crate::storage::flows::Deletion;
use crate::t;
use crate::web::auth::{RequireSignedIn, SignedIn};
use crate::web::{AppError, AppState};

/// Runs `change` on one of the signed-in firm's own flows (CSRF checked), forgets the
/// matcher's snapshot and goes back to `back`; a flow of another firm, or none, answers
/// "not found".
async fn own_flow_change<F, Fut>(
    app: AppState,
    user: SignedIn,
    lang: Lang,
    fields: HashMap<String, String>,
    back: &str,
    change: F,
) -> Result<Response, AppError>
where
    F: FnOnce(AppState, i64) -> Fut,
    Fut: std::future::Future<Output = Result<bool, storage::StorageError>>,
{
    user.check_csrf(fields.get("csrf"))?;
    let company = own_company(&user, lang)?;
    if change(app.clone(), company).await? {
        app.snapshot.invalidate().await;
        Ok(Redirect::to(back).into_response())
    } else {
        Err(AppError::NotFound)
    }
}

/// Deletes one of the signed-in firm's own flows (CSRF checked) and goes back to `back`. A flow
/// that an exchange names is kept: the exchange's history and recorded tonnes (the region's
/// impact and its knowledge base) would go with it; pausing takes it off the market instead.
async fn delete_own<Fut>(
    app: AppState,
    user: SignedIn,
    lang: Lang,
    fields: HashMap<String, String>,
    back: &str,
    delete: impl FnOnce(AppState, i64) -> Fut,
) -> Result<Response, AppError>
where
    Fut: std::future::Future<Output = Result<Deletion, storage::StorageError>>,
{
    user.check_csrf(fields.get("csrf"))?;
    let company = own_company(&user, lang)?;
    match delete(app.clone(), company).await? {
        Deletion::Deleted => {
            app.snapshot.invalidate().await;
            Ok(Redirect::to(back).into_response())
        }
        Deletion::NotFound => Err(AppError::NotFound),
        Deletion::InAnExchange => Err(AppError::BadRequest(t!(lang, "flows-delete-in-exchange"))),
    }
}

/// `POST /offers/{id}/delete`.
pub async fn delete_offer(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    delete_own(
        app,
        user,
        lang,
        fields,
        "/offers",
        |app, company| async move { storage::flows::delete_offer(&app.db, company, &id).await },
    )
    .await
}

/// `POST /needs/{id}/delete`.
pub async fn delete_need(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    delete_own(
        app,
        user,
        lang,
        fields,
        "/needs",
        |app, company| async move { storage::flows::delete_need(&app.db, company, &id).await },
    )
    .await
}

/// `POST /offers/{id}/confirm`: "still current" on an own offer.
pub async fn confirm_offer(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let today = chrono::Local::now().date_naive();
    own_flow_change(app, user, lang, fields, "/offers", |app, company| async move {
        storage::flows::confirm_offer(&app.db, company, &id, today).await
    })
    .await
}

/// `POST /needs/{id}/confirm`: "still current" on an own need.
pub async fn confirm_need(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let today = chrono::Local::now().date_naive();
    own_flow_change(app, user, lang, fields, "/needs", |app, company| async move {
        storage::flows::confirm_need(&app.db, company, &id, today).await
    })
    .await
}

/// `POST /offers/{id}/pause`: leaves matching until resumed.
pub async fn pause_offer(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    own_flow_change(
        app,
        user,
        lang,
        fields,
        "/offers",
        |app, company| async move {
            storage::flows::set_offer_paused(&app.db, company, &id, true).await
        },
    )
    .await
}

/// `POST /offers/{id}/resume`: back into matching.
pub async fn resume_offer(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    own_flow_change(
        app,
        user,
        lang,
        fields,
        "/offers",
        |app, company| async move {
            storage::flows::set_offer_paused(&app.db, company, &id, false).await
        },
    )
    .await
}

/// `POST /needs/{id}/pause`: leaves matching until resumed.
pub async fn pause_need(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    own_flow_change(app, user, lang, fields, "/needs", |app, company| async move {
        storage::flows::set_need_paused(&app.db, company, &id, true).await
    })
    .await
}

/// `POST /needs/{id}/resume`: back into matching.
pub async fn resume_need(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    own_flow_change(
        app,
        user,
        lang,
        fields,
        "/needs",
        |app, company| async move {
            storage::flows::set_need_paused(&app.db, company, &id, false).await
        },
    )
    .await
}
