//! Known answers: hand-built scenarios with the result worked out.

use super::*;

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
        traits: None,
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
