//! CSV files.

use super::*;

#[test]
fn a_csv_with_company_columns_holds_companies() {
    let text = "id,name,lat,lon,nace,employees,municipality,address\n\
                C1,Bakkerij,51.25,5.70,C10.71,12,Weert,Markt 1\n";

    let batch = read_csv("companies.csv", text, today());

    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    assert_eq!(batch.firms.len(), 1);
    let firm = &batch.firms[0].value;
    assert_eq!(firm.name(), "Bakkerij");
    assert_eq!(firm.address(), "Markt 1");
    assert_eq!(batch.firms[0].origin, Origin::new("companies.csv", "2"));
}

#[test]
fn a_csv_with_a_material_column_holds_offers() {
    let batch = read_csv("a.csv", &offers_csv(""), today());

    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    assert_eq!(batch.offers.len(), 1);
    assert!(batch.firms.is_empty() && batch.needs.is_empty());
    assert_eq!(batch.offers[0].value.material().code(), "02 02 03");
}

#[test]
fn a_csv_with_an_accepts_column_holds_needs() {
    let text = "id,company,accepts,quantity_per_year,virgin_price_eur_per_unit,max_distance_km\n\
                N1,C1,02 02 03,10,20,50\n";

    let batch = read_csv("b.csv", text, today());

    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    assert_eq!(batch.needs.len(), 1);
    assert!(batch.firms.is_empty() && batch.offers.is_empty());
}

#[test]
fn a_csv_with_a_parameter_column_holds_parameters() {
    let text = "parameter,value\n\
                transport_eur_per_tkm,0.2\n\
                road_factor,1.4\n\
                co2_kg_per_tkm,0.09\n\
                co2_avoided_kg_per_t_by_ewc:020203,150\n";

    let batch = read_csv("c.csv", text, today());

    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    let parameters = &batch.parameters.expect("parameters read").value;
    assert_eq!(parameters.transport_eur_per_tkm(), 0.2);
    assert_eq!(parameters.road_factor(), 1.4);
    assert_eq!(parameters.co2_kg_per_tkm(), 0.09);
    assert_eq!(
        parameters
            .co2_avoided_kg_per_t_by_ewc()
            .and_then(|m| m.get("02 02 03")),
        Some(&150.0)
    );
}

#[test]
fn benchmark_column_names_are_accepted_as_aliases() {
    let text = "id,company,ewc,quantity_t_per_year,disposal_cost_eur_per_t\n\
                O1,C1,13 02 05*,2,50\n";

    let batch = read_csv("offers.csv", text, today());

    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    let offer = &batch.offers[0].value;
    assert_eq!(offer.material().code(), "13 02 05*");
    assert_eq!(offer.quantity().amount(), 2.0);
    assert_eq!(offer.disposal_cost_eur_per_unit(), 50.0);
}

#[test]
fn a_header_with_a_byte_order_mark_is_recognised() {
    let text = "\u{feff}id,name,lat,lon,employees,municipality\nC1,Bakkerij,51.25,5.70,12,Weert\n";

    let batch = read_csv("companies.csv", text, today());

    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    assert_eq!(batch.firms[0].value.id().as_str(), "C1");
}

#[test]
fn a_csv_whose_header_names_no_known_kind_is_refused() {
    let text = "foo,bar\n1,2\n";

    let lines = problem_lines(read_csv("mystery.csv", text, today()));

    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with(
            "mystery.csv:1: header: cannot tell whether this file holds companies, offers, needs or parameters"
        ),
        "{lines:?}"
    );
}

#[test]
fn a_csv_missing_a_required_column_is_refused_at_its_header() {
    let text = "id,company,material,quantity_per_year\nO1,C1,02 02 03,10\n";

    let lines = problem_lines(read_csv("offers.csv", text, today()));

    assert_eq!(
        lines,
        ["offers.csv:1: header: missing column(s): disposal_cost_eur_per_unit"]
    );
}

#[test]
fn a_companies_csv_missing_several_columns_lists_them_all() {
    let text = "id,name,lat\nC1,Bakkerij,51.2\n";

    let lines = problem_lines(read_csv("companies.csv", text, today()));

    assert_eq!(
        lines,
        ["companies.csv:1: header: missing column(s): lon, employees, municipality"]
    );
}

#[test]
fn a_semicolon_separated_csv_reads_decimal_commas() {
    let companies = "id;name;lat;lon;employees;municipality\n\
                     C1;Bakkerij, de Korenbloem;51,2517;5,7069;12;Weert\n";
    let offers = "id;company;material;quantity_per_year;disposal_cost_eur_per_unit\n\
                  O1;C1;02 02 03;12,5;-3,75\n\
                  O2;C1;02 02 04;1.250,5;0\n";

    let mut batch = read_csv("companies.csv", companies, today());
    let offers = read_csv("offers.csv", offers, today());
    batch.offers.extend(offers.offers);
    batch.problems.extend(offers.problems);
    let region = region_of(batch);

    assert_eq!(region.firms[0].name(), "Bakkerij, de Korenbloem");
    assert_eq!(region.firms[0].location().lat(), 51.2517);
    assert_eq!(region.firms[0].location().lon(), 5.7069);
    assert_eq!(region.offers[0].quantity().amount(), 12.5);
    assert_eq!(region.offers[0].disposal_cost_eur_per_unit(), -3.75);
    assert_eq!(region.offers[1].quantity().amount(), 1250.5);
}

#[test]
fn a_bad_row_is_reported_at_its_line_in_the_file() {
    let text = offers_csv("O2,EGG,99 99 99,unknown,5,t,60\nO3,EGG,02 02 03,fine,5,t,60\n");

    let batch = read_csv("offers.csv", &text, today());

    let lines: Vec<String> = batch.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        ["offers.csv:3: material: \"99 99 99\" is not in the European List of Waste"]
    );
    assert_eq!(batch.offers.len(), 2);
}

#[test]
fn line_numbers_count_the_lines_of_multi_line_cells() {
    let text = offers_csv(
        "O2,EGG,02 02 03,\"first line\nsecond line\",5,t,60\n\
         O3,EGG,02 02 03,bad,-5,t,60\n",
    );

    let batch = read_csv("offers.csv", &text, today());

    let lines: Vec<String> = batch.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        ["offers.csv:5: quantity_per_year: -5 must be greater than 0"]
    );
    assert_eq!(
        batch.offers[1].value.description(),
        "first line\nsecond line"
    );
}

#[test]
fn a_cell_that_is_not_a_number_is_reported_once() {
    let text = offers_csv("O2,EGG,02 02 03,x,lots,t,60\n");

    let batch = read_csv("offers.csv", &text, today());

    let lines: Vec<String> = batch.problems.iter().map(ToString::to_string).collect();

    assert_eq!(
        lines,
        ["offers.csv:3: quantity_per_year: \"lots\" is not a number"]
    );
}

#[test]
fn an_empty_required_cell_is_reported_once() {
    let text = "id,name,lat,lon,employees,municipality\nC1,Bakkerij,51.2,5.7,,\n";

    let lines = problem_lines(read_csv("companies.csv", text, today()));

    assert_eq!(
        lines,
        [
            "companies.csv:2: employees: is empty",
            "companies.csv:2: municipality: is empty",
        ]
    );
}

#[test]
fn a_row_with_too_many_cells_is_reported_at_its_line() {
    let text = offers_csv("O2,EGG,02 02 03,x,5,t,60,extra\n");

    let batch = read_csv("offers.csv", &text, today());

    assert_eq!(batch.problems.len(), 1, "{:?}", batch.problems);
    let problem = &batch.problems[0];
    assert_eq!(problem.origin, Origin::new("offers.csv", "3"));
    assert_eq!(problem.field, "row");
    assert_eq!(batch.offers.len(), 1);
}

#[test]
fn a_bad_yes_no_cell_is_reported() {
    let text = "id,company,accepts,quantity_per_year,virgin_price_eur_per_unit,max_distance_km,licensed_for_hazardous\n\
                N1,C1,02 02 03,10,20,50,perhaps\n";

    let lines = problem_lines(read_csv("needs.csv", text, today()));

    assert_eq!(
        lines,
        ["needs.csv:2: licensed_for_hazardous: \"perhaps\" must be true or false"]
    );
}

#[test]
fn accepts_in_csv_are_split_on_semicolons_and_bars() {
    let text = "id,company,accepts,quantity_per_year,virgin_price_eur_per_unit,max_distance_km\n\
                N1,C1,02 02 03; 02 03 04 | 15 01|,10,20,50\n";

    let batch = read_csv("needs.csv", text, today());

    assert!(batch.problems.is_empty(), "{:?}", batch.problems);
    let accepts: Vec<String> = batch.needs[0]
        .value
        .accepts()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(accepts, ["02 02 03", "02 03 04", "15 01"]);
}

#[test]
fn an_empty_accepts_cell_is_reported_as_accepting_nothing() {
    let text = "id,company,accepts,quantity_per_year,virgin_price_eur_per_unit,max_distance_km\n\
                N1,C1,,10,20,50\n";

    let lines = problem_lines(read_csv("needs.csv", text, today()));

    assert_eq!(
        lines,
        ["needs.csv:2: accepts: lists no material; a need must accept at least one"]
    );
}

#[test]
fn a_parameters_csv_with_an_unknown_and_a_repeated_parameter_reports_both() {
    let text = "parameter,value\n\
                transport_eur_per_tkm,0.12\n\
                road_factor,1.3\n\
                road_factor,1.4\n\
                co2_kg_per_tkm,0.1\n\
                speed_limit,80\n";

    let batch = read_csv("parameters.csv", text, today());

    assert!(batch.parameters.is_none());
    let lines: Vec<String> = batch.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "parameters.csv:4: parameter: \"road_factor\" is given twice",
            "parameters.csv:6: parameter: \"speed_limit\" is not a known parameter",
        ]
    );
}

#[test]
fn a_parameters_csv_missing_a_required_parameter_is_refused() {
    let text = "parameter,value\ntransport_eur_per_tkm,0.12\nco2_kg_per_tkm,0.1\n";

    let lines = problem_lines(read_csv("parameters.csv", text, today()));

    assert_eq!(lines, ["parameters.csv:1: road_factor: is missing"]);
}

#[test]
fn a_parameters_csv_with_an_unknown_ewc_key_is_refused() {
    let text = "parameter,value\n\
                transport_eur_per_tkm,0.12\n\
                road_factor,1.3\n\
                co2_kg_per_tkm,0.1\n\
                co2_avoided_kg_per_t_by_ewc:99 99 99,10\n";

    let lines = problem_lines(read_csv("parameters.csv", text, today()));

    assert_eq!(
        lines,
        [
            "parameters.csv:1: co2_avoided_kg_per_t_by_ewc.99 99 99: \"99 99 99\" is not in the European List of Waste"
        ]
    );
}

#[test]
fn a_region_written_as_csv_reads_back_equal() {
    let mut region = region_of(read_json(&rich_instance()));
    region.meta = None; // CSV has no place for provenance
    let dir = tempfile::tempdir().expect("temporary directory");

    write_csv_dir(&region, dir.path()).expect("write the four files");
    let mut batch = Batch::default();
    for name in ["companies.csv", "offers.csv", "needs.csv", "parameters.csv"] {
        let path = dir.path().join(name);
        let text = std::fs::read_to_string(&path).expect("written file");
        let part = read_csv(name, &text, today());
        batch.firms.extend(part.firms);
        batch.offers.extend(part.offers);
        batch.needs.extend(part.needs);
        batch.problems.extend(part.problems);
        if part.parameters.is_some() {
            batch.parameters = part.parameters;
        }
    }
    let again = region_of(batch);

    assert_eq!(again, region);
}
