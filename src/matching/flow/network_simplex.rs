//! The solver state: arcs, spanning-tree basis and potentials, with warm re-solves.
//!
//! Layout: real nodes are `0..n`, the artificial root is `n`. Internal arc `u < n` is the
//! artificial arc of node `u` (between `u` and the root); real arc `k` is internal arc `n + k`,
//! so arcs added after a solve are simply pushed at the end. Internal numbers differ from the
//! caller's (see [`super::layout`]); `node_int` and `arc_ext` translate.

use super::layout::{self, SplitMix};
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
    /// Internal number of each caller's node.
    node_int: Vec<u32>,
    /// Caller's index of each internal real arc (internal arc `n + k` is `arc_ext[k]`).
    arc_ext: Vec<u32>,
    /// Internal arcs from here on were added since the last solve and are not shuffled yet.
    shuffled_upto: usize,
    rng: SplitMix,
    /// Pivots made by block search so far, over all solves.
    pivots: u64,
}

impl NetworkSimplex {
    /// Checks `network` and builds the initial basis: every node hangs from the artificial
    /// root, supplies sit on the artificial arcs.
    pub fn new(network: &FlowNetwork) -> Result<Self, FlowError> {
        Self::from_network(network.clone())
    }

    /// Like [`NetworkSimplex::new`], but takes the network by value and frees each of its
    /// arrays as soon as it is copied in, so that peak memory holds one copy of the arcs
    /// rather than two (a region plan's largest networks have over ten million arcs).
    pub fn from_network(network: FlowNetwork) -> Result<Self, FlowError> {
        let sum: i128 = network.supply.iter().map(|&s| i128::from(s)).sum();
        if sum != 0 {
            return Err(FlowError::Unbalanced { sum });
        }
        let n = network.node_count();
        let FlowNetwork {
            supply: external_supply,
            from,
            to,
            capacity,
            cost,
        } = network;
        let node_int = layout::node_numbers(n, &from, &to);
        let mut supply = vec![0; n];
        for (v, &s) in external_supply.iter().enumerate() {
            supply[node_int[v] as usize] = s;
        }
        let arc_ext = (0..from.len() as u32).collect();
        let mut solver = Self::with_nodes(supply, node_int, arc_ext);
        solver.init_artificial_tree();
        // Arcs go in in the caller's order; the first solve shuffles them.
        let node_int = &solver.node_int;
        solver
            .source
            .extend(from.iter().map(|&u| node_int[u as usize]));
        drop(from);
        solver
            .target
            .extend(to.iter().map(|&v| node_int[v as usize]));
        drop(to);
        solver.cost.extend_from_slice(&cost);
        drop(cost);
        solver.cap.extend_from_slice(&capacity);
        drop(capacity);
        let arcs = solver.source.len();
        solver.flow.resize(arcs, 0);
        solver.state.resize(arcs, STATE_LOWER);
        solver.raise_art_cost()?;
        Ok(solver)
    }

    /// Empty arc arrays and node arrays sized for `supply` plus the root.
    fn with_nodes(supply: Vec<i64>, node_int: Vec<u32>, arc_ext: Vec<u32>) -> Self {
        let n = supply.len();
        let arcs = n + arc_ext.len();
        Self {
            n,
            source: Vec::with_capacity(arcs),
            target: Vec::with_capacity(arcs),
            cost: Vec::with_capacity(arcs),
            cap: Vec::with_capacity(arcs),
            flow: Vec::with_capacity(arcs),
            state: Vec::with_capacity(arcs),
            supply,
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
            node_int,
            arc_ext,
            shuffled_upto: n,
            rng: SplitMix::new(),
            pivots: 0,
        }
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
        self.arc_ext.len()
    }

    /// Simplex pivots made so far, over all solves (a measure of work, for benchmarks).
    pub fn pivot_count(&self) -> u64 {
        self.pivots
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
        self.source.push(self.node_int[from]);
        self.target.push(self.node_int[to]);
        self.cost.push(cost);
        self.cap.push(capacity);
        self.flow.push(0);
        self.state.push(STATE_LOWER);
        let index = self.arc_ext.len();
        self.arc_ext.push(index as u32);
        index
    }

    /// Pivots to optimality from the current basis and returns the optimal flow and
    /// potentials. Can be called again after [`NetworkSimplex::add_arc`].
    pub fn solve(&mut self) -> Result<FlowSolution, FlowError> {
        self.raise_art_cost()?;
        self.shuffle_new_arcs();
        // LEMON's √arcs blocks are ~20× too long here: with arcs in random order even a short
        // block holds a good arc, and pricing, not pivoting, was then half the time.
        self.block_size = (self.arc_count().isqrt() / 24).max(10);
        if self.fresh {
            self.fresh = false;
            self.initial_pivots()?;
        }
        while let Some(in_arc) = self.find_entering_arc() {
            self.pivot(in_arc)?;
            self.pivots += 1;
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

    /// Moves each arc added since the last shuffle to a random position among all real arcs
    /// (the inside-out Fisher–Yates shuffle: the order stays uniformly random). New arcs must
    /// mix with the old ones: left in a run at the end, they made a warm re-solve 3× slower.
    fn shuffle_new_arcs(&mut self) {
        let n = self.n;
        if self.shuffled_upto == n && self.state[n..].iter().all(|&s| s != STATE_TREE) {
            self.permute_untouched_arcs();
            return;
        }
        for i in self.shuffled_upto..self.source.len() {
            let j = n + self.rng.below(i - n + 1);
            if j != i {
                self.swap_arcs(i, j);
            }
        }
        self.shuffled_upto = self.source.len();
    }

    /// The same shuffle as the swaps of [`Self::shuffle_new_arcs`] (the same generator calls,
    /// so the same order), when no real arc is in the tree yet: the swaps are played on a
    /// list of positions, then each array is gathered once. Swapping six arrays in place at
    /// random was a tenth of a region plan's solve.
    fn permute_untouched_arcs(&mut self) {
        let n = self.n;
        let mut order: Vec<u32> = (0..(self.source.len() - n) as u32).collect();
        for i in n..self.source.len() {
            let j = n + self.rng.below(i - n + 1);
            order.swap(i - n, j - n);
        }
        fn gather<T: Copy>(values: &mut Vec<T>, n: usize, order: &[u32]) {
            let real: Vec<T> = order.iter().map(|&k| values[n + k as usize]).collect();
            values.truncate(n);
            values.extend_from_slice(&real);
        }
        gather(&mut self.source, n, &order);
        gather(&mut self.target, n, &order);
        gather(&mut self.cost, n, &order);
        gather(&mut self.cap, n, &order);
        gather(&mut self.flow, n, &order);
        gather(&mut self.state, n, &order);
        self.arc_ext = order.iter().map(|&k| self.arc_ext[k as usize]).collect();
        self.shuffled_upto = self.source.len();
    }

    /// Swaps internal real arcs `i` and `j`, keeping the tree's `pred` references right.
    fn swap_arcs(&mut self, i: usize, j: usize) {
        let (child_i, child_j) = (self.tree_child(i), self.tree_child(j));
        self.source.swap(i, j);
        self.target.swap(i, j);
        self.cost.swap(i, j);
        self.cap.swap(i, j);
        self.flow.swap(i, j);
        self.state.swap(i, j);
        self.arc_ext.swap(i - self.n, j - self.n);
        if let Some(c) = child_i {
            self.pred[c] = j as u32;
        }
        if let Some(c) = child_j {
            self.pred[c] = i as u32;
        }
    }

    /// The node whose `pred` is arc `e`, if `e` is in the tree.
    fn tree_child(&self, e: usize) -> Option<usize> {
        let s = self.source[e] as usize;
        match self.state[e] {
            STATE_TREE if self.pred[s] as usize == e => Some(s),
            STATE_TREE => Some(self.target[e] as usize),
            _ => None,
        }
    }

    /// The flows and potentials of the real arcs and nodes, in the caller's numbering.
    fn solution(&self) -> FlowSolution {
        let n = self.n;
        let mut flows = vec![0; self.arc_ext.len()];
        let mut total_cost = 0i128;
        for (k, &e) in self.arc_ext.iter().enumerate() {
            let f = self.flow[n + k];
            flows[e as usize] = f;
            total_cost += i128::from(f) * i128::from(self.cost[n + k]);
        }
        let potentials = self.node_int.iter().map(|&u| self.pi[u as usize]).collect();
        FlowSolution {
            total_cost,
            flows,
            potentials,
        }
    }
}
