use proptest::prelude::*;

use super::testkit::{Builder, demo_instance, firm_index};
use super::*;
use crate::matching::candidates::{Rules, check_pair};

fn loops_of(instance: &Instance, settings: LoopSettings) -> Vec<Loop> {
    find_loops(instance, &SpatialIndex::build(instance), settings)
}

fn chains_of(instance: &Instance, settings: LoopSettings) -> Vec<Chain> {
    find_chains(instance, &SpatialIndex::build(instance), settings)
}

/// Firm 0 feeds firm 2, firm 2 feeds firm 1, firm 1 feeds firm 0; each about 2 km apart.
/// `last_code` is what firm 1 offers to firm 0, and `reach_km` how far firm 2 collects.
fn three_firm_loop(last_code: &str, reach_km: f64) -> (Instance, [usize; 3], [usize; 3]) {
    let mut b = Builder::new();
    let (f0, f1, f2) = (b.firm(0.0, 0.0), b.firm(2.0, 0.0), b.firm(1.0, 2.0));
    let o0 = b.offer(f0, "02 02 03", 10.0, 50.0);
    let o2 = b.offer(f2, "03 01 05", 20.0, 30.0);
    let o1 = b.offer(f1, last_code, 5.0, 40.0);
    let n2 = b.need(f2, &["02 02 03"], 10.0, 20.0, reach_km);
    let n1 = b.need(f1, &["03 01 05"], 20.0, 10.0, 20.0);
    let n0 = b.need(f0, &[last_code], 5.0, 15.0, 20.0);
    (b.build(), [o0, o2, o1], [n2, n1, n0])
}

#[test]
fn a_three_firm_loop_is_found_once_from_its_smallest_firm_in_feeding_order() {
    let (instance, offers, needs) = three_firm_loop("15 01 01", 20.0);

    let loops = loops_of(&instance, LoopSettings::default());

    assert_eq!(loops.len(), 1);
    let found = &loops[0];
    assert_eq!(found.firms, vec![0, 2, 1]);
    let mut expected = 0.0;
    for (i, link) in found.links.iter().enumerate() {
        let economics = check_pair(&instance, offers[i], needs[i], Rules::default()).unwrap();
        assert_eq!((link.offer, link.need), (offers[i], needs[i]));
        assert_eq!(
            (link.from_firm, link.to_firm),
            (found.firms[i], found.firms[(i + 1) % 3])
        );
        assert_eq!(link.economics, economics);
        expected += economics.benefit_eur_per_year;
    }
    assert_eq!(found.benefit_eur_per_year, expected);
    assert!(expected > 0.0);
}

#[test]
fn a_mutual_exchange_of_two_firms_is_a_loop() {
    let mut b = Builder::new();
    let (f0, f1) = (b.firm(0.0, 0.0), b.firm(0.0, 3.0));
    b.offer(f0, "02 02 03", 10.0, 50.0);
    b.need(f1, &["02 02 03"], 10.0, 20.0, 20.0);
    b.offer(f1, "03 01 05", 10.0, 50.0);
    b.need(f0, &["03 01 05"], 10.0, 20.0, 20.0);

    let loops = loops_of(&b.build(), LoopSettings::default());

    assert_eq!(loops.len(), 1);
    assert_eq!(loops[0].firms, vec![0, 1]);
    assert_eq!(loops[0].links.len(), 2);
}

#[test]
fn a_link_too_far_for_its_receiver_breaks_the_loop() {
    let (instance, _, _) = three_firm_loop("15 01 01", 1.0);

    assert!(loops_of(&instance, LoopSettings::default()).is_empty());
}

#[test]
fn hazardous_waste_to_an_unlicensed_receiver_breaks_the_loop() {
    let (instance, _, _) = three_firm_loop("13 02 05*", 20.0);

    assert!(loops_of(&instance, LoopSettings::default()).is_empty());
}

#[test]
fn a_loop_needs_no_more_firms_than_max_len() {
    let (instance, _, _) = three_firm_loop("15 01 01", 20.0);
    let settings = LoopSettings {
        max_len: 2,
        ..LoopSettings::default()
    };

    assert!(loops_of(&instance, settings).is_empty());
}

/// Firm 0 sends much to firm 1 and little to firm 2; both send back to firm 0.
fn strong_and_weak_loop() -> Instance {
    let mut b = Builder::new();
    let (f0, f1, f2) = (b.firm(0.0, 0.0), b.firm(2.0, 0.0), b.firm(0.0, 2.0));
    b.offer(f0, "02 02 03", 100.0, 50.0);
    b.offer(f0, "03 01 05", 1.0, 50.0);
    b.need(f1, &["02 02 03"], 100.0, 20.0, 20.0);
    b.need(f2, &["03 01 05"], 100.0, 20.0, 20.0);
    b.offer(f1, "15 01 01", 10.0, 30.0);
    b.offer(f2, "15 01 01", 10.0, 30.0);
    b.need(f0, &["15 01 01"], 100.0, 10.0, 20.0);
    b.build()
}

#[test]
fn loops_rank_by_combined_benefit_and_the_per_firm_bound_drops_weak_links() {
    let instance = strong_and_weak_loop();

    let all = loops_of(&instance, LoopSettings::default());
    let bounded = loops_of(
        &instance,
        LoopSettings {
            per_firm: 1,
            ..LoopSettings::default()
        },
    );
    let capped = loops_of(
        &instance,
        LoopSettings {
            max_results: 1,
            ..LoopSettings::default()
        },
    );

    let firms = |loops: &[Loop]| loops.iter().map(|l| l.firms.clone()).collect::<Vec<_>>();
    assert_eq!(firms(&all), vec![vec![0, 1], vec![0, 2]]);
    assert!(all[0].benefit_eur_per_year > all[1].benefit_eur_per_year);
    assert_eq!(firms(&bounded), vec![vec![0, 1]]);
    assert_eq!(firms(&capped), vec![vec![0, 1]]);
}

#[test]
fn an_open_path_of_three_firms_is_a_chain_and_a_closed_one_is_not() {
    let (open, _, _) = three_firm_loop("13 02 05*", 20.0);
    let (closed, _, _) = three_firm_loop("15 01 01", 20.0);

    let chains = chains_of(&open, LoopSettings::default());

    assert_eq!(chains.len(), 1);
    assert_eq!(chains[0].firms, vec![0, 2, 1]);
    assert_eq!(chains[0].links.len(), 2);
    let sum: f64 = chains[0]
        .links
        .iter()
        .map(|l| l.economics.benefit_eur_per_year)
        .sum();
    assert_eq!(chains[0].benefit_eur_per_year, sum);
    assert!(chains_of(&closed, LoopSettings::default()).is_empty());
}

#[test]
fn the_demo_region_has_loops_and_chains_and_the_same_ones_every_time() {
    let instance = demo_instance();
    let settings = LoopSettings::default();

    let loops = loops_of(&instance, settings);
    let chains = chains_of(&instance, settings);

    assert!(!loops.is_empty());
    assert!(!chains.is_empty());
    assert_eq!(loops, loops_of(&instance, settings));
    assert_eq!(chains, chains_of(&instance, settings));
}

/// A planted loop's firms, rotated to start at the smallest index.
fn planted(instance: &Instance, ids: &[&str]) -> Vec<usize> {
    let mut firms: Vec<usize> = ids.iter().map(|id| firm_index(instance, id)).collect();
    let smallest = (0..firms.len()).min_by_key(|&i| firms[i]).unwrap_or(0);
    firms.rotate_left(smallest);
    firms
}

#[test]
fn the_planted_demo_loops_are_found_within_the_per_firm_bound() {
    let instance = demo_instance();
    let all = LoopSettings {
        max_results: usize::MAX,
        ..LoopSettings::default()
    };
    let wider = LoopSettings { per_firm: 9, ..all };

    let loops = loops_of(&instance, all);
    let wider_loops = loops_of(&instance, wider);

    let found =
        |loops: &[Loop], ids: &[&str]| loops.iter().any(|l| l.firms == planted(&instance, ids));
    for ids in [
        &["F032", "F033", "F034"][..],
        &["F033", "F034"],
        &["F035", "F036", "F037"],
        &["F039", "F040", "F011", "F041"],
        &["F081", "F011"],
    ] {
        assert!(found(&loops, ids), "{ids:?} is found");
    }
    // LOOP-4's closing link, CO₂ from the green-gas plant F039 to the brewery F021, is only
    // the ninth best of F039's ten outgoing links: the bound drops it, a wider one keeps it.
    let loop_4 = ["F021", "F038", "F039"];
    assert!(!found(&loops, &loop_4));
    assert!(found(&wider_loops, &loop_4));
}

const CODES: [&str; 4] = ["02 02 03", "03 01 05", "15 01 01", "13 02 05*"];

prop_compose! {
    fn random_instance()(
        places in prop::collection::vec((0.0..8.0f64, 0.0..8.0f64), 2..7),
        offers in prop::collection::vec((0..7usize, 0..4usize, 1.0..50.0f64, -10.0..60.0f64), 0..14),
        needs in prop::collection::vec((0..7usize, 0..4usize, 1.0..50.0f64, 0.0..40.0f64, 2.0..15.0f64, any::<bool>()), 0..14),
    ) -> Instance {
        let mut b = Builder::new();
        for &(east, north) in &places {
            b.firm(east, north);
        }
        let firm = |i: usize| (i % places.len()) as u32;
        for &(f, code, tonnes, disposal) in &offers {
            b.offer(firm(f), CODES[code], tonnes, disposal);
        }
        for &(f, code, tonnes, virgin, reach, licensed) in &needs {
            let need = b.need(firm(f), &[CODES[code]], tonnes, virgin, reach);
            b.instance.needs[need].licensed_for_hazardous = licensed;
        }
        b.build()
    }
}

/// Every elementary cycle of feasible firm pairs, by brute force over firm tuples.
fn brute_force_cycles(instance: &Instance) -> Vec<Vec<usize>> {
    let n = instance.firms.len();
    let feeds = |a: usize, b: usize| {
        (0..instance.offers.len()).any(|o| {
            instance.offers[o].firm as usize == a
                && (0..instance.needs.len()).any(|j| {
                    instance.needs[j].firm as usize == b
                        && check_pair(instance, o, j, Rules::default()).is_ok()
                })
        })
    };
    let mut cycles = Vec::new();
    for len in 2..=5usize {
        for code in 0..n.pow(len as u32) {
            let tuple: Vec<usize> = (0..len).map(|i| code / n.pow(i as u32) % n).collect();
            let distinct = (0..len).all(|i| (i + 1..len).all(|j| tuple[i] != tuple[j]));
            let smallest_first = tuple.iter().all(|&f| f >= tuple[0]);
            if distinct && smallest_first && (0..len).all(|i| feeds(tuple[i], tuple[(i + 1) % len]))
            {
                cycles.push(tuple);
            }
        }
    }
    cycles.sort();
    cycles
}

proptest! {
    #[test]
    fn every_loop_link_is_feasible_consecutive_and_closes(instance in random_instance()) {
        let settings = LoopSettings { max_len: 5, per_firm: 8, max_results: 1000 };
        let loops = loops_of(&instance, settings);
        for found in &loops {
            let len = found.firms.len();
            prop_assert!((2..=5).contains(&len));
            prop_assert_eq!(found.links.len(), len);
            prop_assert!(found.firms.iter().all(|&f| f >= found.firms[0]));
            for (i, link) in found.links.iter().enumerate() {
                let economics = check_pair(&instance, link.offer, link.need, Rules::default());
                prop_assert_eq!(economics, Ok(link.economics));
                prop_assert_eq!(link.from_firm, found.firms[i]);
                prop_assert_eq!(link.to_firm, found.firms[(i + 1) % len]);
                prop_assert_eq!(instance.offers[link.offer].firm as usize, link.from_firm);
                prop_assert_eq!(instance.needs[link.need].firm as usize, link.to_firm);
            }
        }
        let mut firms: Vec<Vec<usize>> = loops.iter().map(|l| l.firms.clone()).collect();
        firms.sort();
        prop_assert_eq!(firms, brute_force_cycles(&instance));
    }
}

#[test]
fn variety_keeps_a_link_in_at_most_two_reported_loops() {
    let instance = demo_instance();
    let ranked = loops_of(
        &instance,
        LoopSettings {
            max_results: 1000,
            ..LoopSettings::default()
        },
    );

    let varied = super::with_variety(ranked.clone(), 50);

    assert!((10..=50).contains(&varied.len()), "{}", varied.len());
    assert_eq!(varied[0], ranked[0]);
    let mut uses = std::collections::HashMap::new();
    for found in &varied {
        for link in &found.links {
            *uses.entry((link.from_firm, link.to_firm)).or_insert(0) += 1;
        }
    }
    assert!(uses.values().all(|&n| n <= super::MAX_LOOPS_PER_LINK));
    for pair in varied.windows(2) {
        assert!(pair[0].benefit_eur_per_year >= pair[1].benefit_eur_per_year);
    }
}
