//! The forms of a partnership's page: a coordinator invites a firm or records an activity;
//! an invited firm answers its invitation.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;

use super::{Feedback, Fields, Viewing, check_csrf, field, render_page, visible};
use crate::domain::partnership::{
    ActivityDescription, Answer, DayProblem, MemberState, Refused, TextProblem, parse_day,
};
use crate::i18n::Lang;
use crate::storage;
use crate::t;
use crate::views::partnerships::FieldErrors;
use crate::web::auth::{RequireCoordinator, RequireSignedIn};
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

/// `POST /partnerships/{id}/respond` with `answer=accept|decline`: the invited firm's own
/// answer. A firm that is not invited gets "not found"; a coordinator cannot answer for a
/// firm.
pub async fn respond(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    check_csrf(&user, &fields)?;
    let (record, viewing) = visible(&app, &user, &id).await?;
    let Some(answer) = Answer::parse(field(&fields, "answer")) else {
        let feedback = Feedback {
            message: Some(t!(lang, "partnerships-bad-answer")),
            ..Feedback::default()
        };
        return render_page(&app, user, lang, &record, viewing, feedback).await;
    };
    let Viewing::Firm(company) = viewing else {
        let feedback = Feedback {
            message: Some(refusal(lang, Refused::NotTheFirm)),
            ..Feedback::default()
        };
        return render_page(&app, user, lang, &record, viewing, feedback).await;
    };
    let now = Utc::now().naive_utc();
    match storage::partnerships::answer(&app.db, record.id, company, answer, now).await? {
        None => Err(AppError::NotFound),
        Some(Ok(MemberState::Declined)) => {
            Ok(Redirect::to("/partnerships?afgewezen=1").into_response())
        }
        Some(Ok(_)) => Ok(Redirect::to(&format!("/partnerships/{}", record.id)).into_response()),
        Some(Err(refused)) => {
            let feedback = Feedback {
                message: Some(refusal(lang, refused)),
                ..Feedback::default()
            };
            render_page(&app, user, lang, &record, viewing, feedback).await
        }
    }
}

/// `POST /partnerships/{id}/invite` with `firm` (the firm's id, `F068`).
pub async fn invite(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    check_csrf(&user, &fields)?;
    let (record, viewing) = visible(&app, &user, &id).await?;
    let key = field(&fields, "firm").trim().to_string();
    let refused = |error: String| Feedback {
        invite: Some((key.clone(), error)),
        ..Feedback::default()
    };
    if key.is_empty() {
        let feedback = refused(t!(lang, "partnerships-invite-empty"));
        return render_page(&app, user, lang, &record, viewing, feedback).await;
    }
    let found = storage::partnerships::company_ids(&app.db, std::slice::from_ref(&key)).await?;
    let Some(&[company]) = found.as_deref() else {
        let feedback = refused(t!(lang, "partnerships-invite-unknown", firm = &key));
        return render_page(&app, user, lang, &record, viewing, feedback).await;
    };
    let now = Utc::now().naive_utc();
    match storage::partnerships::invite_firm(&app.db, record.id, company, now).await? {
        None => Err(AppError::NotFound),
        Some(Ok(())) => {
            Ok(Redirect::to(&format!("/partnerships/{}#members", record.id)).into_response())
        }
        Some(Err(why)) => {
            let feedback = refused(refusal(lang, why));
            render_page(&app, user, lang, &record, viewing, feedback).await
        }
    }
}

/// The day and description of an activity form, or the messages next to its fields.
fn activity_of(
    lang: Lang,
    fields: &Fields,
) -> Result<(chrono::NaiveDate, ActivityDescription), FieldErrors> {
    let today = chrono::Local::now().date_naive();
    let day = parse_day(field(fields, "day"), today).map_err(|problem| match problem {
        DayProblem::Empty => t!(lang, "partnerships-day-empty"),
        DayProblem::NotADate => t!(lang, "partnerships-day-not-a-date"),
        DayProblem::OutOfRange => t!(lang, "partnerships-day-out-of-range"),
    });
    let description = ActivityDescription::parse(field(fields, "description")).map_err(|problem| {
        text_problem(lang, &t!(lang, "partnerships-field-description"), problem)
    });
    match (day, description) {
        (Ok(day), Ok(description)) => Ok((day, description)),
        (day, description) => {
            let mut errors = FieldErrors::new();
            if let Err(message) = day {
                errors.insert("day", message);
            }
            if let Err(message) = description {
                errors.insert("description", message);
            }
            Err(errors)
        }
    }
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

/// `POST /partnerships/{id}/activities` with `day` and `description`.
pub async fn add_activity(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Path(id): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    check_csrf(&user, &fields)?;
    let (record, viewing) = visible(&app, &user, &id).await?;
    match activity_of(lang, &fields) {
        Ok((day, description)) => {
            let now = Utc::now().naive_utc();
            storage::partnerships::add_activity(
                &app.db,
                record.id,
                day,
                &description,
                user.account.id,
                now,
            )
            .await?;
            Ok(Redirect::to(&format!("/partnerships/{}#activities", record.id)).into_response())
        }
        Err(errors) => {
            let posted = |name| field(&fields, name).to_string();
            let feedback = Feedback {
                activity: Some((posted("day"), posted("description"), errors)),
                ..Feedback::default()
            };
            render_page(&app, user, lang, &record, viewing, feedback).await
        }
    }
}
