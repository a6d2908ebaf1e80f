//! Suggestions: the best feasible counterparts of one flow, ranked by net benefit per year,
//! each with its reasons. Only the flow's own neighbourhood is looked at (through the
//! spatial index), so a new or changed flow never recomputes the region.

use std::fmt;

use super::candidates::{Rules, feasible_needs_of, feasible_offers_of};
use super::economics::PairEconomics;
use super::index::SpatialIndex;
use super::instance::{Instance, MaterialKey, NeedFlow, OfferFlow};
use crate::domain::Unit;

/// One flow of the instance, or a new one that is not in it yet.
#[derive(Debug, Clone, Copy)]
pub enum FlowRef<'a> {
    Offer(&'a OfferFlow),
    Need(&'a NeedFlow),
}

impl<'a> FlowRef<'a> {
    /// The flow with this id, offers first.
    pub fn find(instance: &'a Instance, id: &str) -> Option<FlowRef<'a>> {
        instance
            .offers
            .iter()
            .find(|o| o.id == id)
            .map(FlowRef::Offer)
            .or_else(|| {
                instance
                    .needs
                    .iter()
                    .find(|n| n.id == id)
                    .map(FlowRef::Need)
            })
    }
}

/// Why a suggestion is made: the facts a user checks.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The receiver accepts this material.
    Accepted {
        material: &'static str,
        hazardous: bool,
    },
    /// The distance, within the receiver's limit.
    Distance { road_km: f64, max_road_km: f64 },
    /// How much fits both sides per year.
    Quantity {
        fits: f64,
        offered: f64,
        needed: f64,
        unit: Unit,
    },
    /// Where the money comes from, per unit.
    Money {
        disposal: f64,
        virgin: f64,
        transport: f64,
        benefit: f64,
        unit: Unit,
    },
    /// CO₂ per year: avoided by substitution and emitted by transport.
    Co2 { avoided_kg: f64, transport_kg: f64 },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Accepted {
                material,
                hazardous: false,
            } => {
                write!(f, "the receiver accepts {material}")
            }
            Reason::Accepted {
                material,
                hazardous: true,
            } => write!(
                f,
                "the receiver accepts {material} and is licensed for hazardous waste"
            ),
            Reason::Distance {
                road_km,
                max_road_km,
            } => {
                write!(
                    f,
                    "{road_km:.1} km by road (receiver collects up to {max_road_km:.0} km)"
                )
            }
            Reason::Quantity {
                fits,
                offered,
                needed,
                unit,
            } => write!(
                f,
                "{fits:.1} {unit}/yr fits (offered {offered:.1}, needed {needed:.1})"
            ),
            Reason::Money {
                disposal,
                virgin,
                transport,
                benefit,
                unit,
            } => write!(
                f,
                "€{disposal:.2} disposal avoided + €{virgin:.2} virgin input replaced − €{transport:.2} transport = €{benefit:.2} per {unit}"
            ),
            Reason::Co2 {
                avoided_kg,
                transport_kg,
            } => write!(
                f,
                "CO₂ {:.1} t/yr avoided, {:.1} t/yr emitted by transport",
                avoided_kg / 1000.0,
                transport_kg / 1000.0
            ),
        }
    }
}

/// One suggested counterpart.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Index of the counterpart: a need when suggesting for an offer, and vice versa.
    pub counterpart: usize,
    pub counterpart_id: String,
    pub economics: PairEconomics,
    pub reasons: Vec<Reason>,
}

/// The `top` best counterparts of a flow, best first; ties broken by counterpart index.
pub fn suggest(
    instance: &Instance,
    index: &SpatialIndex,
    flow: FlowRef<'_>,
    rules: Rules,
    top: usize,
) -> Vec<Suggestion> {
    let mut found: Vec<(usize, PairEconomics)> = Vec::new();
    match flow {
        FlowRef::Offer(offer) => {
            feasible_needs_of(instance, index, offer, rules, |n, e| found.push((n, e)))
        }
        FlowRef::Need(need) => {
            feasible_offers_of(instance, index, need, rules, |o, e| found.push((o, e)))
        }
    }
    let by_rank = |a: &(usize, PairEconomics), b: &(usize, PairEconomics)| {
        b.1.benefit_eur_per_year
            .total_cmp(&a.1.benefit_eur_per_year)
            .then(a.0.cmp(&b.0))
    };
    if found.len() > top && top > 0 {
        found.select_nth_unstable_by(top - 1, by_rank);
        found.truncate(top);
    }
    found.sort_by(by_rank);
    found.truncate(top);
    found
        .into_iter()
        .map(|(counterpart, economics)| {
            let (offer, need) = match flow {
                FlowRef::Offer(offer) => (offer, &instance.needs[counterpart]),
                FlowRef::Need(need) => (&instance.offers[counterpart], need),
            };
            Suggestion {
                counterpart,
                counterpart_id: match flow {
                    FlowRef::Offer(_) => need.id.clone(),
                    FlowRef::Need(_) => offer.id.clone(),
                },
                reasons: reasons(offer, need, &economics),
                economics,
            }
        })
        .collect()
}

fn reasons(offer: &OfferFlow, need: &NeedFlow, economics: &PairEconomics) -> Vec<Reason> {
    let material: MaterialKey = offer.material;
    vec![
        Reason::Accepted {
            material: material.code(),
            hazardous: offer.hazardous,
        },
        Reason::Distance {
            road_km: economics.road_km,
            max_road_km: need.max_road_km,
        },
        Reason::Quantity {
            fits: economics.quantity,
            offered: offer.quantity,
            needed: need.quantity,
            unit: offer.unit,
        },
        Reason::Money {
            disposal: economics.disposal_eur_per_unit,
            virgin: economics.virgin_eur_per_unit,
            transport: economics.transport_eur_per_unit,
            benefit: economics.benefit_eur_per_unit,
            unit: offer.unit,
        },
        Reason::Co2 {
            avoided_kg: economics.co2_avoided_kg_per_year,
            transport_kg: economics.co2_transport_kg_per_year,
        },
    ]
}
