//! The contact log's forms on a firm's coordinator page: add, change and delete a contact
//! person; add a note and delete one's own. A refused form comes back (422) with a message
//! next to each field; nothing is stored then. The rules are in [`crate::app::contacts`].

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::firms::{Prefill, render};
use crate::app::contacts::{self, LogError};
use crate::app::visibility::Viewer;
use crate::domain::contact::{ContactFields, Refusal};
use crate::i18n::Lang;
use crate::views::coordinator::contact_log::{ContactForm, LogForms, NoteForm, problem_text};
use crate::views::coordinator::firms::firm_href;
use crate::web::auth::SignedIn;
use crate::web::forms::CoordinatorForm;
use crate::web::{AppError, AppState};

/// The contact form.
#[derive(Debug, Deserialize)]
pub struct ContactFormFields {
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    email: String,
}

impl ContactFormFields {
    fn fields(&self) -> ContactFields<'_> {
        ContactFields {
            name: &self.name,
            role: &self.role,
            phone: &self.phone,
            email: &self.email,
        }
    }
}

/// The note form.
#[derive(Debug, Deserialize)]
pub struct NoteFormFields {
    #[serde(default)]
    text: String,
}

/// A form without fields of its own (deleting): the token only.
#[derive(Debug, Deserialize)]
pub struct Confirm {}

/// A row's id in the address; anything else is no row.
fn row_id(text: &str) -> Result<i64, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

fn back_to(key: &str, anchor: &str) -> Response {
    Redirect::to(&format!("{}#{anchor}", firm_href(key))).into_response()
}

/// The contact form again, refused, with its messages.
async fn contact_refused(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    key: &str,
    editing: Option<i64>,
    form: ContactFormFields,
    refusals: &[Refusal],
) -> Result<Response, AppError> {
    let mut contact = ContactForm {
        editing,
        name: form.name,
        role: form.role,
        phone: form.phone,
        email: form.email,
        ..ContactForm::default()
    };
    for refusal in refusals {
        (contact.errors)
            .entry(refusal.field)
            .or_insert_with(|| problem_text(lang, refusal));
    }
    let forms = LogForms {
        contact,
        ..LogForms::default()
    };
    render(app, user, lang, key, Prefill::Refused(forms)).await
}

fn storage_or_not_found(error: LogError) -> AppError {
    match error {
        LogError::Storage(error) => AppError::Storage(error),
        LogError::NotFound | LogError::Refused(_) => AppError::NotFound,
    }
}

/// `POST /coordinator/firms/{key}/contacts`.
pub async fn add_contact(
    State(app): State<AppState>,
    lang: Lang,
    Path(key): Path<String>,
    CoordinatorForm { user, form }: CoordinatorForm<ContactFormFields>,
) -> Result<Response, AppError> {
    let viewer = Viewer::of(&user.account);
    match contacts::add_contact(&app, &viewer, &key, &form.fields()).await {
        Ok(_) => Ok(back_to(&key, "contacts")),
        Err(LogError::Refused(refusals)) => {
            contact_refused(&app, user, lang, &key, None, form, &refusals).await
        }
        Err(error) => Err(storage_or_not_found(error)),
    }
}

/// `POST /coordinator/firms/{key}/contacts/{id}`: changes a contact.
pub async fn change_contact(
    State(app): State<AppState>,
    lang: Lang,
    Path((key, id)): Path<(String, String)>,
    CoordinatorForm { user, form }: CoordinatorForm<ContactFormFields>,
) -> Result<Response, AppError> {
    let id = row_id(&id)?;
    let viewer = Viewer::of(&user.account);
    match contacts::change_contact(&app, &viewer, &key, id, &form.fields()).await {
        Ok(()) => Ok(back_to(&key, "contacts")),
        Err(LogError::Refused(refusals)) => {
            contact_refused(&app, user, lang, &key, Some(id), form, &refusals).await
        }
        Err(error) => Err(storage_or_not_found(error)),
    }
}

/// `POST /coordinator/firms/{key}/contacts/{id}/delete`.
pub async fn delete_contact(
    State(app): State<AppState>,
    Path((key, id)): Path<(String, String)>,
    CoordinatorForm { user, .. }: CoordinatorForm<Confirm>,
) -> Result<Response, AppError> {
    let id = row_id(&id)?;
    let viewer = Viewer::of(&user.account);
    contacts::delete_contact(&app, &viewer, &key, id)
        .await
        .map_err(storage_or_not_found)?;
    Ok(back_to(&key, "contacts"))
}

/// `POST /coordinator/firms/{key}/notes`.
pub async fn add_note(
    State(app): State<AppState>,
    lang: Lang,
    Path(key): Path<String>,
    CoordinatorForm { user, form }: CoordinatorForm<NoteFormFields>,
) -> Result<Response, AppError> {
    let viewer = Viewer::of(&user.account);
    match contacts::add_note(&app, &viewer, &key, &form.text).await {
        Ok(_) => Ok(back_to(&key, "log")),
        Err(LogError::Refused(refusals)) => {
            let forms = LogForms {
                note: NoteForm {
                    text: form.text,
                    error: refusals.first().map(|r| problem_text(lang, r)),
                },
                ..LogForms::default()
            };
            render(&app, user, lang, &key, Prefill::Refused(forms)).await
        }
        Err(error) => Err(storage_or_not_found(error)),
    }
}

/// `POST /coordinator/firms/{key}/notes/{id}/delete`: only the note's author may.
pub async fn delete_note(
    State(app): State<AppState>,
    Path((key, id)): Path<(String, String)>,
    CoordinatorForm { user, .. }: CoordinatorForm<Confirm>,
) -> Result<Response, AppError> {
    let id = row_id(&id)?;
    let viewer = Viewer::of(&user.account);
    contacts::delete_note(&app, &viewer, &key, id)
        .await
        .map_err(storage_or_not_found)?;
    Ok(back_to(&key, "log"))
}
