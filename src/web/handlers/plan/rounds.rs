//! `/rounds/{id}`: a collection round, for coordinators, its receiver and its members; any
//! other firm gets "not found", as for anything it may not see ([`crate::app::plan_rounds`]).

use axum::extract::{Path, State};
use maud::Markup;

use crate::app::plan_rounds::round_for;
use crate::i18n::Lang;
use crate::views::plan::round::{RoundPage, round_page};
use crate::web::auth::RequireSignedIn;
use crate::web::handlers::home::viewer_of;
use crate::web::{AppError, AppState};

/// `GET /rounds/{id}`.
pub async fn show(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<i64>,
) -> Result<Markup, AppError> {
    let seen = (round_for(&app, &user.account, id).await?).ok_or(AppError::NotFound)?;
    Ok(round_page(&RoundPage {
        viewer: viewer_of(&Some(user), lang),
        round: &seen.round,
        own_company: seen.own_company,
    }))
}
