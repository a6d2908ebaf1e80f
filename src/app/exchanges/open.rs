//! A firm opens an exchange from one of its matches: "interested", or "not for us" with a
//! reason (the pair is then not proposed to it again).

use super::steps::{Taken, step_in};
use super::{ExchangeError, after_step};
use crate::app::App;
use crate::app::visibility::{Viewer, side_on_match};
use crate::domain::exchange::{Actor, ExchangeId, ExchangeStatus, Side, Step, decline_reason};
use crate::storage::exchanges::status_in;
use crate::storage::{self, StorageError};

/// What a firm says about a match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FirmIntent {
    /// "Interested": its side of the exchange says so (once; saying it again changes nothing).
    Interested,
    /// "Not for us", with the reason (which teaches the ranking).
    NotForUs { reason: String },
}

/// Opens the exchange of the pair `offer_key` → `need_key` if it has none yet and takes the
/// firm's step on it, in one write transaction: two firms (or two clicks) opening the same
/// pair at once get the one exchange, each step recorded once. "Not found" unless the viewer
/// may act on the pair ([`side_on_match`]). Returns the exchange's id; a step the rules refuse
/// (the exchange moved on already) changes nothing but the opening.
pub async fn open_as_firm(
    app: &App,
    viewer: &Viewer,
    offer_key: &str,
    need_key: &str,
    intent: FirmIntent,
) -> Result<ExchangeId, ExchangeError> {
    // Read before the write transaction (SQLite allows one writer); a flow changed in
    // between is judged again by the next "interested".
    if intent == FirmIntent::Interested
        && let Some(company) = viewer.company
        && let Some(refused) = super::legal::refusal(app, company, offer_key, need_key).await?
    {
        return Err(ExchangeError::NotAllowed(refused));
    }
    let txn = storage::write_transaction(&app.db).await?;
    let pair = storage::exchanges::pair_owners(&txn, offer_key, need_key)
        .await?
        .ok_or(ExchangeError::NotFound)?;
    let side = side_on_match(viewer, &pair).ok_or(ExchangeError::NotFound)?;
    if let FirmIntent::NotForUs { reason } = &intent {
        decline_reason(reason).map_err(ExchangeError::BadReason)?;
    }
    let id = storage::exchanges::open_in(&txn, offer_key, need_key, app.now())
        .await?
        .ok_or(ExchangeError::NotFound)?
        .id;
    let before = status_in(&txn, id).await?.ok_or(ExchangeError::NotFound)?;
    let step = match intent {
        FirmIntent::Interested if already_interested(before, side) => {
            txn.commit().await.map_err(StorageError::from)?;
            return Ok(id);
        }
        FirmIntent::Interested => Step::Interested(side),
        FirmIntent::NotForUs { reason } => Step::Decline {
            reason: reason.trim().to_string(),
        },
    };
    let taken = Taken {
        id,
        before,
        actor: Actor::Party(side),
        note: "",
    };
    let outcome = step_in(app, &txn, viewer, taken, &step).await?;
    // A refused step leaves the opening as it is (as it always did): the refusal is shown on
    // the exchange's page.
    txn.commit().await.map_err(StorageError::from)?;
    match outcome {
        Ok(after) => {
            after_step(app, after).await;
            Ok(id)
        }
        Err(why) => Err(ExchangeError::Refused { exchange: id, why }),
    }
}

/// True when the firm's side said interested already.
fn already_interested(status: ExchangeStatus, side: Side) -> bool {
    match side {
        Side::Supplier => status.supplier_interested,
        Side::Receiver => status.receiver_interested,
    }
}
