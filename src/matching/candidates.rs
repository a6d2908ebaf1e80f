//! Feasibility of an offer→need pair, and enumeration of the feasible counterparts of one
//! flow through the spatial index.

use std::fmt;

use chrono::NaiveDate;

use super::assess::assess;
use super::economics::{PairEconomics, crow_km};
use super::fit::{CaseHistory, Fit};
use super::index::{SpatialIndex, sphere};
use super::instance::{Instance, NeedFlow, OfferFlow};
use crate::domain::cross_border::Country;
use crate::domain::hard_rules::Infeasibility;

/// Why a pair cannot be an exchange.
#[derive(Debug, Clone, PartialEq)]
pub enum Infeasible {
    /// Offer and need belong to the same firm.
    SameFirm,
    /// The need does not accept the offer's material.
    NotAccepted,
    /// Hazardous waste, and the receiver holds no licence for it.
    HazardousUnlicensed,
    /// Measured in different units.
    UnitMismatch,
    /// The offer is no longer available (its window ended before the reference date).
    NotAvailable,
    /// Farther by road than the receiver collects.
    TooFar { road_km: f64, max_road_km: f64 },
    /// Transport eats the whole benefit.
    NoBenefit { eur_per_unit: f64 },
    /// The offer alone is below the receiver's smallest lot (a pool may reach it).
    BelowMinLot { quantity: f64, min_lot: f64 },
    /// A hard rule of the descriptors refuses it (class not accepted, animal by-product to
    /// an unlicensed receiver, not feed grade, a hard spec missed); the first one found.
    HardRule(Box<Infeasibility>),
    /// Disposal (a D operation) across the border is refused.
    DisposalAcrossBorder { from: Country, to: Country },
    /// The technical fit is below [`super::fit::MIN_FIT`].
    LowFit(Fit),
}

impl fmt::Display for Infeasible {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Infeasible::SameFirm => write!(f, "same firm"),
            Infeasible::NotAccepted => write!(f, "material not accepted"),
            Infeasible::HazardousUnlicensed => {
                write!(f, "hazardous waste to a receiver without licence")
            }
            Infeasible::UnitMismatch => write!(f, "different units"),
            Infeasible::NotAvailable => write!(f, "no longer available"),
            Infeasible::TooFar {
                road_km,
                max_road_km,
            } => write!(f, "{road_km:.1} km by road, more than {max_road_km:.1} km"),
            Infeasible::NoBenefit { eur_per_unit } => {
                write!(
                    f,
                    "net benefit {eur_per_unit:.2} € per unit is not positive"
                )
            }
            Infeasible::BelowMinLot { quantity, min_lot } => {
                write!(
                    f,
                    "{quantity} per year is below the smallest lot of {min_lot}"
                )
            }
            Infeasible::HardRule(rule) => write!(f, "hard rule: {}", rule.key()),
            Infeasible::DisposalAcrossBorder { from, to } => {
                write!(f, "disposal across the border ({from} → {to}) is refused")
            }
            Infeasible::LowFit(fit) => write!(
                f,
                "technical fit {:.2} is below {:.2}",
                fit.score,
                super::fit::MIN_FIT
            ),
        }
    }
}

/// Which rules apply besides the reference problem's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rules {
    /// Offers whose availability ended before this date are left out.
    pub as_of: Option<NaiveDate>,
    /// A single offer must reach the need's smallest lot (one-to-one suggestions); the
    /// region plan, like the reference, ignores lots.
    pub enforce_min_lot: bool,
}

/// Checks every rule for one pair of the instance and returns its economics when feasible.
pub fn check_pair(
    instance: &Instance,
    offer: usize,
    need: usize,
    rules: Rules,
) -> Result<PairEconomics, Infeasible> {
    check_flows(
        instance,
        &instance.offers[offer],
        &instance.needs[need],
        rules,
    )
}

/// Checks every rule for an offer and a need that may not be in the instance yet (a new or
/// changed flow); their firms must be.
pub fn check_flows(
    instance: &Instance,
    o: &OfferFlow,
    n: &NeedFlow,
    rules: Rules,
) -> Result<PairEconomics, Infeasible> {
    if o.firm == n.firm {
        return Err(Infeasible::SameFirm);
    }
    if !n.takes(o) {
        return Err(Infeasible::NotAccepted);
    }
    if o.hazardous && !n.licensed_for_hazardous {
        return Err(Infeasible::HazardousUnlicensed);
    }
    if o.unit != n.unit {
        return Err(Infeasible::UnitMismatch);
    }
    if let (Some(as_of), Some(until)) = (rules.as_of, o.available_until)
        && until < as_of
    {
        return Err(Infeasible::NotAvailable);
    }
    // The descriptors, the border and the fit; nothing to do for a code-only pair at home.
    assess(instance, o, n, CaseHistory::default())?;
    let (a, b) = (
        &instance.firms[o.firm as usize],
        &instance.firms[n.firm as usize],
    );
    let road_km = instance.params.road_factor * crow_km(a.lat, a.lon, b.lat, b.lon);
    if road_km > n.max_road_km {
        return Err(Infeasible::TooFar {
            road_km,
            max_road_km: n.max_road_km,
        });
    }
    if rules.enforce_min_lot && o.quantity < n.min_lot {
        return Err(Infeasible::BelowMinLot {
            quantity: o.quantity,
            min_lot: n.min_lot,
        });
    }
    let economics = economics_of(instance, o, n, road_km);
    if economics.benefit_eur_per_unit <= 0.0 {
        return Err(Infeasible::NoBenefit {
            eur_per_unit: economics.benefit_eur_per_unit,
        });
    }
    Ok(economics)
}

/// The economics of an offer and a need `road_km` apart, whether or not they are feasible.
pub fn economics_of(
    instance: &Instance,
    o: &OfferFlow,
    n: &NeedFlow,
    road_km: f64,
) -> PairEconomics {
    PairEconomics::compute(
        &instance.params,
        o.material,
        o.unit,
        o.disposal_cost,
        n.virgin_price,
        road_km,
        o.quantity.min(n.quantity),
    )
}

/// Calls `visit(offer, economics)` for every feasible offer of a need (which may be new),
/// found through the index.
pub fn feasible_offers_of(
    instance: &Instance,
    index: &SpatialIndex,
    n: &NeedFlow,
    rules: Rules,
    mut visit: impl FnMut(usize, PairEconomics),
) {
    let firm = &instance.firms[n.firm as usize];
    let at = sphere(firm.lat, firm.lon);
    let crow = n.max_road_km / instance.params.road_factor;
    for material in n.searched_materials() {
        for offer in index.offers_near(material, at, crow) {
            if let Ok(economics) = check_flows(instance, &instance.offers[offer], n, rules) {
                visit(offer, economics);
            }
        }
    }
}

/// Calls `visit(need, economics)` for every feasible need of an offer (which may be new),
/// found through the index.
pub fn feasible_needs_of(
    instance: &Instance,
    index: &SpatialIndex,
    o: &OfferFlow,
    rules: Rules,
    mut visit: impl FnMut(usize, PairEconomics),
) {
    let firm = &instance.firms[o.firm as usize];
    for need in index.needs_near(o.material, sphere(firm.lat, firm.lon)) {
        if let Ok(economics) = check_flows(instance, o, &instance.needs[need], rules) {
            visit(need, economics);
        }
    }
}
