//! The matcher: known answers, agreement with the reference optimum, and properties.

use std::collections::BTreeSet;

use proptest::prelude::*;
use symbiose::domain::{Material, Unit};
use symbiose::matching::candidates::{Infeasible, Rules, check_pair};
use symbiose::matching::index::SpatialIndex;
use symbiose::matching::plan::{candidate_edges, solve_plan};
use symbiose::matching::suggest::{FlowRef, suggest};
use symbiose::matching::{FirmSite, Instance, MaterialKey, NeedFlow, OfferFlow, Params};

use crate::common::TINY_JSON;
use crate::storage::region_from;

fn key(code: &str) -> MaterialKey {
    MaterialKey::of(&Material::parse(code).unwrap())
}

/// A small instance built by hand: firms at points, offers and needs in tonnes.
#[derive(Default)]
struct Builder {
    instance: Instance,
}

impl Builder {
    fn firm(&mut self, lat: f64, lon: f64) -> u32 {
        let n = self.instance.firms.len();
        self.instance.firms.push(FirmSite {
            id: format!("F{n}"),
            name: format!("Firm {n}"),
            lat,
            lon,
            nace: None,
            employees: 10,
            municipality: "Weert".into(),
        });
        n as u32
    }

    fn offer(&mut self, firm: u32, code: &str, quantity: f64, disposal: f64) -> usize {
        let n = self.instance.offers.len();
        let material = key(code);
        self.instance.offers.push(OfferFlow {
            id: format!("O{n}"),
            firm,
            material,
            hazardous: code.ends_with('*'),
            unit: Unit::Tonnes,
            quantity,
            disposal_cost: disposal,
            available_from: None,
            available_until: None,
        });
        n
    }

    fn need(
        &mut self,
        firm: u32,
        accepts: &[&str],
        quantity: f64,
        virgin: f64,
        max_km: f64,
    ) -> usize {
        let n = self.instance.needs.len();
        let mut accepts: Vec<MaterialKey> = accepts.iter().map(|c| key(c)).collect();
        accepts.sort_unstable();
        self.instance.needs.push(NeedFlow {
            id: format!("N{n}"),
            firm,
            accepts,
            unit: Unit::Tonnes,
            quantity,
            min_lot: 0.0,
            virgin_price: virgin,
            max_road_km: max_km,
            licensed_for_hazardous: false,
        });
        n
    }
}

fn plan_of(instance: &Instance) -> symbiose::matching::plan::Plan {
    let index = SpatialIndex::build(instance);
    let edges = candidate_edges(instance, &index, Rules::default());
    solve_plan(instance, &edges).unwrap().0
}

#[test]
fn the_benchmark_example_has_exactly_the_reference_candidate_edges() {
    let instance = Instance::from_region(&region_from(TINY_JSON));
    let index = SpatialIndex::build(&instance);

    let edges = candidate_edges(&instance, &index, Rules::default());

    let mut pairs = BTreeSet::new();
    for need in 0..instance.needs.len() {
        for e in edges.need_start[need]..edges.need_start[need + 1] {
            let offer = edges.offer[e] as usize;
            pairs.insert((
                instance.offers[offer].id.clone(),
                instance.needs[need].id.clone(),
            ));
        }
    }
    let expected: BTreeSet<(String, String)> =
        [("A", "X"), ("A", "Y"), ("B", "X"), ("B", "W"), ("S", "Y")]
            .iter()
            .map(|(o, n)| (o.to_string(), n.to_string()))
            .collect();
    assert_eq!(pairs, expected);
}

#[test]
fn the_benchmark_example_plan_is_the_known_optimum_not_the_maximum_flow() {
    let instance = Instance::from_region(&region_from(TINY_JSON));
    let b = instance.offers.iter().position(|o| o.id == "B").unwrap();
    let w = instance.needs.iter().position(|n| n.id == "W").unwrap();
    let road_bw = check_pair(&instance, b, w, Rules::default())
        .unwrap()
        .road_km;

    let plan = plan_of(&instance);

    let best = 10.0 * 100.0 + 5.0 * 60.0 + 4.0 * (10.0 - 0.12 * road_bw);
    assert!(
        (plan.objective_eur_per_year - best).abs() < 0.05,
        "{} vs {best}",
        plan.objective_eur_per_year
    );
    assert!((plan.quantity_per_year - 19.0).abs() < 1e-9);
}

#[test]
fn the_optimum_beats_greedy_pairing_where_greedy_is_short_sighted() {
    // Greedy takes the single best pair (O0→N0, €100/t) and strands O1; the optimum sends O0
    // to N1 (€90/t) so that O1 can serve N0 (€80/t): 10·90 + 10·80 = 1700 > 10·100.
    let mut b = Builder::default();
    let (f0, f1, f2, f3) = (
        b.firm(51.25, 5.70),
        b.firm(51.25, 5.70),
        b.firm(51.25, 5.70),
        b.firm(51.25, 5.70),
    );
    b.offer(f0, "02 02 03", 10.0, 60.0);
    b.offer(f1, "02 03 04", 10.0, 40.0);
    b.need(f2, &["02 02 03", "02 03 04"], 10.0, 40.0, 20.0);
    b.need(f3, &["02 02 03"], 10.0, 30.0, 20.0);

    let plan = plan_of(&b.instance);

    assert!(
        (plan.objective_eur_per_year - 1700.0).abs() < 1e-6,
        "{}",
        plan.objective_eur_per_year
    );
    assert_eq!(plan.exchanges.len(), 2);
}

#[test]
fn near_beats_far_in_suggestions() {
    let mut b = Builder::default();
    let producer = b.firm(51.25, 5.70);
    let near = b.firm(51.26, 5.70);
    let far = b.firm(51.40, 5.70);
    let offer = b.offer(producer, "12 01 01", 50.0, -150.0);
    b.need(far, &["12 01 01"], 100.0, 350.0, 80.0);
    b.need(near, &["12 01 01"], 100.0, 350.0, 80.0);
    let index = SpatialIndex::build(&b.instance);

    let found = suggest(
        &b.instance,
        &index,
        FlowRef::Offer(&b.instance.offers[offer]),
        Rules::default(),
        5,
    );

    assert_eq!(found.len(), 2);
    assert_eq!(found[0].counterpart_id, "N1");
    assert!(found[0].economics.road_km < found[1].economics.road_km);
    assert!(found[0].economics.benefit_eur_per_year > found[1].economics.benefit_eur_per_year);
    assert_eq!(found[0].reasons.len(), 5);
    assert!(found[0].reasons[1].to_string().contains("km by road"));
}

#[test]
fn hazardous_waste_goes_only_to_a_licensed_receiver() {
    let mut b = Builder::default();
    let garage = b.firm(51.25, 5.70);
    let heater = b.firm(51.26, 5.70);
    let refiner = b.firm(51.27, 5.70);
    let oil = b.offer(garage, "13 02 05*", 5.0, 50.0);
    let unlicensed = b.need(heater, &["13 02 05*"], 5.0, 700.0, 30.0);
    let licensed = b.need(refiner, &["13 02 05*"], 5.0, 400.0, 30.0);
    b.instance.needs[licensed].licensed_for_hazardous = true;

    let plan = plan_of(&b.instance);

    assert_eq!(
        check_pair(&b.instance, oil, unlicensed, Rules::default()),
        Err(Infeasible::HazardousUnlicensed)
    );
    assert_eq!(plan.exchanges.len(), 1);
    assert_eq!(plan.exchanges[0].need, licensed);
}

#[test]
fn a_chapter_or_sub_chapter_on_the_acceptance_list_accepts_its_codes_only() {
    let region = region_from(
        r#"{"companies": [
            {"id": "P", "name": "P", "lat": 51.25, "lon": 5.70, "employees": 5, "municipality": "Weert"},
            {"id": "R", "name": "R", "lat": 51.26, "lon": 5.70, "employees": 5, "municipality": "Weert"}],
          "offers": [
            {"id": "BOX", "company": "P", "ewc": "15 01 01", "quantity_t_per_year": 5, "disposal_cost_eur_per_t": 20},
            {"id": "GLASS", "company": "P", "ewc": "15 01 07", "quantity_t_per_year": 5, "disposal_cost_eur_per_t": 20},
            {"id": "PAPER", "company": "P", "ewc": "20 01 01", "quantity_t_per_year": 5, "disposal_cost_eur_per_t": 20}],
          "needs": [
            {"id": "SORT", "company": "R", "accepts": ["15 01"], "quantity_t_per_year": 50, "virgin_price_eur_per_t": 10, "max_distance_km": 20},
            {"id": "MUNI", "company": "R", "accepts": ["20"], "quantity_t_per_year": 50, "virgin_price_eur_per_t": 10, "max_distance_km": 20}]}"#,
    );
    let instance = Instance::from_region(&region);
    let index = SpatialIndex::build(&instance);

    let edges = candidate_edges(&instance, &index, Rules::default());

    let mut accepted: Vec<(usize, usize)> = (0..instance.needs.len())
        .flat_map(|n| (edges.need_start[n]..edges.need_start[n + 1]).map(move |e| (n, e)))
        .map(|(n, e)| (edges.offer[e] as usize, n))
        .collect();
    accepted.sort_unstable();
    assert_eq!(accepted, vec![(0, 0), (1, 0), (2, 1)]);
}

#[test]
fn a_receiver_beyond_its_collection_distance_is_not_proposed() {
    let mut b = Builder::default();
    let producer = b.firm(51.25, 5.70);
    let receiver = b.firm(51.35, 5.70); // 11.1 km crow-fly, 14.5 km by road
    let offer = b.offer(producer, "02 07 04", 100.0, 10.0);
    let need = b.need(receiver, &["02 07 04"], 100.0, 100.0, 14.0);

    let verdict = check_pair(&b.instance, offer, need, Rules::default());

    assert!(
        matches!(verdict, Err(Infeasible::TooFar { .. })),
        "{verdict:?}"
    );
    assert!(plan_of(&b.instance).exchanges.is_empty());
    b.instance.needs[need].max_road_km = 15.0;
    assert_eq!(plan_of(&b.instance).exchanges.len(), 1);
}

/// `(candidate_edges, objective, tonnes)` of the reference result line next to a fixture.
fn reference(line: &str) -> (usize, f64, f64) {
    let value: serde_json::Value = serde_json::from_str(line).unwrap();
    (
        value["candidate_edges"].as_u64().unwrap() as usize,
        value["objective_eur_per_year"].as_f64().unwrap(),
        value["tonnes_matched"].as_f64().unwrap(),
    )
}

fn agrees_with_reference(instance_json: &str, reference_line: &str) {
    let instance = Instance::from_region(&region_from(instance_json));
    let (edges_expected, objective, tonnes) = reference(reference_line);
    let index = SpatialIndex::build(&instance);
    let edges = candidate_edges(&instance, &index, Rules::default());

    let (plan, _) = solve_plan(&instance, &edges).unwrap();

    assert_eq!(edges.len(), edges_expected, "candidate edges");
    // FORMAT.md: two exact solvers on integer-scaled data differ by at most
    // 0.01 €/t × tonnes matched + 0.0005 t × max b × nodes.
    let max_b = instance
        .needs
        .iter()
        .map(|n| n.virgin_price)
        .fold(0.0, f64::max)
        + instance
            .offers
            .iter()
            .map(|o| o.disposal_cost)
            .fold(0.0, f64::max);
    let nodes = (instance.offers.len() + instance.needs.len()) as f64;
    let tolerance = 0.01 * tonnes + 0.0005 * max_b * nodes;
    let gap = (plan.objective_eur_per_year - objective).abs();
    assert!(
        gap <= tolerance,
        "objective {} vs reference {objective}: gap {gap} > {tolerance}",
        plan.objective_eur_per_year
    );
}

#[test]
fn the_plan_equals_the_reference_optimum_on_a_300_firm_keyport_instance() {
    agrees_with_reference(
        include_str!("../../fixtures/scenarios/gen-keyport-300-s2.json"),
        include_str!("../../fixtures/scenarios/gen-keyport-300-s2.ref.line"),
    );
}

#[test]
fn the_plan_equals_the_reference_optimum_on_a_1000_firm_keyport_instance() {
    agrees_with_reference(
        include_str!("../../fixtures/scenarios/gen-keyport-1000-s1.json"),
        include_str!("../../fixtures/scenarios/gen-keyport-1000-s1.ref.line"),
    );
}

#[test]
fn the_plan_equals_the_reference_optimum_on_a_2000_firm_south_nl_instance() {
    agrees_with_reference(
        include_str!("../../fixtures/scenarios/gen-south-nl-2000-s3.json"),
        include_str!("../../fixtures/scenarios/gen-south-nl-2000-s3.ref.line"),
    );
}

/// Greedy by benefit per tonne: the naive matcher the plan must never lose to.
fn greedy_objective(instance: &Instance) -> f64 {
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

fn random_instance() -> impl Strategy<Value = Instance> {
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

#[test]
fn a_new_offer_gets_suggestions_from_the_existing_index_without_rebuilding_it() {
    let mut b = Builder::default();
    let producer = b.firm(51.25, 5.70);
    let receiver = b.firm(51.26, 5.70);
    b.need(receiver, &["02 02 03"], 100.0, 80.0, 30.0);
    let index = SpatialIndex::build(&b.instance);
    // A flow registered after the index was built: it is not in the instance at all.
    let new_offer = OfferFlow {
        id: "NEW".into(),
        firm: producer,
        material: key("02 02 03"),
        hazardous: false,
        unit: Unit::Tonnes,
        quantity: 12.0,
        disposal_cost: 60.0,
        available_from: None,
        available_until: None,
    };

    let found = suggest(
        &b.instance,
        &index,
        FlowRef::Offer(&new_offer),
        Rules::default(),
        5,
    );

    assert_eq!(found.len(), 1);
    assert_eq!(found[0].counterpart_id, "N0");
    assert!((found[0].economics.quantity - 12.0).abs() < 1e-9);
}
