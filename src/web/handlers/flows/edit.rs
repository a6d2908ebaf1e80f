//! `/offers/{id}/edit` and `/needs/{id}/edit`: the add form again, filled with the firm's own
//! flow, checked by the same rules; saving confirms the flow as current.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};

use super::form::FlowFields;
use super::stored;
use super::{FlowRoute, FormContext, Search, form_page, own_company, save};
use crate::app::flows as own_flows;
use crate::i18n::Lang;
use crate::web::auth::RequireSignedIn;
use crate::web::forms::SignedForm;
use crate::web::{AppError, AppState};

/// `GET /offers/{id}/edit?zoek=…` and `GET /needs/{id}/edit?zoek=…`.
pub async fn edit<K: FlowRoute>(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Query(search): Query<Search>,
) -> Result<Response, AppError> {
    let company = own_company(&user, lang)?;
    let flow = own_flows::own(&app, company, K::KIND, &id).await?;
    let (form, accepts) = stored::stored_values(&flow, lang);
    let context = FormContext {
        accepts: &accepts,
        editing: Some(&id),
        query: search.words(),
    };
    Ok(form_page(user, lang, K::KIND, &form, context).into_response())
}

/// `POST /offers/{id}/edit` and `POST /needs/{id}/edit`.
pub async fn update<K: FlowRoute>(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    SignedForm { user, form }: SignedForm<FlowFields>,
) -> Result<Response, AppError> {
    save(&app, user, lang, K::KIND, Some(&id), form).await
}
