//! Cross-border classification of a pair of firms in the Netherlands, Belgium or Germany
//! (issue #11 item 4): which procedure a shipment from the offer's firm to the need's firm
//! needs. Unknown facts default to prior notification: a procedure is never silently skipped.

mod green_list;
pub mod rules;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use green_list::{GREEN_LIST, GreenEntry, green_entry};
pub use rules::LegalRule;

use super::descriptors::{AbpCategory, LegalStatus, OfferDescriptors, PhysicalForm, Treatment};
use super::material::Material;
use super::material_class::MaterialClass;
use super::problem::FieldProblem;

/// The countries of the border region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Country {
    /// The Netherlands.
    NL,
    /// Belgium (Flanders borders Keyport).
    BE,
    /// Germany (North Rhine-Westphalia borders Keyport).
    DE,
}

impl Country {
    /// Reads an ISO 3166 code (`NL`, `be`, `DE`).
    pub fn parse(text: &str) -> Result<Country, FieldProblem> {
        match text.trim().to_uppercase().as_str() {
            "NL" => Ok(Country::NL),
            "BE" => Ok(Country::BE),
            "DE" => Ok(Country::DE),
            _ => Err(FieldProblem::new(
                "country",
                format!("\"{text}\" is not a country of the region; use NL, BE or DE"),
            )),
        }
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// Why a shipment needs prior written notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotificationCause {
    /// A hazardous code or stated HP properties.
    Hazardous,
    /// Not on the green list (or not mapped by us).
    Unlisted,
    /// A mixture of materials or forms.
    Mixed,
    /// Mixed municipal waste (20 03 01).
    MixedMunicipal,
    /// The legal status is unknown.
    StatusUnknown,
    /// The receiver's treatment (R or D) is unknown.
    TreatmentUnknown,
}

/// The procedure a pair needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "procedure")]
pub enum Classification {
    /// Both firms in one country.
    SameCountry,
    /// Not waste: no waste-shipment procedure.
    NotWaste {
        /// The declared status.
        status: LegalStatus,
    },
    /// Animal by-product: Reg. 1069/2009 and a TRACES document.
    AnimalByProduct {
        /// Its category.
        category: AbpCategory,
    },
    /// Disposal across the border: refused.
    DisposalRefused,
    /// Prior written notification and consent (amber).
    Notification {
        /// Why.
        cause: NotificationCause,
    },
    /// Green-listed for recovery: allowed with the Annex VII document.
    GreenListed {
        /// The green-list entry, e.g. `B3020`.
        entry: &'static str,
    },
}

/// Days the authorities have after acknowledging a complete notification file.
pub const NOTIFICATION_LEAD_DAYS: u32 = 30;

impl Classification {
    /// The legal basis and its date.
    pub fn rule(&self) -> &'static LegalRule {
        match self {
            Classification::SameCountry => &rules::SAME_COUNTRY,
            Classification::NotWaste { .. } => &rules::NOT_WASTE,
            Classification::AnimalByProduct { .. } => &rules::ANIMAL_BY_PRODUCT,
            Classification::DisposalRefused => &rules::DISPOSAL_ABROAD,
            Classification::Notification {
                cause: NotificationCause::MixedMunicipal,
            } => &rules::MIXED_MUNICIPAL,
            Classification::Notification { .. } => &rules::NOTIFICATION,
            Classification::GreenListed { .. } => &rules::GREEN_LISTED,
        }
    }

    /// Lead time to show before the first shipment, in days, when there is one.
    pub fn lead_time_days(&self) -> Option<u32> {
        matches!(self, Classification::Notification { .. }).then_some(NOTIFICATION_LEAD_DAYS)
    }

    /// True when the shipment may go ahead without anyone's consent.
    pub fn is_allowed_without_consent(&self) -> bool {
        !matches!(
            self,
            Classification::DisposalRefused | Classification::Notification { .. }
        )
    }

    /// A short stable key for views and the benchmark file.
    pub fn key(&self) -> &'static str {
        match self {
            Classification::SameCountry => "same-country",
            Classification::NotWaste { .. } => "not-waste",
            Classification::AnimalByProduct { .. } => "animal-by-product",
            Classification::DisposalRefused => "refused",
            Classification::Notification { .. } => "notification",
            Classification::GreenListed { .. } => "green",
        }
    }
}

/// A shipment from the offer's firm to the need's firm, with what is known of it.
#[derive(Debug, Clone, Copy)]
pub struct Shipment<'a> {
    /// Country of the offer's firm.
    pub from: Country,
    /// Country of the need's firm.
    pub to: Country,
    /// The offer's code.
    pub material: &'a Material,
    /// The offer's class, if known.
    pub class: Option<&'a MaterialClass>,
    /// The offer's descriptors.
    pub offer: &'a OfferDescriptors,
    /// The receiver's treatment, if known.
    pub treatment: Option<Treatment>,
}

/// Classifies a shipment; rules apply in the order of issue #11 item 4.
pub fn classify(shipment: &Shipment<'_>) -> Classification {
    if shipment.from == shipment.to {
        return Classification::SameCountry;
    }
    let code = match shipment.material {
        Material::Resource(_) => {
            return Classification::NotWaste {
                status: LegalStatus::OutsideWasteLaw,
            };
        }
        Material::Waste(code) => code,
    };
    let status = match shipment.offer.legal_status {
        Some(LegalStatus::AnimalByProduct(category)) => {
            return Classification::AnimalByProduct { category };
        }
        Some(status) if !status.is_waste() => return Classification::NotWaste { status },
        Some(status) => status,
        // Material of animal origin is an animal by-product by law, whatever was left blank.
        None => match shipment.class.filter(|c| c.is_animal_by_nature()) {
            Some(class) => match class.typical_status {
                Some(LegalStatus::AnimalByProduct(category)) => {
                    return Classification::AnimalByProduct { category };
                }
                _ => return notification(NotificationCause::StatusUnknown),
            },
            None => return notification(NotificationCause::StatusUnknown),
        },
    };
    debug_assert!(status.is_waste());
    match shipment.treatment {
        None => return notification(NotificationCause::TreatmentUnknown),
        Some(treatment) if treatment.is_disposal() => return Classification::DisposalRefused,
        Some(_) => {}
    }
    if code.is_hazardous() || !shipment.offer.hazards.is_empty() {
        return notification(NotificationCause::Hazardous);
    }
    if code.digits() == "200301" {
        return notification(NotificationCause::MixedMunicipal);
    }
    if is_mixed(shipment) {
        return notification(NotificationCause::Mixed);
    }
    match green_entry(code.digits()) {
        Some(entry) => Classification::GreenListed { entry: entry.entry },
        None => notification(NotificationCause::Unlisted),
    }
}

fn notification(cause: NotificationCause) -> Classification {
    Classification::Notification { cause }
}

/// Declared mixed, or of a mixed class when the form is not declared.
fn is_mixed(shipment: &Shipment<'_>) -> bool {
    let form = shipment.offer.form.or(shipment.class.and_then(|c| c.form));
    form == Some(PhysicalForm::Mixed)
}

#[cfg(test)]
mod tests;
