//! The exchange page as one viewer sees it, with what went wrong in the last submit.

use std::collections::HashMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::super::home::viewer_of;
use crate::app::exchanges::disclosure::disclosed;
use crate::app::exchanges::messages::{messages_writable, read_thread};
use crate::app::exchanges::{Refused, possible_steps};
use crate::app::visibility::Viewer;
use crate::domain::exchange::{Actor, Month, StepRefused};
use crate::domain::message::MessageRefused;
use crate::domain::{Exceeded, FieldProblem};
use crate::i18n::{Lang, number, read_number};
use crate::storage::exchanges::ExchangeRecord;
use crate::t;
use crate::views::exchanges::{ExchangeView, FormState, HistoryLine, exchange_page, refusal};
use crate::web::auth::SignedIn;
use crate::web::{AppError, AppState};

/// What the page says about the last submit: a message above, errors next to fields.
#[derive(Default)]
pub struct Feedback {
    message: Option<String>,
    form: FormState,
}

/// What the page's forms keep after a refused submit: the reason, the month and the tonnes
/// as typed.
#[derive(Default)]
pub struct Kept<'a> {
    pub reason: Option<&'a str>,
    pub period: Option<&'a str>,
    pub tonnes: Option<&'a str>,
    pub text: Option<&'a str>,
}

impl Kept<'_> {
    fn values(&self) -> HashMap<String, String> {
        [
            ("reason", self.reason),
            ("period", self.period),
            ("tonnes", self.tonnes),
            ("text", self.text),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name.to_string(), value?.to_string())))
        .collect()
    }
}

impl Feedback {
    /// A refused change, in the reader's language: a missing or too long reason and wrong
    /// tonnes next to their fields, the rest above the page.
    pub fn refused(lang: Lang, refused: Refused, kept: &Kept<'_>) -> Feedback {
        let mut feedback = Feedback::default();
        feedback.form.values = kept.values();
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
            Refused::NotRunning => {
                feedback.message = Some(t!(lang, "exchanges-tonnes-not-running"));
            }
            Refused::MessagesClosed => {
                feedback.message = Some(t!(lang, "exchanges-messages-closed"));
            }
            Refused::Message(MessageRefused::Empty) => {
                let message = t!(lang, "exchanges-message-empty");
                feedback.form.errors.insert("text", message);
            }
            Refused::Message(MessageRefused::TooLong { max }) => {
                let message = t!(lang, "exchanges-message-too-long", max = max);
                feedback.form.errors.insert("text", message);
            }
            Refused::Tonnes(problem) => {
                let message = tonnes_message(lang, Some(Err(problem)));
                feedback.form.errors.extend(message.map(|m| ("tonnes", m)));
            }
        }
        feedback
    }

    fn is_refusal(&self) -> bool {
        self.message.is_some() || !self.form.errors.is_empty()
    }
}

/// The message next to the tonnes field, if the tonnes typed are wrong.
fn tonnes_message(lang: Lang, tonnes: Option<Result<f64, FieldProblem>>) -> Option<String> {
    match tonnes {
        Some(Ok(_)) => None,
        Some(Err(FieldProblem {
            exceeded: Some(Exceeded::Value(max)),
            ..
        })) => Some(t!(
            lang,
            "exchanges-tonnes-too-large",
            max = number(lang, max as f64, 0)
        )),
        _ => Some(t!(lang, "exchanges-bad-tonnes")),
    }
}

/// A month (`YYYY-MM`) and the tonnes moved in it, or the page with a message next to each
/// field that is wrong.
pub fn parse_tonnes(lang: Lang, kept: &Kept<'_>) -> Result<(Month, f64), Feedback> {
    let month = Month::parse(kept.period.unwrap_or(""));
    // `0,7` and `0.7` alike; what cannot be read without a guess (`1.500`) is refused.
    let typed = kept.tonnes.map_or("", str::trim);
    let tonnes = read_number(lang, typed).map(crate::domain::exchange::tonnes_moved);
    if let (Some(month), Some(Ok(tonnes))) = (month, &tonnes) {
        return Ok((month, *tonnes));
    }
    let mut feedback = Feedback::default();
    if month.is_none() {
        let message = t!(lang, "exchanges-bad-period");
        feedback.form.errors.insert("period", message);
    }
    if tonnes.is_none() && !typed.is_empty() {
        let message = t!(lang, "exchanges-unreadable-tonnes", typed = typed);
        feedback.form.errors.insert("tonnes", message);
    } else if let Some(message) = tonnes_message(lang, tonnes) {
        feedback.form.errors.insert("tonnes", message);
    }
    feedback.form.values = kept.values();
    Err(feedback)
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
    let seen = disclosed(app, record, actor, user.account.company_id).await?;
    let history = (seen.history.into_iter())
        .map(|(event, by)| HistoryLine { event, by })
        .collect();
    let status = if feedback.is_refusal() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let thread = read_thread(app, &Viewer::of(&user.account), record).await?;
    let csrf = user.csrf.clone();
    let view = ExchangeView {
        record,
        csrf: &csrf,
        parties: seen.parties,
        history,
        steps: possible_steps(record.status, actor),
        can_decline: !record.status.stage.is_final(),
        can_record_tonnes: record.status.records_tonnes(),
        message: feedback.message,
        form: feedback.form,
        thread,
        can_write: messages_writable(record.status),
    };
    Ok((status, exchange_page(&viewer_of(&Some(user), lang), &view)).into_response())
}
