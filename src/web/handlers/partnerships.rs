//! `/partnerships`: borrowed size. A coordinator sees the suggested clusters of small firms
//! and starts a partnership from one ([`suggestions`]), invites firms and records activities
//! ([`membership`]); an invited firm accepts or declines for itself. A firm sees only the
//! partnerships it is invited to or takes part in; any other answers "not found". The rules
//! are in [`crate::app::partnerships`].

mod membership;
mod suggestions;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

pub use membership::{add_activity, invite, respond};
pub use suggestions::create;

use super::home::viewer_of;
use crate::app::partnerships::{self, Viewing};
use crate::domain::Role;
use crate::i18n::Lang;
use crate::storage::partnerships::PartnershipRecord;
use crate::views::partnerships::{
    ActivityForm, FieldErrors, FirmList, InviteForm, PartnershipPage, firm_list, partnership_page,
};
use crate::web::auth::{RequireSignedIn, SignedIn};
use crate::web::forms;
use crate::web::{AppError, AppState};

/// The query of `/partnerships`.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    /// The page of suggested clusters (a coordinator's), from 1.
    pagina: Option<String>,
    /// Present after a firm declined an invitation.
    afgewezen: Option<String>,
}

/// `GET /partnerships?pagina=2`: the coordinator's partnerships and suggested clusters, or
/// the firm's invitations and partnerships.
pub async fn list(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Query(query): Query<ListQuery>,
) -> Result<Response, AppError> {
    if user.account.role != Role::Firm {
        let page = suggestions::page_param(lang, query.pagina.as_deref())?;
        return suggestions::render(&app, user, lang, page, None).await;
    }
    let listed = partnerships::of_firm(&app, &user.account).await?;
    Ok(firm_list(&FirmList {
        viewer: viewer_of(&Some(user), lang),
        partnerships: &listed,
        declined: query.afgewezen.is_some(),
    })
    .into_response())
}

/// The partnership `id` (as in the address) and how the user may see it; "not found" for a
/// firm that is not invited to it or takes no part (declined included), as for any id that
/// is not its own.
async fn visible(
    app: &AppState,
    user: &SignedIn,
    id: &str,
) -> Result<(PartnershipRecord, Viewing), AppError> {
    partnerships::visible(app, &user.account, id)
        .await?
        .ok_or(AppError::NotFound)
}

/// `GET /partnerships/{id}`.
pub async fn show(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (record, viewing) = visible(&app, &user, &id).await?;
    render_page(&app, user, lang, &record, viewing, Feedback::default()).await
}

/// What a refused form brings back to the partnership's page.
#[derive(Default)]
struct Feedback {
    /// A refusal that concerns no single field.
    message: Option<String>,
    /// The invitation form as posted, with its error.
    invite: Option<(String, String)>,
    /// The activity form as posted, with its errors.
    activity: Option<(String, String, FieldErrors)>,
}

impl Feedback {
    fn is_refusal(&self) -> bool {
        self.message.is_some() || self.invite.is_some() || self.activity.is_some()
    }
}

/// The partnership's page, with the feedback of a refused form (then answered as refused).
async fn render_page(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    record: &PartnershipRecord,
    viewing: Viewing,
    feedback: Feedback,
) -> Result<Response, AppError> {
    let choices = partnerships::invite_choices(app, record.id, viewing).await?;
    let refused = feedback.is_refusal();
    let (invite_value, invite_error) = match feedback.invite {
        Some((value, error)) => (value, Some(error)),
        None => (String::new(), None),
    };
    let (day, description, errors) = feedback
        .activity
        .unwrap_or_else(|| (app.today().to_string(), String::new(), FieldErrors::new()));
    let page = partnership_page(&PartnershipPage {
        viewer: viewer_of(&Some(user), lang),
        record,
        own_company: match viewing {
            Viewing::Coordinator => None,
            Viewing::Firm(company) => Some(company),
        },
        message: feedback.message,
        invite: InviteForm {
            choices: choices.as_deref(),
            value: invite_value,
            error: invite_error,
        },
        activity: ActivityForm {
            day,
            description,
            errors,
        },
    });
    Ok(if refused {
        forms::refused(page)
    } else {
        page.into_response()
    })
}
