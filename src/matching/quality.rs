//! The matching-quality benchmark (issue #11 item 6): the labelled pairs of
//! `fixtures/matching_quality/` judged by two matchers, the code-only one the region had
//! before (a pair is proposed when the need accepts the offer's code, nearest first) and the
//! fit matcher (hard rules, the cross-border procedure, then the technical fit, ranked by fit
//! × proximity). Scores: precision@5, nDCG@10, the same-code trap rate and legal false
//! positives and negatives.
//!
//! Only labelled pairs are ranked (a judged-set evaluation): a need's unlabelled offers are
//! unknown, not bad. Towns are placed by `places.csv` (town centres, to about a kilometre).

use std::collections::{BTreeMap, HashMap};

use super::economics::crow_km;
use super::fit::{CaseHistory, NeedSide, OfferSide, fit};
use crate::domain::cross_border::{Classification, Shipment, classify};
use crate::domain::hard_rules::infeasibilities;
use crate::domain::matching_quality::{BenchNeed, BenchOffer, Dataset, LabelledPair};
use crate::domain::material_class::Taxonomy;

const PLACES_CSV: &str = include_str!("../../fixtures/matching_quality/places.csv");

/// Road km from crow-fly km, as in the economics.
const ROAD_FACTOR: f64 = 1.3;

/// A pair counts as "near" at this road distance: proximity halves every 25 km.
const HALF_PROXIMITY_KM: f64 = 25.0;

/// The matchers compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matcher {
    /// A pair is proposed when the need accepts the offer's code; nearest first.
    CodeOnly,
    /// Hard rules and the border procedure first, then a minimum fit; fit × proximity.
    Fit,
}

/// What one matcher made of one labelled pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// Proposed to the need's firm.
    pub proposed: bool,
    /// Refused by a hard rule or the border procedure.
    pub legally_refused: bool,
    /// Higher ranks first.
    pub rank: f64,
}

/// The benchmark's figures for one matcher.
#[derive(Debug, Clone, PartialEq)]
pub struct Scores {
    /// Needs with at least one good pair (the ones precision and nDCG average over).
    pub needs: usize,
    /// Mean share of good pairs among the first five proposed (of those proposed, when fewer).
    pub precision_at_5: f64,
    /// Mean normalised discounted cumulative gain over the first ten proposed.
    pub ndcg_at_10: f64,
    /// Good pairs proposed.
    pub good_proposed: usize,
    /// Good pairs in the set.
    pub good: usize,
    /// Same-code traps proposed.
    pub traps_proposed: usize,
    /// Same-code traps in the set.
    pub traps: usize,
    /// Pairs the law or the receiver's hard terms refuse, proposed anyway (`offer -> need`).
    pub legal_false_positives: Vec<String>,
    /// Lawful pairs refused as unlawful (`offer -> need`).
    pub legal_false_negatives: Vec<String>,
}

impl Scores {
    /// Traps proposed per trap.
    pub fn trap_rate(&self) -> f64 {
        self.traps_proposed as f64 / self.traps.max(1) as f64
    }
}

/// Judges every labelled pair with `matcher` and scores the rankings.
pub fn evaluate(dataset: &Dataset, matcher: Matcher) -> Scores {
    let places = places();
    let judged: Vec<(&LabelledPair, Judgement)> = dataset
        .pairs
        .iter()
        .map(|pair| {
            let offer = &dataset.offers[&pair.offer];
            let need = &dataset.needs[&pair.need];
            (pair, judge(matcher, offer, need, &places))
        })
        .collect();
    let mut by_need: BTreeMap<&str, Vec<(&LabelledPair, &Judgement)>> = BTreeMap::new();
    for (pair, judgement) in &judged {
        by_need
            .entry(&pair.need)
            .or_default()
            .push((pair, judgement));
    }
    let (mut needs, mut precision, mut ndcg) = (0, 0.0, 0.0);
    for pairs in by_need.values() {
        let good = pairs.iter().filter(|(pair, _)| pair.good).count();
        if good == 0 {
            continue;
        }
        let ranking = ranked(pairs);
        needs += 1;
        precision += precision_at(&ranking, 5);
        ndcg += ndcg_at(&ranking, good, 10);
    }
    let label = |pair: &LabelledPair| format!("{} -> {}", pair.offer, pair.need);
    Scores {
        needs,
        precision_at_5: precision / needs.max(1) as f64,
        ndcg_at_10: ndcg / needs.max(1) as f64,
        good_proposed: judged.iter().filter(|(p, j)| p.good && j.proposed).count(),
        good: judged.iter().filter(|(p, _)| p.good).count(),
        traps_proposed: judged
            .iter()
            .filter(|(pair, j)| pair.trap.is_some() && j.proposed)
            .count(),
        traps: judged
            .iter()
            .filter(|(pair, _)| pair.trap.is_some())
            .count(),
        legal_false_positives: judged
            .iter()
            .filter(|(pair, j)| j.proposed && expected_unlawful(pair))
            .map(|(pair, _)| label(pair))
            .collect(),
        legal_false_negatives: judged
            .iter()
            .filter(|(pair, j)| j.legally_refused && !expected_unlawful(pair))
            .map(|(pair, _)| label(pair))
            .collect(),
    }
}

/// The labels say the law or the receiver's hard terms refuse this pair.
fn expected_unlawful(pair: &LabelledPair) -> bool {
    !pair.expected_hard.is_empty() || pair.expected_cross_border == "refused"
}

/// What `matcher` makes of one pair.
pub fn judge(
    matcher: Matcher,
    offer: &BenchOffer,
    need: &BenchNeed,
    places: &HashMap<String, (f64, f64)>,
) -> Judgement {
    let code_accepted = need.codes.contains(&offer.material);
    let proximity = proximity(places, offer, need);
    match matcher {
        Matcher::CodeOnly => Judgement {
            proposed: code_accepted,
            legally_refused: false,
            rank: proximity,
        },
        Matcher::Fit => {
            let class = Taxonomy::get().class(&offer.class);
            let hard = infeasibilities(class, &offer.descriptors, &need.descriptors);
            let procedure = classify(&Shipment {
                from: offer.country,
                to: need.country,
                material: &offer.material,
                class,
                offer: &offer.descriptors,
                treatment: need.descriptors.treatment,
            });
            let legally_refused = !hard.is_empty() || procedure == Classification::DisposalRefused;
            let class_accepted = class.is_some_and(|class| {
                need.descriptors
                    .accepted_classes
                    .iter()
                    .any(|key| key.covers(class))
            });
            let fit = fit(
                OfferSide {
                    material: &offer.material,
                    class,
                    descriptors: &offer.descriptors,
                    text: &offer.text,
                },
                NeedSide {
                    descriptors: &need.descriptors,
                    text: &need.text,
                },
                CaseHistory::default(),
            );
            Judgement {
                proposed: (code_accepted || class_accepted) && !legally_refused && fit.is_enough(),
                legally_refused,
                rank: fit.score * proximity,
            }
        }
    }
}

/// 1 next door, halving every [`HALF_PROXIMITY_KM`] of road.
fn proximity(places: &HashMap<String, (f64, f64)>, offer: &BenchOffer, need: &BenchNeed) -> f64 {
    let (Some(from), Some(to)) = (places.get(&offer.place), places.get(&need.place)) else {
        return 0.5;
    };
    let road_km = crow_km(from.0, from.1, to.0, to.1) * ROAD_FACTOR;
    0.5f64.powf(road_km / HALF_PROXIMITY_KM)
}

/// Town → (lat, lon) from the shipped file.
pub fn places() -> HashMap<String, (f64, f64)> {
    PLACES_CSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            let lat = fields.get(2)?.parse().ok()?;
            let lon = fields.get(3)?.parse().ok()?;
            Some((fields[0].to_string(), (lat, lon)))
        })
        .collect()
}

/// The proposed pairs' labels (true = good), best rank first; ties by offer id.
fn ranked(pairs: &[(&LabelledPair, &Judgement)]) -> Vec<bool> {
    let mut proposed: Vec<&(&LabelledPair, &Judgement)> =
        pairs.iter().filter(|(_, j)| j.proposed).collect();
    proposed.sort_by(|a, b| {
        b.1.rank
            .total_cmp(&a.1.rank)
            .then(a.0.offer.cmp(&b.0.offer))
    });
    proposed.iter().map(|(pair, _)| pair.good).collect()
}

/// Share of good pairs among the first `k` proposed (of all proposed when fewer); 0 when
/// nothing is proposed.
pub fn precision_at(ranking: &[bool], k: usize) -> f64 {
    let shown = ranking.len().min(k);
    if shown == 0 {
        return 0.0;
    }
    ranking[..shown].iter().filter(|good| **good).count() as f64 / shown as f64
}

/// nDCG at `k` with gain 1 for a good pair, against the ideal ranking of `good` good pairs.
pub fn ndcg_at(ranking: &[bool], good: usize, k: usize) -> f64 {
    let discount = |position: usize| 1.0 / (position as f64 + 2.0).log2();
    let dcg: f64 = ranking
        .iter()
        .take(k)
        .enumerate()
        .filter(|(_, good)| **good)
        .map(|(position, _)| discount(position))
        .sum();
    let ideal: f64 = (0..good.min(k)).map(discount).sum();
    if ideal == 0.0 { 0.0 } else { dcg / ideal }
}

#[cfg(test)]
mod tests;
