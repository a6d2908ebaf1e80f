//! The firm graph: one edge per ordered pair of firms, the best feasible pair between them,
//! and only each firm's best outgoing edges.
//!
//! Candidates are generated from the needs' side ([`feasible_offers_of`]): each need asks the
//! index within its own collection radius, so every feasible pair is visited once. Asking
//! from the offers' side ([`crate::matching::candidates::feasible_needs_of`]) has to use the
//! largest radius of any need of the material, which on a country-wide instance with a few
//! long-range receivers visits most of all pairs (minutes instead of seconds on 100,000
//! firms). Each receiving firm is handled in one piece, so the best pair per ordered firm
//! pair is exact; the `per_firm` best outgoing links are then kept per sending firm, merged
//! across threads by a total order, so the graph does not depend on the thread count.

use std::cmp::Ordering;

use petgraph::graph::{DiGraph, NodeIndex};
use rayon::prelude::*;

use super::LoopLink;
use crate::matching::candidates::{Rules, check_pair, feasible_offers_of};
use crate::matching::index::SpatialIndex;
use crate::matching::instance::Instance;

/// A feasible pair in 24 bytes: 30 M of them pass through while the graph is built.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    benefit_eur_per_year: f64,
    from_firm: u32,
    to_firm: u32,
    offer: u32,
    need: u32,
}

/// The firm graph both searches run on: node `i` is firm `i`; an edge A→B carries the best
/// feasible pair from an offer of A to a need of B (by benefit per year, ties by offer and
/// need index), and each firm keeps its `per_firm` best outgoing edges (ties by target firm).
///
/// Candidates come from the needs' side, each need within its own radius: from the offers'
/// side the index must use the largest radius of any need of the material, which visits
/// most of all pairs on a country-wide region.
pub fn firm_graph(
    instance: &Instance,
    index: &SpatialIndex,
    per_firm: usize,
) -> DiGraph<usize, LoopLink> {
    let mut graph = DiGraph::with_capacity(instance.firms.len(), instance.firms.len() * per_firm);
    for firm in 0..instance.firms.len() {
        graph.add_node(firm);
    }
    for candidate in best_outgoing(instance, index, per_firm)
        .into_iter()
        .flatten()
    {
        let (offer, need) = (candidate.offer as usize, candidate.need as usize);
        let economics =
            check_pair(instance, offer, need, Rules::default()).expect("a candidate is feasible");
        let link = LoopLink {
            offer,
            need,
            from_firm: candidate.from_firm as usize,
            to_firm: candidate.to_firm as usize,
            economics,
        };
        graph.add_edge(
            NodeIndex::new(link.from_firm),
            NodeIndex::new(link.to_firm),
            link,
        );
    }
    graph
}

/// The `per_firm` best outgoing candidates of every firm, best first. Receiving firms are
/// split into a few chunks per thread, each with its own per-sender lists, merged at the end
/// (a fixed number of chunks keeps the memory bounded whatever the scheduler does).
fn best_outgoing(
    instance: &Instance,
    index: &SpatialIndex,
    per_firm: usize,
) -> Vec<Vec<Candidate>> {
    let firms = instance.firms.len();
    let mut needs_of: Vec<Vec<usize>> = vec![Vec::new(); firms];
    for (need, n) in instance.needs.iter().enumerate() {
        needs_of[n.firm as usize].push(need);
    }
    needs_of.retain(|needs| !needs.is_empty());
    let chunk = needs_of
        .len()
        .div_ceil(4 * rayon::current_num_threads())
        .max(1);
    let parts: Vec<Outgoing> = needs_of
        .par_chunks(chunk)
        .map(|receivers| {
            let mut outgoing = Outgoing::new(firms, per_firm);
            let mut candidates = Vec::new();
            for needs in receivers {
                best_into(instance, index, needs, &outgoing.floor, &mut candidates);
                candidates.drain(..).for_each(|c| outgoing.offer(c));
            }
            outgoing
        })
        .collect();
    let mut parts = parts.into_iter();
    let mut outgoing = parts
        .next()
        .unwrap_or_else(|| Outgoing::new(firms, per_firm));
    for part in parts {
        part.lists
            .into_iter()
            .flatten()
            .for_each(|c| outgoing.offer(c));
    }
    outgoing.lists
}

/// The best outgoing candidates per sending firm, each list sorted by [`out_rank`].
struct Outgoing {
    per_firm: usize,
    lists: Vec<Vec<Candidate>>,
    /// Benefit of the last kept candidate of a full list, −∞ otherwise. Most candidates
    /// fall below it, and this small array stays in cache where the lists would not.
    floor: Vec<f64>,
}

impl Outgoing {
    fn new(firms: usize, per_firm: usize) -> Outgoing {
        Outgoing {
            per_firm,
            lists: vec![Vec::new(); firms],
            floor: vec![f64::NEG_INFINITY; firms],
        }
    }

    /// Keeps a candidate if it ranks among its sender's best.
    fn offer(&mut self, candidate: Candidate) {
        let from = candidate.from_firm as usize;
        if candidate.benefit_eur_per_year < self.floor[from] {
            return;
        }
        let kept = &mut self.lists[from];
        let at = kept.partition_point(|k| out_rank(k, &candidate) == Ordering::Less);
        if at < self.per_firm {
            kept.insert(at, candidate);
            kept.truncate(self.per_firm);
            if kept.len() == self.per_firm {
                self.floor[from] = kept[self.per_firm - 1].benefit_eur_per_year;
            }
        }
    }
}

/// The best candidate from each firm that feeds the given needs (all of one firm), into
/// `candidates` (empty on entry; a buffer reused across firms). Candidates below their
/// sender's `floor` could never be kept and are skipped early.
fn best_into(
    instance: &Instance,
    index: &SpatialIndex,
    needs: &[usize],
    floor: &[f64],
    candidates: &mut Vec<Candidate>,
) {
    for &need in needs {
        let n = &instance.needs[need];
        feasible_offers_of(instance, index, n, Rules::default(), |offer, economics| {
            let from_firm = instance.offers[offer].firm;
            if economics.benefit_eur_per_year < floor[from_firm as usize] {
                return;
            }
            candidates.push(Candidate {
                benefit_eur_per_year: economics.benefit_eur_per_year,
                from_firm,
                to_firm: n.firm,
                offer: offer as u32,
                need: need as u32,
            });
        });
    }
    // The R-tree's visiting order is not the index order: rank explicitly, keep the first.
    candidates.sort_unstable_by(|a, b| a.from_firm.cmp(&b.from_firm).then_with(|| pair_rank(a, b)));
    candidates.dedup_by_key(|c| c.from_firm);
}

/// Better pair between the same two firms first: higher benefit, then lower offer and need.
fn pair_rank(a: &Candidate, b: &Candidate) -> Ordering {
    b.benefit_eur_per_year
        .total_cmp(&a.benefit_eur_per_year)
        .then(a.offer.cmp(&b.offer))
        .then(a.need.cmp(&b.need))
}

/// Better outgoing edge of one firm first: higher benefit, then lower target firm.
fn out_rank(a: &Candidate, b: &Candidate) -> Ordering {
    b.benefit_eur_per_year
        .total_cmp(&a.benefit_eur_per_year)
        .then(a.to_firm.cmp(&b.to_firm))
}
