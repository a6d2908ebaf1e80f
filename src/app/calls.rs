//! "Next best calls": the region's most valuable suggestions that nobody has acted on yet.
//!
//! They are the snapshot's one-to-one suggestions (the rules of `/matches`: feasible, and the
//! offer alone reaches the receiver's smallest lot), ranked over the whole region by net
//! benefit per year. The region plan would start from the same feasible pairs and then solve a
//! min-cost flow over all of them, which takes seconds on a large region; ranking the pairs
//! takes one pass over them, on both cores, keeping only the best in memory.
//!
//! That pass is made once per snapshot: its best [`RANKED`] pairs are kept beside the snapshot
//! (in [`App::derived`]) until the snapshot changes, and each request filters them (pairs with
//! an exchange, municipality, sector). Only when the kept pairs run out before [`SHOWN`] calls
//! are found (many acted on, or a narrow filter) is every pair ranked again for that request.

mod overview;

use std::cmp::Ordering;
use std::collections::HashSet;
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;

use super::App;
use super::derived::PerSnapshot;
use super::region::Snapshot;
use crate::matching::candidates::{Rules, feasible_needs_of};
use crate::matching::economics::PairEconomics;

pub use overview::{CallsOverview, FilterRefused, OverviewError, chosen_filters, overview};

/// Calls shown on the overview.
pub const SHOWN: usize = 20;
/// Pairs kept per snapshot: enough for the overview's filters and the exchanges opened from
/// it, so that a narrower list rarely needs a new pass.
pub const RANKED: usize = 500;

/// A suggested pair: indices into the snapshot's offers and needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Call {
    /// The offer's index in the snapshot's instance.
    pub offer: usize,
    /// The need's index in the snapshot's instance.
    pub need: usize,
    /// What the pair is worth.
    pub economics: PairEconomics,
}

/// Which calls a request wants.
#[derive(Debug, Clone, Default)]
pub struct Wanted {
    /// `(offer id, need id)` of the pairs that already have an exchange (declined included).
    pub excluded: HashSet<(String, String)>,
    /// Only pairs with a firm in this municipality…
    pub municipality: Option<String>,
    /// …and/or of this NACE section (the same firm must pass both).
    pub section: Option<char>,
}

/// The best calls for a request, best first: at most [`SHOWN`]. Filtering the ranking kept
/// for this snapshot takes microseconds and is done here; ranking takes the cores for a while
/// and is done off the async threads.
pub async fn best_calls(
    app: &App,
    snapshot: &Arc<Snapshot>,
    wanted: Wanted,
) -> Result<Vec<Call>, tokio::task::JoinError> {
    let kept = &app.derived.call_ranking;
    if let Some(calls) = kept_calls(kept, snapshot, &wanted) {
        return Ok(calls);
    }
    let (ranked_on, today) = (snapshot.clone(), app.today());
    let derived = app.derived.clone();
    tokio::task::spawn_blocking(move || {
        next_best_calls(&derived.call_ranking, &ranked_on, &wanted, today)
    })
    .await
}

/// The best calls for a request from the ranking kept for this snapshot, when that ranking
/// answers it: a pass over [`RANKED`] pairs at most, cheap enough for the async threads.
/// `None` when the snapshot has no ranking yet or too few of its pairs pass the request's
/// filters: then [`next_best_calls`] must rank, off the async threads.
pub fn kept_calls(
    kept: &PerSnapshot<Vec<Call>>,
    snapshot: &Arc<Snapshot>,
    wanted: &Wanted,
) -> Option<Vec<Call>> {
    let ranked = kept.get(snapshot)?;
    from_ranking(&ranked, snapshot, &Admission::new(snapshot, wanted))
}

/// The best calls for a request, best first: at most [`SHOWN`]. The snapshot's ranking is
/// made and kept if it was not yet. CPU work: call it off the async threads.
pub fn next_best_calls(
    kept: &PerSnapshot<Vec<Call>>,
    snapshot: &Arc<Snapshot>,
    wanted: &Wanted,
    today: NaiveDate,
) -> Vec<Call> {
    let admission = Admission::new(snapshot, wanted);
    let ranked = kept.get_or_make(snapshot, |snapshot| {
        best_pairs(snapshot, today, RANKED, |_| true)
    });
    from_ranking(&ranked, snapshot, &admission).unwrap_or_else(|| {
        best_pairs(snapshot, today, SHOWN, |call| {
            admission.admits(&snapshot.instance, call)
        })
    })
}

/// Which calls pass a request's filters.
struct Admission {
    /// `(offer, need)` indices of the pairs that have an exchange.
    excluded: HashSet<(usize, usize)>,
    /// Per firm index: in the municipality and section asked for.
    concerned: Vec<bool>,
}

impl Admission {
    fn new(snapshot: &Snapshot, wanted: &Wanted) -> Admission {
        let excluded = (wanted.excluded.iter())
            .filter_map(|(offer, need)| {
                Some((
                    *snapshot.offer_index.get(offer)?,
                    *snapshot.need_index.get(need)?,
                ))
            })
            .collect();
        let concerned = (snapshot.instance.firms.iter())
            .map(|firm| {
                let section = firm.nace.as_deref().and_then(|n| n.chars().next());
                wanted
                    .municipality
                    .as_deref()
                    .is_none_or(|m| firm.municipality == m)
                    && wanted
                        .section
                        .is_none_or(|s| section.map(|c| c.to_ascii_uppercase()) == Some(s))
            })
            .collect();
        Admission {
            excluded,
            concerned,
        }
    }

    fn admits(&self, instance: &crate::matching::Instance, call: &Call) -> bool {
        let supplier = instance.offers[call.offer].firm as usize;
        let receiver = instance.needs[call.need].firm as usize;
        !self.excluded.contains(&(call.offer, call.need))
            && (self.concerned[supplier] || self.concerned[receiver])
    }
}

/// The first [`SHOWN`] ranked calls the request admits; `None` when there are fewer and the
/// ranking does not hold every feasible pair of the region (others may be admitted).
fn from_ranking(ranked: &[Call], snapshot: &Snapshot, admission: &Admission) -> Option<Vec<Call>> {
    let calls: Vec<Call> = ranked
        .iter()
        .filter(|call| admission.admits(&snapshot.instance, call))
        .take(SHOWN)
        .copied()
        .collect();
    (calls.len() == SHOWN || ranked.len() < RANKED).then_some(calls)
}

/// The `limit` best feasible pairs that `admits` lets through, best first; ties by offer,
/// then need, so the list is the same on every run.
fn best_pairs(
    snapshot: &Snapshot,
    today: NaiveDate,
    limit: usize,
    admits: impl Fn(&Call) -> bool + Sync,
) -> Vec<Call> {
    let instance = &snapshot.instance;
    let rules = Rules {
        as_of: Some(today),
        enforce_min_lot: true,
    };
    (0..instance.offers.len())
        .into_par_iter()
        .fold(
            || Best::new(limit),
            |mut best, offer| {
                let flow = &instance.offers[offer];
                feasible_needs_of(instance, &snapshot.index, flow, rules, |need, economics| {
                    let call = Call {
                        offer,
                        need,
                        economics,
                    };
                    if admits(&call) {
                        best.push(call);
                    }
                });
                best
            },
        )
        .reduce(|| Best::new(limit), Best::merge)
        .into_sorted()
}

/// Better calls sort first: more € per year, then lower offer and need index.
fn ranked_order(a: &Call, b: &Call) -> Ordering {
    (b.economics.benefit_eur_per_year)
        .total_cmp(&a.economics.benefit_eur_per_year)
        .then(a.offer.cmp(&b.offer))
        .then(a.need.cmp(&b.need))
}

/// The best `limit` calls seen so far, in memory proportional to `limit`: the list is cut
/// back to the best `limit` whenever it doubles.
struct Best {
    limit: usize,
    calls: Vec<Call>,
}

impl Best {
    fn new(limit: usize) -> Best {
        Best {
            limit: limit.max(1),
            calls: Vec::new(),
        }
    }

    fn push(&mut self, call: Call) {
        self.calls.push(call);
        if self.calls.len() >= 2 * self.limit {
            self.cut();
        }
    }

    fn cut(&mut self) {
        if self.calls.len() > self.limit {
            self.calls
                .select_nth_unstable_by(self.limit - 1, ranked_order);
            self.calls.truncate(self.limit);
        }
    }

    fn merge(mut self, other: Best) -> Best {
        for call in other.calls {
            self.push(call);
        }
        self
    }

    fn into_sorted(mut self) -> Vec<Call> {
        self.cut();
        self.calls.sort_by(ranked_order);
        self.calls
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(offer: usize, eur: f64) -> Call {
        Call {
            offer,
            need: 0,
            economics: PairEconomics {
                road_km: 1.0,
                quantity: 1.0,
                disposal_eur_per_unit: 0.0,
                virgin_eur_per_unit: 0.0,
                transport_eur_per_unit: 0.0,
                benefit_eur_per_unit: eur,
                benefit_eur_per_year: eur,
                co2_avoided_kg_per_year: 0.0,
                co2_transport_kg_per_year: 0.0,
            },
        }
    }

    #[test]
    fn the_best_keeps_the_highest_values_in_order_with_ties_by_index() {
        let mut best = Best::new(3);
        for (offer, eur) in [(0, 5.0), (1, 9.0), (2, 1.0), (3, 9.0), (4, 7.0), (5, 2.0)] {
            best.push(call(offer, eur));
        }
        let mut other = Best::new(3);
        other.push(call(6, 8.0));

        let kept: Vec<usize> = best
            .merge(other)
            .into_sorted()
            .iter()
            .map(|c| c.offer)
            .collect();

        assert_eq!(kept, vec![1, 3, 6]);
    }
}
