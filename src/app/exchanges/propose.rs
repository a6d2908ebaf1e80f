//! A coordinator opens exchanges for firms: one pair from the overview's next best calls
//! ([`propose_pair`]), or every link of a loop, a chain or a pool of the region plan
//! ([`propose_links`]). The new exchange stays "proposed"; a step records who proposed it, and
//! its notice goes to both firms because a coordinator took it — all in one transaction, so a
//! proposal is never half made.

use super::ExchangeError;
use crate::app::App;
use crate::app::visibility::Viewer;
use crate::domain::exchange::ExchangeId;
use crate::storage::proposals::{Link, Opened, ProposedBy, open_links_in, record_proposal_in};
use crate::storage::{self, StorageError};

/// How a proposal from the overview's calls is recorded in the history (stored; never
/// renamed; the plan's proposals read
/// [`crate::storage::proposals::PROPOSED_BY_COORDINATOR`]).
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
    let by = ProposedBy {
        user_id: viewer.user_id,
        note: "",
        at: app.now(),
    };
    let saved = record_proposal_in(&txn, opened.id, PROPOSED_FROM_CALLS, by).await?;
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
    let by = ProposedBy {
        user_id: viewer.user_id,
        note,
        at: app.now(),
    };
    let opened = open_links_in(&txn, links, by).await?;
    txn.commit().await.map_err(StorageError::from)?;
    Ok(opened)
}
