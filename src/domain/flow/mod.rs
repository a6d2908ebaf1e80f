//! Flows: residual streams on offer ([`Offer`]) and inputs needed ([`Need`]).

mod either;
mod need;
mod offer;

pub use either::{Flow, FlowDraft, FlowKind};
pub use need::{Need, NeedDraft};
pub use offer::{Offer, OfferDraft};

use chrono::NaiveDate;

use super::material::Unit;
use super::problem::Problems;
use super::values::{Confidentiality, Quantity, RecordId, Regularity, optional_text, parse_date};

pub use super::limits::{MAX_DESCRIPTION, MAX_PICKUP_TERMS};

/// What every flow has, offer or need: read on either through `Deref`.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowBasics {
    id: RecordId,
    firm: RecordId,
    description: String,
    quantity: Quantity,
    regularity: Regularity,
    confidentiality: Confidentiality,
    last_confirmed: NaiveDate,
    pickup_terms: Option<String>,
}

impl FlowBasics {
    /// The flow's identifier.
    pub fn id(&self) -> &RecordId {
        &self.id
    }
    /// The firm whose flow it is.
    pub fn firm(&self) -> &RecordId {
        &self.firm
    }
    /// Free description.
    pub fn description(&self) -> &str {
        &self.description
    }
    /// Quantity per year (offered, or that a need can take).
    pub fn quantity(&self) -> Quantity {
        self.quantity
    }
    /// Recurring or one-off.
    pub fn regularity(&self) -> Regularity {
        self.regularity
    }
    /// Who may see it.
    pub fn confidentiality(&self) -> Confidentiality {
        self.confidentiality
    }
    /// When its owner last confirmed it is still current.
    pub fn last_confirmed(&self) -> NaiveDate {
        self.last_confirmed
    }
    /// How the material is picked up (an offer) or can be delivered (a need), in the firm's own
    /// words; `None` when not stated.
    pub fn pickup_terms(&self) -> Option<&str> {
        self.pickup_terms.as_deref()
    }
}

/// The fields both kinds of flow share, as drafted.
pub(super) struct CommonDraft<'a> {
    pub(super) id: &'a str,
    pub(super) firm: &'a str,
    pub(super) unit: Option<&'a str>,
    pub(super) regularity: Option<&'a str>,
    pub(super) confidentiality: Option<&'a str>,
    pub(super) last_confirmed: Option<&'a str>,
    pub(super) description: &'a str,
    pub(super) quantity_per_year: f64,
    pub(super) pickup_terms: Option<&'a str>,
}

/// The fields both kinds of draft name alike, read from either (an [`OfferDraft`] or a
/// [`NeedDraft`]).
macro_rules! common_draft {
    ($draft:expr) => {
        super::CommonDraft {
            id: &$draft.id,
            firm: &$draft.firm,
            unit: $draft.unit.as_deref(),
            regularity: $draft.regularity.as_deref(),
            confidentiality: $draft.confidentiality.as_deref(),
            last_confirmed: $draft.last_confirmed.as_deref(),
            description: &$draft.description,
            quantity_per_year: $draft.quantity_per_year,
            pickup_terms: $draft.pickup_terms.as_deref(),
        }
    };
}
pub(super) use common_draft;

/// Every flow reads the fields [`FlowBasics`] holds through this `Deref`.
macro_rules! deref_to_basics {
    ($flow:ty) => {
        impl std::ops::Deref for $flow {
            type Target = super::FlowBasics;

            fn deref(&self) -> &super::FlowBasics {
                &self.basics
            }
        }
    };
}
pub(super) use deref_to_basics;

/// Fields both kinds of flow share, parsed once.
pub(super) struct Common {
    id: Option<RecordId>,
    firm: Option<RecordId>,
    pub(super) unit: Option<Unit>,
    pub(super) quantity: Option<Quantity>,
    regularity: Option<Regularity>,
    confidentiality: Option<Confidentiality>,
    last_confirmed: Option<NaiveDate>,
    description: Option<String>,
    pickup_terms: Option<Option<String>>,
}

impl Common {
    /// The basics of a flow whose every field was found valid.
    pub(super) fn into_basics(self) -> FlowBasics {
        FlowBasics {
            id: self.id.expect("checked"),
            firm: self.firm.expect("checked"),
            description: self.description.expect("checked"),
            quantity: self.quantity.expect("checked"),
            regularity: self.regularity.expect("checked"),
            confidentiality: self.confidentiality.expect("checked"),
            last_confirmed: self.last_confirmed.expect("checked"),
            pickup_terms: self.pickup_terms.expect("checked"),
        }
    }
}

pub(super) fn parse_common(
    problems: &mut Problems,
    draft: CommonDraft<'_>,
    today: NaiveDate,
) -> Common {
    let id = problems.take(RecordId::parse("id", draft.id));
    let firm = problems.take(RecordId::parse("company", draft.firm));
    let unit = match draft.unit {
        None => Some(Unit::Tonnes),
        Some(text) => problems.take(Unit::parse(text)),
    };
    let regularity = match draft.regularity {
        None => Some(Regularity::Recurring),
        Some(text) => problems.take(Regularity::parse(text)),
    };
    // Private by default: the other side sees sector, municipality and distance only.
    let confidentiality = match draft.confidentiality {
        None => Some(Confidentiality::Anonymous),
        Some(text) => problems.take(Confidentiality::parse(text)),
    };
    let last_confirmed = draft
        .last_confirmed
        .map_or(Some(today), |text| confirmed_on(problems, text, today));
    let description = problems.take(optional_text(
        "description",
        draft.description,
        MAX_DESCRIPTION,
    ));
    // Blank terms are no terms: the listing then says nothing rather than an empty line.
    let pickup_terms = problems
        .take(optional_text(
            "pickup_terms",
            draft.pickup_terms.unwrap_or(""),
            MAX_PICKUP_TERMS,
        ))
        .map(|text| Some(text).filter(|text| !text.is_empty()));
    let quantity = unit.and_then(|unit| {
        problems.take(Quantity::new(
            "quantity_per_year",
            draft.quantity_per_year,
            unit,
        ))
    });
    Common {
        id,
        firm,
        unit,
        quantity,
        regularity,
        confidentiality,
        last_confirmed,
        description,
        pickup_terms,
    }
}

/// A confirmation date as written; it cannot lie after `today`.
fn confirmed_on(problems: &mut Problems, text: &str, today: NaiveDate) -> Option<NaiveDate> {
    match problems.take(parse_date("last_confirmed", text)) {
        Some(date) if date > today => {
            problems.push(
                "last_confirmed",
                format!("{date} lies in the future (today is {today})"),
            );
            None
        }
        other => other,
    }
}

pub(super) fn units_text(units: &[Unit]) -> String {
    units
        .iter()
        .map(|u| u.as_str())
        .collect::<Vec<_>>()
        .join(" or ")
}
