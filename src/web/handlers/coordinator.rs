//! `/coordinator`: the region overview and its next best calls; `/coordinator/propose` opens a
//! call's exchange for both firms in one step.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use maud::Markup;

use super::home::viewer_of;
use crate::app::calls::{Call, Wanted, best_calls};
use crate::app::region::Snapshot;
use crate::domain::Material;
use crate::domain::exchange::ExchangeStatus;
use crate::i18n::Lang;
use crate::matching::instance::FirmSite;
use crate::storage::{self, coordinator::Overview, exchanges::StepRecord};
use crate::t;
use crate::views::coordinator::{
    CallRow, Filters, FirmLabel, OverviewPage, Proposed, page, query_string,
};
use crate::web::auth::RequireCoordinator;
use crate::web::{AppError, AppState};

type Fields = HashMap<String, String>;

/// How a coordinator's proposal is recorded in an exchange's history.
const PROPOSED_BY_COORDINATOR: &str = "proposed by coordinator";

/// `GET /coordinator?gemeente=Weert&sector=C`.
pub async fn show(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(params): Query<Fields>,
) -> Result<Markup, AppError> {
    let today = chrono::Local::now().date_naive();
    // Firms and flows are counted once per change of the region; exchanges move on their
    // own, so they are counted per visit.
    let mut overview = Overview::clone(&*app.snapshot.region_overview(&app.db, today).await?);
    storage::coordinator::count_exchanges(&app.db, &mut overview).await?;
    let (municipality, section) = chosen_filters(lang, &params, &overview)?;
    let narrowed = overview.narrowed(municipality, section);
    let snapshot = app.region().await?;
    let wanted = Wanted {
        excluded: storage::coordinator::exchange_pairs(&app.db).await?,
        municipality: municipality.map(str::to_string),
        section,
    };
    let calls = best_calls(&app, &snapshot, wanted)
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let csrf = user.csrf.clone();
    Ok(page(&OverviewPage {
        viewer: viewer_of(&Some(user), lang),
        csrf: &csrf,
        filters: Filters {
            municipality,
            section,
            municipalities: overview.municipalities(),
            sections: overview.sections(),
        },
        total: narrowed.total(),
        by_municipality: narrowed.by_municipality(),
        by_section: narrowed.by_section(),
        calls: calls.iter().map(|call| call_row(&snapshot, call)).collect(),
        proposed: proposed_notice(&params),
    }))
}

/// The municipality and section chosen, checked against those of the region.
fn chosen_filters<'a>(
    lang: Lang,
    params: &'a Fields,
    overview: &Overview,
) -> Result<(Option<&'a str>, Option<char>), AppError> {
    let chosen = |name: &str| params.get(name).map(|v| v.trim()).filter(|v| !v.is_empty());
    let municipality = chosen("gemeente");
    if let Some(name) = municipality
        && !overview.municipalities().contains(&name)
    {
        return Err(AppError::BadRequest(t!(
            lang,
            "coordinator-bad-municipality",
            name = name
        )));
    }
    let section = match chosen("sector") {
        None => None,
        Some(text) => Some(section_letter(text).ok_or_else(|| {
            AppError::BadRequest(t!(lang, "coordinator-bad-sector", text = text))
        })?),
    };
    Ok((municipality, section))
}

/// `C` (or `c`) for a NACE section; `None` for anything else.
fn section_letter(text: &str) -> Option<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(letter), None) if ('A'..='U').contains(&letter.to_ascii_uppercase()) => {
            Some(letter.to_ascii_uppercase())
        }
        _ => None,
    }
}

/// The notice after "Propose", from the redirect's query.
fn proposed_notice(params: &Fields) -> Option<Proposed> {
    let id = |name: &str| params.get(name).and_then(|v| v.parse::<i64>().ok());
    id("voorgesteld")
        .map(Proposed::Opened)
        .or_else(|| id("bestaand").map(Proposed::Existing))
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
        name: firm.name.clone(),
        municipality: firm.municipality.clone(),
        section: (firm.nace.as_deref())
            .and_then(|n| n.chars().next())
            .map(|c| c.to_ascii_uppercase()),
    }
}

/// `POST /coordinator/propose`: opens the exchange of an offer and a need for both firms and
/// records the coordinator's step, which tells both firms. A pair with an exchange already is
/// left as it is. Back to the overview, with its filters.
pub async fn propose(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let field = |name: &str| fields.get(name).map_or("", |v| v.trim());
    let (offer, need) = (field("offer"), field("need"));
    let (supplier, receiver) = storage::exchanges::owners(&app.db, offer, need)
        .await?
        .ok_or(AppError::NotFound)?;
    // A firm's own offer and need are not an exchange between firms.
    if supplier == receiver {
        return Err(AppError::NotFound);
    }
    let mut back: Vec<(&str, String)> = ["gemeente", "sector"]
        .into_iter()
        .filter(|name| !field(name).is_empty())
        .map(|name| (name, field(name).to_string()))
        .collect();
    if let Some(id) = storage::coordinator::exchange_of_pair(&app.db, offer, need).await? {
        back.push(("bestaand", id.to_string()));
        return Ok(Redirect::to(&format!("/coordinator{}", query_string(&back))).into_response());
    }
    let now = Utc::now().naive_utc();
    let id = storage::exchanges::open(&app.db, offer, need, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let proposed = ExchangeStatus::proposed();
    // The stage stays "proposed"; the step records who proposed it, and its notice goes to
    // both firms because a coordinator took it.
    let step = StepRecord {
        before: proposed,
        after: proposed,
        step: PROPOSED_BY_COORDINATOR,
        note: "",
        decline_reason: None,
        user_id: user.account.id,
        at: now,
    };
    let saved = storage::exchanges::save_step(&app.db, id, step).await?;
    back.push((
        if saved { "voorgesteld" } else { "bestaand" },
        id.to_string(),
    ));
    Ok(Redirect::to(&format!("/coordinator{}", query_string(&back))).into_response())
}
