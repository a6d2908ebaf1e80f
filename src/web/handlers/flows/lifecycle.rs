//! The one-button changes to an own flow: delete, "still current", pause and resume. Each
//! goes back to the firm's list; a flow of another firm, or none, answers "not found".

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{FlowRoute, list_path, own_company};
use crate::app::flows as own_flows;
use crate::i18n::Lang;
use crate::web::forms::SignedForm;
use crate::web::{AppError, AppState};

/// A button's form: nothing but its CSRF token, which [`SignedForm`] checks.
#[derive(Debug, Deserialize)]
pub struct Button {}

/// What a button does to the flow.
enum Press {
    Delete,
    Confirm,
    Pause,
    Resume,
}

/// Does what the button says to the signed-in firm's flow `id` of the route's kind and goes
/// back to the firm's list.
async fn press<K: FlowRoute>(
    app: &AppState,
    form: SignedForm<Button>,
    lang: Lang,
    id: &str,
    press: Press,
) -> Result<Response, AppError> {
    let company = own_company(&form.user, lang)?;
    match press {
        Press::Delete => own_flows::delete(app, company, K::KIND, id).await?,
        Press::Confirm => own_flows::confirm(app, company, K::KIND, id).await?,
        Press::Pause => own_flows::set_paused(app, company, K::KIND, id, true).await?,
        Press::Resume => own_flows::set_paused(app, company, K::KIND, id, false).await?,
    }
    Ok(Redirect::to(list_path(K::KIND)).into_response())
}

/// `POST /offers/{id}/delete` and `POST /needs/{id}/delete`.
pub async fn delete<K: FlowRoute>(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    form: SignedForm<Button>,
) -> Result<Response, AppError> {
    press::<K>(&app, form, lang, &id, Press::Delete).await
}

/// `POST /offers/{id}/confirm` and `POST /needs/{id}/confirm`: "still current".
pub async fn confirm<K: FlowRoute>(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    form: SignedForm<Button>,
) -> Result<Response, AppError> {
    press::<K>(&app, form, lang, &id, Press::Confirm).await
}

/// `POST /offers/{id}/pause` and `POST /needs/{id}/pause`: leaves matching until resumed.
pub async fn pause<K: FlowRoute>(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    form: SignedForm<Button>,
) -> Result<Response, AppError> {
    press::<K>(&app, form, lang, &id, Press::Pause).await
}

/// `POST /offers/{id}/resume` and `POST /needs/{id}/resume`: back into matching.
pub async fn resume<K: FlowRoute>(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    form: SignedForm<Button>,
) -> Result<Response, AppError> {
    press::<K>(&app, form, lang, &id, Press::Resume).await
}
