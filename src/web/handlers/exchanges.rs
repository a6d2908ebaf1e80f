//! `/exchanges`: a match becomes an exchange; each side moves it along; only the parties (and
//! coordinators) ever see it. The rules live in [`app::exchanges`](crate::app::exchanges).

mod coordinator_list;
mod page;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use self::page::{Feedback, Kept, parse_tonnes, render};
use super::home::viewer_of;
use crate::app::exchanges::{self, ExchangeError, FirmIntent, Refused, StepChoice};
use crate::app::visibility::Viewer;
use crate::domain::exchange::{ExchangeId, StepRefused};
use crate::i18n::Lang;
use crate::t;
use crate::views::exchanges::{list_page, step_of_form};
use crate::views::matches::NotForUsRefusal;
use crate::views::matches::fit::pair_not_allowed;
use crate::web::auth::{RequireSignedIn, SignedIn};
use crate::web::forms::{SignedForm, refused};
use crate::web::{AppError, AppState, language};

/// The "interested" form of a match.
#[derive(Deserialize)]
pub struct PairForm {
    #[serde(default)]
    offer: String,
    #[serde(default)]
    need: String,
}

/// The "not for us" form of a match.
#[derive(Deserialize)]
pub struct NotForUsForm {
    #[serde(default)]
    offer: String,
    #[serde(default)]
    need: String,
    #[serde(default)]
    reason: String,
}

/// A step's form: which step, the reason of a decline, a note.
#[derive(Deserialize)]
pub struct StepForm {
    #[serde(default)]
    step: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    note: String,
}

/// The form of tonnes moved in a month.
#[derive(Deserialize)]
pub struct TonnesForm {
    #[serde(default)]
    period: String,
    #[serde(default)]
    tonnes: String,
}

/// A message's form: its text.
#[derive(Deserialize)]
pub struct MessageForm {
    #[serde(default)]
    text: String,
}

/// The exchange's id in a form's address. Read here, after the form's extractor, so that a
/// visitor who is not signed in is sent to log in whatever the address holds.
fn exchange_id(lang: Lang, text: &str) -> Result<ExchangeId, AppError> {
    ExchangeId::parse(text).ok_or_else(|| AppError::BadRequest(t!(lang, "error-malformed")))
}

/// An exchange's error at the web edge, for every handler that calls the exchanges' layer
/// (a refusal its handler did not show on a page is answered 422 with its text).
impl From<ExchangeError> for AppError {
    fn from(error: ExchangeError) -> AppError {
        match error {
            ExchangeError::NotFound => AppError::NotFound,
            ExchangeError::UnknownStep => {
                AppError::BadRequest(t!(language::current(), "exchanges-unknown-step"))
            }
            ExchangeError::Storage(error) => AppError::Storage(error),
            ExchangeError::NotAllowed(refused) => {
                AppError::Refused(pair_not_allowed(language::current(), &refused))
            }
            ExchangeError::BadReason(_) | ExchangeError::Refused { .. } => {
                AppError::Refused(error.to_string())
            }
        }
    }
}

/// The exchange's page with a refused change, or the error when it is no refusal.
async fn answer(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    outcome: Result<String, ExchangeError>,
    kept: Kept<'_>,
) -> Result<Response, AppError> {
    match outcome {
        Ok(to) => Ok(Redirect::to(&to).into_response()),
        Err(ExchangeError::Refused { exchange, why }) => {
            let viewer = Viewer::of(&user.account);
            let (record, actor) = exchanges::visible(app, &viewer, exchange).await?;
            let feedback = Feedback::refused(lang, why, &kept);
            render(app, user, lang, &record, actor, feedback).await
        }
        Err(error) => Err(error.into()),
    }
}

/// `POST /exchanges`: "interested" on a match; opens the exchange when needed.
pub async fn interested(
    State(app): State<AppState>,
    lang: Lang,
    SignedForm { user, form }: SignedForm<PairForm>,
) -> Result<Response, AppError> {
    let viewer = Viewer::of(&user.account);
    let intent = FirmIntent::Interested;
    let outcome = exchanges::open_as_firm(&app, &viewer, &form.offer, &form.need, intent)
        .await
        .map(|id| format!("/exchanges/{id}"));
    answer(&app, user, lang, outcome, Kept::default()).await
}

/// `POST /exchanges/decline`: "not for us" on a match, with a reason; the pair is not proposed
/// to this firm again. Without a reason the matches page comes back with the message next
/// to the field.
pub async fn not_for_us(
    State(app): State<AppState>,
    lang: Lang,
    SignedForm { user, form }: SignedForm<NotForUsForm>,
) -> Result<Response, AppError> {
    let viewer = Viewer::of(&user.account);
    let intent = FirmIntent::NotForUs {
        reason: form.reason.clone(),
    };
    let outcome = exchanges::open_as_firm(&app, &viewer, &form.offer, &form.need, intent).await;
    if let Err(ExchangeError::BadReason(refusal)) = outcome {
        let message = match refusal {
            StepRefused::ReasonTooLong { max } => {
                t!(lang, "matches-not-for-us-too-long", max = max)
            }
            _ => t!(lang, "matches-not-for-us-no-reason"),
        };
        let refusal = NotForUsRefusal {
            offer: form.offer,
            need: form.need,
            message,
        };
        let page = super::matches::render(&app, user, lang, Some(refusal)).await?;
        return Ok(refused(page));
    }
    let kept = Kept {
        reason: Some(&form.reason),
        ..Kept::default()
    };
    let outcome = outcome.map(|_| "/matches".to_string());
    answer(&app, user, lang, outcome, kept).await
}

/// `GET /exchanges`: a firm's own exchanges, or the region's for coordinators.
pub async fn list(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Query(query): Query<coordinator_list::ListQuery>,
) -> Result<Response, AppError> {
    let viewer = Viewer::of(&user.account);
    // Coordinators get the region's list with names and filters; firms their own exchanges.
    if viewer.is_staff() {
        return coordinator_list::show(&app, user, lang, query).await;
    }
    let listed = exchanges::list(&app, &viewer).await?;
    let unread = exchanges::messages::unread(&app, &viewer, &listed).await?;
    Ok(list_page(&viewer_of(&Some(user), lang), &listed, &unread).into_response())
}

/// `GET /exchanges/{id}`.
pub async fn show(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = exchange_id(lang, &id)?;
    let (record, actor) = exchanges::visible(&app, &Viewer::of(&user.account), id).await?;
    render(&app, user, lang, &record, actor, Feedback::default()).await
}

/// `POST /exchanges/{id}/step`.
pub async fn step(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    SignedForm { user, form }: SignedForm<StepForm>,
) -> Result<Response, AppError> {
    let id = exchange_id(lang, &id)?;
    let viewer = Viewer::of(&user.account);
    let choice = StepChoice {
        kind: step_of_form(&form.step),
        reason: form.reason.clone(),
        note: form.note,
    };
    let outcome = exchanges::take_step(&app, &viewer, id, choice)
        .await
        .map(|_| format!("/exchanges/{id}"));
    let kept = Kept {
        reason: Some(&form.reason),
        ..Kept::default()
    };
    answer(&app, user, lang, outcome, kept).await
}

/// `POST /exchanges/{id}/tonnes`: tonnes actually moved in a month of a running exchange.
pub async fn tonnes(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    SignedForm { user, form }: SignedForm<TonnesForm>,
) -> Result<Response, AppError> {
    let id = exchange_id(lang, &id)?;
    let viewer = Viewer::of(&user.account);
    let kept = Kept {
        period: Some(&form.period),
        tonnes: Some(&form.tonnes),
        ..Kept::default()
    };
    let outcome = match parse_tonnes(lang, &kept) {
        Ok((month, tonnes)) => exchanges::record_tonnes(&app, &viewer, id, month, tonnes).await,
        Err(feedback) => {
            let (record, actor) = exchanges::visible(&app, &viewer, id).await?;
            // An exchange that does not run says so first: no month or amount would do.
            let feedback = if record.status.records_tonnes() {
                feedback
            } else {
                Feedback::refused(lang, Refused::NotRunning, &Kept::default())
            };
            return render(&app, user, lang, &record, actor, feedback).await;
        }
    };
    let outcome = outcome.map(|()| format!("/exchanges/{id}"));
    answer(&app, user, lang, outcome, kept).await
}

/// `POST /exchanges/{id}/messages`: a message to the other side; refused text comes back in
/// the form with the reason next to it (422).
pub async fn message(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    SignedForm { user, form }: SignedForm<MessageForm>,
) -> Result<Response, AppError> {
    let id = exchange_id(lang, &id)?;
    let viewer = Viewer::of(&user.account);
    let outcome = exchanges::messages::post(&app, &viewer, id, &form.text)
        .await
        .map(|()| format!("/exchanges/{id}#messages"));
    let kept = Kept {
        text: Some(&form.text),
        ..Kept::default()
    };
    answer(&app, user, lang, outcome, kept).await
}
