//! `/plan/loops` and `/plan/pools`: loops, chains and pools of the last run, and the buttons
//! that turn one into exchanges, or a pool into a collection round, in one step.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::Redirect;
use chrono::Utc;
use maud::Markup;

use crate::app::plan_runner::PlanResult;
use crate::domain::Unit;
use crate::i18n::Lang;
use crate::matching::loops::LoopLink;
use crate::matching::{Instance, Params};
use crate::storage::proposals::{Link, ProposedBy, exchange_pairs, open_links};
use crate::storage::rounds::{
    Formed, NewMember, NewRound, form_round as store_round, rounds_by_need,
};
use crate::t;
use crate::views::plan::proposals::{
    Existing, Kind, LoopsPage, Outcome, PoolsPage, loops_page, pools_page,
};
use crate::web::auth::{RequireCoordinator, SignedIn};
use crate::web::handlers::home::viewer_of;
use crate::web::{AppError, AppState};

type Fields = HashMap<String, String>;

/// `GET /plan/loops`, after a button with `?geopend=2&bestond=1&ontbrak=0`.
pub async fn loops(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Markup, AppError> {
    let count = |name: &str| params.get(name).and_then(|v| v.parse::<usize>().ok());
    let outcome = count("geopend").map(|created| Outcome {
        created,
        existing: count("bestond").unwrap_or(0),
        missing: count("ontbrak").unwrap_or(0),
    });
    let existing: Existing = exchange_pairs(&app.db)
        .await?
        .into_iter()
        .map(|p| ((p.offer_key, p.need_key), (p.id, p.stage)))
        .collect();
    let result = app.plan.last();
    Ok(loops_page(&LoopsPage {
        viewer: viewer_of(&Some(user), lang),
        result: result.as_deref(),
        existing: &existing,
        outcome,
    }))
}

/// `POST /plan/loops/{number}`: an exchange for every link of the loop.
pub async fn open_loop(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Path(number): Path<usize>,
    Form(fields): Form<Fields>,
) -> Result<Redirect, AppError> {
    open_proposal(&app, &user, lang, Kind::Loop, number, &fields).await
}

/// `POST /plan/chains/{number}`: an exchange for every link of the chain.
pub async fn open_chain(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Path(number): Path<usize>,
    Form(fields): Form<Fields>,
) -> Result<Redirect, AppError> {
    open_proposal(&app, &user, lang, Kind::Chain, number, &fields).await
}

async fn open_proposal(
    app: &AppState,
    user: &SignedIn,
    lang: Lang,
    kind: Kind,
    number: usize,
    fields: &Fields,
) -> Result<Redirect, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let result = shown_run(app, lang, fields)?;
    let found = &result.found;
    let index = number.checked_sub(1).ok_or(AppError::NotFound)?;
    let (links, firms, note_id): (&[LoopLink], usize, _) = match kind {
        Kind::Loop => {
            let found = found.loops.get(index).ok_or(AppError::NotFound)?;
            (&found.links, found.firms.len(), "loop")
        }
        Kind::Chain => {
            let found = found.chains.get(index).ok_or(AppError::NotFound)?;
            (&found.links, found.firms.len(), "chain")
        }
    };
    let instance = &result.snapshot.instance;
    let links: Vec<Link> = links.iter().map(|l| link(instance, l)).collect();
    let note = t!(lang, "plan-note-proposal", kind = note_id, firms = firms);
    let by = ProposedBy {
        user_id: user.account.id,
        note: &note,
        at: Utc::now().naive_utc(),
    };
    let opened = open_links(&app.db, &links, by).await?;
    Ok(Redirect::to(&format!(
        "/plan/loops?geopend={}&bestond={}&ontbrak={}#{}-{number}",
        opened.created.len(),
        opened.existing.len(),
        opened.missing,
        kind.path()
    )))
}

fn link(instance: &Instance, link: &LoopLink) -> Link {
    Link {
        offer: instance.offers[link.offer].id.clone(),
        need: instance.needs[link.need].id.clone(),
    }
}

/// The last run, when it is the one the form was shown from: a proposal's number means
/// something only in the run that found it.
fn shown_run(app: &AppState, lang: Lang, fields: &Fields) -> Result<Arc<PlanResult>, AppError> {
    let result = app.plan.last().ok_or(AppError::NotFound)?;
    let shown = fields.get("run").and_then(|r| r.trim().parse::<u64>().ok());
    if shown != Some(result.run) {
        return Err(AppError::BadRequest(t!(lang, "plan-stale-run")));
    }
    Ok(result)
}

/// `GET /plan/pools`.
pub async fn pools(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
) -> Result<Markup, AppError> {
    let rounds = rounds_by_need(&app.db).await?;
    let result = app.plan.last();
    Ok(pools_page(&PoolsPage {
        viewer: viewer_of(&Some(user), lang),
        result: result.as_deref(),
        rounds: &rounds,
    }))
}

/// `POST /plan/pools/{number}`: the pool becomes a collection round with its members and an
/// exchange per member; a need that has a round already keeps it.
pub async fn form_round(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Path(number): Path<usize>,
    Form(fields): Form<Fields>,
) -> Result<Redirect, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let result = shown_run(&app, lang, &fields)?;
    let index = number.checked_sub(1).ok_or(AppError::NotFound)?;
    let pool = result.found.pools.get(index).ok_or(AppError::NotFound)?;
    let instance = &result.snapshot.instance;
    let need = &instance.needs[pool.need];
    let round = NewRound {
        need: need.id.clone(),
        members: pool
            .members
            .iter()
            .map(|m| NewMember {
                offer: instance.offers[m.offer].id.clone(),
                cost_share_eur_per_year: m.transport_eur_per_year,
                tonnes_per_year: freight_tonnes(&instance.params, need.unit, m.quantity),
            })
            .collect(),
    };
    let note = |id: i64| t!(lang, "plan-note-round", id = id.to_string());
    let now = Utc::now().naive_utc();
    match store_round(&app.db, &round, user.account.id, note, now).await? {
        Formed::Created { id, .. } | Formed::Existing(id) => {
            Ok(Redirect::to(&format!("/rounds/{id}")))
        }
        Formed::Missing => Err(AppError::BadRequest(t!(lang, "plan-pool-gone"))),
    }
}

/// Tonnes of road freight of a quantity (pools never carry heat).
fn freight_tonnes(params: &Params, unit: Unit, quantity: f64) -> f64 {
    match unit {
        Unit::Tonnes | Unit::MegawattHours => quantity,
        Unit::CubicMetres => quantity * params.tonnes_per_m3,
        Unit::Pieces => quantity * params.tonnes_per_piece,
    }
}
