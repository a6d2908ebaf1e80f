//! `/plan/loops` and `/plan/pools`: loops, chains and pools of the last run, and the buttons
//! that turn one into exchanges, or a pool into a collection round, in one step
//! ([`crate::app::proposals`]).

use axum::extract::{Path, Query, State};
use axum::response::Redirect;
use maud::Markup;
use serde::Deserialize;

use crate::app::proposals::{self, Kind, ProposalError};
use crate::app::visibility::Viewer;
use crate::i18n::Lang;
use crate::storage::proposals::exchange_pairs;
use crate::storage::rounds::rounds_by_need;
use crate::t;
use crate::views::plan::proposals::{
    Existing, LoopsPage, Outcome, PoolsPage, loops_page, pools_page,
};
use crate::web::auth::RequireCoordinator;
use crate::web::forms::CoordinatorForm;
use crate::web::handlers::home::viewer_of;
use crate::web::{AppError, AppState};

/// The counts after a loop's or chain's button.
#[derive(Debug, Default, Deserialize)]
pub struct LoopsQuery {
    /// Exchanges opened.
    pub geopend: Option<String>,
    /// Links that had an exchange already.
    pub bestond: Option<String>,
    /// Links whose flow is gone.
    pub ontbrak: Option<String>,
}

/// The form of every proposal's button: the run it was shown from.
#[derive(Debug, Deserialize)]
pub struct ProposalForm {
    pub run: Option<String>,
}

/// `GET /plan/loops`, after a button with `?geopend=2&bestond=1&ontbrak=0`.
pub async fn loops(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(query): Query<LoopsQuery>,
) -> Result<Markup, AppError> {
    let count = |value: &Option<String>| value.as_deref().and_then(|v| v.parse::<usize>().ok());
    let outcome = count(&query.geopend).map(|created| Outcome {
        created,
        existing: count(&query.bestond).unwrap_or(0),
        missing: count(&query.ontbrak).unwrap_or(0),
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
    lang: Lang,
    Path(number): Path<usize>,
    form: CoordinatorForm<ProposalForm>,
) -> Result<Redirect, AppError> {
    open_proposal(&app, lang, Kind::Loop, number, form).await
}

/// `POST /plan/chains/{number}`: an exchange for every link of the chain.
pub async fn open_chain(
    State(app): State<AppState>,
    lang: Lang,
    Path(number): Path<usize>,
    form: CoordinatorForm<ProposalForm>,
) -> Result<Redirect, AppError> {
    open_proposal(&app, lang, Kind::Chain, number, form).await
}

async fn open_proposal(
    app: &AppState,
    lang: Lang,
    kind: Kind,
    number: usize,
    CoordinatorForm { user, form }: CoordinatorForm<ProposalForm>,
) -> Result<Redirect, AppError> {
    let note = |kind: Kind, firms: usize| {
        let kind = match kind {
            Kind::Loop => "loop",
            Kind::Chain => "chain",
        };
        t!(lang, "plan-note-proposal", kind = kind, firms = firms)
    };
    let run = form.run.as_deref();
    let viewer = Viewer::of(&user.account);
    let opened = proposals::open_proposal(app, &viewer, run, kind, number, note)
        .await
        .map_err(|error| proposal_error(lang, error))?;
    Ok(Redirect::to(&format!(
        "/plan/loops?geopend={}&bestond={}&ontbrak={}#{}-{number}",
        opened.created.len(),
        opened.existing.len(),
        opened.missing,
        kind.path()
    )))
}

/// `POST /plan/exchanges/{number}`: the plan table's per-row button opens that link's
/// exchange and shows it; a link that has one already shows the existing one.
pub async fn open_planned(
    State(app): State<AppState>,
    lang: Lang,
    Path(number): Path<usize>,
    CoordinatorForm { user, form }: CoordinatorForm<ProposalForm>,
) -> Result<Redirect, AppError> {
    let viewer = Viewer::of(&user.account);
    let note = t!(lang, "plan-note-planned");
    let opened = proposals::open_planned(&app, &viewer, form.run.as_deref(), number, &note)
        .await
        .map_err(|error| proposal_error(lang, error))?;
    match opened.created.first().or(opened.existing.first()) {
        Some(id) => Ok(Redirect::to(&format!("/exchanges/{id}"))),
        None => Err(AppError::Refused(t!(lang, "plan-planned-gone"))),
    }
}

/// A proposal the rules refuse answers 422 with the reason.
fn proposal_error(lang: Lang, error: ProposalError) -> AppError {
    match error {
        ProposalError::NotFound => AppError::NotFound,
        ProposalError::StaleRun => AppError::Refused(t!(lang, "plan-stale-run")),
        ProposalError::PoolGone => AppError::Refused(t!(lang, "plan-pool-gone")),
        ProposalError::Storage(error) => AppError::Storage(error),
    }
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
    lang: Lang,
    Path(number): Path<usize>,
    CoordinatorForm { user, form }: CoordinatorForm<ProposalForm>,
) -> Result<Redirect, AppError> {
    let note = |id: i64| t!(lang, "plan-note-round", id = id.to_string());
    let run = form.run.as_deref();
    let round = proposals::form_round(&app, user.account.id, run, number, note)
        .await
        .map_err(|error| proposal_error(lang, error))?;
    Ok(Redirect::to(&format!("/rounds/{round}")))
}
