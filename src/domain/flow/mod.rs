//! Flows: residual streams on offer ([`Offer`]) and inputs needed ([`Need`]).

mod need;
mod offer;

pub use need::{Need, NeedDraft};
pub use offer::{Offer, OfferDraft};

use chrono::NaiveDate;

use super::material::Unit;
use super::problem::Problems;
use super::values::{Confidentiality, Regularity, optional_text, parse_date};

pub use super::limits::MAX_DESCRIPTION;

/// Fields both kinds of flow share, parsed once.
pub(super) struct Common {
    pub(super) unit: Option<Unit>,
    pub(super) regularity: Option<Regularity>,
    pub(super) confidentiality: Option<Confidentiality>,
    pub(super) last_confirmed: Option<NaiveDate>,
    pub(super) description: Option<String>,
}

pub(super) fn parse_common(
    problems: &mut Problems,
    unit: Option<&str>,
    regularity: Option<&str>,
    confidentiality: Option<&str>,
    last_confirmed: Option<&str>,
    description: &str,
    today: NaiveDate,
) -> Common {
    let unit = match unit {
        None => Some(Unit::Tonnes),
        Some(text) => problems.take(Unit::parse(text)),
    };
    let regularity = match regularity {
        None => Some(Regularity::Recurring),
        Some(text) => problems.take(Regularity::parse(text)),
    };
    // Private by default: the other side sees sector, municipality and distance only.
    let confidentiality = match confidentiality {
        None => Some(Confidentiality::Anonymous),
        Some(text) => problems.take(Confidentiality::parse(text)),
    };
    let last_confirmed = match last_confirmed {
        None => Some(today),
        Some(text) => match problems.take(parse_date("last_confirmed", text)) {
            Some(date) if date > today => {
                problems.push(
                    "last_confirmed",
                    format!("{date} lies in the future (today is {today})"),
                );
                None
            }
            other => other,
        },
    };
    let description = problems.take(optional_text("description", description, MAX_DESCRIPTION));
    Common {
        unit,
        regularity,
        confidentiality,
        last_confirmed,
        description,
    }
}

pub(super) fn units_text(units: &[Unit]) -> String {
    units
        .iter()
        .map(|u| u.as_str())
        .collect::<Vec<_>>()
        .join(" or ")
}
