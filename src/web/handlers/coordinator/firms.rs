//! `/coordinator/firms` (the region's firms, filtered and paged) and
//! `/coordinator/firms/{key}` (one firm with its flows, exchanges and contact log). The rules
//! are in [`crate::app::workspace`] and [`crate::app::contacts`].

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::visibility::Viewer;
use crate::app::workspace::{self, FirmQuery, WorkspaceError};
use crate::i18n::Lang;
use crate::t;
use crate::views::coordinator::contact_log::{ContactForm, LogForms};
use crate::views::coordinator::firm_page::{FirmPageView, firm_page};
use crate::views::coordinator::firms::{FirmListView, SECTIONS, firm_list_page};
use crate::web::auth::{RequireCoordinator, SignedIn};
use crate::web::handlers::home::viewer_of;
use crate::web::{AppError, AppState, forms};

impl From<WorkspaceError> for AppError {
    fn from(error: WorkspaceError) -> AppError {
        match error {
            WorkspaceError::NotFound => AppError::NotFound,
            WorkspaceError::Storage(error) => AppError::Storage(error),
        }
    }
}

/// The firm list's query: `?naam=bakkerij&gemeente=Weert&sector=C&zonder_stromen=1&niet_gesproken=1&pagina=2`.
#[derive(Debug, Default, Deserialize)]
pub struct FirmListQuery {
    naam: Option<String>,
    gemeente: Option<String>,
    sector: Option<String>,
    zonder_stromen: Option<String>,
    niet_gesproken: Option<String>,
    pagina: Option<String>,
}

/// A field of a GET form as chosen: `None` when left empty.
pub fn given(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// The page number asked for, from 1; anything unreadable is the first page.
pub fn page_number(value: &Option<String>) -> u64 {
    (value.as_deref())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|&page| page >= 1)
        .unwrap_or(1)
}

/// `GET /coordinator/firms`.
pub async fn list(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(query): Query<FirmListQuery>,
) -> Result<Response, AppError> {
    let section = match given(&query.sector) {
        None => None,
        Some(text) => {
            let letter = (text.len() == 1).then(|| text.chars().next()).flatten();
            match letter.map(|c| c.to_ascii_uppercase()) {
                Some(letter) if SECTIONS.contains(&letter) => Some(letter),
                _ => {
                    let message = t!(lang, "workspace-bad-sector", text = text.as_str());
                    return Err(AppError::BadRequest(message));
                }
            }
        }
    };
    let asked = FirmQuery {
        name: given(&query.naam).unwrap_or_default(),
        municipality: given(&query.gemeente),
        section,
        without_flows: query.zonder_stromen.is_some(),
        not_contacted: query.niet_gesproken.is_some(),
        page: page_number(&query.pagina),
    };
    let page = workspace::firm_list(&app, &Viewer::of(&user.account), &asked).await?;
    Ok(firm_list_page(&FirmListView {
        viewer: viewer_of(&Some(user), lang),
        query: &asked,
        page: &page,
    })
    .into_response())
}

/// The firm page's query: `?contact=7` opens contact 7 in the form, to change it.
#[derive(Debug, Default, Deserialize)]
pub struct FirmPageQuery {
    contact: Option<String>,
}

/// `GET /coordinator/firms/{key}`.
pub async fn show(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Path(key): Path<String>,
    Query(query): Query<FirmPageQuery>,
) -> Result<Response, AppError> {
    let editing = query
        .contact
        .as_deref()
        .and_then(|id| id.parse::<i64>().ok());
    render(&app, user, lang, &key, Prefill::Editing(editing)).await
}

/// What the log's forms show when the page is drawn.
pub enum Prefill {
    /// Empty forms, or the stored contact with this id in the contact form.
    Editing(Option<i64>),
    /// Forms as posted and refused: the page is answered 422.
    Refused(LogForms),
}

/// The firm's page with its forms.
pub async fn render(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    key: &str,
    prefill: Prefill,
) -> Result<Response, AppError> {
    let viewer = Viewer::of(&user.account);
    let data = workspace::firm_page(app, &viewer, key).await?;
    let (forms, refused) = match prefill {
        Prefill::Refused(forms) => (forms, true),
        Prefill::Editing(editing) => {
            let contact = (editing.and_then(|id| data.contacts.iter().find(|c| c.id == id)))
                .map(ContactForm::editing)
                .unwrap_or_default();
            let forms = LogForms {
                contact,
                ..LogForms::default()
            };
            (forms, false)
        }
    };
    let page = firm_page(&FirmPageView {
        viewer: viewer_of(&Some(user), lang),
        user_id: viewer.user_id,
        data: &data,
        forms,
    });
    Ok(if refused {
        forms::refused(page)
    } else {
        page.into_response()
    })
}
