//! Loops and chains: multi-party exchanges in which A's residue feeds B, B's feeds C, and
//! (for a loop) the last firm's feeds A again, shown as one proposal.
//!
//! Method. A directed *firm graph* holds one node per firm (node index = firm index) and one
//! edge per ordered pair of firms: the best feasible offer→need pair between them (by benefit
//! per year, under the default [`Rules`](super::candidates::Rules)). Candidates come from the
//! spatial index, never from all pairs (see [`firm_graph`] for why from the needs' side).
//! Loops are elementary cycles of 2 to [`LoopSettings::max_len`] firms, found by a
//! depth-first search that starts only from the smallest firm of the cycle, enters only
//! larger firms and visits neighbours in ascending order, so every cycle is found exactly
//! once and already starts at its smallest firm. Chains are paths A→B→C of three distinct
//! firms whose closing edge C→A is not in the graph (otherwise they are a loop).
//!
//! Bound. Each firm keeps only its [`LoopSettings::per_firm`] best outgoing edges (default 8),
//! so the graph has at most `per_firm × firms` edges (800,000 on a 100,000-firm region, whose
//! ~30 M candidate pairs are visited once, in parallel). The search then walks at most
//! `per_firm^(max_len − 1)` paths per start firm (4,096 with the defaults; far fewer in
//! practice, since only larger firms are entered) and chains cost at most `per_firm²` per
//! start firm. A loop or chain through a link outside its firm's best `per_firm` is not found:
//! a deliberate trade of completeness for a bounded run time. Each search returns at most
//! [`LoopSettings::max_results`] proposals (default 50): the best by combined benefit, ties by
//! firm list — the same output on every run, whatever the number of threads. On the
//! 100,000-firm benchmark instance the graph takes a few seconds on two cores (almost all of
//! it visiting the candidate pairs), the loop search under a second, the chains less.
//!
//! Build the graph once with [`firm_graph`] and call [`loops_in`] and [`chains_in`] when both
//! are wanted; [`find_loops`] and [`find_chains`] build it themselves.

use petgraph::graph::{DiGraph, EdgeIndex};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;

use super::economics::PairEconomics;
use super::index::SpatialIndex;
use super::instance::Instance;

mod graph;

pub use graph::firm_graph;

/// One link of a loop or chain: `from_firm`'s offer feeds `to_firm`'s need.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoopLink {
    /// Index into [`Instance::offers`].
    pub offer: usize,
    /// Index into [`Instance::needs`].
    pub need: usize,
    /// Firm of the offer.
    pub from_firm: usize,
    /// Firm of the need.
    pub to_firm: usize,
    pub economics: PairEconomics,
}

/// A closed exchange among 2 to `max_len` (5) firms. `firms` starts at the smallest firm index;
/// `links[i]` goes from `firms[i]` to `firms[(i + 1) % len]`, so there are as many links as firms.
#[derive(Debug, Clone, PartialEq)]
pub struct Loop {
    pub firms: Vec<usize>,
    pub links: Vec<LoopLink>,
    /// Sum of the links' benefit per year, €.
    pub benefit_eur_per_year: f64,
}

/// An open exchange A→B→C among three distinct firms: `links[0]` is A→B, `links[1]` is B→C.
#[derive(Debug, Clone, PartialEq)]
pub struct Chain {
    pub firms: Vec<usize>,
    pub links: Vec<LoopLink>,
    /// Sum of the links' benefit per year, €.
    pub benefit_eur_per_year: f64,
}

/// Limits of the loop and chain search (see the module documentation for the bound).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoopSettings {
    /// Most firms in a loop (default 5); below 2 no loop is found.
    pub max_len: usize,
    /// Outgoing firm edges kept per firm, the best by benefit (default 8).
    pub per_firm: usize,
    /// Most loops, and most chains, returned (default 50).
    pub max_results: usize,
}

impl Default for LoopSettings {
    fn default() -> Self {
        LoopSettings {
            max_len: 5,
            per_firm: 8,
            max_results: 50,
        }
    }
}

/// The best loops, by combined benefit per year descending, ties by firm list.
pub fn find_loops(instance: &Instance, index: &SpatialIndex, settings: LoopSettings) -> Vec<Loop> {
    loops_in(&firm_graph(instance, index, settings.per_firm), settings)
}

/// The best chains A→B→C that do not close into a loop, by combined benefit per year
/// descending, ties by firm list. `settings.max_len` does not apply.
pub fn find_chains(
    instance: &Instance,
    index: &SpatialIndex,
    settings: LoopSettings,
) -> Vec<Chain> {
    chains_in(&firm_graph(instance, index, settings.per_firm), settings)
}

/// How many times more loops than reported a caller should rank before [`with_variety`].
pub const VARIETY_POOL: usize = 20;
/// Most loops kept by [`with_variety`] that share one firm-to-firm link.
pub const MAX_LOOPS_PER_LINK: usize = 2;

/// Keeps the best loops such that no firm-to-firm link appears in more than
/// [`MAX_LOOPS_PER_LINK`] of them, at most `max_results`: otherwise one lucrative link (say a
/// large heat exchange) fills a coordinator's list with variations of the same loop.
/// `ranked` must be best first, as [`loops_in`] returns them.
pub fn with_variety(ranked: Vec<Loop>, max_results: usize) -> Vec<Loop> {
    let mut uses: std::collections::HashMap<(usize, usize), usize> = Default::default();
    let mut chosen = Vec::new();
    for candidate in ranked {
        if chosen.len() == max_results {
            break;
        }
        let links = || candidate.links.iter().map(|l| (l.from_firm, l.to_firm));
        if links().all(|link| uses.get(&link).copied().unwrap_or(0) < MAX_LOOPS_PER_LINK) {
            for link in links() {
                *uses.entry(link).or_default() += 1;
            }
            chosen.push(candidate);
        }
    }
    chosen
}

/// [`find_loops`] on a firm graph built once for both searches; `settings.per_firm` was
/// applied when the graph was built.
pub fn loops_in(graph: &DiGraph<usize, LoopLink>, settings: LoopSettings) -> Vec<Loop> {
    let limit = settings.max_results;
    let adjacency = Adjacency::of(graph);
    (0..graph.node_count())
        .into_par_iter()
        .fold(
            || Best::new(limit),
            |mut best, start| {
                let mut path = vec![start];
                extend_cycles(&adjacency, &mut path, settings.max_len, &mut |cycle| {
                    let links = links_along(graph, &adjacency, cycle, true);
                    best.push(Loop {
                        firms: cycle.to_vec(),
                        benefit_eur_per_year: total_benefit(&links),
                        links,
                    });
                });
                best
            },
        )
        .reduce(|| Best::new(limit), Best::merge)
        .into_sorted()
}

/// [`find_chains`] on a firm graph built once for both searches; `settings.per_firm` was
/// applied when the graph was built.
pub fn chains_in(graph: &DiGraph<usize, LoopLink>, settings: LoopSettings) -> Vec<Chain> {
    let adjacency = Adjacency::of(graph);
    let limit = settings.max_results;
    (0..graph.node_count())
        .into_par_iter()
        .fold(
            || Best::new(limit),
            |mut best, a| {
                for &(b, _) in &adjacency.out[a] {
                    for &(c, _) in &adjacency.out[b] {
                        if c == a || adjacency.edge(c, a).is_some() {
                            continue;
                        }
                        let links = links_along(graph, &adjacency, &[a, b, c], false);
                        best.push(Chain {
                            firms: vec![a, b, c],
                            benefit_eur_per_year: total_benefit(&links),
                            links,
                        });
                    }
                }
                best
            },
        )
        .reduce(|| Best::new(limit), Best::merge)
        .into_sorted()
}

/// Outgoing edges of every firm, sorted by target firm, for ordered walks and edge look-ups.
struct Adjacency {
    out: Vec<Vec<(usize, EdgeIndex)>>,
}

impl Adjacency {
    fn of(graph: &DiGraph<usize, LoopLink>) -> Adjacency {
        let out = graph
            .node_indices()
            .map(|node| {
                let mut edges: Vec<(usize, EdgeIndex)> = graph
                    .edges(node)
                    .map(|e| (e.target().index(), e.id()))
                    .collect();
                edges.sort_unstable();
                edges
            })
            .collect();
        Adjacency { out }
    }

    fn edge(&self, from: usize, to: usize) -> Option<EdgeIndex> {
        let edges = &self.out[from];
        edges
            .binary_search_by_key(&to, |&(target, _)| target)
            .ok()
            .map(|i| edges[i].1)
    }
}

/// Calls `found` with every elementary cycle of at most `max_len` firms that continues `path`
/// through firms larger than `path[0]` and returns to it.
fn extend_cycles(
    adjacency: &Adjacency,
    path: &mut Vec<usize>,
    max_len: usize,
    found: &mut impl FnMut(&[usize]),
) {
    let start = path[0];
    let last = path[path.len() - 1];
    for &(next, _) in &adjacency.out[last] {
        if next == start {
            if path.len() >= 2 && path.len() <= max_len {
                found(path);
            }
        } else if next > start && path.len() < max_len && !path.contains(&next) {
            path.push(next);
            extend_cycles(adjacency, path, max_len, found);
            path.pop();
        }
    }
}

/// The graph's links along consecutive firms, and back to the first when `closed`.
fn links_along(
    graph: &DiGraph<usize, LoopLink>,
    adjacency: &Adjacency,
    firms: &[usize],
    closed: bool,
) -> Vec<LoopLink> {
    let steps = if closed { firms.len() } else { firms.len() - 1 };
    (0..steps)
        .map(|i| {
            let (from, to) = (firms[i], firms[(i + 1) % firms.len()]);
            let edge = adjacency.edge(from, to).expect("the walk follows edges");
            graph[edge]
        })
        .collect()
}

fn total_benefit(links: &[LoopLink]) -> f64 {
    links.iter().map(|l| l.economics.benefit_eur_per_year).sum()
}

/// What the ranking of loops and chains looks at.
trait Ranked {
    fn benefit(&self) -> f64;
    fn firms(&self) -> &[usize];
}

impl Ranked for Loop {
    fn benefit(&self) -> f64 {
        self.benefit_eur_per_year
    }
    fn firms(&self) -> &[usize] {
        &self.firms
    }
}

impl Ranked for Chain {
    fn benefit(&self) -> f64 {
        self.benefit_eur_per_year
    }
    fn firms(&self) -> &[usize] {
        &self.firms
    }
}

/// The `limit` best items seen. The order is total (no two proposals share a firm list), so
/// the result does not depend on how the work was split among threads.
struct Best<T> {
    limit: usize,
    items: Vec<T>,
}

impl<T: Ranked> Best<T> {
    fn new(limit: usize) -> Best<T> {
        Best {
            limit,
            items: Vec::new(),
        }
    }

    fn push(&mut self, item: T) {
        self.items.push(item);
        // Trim in batches, so that pushing stays amortised O(log limit).
        if self.items.len() >= self.limit.max(16).saturating_mul(2) {
            self.trim();
        }
    }

    fn merge(mut self, other: Best<T>) -> Best<T> {
        self.items.extend(other.items);
        self.trim();
        self
    }

    fn trim(&mut self) {
        self.items.sort_by(|a, b| {
            b.benefit()
                .total_cmp(&a.benefit())
                .then_with(|| a.firms().cmp(b.firms()))
        });
        self.items.truncate(self.limit);
    }

    fn into_sorted(mut self) -> Vec<T> {
        self.trim();
        self.items
    }
}

#[cfg(test)]
pub(super) mod testkit;
#[cfg(test)]
mod tests;
