//! `/matches`: the matcher's suggestions for each of the signed-in firm's flows (what the
//! firm may see of them is decided in [`app::matches`](crate::app::matches)).

use axum::extract::State;
use maud::Markup;

use super::home::viewer_of;
use crate::app::matches::{MatchesError, for_firm};
use crate::app::visibility::Viewer;
use crate::i18n::Lang;
use crate::t;
use crate::views::matches::{NotForUsRefusal, page};
use crate::web::auth::{RequireSignedIn, SignedIn};
use crate::web::{AppError, AppState};

/// `GET /matches`.
pub async fn show(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
) -> Result<Markup, AppError> {
    render(&app, user, lang, None).await
}

/// The matches page, with a refused "not for us" next to its match when there is one.
pub async fn render(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    refusal: Option<NotForUsRefusal>,
) -> Result<Markup, AppError> {
    let flows = for_firm(app, &Viewer::of(&user.account))
        .await
        .map_err(|error| match error {
            MatchesError::NoFirm => AppError::BadRequest(t!(lang, "matches-no-firm")),
            MatchesError::NotFound => AppError::NotFound,
            MatchesError::Storage(error) => AppError::Storage(error),
        })?;
    let csrf = user.csrf.clone();
    Ok(page(
        &viewer_of(&Some(user), lang),
        &csrf,
        &flows,
        refusal.as_ref(),
    ))
}
