//! Pools of the Keyport demo region (fixtures/demo/README.md plants POOL-1..4 and CL-1..4).

use chrono::NaiveDate;

use super::*;
use crate::matching::pools::{PurchasingSettings, find_purchasing_pools};

fn demo() -> Instance {
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).expect("a date");
    let mut batch =
        crate::bulk::json_instance::read_instance("demo", crate::demo::DEMO_JSON, today);
    let region = crate::bulk::check_batch(&mut batch, &crate::storage::ExistingKeys::default())
        .expect("the demo region is valid");
    Instance::from_region(&region)
}

#[test]
fn the_demo_has_producer_and_purchasing_pools() {
    let instance = demo();
    let index = SpatialIndex::build(&instance);
    let pools = find_pools(&instance, &index, PoolSettings::default());
    for pool in &pools {
        assert_consistent(&instance, pool);
    }
    let needs: Vec<&str> = pools
        .iter()
        .map(|p| instance.needs[p.need].id.as_str())
        .collect();
    assert!(
        needs.contains(&"N0009"),
        "POOL-1, LDPE film to the regranulator: {needs:?}"
    );
    assert_eq!(
        find_pools(&instance, &index, PoolSettings::default()),
        pools
    );

    let buying = find_purchasing_pools(&instance, PurchasingSettings::default());
    assert!(!buying.is_empty());
    for pool in &buying {
        assert!(pool.firms.len() >= 3);
        assert!(
            pool.firms
                .iter()
                .all(|&f| instance.firms[f].employees <= 50)
        );
    }
    assert_eq!(
        find_purchasing_pools(&instance, PurchasingSettings::default()),
        buying
    );
}
