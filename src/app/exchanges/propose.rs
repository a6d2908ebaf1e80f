//! A coordinator opens exchanges for firms: one pair from the overview's next best calls
//! ([`propose_pair`]), or every link of a loop, a chain or a pool of the region plan
//! ([`propose_links`]). The new exchange stays "proposed"; a step records who proposed it, and
//! its notice goes to both firms because a coordinator took it — all in one transaction, so a
//! proposal is never half made.

use sea_orm::DatabaseTransaction;

use super::ExchangeError;
use crate::app::App;
use crate::app::visibility::Viewer;
use crate::domain::exchange::{ExchangeId, ExchangeStatus};
use crate::storage::exchanges::{StepRecord, save_step_in};
use crate::storage::proposals::{Link, Opened, PROPOSED_BY_COORDINATOR};
use crate::storage::{self, StorageError};

/// How a proposal from the overview's calls is recorded in the history (stored; never
/// renamed; the plan's proposals read [`PROPOSED_BY_COORDINATOR`]).
pub const PROPOSED_FROM_CALLS: &str = "proposed by coordinator";

/// What proposing a pair did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proposed {
    /// The exchange was opened now.
    Opened(ExchangeId),
    /// The pair had its exchange already: left as it was.
    Existing(ExchangeId),
}

/// Opens the exchange of `offer_key` → `need_key` for both firms, unless the pair has one.
/// "Not found" for a viewer who is no coordinator, a missing flow, or a firm's own offer and
/// need (no exchange between firms).
pub async fn propose_pair(
    app: &App,
    viewer: &Viewer,
    offer_key: &str,
    need_key: &str,
) -> Result<Proposed, ExchangeError> {
    if !viewer.is_staff() {
        return Err(ExchangeError::NotFound);
    }
    let txn = storage::write_transaction(&app.db).await?;
    let pair = storage::exchanges::pair_owners(&txn, offer_key, need_key)
        .await?
        .ok_or(ExchangeError::NotFound)?;
    if pair.supplier == pair.receiver {
        return Err(ExchangeError::NotFound);
    }
    let opened = storage::exchanges::open_in(&txn, offer_key, need_key, app.now())
        .await?
        .ok_or(ExchangeError::NotFound)?;
    if !opened.created {
        return Ok(Proposed::Existing(opened.id));
    }
    let by = Proposal {
        step: PROPOSED_FROM_CALLS,
        note: "",
    };
    let saved = record_proposal_in(app, &txn, viewer, opened.id, by).await?;
    txn.commit().await.map_err(StorageError::from)?;
    Ok(if saved {
        Proposed::Opened(opened.id)
    } else {
        Proposed::Existing(opened.id)
    })
}

/// Opens an exchange for every link that has none yet, in one transaction, each with the
/// coordinator's step carrying `note`. Links with an exchange already (in any stage) are
/// left as they were; links whose offer or need no longer exists are counted as missing.
/// "Not found" for a viewer who is no coordinator.
pub async fn propose_links(
    app: &App,
    viewer: &Viewer,
    links: &[Link],
    note: &str,
) -> Result<Opened, ExchangeError> {
    if !viewer.is_staff() {
        return Err(ExchangeError::NotFound);
    }
    let txn = storage::write_transaction(&app.db).await?;
    let mut opened = Opened::default();
    let by = Proposal {
        step: PROPOSED_BY_COORDINATOR,
        note,
    };
    for link in links {
        match storage::exchanges::open_in(&txn, &link.offer, &link.need, app.now()).await? {
            None => opened.missing += 1,
            Some(found) if !found.created => opened.existing.push(found.id.0),
            Some(created) => {
                record_proposal_in(app, &txn, viewer, created.id, by).await?;
                opened.created.push(created.id.0);
            }
        }
    }
    txn.commit().await.map_err(StorageError::from)?;
    Ok(opened)
}

/// The step that records a proposal: its stored name and its note.
#[derive(Clone, Copy)]
struct Proposal<'a> {
    step: &'a str,
    note: &'a str,
}

/// The coordinator's step on a new exchange (the stage stays "proposed"), and the notice to
/// both firms; false when the exchange had moved on.
async fn record_proposal_in(
    app: &App,
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: ExchangeId,
    by: Proposal<'_>,
) -> Result<bool, StorageError> {
    let proposed = ExchangeStatus::proposed();
    let step = StepRecord {
        before: proposed,
        after: proposed,
        step: by.step,
        note: by.note,
        decline_reason: None,
        user_id: viewer.user_id,
        at: app.now(),
    };
    save_step_in(txn, id, step).await
}
