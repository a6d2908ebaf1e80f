//! Properties on random small instances: feasible, within capacities, never worse than greedy, deterministic.

use super::*;

/// Greedy by benefit per tonne: the naive matcher the plan must never lose to.
pub(super) fn greedy_objective(instance: &Instance) -> f64 {
    let mut pairs = Vec::new();
    for o in 0..instance.offers.len() {
        for n in 0..instance.needs.len() {
            if let Ok(e) = check_pair(instance, o, n, Rules::default()) {
                pairs.push((e.benefit_eur_per_unit, o, n));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut left_o: Vec<f64> = instance.offers.iter().map(|o| o.quantity).collect();
    let mut left_n: Vec<f64> = instance.needs.iter().map(|n| n.quantity).collect();
    let mut total = 0.0;
    for (b, o, n) in pairs {
        let x = left_o[o].min(left_n[n]);
        left_o[o] -= x;
        left_n[n] -= x;
        total += b * x;
    }
    total
}

const CODES: [&str; 4] = ["02 02 03", "15 01 01", "13 02 05*", "12 01 01"];

pub(super) fn random_instance() -> impl Strategy<Value = Instance> {
    let firm = (51.1f64..51.4, 5.6f64..6.1);
    let offer = (0usize..8, 0usize..4, 1u32..200, -50i32..150);
    let need = (
        0usize..8,
        proptest::collection::btree_set(0usize..4, 1..3),
        1u32..300,
        0i32..200,
        5u32..40,
        any::<bool>(),
    );
    (
        proptest::collection::vec(firm, 2..8),
        proptest::collection::vec(offer, 1..12),
        proptest::collection::vec(need, 1..10),
    )
        .prop_map(|(firms, offers, needs)| {
            let mut b = Builder::default();
            for (lat, lon) in &firms {
                b.firm(*lat, *lon);
            }
            let count = firms.len();
            for (firm, code, q, cost) in offers {
                b.offer(
                    (firm % count) as u32,
                    CODES[code],
                    f64::from(q) / 2.0,
                    f64::from(cost),
                );
            }
            for (firm, codes, q, price, km, licensed) in needs {
                let accepts: Vec<&str> = codes.iter().map(|&c| CODES[c]).collect();
                let n = b.need(
                    (firm % count) as u32,
                    &accepts,
                    f64::from(q) / 2.0,
                    f64::from(price),
                    f64::from(km),
                );
                b.instance.needs[n].licensed_for_hazardous = licensed;
            }
            b.instance.params = Params::default();
            b.instance
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_plan_is_feasible_within_capacities_and_never_worse_than_greedy(instance in random_instance()) {
        let plan = plan_of(&instance);

        let mut sent = vec![0.0; instance.offers.len()];
        let mut taken = vec![0.0; instance.needs.len()];
        for x in &plan.exchanges {
            prop_assert!(check_pair(&instance, x.offer, x.need, Rules::default()).is_ok());
            prop_assert!(x.quantity > 0.0);
            sent[x.offer] += x.quantity;
            taken[x.need] += x.quantity;
        }
        for (o, offer) in instance.offers.iter().enumerate() {
            prop_assert!(sent[o] <= offer.quantity + 1e-9);
        }
        for (n, need) in instance.needs.iter().enumerate() {
            prop_assert!(taken[n] <= need.quantity + 1e-9);
        }
        // Integer scaling costs at most a cent per tonne and a kilogram per node.
        let slack = 0.01 * plan.quantity_per_year + 1.0;
        prop_assert!(plan.objective_eur_per_year + slack >= greedy_objective(&instance));
    }

    #[test]
    fn the_plan_and_suggestions_are_deterministic(instance in random_instance()) {
        let first = plan_of(&instance);
        let second = plan_of(&instance);
        prop_assert_eq!(&first, &second);
        let index = SpatialIndex::build(&instance);
        for offer in &instance.offers {
            let a = suggest(&instance, &index, FlowRef::Offer(offer), Rules::default(), 3);
            let b = suggest(&instance, &index, FlowRef::Offer(offer), Rules::default(), 3);
            prop_assert_eq!(a, b);
        }
    }

    #[test]
    fn suggestions_are_feasible_and_match_a_brute_force_scan(instance in random_instance()) {
        let index = SpatialIndex::build(&instance);
        for (o, offer) in instance.offers.iter().enumerate() {
            let found = suggest(&instance, &index, FlowRef::Offer(offer), Rules::default(), 100);
            let brute: BTreeSet<usize> = (0..instance.needs.len())
                .filter(|&n| check_pair(&instance, o, n, Rules::default()).is_ok())
                .collect();
            let got: BTreeSet<usize> = found.iter().map(|s| s.counterpart).collect();
            prop_assert_eq!(got, brute);
            for pair in found.windows(2) {
                prop_assert!(pair[0].economics.benefit_eur_per_year >= pair[1].economics.benefit_eur_per_year);
            }
        }
    }
}
