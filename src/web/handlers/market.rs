//! The market (`/` and `/market`), the listing pages (`/listings/offers/{key}`,
//! `/listings/needs/{key}`) and saved searches (`/market/saved`). The rules live in
//! [`app::market`](crate::app::market).

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::home::viewer_of;
use crate::app::market::filter::{self, FilterProblem, FormContext, MarketQuery};
use crate::app::market::listing::listing;
use crate::app::market::saved::{self, NAME_MAX, SEARCHES_MAX, SaveError};
use crate::app::market::search;
use crate::app::matches::MatchesError;
use crate::app::matches::explain::fit_with_own_flows;
use crate::app::visibility::Viewer;
use crate::domain::FlowKind;
use crate::i18n::Lang;
use crate::t;
use crate::views::market::listing::{ListingView, listing_page};
use crate::views::market::{MarketView, Refusal, page};
use crate::web::auth::{MaybeSignedIn, SignedIn};
use crate::web::forms::{SignedForm, refused};
use crate::web::{AppError, AppState};

/// `GET /?woorden=koffiedik&soort=offers&…`: the market with the region's figures.
pub async fn home(
    State(app): State<AppState>,
    MaybeSignedIn(user): MaybeSignedIn,
    lang: Lang,
    Query(query): Query<MarketQuery>,
) -> Result<Response, AppError> {
    render(&app, user, lang, &query, true, None).await
}

/// `GET /market?…`: the market alone.
pub async fn show(
    State(app): State<AppState>,
    MaybeSignedIn(user): MaybeSignedIn,
    lang: Lang,
    Query(query): Query<MarketQuery>,
) -> Result<Response, AppError> {
    render(&app, user, lang, &query, false, None).await
}

/// The market page for `query`; a form with bad values comes back with a message per field
/// (422) and no results, as every refused form does.
async fn render(
    app: &AppState,
    user: Option<SignedIn>,
    lang: Lang,
    query: &MarketQuery,
    with_figures: bool,
    save_refusal: Option<String>,
) -> Result<Response, AppError> {
    let summary = app.snapshot.summary(&app.db).await?;
    let municipalities: Vec<String> = summary
        .municipalities
        .iter()
        .map(|(m, _)| m.clone())
        .collect();
    let viewer = user.as_ref().map(|u| Viewer::of(&u.account));
    let has_firm = viewer.and_then(|v| v.company).is_some();
    let context = FormContext {
        lang,
        municipalities: &municipalities,
        has_firm,
    };
    let read = filter::read(query, &context);
    let (found, refusals, query_string) = match &read {
        Ok((filter, page)) => (
            Some(search(app, viewer.as_ref(), filter, *page).await?),
            Vec::new(),
            filter.query_string(),
        ),
        Err(problems) => (None, refusals_of(lang, problems), String::new()),
    };
    let saved = match viewer.and_then(|v| v.company) {
        Some(company) => Some(saved::list(app, company).await?),
        None => None,
    };
    let status_refused = !refusals.is_empty() || save_refusal.is_some();
    let markup = page(&MarketView {
        viewer: viewer_of(&user, lang),
        counts: with_figures.then_some(summary.counts),
        query,
        municipalities: &municipalities,
        has_firm,
        found: found.as_ref(),
        refusals,
        query_string,
        saved: saved.as_deref(),
        save_refusal,
    });
    Ok(if status_refused {
        refused(markup)
    } else {
        markup.into_response()
    })
}

/// Each problem of the form in the reader's words, beside its field.
fn refusals_of(lang: Lang, problems: &[FilterProblem]) -> Vec<Refusal> {
    problems
        .iter()
        .map(|problem| {
            let field = problem.field();
            let name = field_name(lang, field);
            let message = match problem {
                FilterProblem::NotANumber { text, .. } => {
                    t!(
                        lang,
                        "market-bad-number",
                        field = name,
                        text = text.as_str()
                    )
                }
                FilterProblem::NotPositive { field: "afstand" } => {
                    t!(lang, "market-not-positive", field = name)
                }
                FilterProblem::NotPositive { .. } => t!(lang, "market-negative", field = name),
                FilterProblem::MinAboveMax => t!(lang, "market-min-above-max", field = name),
                FilterProblem::UnknownKind(text) => {
                    t!(
                        lang,
                        "market-unknown-kind",
                        field = name,
                        text = text.as_str()
                    )
                }
                FilterProblem::UnknownChapter(text) => {
                    t!(
                        lang,
                        "market-unknown-chapter",
                        field = name,
                        text = text.as_str()
                    )
                }
                FilterProblem::UnknownMunicipality(text) => {
                    t!(
                        lang,
                        "market-unknown-municipality",
                        field = name,
                        text = text.as_str()
                    )
                }
                FilterProblem::DistanceWithoutFirm => {
                    t!(lang, "market-distance-without-firm", field = name)
                }
                FilterProblem::NotAPage(text) => {
                    t!(lang, "market-bad-page", field = name, text = text.as_str())
                }
            };
            Refusal { field, message }
        })
        .collect()
}

/// The label of a form field, as the message names it.
fn field_name(lang: Lang, field: &str) -> String {
    match field {
        "soort" => t!(lang, "market-field-kind"),
        "hoofdstuk" => t!(lang, "market-field-chapter"),
        "gemeente" => t!(lang, "market-field-municipality"),
        "afstand" => t!(lang, "market-field-distance"),
        "min" => t!(lang, "market-field-min"),
        "max" => t!(lang, "market-field-max"),
        _ => t!(lang, "market-field-page"),
    }
}

/// `GET /listings/offers/{key}`.
pub async fn offer(
    state: State<AppState>,
    user: MaybeSignedIn,
    lang: Lang,
    Path(key): Path<String>,
) -> Result<Response, AppError> {
    show_listing(state, user, lang, FlowKind::Offer, key).await
}

/// `GET /listings/needs/{key}`.
pub async fn need(
    state: State<AppState>,
    user: MaybeSignedIn,
    lang: Lang,
    Path(key): Path<String>,
) -> Result<Response, AppError> {
    show_listing(state, user, lang, FlowKind::Need, key).await
}

/// A listing the viewer may see; any other answers "not found".
async fn show_listing(
    State(app): State<AppState>,
    MaybeSignedIn(user): MaybeSignedIn,
    lang: Lang,
    kind: FlowKind,
    key: String,
) -> Result<Response, AppError> {
    let viewer = user.as_ref().map(|u| Viewer::of(&u.account));
    let found = listing(&app, viewer.as_ref(), kind, &key)
        .await?
        .ok_or(AppError::NotFound)?;
    let is_firm = viewer.and_then(|v| v.company).is_some();
    let fits = if is_firm && !found.own {
        let fits = fit_with_own_flows(&app, viewer.as_ref(), &found).await;
        Some(fits.map_err(|error| match error {
            MatchesError::Storage(error) => AppError::Storage(error),
            // A firm that vanished mid-request, or no firm: nothing to show.
            MatchesError::NoFirm | MatchesError::NotFound => AppError::NotFound,
        })?)
    } else {
        None
    };
    let photo = crate::app::photos::visible_photo_uploaded(&app, viewer.as_ref(), kind, &key)
        .await?
        .map(|uploaded| uploaded.and_utc().timestamp());
    Ok(listing_page(&ListingView {
        photo,
        csrf: user.as_ref().map(|u| u.csrf.clone()),
        viewer: viewer_of(&user, lang),
        listing: &found,
        is_firm,
        fits: fits.as_deref(),
    })
    .into_response())
}

/// The "save this search" form: a name and the search's own fields.
#[derive(Deserialize)]
pub struct SaveForm {
    #[serde(default)]
    name: String,
    #[serde(flatten)]
    query: MarketQuery,
}

/// `POST /market/saved`: the firm saves the search it looks at; a coordinator has no firm and
/// gets "not found". A search with bad fields or without a name comes back refused.
pub async fn save(
    State(app): State<AppState>,
    lang: Lang,
    SignedForm { user, form }: SignedForm<SaveForm>,
) -> Result<Response, AppError> {
    let company = user.account.company_id.ok_or(AppError::NotFound)?;
    let summary = app.snapshot.summary(&app.db).await?;
    let municipalities: Vec<String> = summary
        .municipalities
        .iter()
        .map(|(m, _)| m.clone())
        .collect();
    let context = FormContext {
        lang,
        municipalities: &municipalities,
        has_firm: true,
    };
    let Ok((filter, _)) = filter::read(&form.query, &context) else {
        return render(&app, Some(user), lang, &form.query, false, None).await;
    };
    let message = match saved::save(&app, company, &form.name, &filter).await {
        Ok(_) => {
            return Ok(Redirect::to(&format!("/market?{}", filter.query_string())).into_response());
        }
        Err(SaveError::NoName) => t!(lang, "market-save-no-name"),
        Err(SaveError::NameTooLong) => t!(lang, "market-save-too-long", max = NAME_MAX as i64),
        Err(SaveError::TooMany) => t!(lang, "market-save-too-many", max = SEARCHES_MAX as i64),
        Err(SaveError::Storage(error)) => return Err(error.into()),
    };
    render(&app, Some(user), lang, &form.query, false, Some(message)).await
}

/// `POST /market/saved/{id}/delete`: the firm deletes one of its searches; another firm's
/// answers "not found".
pub async fn delete(
    State(app): State<AppState>,
    Path(id): Path<String>,
    SignedForm { user, .. }: SignedForm<serde::de::IgnoredAny>,
) -> Result<Response, AppError> {
    let company = user.account.company_id.ok_or(AppError::NotFound)?;
    // The id is read after the login and token: a made-up address learns nothing first.
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    if !saved::delete(&app, company, id).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/market").into_response())
}
