//! `/dashboard`: the signed-in firm's notices and its situation at a glance; `/dashboard/read`
//! marks its notices as read. The rules live in [`app::notices`](crate::app::notices).

use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

use super::home::viewer_of;
use crate::app::notices::{self, NoticesError};
use crate::app::visibility::Viewer;
use crate::i18n::Lang;
use crate::t;
use crate::views::dashboard::{DashboardView, page};
use crate::web::auth::RequireSignedIn;
use crate::web::forms::SignedForm;
use crate::web::{AppError, AppState};

/// The "read" forms: the notices to mark (`id`, repeated), or none for all of them.
#[derive(Deserialize)]
pub struct ReadForm {
    #[serde(default)]
    id: Vec<String>,
}

fn error_of(error: NoticesError) -> AppError {
    match error {
        NoticesError::NotFound => AppError::NotFound,
        NoticesError::Storage(error) => AppError::Storage(error),
    }
}

/// `GET /dashboard`.
pub async fn show(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
) -> Result<Markup, AppError> {
    let dashboard = notices::dashboard(&app, &Viewer::of(&user.account))
        .await
        .map_err(error_of)?;
    let csrf = user.csrf.clone();
    Ok(page(&DashboardView {
        viewer: viewer_of(&Some(user), lang),
        csrf: &csrf,
        notices: dashboard.as_ref().map_or(&[], |d| &d.notices),
        unread: dashboard.as_ref().map_or(0, |d| d.unread),
        firm: dashboard.as_ref().map(|d| &d.firm),
        unread_messages: dashboard.as_ref().map_or(&[], |d| &d.unread_messages),
    }))
}

/// `POST /dashboard/read`: marks the notices named by `id` fields as read, or all of the
/// firm's notices when none is named. Another firm's notice answers 404 and changes nothing.
pub async fn mark_read(
    State(app): State<AppState>,
    lang: Lang,
    SignedForm { user, form }: SignedForm<ReadForm>,
) -> Result<Response, AppError> {
    let ids = (form.id.iter())
        .map(|text| {
            text.trim()
                .parse::<i64>()
                .map_err(|_| AppError::BadRequest(t!(lang, "notifications-bad-id", text = text)))
        })
        .collect::<Result<Vec<i64>, AppError>>()?;
    notices::mark_read(&app, &Viewer::of(&user.account), &ids)
        .await
        .map_err(error_of)?;
    Ok(Redirect::to("/dashboard").into_response())
}
