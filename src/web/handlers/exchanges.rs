//! `/exchanges`: a match becomes an exchange; each side moves it along; only the parties (and
//! coordinators) ever see it.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;

use super::home::viewer_of;
use crate::domain::Role;
use crate::domain::exchange::{Actor, ExchangeStatus, Side, Step, apply};
use crate::storage::{self, exchanges::ExchangeRecord, exchanges::StepRecord};
use crate::views::exchanges::{ExchangeView, exchange_page, list_page};
use crate::web::auth::{RequireSignedIn, SignedIn};
use crate::web::{AppError, AppState};

type Fields = HashMap<String, String>;

/// The viewer's role in an exchange; `None` means it may not see it (answered as not found).
fn actor_of(user: &SignedIn, supplier: i64, receiver: i64) -> Option<Actor> {
    match user.account.company_id {
        Some(company) if company == supplier => Some(Actor::Party(Side::Supplier)),
        Some(company) if company == receiver => Some(Actor::Party(Side::Receiver)),
        _ if user.account.role == Role::Coordinator => Some(Actor::Coordinator),
        _ => None,
    }
}

/// `POST /exchanges`: "interested" on a match; opens the exchange when needed.
pub async fn interested(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let (offer, need) = (
        fields.get("offer").cloned().unwrap_or_default(),
        fields.get("need").cloned().unwrap_or_default(),
    );
    let (supplier, receiver) = storage::exchanges::owners(&app.db, &offer, &need)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(Actor::Party(side)) = actor_of(&user, supplier, receiver) else {
        return Err(AppError::NotFound);
    };
    let now = Utc::now().naive_utc();
    let id = storage::exchanges::open(&app.db, &offer, &need, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let record = storage::exchanges::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let already = match side {
        Side::Supplier => record.status.supplier_interested,
        Side::Receiver => record.status.receiver_interested,
    };
    if !already {
        let actor = Actor::Party(side);
        if let Err(message) =
            take_step(&app, &user, &record, Step::Interested(side), actor, "").await?
        {
            return render(&app, user, &record, actor, Some(message)).await;
        }
    }
    Ok(Redirect::to(&format!("/exchanges/{id}")).into_response())
}

/// `POST /exchanges/decline`: "not for us" on a match, with a reason; the pair is not proposed
/// to this firm again.
pub async fn not_for_us(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let offer = fields.get("offer").cloned().unwrap_or_default();
    let need = fields.get("need").cloned().unwrap_or_default();
    let reason = fields
        .get("reason")
        .map(|r| r.trim().to_string())
        .unwrap_or_default();
    if reason.is_empty() {
        return Err(AppError::BadRequest(
            "reden: vertel kort waarom deze match niet past".into(),
        ));
    }
    let (supplier, receiver) = storage::exchanges::owners(&app.db, &offer, &need)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(actor @ Actor::Party(_)) = actor_of(&user, supplier, receiver) else {
        return Err(AppError::NotFound);
    };
    let now = Utc::now().naive_utc();
    let id = storage::exchanges::open(&app.db, &offer, &need, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let record = storage::exchanges::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Err(message) =
        take_step(&app, &user, &record, Step::Decline { reason }, actor, "").await?
    {
        return render(&app, user, &record, actor, Some(message)).await;
    }
    Ok(Redirect::to("/matches").into_response())
}

async fn take_step(
    app: &AppState,
    user: &SignedIn,
    record: &ExchangeRecord,
    step: Step,
    actor: Actor,
    note: &str,
) -> Result<Result<(), String>, AppError> {
    let after = match apply(record.status, &step, actor) {
        Ok(after) => after,
        Err(refused) => return Ok(Err(refused.to_string())),
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
    Ok(if saved {
        Ok(())
    } else {
        Err("Iemand anders heeft deze uitwisseling net gewijzigd; bekijk de nieuwe stand.".into())
    })
}

/// `GET /exchanges`.
pub async fn list(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
) -> Result<Response, AppError> {
    let listed = match user.account.company_id {
        Some(company) => storage::exchanges::for_company(&app.db, company).await?,
        None => Vec::new(),
    };
    Ok(list_page(
        &viewer_of(&Some(user), crate::web::language::current()),
        &listed,
    )
    .into_response())
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

/// The steps an actor may take now, for the page's buttons.
fn possible_steps(status: ExchangeStatus, actor: Actor) -> Vec<(&'static str, &'static str)> {
    let mut steps = Vec::new();
    for (value, label, step) in [
        (
            "negotiate",
            "Onderhandeling starten",
            Step::StartNegotiating,
        ),
        ("agree", "Akkoord", Step::Agree),
        ("start", "Uitwisseling loopt", Step::Start),
        ("complete", "Afronden", Step::Complete),
    ] {
        if apply(status, &step, actor).is_ok() {
            steps.push((value, label));
        }
    }
    if let Actor::Party(side) = actor
        && apply(status, &Step::Interested(side), actor).is_ok()
    {
        steps.push(("interested", "Interesse"));
    }
    steps
}

async fn render(
    app: &AppState,
    user: SignedIn,
    record: &ExchangeRecord,
    actor: Actor,
    message: Option<String>,
) -> Result<Response, AppError> {
    let counterpart = if record.status.contacts_revealed() {
        let other = match actor {
            Actor::Party(Side::Supplier) => record.receiver_company,
            _ => record.supplier_company,
        };
        storage::exchanges::contact(&app.db, other).await?
    } else {
        None
    };
    let csrf = user.csrf.clone();
    let view = ExchangeView {
        record,
        csrf: &csrf,
        counterpart,
        steps: possible_steps(record.status, actor),
        can_decline: !record.status.stage.is_final(),
        can_record_tonnes: record.status.records_tonnes(),
        message: message.clone(),
    };
    let status = if message.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        exchange_page(
            &viewer_of(&Some(user), crate::web::language::current()),
            &view,
        ),
    )
        .into_response())
}

/// `GET /exchanges/{id}`.
pub async fn show(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    Path(id): Path<i64>,
) -> Result<Response, AppError> {
    let (record, actor) = visible_record(&app, &user, id).await?;
    render(&app, user, &record, actor, None).await
}

/// `POST /exchanges/{id}/step`.
pub async fn step(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let (record, actor) = visible_record(&app, &user, id).await?;
    let step = match (fields.get("step").map(String::as_str), actor) {
        (Some("interested"), Actor::Party(side)) => Step::Interested(side),
        (Some("negotiate"), _) => Step::StartNegotiating,
        (Some("agree"), _) => Step::Agree,
        (Some("start"), _) => Step::Start,
        (Some("complete"), _) => Step::Complete,
        (Some("decline"), _) => Step::Decline {
            reason: fields
                .get("reason")
                .map(|r| r.trim().to_string())
                .unwrap_or_default(),
        },
        _ => return Err(AppError::BadRequest("stap: onbekende stap".into())),
    };
    let note = fields.get("note").map_or("", |n| n.trim());
    match take_step(&app, &user, &record, step, actor, note).await? {
        Ok(()) => Ok(Redirect::to(&format!("/exchanges/{id}")).into_response()),
        Err(message) => render(&app, user, &record, actor, Some(message)).await,
    }
}

/// `POST /exchanges/{id}/tonnes`: tonnes actually moved in a month of a running exchange.
pub async fn tonnes(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let (record, actor) = visible_record(&app, &user, id).await?;
    if !record.status.records_tonnes() {
        return render(
            &app,
            user,
            &record,
            actor,
            Some("Tonnen worden vastgelegd zolang de uitwisseling loopt.".into()),
        )
        .await;
    }
    let period = fields.get("period").map_or("", |p| p.trim());
    let valid_period = chrono::NaiveDate::parse_from_str(&format!("{period}-01"), "%Y-%m-%d")
        .is_ok()
        && period.len() == 7;
    let tonnes = fields
        .get("tonnes")
        .and_then(|t| t.trim().replace(',', ".").parse::<f64>().ok())
        .filter(|t| t.is_finite() && *t > 0.0);
    match (valid_period, tonnes) {
        (true, Some(tonnes)) => {
            storage::exchanges::record_tonnes(
                &app.db,
                id,
                period,
                tonnes,
                user.account.id,
                Utc::now().naive_utc(),
            )
            .await?;
            Ok(Redirect::to(&format!("/exchanges/{id}")).into_response())
        }
        _ => {
            render(
                &app,
                user,
                &record,
                actor,
                Some("Vul een maand in als JJJJ-MM en een hoeveelheid groter dan 0 ton.".into()),
            )
            .await
        }
    }
}
