//! Imports go through the domain's bounds: a value past one is a `file:place: field: reason`
//! line naming the bound, and the record is not read.

use super::*;

#[test]
fn json_values_past_the_bounds_give_one_line_each_naming_the_bound() {
    let file = instance(
        vec![
            company("C1"),
            with(company("C2"), "employees", json!(500_000)),
        ],
        vec![
            with(offer("O1", "C1"), "quantity_t_per_year", json!(1e16)),
            with(offer("O2", "C1"), "disposal_cost_eur_per_t", json!(-1e300)),
            with(offer("O3", "C1"), "description", json!("d".repeat(2001))),
        ],
        vec![with(need("N1", "C1"), "max_distance_km", json!(1e20))],
    );

    let lines = problem_lines(read_json(&file));

    assert_eq!(
        lines,
        [
            "region.json:companies[1]: employees: 500000 must be between 0 and 100000",
            "region.json:offers[0]: quantity_t_per_year: 1e16 is more than 10000000 t per year, the most accepted",
            "region.json:offers[1]: disposal_cost_eur_per_t: -1e300 is less than -100000 € per unit, the lowest accepted",
            "region.json:offers[2]: description: is longer than 2000 characters",
            "region.json:needs[0]: max_distance_km: 1e20 is more than 1000 km, the most accepted",
        ]
    );
}

#[test]
fn a_csv_row_past_the_quantity_bound_is_a_line_naming_the_bound() {
    let text = offers_csv("O2,EGG,02 02 03,eggshells,1e16,t,60\n");

    // The file's own problems (its firms are in another file).
    let batch = read_csv("offers.csv", &text, today());
    let lines: Vec<String> = batch.problems.iter().map(ToString::to_string).collect();

    assert_eq!(
        lines,
        [
            "offers.csv:3: quantity_per_year: 1e16 is more than 10000000 t per year, the most accepted"
        ]
    );
}
