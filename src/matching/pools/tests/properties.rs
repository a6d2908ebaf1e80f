//! Producer pools: properties on random regions.

use proptest::prelude::*;

use super::*;
use crate::matching::candidates::{Rules, check_pair};

const RULES: Rules = Rules {
    as_of: None,
    enforce_min_lot: false,
};

/// One random producer: offset north and east (km), tonnes, disposal €/t, which material.
type Producer = (f64, f64, f64, f64, usize);

const CODES: [&str; 3] = ["15 01 02", "15 01 01", "15 01 10*"];

fn region(producers: &[Producer], min_lot: f64, max_km: f64, licensed: bool) -> (Builder, usize) {
    let mut b = Builder::default();
    let recycler = b.firm_at(0.0, 0.0);
    let need = b.need(recycler, &CODES[..2], 3.0 * min_lot, min_lot, max_km);
    b.instance.needs[need].accepts.push(key(CODES[2]));
    b.instance.needs[need].accepts.sort_unstable();
    b.instance.needs[need].licensed_for_hazardous = licensed;
    // A second receiver elsewhere, so that pools of several needs are ranked together.
    let other = b.firm_at(8.0, -5.0);
    b.need(other, &CODES[..1], 2.0 * min_lot, 0.5 * min_lot, max_km);
    for &(north, east, tonnes, disposal, code) in producers {
        let firm = b.firm_at(north, east);
        b.offer(firm, CODES[code], tonnes, disposal);
    }
    (b, need)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_pool_is_feasible_pairwise_and_reaches_its_lot(
        producers in prop::collection::vec(
            (-25.0f64..25.0, -25.0f64..25.0, 0.5f64..12.0, -20.0f64..200.0, 0usize..3),
            1..30,
        ),
        min_lot in 5.0f64..60.0,
        max_km in 5.0f64..45.0,
        licensed in any::<bool>(),
    ) {
        let (b, _) = region(&producers, min_lot, max_km, licensed);
        let instance = &b.instance;
        let pools = b.pools();
        for pool in &pools {
            assert_consistent(instance, pool);
            let need = &instance.needs[pool.need];
            for m in &pool.members {
                prop_assert!(check_pair(instance, m.offer, pool.need, RULES).is_ok());
            }
            let mut offers: Vec<usize> = pool.members.iter().map(|m| m.offer).collect();
            offers.sort_unstable();
            offers.dedup();
            prop_assert_eq!(offers.len(), pool.members.len());
            // A pool exists only where no single feasible offer reaches the lot.
            for o in 0..instance.offers.len() {
                if check_pair(instance, o, pool.need, RULES).is_ok() {
                    prop_assert!(instance.offers[o].quantity < need.min_lot);
                }
            }
        }
        for pair in pools.windows(2) {
            prop_assert!(pair[0].benefit_eur_per_year >= pair[1].benefit_eur_per_year);
        }
        prop_assert_eq!(b.pools(), pools);
    }
}
