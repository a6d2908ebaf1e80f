//! The exchange page as one viewer sees it, with what went wrong in the last submit.

use std::collections::HashMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::super::home::viewer_of;
use super::disclosure::{company_of, confidentiality_of, party_shown, sides_shown, step_author};
use crate::domain::exchange::{
    Actor, ExchangeStatus, Step, StepKind, StepRefused, apply, tonnes_moved,
};
use crate::domain::{Exceeded, FieldProblem};
use crate::i18n::{Lang, number};
use crate::storage::{self, exchanges::ExchangeRecord};
use crate::t;
use crate::views::exchanges::{
    ExchangeView, FormState, HistoryLine, PartyView, exchange_page, refusal,
};
use crate::web::auth::SignedIn;
use crate::web::{AppError, AppState};

/// Why a step was not taken.
pub enum Refused {
    /// The rules of an exchange do not allow it.
    Step(StepRefused),
    /// Someone else moved the exchange between loading the page and submitting.
    ChangedMeanwhile,
}

/// What the page says about the last submit: a message above, errors next to fields.
#[derive(Default)]
pub struct Feedback {
    message: Option<String>,
    form: FormState,
}

/// The fields the page's forms keep after a refused submit.
const KEPT_FIELDS: [&str; 3] = ["reason", "period", "tonnes"];

impl Feedback {
    /// A message above the page.
    pub fn message(message: String) -> Feedback {
        Feedback {
            message: Some(message),
            form: FormState::default(),
        }
    }

    /// A refused step, in the reader's language: a missing or too long reason next to its
    /// field, the rest above the page.
    pub fn refused(lang: Lang, refused: Refused, fields: &HashMap<String, String>) -> Feedback {
        let mut feedback = Feedback::default();
        feedback.form.values = kept(fields);
        match refused {
            Refused::Step(
                refused @ (StepRefused::NoReason | StepRefused::ReasonTooLong { .. }),
            ) => {
                feedback
                    .form
                    .errors
                    .insert("reason", refusal(lang, &refused));
            }
            Refused::Step(other) => feedback.message = Some(refusal(lang, &other)),
            Refused::ChangedMeanwhile => {
                feedback.message = Some(t!(lang, "exchanges-changed-meanwhile"));
            }
        }
        feedback
    }

    fn is_refusal(&self) -> bool {
        self.message.is_some() || !self.form.errors.is_empty()
    }
}

fn kept(fields: &HashMap<String, String>) -> HashMap<String, String> {
    (fields.iter())
        .filter(|(name, _)| KEPT_FIELDS.contains(&name.as_str()))
        .map(|(name, value)| (name.clone(), value.clone()))
        .collect()
}

/// A month (`YYYY-MM`) and the tonnes moved in it, or the page with a message next to each
/// field that is wrong.
pub fn parse_tonnes(
    lang: Lang,
    fields: &HashMap<String, String>,
) -> Result<(String, f64), Feedback> {
    let period = fields.get("period").map_or("", |p| p.trim());
    let valid_period = period.len() == 7
        && chrono::NaiveDate::parse_from_str(&format!("{period}-01"), "%Y-%m-%d").is_ok();
    // A number field sends `0.7`; a Dutch hand typing `0,7` means the same.
    let tonnes = fields
        .get("tonnes")
        .and_then(|t| t.trim().replace(',', ".").parse::<f64>().ok())
        .map(tonnes_moved);
    let mut feedback = Feedback::default();
    if !valid_period {
        let message = t!(lang, "exchanges-bad-period");
        feedback.form.errors.insert("period", message);
    }
    let message = match &tonnes {
        Some(Ok(_)) => None,
        Some(Err(FieldProblem {
            exceeded: Some(Exceeded::Value(max)),
            ..
        })) => Some(t!(
            lang,
            "exchanges-tonnes-too-large",
            max = number(lang, *max as f64, 0)
        )),
        _ => Some(t!(lang, "exchanges-bad-tonnes")),
    };
    if let Some(message) = message {
        feedback.form.errors.insert("tonnes", message);
    }
    match tonnes {
        Some(Ok(tonnes)) if valid_period => Ok((period.to_string(), tonnes)),
        _ => {
            feedback.form.values = kept(fields);
            Err(feedback)
        }
    }
}

/// The steps an actor may take now, for the page's buttons.
fn possible_steps(status: ExchangeStatus, actor: Actor) -> Vec<StepKind> {
    let mut steps: Vec<StepKind> = [
        Step::StartNegotiating,
        Step::Agree,
        Step::Start,
        Step::Complete,
    ]
    .into_iter()
    .filter(|step| apply(status, step, actor).is_ok())
    .map(|step| step.kind())
    .collect();
    if let Actor::Party(side) = actor
        && apply(status, &Step::Interested(side), actor).is_ok()
    {
        steps.push(StepKind::Interested);
    }
    steps
}

/// The parties as the viewer may see them, and the names it may read in the history.
async fn parties(
    app: &AppState,
    record: &ExchangeRecord,
    actor: Actor,
) -> Result<(Vec<PartyView>, HashMap<i64, String>), AppError> {
    let revealed = record.status.contacts_revealed();
    let mut shown = Vec::new();
    let mut names = HashMap::new();
    for &side in sides_shown(actor) {
        let company = company_of(record, side);
        let party = storage::exchanges::party(&app.db, company).await?;
        let contact = if revealed {
            storage::exchanges::contact(&app.db, company).await?
        } else {
            None
        };
        if let Some(party) = party
            .as_ref()
            .filter(|_| revealed || actor == Actor::Coordinator)
        {
            names.insert(company, party.name.clone());
        }
        let confidentiality = confidentiality_of(record, side);
        shown.push(PartyView {
            side,
            shown: party_shown(actor, confidentiality, party, contact),
        });
    }
    Ok((shown, names))
}

/// The exchange page; 422 when it reports a refused submit.
pub async fn render(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    record: &ExchangeRecord,
    actor: Actor,
    feedback: Feedback,
) -> Result<Response, AppError> {
    let (parties, names) = parties(app, record, actor).await?;
    let history = (record.events.iter())
        .map(|event| HistoryLine {
            event,
            by: step_author(event.by.as_ref(), user.account.company_id, record, &names),
        })
        .collect();
    let status = if feedback.is_refusal() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let csrf = user.csrf.clone();
    let view = ExchangeView {
        record,
        csrf: &csrf,
        parties,
        history,
        steps: possible_steps(record.status, actor),
        can_decline: !record.status.stage.is_final(),
        can_record_tonnes: record.status.records_tonnes(),
        message: feedback.message,
        form: feedback.form,
    };
    Ok((status, exchange_page(&viewer_of(&Some(user), lang), &view)).into_response())
}
