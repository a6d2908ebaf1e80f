//! `/offers`, `/needs` and their forms: a firm adds, changes, pauses and deletes its own
//! flows. Every route is scoped to the signed-in firm; another firm's flow is "not found".

mod edit;
mod form;
mod lifecycle;

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::home::viewer_of;
use crate::accounts::new_token;
use crate::domain::material_search::{MaterialHit, SearchLanguage, search_materials};
use crate::i18n::Lang;
use crate::storage;
use crate::t;
use crate::views::accounts::FormState;
use crate::views::flows::{FlowForm, flows_page, need_form_page, offer_form_page};
use crate::web::auth::{RequireSignedIn, SignedIn};
use crate::web::{AppError, AppState};
use form::Submitted;

pub use edit::{edit_need, edit_offer, update_need, update_offer};
pub use lifecycle::{
    confirm_need, confirm_offer, delete_need, delete_offer, pause_need, pause_offer, resume_need,
    resume_offer,
};

/// Hits shown for a material search.
const SEARCH_HITS: usize = 12;

/// The firm of a signed-in user; staff accounts have none.
fn own_company(user: &SignedIn, lang: Lang) -> Result<i64, AppError> {
    user.account
        .company_id
        .ok_or_else(|| AppError::BadRequest(t!(lang, "flows-no-company")))
}

/// The materials matching `query`, labelled in the reader's language.
fn hits(query: &str, lang: Lang) -> Vec<MaterialHit> {
    let language = match lang {
        Lang::Dutch => SearchLanguage::Dutch,
        Lang::English => SearchLanguage::English,
    };
    search_materials(query, language, SEARCH_HITS)
}

fn query_of(params: &HashMap<String, String>) -> String {
    params
        .get("zoek")
        .map(|q| q.trim().to_string())
        .unwrap_or_default()
}

/// Which form a page shows: an offer's or a need's (with the codes ticked).
enum FlowKind<'a> {
    Offer,
    Need(&'a [String]),
}

/// A flow form, new (`editing` is `None`) or changing the flow `editing`.
fn form_page(
    user: SignedIn,
    lang: Lang,
    kind: FlowKind<'_>,
    form: &FormState,
    editing: Option<&str>,
    query: &str,
) -> maud::Markup {
    let csrf = user.csrf.clone();
    let viewer = viewer_of(&Some(user), lang);
    let hits = hits(query, lang);
    let page = FlowForm {
        viewer: &viewer,
        csrf: &csrf,
        form,
        editing,
        query,
        hits: &hits,
    };
    match kind {
        FlowKind::Offer => offer_form_page(&page),
        FlowKind::Need(chosen) => need_form_page(&page, chosen),
    }
}

/// A refused form, shown again with its messages.
fn refused(page: maud::Markup) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

/// `GET /offers` and `GET /needs`.
pub async fn list(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
) -> Result<Response, AppError> {
    let company = own_company(&user, lang)?;
    let firm = storage::firm_with_flows(&app.db, company)
        .await?
        .ok_or(AppError::NotFound)?;
    let paused = storage::flows::paused_flows(&app.db, Some(company)).await?;
    let csrf = user.csrf.clone();
    let today = chrono::Local::now().date_naive();
    let viewer = viewer_of(&Some(user), lang);
    Ok(flows_page(&viewer, &csrf, &firm, &paused, today).into_response())
}

/// `GET /offers/new?zoek=karton`.
pub async fn new_offer(
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    own_company(&user, lang)?;
    let query = query_of(&params);
    let form = FormState::default();
    Ok(form_page(user, lang, FlowKind::Offer, &form, None, &query).into_response())
}

/// `GET /needs/new?zoek=koffiedik`.
pub async fn new_need(
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    own_company(&user, lang)?;
    let query = query_of(&params);
    let form = FormState::default();
    Ok(form_page(user, lang, FlowKind::Need(&[]), &form, None, &query).into_response())
}

/// `POST /offers`.
pub async fn create_offer(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let submitted = Submitted::from(pairs);
    user.check_csrf(submitted.csrf())?;
    let company = own_company(&user, lang)?;
    let id = format!("O-{}", &new_token()[..12]);
    let today = chrono::Local::now().date_naive();
    match form::offer_of(&submitted, id, None, today, lang) {
        Ok(offer) => {
            storage::flows::add_offer(&app.db, company, &offer).await?;
            // Saved: the answer is success whatever follows (see `flow_saved`).
            crate::app::notify::flow_saved(&app, offer.id().as_str()).await;
            Ok(Redirect::to("/offers").into_response())
        }
        Err(form) => {
            let query = submitted.query();
            Ok(refused(form_page(
                user,
                lang,
                FlowKind::Offer,
                &form,
                None,
                query,
            )))
        }
    }
}

/// `POST /needs`.
pub async fn create_need(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let submitted = Submitted::from(pairs);
    user.check_csrf(submitted.csrf())?;
    let company = own_company(&user, lang)?;
    let id = format!("N-{}", &new_token()[..12]);
    let today = chrono::Local::now().date_naive();
    match form::need_of(&submitted, id, None, today, lang) {
        Ok(need) => {
            storage::flows::add_need(&app.db, company, &need).await?;
            // Saved: the answer is success whatever follows (see `flow_saved`).
            crate::app::notify::flow_saved(&app, need.id().as_str()).await;
            Ok(Redirect::to("/needs").into_response())
        }
        Err(form) => {
            let kind = FlowKind::Need(&submitted.accepts);
            Ok(refused(form_page(
                user,
                lang,
                kind,
                &form,
                None,
                submitted.query(),
            )))
        }
    }
}
