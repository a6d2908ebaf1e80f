//! Agreement with the OR-Tools optimum on stored generated instances.

use super::*;

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

    let plan = solve_plan(&instance, &edges).unwrap();

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
        include_str!("../../../fixtures/scenarios/gen-keyport-300-s2.json"),
        include_str!("../../../fixtures/scenarios/gen-keyport-300-s2.ref.line"),
    );
}

#[test]
fn the_plan_equals_the_reference_optimum_on_a_1000_firm_keyport_instance() {
    agrees_with_reference(
        include_str!("../../../fixtures/scenarios/gen-keyport-1000-s1.json"),
        include_str!("../../../fixtures/scenarios/gen-keyport-1000-s1.ref.line"),
    );
}

#[test]
fn the_plan_equals_the_reference_optimum_on_a_2000_firm_south_nl_instance() {
    agrees_with_reference(
        include_str!("../../../fixtures/scenarios/gen-south-nl-2000-s3.json"),
        include_str!("../../../fixtures/scenarios/gen-south-nl-2000-s3.ref.line"),
    );
}
