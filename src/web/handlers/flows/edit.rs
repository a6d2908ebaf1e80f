//! `/offers/{id}/edit` and `/needs/{id}/edit`: the add form again, filled with the firm's own
//! flow, checked by the same rules; saving confirms the flow as current.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::form::{self, Submitted};
use super::{FlowKind, form_page, own_company, query_of, refused};
use crate::i18n::Lang;
use crate::storage;
use crate::web::auth::RequireSignedIn;
use crate::web::{AppError, AppState};

/// `GET /offers/{id}/edit?zoek=…`.
pub async fn edit_offer(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let company = own_company(&user, lang)?;
    let offer = storage::flows::own_offer(&app.db, company, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let form = form::offer_values(&offer);
    let query = query_of(&params);
    Ok(form_page(user, lang, FlowKind::Offer, &form, Some(&id), &query).into_response())
}

/// `GET /needs/{id}/edit?zoek=…`.
pub async fn edit_need(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let company = own_company(&user, lang)?;
    let need = storage::flows::own_need(&app.db, company, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (form, accepts) = form::need_values(&need);
    let query = query_of(&params);
    let kind = FlowKind::Need(&accepts);
    Ok(form_page(user, lang, kind, &form, Some(&id), &query).into_response())
}

/// `POST /offers/{id}/edit`.
pub async fn update_offer(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let submitted = Submitted::from(pairs);
    user.check_csrf(submitted.csrf())?;
    let company = own_company(&user, lang)?;
    let stored = storage::flows::own_offer(&app.db, company, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = chrono::Local::now().date_naive();
    match form::offer_of(&submitted, id.clone(), Some(&stored), today, lang) {
        Ok(offer) => {
            if !storage::flows::update_offer(&app.db, company, &offer).await? {
                return Err(AppError::NotFound);
            }
            // Saved: the answer is success whatever follows (see `flow_saved`).
            crate::app::notify::flow_saved(&app, offer.id().as_str()).await;
            Ok(Redirect::to("/offers").into_response())
        }
        Err(form) => {
            let page = form_page(
                user,
                lang,
                FlowKind::Offer,
                &form,
                Some(&id),
                submitted.query(),
            );
            Ok(refused(page))
        }
    }
}

/// `POST /needs/{id}/edit`.
pub async fn update_need(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let submitted = Submitted::from(pairs);
    user.check_csrf(submitted.csrf())?;
    let company = own_company(&user, lang)?;
    let stored = storage::flows::own_need(&app.db, company, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = chrono::Local::now().date_naive();
    match form::need_of(&submitted, id.clone(), Some(&stored), today, lang) {
        Ok(need) => {
            if !storage::flows::update_need(&app.db, company, &need).await? {
                return Err(AppError::NotFound);
            }
            // Saved: the answer is success whatever follows (see `flow_saved`).
            crate::app::notify::flow_saved(&app, need.id().as_str()).await;
            Ok(Redirect::to("/needs").into_response())
        }
        Err(form) => {
            let kind = FlowKind::Need(&submitted.accepts);
            let page = form_page(user, lang, kind, &form, Some(&id), submitted.query());
            Ok(refused(page))
        }
    }
}
