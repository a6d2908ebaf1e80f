//! `/dashboard`: the signed-in firm's notices and its situation at a glance; `/dashboard/read`
//! marks its notices as read.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use maud::Markup;

use super::home::viewer_of;
use crate::domain::exchange::Stage;
use crate::domain::staleness::{Freshness, freshness};
use crate::i18n::Lang;
use crate::storage::{self, FirmWithFlows, notifications::Which};
use crate::t;
use crate::views::dashboard::{DashboardView, FirmSummary, page};
use crate::web::auth::RequireSignedIn;
use crate::web::{AppError, AppState};

/// Notices shown at most (unread ones first).
const SHOWN: u64 = 30;

/// `GET /dashboard`.
pub async fn show(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
) -> Result<Markup, AppError> {
    let csrf = user.csrf.clone();
    let Some(company) = user.account.company_id else {
        return Ok(page(&DashboardView {
            viewer: viewer_of(&Some(user), lang),
            csrf: &csrf,
            notices: &[],
            unread: 0,
            firm: None,
        }));
    };
    let own = storage::firm_with_flows(&app.db, company)
        .await?
        .ok_or(AppError::NotFound)?;
    let notices = storage::notifications::for_company(&app.db, company, SHOWN).await?;
    let unread = storage::notifications::unread_count(&app.db, company).await?;
    let exchanges = storage::exchanges::for_company(&app.db, company).await?;
    let stages: Vec<&str> = exchanges
        .iter()
        .map(|(_, stage, _, _)| stage.as_str())
        .collect();
    Ok(page(&DashboardView {
        viewer: viewer_of(&Some(user), lang),
        csrf: &csrf,
        notices: &notices,
        unread,
        firm: Some(summary(&own, &stages)),
    }))
}

/// The firm in numbers, from its flows and the stages of its exchanges.
fn summary(own: &FirmWithFlows, stages: &[&str]) -> FirmSummary {
    let today = chrono::Local::now().date_naive();
    let needs_confirming =
        |regularity, confirmed| freshness(regularity, confirmed, today) != Freshness::Current;
    let to_confirm = own
        .offers
        .iter()
        .filter(|o| needs_confirming(o.regularity(), o.last_confirmed()))
        .count()
        + own
            .needs
            .iter()
            .filter(|n| needs_confirming(n.regularity(), n.last_confirmed()))
            .count();
    let exchanges = Stage::ALL
        .iter()
        .map(|stage| {
            let count = stages.iter().filter(|s| **s == stage.as_str()).count();
            (stage.as_str(), count)
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    FirmSummary {
        name: own.firm.name().to_string(),
        offers: own.offers.len(),
        needs: own.needs.len(),
        to_confirm,
        exchanges,
    }
}

/// `POST /dashboard/read`: marks the notices named by `id` fields as read, or all of the
/// firm's notices when none is named. Another firm's notice answers 404 and changes nothing.
pub async fn mark_read(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let csrf = fields.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v);
    user.check_csrf(csrf)?;
    let company = user.account.company_id.ok_or(AppError::NotFound)?;
    let ids = fields
        .iter()
        .filter(|(k, _)| k == "id")
        .map(|(_, text)| {
            text.trim()
                .parse::<i64>()
                .map_err(|_| AppError::BadRequest(t!(lang, "notifications-bad-id", text = text)))
        })
        .collect::<Result<Vec<i64>, AppError>>()?;
    let which = if ids.is_empty() {
        Which::All
    } else {
        Which::Ids(&ids)
    };
    storage::notifications::mark_read(&app.db, company, which, Utc::now().naive_utc())
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(Redirect::to("/dashboard").into_response())
}
