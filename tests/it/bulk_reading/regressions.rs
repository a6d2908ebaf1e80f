//! Regressions found in review.

use super::*;

fn semicolon_offers(quantity: &str) -> Batch {
    let text = format!(
        "id;company;material;quantity_per_year;disposal_cost_eur_per_unit\nO1;C1;02 02 03;{quantity};3\n"
    );
    read_csv("offers.csv", &text, today())
}

#[test]
fn a_decimal_point_in_a_semicolon_csv_is_not_read_as_a_thousands_separator() {
    let batch = semicolon_offers("12.5");

    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    assert_eq!(batch.offers[0].value.quantity().amount(), 12.5);
}

#[test]
fn thousands_dots_before_a_decimal_comma_are_read_in_a_semicolon_csv() {
    let batch = semicolon_offers("1.234,5");

    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    assert_eq!(batch.offers[0].value.quantity().amount(), 1234.5);
}

#[test]
fn dots_that_do_not_group_thousands_are_refused_not_guessed() {
    let batch = semicolon_offers("1.5,0");

    let lines: Vec<String> = batch.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        vec!["offers.csv:2: quantity_per_year: \"1.5,0\" is not a number"]
    );
}

#[test]
fn an_empty_required_parameter_is_reported_once() {
    let text = "parameter,value\ntransport_eur_per_tkm,\nroad_factor,1.3\nco2_kg_per_tkm,0.1\n";

    let batch = read_csv("parameters.csv", text, today());

    let lines: Vec<String> = batch.problems.iter().map(ToString::to_string).collect();
    assert_eq!(lines, vec!["parameters.csv:2: value: is empty"]);
}

#[test]
fn flows_of_a_refused_company_are_not_reported_as_naming_an_unknown_company() {
    let value = instance(
        vec![with(company("C1"), "lat", json!(200))],
        vec![offer("O1", "C1")],
        vec![],
    );

    let lines = problem_lines(read_json(&value));

    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("companies[0]: lat"));
}

#[test]
fn the_same_code_twice_in_co2_figures_is_refused() {
    let value = json!({"parameters": {"transport_eur_per_tkm": 0.12, "road_factor": 1.3,
        "co2_kg_per_tkm": 0.1, "co2_avoided_kg_per_t_by_ewc": {"02 02 03": 150, "020203": 160}}});

    let lines = problem_lines(read_json(&value));

    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("02 02 03 is given twice"), "{lines:?}");
}
