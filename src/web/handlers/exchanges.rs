//! `/exchanges`: a match becomes an exchange; each side moves it along; only the parties (and
//! coordinators) ever see it.

mod disclosure;
mod page;

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;

use self::page::{Feedback, Refused, render};
use super::home::viewer_of;
use crate::domain::exchange::{
    Actor, Side, Step, StepKind, StepRefused, apply, decline_reason, step_note,
};
use crate::domain::{Confidentiality, Role};
use crate::i18n::Lang;
use crate::storage::{self, exchanges::ExchangeRecord, exchanges::StepRecord};
use crate::t;
use crate::views::exchanges::{list_page, step_of_form};
use crate::views::matches::NotForUsRefusal;
use crate::web::auth::{RequireSignedIn, SignedIn};
use crate::web::{AppError, AppState};

type Fields = HashMap<String, String>;

/// The viewer's role in an exchange; `None` means it may not see it (answered as not found).
fn actor_of(user: &SignedIn, supplier: i64, receiver: i64) -> Option<Actor> {
    match user.account.company_id {
        Some(company) if company == supplier => Some(Actor::Party(Side::Supplier)),
        Some(company) if company == receiver => Some(Actor::Party(Side::Receiver)),
        _ if matches!(user.account.role, Role::Coordinator | Role::Administrator) => {
            Some(Actor::Coordinator)
        }
        _ => None,
    }
}

fn pair_of(fields: &Fields) -> (String, String) {
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    (field("offer"), field("need"))
}

/// The signed-in firm's side of a suggested pair. Not found unless the firm owns one of the
/// two flows and may see the other: matches never show a firm a coordinator-only flow, so
/// neither may a hand-made form reach one.
async fn matched_side(
    app: &AppState,
    user: &SignedIn,
    offer: &str,
    need: &str,
) -> Result<Side, AppError> {
    let pair = storage::exchanges::pair_owners(&app.db, offer, need)
        .await?
        .ok_or(AppError::NotFound)?;
    // A firm's own offer and own need are not an exchange between firms; a paused flow is off
    // the market even for a page loaded before the pause.
    if pair.supplier == pair.receiver || pair.paused {
        return Err(AppError::NotFound);
    }
    let Some(Actor::Party(side)) = actor_of(user, pair.supplier, pair.receiver) else {
        return Err(AppError::NotFound);
    };
    let other = match side {
        Side::Supplier => pair.need_confidentiality,
        Side::Receiver => pair.offer_confidentiality,
    };
    if other == Confidentiality::CoordinatorOnly {
        return Err(AppError::NotFound);
    }
    Ok(side)
}

/// The exchange of a pair, opened when there is none yet.
async fn open_exchange(
    app: &AppState,
    offer: &str,
    need: &str,
) -> Result<ExchangeRecord, AppError> {
    let id = storage::exchanges::open(&app.db, offer, need, Utc::now().naive_utc())
        .await?
        .ok_or(AppError::NotFound)?;
    storage::exchanges::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// `POST /exchanges`: "interested" on a match; opens the exchange when needed.
pub async fn interested(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let (offer, need) = pair_of(&fields);
    let side = matched_side(&app, &user, &offer, &need).await?;
    let record = open_exchange(&app, &offer, &need).await?;
    let already = match side {
        Side::Supplier => record.status.supplier_interested,
        Side::Receiver => record.status.receiver_interested,
    };
    if !already {
        let actor = Actor::Party(side);
        if let Err(refused) =
            take_step(&app, &user, &record, Step::Interested(side), actor, "").await?
        {
            let feedback = Feedback::refused(lang, refused, &fields);
            return render(&app, user, lang, &record, actor, feedback).await;
        }
    }
    Ok(Redirect::to(&format!("/exchanges/{}", record.id)).into_response())
}

/// `POST /exchanges/decline`: "not for us" on a match, with a reason; the pair is not proposed
/// to this firm again. Without a reason the matches page comes back with the message next
/// to the field.
pub async fn not_for_us(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let (offer, need) = pair_of(&fields);
    let side = matched_side(&app, &user, &offer, &need).await?;
    let reason = match decline_reason(fields.get("reason").map_or("", String::as_str)) {
        Ok(reason) => reason,
        Err(refused) => {
            let message = match refused {
                StepRefused::ReasonTooLong { max } => {
                    t!(lang, "matches-not-for-us-too-long", max = max)
                }
                _ => t!(lang, "matches-not-for-us-no-reason"),
            };
            let refusal = NotForUsRefusal {
                offer,
                need,
                message,
            };
            let page = super::matches::render(&app, user, lang, Some(refusal)).await?;
            return Ok((StatusCode::BAD_REQUEST, page).into_response());
        }
    };
    let record = open_exchange(&app, &offer, &need).await?;
    let actor = Actor::Party(side);
    if let Err(refused) =
        take_step(&app, &user, &record, Step::Decline { reason }, actor, "").await?
    {
        let feedback = Feedback::refused(lang, refused, &fields);
        return render(&app, user, lang, &record, actor, feedback).await;
    }
    Ok(Redirect::to("/matches").into_response())
}

/// Takes a step if the rules allow it and nobody changed the exchange in between.
async fn take_step(
    app: &AppState,
    user: &SignedIn,
    record: &ExchangeRecord,
    step: Step,
    actor: Actor,
    note: &str,
) -> Result<Result<(), Refused>, AppError> {
    let after = match apply(record.status, &step, actor) {
        Ok(after) => after,
        Err(refused) => return Ok(Err(Refused::Step(refused))),
    };
    let reason = match &step {
        Step::Decline { reason } => Some(reason.as_str()),
        _ => None,
    };
    let saved = storage::exchanges::save_step(
        &app.db,
        record.id,
        StepRecord {
            before: record.status,
            after,
            step: &step.to_string(),
            note,
            decline_reason: reason,
            user_id: user.account.id,
            at: Utc::now().naive_utc(),
        },
    )
    .await?;
    // A completed or declined exchange is a new case: the ranking learns from it.
    if saved && after.stage.is_final() {
        app.snapshot.invalidate().await;
    }
    Ok(if saved {
        Ok(())
    } else {
        Err(Refused::ChangedMeanwhile)
    })
}

/// `GET /exchanges`.
pub async fn list(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
) -> Result<Response, AppError> {
    let listed = match user.account.company_id {
        Some(company) => storage::exchanges::for_company(&app.db, company).await?,
        // Coordinators follow the whole region's exchanges.
        None if matches!(user.account.role, Role::Coordinator | Role::Administrator) => {
            storage::exchanges::recent(&app.db, 200).await?
        }
        None => Vec::new(),
    };
    Ok(list_page(&viewer_of(&Some(user), lang), &listed).into_response())
}

async fn visible_record(
    app: &AppState,
    user: &SignedIn,
    id: i64,
) -> Result<(ExchangeRecord, Actor), AppError> {
    let record = storage::exchanges::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let actor = actor_of(user, record.supplier_company, record.receiver_company)
        .ok_or(AppError::NotFound)?;
    Ok((record, actor))
}

/// `GET /exchanges/{id}`.
pub async fn show(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (record, actor) = visible_record(&app, &user, id).await?;
    render(&app, user, lang, &record, actor, Feedback::default()).await
}

/// `POST /exchanges/{id}/step`.
pub async fn step(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let (record, actor) = visible_record(&app, &user, id).await?;
    let kind = fields.get("step").and_then(|value| step_of_form(value));
    let step = match (kind, actor) {
        (Some(StepKind::Interested), Actor::Party(side)) => Step::Interested(side),
        (Some(StepKind::StartNegotiating), _) => Step::StartNegotiating,
        (Some(StepKind::Agree), _) => Step::Agree,
        (Some(StepKind::Start), _) => Step::Start,
        (Some(StepKind::Complete), _) => Step::Complete,
        (Some(StepKind::Decline), _) => Step::Decline {
            reason: fields.get("reason").map_or("", |r| r.trim()).to_string(),
        },
        _ => return Err(AppError::BadRequest(t!(lang, "exchanges-unknown-step"))),
    };
    let note = match step_note(fields.get("note").map_or("", String::as_str)) {
        Ok(note) => note,
        Err(refused) => {
            let feedback = Feedback::refused(lang, Refused::Step(refused), &fields);
            return render(&app, user, lang, &record, actor, feedback).await;
        }
    };
    match take_step(&app, &user, &record, step, actor, &note).await? {
        Ok(()) => Ok(Redirect::to(&format!("/exchanges/{id}")).into_response()),
        Err(refused) => {
            let feedback = Feedback::refused(lang, refused, &fields);
            render(&app, user, lang, &record, actor, feedback).await
        }
    }
}

/// `POST /exchanges/{id}/tonnes`: tonnes actually moved in a month of a running exchange.
pub async fn tonnes(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let (record, actor) = visible_record(&app, &user, id).await?;
    if !record.status.records_tonnes() {
        let feedback = Feedback::message(t!(lang, "exchanges-tonnes-not-running"));
        return render(&app, user, lang, &record, actor, feedback).await;
    }
    match page::parse_tonnes(lang, &fields) {
        Ok((period, tonnes)) => {
            storage::exchanges::record_tonnes(
                &app.db,
                id,
                &period,
                tonnes,
                user.account.id,
                Utc::now().naive_utc(),
            )
            .await?;
            Ok(Redirect::to(&format!("/exchanges/{id}")).into_response())
        }
        Err(feedback) => render(&app, user, lang, &record, actor, feedback).await,
    }
}
