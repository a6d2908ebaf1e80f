//! Photos of flows: a firm puts one photo on its own offer or need (replacing the earlier
//! one) and removes it; whoever may see the flow's listing sees its photo. The owner and the
//! coordinators always; everyone else only while the flow is public and not paused, because a
//! photo of an anonymous flow (a van with a logo, a recognisable yard) could name its firm.

pub mod prepare;

use std::sync::OnceLock;

use tokio::sync::Semaphore;

use super::App;
use super::visibility::Viewer;
use chrono::NaiveDateTime;

use crate::domain::{Confidentiality, Flow, FlowKind};
use crate::storage::StorageError;
use crate::storage::photos::{self, FlowAccess, StoredPhoto};

pub use prepare::{MAX_SIDE, MAX_UPLOAD_MB, PhotoRefusal, PreparedPhoto};

/// Why a photo was not stored or removed.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    /// The firm has no such flow.
    #[error("no such flow of this firm")]
    NotFound,
    /// The file is not a photo we store.
    #[error("the file is refused: {0:?}")]
    Refused(PhotoRefusal),
    /// Preparing the photo failed on our side (the decoder panicked).
    #[error("preparing the photo failed: {0}")]
    Internal(String),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Decoding takes up to [`prepare`]'s memory limit: one decode per core at a time, so that a
/// burst of uploads queues instead of exhausting memory.
fn decoders() -> &'static Semaphore {
    static DECODERS: OnceLock<Semaphore> = OnceLock::new();
    DECODERS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        Semaphore::new(cores)
    })
}

/// The firm's own flow `key`, or `NotFound`.
async fn own_flow(
    app: &App,
    company_id: i64,
    kind: FlowKind,
    key: &str,
) -> Result<FlowAccess, PhotoError> {
    photos::flow_access(&app.db, kind, key)
        .await?
        .filter(|flow| flow.company_id == company_id)
        .ok_or(PhotoError::NotFound)
}

/// Prepares `bytes` and stores them as the photo of the firm's flow `key`.
pub async fn upload(
    app: &App,
    company_id: i64,
    kind: FlowKind,
    key: &str,
    bytes: Vec<u8>,
) -> Result<(), PhotoError> {
    let flow = own_flow(app, company_id, kind, key).await?;
    let prepared = {
        let _turn = decoders().acquire().await.expect("never closed");
        tokio::task::spawn_blocking(move || prepare::prepare(&bytes))
            .await
            .map_err(|failed| PhotoError::Internal(failed.to_string()))?
            .map_err(PhotoError::Refused)?
    };
    let photo = StoredPhoto {
        jpeg: prepared.jpeg,
        width: prepared.width,
        height: prepared.height,
        uploaded_at: app.now(),
    };
    photos::put_photo(&app.db, kind, flow.id, photo).await?;
    Ok(())
}

/// Removes the photo of the firm's flow `key` (nothing happens when it has none).
pub async fn remove(
    app: &App,
    company_id: i64,
    kind: FlowKind,
    key: &str,
) -> Result<(), PhotoError> {
    let flow = own_flow(app, company_id, kind, key).await?;
    photos::delete_photo(&app.db, kind, flow.id).await?;
    Ok(())
}

/// True when `viewer` (none: a visitor without an account) may see the listing and photo of
/// `flow`.
pub fn may_see(viewer: Option<&Viewer>, flow: &FlowAccess) -> bool {
    let owner_or_staff = viewer.is_some_and(|v| v.is_staff() || v.company == Some(flow.company_id));
    owner_or_staff || (flow.confidentiality == Confidentiality::Public && !flow.paused)
}

/// The photo of flow `key`, when it has one and `viewer` may see it; `None` otherwise (the
/// caller answers "not found" either way).
pub async fn photo_for(
    app: &App,
    viewer: Option<&Viewer>,
    kind: FlowKind,
    key: &str,
) -> Result<Option<StoredPhoto>, StorageError> {
    let Some(flow) = photos::flow_access(&app.db, kind, key).await? else {
        return Ok(None);
    };
    if !may_see(viewer, &flow) {
        return Ok(None);
    }
    photos::photo(&app.db, kind, flow.id).await
}

/// When the photo of flow `key` was uploaded, if it has one `viewer` may see (pages show it
/// only then, with the time in its address so that a new photo is never an old cached one).
pub async fn visible_photo_uploaded(
    app: &App,
    viewer: Option<&Viewer>,
    kind: FlowKind,
    key: &str,
) -> Result<Option<NaiveDateTime>, StorageError> {
    let Some(flow) = photos::flow_access(&app.db, kind, key).await? else {
        return Ok(None);
    };
    if !may_see(viewer, &flow) {
        return Ok(None);
    }
    photos::uploaded_at(&app.db, kind, flow.id).await
}

/// The firm's own flow and when its photo was uploaded, for the photo page.
pub struct OwnPhoto {
    /// The flow.
    pub flow: Flow,
    /// When its photo was uploaded; `None` when it has none.
    pub uploaded_at: Option<NaiveDateTime>,
}

/// The firm's own flow `key` with its photo's upload time, or `NotFound`.
pub async fn own_photo(
    app: &App,
    company_id: i64,
    kind: FlowKind,
    key: &str,
) -> Result<OwnPhoto, PhotoError> {
    let access = own_flow(app, company_id, kind, key).await?;
    let flow = super::flows::own(app, company_id, kind, key)
        .await
        .map_err(|error| match error {
            super::flows::FlowError::Storage(error) => PhotoError::Storage(error),
            _ => PhotoError::NotFound,
        })?;
    let uploaded_at = photos::uploaded_at(&app.db, kind, access.id).await?;
    Ok(OwnPhoto { flow, uploaded_at })
}
