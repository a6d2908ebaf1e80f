//! The forms of a partnership's page: a coordinator invites a firm or records an activity;
//! an invited firm answers its invitation. The rules are in [`crate::app::partnerships`].

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{Feedback, render_page, visible};
use crate::app::partnerships::{
    self, ActivityProblems, AnswerRefused, Error, InviteRefused, Viewing,
};
use crate::domain::partnership::{DayProblem, MemberState, Refused, TextProblem};
use crate::i18n::Lang;
use crate::storage::partnerships::PartnershipRecord;
use crate::t;
use crate::views::partnerships::FieldErrors;
use crate::web::auth::SignedIn;
use crate::web::forms::{CoordinatorForm, SignedForm};
use crate::web::{AppError, AppState};

/// A refused step, in the reader's language.
fn refusal(lang: Lang, refused: Refused) -> String {
    match refused {
        Refused::NotTheFirm => t!(lang, "partnerships-refused-not-the-firm"),
        Refused::AlreadyAnswered(state) => {
            t!(
                lang,
                "partnerships-refused-answered",
                state = state.as_str()
            )
        }
        Refused::NotACoordinator => t!(lang, "partnerships-refused-not-coordinator"),
        Refused::AlreadyInvited => t!(lang, "partnerships-refused-invited"),
        Refused::AlreadyMember => t!(lang, "partnerships-refused-member"),
    }
}

/// The page again with the refusal `feedback` makes of a refused form; "not found" and
/// failures as errors.
async fn refused_page<R>(
    app: &AppState,
    (user, lang): (SignedIn, Lang),
    (record, viewing): (&PartnershipRecord, Viewing),
    error: Error<R>,
    feedback: impl FnOnce(R) -> Feedback,
) -> Result<Response, AppError> {
    match error {
        Error::NotFound => Err(AppError::NotFound),
        Error::Storage(error) => Err(error.into()),
        Error::Refused(refused) => {
            render_page(app, user, lang, record, viewing, feedback(refused)).await
        }
    }
}

/// The answer form: which button was pressed.
#[derive(Debug, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    answer: String,
}

/// `POST /partnerships/{id}/respond` with `answer=accept|decline`: the invited firm's own
/// answer. A firm that is not invited gets "not found"; a coordinator cannot answer for a
/// firm.
pub async fn respond(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    SignedForm { user, form }: SignedForm<AnswerForm>,
) -> Result<Response, AppError> {
    let (record, viewing) = visible(&app, &user, &id).await?;
    match partnerships::respond(&app, record.id, viewing, &form.answer).await {
        Ok(MemberState::Declined) => Ok(Redirect::to("/partnerships?afgewezen=1").into_response()),
        Ok(_) => Ok(Redirect::to(&format!("/partnerships/{}", record.id)).into_response()),
        Err(error) => {
            let message = |refused| match refused {
                AnswerRefused::UnknownAnswer => t!(lang, "partnerships-bad-answer"),
                AnswerRefused::Rule(rule) => refusal(lang, rule),
            };
            let feedback = |refused| Feedback {
                message: Some(message(refused)),
                ..Feedback::default()
            };
            refused_page(&app, (user, lang), (&record, viewing), error, feedback).await
        }
    }
}

/// The invitation form.
#[derive(Debug, Deserialize)]
pub struct InvitePosted {
    /// The firm's id (`F068`).
    #[serde(default)]
    firm: String,
}

/// `POST /partnerships/{id}/invite` with `firm` (the firm's id, `F068`).
pub async fn invite(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    CoordinatorForm { user, form }: CoordinatorForm<InvitePosted>,
) -> Result<Response, AppError> {
    let (record, viewing) = visible(&app, &user, &id).await?;
    match partnerships::invite(&app, record.id, &form.firm).await {
        Ok(()) => Ok(Redirect::to(&format!("/partnerships/{}#members", record.id)).into_response()),
        Err(error) => {
            let message = |refused| match refused {
                InviteRefused::NoFirm => t!(lang, "partnerships-invite-empty"),
                InviteRefused::UnknownFirm(key) => {
                    t!(lang, "partnerships-invite-unknown", firm = &key)
                }
                InviteRefused::Rule(rule) => refusal(lang, rule),
            };
            let feedback = |refused| Feedback {
                invite: Some((form.firm.trim().to_string(), message(refused))),
                ..Feedback::default()
            };
            refused_page(&app, (user, lang), (&record, viewing), error, feedback).await
        }
    }
}

/// The messages next to an activity form's fields.
fn activity_errors(lang: Lang, problems: ActivityProblems) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if let Some(problem) = problems.day {
        let message = match problem {
            DayProblem::Empty => t!(lang, "partnerships-day-empty"),
            DayProblem::NotADate => t!(lang, "partnerships-day-not-a-date"),
            DayProblem::OutOfRange => t!(lang, "partnerships-day-out-of-range"),
        };
        errors.insert("day", message);
    }
    if let Some(problem) = problems.description {
        let label = t!(lang, "partnerships-field-description");
        errors.insert("description", text_problem(lang, &label, problem));
    }
    errors
}

/// A text field's problem, naming the field by its label.
pub(super) fn text_problem(lang: Lang, name: &str, problem: TextProblem) -> String {
    match problem {
        TextProblem::Empty => t!(lang, "partnerships-text-empty", field = name),
        TextProblem::TooShort { min } => {
            t!(lang, "partnerships-text-too-short", field = name, min = min)
        }
        TextProblem::TooLong { max } => {
            t!(lang, "partnerships-text-too-long", field = name, max = max)
        }
    }
}

/// The activity form.
#[derive(Debug, Deserialize)]
pub struct ActivityPosted {
    #[serde(default)]
    day: String,
    #[serde(default)]
    description: String,
}

/// `POST /partnerships/{id}/activities` with `day` and `description`.
pub async fn add_activity(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    CoordinatorForm { user, form }: CoordinatorForm<ActivityPosted>,
) -> Result<Response, AppError> {
    let (record, viewing) = visible(&app, &user, &id).await?;
    let added = partnerships::add_activity(
        &app,
        record.id,
        user.account.id,
        &form.day,
        &form.description,
    )
    .await;
    match added {
        Ok(_) => {
            Ok(Redirect::to(&format!("/partnerships/{}#activities", record.id)).into_response())
        }
        Err(error) => {
            let feedback = |problems| Feedback {
                activity: Some((form.day, form.description, activity_errors(lang, problems))),
                ..Feedback::default()
            };
            refused_page(&app, (user, lang), (&record, viewing), error, feedback).await
        }
    }
}
