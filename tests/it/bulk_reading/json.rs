//! JSON instances.

use super::*;

#[test]
fn each_bad_value_in_a_json_file_gives_exactly_one_problem_line() {
    let file = instance(
        vec![company("C1"), with(company("C2"), "lat", json!(200))],
        vec![
            with(offer("O1", "C1"), "quantity_t_per_year", json!(-5)),
            with(offer("O2", "C1"), "ewc", json!("99 99 99")),
        ],
        vec![with(need("N1", "C1"), "accepts", json!([]))],
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        [
            "region.json:companies[1]: lat: 200 is outside [-90, 90]",
            "region.json:offers[0]: quantity_t_per_year: -5 must be greater than 0",
            "region.json:offers[1]: ewc: \"99 99 99\" is not in the European List of Waste",
            "region.json:needs[0]: accepts: lists no material; a need must accept at least one",
        ]
    );
}

#[test]
fn a_bad_acceptance_entry_in_json_is_placed_by_its_index() {
    let file = instance(
        vec![company("C1")],
        vec![],
        vec![with(need("N1", "C1"), "accepts", json!(["02 02 03", "42"]))],
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        ["region.json:needs[0]: accepts[1]: \"42\" is not a chapter of the European List of Waste"]
    );
}

#[test]
fn a_json_syntax_error_reports_its_line() {
    let text = "{\n  \"companies\": [\n    {\"id\": \"C1\",, \"name\": \"x\"}\n  ]\n}\n";

    let batch = read_instance("broken.json", text, today());

    assert_eq!(batch.problems.len(), 1, "{:?}", batch.problems);
    let problem = &batch.problems[0];
    assert_eq!(problem.origin.place, "3");
    assert_eq!(problem.field, "json");
    assert!(
        problem.to_string().starts_with("broken.json:3: json: "),
        "{problem}"
    );
    assert!(problem.reason.contains("line 3"), "{problem}");
}

#[test]
fn a_json_file_that_is_not_an_object_is_refused() {
    let batch = read_instance("list.json", "[1, 2, 3]", today());

    let lines = problem_lines(batch);

    assert_eq!(
        lines,
        ["list.json:$: json: the file must hold one JSON object"]
    );
}

#[test]
fn a_json_file_of_another_format_is_refused() {
    let file = with(
        instance(vec![company("C1")], vec![], vec![]),
        "format",
        json!("other/2"),
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("region.json:$: format: \"other/2\" is not \"symbiosis-instance/1\""),
        "{lines:?}"
    );
}

#[test]
fn text_where_a_number_belongs_is_reported_once() {
    let file = instance(
        vec![company("C1")],
        vec![with(offer("O1", "C1"), "quantity_t_per_year", json!("abc"))],
        vec![],
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        ["region.json:offers[0]: quantity_t_per_year: expected a number, found \"abc\""]
    );
}

#[test]
fn a_fraction_where_a_whole_number_belongs_is_reported() {
    let file = instance(
        vec![with(company("C1"), "employees", json!(12.5))],
        vec![],
        vec![],
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        ["region.json:companies[0]: employees: expected a whole number, found 12.5"]
    );
}

#[test]
fn a_number_where_text_belongs_is_reported_once() {
    let file = instance(vec![with(company("C1"), "name", json!(42))], vec![], vec![]);

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        ["region.json:companies[0]: name: expected text, found 42"]
    );
}

#[test]
fn a_list_of_numbers_as_accepts_is_reported_per_entry() {
    let file = instance(
        vec![company("C1")],
        vec![],
        vec![with(
            need("N1", "C1"),
            "accepts",
            json!(["02 02 03", 150101]),
        )],
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        ["region.json:needs[0]: accepts[1]: expected text, found 150101"]
    );
}

#[test]
fn a_missing_required_number_is_reported_once() {
    let file = instance(
        vec![company("C1")],
        vec![with(offer("O1", "C1"), "quantity_t_per_year", Value::Null)],
        vec![],
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        ["region.json:offers[0]: quantity_t_per_year: is missing"]
    );
}

#[test]
fn a_missing_required_text_is_reported_once_and_not_again_by_the_domain() {
    let file = instance(
        vec![with(company("C1"), "municipality", Value::Null)],
        vec![],
        vec![with(need("N1", "C1"), "accepts", Value::Null)],
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        [
            "region.json:companies[0]: municipality: is missing",
            "region.json:needs[0]: accepts: is missing",
        ]
    );
}

#[test]
fn an_offer_naming_both_ewc_and_material_is_refused() {
    let file = instance(
        vec![company("C1")],
        vec![with(offer("O1", "C1"), "material", json!("co2"))],
        vec![],
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        ["region.json:offers[0]: material: give either ewc or material, not both"]
    );
}

#[test]
fn duplicate_ids_within_a_json_file_are_reported_at_the_second_one() {
    let file = instance(
        vec![company("C1"), company("C1")],
        vec![offer("O1", "C1"), offer("O1", "C1")],
        vec![need("N1", "C1"), need("N1", "C1")],
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        [
            "region.json:companies[1]: id: firm \"C1\" appears twice (first at region.json:companies[0])",
            "region.json:offers[1]: id: offer \"O1\" appears twice (first at region.json:offers[0])",
            "region.json:needs[1]: id: need \"N1\" appears twice (first at region.json:needs[0])",
        ]
    );
}

#[test]
fn an_offer_and_a_need_may_share_an_id() {
    let file = instance(
        vec![company("C1")],
        vec![offer("X1", "C1")],
        vec![need("X1", "C1")],
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(lines, Vec::<String>::new());
}

#[test]
fn an_offer_naming_an_unknown_company_is_refused() {
    let file = instance(
        vec![company("C1")],
        vec![offer("O1", "NOPE")],
        vec![need("N1", "GONE")],
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        [
            "region.json:offers[0]: company: \"NOPE\" is not a known company id",
            "region.json:needs[0]: company: \"GONE\" is not a known company id",
        ]
    );
}

#[test]
fn a_company_already_in_the_database_may_be_named() {
    let file = instance(vec![], vec![offer("O1", "OLD")], vec![]);
    let mut batch = read_json(&file);
    let existing = ExistingKeys {
        firms: ["OLD".to_string()].into(),
        ..ExistingKeys::default()
    };

    let region = check_batch(&mut batch, &existing).expect("OLD is a known company");

    assert_eq!(region.offers.len(), 1);
}

#[test]
fn an_id_already_in_the_database_is_refused() {
    let file = instance(vec![company("C1")], vec![offer("O1", "C1")], vec![]);
    let mut batch = read_json(&file);
    let existing = ExistingKeys {
        offers: ["O1".to_string()].into(),
        ..ExistingKeys::default()
    };

    let problems = check_batch(&mut batch, &existing).expect_err("O1 is taken");

    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        ["region.json:offers[0]: id: offer \"O1\" exists already in the database"]
    );
}

#[test]
fn flows_in_other_units_use_the_generic_field_names() {
    let heat = json!({
        "id": "O1", "company": "C1", "material": "heat-low", "unit": "MWh",
        "quantity_per_year": 500.0, "disposal_cost_eur_per_unit": 2.0
    });
    let water = json!({
        "id": "N1", "company": "C1", "accepts": ["process-water"], "unit": "m3",
        "quantity_per_year": 900.0, "min_lot_per_year": 100.0,
        "virgin_price_eur_per_unit": 1.5, "max_distance_km": 10.0
    });
    let file = instance(vec![company("C1")], vec![heat], vec![water]);

    let region = region_of(read_json(&file));

    let offer = &region.offers[0];
    assert_eq!(offer.material(), Material::Resource(Resource::HeatLow));
    assert_eq!(offer.quantity().amount(), 500.0);
    assert_eq!(offer.quantity().unit(), Unit::MegawattHours);
    assert_eq!(offer.disposal_cost_eur_per_unit(), 2.0);
    let need = &region.needs[0];
    assert_eq!(need.quantity().unit(), Unit::CubicMetres);
    assert_eq!(need.min_lot_per_year(), 100.0);
    assert_eq!(need.virgin_price_eur_per_unit(), 1.5);
}

#[test]
fn a_flow_in_other_units_with_tonne_field_names_is_told_the_generic_names() {
    let heat = json!({
        "id": "O1", "company": "C1", "material": "heat-low", "unit": "MWh",
        "quantity_t_per_year": 500.0, "disposal_cost_eur_per_t": 2.0
    });
    let file = instance(vec![company("C1")], vec![heat], vec![]);

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        [
            "region.json:offers[0]: quantity_per_year: is missing",
            "region.json:offers[0]: disposal_cost_eur_per_unit: is missing",
        ]
    );
}

#[test]
fn a_domain_problem_of_a_flow_in_other_units_uses_the_generic_name() {
    let heat = json!({
        "id": "O1", "company": "C1", "material": "heat-low", "unit": "MWh",
        "quantity_per_year": -1.0, "disposal_cost_eur_per_unit": 2.0
    });
    let file = instance(vec![company("C1")], vec![heat], vec![]);

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        ["region.json:offers[0]: quantity_per_year: -1 must be greater than 0"]
    );
}

#[test]
fn steam_in_cubic_metres_is_refused() {
    let steam = json!({
        "id": "O1", "company": "C1", "material": "steam", "unit": "m3",
        "quantity_per_year": 5.0, "disposal_cost_eur_per_unit": 0.0
    });
    let file = instance(vec![company("C1")], vec![steam], vec![]);

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        ["region.json:offers[0]: unit: steam is measured in MWh or t, not m3"]
    );
}

#[test]
fn bad_parameters_are_placed_under_parameters() {
    let file = with(
        instance(vec![company("C1")], vec![], vec![]),
        "parameters",
        json!({"transport_eur_per_tkm": 0.12, "road_factor": 0.5, "co2_kg_per_tkm": 0.1}),
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        ["region.json:parameters: road_factor: 0.5 must be at least 1"]
    );
}

#[test]
fn the_tiny_benchmark_example_reads_without_problems() {
    let batch = read_instance("tiny.json", TINY_JSON, today());

    let region = region_of(batch);

    assert_eq!(region.firms.len(), 8);
    assert_eq!(region.offers.len(), 4);
    assert_eq!(region.needs.len(), 6);
    assert!(region.meta.is_some());
    let parameters = region.parameters.expect("tiny.json has parameters");
    assert_eq!(parameters.road_factor(), 1.3);
    let oil = region
        .offers
        .iter()
        .find(|o| o.id().as_str() == "H")
        .expect("offer H");
    assert_eq!(oil.material().code(), "13 02 05*");
    assert!(oil.material().is_hazardous());
}

#[test]
fn a_region_written_as_json_reads_back_equal() {
    let region = region_of(read_json(&rich_instance()));

    let text = write_instance(&region).to_string();
    let again = region_of(read_instance("export.json", &text, today()));

    assert_eq!(again, region);
}

#[test]
fn the_tiny_example_written_as_json_reads_back_equal() {
    let region = region_of(read_instance("tiny.json", TINY_JSON, today()));

    let text = serde_json::to_string_pretty(&write_instance(&region)).unwrap();
    let again = region_of(read_instance("export.json", &text, today()));

    assert_eq!(again, region);
}

#[test]
fn tonne_flows_are_written_with_the_benchmark_field_names() {
    let region = region_of(read_json(&rich_instance()));

    let written = write_instance(&region);

    let offers = written["offers"].as_array().unwrap();
    let eggs = &offers[0];
    assert_eq!(eggs["quantity_t_per_year"], json!(12.345));
    assert_eq!(eggs["disposal_cost_eur_per_t"], json!(-7.5));
    assert!(eggs.get("unit").is_none(), "{eggs}");
    let heat = &offers[2];
    assert_eq!(heat["unit"], json!("MWh"));
    assert_eq!(heat["quantity_per_year"], json!(1500.0));
    assert_eq!(heat["material"], json!("heat-medium"));
    assert!(heat.get("quantity_t_per_year").is_none(), "{heat}");
    assert_eq!(written["format"], json!("symbiosis-instance/1"));
}
