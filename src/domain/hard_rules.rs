//! Hard rules of issue #11: why an offer cannot go to a need, whatever the economics.
//!
//! A pure function of the offer's class and descriptors and the need's side. Unknown
//! descriptors never refuse by themselves, with two exceptions where the law requires knowing:
//! - feed or food use needs a known food-grade origin (traceability, Reg. (EC) 178/2002
//!   Art. 18; feed hygiene, Reg. (EC) 183/2005 Art. 5 and Annex II);
//! - material of a class that is animal by-product by nature counts as such even when the
//!   holder left the status unknown (Reg. (EC) 1069/2009 Art. 4(1): it becomes an animal
//!   by-product when it arises, whatever anyone declares), so the receiver needs the licence.

use serde::{Deserialize, Serialize};

use super::descriptors::{
    AbpCategory, IntendedUse, LegalStatus, NeedDescriptors, OfferDescriptors, Property, Strength,
};
use super::material_class::MaterialClass;

/// Why feed or food use is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FeedBlock {
    /// Declared waste: waste is not placed on the market as feed or food.
    StatusIsWaste,
    /// Declared not of food-grade origin.
    NotFoodGradeOrigin,
    /// The class cannot have a food-grade origin (spent coffee grounds, tobacco dust).
    ClassNotFoodGrade,
    /// Catering or household kitchen waste: banned as feed (Reg. 1069/2009 Art. 11(1)(b)).
    CateringWaste,
    /// Category 1 or 2 animal by-product: never feed (Reg. 1069/2009 Art. 12–13).
    AbpCategory1Or2,
    /// Origin not stated: the law requires knowing it for feed or food.
    OriginUnknown,
}

/// One reason an offer cannot go to a need; views translate by [`Infeasibility::key`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "reason")]
pub enum Infeasibility {
    /// The need names the classes it accepts and the offer's class is not among them.
    ClassNotAccepted {
        /// The offer's class key.
        class: String,
    },
    /// Animal by-product to a receiver without a licence for its category.
    AnimalByProductUnlicensed {
        /// The category the material has.
        category: AbpCategory,
        /// True when the category comes from the class, the holder having left it unknown.
        inferred: bool,
    },
    /// Feed or food use of a material that is not fit for it.
    NotFeedGrade {
        /// Feed or food.
        intended_use: IntendedUse,
        /// Why.
        cause: FeedBlock,
    },
    /// A known property value outside a hard range of the need.
    HardSpecViolated {
        /// The property.
        property: Property,
        /// The offer's value.
        value: f64,
        /// The need's minimum, if any.
        min: Option<f64>,
        /// The need's maximum, if any.
        max: Option<f64>,
    },
}

impl Infeasibility {
    /// A stable key for translations: `class-not-accepted`, `abp-unlicensed`, ...
    pub fn key(&self) -> &'static str {
        match self {
            Infeasibility::ClassNotAccepted { .. } => "class-not-accepted",
            Infeasibility::AnimalByProductUnlicensed { .. } => "abp-unlicensed",
            Infeasibility::NotFeedGrade { .. } => "not-feed-grade",
            Infeasibility::HardSpecViolated { .. } => "hard-spec-violated",
        }
    }

    /// The legal source behind the reason; `None` for the receiver's own terms.
    pub fn legal_source(&self) -> Option<&'static str> {
        match self {
            Infeasibility::ClassNotAccepted { .. } | Infeasibility::HardSpecViolated { .. } => None,
            Infeasibility::AnimalByProductUnlicensed { .. } => {
                Some("Reg. (EC) 1069/2009 Art. 23-24 (registration and approval of operators)")
            }
            Infeasibility::NotFeedGrade { cause, .. } => Some(match cause {
                FeedBlock::CateringWaste => "Reg. (EC) 1069/2009 Art. 11(1)(b)",
                FeedBlock::AbpCategory1Or2 => "Reg. (EC) 1069/2009 Art. 12-13",
                FeedBlock::OriginUnknown => "Reg. (EC) 178/2002 Art. 18; Reg. (EC) 183/2005",
                _ => "Reg. (EC) 767/2009 Art. 4 and Annex III; Reg. (EC) 183/2005",
            }),
        }
    }
}

/// Every reason the offer (its class, if known, and descriptors) cannot go to the need;
/// empty when the hard rules allow the pair.
pub fn infeasibilities(
    class: Option<&MaterialClass>,
    offer: &OfferDescriptors,
    need: &NeedDescriptors,
) -> Vec<Infeasibility> {
    let mut reasons = Vec::new();
    if let Some(class) = class
        && !need.accepted_classes.is_empty()
        && !need.accepted_classes.iter().any(|key| key.covers(class))
    {
        reasons.push(Infeasibility::ClassNotAccepted {
            class: class.key.clone(),
        });
    }
    if let Some((category, inferred)) = abp_category(class, offer)
        && !need.licensed_for(category)
    {
        reasons.push(Infeasibility::AnimalByProductUnlicensed { category, inferred });
    }
    if let Some(intended_use @ (IntendedUse::Feed | IntendedUse::Food)) = need.intended_use
        && let Some(cause) = feed_block(class, offer)
    {
        reasons.push(Infeasibility::NotFeedGrade {
            intended_use,
            cause,
        });
    }
    reasons.extend(hard_spec_violations(offer, need));
    reasons
}

/// The animal by-product category: declared, or the class's when the status is unknown.
fn abp_category(
    class: Option<&MaterialClass>,
    offer: &OfferDescriptors,
) -> Option<(AbpCategory, bool)> {
    match offer.legal_status {
        Some(LegalStatus::AnimalByProduct(category)) => Some((category, false)),
        Some(_) => None,
        None => match class?.typical_status? {
            LegalStatus::AnimalByProduct(category) if class?.is_animal_by_nature() => {
                Some((category, true))
            }
            _ => None,
        },
    }
}

/// Why the offer cannot be feed or food, if it cannot.
fn feed_block(class: Option<&MaterialClass>, offer: &OfferDescriptors) -> Option<FeedBlock> {
    if let Some(class) = class {
        if matches!(
            class.key.as_str(),
            "food.catering-waste" | "organic.biowaste-households"
        ) {
            return Some(FeedBlock::CateringWaste);
        }
        if !class.food_grade_plausible {
            return Some(FeedBlock::ClassNotFoodGrade);
        }
    }
    match offer.legal_status {
        Some(LegalStatus::Waste) => return Some(FeedBlock::StatusIsWaste),
        Some(LegalStatus::AnimalByProduct(AbpCategory::One | AbpCategory::Two)) => {
            return Some(FeedBlock::AbpCategory1Or2);
        }
        _ => {}
    }
    match offer.food_grade_origin {
        Some(true) => None,
        Some(false) => Some(FeedBlock::NotFoodGradeOrigin),
        None => Some(FeedBlock::OriginUnknown),
    }
}

/// Known values outside hard ranges; unknown values are left to the fit score.
fn hard_spec_violations<'a>(
    offer: &'a OfferDescriptors,
    need: &'a NeedDescriptors,
) -> impl Iterator<Item = Infeasibility> + 'a {
    need.specs
        .iter()
        .filter(|spec| spec.strength == Strength::Hard)
        .filter_map(|spec| {
            let value = offer.properties.get(spec.property)?;
            (!spec.admits(value)).then_some(Infeasibility::HardSpecViolated {
                property: spec.property,
                value,
                min: spec.min,
                max: spec.max,
            })
        })
}

#[cfg(test)]
mod tests;
