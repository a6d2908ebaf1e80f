//! Suggestions: the best feasible counterparts of one flow, ranked by net benefit per year,
//! each with its reasons. Only the flow's own neighbourhood is looked at (through the
//! spatial index), so a new or changed flow never recomputes the region.
//!
//! With a [`CaseHistory`], pairs like ones that were completed before rank higher and pairs
//! like ones declined before rank lower (the factor is documented in [`super::history`]);
//! the reasons then say so. Without history the ranking is by net benefit alone.

use std::fmt;

use super::candidates::{Rules, feasible_needs_of, feasible_offers_of};
use super::economics::PairEconomics;
use super::history::{CaseHistory, Outcomes, Verdict, section_of};
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
    /// Earlier exchanges from the supplier's sector to the receiver's were completed: of this
    /// material, or of others. `raised` is what they add to the ranking (0.3 = +30 %).
    WorkedBefore {
        completed: u32,
        same_material: bool,
        supplier: char,
        receiver: char,
        raised: f64,
    },
    /// Earlier exchanges from the supplier's sector to the receiver's were declined, with the
    /// most recent reasons given. `lowered` is what they take off the ranking (0.2 = −20 %).
    DeclinedBefore {
        declined: u32,
        same_material: bool,
        supplier: char,
        receiver: char,
        reasons: Vec<String>,
        lowered: f64,
    },
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
            Reason::WorkedBefore {
                completed,
                same_material,
                supplier,
                receiver,
                raised,
            } => write!(
                f,
                "worked before: {completed} completed exchange(s) of {} between these sectors ({supplier} → {receiver}); ranking +{:.0}%",
                if *same_material {
                    "this material"
                } else {
                    "other materials"
                },
                raised * 100.0
            ),
            Reason::DeclinedBefore {
                declined,
                same_material,
                supplier,
                receiver,
                reasons,
                lowered,
            } => write!(
                f,
                "declined before: {} — {declined} time(s) for {} between these sectors ({supplier} → {receiver}); ranking −{:.0}%",
                quoted(reasons),
                if *same_material {
                    "this material"
                } else {
                    "other materials"
                },
                lowered * 100.0
            ),
        }
    }
}

/// `“too wet”, “too far”`: decline reasons as quoted text.
pub fn quoted(reasons: &[String]) -> String {
    (reasons.iter())
        .map(|r| format!("“{r}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One suggested counterpart.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Index of the counterpart: a need when suggesting for an offer, and vice versa.
    pub counterpart: usize,
    pub counterpart_id: String,
    pub economics: PairEconomics,
    pub reasons: Vec<Reason>,
    /// The factor earlier exchanges put on the ranking score (the benefit per year);
    /// exactly 1 without history.
    pub ranking: f64,
}

/// One feasible counterpart before ranking: its index, economics and history.
struct Found {
    counterpart: usize,
    economics: PairEconomics,
    verdict: Option<Verdict>,
}

impl Found {
    /// Net benefit per year, times the history's factor.
    fn score(&self) -> f64 {
        match &self.verdict {
            Some(verdict) => self.economics.benefit_eur_per_year * verdict.factor,
            None => self.economics.benefit_eur_per_year,
        }
    }
}

/// The `top` best counterparts of a flow by net benefit, best first; ties broken by
/// counterpart index.
pub fn suggest(
    instance: &Instance,
    index: &SpatialIndex,
    flow: FlowRef<'_>,
    rules: Rules,
    top: usize,
) -> Vec<Suggestion> {
    suggest_with_history(instance, index, flow, rules, top, &CaseHistory::default())
}

/// The `top` best counterparts of a flow, best first, ranked by net benefit times the factor
/// of the case history; ties broken by counterpart index. An empty history gives exactly
/// [`suggest`]'s answer.
pub fn suggest_with_history(
    instance: &Instance,
    index: &SpatialIndex,
    flow: FlowRef<'_>,
    rules: Rules,
    top: usize,
    history: &CaseHistory,
) -> Vec<Suggestion> {
    let mut found = feasible(instance, index, flow, rules, history);
    let by_rank = |a: &Found, b: &Found| {
        (b.score().total_cmp(&a.score())).then(a.counterpart.cmp(&b.counterpart))
    };
    if found.len() > top && top > 0 {
        found.select_nth_unstable_by(top - 1, by_rank);
        found.truncate(top);
    }
    found.sort_by(by_rank);
    found.truncate(top);
    (found.into_iter())
        .map(|found| suggestion(instance, flow, found))
        .collect()
}

/// Every feasible counterpart of a flow, with what the history says about each (nothing is
/// looked up when the history is empty).
fn feasible(
    instance: &Instance,
    index: &SpatialIndex,
    flow: FlowRef<'_>,
    rules: Rules,
    history: &CaseHistory,
) -> Vec<Found> {
    let sector = |firm: u32| section_of(instance.firms[firm as usize].nace.as_deref());
    let mut found: Vec<Found> = Vec::new();
    let mut push = |counterpart: usize, economics: PairEconomics| {
        let (offer, need) = pair(instance, flow, counterpart);
        let verdict = (!history.is_empty())
            .then(|| {
                let pair = (offer.id.as_str(), need.id.as_str());
                history.verdict_of_pair(pair, offer.material, sector(offer.firm), sector(need.firm))
            })
            .flatten();
        found.push(Found {
            counterpart,
            economics,
            verdict,
        });
    };
    match flow {
        FlowRef::Offer(offer) => feasible_needs_of(instance, index, offer, rules, &mut push),
        FlowRef::Need(need) => feasible_offers_of(instance, index, need, rules, &mut push),
    }
    found
}

/// A ranked counterpart with its reasons, the history's last.
fn suggestion(instance: &Instance, flow: FlowRef<'_>, found: Found) -> Suggestion {
    let (offer, need) = pair(instance, flow, found.counterpart);
    let mut reasons = reasons(offer, need, &found.economics);
    if let Some(verdict) = &found.verdict {
        reasons.extend(history_reasons(verdict));
    }
    Suggestion {
        counterpart: found.counterpart,
        counterpart_id: match flow {
            FlowRef::Offer(_) => need.id.clone(),
            FlowRef::Need(_) => offer.id.clone(),
        },
        reasons,
        economics: found.economics,
        ranking: found.verdict.map_or(1.0, |v| v.factor),
    }
}

/// The offer and the need of a flow and one of its counterparts.
fn pair<'a>(
    instance: &'a Instance,
    flow: FlowRef<'a>,
    counterpart: usize,
) -> (&'a OfferFlow, &'a NeedFlow) {
    match flow {
        FlowRef::Offer(offer) => (offer, &instance.needs[counterpart]),
        FlowRef::Need(need) => (&instance.offers[counterpart], need),
    }
}

/// What the history says, as reasons: the same material first, then other materials.
fn history_reasons(verdict: &Verdict) -> Vec<Reason> {
    use super::history::{
        COMPLETED_SAME_MATERIAL, COMPLETED_SAME_SECTORS, DECLINED_SAME_MATERIAL,
        DECLINED_SAME_SECTORS, boost,
    };
    let levels: [(&Outcomes, bool, f64, f64); 2] = [
        (
            &verdict.same_material,
            true,
            COMPLETED_SAME_MATERIAL,
            DECLINED_SAME_MATERIAL,
        ),
        (
            &verdict.same_sectors,
            false,
            COMPLETED_SAME_SECTORS,
            DECLINED_SAME_SECTORS,
        ),
    ];
    let (supplier, receiver) = (verdict.supplier, verdict.receiver);
    let mut said = Vec::new();
    for (outcomes, same_material, completed_weight, declined_weight) in levels {
        if outcomes.completed > 0 {
            said.push(Reason::WorkedBefore {
                completed: outcomes.completed,
                same_material,
                supplier,
                receiver,
                raised: boost(completed_weight, outcomes.completed),
            });
        }
        if outcomes.declined > 0 {
            said.push(Reason::DeclinedBefore {
                declined: outcomes.declined,
                same_material,
                supplier,
                receiver,
                reasons: outcomes.decline_reasons.clone(),
                lowered: boost(declined_weight, outcomes.declined),
            });
        }
    }
    said
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
