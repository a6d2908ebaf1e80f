//! The spanning-tree structure after every single pivot: thread order, parents, successor
//! counts, last successors, tree arcs, potentials, arc states and strong feasibility.

use proptest::prelude::*;

use super::transport;
use crate::matching::flow::network_simplex::{
    DIR_DOWN, DIR_UP, NONE, NetworkSimplex, STATE_LOWER, STATE_TREE, STATE_UPPER,
};
use crate::matching::flow::{FlowNetwork, INFINITE_CAPACITY};

/// Panics unless the basis of `s` is a consistent strongly feasible spanning tree.
fn check_tree(s: &NetworkSimplex) {
    let (order, walk) = check_thread(s);
    let mut children = vec![0u32; s.n + 1];
    for v in 0..s.n {
        let p = s.parent[v] as usize;
        assert!(
            order[p] < order[v],
            "parent {p} after child {v} in the thread"
        );
        children[p] += s.succ_num[v];
        check_pred_arc(s, v, p);
    }
    for v in 0..=s.n {
        assert_eq!(s.succ_num[v], children[v] + 1, "succ_num of {v}");
        let last = walk[order[v] + s.succ_num[v] as usize - 1];
        assert_eq!(s.last_succ[v] as usize, last, "last_succ of {v}");
    }
    let tree_arcs = s.state.iter().filter(|&&st| st == STATE_TREE).count();
    assert_eq!(tree_arcs, s.n, "a tree has one arc per non-root node");
    for e in 0..s.source.len() {
        let (f, c) = (s.flow[e], s.cap[e]);
        assert!((0..=c).contains(&f) || c == INFINITE_CAPACITY && f >= 0);
        match s.state[e] {
            STATE_LOWER => assert_eq!(f, 0),
            STATE_UPPER => assert_eq!(f, c),
            _ => {}
        }
    }
}

/// The thread is a preorder walk from the root visiting every node once, mirrored by
/// `rev_thread`; returns each node's position and the walk.
fn check_thread(s: &NetworkSimplex) -> (Vec<usize>, Vec<usize>) {
    let root = s.n;
    assert_eq!(s.parent[root], NONE);
    let mut order = vec![usize::MAX; s.n + 1];
    let mut walk = Vec::with_capacity(s.n + 1);
    let mut u = root;
    for pos in 0..=s.n {
        assert_eq!(order[u], usize::MAX, "node {u} twice in the thread");
        order[u] = pos;
        walk.push(u);
        let next = s.thread[u] as usize;
        assert_eq!(s.rev_thread[next] as usize, u);
        u = next;
    }
    assert_eq!(u, root, "thread is not one cycle through all nodes");
    (order, walk)
}

/// `v`'s pred arc joins it to its parent `p` in the recorded direction, is a tight tree arc,
/// and leaves room to push flow from `v` up to the root (strong feasibility).
fn check_pred_arc(s: &NetworkSimplex, v: usize, p: usize) {
    let e = s.pred[v] as usize;
    let (from, to) = (s.source[e] as usize, s.target[e] as usize);
    match s.pred_dir[v] {
        DIR_UP => assert_eq!((from, to), (v, p)),
        DIR_DOWN => assert_eq!((from, to), (p, v)),
        d => panic!("bad direction {d}"),
    }
    assert_eq!(s.state[e], STATE_TREE);
    assert_eq!(
        s.cost[e] + s.pi[from] - s.pi[to],
        0,
        "tree arc {e} not tight"
    );
    let up_room = if s.pred_dir[v] == DIR_UP {
        s.cap[e] - s.flow[e]
    } else {
        s.flow[e]
    };
    assert!(up_room > 0, "node {v} cannot send flow to the root");
}

/// Solves like [`NetworkSimplex::solve`], checking the tree before and after every pivot;
/// returns the optimal cost or `None` when infeasible.
fn solve_checking(net: &FlowNetwork) -> Option<i128> {
    let mut s = NetworkSimplex::new(net).unwrap();
    check_tree(&s);
    s.fresh = false;
    s.initial_pivots().unwrap();
    check_tree(&s);
    s.block_size = 3; // small blocks: more, and more varied, pivots
    while let Some(arc) = s.find_entering_arc() {
        s.pivot(arc).unwrap();
        check_tree(&s);
    }
    // The final solve shuffles the arcs (moving tree arcs too) and confirms optimality.
    let cost = s.solve().ok().map(|sol| sol.total_cost);
    check_tree(&s);
    cost
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn tree_stays_consistent_on_general_networks(
        (supplies, arcs) in super::properties::general(),
    ) {
        let net = super::properties::network(&supplies, &arcs);
        prop_assert_eq!(solve_checking(&net), super::reference::min_cost(&net));
    }

    #[test]
    fn tree_stays_consistent_after_warm_additions(
        (supplies, arcs) in super::properties::general(),
        split in 0usize..=24,
    ) {
        let split = split.min(arcs.len());
        let mut s = NetworkSimplex::new(&super::properties::network(&supplies, &arcs[..split]))
            .unwrap();
        let _ = s.solve();
        check_tree(&s);
        for &(u, v, cap, cost) in &arcs[split..] {
            s.add_arc(u, v, cap, cost);
        }
        let cost = s.solve().ok().map(|sol| sol.total_cost);
        check_tree(&s);
        let full = super::properties::network(&supplies, &arcs);
        prop_assert_eq!(cost, super::reference::min_cost(&full));
    }

    #[test]
    fn tree_stays_consistent_on_transportation(
        (q, d, pairs, capped) in super::properties::transportation(),
    ) {
        let net = transport(&q, &d, &pairs, super::properties::pair_cap(capped));
        prop_assert_eq!(solve_checking(&net), super::reference::min_cost(&net));
    }
}
