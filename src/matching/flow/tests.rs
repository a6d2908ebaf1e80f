//! Known answers on hand-made networks; property tests against a reference live in
//! `tests/properties.rs`.

mod invariants;
mod properties;
mod reference;

use super::*;

/// Panics unless `sol` is a feasible flow of `net` whose potentials prove it optimal:
/// capacity bounds, conservation, complementary slackness and the reported cost.
pub(super) fn assert_optimal(net: &FlowNetwork, sol: &FlowSolution) {
    assert_eq!(sol.flows.len(), net.arc_count());
    assert_eq!(sol.potentials.len(), net.node_count());
    let mut balance: Vec<i128> = (0..net.node_count())
        .map(|v| i128::from(net.supply(v)))
        .collect();
    let mut cost = 0i128;
    for (e, &flow) in sol.flows.iter().enumerate() {
        let (u, v, cap, c) = net.arc(e);
        assert!(
            (0..=cap).contains(&flow),
            "arc {e}: flow {flow} outside 0..={cap}"
        );
        balance[u] -= i128::from(flow);
        balance[v] += i128::from(flow);
        cost += i128::from(flow) * i128::from(c);
        let rc = net.reduced_cost(sol, e);
        assert!(
            flow == cap || rc >= 0,
            "arc {e}: flow {flow} < {cap} but rc {rc}"
        );
        assert!(flow == 0 || rc <= 0, "arc {e}: flow {flow} > 0 but rc {rc}");
    }
    assert!(
        balance.iter().all(|&b| b == 0),
        "not conserved: {balance:?}"
    );
    assert_eq!(cost, sol.total_cost);
    // The documented bound: no big-M cost is left in the potentials.
    let max_cost = (0..net.arc_count())
        .map(|e| net.arc(e).3.unsigned_abs())
        .max();
    let bound = max_cost.unwrap_or(0) * net.node_count() as u64;
    assert!(sol.potentials.iter().all(|p| p.unsigned_abs() <= bound));
}

/// Solves, checks optimality and agreement with the reference, returns the solution.
fn solve_checked(net: &FlowNetwork) -> FlowSolution {
    let sol = solve(net).expect("feasible");
    assert_optimal(net, &sol);
    assert_eq!(Some(sol.total_cost), reference::min_cost(net));
    sol
}

/// The matcher's modelling: node 0 = S, 1 = T, offers `2..2+q.len()`, then needs. Pair
/// arcs `(offer, need, cost)` get capacity `pair_cap(q_i, d_j)`. Arc order: bypass, S→offers,
/// needs→T, pairs.
pub(super) fn transport(
    q: &[i64],
    d: &[i64],
    pairs: &[(usize, usize, i64)],
    pair_cap: impl Fn(i64, i64) -> i64,
) -> FlowNetwork {
    let (offers, needs) = (q.len(), d.len());
    let total: i64 = q.iter().sum();
    let mut net = FlowNetwork::new(2 + offers + needs);
    net.set_supply(0, total);
    net.set_supply(1, -total);
    net.add_arc(0, 1, total, 0);
    for (i, &qi) in q.iter().enumerate() {
        net.add_arc(0, 2 + i, qi, 0);
    }
    for (j, &dj) in d.iter().enumerate() {
        net.add_arc(2 + offers + j, 1, dj, 0);
    }
    for &(i, j, cost) in pairs {
        net.add_arc(2 + i, 2 + offers + j, pair_cap(q[i], d[j]), cost);
    }
    net
}

#[test]
fn optimum_beats_greedy_on_two_by_two() {
    // Greedy takes A→X (10 €/t) and is left with B→Y (1 €/t): 110 €. The optimum crosses.
    let pairs = [(0, 0, -1000), (0, 1, -900), (1, 0, -900), (1, 1, -100)];
    let net = transport(&[10, 10], &[10, 10], &pairs, i64::min);
    let sol = solve_checked(&net);
    assert_eq!(sol.total_cost, -18_000);
    let pair_flows = &sol.flows[5..];
    assert_eq!(pair_flows, &[0, 10, 10, 0]);
}

#[test]
fn uncapacitated_pair_arcs_give_the_same_optimum() {
    let pairs = [(0, 0, -1000), (0, 1, -900), (1, 0, -900), (1, 1, -100)];
    let net = transport(&[10, 10], &[10, 10], &pairs, |_, _| INFINITE_CAPACITY);
    let sol = solve(&net).unwrap();
    assert_optimal(&net, &sol);
    assert_eq!(sol.total_cost, -18_000);
}

#[test]
fn bypass_carries_everything_when_no_exchange_pays() {
    let net = transport(&[7, 3], &[5], &[(0, 0, 250), (1, 0, 1)], i64::min);
    let sol = solve_checked(&net);
    assert_eq!(sol.total_cost, 0);
    assert_eq!(sol.flows[0], 10, "all supply on the bypass");
    assert!(sol.flows[3..].iter().all(|&f| f == 0));
}

#[test]
fn partial_matching_leaves_the_rest_on_the_bypass() {
    // Need 0 takes only 4 of offer 0's 10 t; the other 6 t go unmatched.
    let net = transport(&[10], &[4], &[(0, 0, -500)], i64::min);
    let sol = solve_checked(&net);
    assert_eq!(sol.total_cost, -2000);
    assert_eq!(sol.flows, vec![6, 4, 4, 4]);
}

#[test]
fn unbalanced_supplies_are_refused() {
    let mut net = FlowNetwork::new(3);
    net.set_supply(0, 5);
    net.set_supply(2, -3);
    net.add_arc(0, 2, 10, 1);
    assert_eq!(solve(&net), Err(FlowError::Unbalanced { sum: 2 }));
}

#[test]
fn unreachable_demand_is_infeasible() {
    let mut net = FlowNetwork::new(4);
    net.set_supply(0, 5);
    net.set_supply(3, -5);
    net.add_arc(0, 1, 10, 1);
    net.add_arc(2, 3, 10, 1);
    assert_eq!(solve(&net), Err(FlowError::Infeasible));
}

#[test]
fn too_narrow_path_is_infeasible() {
    let mut net = FlowNetwork::new(2);
    net.set_supply(0, 5);
    net.set_supply(1, -5);
    net.add_arc(0, 1, 4, -1);
    assert_eq!(solve(&net), Err(FlowError::Infeasible));
}

#[test]
fn parallel_arcs_fill_the_cheapest_first() {
    let mut net = FlowNetwork::new(2);
    net.set_supply(0, 10);
    net.set_supply(1, -10);
    net.add_arc(0, 1, 6, 5);
    net.add_arc(0, 1, 6, 2);
    net.add_arc(0, 1, 6, 9);
    let sol = solve_checked(&net);
    assert_eq!(sol.flows, vec![4, 6, 0]);
    assert_eq!(sol.total_cost, 32);
}

#[test]
fn zero_capacity_arcs_carry_nothing() {
    let mut net = FlowNetwork::new(3);
    net.set_supply(0, 3);
    net.set_supply(2, -3);
    net.add_arc(0, 2, 0, -100);
    net.add_arc(0, 1, 3, 1);
    net.add_arc(1, 2, 3, 1);
    net.add_arc(1, 2, 0, -100);
    let sol = solve_checked(&net);
    assert_eq!(sol.flows, vec![0, 3, 3, 0]);
    assert_eq!(sol.total_cost, 6);
}

#[test]
fn negative_cycle_with_finite_capacity_is_saturated() {
    let mut net = FlowNetwork::new(3);
    net.add_arc(0, 1, 4, -3);
    net.add_arc(1, 2, 9, 1);
    net.add_arc(2, 0, INFINITE_CAPACITY, 1);
    net.add_arc(1, 1, 2, -1); // a negative self-loop is a cycle too
    let sol = solve(&net).unwrap();
    assert_optimal(&net, &sol);
    assert_eq!(sol.flows, vec![4, 4, 4, 2]);
    assert_eq!(sol.total_cost, -6);
}

#[test]
fn negative_cycle_of_infinite_arcs_is_unbounded() {
    let mut net = FlowNetwork::new(2);
    net.add_arc(0, 1, INFINITE_CAPACITY, -1);
    net.add_arc(1, 0, INFINITE_CAPACITY, 0);
    assert_eq!(solve(&net), Err(FlowError::Unbounded));
}

#[test]
fn huge_costs_are_refused_rather_than_overflowing() {
    let mut net = FlowNetwork::new(2);
    net.add_arc(0, 1, 1, i64::MAX / 4);
    assert!(matches!(solve(&net), Err(FlowError::CostOverflow { .. })));
}

#[test]
fn empty_networks_solve_trivially() {
    let sol = solve(&FlowNetwork::new(0)).unwrap();
    assert_eq!((sol.total_cost, sol.flows.len()), (0, 0));
    let sol = solve(&FlowNetwork::new(3)).unwrap();
    assert_eq!(sol.potentials.len(), 3);
}

#[test]
fn potentials_price_arcs_outside_the_network() {
    // A 2×1 problem solved without the better pair (offer 1 → need 0, 8 €/t).
    let net = transport(&[5, 5], &[5], &[(0, 0, -300)], i64::min);
    let sol = solve_checked(&net);
    let (offer1, need0) = (3, 4);
    assert!(
        sol.reduced_cost(offer1, need0, -800) < 0,
        "the better pair violates"
    );
    let formula = -800 + sol.potentials[offer1] - sol.potentials[need0];
    assert_eq!(sol.reduced_cost(offer1, need0, -800), formula);
    assert_eq!(
        net.reduced_cost(&sol, 4),
        -300 + sol.potentials[2] - sol.potentials[4]
    );
}

#[test]
fn warm_resolve_after_adding_arcs_matches_a_cold_solve() {
    let net = transport(&[5, 5], &[5], &[(0, 0, -300)], i64::min);
    let mut solver = NetworkSimplex::new(&net).unwrap();
    assert_eq!(solver.solve().unwrap().total_cost, -1500);
    let added = solver.add_arc(3, 4, 5, -800);
    assert_eq!(added, net.arc_count());
    let warm = solver.solve().unwrap();
    let mut full = net.clone();
    full.add_arc(3, 4, 5, -800);
    assert_optimal(&full, &warm);
    assert_eq!(warm.total_cost, -4000);
    assert_eq!(solve(&full).unwrap().total_cost, -4000);
}

#[test]
fn warm_resolve_can_turn_infeasible_into_feasible() {
    let mut net = FlowNetwork::new(3);
    net.set_supply(0, 2);
    net.set_supply(2, -2);
    net.add_arc(0, 1, 2, 1);
    let mut solver = NetworkSimplex::new(&net).unwrap();
    assert_eq!(solver.solve(), Err(FlowError::Infeasible));
    solver.add_arc(1, 2, 2, 1);
    assert_eq!(solver.solve().unwrap().total_cost, 4);
}

#[test]
fn petgraph_indices_are_kept() {
    let mut graph = petgraph::Graph::<i64, ArcSpec>::new();
    let a = graph.add_node(4);
    let b = graph.add_node(0);
    let c = graph.add_node(-4);
    let slow = graph.add_edge(
        a,
        c,
        ArcSpec {
            capacity: 4,
            cost: 10,
        },
    );
    let ab = graph.add_edge(
        a,
        b,
        ArcSpec {
            capacity: 3,
            cost: 1,
        },
    );
    let bc = graph.add_edge(
        b,
        c,
        ArcSpec {
            capacity: 3,
            cost: 1,
        },
    );
    let net = from_petgraph(&graph);
    assert_eq!((net.node_count(), net.arc_count()), (3, 3));
    let sol = solve_checked(&net);
    assert_eq!(sol.flows[slow.index()], 1);
    assert_eq!(sol.flows[ab.index()], 3);
    assert_eq!(sol.flows[bc.index()], 3);
    assert_eq!(sol.total_cost, 16);
}

#[test]
fn same_input_gives_same_output() {
    let pairs = [(0, 0, -1000), (0, 1, -1000), (1, 0, -1000), (1, 1, -1000)];
    let net = transport(&[10, 10], &[10, 10], &pairs, i64::min);
    assert_eq!(solve(&net), solve(&net));
}
