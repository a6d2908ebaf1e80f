//! `/impact` and `/impact.csv`: what the recorded exchanges achieved, for coordinators.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::Markup;

use super::home::viewer_of;
use crate::i18n::Lang;
use crate::outcomes::impact::{self, Factors, Filter, Impact};
use crate::storage;
use crate::t;
use crate::views::impact::{ImpactView, csv::impact_csv, page};
use crate::web::auth::RequireCoordinator;
use crate::web::{AppError, AppState};

/// `GET /impact?year=2026&municipality=Weert`.
pub async fn show(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Markup, AppError> {
    let municipalities = storage::municipalities(&app.db).await?;
    let filter = filter_of(lang, &params, &municipalities)?;
    let (impact, factors) = report(&app, &filter).await?;
    let stages =
        storage::impact::exchanges_per_stage(&app.db, filter.municipality.as_deref()).await?;
    Ok(page(&ImpactView {
        viewer: viewer_of(&Some(user), lang),
        impact: &impact,
        factors: &factors,
        stages: &stages,
        filter: &filter,
        municipalities: &municipalities,
    }))
}

/// `GET /impact.csv?year=2026&municipality=Weert`: every exchange-month behind the page.
pub async fn csv(
    State(app): State<AppState>,
    RequireCoordinator(_user): RequireCoordinator,
    lang: Lang,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let municipalities = storage::municipalities(&app.db).await?;
    let filter = filter_of(lang, &params, &municipalities)?;
    let (impact, factors) = report(&app, &filter).await?;
    let body = impact_csv(&impact, &factors).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"symbiose-impact.csv\"",
            ),
        ],
        body,
    )
        .into_response())
}

/// The recorded tonnes the filter selects, with the factors in force.
async fn report(app: &AppState, filter: &Filter) -> Result<(Impact, Factors), AppError> {
    let records = storage::impact::recorded_tonnes(&app.db).await?;
    let parameters = storage::impact::region_parameters(&app.db).await?;
    let factors = Factors::of_region(parameters.as_ref());
    Ok((impact::compute(&records, &factors, filter), factors))
}

/// `?year=` and `?municipality=`, each optional; a year that is not one, or a municipality
/// the region does not have, is refused with a message naming it.
fn filter_of(
    lang: Lang,
    params: &HashMap<String, String>,
    municipalities: &[(String, i64)],
) -> Result<Filter, AppError> {
    let given = |name: &str| params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let year = match given("year") {
        None => None,
        Some(text) => Some(
            text.parse::<i32>()
                .ok()
                .filter(|y| (1000..=9999).contains(y))
                .ok_or_else(|| AppError::BadRequest(t!(lang, "impact-bad-year", text = text)))?,
        ),
    };
    let municipality = match given("municipality") {
        None => None,
        Some(name) if municipalities.iter().any(|(m, _)| m == name) => Some(name.to_string()),
        Some(name) => {
            return Err(AppError::BadRequest(t!(
                lang,
                "impact-bad-municipality",
                name = name
            )));
        }
    };
    Ok(Filter { year, municipality })
}
