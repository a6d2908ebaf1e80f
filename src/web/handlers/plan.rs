//! `/plan`: the region plan for coordinators. `POST /plan/run` starts a run in the background
//! ([`crate::app::plan_runner`]); the page shows its progress, then the plan, and the plan
//! against the exchanges as they are now. Loops, chains and pools are in [`proposals`], a
//! collection round in [`rounds`].

mod proposals;
mod rounds;

use axum::extract::{Query, State};
use axum::response::Redirect;
use maud::Markup;
use serde::Deserialize;

pub use proposals::{form_round, loops, open_chain, open_loop, open_planned, pools};
pub use rounds::show as round;

use super::home::viewer_of;
use crate::app::plan_runner::{self, against_reality};
use crate::i18n::Lang;
use crate::t;
use crate::views::plan::{PlanPage, plan_page};
use crate::web::auth::RequireCoordinator;
use crate::web::forms::CoordinatorForm;
use crate::web::{AppError, AppState};

/// Planned exchanges per page.
pub const PAGE_SIZE: u64 = 50;

/// The query flag set when a run was asked for while one was going.
const ALREADY_RUNNING: &str = "bezig";

/// The plan page's query.
#[derive(Debug, Default, Deserialize)]
pub struct PlanQuery {
    /// The page of planned exchanges, from 1.
    pub pagina: Option<String>,
    /// Set when a run was asked for while one was going ([`ALREADY_RUNNING`]).
    pub bezig: Option<String>,
}

/// The form of "Compute the plan": nothing besides its token.
#[derive(Debug, Deserialize)]
pub struct RunForm {}

/// `GET /plan?pagina=2`.
pub async fn show(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(query): Query<PlanQuery>,
) -> Result<Markup, AppError> {
    let page = match query.pagina.as_deref().map(str::trim) {
        None | Some("") => 1,
        Some(text) => text
            .parse::<u64>()
            .ok()
            .filter(|&p| p >= 1)
            .ok_or_else(|| AppError::BadRequest(t!(lang, "plan-bad-page", text = text)))?,
    };
    let status = app.plan.status();
    let reality = match &status.last {
        Some(result) => Some(against_reality(&app, result).await?),
        None => None,
    };
    Ok(plan_page(&PlanPage {
        viewer: viewer_of(&Some(user), lang),
        status: &status,
        reality: reality.as_ref(),
        page,
        page_size: PAGE_SIZE,
        already_running: query.bezig.is_some(),
    }))
}

/// `POST /plan/run`: starts a run unless one is going; either way back to `/plan`, which
/// shows the progress.
pub async fn run(
    State(app): State<AppState>,
    _: CoordinatorForm<RunForm>,
) -> Result<Redirect, AppError> {
    if plan_runner::start(&app.app) {
        Ok(Redirect::to("/plan"))
    } else {
        Ok(Redirect::to(&format!("/plan?{ALREADY_RUNNING}=1")))
    }
}
