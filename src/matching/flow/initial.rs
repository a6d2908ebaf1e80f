//! LEMON's heuristic initial pivots: before block search starts, pivot in arcs that are
//! likely in the optimal tree, so that the first pivots move real flow instead of shuffling
//! big-M artificial flow.

use super::FlowError;
use super::network_simplex::NetworkSimplex;

impl NetworkSimplex {
    /// With one source and one sink, pivots in a path of arcs wide enough for the whole
    /// supply (found backwards from the sink); otherwise the cheapest arc into each demand
    /// node. Arcs that do not violate optimality when their turn comes are skipped.
    pub(super) fn initial_pivots(&mut self) -> Result<(), FlowError> {
        let sources: Vec<usize> = (0..self.n).filter(|&u| self.supply[u] > 0).collect();
        let sinks: Vec<usize> = (0..self.n).filter(|&u| self.supply[u] < 0).collect();
        // Saturating: only the comparison with arc capacities matters.
        let total = sources
            .iter()
            .fold(0i64, |sum, &u| sum.saturating_add(self.supply[u]));
        if total == 0 {
            return Ok(());
        }
        let arcs = if let ([s], [t]) = (sources.as_slice(), sinks.as_slice()) {
            self.wide_arcs_towards(*t, *s, total)
        } else {
            self.cheapest_arcs_into(&sinks)
        };
        for in_arc in arcs {
            let rc = self.cost[in_arc] + self.pi[self.source[in_arc] as usize]
                - self.pi[self.target[in_arc] as usize];
            if i64::from(self.state[in_arc]) * rc < 0 {
                self.pivot(in_arc)?;
            }
        }
        Ok(())
    }

    /// Depth-first search backwards from `sink` over arcs of capacity `>= total`, stopping
    /// at `source`; returns the tree arcs of the search in discovery order.
    fn wide_arcs_towards(&self, sink: usize, source: usize, total: i64) -> Vec<usize> {
        let (first_in, in_arcs) = self.incoming_arcs();
        let mut reached = vec![false; self.n];
        let mut stack = vec![sink];
        let mut found = Vec::new();
        reached[sink] = true;
        while let Some(v) = stack.pop() {
            if v == source {
                break;
            }
            for &e in &in_arcs[first_in[v]..first_in[v + 1]] {
                let (e, u) = (e as usize, self.source[e as usize] as usize);
                if !reached[u] && self.cap[e] >= total {
                    reached[u] = true;
                    found.push(e);
                    stack.push(u);
                }
            }
        }
        found
    }

    /// The real arcs entering each node, grouped by head (compressed rows).
    fn incoming_arcs(&self) -> (Vec<usize>, Vec<u32>) {
        let mut first = vec![0usize; self.n + 1];
        for &t in &self.target[self.n..] {
            first[t as usize + 1] += 1;
        }
        for v in 0..self.n {
            first[v + 1] += first[v];
        }
        let mut fill = first.clone();
        let mut arcs = vec![0u32; self.source.len() - self.n];
        for e in self.n..self.source.len() {
            let t = self.target[e] as usize;
            arcs[fill[t]] = e as u32;
            fill[t] += 1;
        }
        (first, arcs)
    }

    /// For each demand node in `sinks` order, its cheapest incoming real arc (lowest index
    /// among equals).
    fn cheapest_arcs_into(&self, sinks: &[usize]) -> Vec<usize> {
        const NO_ARC: usize = usize::MAX;
        let mut best = vec![NO_ARC; self.n];
        for e in self.n..self.source.len() {
            let t = self.target[e] as usize;
            if self.supply[t] < 0 && (best[t] == NO_ARC || self.cost[e] < self.cost[best[t]]) {
                best[t] = e;
            }
        }
        sinks
            .iter()
            .map(|&t| best[t])
            .filter(|&e| e != NO_ARC)
            .collect()
    }
}
