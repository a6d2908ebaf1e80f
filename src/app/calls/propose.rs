//! "Propose" on a next best call: the coordinator opens the pair's exchange for both firms.
//!
//! The exchange stays "proposed"; a step records that a coordinator proposed it, and its
//! notice goes to both firms because a coordinator took it. A pair with an exchange already
//! is left as it is.

use crate::app::App;
use crate::domain::exchange::ExchangeStatus;
use crate::storage::exchanges::StepRecord;
use crate::storage::{self, StorageError};

/// How a coordinator's proposal is recorded in an exchange's history (stored: never renamed).
pub const PROPOSED_BY_COORDINATOR: &str = "proposed by coordinator";

/// What proposing a pair did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proposed {
    /// The exchange was opened and both firms were told.
    Opened(i64),
    /// The pair had an exchange already.
    Existing(i64),
}

/// Opens the exchange of `offer_key` → `need_key` for both firms on behalf of the coordinator
/// `user_id`. `None` when either flow does not exist, or both are one firm's (a firm's own
/// offer and need are no exchange between firms).
pub async fn propose(
    app: &App,
    user_id: i64,
    offer_key: &str,
    need_key: &str,
) -> Result<Option<Proposed>, StorageError> {
    let Some((supplier, receiver)) =
        storage::exchanges::owners(&app.db, offer_key, need_key).await?
    else {
        return Ok(None);
    };
    if supplier == receiver {
        return Ok(None);
    }
    if let Some(id) = storage::coordinator::exchange_of_pair(&app.db, offer_key, need_key).await? {
        return Ok(Some(Proposed::Existing(id)));
    }
    let now = app.now();
    let Some(id) = storage::exchanges::open(&app.db, offer_key, need_key, now).await? else {
        return Ok(None);
    };
    let proposed = ExchangeStatus::proposed();
    let step = StepRecord {
        before: proposed,
        after: proposed,
        step: PROPOSED_BY_COORDINATOR,
        note: "",
        decline_reason: None,
        user_id,
        at: now,
    };
    // Another request may have recorded the proposal between the opening and this step.
    let saved = storage::exchanges::save_step(&app.db, id, step).await?;
    Ok(Some(if saved {
        Proposed::Opened(id)
    } else {
        Proposed::Existing(id)
    }))
}
