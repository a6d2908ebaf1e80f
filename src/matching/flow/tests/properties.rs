//! Property tests: on random small networks the simplex agrees with the reference on
//! feasibility and optimal cost, and its flows and potentials pass the optimality check.

use proptest::prelude::*;

use super::{assert_optimal, reference, transport};
use crate::matching::flow::{FlowError, FlowNetwork, NetworkSimplex, solve};

/// `(tail, head, capacity, cost)`.
type Arc = (usize, usize, i64, i64);

/// Up to 8 nodes with balanced supplies and up to 24 arcs (parallel arcs, self-loops,
/// zero capacities, negative costs and negative cycles included).
pub(super) fn general() -> impl Strategy<Value = (Vec<i64>, Vec<Arc>)> {
    (1usize..=8).prop_flat_map(|n| {
        let arc = (0..n, 0..n, 0i64..=15, -10i64..=10);
        let supplies = prop::collection::vec(-8i64..=8, n).prop_map(|mut s| {
            let sum: i64 = s.iter().sum();
            s[0] -= sum;
            s
        });
        (supplies, prop::collection::vec(arc, 0..=24))
    })
}

pub(super) fn network(supplies: &[i64], arcs: &[Arc]) -> FlowNetwork {
    let mut net = FlowNetwork::new(supplies.len());
    for (v, &s) in supplies.iter().enumerate() {
        net.set_supply(v, s);
    }
    for &(u, v, cap, cost) in arcs {
        net.add_arc(u, v, cap, cost);
    }
    net
}

/// Offers and needs (1 to 8 each, 1 to 20 t), pairs with costs from -5000 to 500 (mostly
/// benefits), pair capacity `min(q, d)` or a big "infinite" one.
#[allow(clippy::type_complexity)]
pub(super) fn transportation()
-> impl Strategy<Value = (Vec<i64>, Vec<i64>, Vec<(usize, usize, i64)>, bool)> {
    (1usize..=8, 1usize..=8).prop_flat_map(|(offers, needs)| {
        (
            prop::collection::vec(1i64..=20, offers),
            prop::collection::vec(1i64..=20, needs),
            prop::collection::vec((0..offers, 0..needs, -5000i64..=500), 0..=40),
            any::<bool>(),
        )
    })
}

pub(super) fn pair_cap(capped: bool) -> impl Fn(i64, i64) -> i64 {
    move |q, d| if capped { q.min(d) } else { 1 << 40 }
}

/// Checks one solver result against the reference optimum of `net`.
fn check(net: &FlowNetwork, result: Result<crate::matching::flow::FlowSolution, FlowError>) {
    match (result, reference::min_cost(net)) {
        (Ok(sol), Some(best)) => {
            assert_optimal(net, &sol);
            assert_eq!(sol.total_cost, best);
        }
        (Err(FlowError::Infeasible), None) => {}
        (result, best) => panic!("solver {result:?}, reference {best:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn general_networks_match_the_reference((supplies, arcs) in general()) {
        let net = network(&supplies, &arcs);
        check(&net, solve(&net));
    }

    #[test]
    fn transportation_matches_the_reference((q, d, pairs, capped) in transportation()) {
        let net = transport(&q, &d, &pairs, pair_cap(capped));
        let sol = solve(&net).expect("the bypass makes it feasible");
        assert_optimal(&net, &sol);
        prop_assert_eq!(Some(sol.total_cost), reference::min_cost(&net));
        prop_assert!(sol.total_cost <= 0, "sending nothing costs 0");
    }

    #[test]
    fn warm_transportation_matches_a_cold_solve(
        (q, d, pairs, capped) in transportation(),
        split in 0usize..=40,
    ) {
        let split = split.min(pairs.len());
        let start = transport(&q, &d, &pairs[..split], pair_cap(capped));
        let full = transport(&q, &d, &pairs, pair_cap(capped));
        let mut solver = NetworkSimplex::new(&start).unwrap();
        solver.solve().unwrap();
        for &(i, j, cost) in &pairs[split..] {
            let cap = pair_cap(capped)(q[i], d[j]);
            solver.add_arc(2 + i, 2 + q.len() + j, cap, cost);
        }
        let warm = solver.solve().unwrap();
        assert_optimal(&full, &warm);
        prop_assert_eq!(Some(warm.total_cost), reference::min_cost(&full));
    }

    #[test]
    fn warm_general_networks_match_the_reference(
        (supplies, arcs) in general(),
        split in 0usize..=24,
    ) {
        let split = split.min(arcs.len());
        let mut solver = NetworkSimplex::new(&network(&supplies, &arcs[..split])).unwrap();
        // The partial network may well be infeasible; the re-solve must still be exact.
        let _ = solver.solve();
        for &(u, v, cap, cost) in &arcs[split..] {
            solver.add_arc(u, v, cap, cost);
        }
        check(&network(&supplies, &arcs), solver.solve());
    }
}
