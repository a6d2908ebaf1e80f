//! `/partnerships`: borrowed size. A coordinator sees the suggested clusters of small firms
//! and starts a partnership from one ([`suggestions`]), invites firms and records activities
//! ([`membership`]); an invited firm accepts or declines for itself. A firm sees only the
//! partnerships it is invited to or takes part in; any other answers "not found".

mod membership;
mod suggestions;

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

pub use membership::{add_activity, invite, respond};
pub use suggestions::create;

use super::home::viewer_of;
use crate::domain::Role;
use crate::domain::partnership::MemberState;
use crate::i18n::Lang;
use crate::storage::{self, partnerships::PartnershipRecord};
use crate::views::partnerships::{
    ActivityForm, FieldErrors, FirmList, InviteForm, PartnershipPage, firm_list, partnership_page,
};
use crate::web::auth::{RequireSignedIn, SignedIn};
use crate::web::{AppError, AppState};

/// Form fields, in the order posted (a cluster posts one `firm` field per firm).
type Fields = Vec<(String, String)>;

/// The first value of a field, or "".
fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(key, _)| key == name)
        .map_or("", |(_, value)| value.as_str())
}

/// Checks the form's CSRF token.
fn check_csrf(user: &SignedIn, fields: &Fields) -> Result<(), AppError> {
    let token = fields.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v);
    user.check_csrf(token)
}

/// Regions with more firms than this get a typed firm id instead of a list to pick from.
const CHOICES_LIMIT: u64 = 1000;

/// `GET /partnerships?pagina=2`: the coordinator's partnerships and suggested clusters, or
/// the firm's invitations and partnerships.
pub async fn list(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    if user.account.role != Role::Firm {
        let page = suggestions::page_param(lang, &params)?;
        return suggestions::render(&app, user, lang, page, None).await;
    }
    let listed = match user.account.company_id {
        Some(company) => storage::partnerships::for_company(&app.db, company).await?,
        None => Vec::new(),
    };
    Ok(firm_list(&FirmList {
        viewer: viewer_of(&Some(user), lang),
        partnerships: &listed,
        declined: params.contains_key("afgewezen"),
    })
    .into_response())
}

/// Who looks at a partnership: a coordinator, or a firm invited to it or taking part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Viewing {
    Coordinator,
    Firm(i64),
}

/// The partnership `id` (as in the address) and how the user may see it; "not found" for a
/// firm that is not invited to it or takes no part (declined included), as for any id that
/// is not its own.
async fn visible(
    app: &AppState,
    user: &SignedIn,
    id: &str,
) -> Result<(PartnershipRecord, Viewing), AppError> {
    let id: i64 = id.trim().parse().map_err(|_| AppError::NotFound)?;
    let record = storage::partnerships::get(&app.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let viewing = match (user.account.role, user.account.company_id) {
        (Role::Coordinator | Role::Administrator, _) => Viewing::Coordinator,
        (Role::Firm, Some(company))
            if matches!(
                record.state_of(company),
                Some(MemberState::Invited | MemberState::Accepted)
            ) =>
        {
            Viewing::Firm(company)
        }
        (Role::Firm, _) => return Err(AppError::NotFound),
    };
    Ok((record, viewing))
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
    fn status(&self) -> StatusCode {
        if self.message.is_some() || self.invite.is_some() || self.activity.is_some() {
            StatusCode::BAD_REQUEST
        } else {
            StatusCode::OK
        }
    }
}

/// The partnership's page, with the feedback of a refused form.
async fn render_page(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    record: &PartnershipRecord,
    viewing: Viewing,
    feedback: Feedback,
) -> Result<Response, AppError> {
    let choices = match viewing {
        Viewing::Coordinator => {
            storage::partnerships::firm_choices(&app.db, record.id, CHOICES_LIMIT).await?
        }
        Viewing::Firm(_) => None,
    };
    let status = feedback.status();
    let (invite_value, invite_error) = match feedback.invite {
        Some((value, error)) => (value, Some(error)),
        None => (String::new(), None),
    };
    let (day, description, errors) = feedback.activity.unwrap_or_else(|| {
        let today = chrono::Local::now().date_naive().to_string();
        (today, String::new(), FieldErrors::new())
    });
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
    Ok((status, page).into_response())
}
