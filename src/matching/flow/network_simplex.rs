//! The solver state: arcs, spanning-tree basis and potentials, with warm re-solves.
//!
//! Layout: real nodes are `0..n`, the artificial root is `n`. Internal arc `u < n` is the
//! artificial arc of node `u` (between `u` and the root); real arc `k` is internal arc `n + k`,
//! so arcs added after a solve are simply pushed at the end.

use super::{FlowError, FlowNetwork, FlowSolution, INFINITE_CAPACITY};

/// Arc state: non-basic at its upper bound. Multiplying a reduced cost by the state gives a
/// negative number exactly when the arc violates optimality.
pub(super) const STATE_UPPER: i8 = -1;
/// Arc state: basic (in the spanning tree).
pub(super) const STATE_TREE: i8 = 0;
/// Arc state: non-basic at flow 0.
pub(super) const STATE_LOWER: i8 = 1;
/// `pred` arc goes from the node up to its parent.
pub(super) const DIR_UP: i8 = 1;
/// `pred` arc goes from the parent down to the node.
pub(super) const DIR_DOWN: i8 = -1;
/// "No node": the parent of the root.
pub(super) const NONE: u32 = u32::MAX;

/// Exact primal network simplex over a [`FlowNetwork`], kept alive for warm re-solves.
///
/// ```
/// use symbiose::matching::flow::{FlowNetwork, NetworkSimplex};
/// let mut net = FlowNetwork::new(2);
/// net.set_supply(0, 5);
/// net.set_supply(1, -5);
/// net.add_arc(0, 1, 5, 3);
/// let mut solver = NetworkSimplex::new(&net).unwrap();
/// assert_eq!(solver.solve().unwrap().total_cost, 15);
/// solver.add_arc(0, 1, 5, 1); // a cheaper parallel arc, arc index 1
/// let warm = solver.solve().unwrap();
/// assert_eq!((warm.total_cost, warm.flows.clone()), (5, vec![0, 5]));
/// ```
#[derive(Debug, Clone)]
pub struct NetworkSimplex {
    /// Number of real nodes; also the index of the artificial root.
    pub(super) n: usize,
    pub(super) source: Vec<u32>,
    pub(super) target: Vec<u32>,
    pub(super) cost: Vec<i64>,
    pub(super) cap: Vec<i64>,
    pub(super) flow: Vec<i64>,
    pub(super) state: Vec<i8>,
    /// Supplies of the real nodes (used by the initial pivots only).
    pub(super) supply: Vec<i64>,
    pub(super) pi: Vec<i64>,
    pub(super) parent: Vec<u32>,
    pub(super) pred: Vec<u32>,
    pub(super) pred_dir: Vec<i8>,
    pub(super) thread: Vec<u32>,
    pub(super) rev_thread: Vec<u32>,
    pub(super) succ_num: Vec<u32>,
    pub(super) last_succ: Vec<u32>,
    pub(super) dirty_revs: Vec<u32>,
    /// Pricing: block length and where the next block starts.
    pub(super) block_size: usize,
    pub(super) next_arc: usize,
    /// Big-M cost of the artificial arcs from the root to demand nodes.
    art_cost: i64,
    /// Whether the heuristic initial pivots still have to run (first solve only).
    pub(super) fresh: bool,
}

impl NetworkSimplex {
    /// Checks `network` and builds the initial basis: every node hangs from the artificial
    /// root, supplies sit on the artificial arcs.
    pub fn new(network: &FlowNetwork) -> Result<Self, FlowError> {
        let sum: i128 = network.supply.iter().map(|&s| i128::from(s)).sum();
        if sum != 0 {
            return Err(FlowError::Unbalanced { sum });
        }
        let n = network.node_count();
        let arcs = n + network.arc_count();
        let mut solver = Self {
            n,
            source: Vec::with_capacity(arcs),
            target: Vec::with_capacity(arcs),
            cost: Vec::with_capacity(arcs),
            cap: Vec::with_capacity(arcs),
            flow: Vec::with_capacity(arcs),
            state: Vec::with_capacity(arcs),
            supply: network.supply.clone(),
            pi: vec![0; n + 1],
            parent: vec![NONE; n + 1],
            pred: vec![NONE; n + 1],
            pred_dir: vec![DIR_UP; n + 1],
            thread: vec![0; n + 1],
            rev_thread: vec![0; n + 1],
            succ_num: vec![1; n + 1],
            last_succ: vec![0; n + 1],
            dirty_revs: Vec::new(),
            block_size: 0,
            next_arc: n,
            art_cost: 0,
            fresh: true,
        };
        solver.init_artificial_tree();
        solver.source.extend_from_slice(&network.from);
        solver.target.extend_from_slice(&network.to);
        solver.cost.extend_from_slice(&network.cost);
        solver.cap.extend_from_slice(&network.capacity);
        solver.flow.resize(arcs, 0);
        solver.state.resize(arcs, STATE_LOWER);
        solver.raise_art_cost()?;
        Ok(solver)
    }

    /// The initial strongly feasible tree: a star around the root. A node with supply `>= 0`
    /// sends it up to the root (cost 0); a demand node receives from the root at big-M cost.
    fn init_artificial_tree(&mut self) {
        let root = self.n;
        for u in 0..self.n {
            let s = self.supply[u];
            self.parent[u] = root as u32;
            self.pred[u] = u as u32;
            self.thread[u] = (u + 1) as u32;
            self.rev_thread[u + 1] = u as u32;
            self.last_succ[u] = u as u32;
            let (from, to, dir) = if s >= 0 {
                (u, root, DIR_UP)
            } else {
                (root, u, DIR_DOWN)
            };
            self.pred_dir[u] = dir;
            self.source.push(from as u32);
            self.target.push(to as u32);
            self.cost.push(0); // set to big-M by `raise_art_cost` for demand nodes
            self.cap.push(INFINITE_CAPACITY);
            self.flow.push(s.abs());
            self.state.push(STATE_TREE);
        }
        self.thread[root] = 0;
        self.rev_thread[0] = root as u32;
        self.succ_num[root] = (self.n + 1) as u32;
        // With no real node the root is its own last successor.
        self.last_succ[root] = if self.n == 0 { root } else { root - 1 } as u32;
    }

    /// Number of real nodes.
    pub fn node_count(&self) -> usize {
        self.n
    }

    /// Number of real arcs.
    pub fn arc_count(&self) -> usize {
        self.source.len() - self.n
    }

    /// Adds the arc `from → to` at flow 0 and returns its index, which continues the
    /// numbering of the network's arcs. The current basis stays feasible, so the next
    /// [`NetworkSimplex::solve`] resumes from it instead of starting over.
    ///
    /// # Panics
    /// If a node is out of range or `capacity < 0`.
    pub fn add_arc(&mut self, from: usize, to: usize, capacity: i64, cost: i64) -> usize {
        let n = self.n;
        assert!(from < n && to < n, "arc {from} -> {to} outside 0..{n}");
        assert!(
            capacity >= 0,
            "arc {from} -> {to}: negative capacity {capacity}"
        );
        assert!(self.source.len() < (u32::MAX / 2) as usize, "too many arcs");
        self.source.push(from as u32);
        self.target.push(to as u32);
        self.cost.push(cost);
        self.cap.push(capacity);
        self.flow.push(0);
        self.state.push(STATE_LOWER);
        self.source.len() - 1 - n
    }

    /// Pivots to optimality from the current basis and returns the optimal flow and
    /// potentials. Can be called again after [`NetworkSimplex::add_arc`].
    pub fn solve(&mut self) -> Result<FlowSolution, FlowError> {
        self.raise_art_cost()?;
        let real_arcs = self.arc_count();
        // √arcs balances the cost of scanning a block against the quality of its best arc.
        self.block_size = ((real_arcs as f64).sqrt() as usize / 4).max(10);
        if self.fresh {
            self.fresh = false;
            self.initial_pivots()?;
        }
        while let Some(in_arc) = self.find_entering_arc() {
            self.pivot(in_arc)?;
        }
        // Flow left on an artificial arc is supply that no real path can carry.
        if self.flow[..self.n].iter().any(|&f| f != 0) {
            return Err(FlowError::Infeasible);
        }
        Ok(self.solution())
    }

    /// Makes the big-M cost exceed the cost of any simple path of real arcs, so that an
    /// optimum carries flow on an artificial arc only when the problem is infeasible.
    fn raise_art_cost(&mut self) -> Result<(), FlowError> {
        let max_abs_cost = self.cost[self.n..]
            .iter()
            .map(|c| c.unsigned_abs())
            .max()
            .unwrap_or(0);
        let needed = u128::from(max_abs_cost) * (self.n as u128 + 1) + 1;
        // Potentials stay within 2·M and reduced costs within 5·M: keep 5·M inside i64.
        let max_abs_cost = i64::try_from(max_abs_cost).unwrap_or(i64::MAX);
        let needed = i64::try_from(needed)
            .ok()
            .filter(|&m| m <= i64::MAX / 8)
            .ok_or(FlowError::CostOverflow { max_abs_cost })?;
        if needed > self.art_cost {
            self.art_cost = needed;
            for u in 0..self.n {
                if self.target[u] as usize == u {
                    self.cost[u] = needed;
                }
            }
            self.recompute_potentials();
        }
        Ok(())
    }

    /// The flows and potentials of the real arcs and nodes.
    fn solution(&self) -> FlowSolution {
        let n = self.n;
        let flows = self.flow[n..].to_vec();
        let total_cost = flows
            .iter()
            .zip(&self.cost[n..])
            .map(|(&f, &c)| i128::from(f) * i128::from(c))
            .sum();
        FlowSolution {
            total_cost,
            flows,
            potentials: self.pi[..n].to_vec(),
        }
    }
}
