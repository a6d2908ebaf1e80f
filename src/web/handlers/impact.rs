//! `/impact` and `/impact.csv`: what the recorded exchanges achieved, for coordinators. The
//! report is made in [`crate::app::impact`]; here the query is read and the page or file
//! answered.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use maud::Markup;

use super::home::viewer_of;
use crate::app::impact::{self, ImpactQuery, ImpactRefused, Report};
use crate::i18n::Lang;
use crate::t;
use crate::views::impact::{ImpactView, csv::impact_csv, page};
use crate::web::auth::RequireCoordinator;
use crate::web::{AppError, AppState};

/// `GET /impact?year=2026&municipality=Weert`.
pub async fn show(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(query): Query<ImpactQuery>,
) -> Result<Markup, AppError> {
    let report = report(&app, lang, &query).await?;
    let stages = impact::exchanges_per_stage(&app, &report.filter).await?;
    Ok(page(&ImpactView {
        viewer: viewer_of(&Some(user), lang),
        impact: &report.impact,
        factors: &report.factors,
        stages: &stages,
        filter: &report.filter,
        municipalities: &report.municipalities,
    }))
}

/// `GET /impact.csv?year=2026&municipality=Weert`: every exchange-month behind the page.
pub async fn csv(
    State(app): State<AppState>,
    RequireCoordinator(_user): RequireCoordinator,
    lang: Lang,
    Query(query): Query<ImpactQuery>,
) -> Result<Response, AppError> {
    let report = report(&app, lang, &query).await?;
    let body = impact_csv(&report.impact, &report.factors)
        .map_err(|e| AppError::Internal(e.to_string()))?;
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

/// The report the query asks for; a query naming what is not a year or a municipality of
/// the region is a bad address (400), with a message naming it.
async fn report(app: &AppState, lang: Lang, query: &ImpactQuery) -> Result<Report, AppError> {
    impact::report(app, query).await?.map_err(|refused| {
        AppError::BadRequest(match refused {
            ImpactRefused::NotAYear(text) => t!(lang, "impact-bad-year", text = text),
            ImpactRefused::UnknownMunicipality(name) => {
                t!(lang, "impact-bad-municipality", name = name)
            }
        })
    })
}
