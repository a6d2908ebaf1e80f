//! Exchanges: opened by a firm on a match ([`open_as_firm`]) or by a coordinator
//! ([`propose_pair`], [`propose_links`]), moved along step by step ([`take_step`]), with the
//! tonnes moved each month ([`record_tonnes`]). Every change runs in one write transaction
//! (on SQLite `BEGIN IMMEDIATE`, so two changes of the same exchange or two opens of the same
//! pair take turns) and forgets the snapshot itself when the region's knowledge changed
//! ([`after_step`]). Both ways of opening create the exchange with
//! [`storage::exchanges::open_in`] inside such a transaction, so two opens of the same pair
//! give one exchange and one first step.

pub mod cases;
pub mod disclosure;
pub mod legal;
pub mod messages;
mod open;
mod propose;
mod steps;

pub use open::{FirmIntent, open_as_firm};
pub use propose::{Proposed, propose_links, propose_pair};
pub use steps::{StepChoice, possible_steps, record_tonnes, take_step};

use super::App;
use super::visibility::{Viewer, actor_of};
use crate::domain::FieldProblem;
use crate::domain::exchange::{Actor, ExchangeId, ExchangeStatus, StepRefused};
use crate::domain::message::MessageRefused;
use crate::storage::exchanges::{ExchangeRecord, ListedExchange};
use crate::storage::{self, StorageError};

/// Exchanges a coordinator's list shows at most (the region's most recent).
const RECENT_FOR_STAFF: u64 = 200;

/// Why a change of an exchange was not made.
#[derive(Debug, thiserror::Error)]
pub enum ExchangeError {
    /// No such exchange or flow, or not one this viewer may see or act on.
    #[error("no such exchange, or not one this viewer may see")]
    NotFound,
    /// A step this viewer cannot even name (a coordinator saying "interested").
    #[error("not a step this viewer can take")]
    UnknownStep,
    /// A "not for us" without a reason, or with one too long: nothing was opened.
    #[error("the reason is refused: {0}")]
    BadReason(StepRefused),
    /// The rules refuse it; nothing changed. `exchange` is the exchange it concerns.
    #[error("exchange {exchange}: {why}")]
    Refused { exchange: ExchangeId, why: Refused },
    /// The pair breaks a hard rule or would ship waste for disposal across the border: no
    /// exchange is opened.
    #[error("the pair is not allowed: {}", .0.why)]
    NotAllowed(legal::PairRefused),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// A rule that refused a change of an exchange.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refused {
    /// The life of an exchange does not allow this step now (or its text is wrong).
    #[error(transparent)]
    Step(#[from] StepRefused),
    /// Someone else moved the exchange between loading the page and submitting.
    #[error("the exchange changed meanwhile")]
    ChangedMeanwhile,
    /// Tonnes are recorded only while the exchange runs.
    #[error("tonnes are recorded only while the exchange runs")]
    NotRunning,
    /// The tonnes are out of bounds.
    #[error(transparent)]
    Tonnes(FieldProblem),
    /// Messages open once both sides said interested, and close when it is declined.
    #[error("messages are not open in this exchange")]
    MessagesClosed,
    /// The message's text is refused.
    #[error(transparent)]
    Message(#[from] MessageRefused),
}

/// An exchange with the viewer's role in it; "not found" when the viewer may not see it.
pub async fn visible(
    app: &App,
    viewer: &Viewer,
    id: ExchangeId,
) -> Result<(ExchangeRecord, Actor), ExchangeError> {
    let record = storage::exchanges::get(&app.db, id)
        .await?
        .ok_or(ExchangeError::NotFound)?;
    let actor = actor_of(viewer, record.supplier_company, record.receiver_company)
        .ok_or(ExchangeError::NotFound)?;
    Ok((record, actor))
}

/// The exchanges the viewer follows, newest first: a firm's own, the region's most recent
/// for coordinators, none for anyone else.
pub async fn list(app: &App, viewer: &Viewer) -> Result<Vec<ListedExchange>, StorageError> {
    match viewer.company {
        Some(company) => storage::exchanges::for_company(&app.db, company).await,
        None if viewer.is_staff() => storage::exchanges::recent(&app.db, RECENT_FOR_STAFF).await,
        None => Ok(Vec::new()),
    }
}

/// What follows a committed change of an exchange: a completed or declined exchange is a
/// new case, which the ranking of suggestions learns from, so the snapshot is forgotten.
/// Other stages and tonnes are read per request and leave it as it is.
pub async fn after_step(app: &App, after: ExchangeStatus) {
    if after.stage.is_final() {
        app.snapshot.invalidate().await;
    }
}
