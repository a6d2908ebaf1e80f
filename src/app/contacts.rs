//! The coordinators' contact log of a firm: its contact people (added, changed and deleted
//! by any coordinator) and dated notes. Notes are append-only: nobody edits one, and only its
//! author may delete it (a mistake, a note on the wrong firm); the others' notes stay as
//! written. Only coordinators and administrators read or change the log; for anyone else the
//! firm's log does not exist.

use crate::app::App;
use crate::app::visibility::Viewer;
use crate::domain::contact::{Contact, ContactFields, NoteText, Refusal};
use crate::storage::{self, StorageError};

/// Why a change of the log did not happen.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    /// No such firm, contact or own note — or a viewer who may not see the log.
    #[error("not found")]
    NotFound,
    /// The form breaks a rule; each refused field named.
    #[error("refused: {0:?}")]
    Refused(Vec<Refusal>),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// The firm (database id) of `key`, when the viewer may keep its log.
pub async fn firm_of(app: &App, viewer: &Viewer, key: &str) -> Result<i64, LogError> {
    if !viewer.is_staff() {
        return Err(LogError::NotFound);
    }
    storage::contacts::firm_id(&app.db, key)
        .await?
        .ok_or(LogError::NotFound)
}

/// Adds a contact person to the firm `key`; its id.
pub async fn add_contact(
    app: &App,
    viewer: &Viewer,
    key: &str,
    fields: &ContactFields<'_>,
) -> Result<i64, LogError> {
    let company = firm_of(app, viewer, key).await?;
    let contact = Contact::parse(fields).map_err(LogError::Refused)?;
    Ok(storage::contacts::add_contact(&app.db, company, &contact, app.now()).await?)
}

/// Changes contact `id` of the firm `key`.
pub async fn change_contact(
    app: &App,
    viewer: &Viewer,
    key: &str,
    id: i64,
    fields: &ContactFields<'_>,
) -> Result<(), LogError> {
    let company = firm_of(app, viewer, key).await?;
    let contact = Contact::parse(fields).map_err(LogError::Refused)?;
    let changed =
        storage::contacts::change_contact(&app.db, company, id, &contact, app.now()).await?;
    changed.then_some(()).ok_or(LogError::NotFound)
}

/// Deletes contact `id` of the firm `key`.
pub async fn delete_contact(
    app: &App,
    viewer: &Viewer,
    key: &str,
    id: i64,
) -> Result<(), LogError> {
    let company = firm_of(app, viewer, key).await?;
    let deleted = storage::contacts::delete_contact(&app.db, company, id).await?;
    deleted.then_some(()).ok_or(LogError::NotFound)
}

/// Adds a note to the log of the firm `key`, written by the viewer now; its id.
pub async fn add_note(app: &App, viewer: &Viewer, key: &str, text: &str) -> Result<i64, LogError> {
    let company = firm_of(app, viewer, key).await?;
    let text = NoteText::parse(text).map_err(|refusal| LogError::Refused(vec![refusal]))?;
    let at = app.now();
    Ok(storage::contacts::add_note(&app.db, company, viewer.user_id, &text, at).await?)
}

/// Deletes note `id` of the firm `key` when the viewer wrote it; another's note is "not
/// found" for the viewer's purposes (it stays).
pub async fn delete_note(app: &App, viewer: &Viewer, key: &str, id: i64) -> Result<(), LogError> {
    let company = firm_of(app, viewer, key).await?;
    let deleted = storage::contacts::delete_own_note(&app.db, company, id, viewer.user_id).await?;
    deleted.then_some(()).ok_or(LogError::NotFound)
}
