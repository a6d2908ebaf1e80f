//! A firm's own flows: it adds, changes, confirms, pauses, resumes and deletes them, offers
//! and needs alike. Every function takes the firm's database id and touches that firm's flows
//! only: another firm's flow is "not found", as is one that does not exist. Each change
//! forgets the matcher's snapshot before it returns.

use super::App;
use crate::accounts::new_token;
use crate::domain::{Flow, FlowDraft, FlowKind, Problems};
use crate::storage::flows::{self, Deletion};
use crate::storage::{self, OwnFlows, StorageError};

/// Why a change to a flow was not made.
#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    /// The flow breaks the marketplace's rules; each problem names its field.
    #[error("the flow breaks {} rule(s)", .0.0.len())]
    Invalid(Problems),
    /// The firm has no such flow.
    #[error("no such flow of this firm")]
    NotFound,
    /// An exchange names the flow, so it stays (pausing takes it off the market instead).
    #[error("an exchange names the flow")]
    InAnExchange,
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// The firm's flows and which are paused, for its own list, as of one moment; `NotFound`
/// when the firm is gone.
pub async fn list_own(app: &App, company_id: i64) -> Result<OwnFlows, FlowError> {
    storage::own_flows(&app.db, company_id)
        .await?
        .ok_or(FlowError::NotFound)
}

/// One of the firm's own flows, to fill its change form.
pub async fn own(app: &App, company_id: i64, kind: FlowKind, key: &str) -> Result<Flow, FlowError> {
    let txn = storage::consistent_read(&app.db).await?;
    let flow = flows::own_flow(&txn, company_id, kind, key).await?;
    txn.commit().await.map_err(StorageError::from)?;
    flow.ok_or(FlowError::NotFound)
}

/// A fresh id for a new flow of `kind`, such as `O-3f9a0c12b7de`.
fn new_id(kind: FlowKind) -> String {
    format!("{}-{}", kind.id_prefix(), &new_token()[..12])
}

/// What the rules say about a draft, without storing anything: a form that failed earlier
/// (a field that is not a number) is shown with every other problem too.
pub fn check(app: &App, mut draft: FlowDraft) -> Result<Flow, Problems> {
    draft.set_id(new_id(draft.kind()));
    draft.parse(app.today())
}

/// Adds the draft as a new flow of the firm, under a fresh id, confirmed as current today.
/// Firms whose flows it fits are told (see [`super::notify::flow_saved`]).
pub async fn add(app: &App, company_id: i64, mut draft: FlowDraft) -> Result<Flow, FlowError> {
    draft.set_id(new_id(draft.kind()));
    let flow = draft.parse(app.today()).map_err(FlowError::Invalid)?;
    flows::add_flow(&app.db, company_id, &flow).await?;
    // Saved: the answer is success whatever follows (see `flow_saved`).
    super::notify::flow_saved(app, flow.basics().id().as_str()).await;
    Ok(flow)
}

/// Replaces the firm's own flow `key` by the draft, which confirms it as current today. What
/// the form does not show is kept from the stored flow (an offer's availability dates, from
/// an import; a need's regularity). The stored flow is read and replaced in one write
/// transaction, so a change made meanwhile (an import) is not undone half.
pub async fn change(
    app: &App,
    company_id: i64,
    key: &str,
    mut draft: FlowDraft,
) -> Result<Flow, FlowError> {
    let txn = storage::write_transaction(&app.db).await?;
    let stored = flows::own_flow(&txn, company_id, draft.kind(), key)
        .await?
        .ok_or(FlowError::NotFound)?;
    keep_unshown(&mut draft, &stored);
    draft.set_id(key.to_string());
    let flow = draft.parse(app.today()).map_err(FlowError::Invalid)?;
    if !flows::update_flow(&txn, company_id, &flow).await? {
        return Err(FlowError::NotFound);
    }
    txn.commit().await.map_err(StorageError::from)?;
    super::notify::flow_saved(app, key).await;
    Ok(flow)
}

/// Copies into the draft the stored values its form does not show (the offer form shows
/// every field an offer has).
fn keep_unshown(draft: &mut FlowDraft, stored: &Flow) {
    match (draft, stored) {
        (FlowDraft::Offer(_), Flow::Offer(_)) => {}
        (FlowDraft::Need(draft), Flow::Need(need)) => {
            draft.regularity = Some(need.regularity().as_str().to_string());
        }
        // `own` read the stored flow by the draft's kind.
        _ => unreachable!("a stored flow of another kind than its draft"),
    }
}

/// "Still current": the firm confirms its flow as of today.
pub async fn confirm(
    app: &App,
    company_id: i64,
    kind: FlowKind,
    key: &str,
) -> Result<(), FlowError> {
    let today = app.today();
    let found = flows::confirm_flow(&app.db, company_id, kind, key, today).await?;
    changed(app, found).await
}

/// Pauses the flow (it leaves matching, stays listed for the firm) or resumes it.
pub async fn set_paused(
    app: &App,
    company_id: i64,
    kind: FlowKind,
    key: &str,
    paused: bool,
) -> Result<(), FlowError> {
    let found = flows::set_flow_paused(&app.db, company_id, kind, key, paused).await?;
    changed(app, found).await
}

/// Deletes the flow, unless an exchange names it: the exchange's history and recorded tonnes
/// (the region's impact and its knowledge base) would go with it.
pub async fn delete(
    app: &App,
    company_id: i64,
    kind: FlowKind,
    key: &str,
) -> Result<(), FlowError> {
    match flows::delete_flow(&app.db, company_id, kind, key).await? {
        Deletion::Deleted => changed(app, true).await,
        Deletion::NotFound => Err(FlowError::NotFound),
        Deletion::InAnExchange => Err(FlowError::InAnExchange),
    }
}

/// After a one-button change: the snapshot is forgotten when a flow changed, and "not found"
/// answered when the firm had no such flow.
async fn changed(app: &App, found: bool) -> Result<(), FlowError> {
    if !found {
        return Err(FlowError::NotFound);
    }
    app.snapshot.invalidate().await;
    Ok(())
}

#[cfg(test)]
mod tests;
