//! `/rounds/{id}`: a collection round, for coordinators, its receiver and its members; any
//! other firm gets "not found", as for anything it may not see.

use axum::extract::{Path, State};
use maud::Markup;

use crate::domain::Role;
use crate::i18n::Lang;
use crate::storage::rounds::get_round;
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
    let round = get_round(&app.db, id).await?.ok_or(AppError::NotFound)?;
    let own_company = match user.account.role {
        Role::Coordinator | Role::Administrator => None,
        Role::Firm => match user.account.company_id {
            Some(company) if round.involves(company) => Some(company),
            _ => return Err(AppError::NotFound),
        },
    };
    Ok(round_page(&RoundPage {
        viewer: viewer_of(&Some(user), lang),
        round: &round,
        own_company,
    }))
}
