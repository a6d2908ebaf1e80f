//! A flow of either kind, for the paths offers and needs share (a firm adds, changes,
//! confirms, pauses and deletes both alike).

use chrono::NaiveDate;

use super::{FlowBasics, Need, NeedDraft, Offer, OfferDraft};
use crate::domain::problem::Problems;

pub use crate::domain::notification::FlowKind;

impl FlowKind {
    /// The first letter of the ids the marketplace gives new flows of this kind.
    pub fn id_prefix(self) -> &'static str {
        match self {
            FlowKind::Offer => "O",
            FlowKind::Need => "N",
        }
    }

    /// The kind's name in messages and errors.
    pub fn noun(self) -> &'static str {
        match self {
            FlowKind::Offer => "offer",
            FlowKind::Need => "need",
        }
    }
}

/// An offer or a need.
#[derive(Debug, Clone, PartialEq)]
pub enum Flow {
    Offer(Offer),
    Need(Need),
}

impl Flow {
    /// Which kind of flow it is.
    pub fn kind(&self) -> FlowKind {
        match self {
            Flow::Offer(_) => FlowKind::Offer,
            Flow::Need(_) => FlowKind::Need,
        }
    }

    /// What every flow has: its id, firm, quantity…
    pub fn basics(&self) -> &FlowBasics {
        match self {
            Flow::Offer(offer) => offer,
            Flow::Need(need) => need,
        }
    }
}

/// An offer's or a need's draft, before validation.
#[derive(Debug, Clone)]
pub enum FlowDraft {
    Offer(OfferDraft),
    Need(NeedDraft),
}

impl FlowDraft {
    /// Which kind of flow it drafts.
    pub fn kind(&self) -> FlowKind {
        match self {
            FlowDraft::Offer(_) => FlowKind::Offer,
            FlowDraft::Need(_) => FlowKind::Need,
        }
    }

    /// The id the flow will have.
    pub fn set_id(&mut self, id: String) {
        match self {
            FlowDraft::Offer(draft) => draft.id = id,
            FlowDraft::Need(draft) => draft.id = id,
        }
    }

    /// Validates the draft, reporting every problem (see [`Offer::parse`], [`Need::parse`]).
    pub fn parse(self, today: NaiveDate) -> Result<Flow, Problems> {
        match self {
            FlowDraft::Offer(draft) => Offer::parse(draft, today).map(Flow::Offer),
            FlowDraft::Need(draft) => Need::parse(draft, today).map(Flow::Need),
        }
    }
}
