//! Suggestions: the best feasible counterparts of one flow, ranked by net benefit per year,
//! each with its reasons. Only the flow's own neighbourhood is looked at (through the
//! spatial index), so a new or changed flow never recomputes the region.
//!
//! With a [`CaseHistory`], pairs like ones that were completed before rank higher and pairs
//! like ones declined before rank lower (the factor is documented in [`super::history`]);
//! the reasons then say so. Without history the ranking is by net benefit alone.
//!
//! The ranking is the technical fit × net benefit (× the history's factor). Pairs below
//! [`super::fit::MIN_FIT`] are not suggested. A pair known only by its code has the neutral
//! fit 0.5 for every counterpart, so halving every score keeps code-only rankings exactly as
//! they were (0.5 is a power of two: no rounding, no new ties).

use super::assess::{Assessment, assess};
use super::candidates::{Rules, feasible_needs_of, feasible_offers_of};
use super::economics::PairEconomics;
use super::fit;
use super::history::{CaseHistory, Outcomes, Verdict, section_of};
use super::index::SpatialIndex;
use super::instance::{Instance, MaterialKey, NeedFlow, OfferFlow};

mod reason;

pub use reason::{Reason, quoted};

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
    /// The technical fit (0.5 for a pair known only by its code) and the border procedure.
    pub assessment: Assessment,
}

/// One feasible counterpart before ranking: its index, economics and history.
struct Found {
    counterpart: usize,
    economics: PairEconomics,
    verdict: Option<Verdict>,
    assessment: Assessment,
}

impl Found {
    /// Technical fit × net benefit per year, times the history's factor.
    fn score(&self) -> f64 {
        let benefit = self.assessment.fit.score * self.economics.benefit_eur_per_year;
        match &self.verdict {
            Some(verdict) => benefit * verdict.factor,
            None => benefit,
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
        // The same record that sets the history's factor feeds the fit's history part.
        let record = verdict
            .as_ref()
            .map_or_else(fit::CaseHistory::default, |v| fit::CaseHistory {
                completed: v.same_material.completed,
                declined: v.same_material.declined,
            });
        // Feasible already (without history); with it the fit may fall below the minimum.
        if let Ok(assessment) = assess(instance, offer, need, record) {
            found.push(Found {
                counterpart,
                economics,
                verdict,
                assessment,
            });
        }
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
    if found.assessment.fit.is_informed() {
        reasons.push(Reason::Fit(found.assessment.fit));
    }
    if let Some(crossing) = found.assessment.crossing {
        reasons.push(Reason::CrossBorder(crossing));
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
        assessment: found.assessment,
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
