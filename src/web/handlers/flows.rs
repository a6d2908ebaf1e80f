//! `/offers`, `/needs` and their forms: a firm adds, changes, pauses and deletes its own
//! flows. Offers and needs share every handler: a route names its kind by a type
//! ([`Offers`] or [`Needs`]). Every route is scoped to the signed-in firm; another firm's flow
//! is "not found".

mod descriptors;
mod edit;
mod form;
mod lifecycle;
mod stored;

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::home::viewer_of;
use crate::app::flows::{self as own_flows, FlowError};
use crate::domain::FlowKind;
use crate::domain::material_search::{MaterialHit, SearchLanguage, search_materials};
use crate::i18n::Lang;
use crate::t;
use crate::views::accounts::FormState;
use crate::views::flows::{FlowForm, flows_page, need_form_page, offer_form_page};
use crate::web::auth::{RequireSignedIn, SignedIn};
use crate::web::forms::{SignedForm, refused};
use crate::web::{AppError, AppState, language};
use form::FlowFields;

pub use edit::{edit, update};
pub use lifecycle::{Button, confirm, delete, pause, resume};

/// Hits shown for a material search.
const SEARCH_HITS: usize = 12;

/// Which flows a route is about: its handlers are the same for both kinds.
pub trait FlowRoute {
    /// The kind of flow under this route.
    const KIND: FlowKind;
}

/// The routes under `/offers`.
pub struct Offers;

/// The routes under `/needs`.
pub struct Needs;

impl FlowRoute for Offers {
    const KIND: FlowKind = FlowKind::Offer;
}

impl FlowRoute for Needs {
    const KIND: FlowKind = FlowKind::Need;
}

/// The firm's list of flows of `kind`, where every change goes back to.
fn list_path(kind: FlowKind) -> &'static str {
    match kind {
        FlowKind::Offer => "/offers",
        FlowKind::Need => "/needs",
    }
}

/// The material search of a form page: `?zoek=karton`.
#[derive(Debug, Default, Deserialize)]
pub struct Search {
    #[serde(default)]
    zoek: String,
}

impl Search {
    /// The search's words, trimmed.
    fn words(&self) -> &str {
        self.zoek.trim()
    }
}

/// The firm of a signed-in user; staff accounts have none.
fn own_company(user: &SignedIn, lang: Lang) -> Result<i64, AppError> {
    user.account
        .company_id
        .ok_or_else(|| AppError::BadRequest(t!(lang, "flows-no-company")))
}

impl From<FlowError> for AppError {
    fn from(error: FlowError) -> AppError {
        match error {
            FlowError::NotFound => AppError::NotFound,
            FlowError::InAnExchange => {
                AppError::Refused(t!(language::current(), "flows-delete-in-exchange"))
            }
            // A refused form is shown again by its handler; this only reads as a message.
            FlowError::Invalid(_) => {
                AppError::Refused(t!(language::current(), "flows-error-field"))
            }
            FlowError::Storage(error) => error.into(),
        }
    }
}

/// The materials matching `query`, labelled in the reader's language.
fn hits(query: &str, lang: Lang) -> Vec<MaterialHit> {
    let language = match lang {
        Lang::Dutch => SearchLanguage::Dutch,
        Lang::English => SearchLanguage::English,
    };
    search_materials(query, language, SEARCH_HITS)
}

/// What a flow form page shows besides the values: the codes a need's form has ticked, the
/// flow being changed (`None` when adding one) and the material search's words.
struct FormContext<'a> {
    accepts: &'a [String],
    editing: Option<&'a str>,
    query: &'a str,
}

/// A flow form of `kind`, new or changing a flow.
fn form_page(
    user: SignedIn,
    lang: Lang,
    kind: FlowKind,
    form: &FormState,
    context: FormContext<'_>,
) -> maud::Markup {
    let csrf = user.csrf.clone();
    let viewer = viewer_of(&Some(user), lang);
    let hits = hits(context.query, lang);
    let page = FlowForm {
        viewer: &viewer,
        csrf: &csrf,
        form,
        editing: context.editing,
        query: context.query,
        hits: &hits,
    };
    match kind {
        FlowKind::Offer => offer_form_page(&page),
        FlowKind::Need => need_form_page(&page, context.accepts),
    }
}

/// `GET /offers` and `GET /needs`.
pub async fn list(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
) -> Result<Response, AppError> {
    let company = own_company(&user, lang)?;
    let own = own_flows::list_own(&app, company).await?;
    let csrf = user.csrf.clone();
    let viewer = viewer_of(&Some(user), lang);
    let page = flows_page(&viewer, &csrf, &own.firm, &own.paused, app.today());
    Ok(page.into_response())
}

/// `GET /offers/new?zoek=karton` and `GET /needs/new?zoek=koffiedik`.
pub async fn new<K: FlowRoute>(
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Query(search): Query<Search>,
) -> Result<Response, AppError> {
    own_company(&user, lang)?;
    let context = FormContext {
        accepts: &[],
        editing: None,
        query: search.words(),
    };
    let page = form_page(user, lang, K::KIND, &FormState::default(), context);
    Ok(page.into_response())
}

/// `POST /offers` and `POST /needs`.
pub async fn create<K: FlowRoute>(
    State(app): State<AppState>,
    lang: Lang,
    SignedForm { user, form }: SignedForm<FlowFields>,
) -> Result<Response, AppError> {
    save(&app, user, lang, K::KIND, None, form).await
}

/// Adds the flow the form describes (`editing` is `None`) or changes the firm's flow
/// `editing`, and goes back to the list; a form the rules refuse is shown again with a
/// message per field.
async fn save(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    kind: FlowKind,
    editing: Option<&str>,
    fields: FlowFields,
) -> Result<Response, AppError> {
    let company = own_company(&user, lang)?;
    if fields.is_search() {
        return Ok(searched(app, user, lang, kind, editing, &fields)
            .await?
            .into_response());
    }
    let (draft, unread) = fields.draft(kind, lang);
    let saved = if !unread.is_empty() {
        // A field that is not a number: no flow to save, but every other rule is reported
        // too — for a flow of this firm only.
        if let Some(key) = editing {
            own_flows::own(app, company, kind, key).await?;
        }
        let found = own_flows::check(app, draft).err().unwrap_or_default();
        Err(FlowError::Invalid(found))
    } else {
        match editing {
            None => own_flows::add(app, company, draft).await,
            Some(key) => own_flows::change(app, company, key, draft).await,
        }
    };
    match saved {
        Ok(_) => Ok(Redirect::to(list_path(kind)).into_response()),
        Err(FlowError::Invalid(found)) => {
            let form = form::refused_form(&fields, unread, found, lang);
            let context = FormContext {
                accepts: &fields.accepts,
                editing,
                query: fields.query(),
            };
            Ok(refused(form_page(user, lang, kind, &form, context)))
        }
        Err(other) => Err(other.into()),
    }
}

/// The form again with the material search's hits and every field as typed (ticked
/// materials, description, numbers): a search never loses what was filled in.
async fn searched(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    kind: FlowKind,
    editing: Option<&str>,
    fields: &FlowFields,
) -> Result<maud::Markup, AppError> {
    if let Some(key) = editing {
        // Only the firm's own flow has a change form to search on.
        let company = own_company(&user, lang)?;
        own_flows::own(app, company, kind, key).await?;
    }
    let context = FormContext {
        accepts: &fields.accepts,
        editing,
        query: fields.query(),
    };
    Ok(form_page(user, lang, kind, &fields.typed(), context))
}
