//! Producer pools: known answers.

use super::super::Truck;
use super::*;
use crate::matching::Params;

#[test]
fn nine_small_film_producers_reach_the_recyclers_lot_together() {
    let (b, need) = nine_film_producers();
    let pool = b.pool(need).expect("a pool");
    assert_consistent(&b.instance, &pool);
    // 8 × 4 t = 32 t is the least that reaches 30 t; the farthest producer stays home.
    assert_eq!(pool.members.len(), 8);
    assert_eq!(pool.quantity_per_year, 32.0);
    assert!(pool.members.iter().all(|m| m.offer != 8));
    // Two trips a year on a 20 t truck at 0.12 × 20 / 2 = 1.2 € per driven km.
    let expected = 2.0 * pool.round_km * 1.2;
    assert!((pool.cost_eur_per_year - expected).abs() < 1e-9);
    assert!((pool.benefit_eur_per_year - (32.0 * 240.0 - expected)).abs() < 1e-6);
    assert_eq!(b.pools(), vec![pool]);
}

#[test]
fn one_full_truck_costs_what_the_direct_exchange_costs() {
    let truck = Truck::for_unit(&Params::default(), Unit::Tonnes, 20.0).expect("trucked");
    // Out and back 10 road km with 20 t: 20 km × 1.2 € = 24 € = 0.12 €/tkm × 10 km × 20 t.
    assert!((truck.trips(20.0) * 20.0 * truck.eur_per_km - 0.12 * 10.0 * 20.0).abs() < 1e-9);
    assert_eq!(truck.trips(20.000_000_000_1), 1.0);
    assert_eq!(truck.trips(20.1), 2.0);
    assert!(Truck::for_unit(&Params::default(), Unit::MegawattHours, 20.0).is_none());
}

#[test]
fn a_producer_beyond_the_receivers_distance_never_joins() {
    let (mut b, need) = nine_film_producers();
    // Large and valuable, but 30 km by crow-fly against 25 road km.
    let far = b.firm_at(30.0, 0.0);
    let far_offer = b.offer(far, "15 01 02", 25.0, 300.0);
    let pool = b.pool(need).expect("a pool");
    assert!(pool.members.iter().all(|m| m.offer != far_offer));
    assert!(!pool.round.contains(&(far as usize)));
    assert_consistent(&b.instance, &pool);
}

#[test]
fn no_pool_when_the_lot_needs_a_producer_that_is_too_far() {
    let mut b = Builder::default();
    let recycler = b.firm_at(0.0, 0.0);
    let need = b.need(recycler, &["15 01 02"], 200.0, 30.0, 25.0);
    for i in 0..5 {
        let firm = b.firm_at(1.0 + i as f64, 0.0);
        b.offer(firm, "15 01 02", 4.0, 90.0);
    }
    let far = b.firm_at(0.0, 40.0);
    b.offer(far, "15 01 02", 20.0, 90.0);
    assert_eq!(b.pool(need), None);
    assert!(b.pools().is_empty());
}

#[test]
fn a_hazardous_offer_joins_only_a_licensed_receiver() {
    let (mut b, need) = nine_film_producers();
    b.instance.needs[need].accepts = vec![key("15 01 02"), key("15 01 10*")];
    b.instance.needs[need].accepts.sort_unstable();
    // Contaminated packaging next door, expensive to dispose of: the best candidates.
    let mut hazardous = Vec::new();
    for i in 0..3 {
        let firm = b.firm_at(0.5, 0.3 * i as f64);
        hazardous.push(b.offer(firm, "15 01 10*", 4.0, 400.0));
    }
    let unlicensed = b.pool(need).expect("a pool of film alone");
    assert!(
        unlicensed
            .members
            .iter()
            .all(|m| !hazardous.contains(&m.offer))
    );
    assert_consistent(&b.instance, &unlicensed);

    b.instance.needs[need].licensed_for_hazardous = true;
    let licensed = b.pool(need).expect("a pool");
    assert!(
        hazardous
            .iter()
            .all(|o| licensed.members.iter().any(|m| m.offer == *o))
    );
    assert_consistent(&b.instance, &licensed);
}

#[test]
fn no_pool_when_a_single_offer_reaches_the_lot() {
    let (mut b, need) = nine_film_producers();
    let big = b.firm_at(10.0, 10.0);
    b.offer(big, "15 01 02", 30.0, 10.0);
    assert_eq!(b.pool(need), None);
    assert!(b.pools().is_empty());
}

#[test]
fn no_pool_when_the_lot_cannot_be_reached() {
    let (mut b, need) = nine_film_producers();
    b.instance.needs[need].min_lot = 40.0;
    assert_eq!(b.pool(need), None, "9 × 4 t = 36 t < 40 t");
    b.instance.needs[need].min_lot = 30.0;
    b.instance.needs[need].quantity = 20.0;
    assert_eq!(b.pool(need), None, "a need smaller than its own lot");
}

#[test]
fn no_pool_beyond_the_member_limit() {
    let (b, need) = nine_film_producers();
    let index = SpatialIndex::build(&b.instance);
    let settings = PoolSettings {
        max_members: 7,
        ..PoolSettings::default()
    };
    assert_eq!(pool_for_need(&b.instance, &index, need, settings), None);
}

#[test]
fn offers_of_one_firm_share_a_stop() {
    let mut b = Builder::default();
    let recycler = b.firm_at(0.0, 0.0);
    let need = b.need(recycler, &["15 01 02", "15 01 01"], 200.0, 10.0, 25.0);
    let garage = b.firm_at(3.0, 0.0);
    let film = b.offer(garage, "15 01 02", 6.0, 90.0);
    let boxes = b.offer(garage, "15 01 01", 6.0, 20.0);
    let pool = b.pool(need).expect("a pool");
    assert_eq!(
        pool.round,
        vec![recycler as usize, garage as usize, recycler as usize]
    );
    let mut offers: Vec<usize> = pool.members.iter().map(|m| m.offer).collect();
    offers.sort_unstable();
    assert_eq!(offers, vec![film, boxes]);
    assert_consistent(&b.instance, &pool);
}

#[test]
fn the_need_takes_no_more_than_its_quantity() {
    let (mut b, need) = nine_film_producers();
    b.instance.needs[need].quantity = 31.0;
    let pool = b.pool(need).expect("a pool");
    assert_eq!(pool.quantity_per_year, 31.0);
    assert_consistent(&b.instance, &pool);
}

#[test]
fn pools_are_ranked_by_benefit_and_the_same_every_time() {
    let (mut b, first) = nine_film_producers();
    // A second, less valuable recycler of the same film on the same producers.
    let other = b.firm_at(-1.0, -1.0);
    let second = b.need(other, &["15 01 02"], 100.0, 20.0, 25.0);
    b.instance.needs[second].virgin_price = 50.0;
    let pools = b.pools();
    assert_eq!(
        pools.iter().map(|p| p.need).collect::<Vec<_>>(),
        vec![first, second]
    );
    assert_eq!(b.pools(), pools);
}
