//! Purchasing pools: known answers.

use super::*;
use crate::matching::pools::{PurchasingSettings, find_purchasing_pools};

/// Firms `north_km` from [`HOME`] with `employees`, each needing `codes`.
fn buyers(b: &mut Builder, spots: &[(f64, u32)], codes: &[&str]) -> Vec<u32> {
    spots
        .iter()
        .map(|&(north, employees)| {
            let firm = b.firm_at(north, 0.0);
            b.instance.firms[firm as usize].employees = employees;
            b.need(firm, codes, 5.0, 0.0, 20.0);
            firm
        })
        .collect()
}

#[test]
fn small_neighbours_needing_the_same_input_pool() {
    let mut b = Builder::default();
    // Four small bakeries within 3 km, a large one among them, one 40 km away.
    let firms = buyers(
        &mut b,
        &[
            (0.0, 8),
            (1.0, 12),
            (2.0, 3),
            (3.0, 40),
            (1.5, 400),
            (40.0, 5),
        ],
        &["15 01 01"],
    );
    let pools = find_purchasing_pools(&b.instance, PurchasingSettings::default());
    assert_eq!(pools.len(), 1);
    let pool = &pools[0];
    assert_eq!(pool.material, key("15 01 01"));
    assert_eq!(
        pool.firms,
        firms[..4].iter().map(|&f| f as usize).collect::<Vec<_>>()
    );
    assert_eq!(pool.needs, vec![0, 1, 2, 3]);
    assert_eq!(pool.quantity_per_year, 20.0);
    assert!((pool.spread_km - 3.0).abs() < 0.01);
}

#[test]
fn two_firms_make_no_pool_and_a_firm_joins_one_pool_per_material() {
    let mut b = Builder::default();
    buyers(&mut b, &[(0.0, 5), (1.0, 5)], &["15 01 01"]);
    assert!(find_purchasing_pools(&b.instance, PurchasingSettings::default()).is_empty());

    // A chain 0, 8, 16, 24, 32 km and two firms at 7 and 9 km: members lie within 10 km of
    // each other.
    let mut b = Builder::default();
    buyers(
        &mut b,
        &[
            (0.0, 5),
            (8.0, 5),
            (16.0, 5),
            (24.0, 5),
            (32.0, 5),
            (7.0, 5),
            (9.0, 5),
        ],
        &["15 01 01"],
    );
    let pools = find_purchasing_pools(&b.instance, PurchasingSettings::default());
    let mut seen: Vec<usize> = pools.iter().flat_map(|p| p.firms.clone()).collect();
    let all = seen.len();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(
        seen.len(),
        all,
        "a firm is in at most one pool of a material"
    );
    // The firm at 8 km has the most neighbours (0, 16, 7, 9); 7, 9 and 0 join, 16 is 16 km
    // from 0. Left are 16, 24 and 32: 16 and 32 are too far apart for a third member.
    assert_eq!(pools.len(), 1);
    assert_eq!(pools[0].firms, vec![0, 1, 5, 6]);
    assert!((pools[0].spread_km - 9.0).abs() < 0.01);
}

#[test]
fn a_chapter_need_does_not_repeat_a_pool_per_code() {
    let mut b = Builder::default();
    // Three firms take any packaging; two of them also need film explicitly, a fourth only
    // film. Film: all four. Every other packaging code: the same three, a subset — left out.
    buyers(&mut b, &[(0.0, 5), (1.0, 5), (2.0, 5)], &["15 01"]);
    buyers(&mut b, &[(3.0, 5)], &["15 01 02"]);
    let pools = find_purchasing_pools(&b.instance, PurchasingSettings::default());
    assert_eq!(pools.len(), 1, "{pools:?}");
    assert_eq!(pools[0].material, key("15 01 02"));
    assert_eq!(pools[0].firms.len(), 4);
    assert_eq!(
        find_purchasing_pools(&b.instance, PurchasingSettings::default()),
        pools
    );
}
