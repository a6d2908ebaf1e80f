//! `/coordinator`: the region overview and its next best calls ([`crate::app::calls`]);
//! `/coordinator/propose` opens a call's exchange for both firms in one step.

pub mod contacts;
pub mod firms;

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::home::viewer_of;
use crate::app::calls::{self, Call, FilterRefused, OverviewError};
use crate::app::exchanges::{self, ExchangeError, Proposed};
use crate::app::region::Snapshot;
use crate::app::visibility::Viewer;
use crate::domain::Material;
use crate::i18n::Lang;
use crate::matching::instance::FirmSite;
use crate::t;
use crate::views::coordinator::{
    self, CallRow, Filters, FirmLabel, OverviewPage, page, query_string,
};
use crate::web::auth::RequireCoordinator;
use crate::web::forms::CoordinatorForm;
use crate::web::{AppError, AppState};

/// The overview's query: its filters, and the notice after "Propose".
#[derive(Debug, Default, Deserialize)]
pub struct OverviewQuery {
    /// A municipality of the region.
    pub gemeente: Option<String>,
    /// A NACE section letter.
    pub sector: Option<String>,
    /// The exchange just opened.
    pub voorgesteld: Option<String>,
    /// The exchange the proposed pair had already.
    pub bestaand: Option<String>,
}

/// `GET /coordinator?gemeente=Weert&sector=C`.
pub async fn show(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(query): Query<OverviewQuery>,
) -> Result<Markup, AppError> {
    let chosen = calls::overview(&app, query.gemeente.as_deref(), query.sector.as_deref())
        .await
        .map_err(|error| overview_error(lang, error))?;
    let narrowed = chosen.narrowed();
    let csrf = user.csrf.clone();
    Ok(page(&OverviewPage {
        viewer: viewer_of(&Some(user), lang),
        csrf: &csrf,
        filters: Filters {
            municipality: chosen.municipality.as_deref(),
            section: chosen.section,
            municipalities: chosen.overview.municipalities(),
            sections: chosen.overview.sections(),
        },
        total: narrowed.total(),
        by_municipality: narrowed.by_municipality(),
        by_section: narrowed.by_section(),
        calls: (chosen.calls.iter())
            .map(|call| call_row(&chosen.snapshot, call))
            .collect(),
        proposed: proposed_notice(&query),
    }))
}

/// A refused filter names what was given; it is the query's fault (400), not the rules'.
fn overview_error(lang: Lang, error: OverviewError) -> AppError {
    match error {
        OverviewError::Refused(FilterRefused::UnknownMunicipality(name)) => AppError::BadRequest(
            t!(lang, "coordinator-bad-municipality", name = name.as_str()),
        ),
        OverviewError::Refused(FilterRefused::NotASection(text)) => {
            AppError::BadRequest(t!(lang, "coordinator-bad-sector", text = text.as_str()))
        }
        OverviewError::Storage(error) => AppError::Storage(error),
        OverviewError::Stopped(reason) => AppError::Internal(reason),
    }
}

/// The notice after "Propose", from the redirect's query.
fn proposed_notice(query: &OverviewQuery) -> Option<coordinator::Proposed> {
    use coordinator::Proposed::{Existing, Opened};
    let id = |value: &Option<String>| value.as_deref().and_then(|v| v.parse::<i64>().ok());
    (id(&query.voorgesteld).map(Opened)).or_else(|| id(&query.bestaand).map(Existing))
}

/// A call as the overview shows it: both firms by name.
fn call_row(snapshot: &Snapshot, call: &Call) -> CallRow {
    let instance = &snapshot.instance;
    let (offer, need) = (&instance.offers[call.offer], &instance.needs[call.need]);
    let code = offer.material.code();
    CallRow {
        offer: offer.id.clone(),
        need: need.id.clone(),
        supplier: firm_label(instance.offer_firm(call.offer)),
        receiver: firm_label(instance.need_firm(call.need)),
        material: Material::parse(code).ok(),
        material_code: code.to_string(),
        road_km: call.economics.road_km,
        quantity: call.economics.quantity,
        unit: offer.unit,
        eur_per_year: call.economics.benefit_eur_per_year,
        co2_net_kg_per_year: call.economics.co2_net_kg_per_year(),
    }
}

fn firm_label(firm: &FirmSite) -> FirmLabel {
    FirmLabel {
        key: firm.id.clone(),
        name: firm.name.clone(),
        municipality: firm.municipality.clone(),
        section: (firm.nace.as_deref())
            .and_then(|n| n.chars().next())
            .map(|c| c.to_ascii_uppercase()),
    }
}

/// The form of "Propose": the pair, and the overview's filters to return to.
#[derive(Debug, Deserialize)]
pub struct ProposeForm {
    #[serde(default)]
    pub offer: String,
    #[serde(default)]
    pub need: String,
    pub gemeente: Option<String>,
    pub sector: Option<String>,
}

/// `POST /coordinator/propose`: opens the exchange of an offer and a need for both firms in
/// one transaction ([`exchanges::propose_pair`]). Back to the overview, with its filters and
/// what happened.
pub async fn propose(
    State(app): State<AppState>,
    CoordinatorForm { user, form }: CoordinatorForm<ProposeForm>,
) -> Result<Response, AppError> {
    let (offer, need) = (form.offer.trim(), form.need.trim());
    let viewer = Viewer::of(&user.account);
    let proposed = match exchanges::propose_pair(&app, &viewer, offer, need).await {
        Ok(proposed) => proposed,
        Err(ExchangeError::Storage(error)) => return Err(AppError::Storage(error)),
        // Not a coordinator, a missing flow, or one firm's own offer and need.
        Err(_) => return Err(AppError::NotFound),
    };
    let mut back: Vec<(&str, String)> = [("gemeente", &form.gemeente), ("sector", &form.sector)]
        .into_iter()
        .filter_map(|(name, value)| {
            let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
            Some((name, value.to_string()))
        })
        .collect();
    back.push(match proposed {
        Proposed::Opened(id) => ("voorgesteld", id.to_string()),
        Proposed::Existing(id) => ("bestaand", id.to_string()),
    });
    Ok(Redirect::to(&format!("/coordinator{}", query_string(&back))).into_response())
}
