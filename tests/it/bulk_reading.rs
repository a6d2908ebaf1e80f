//! The file readers without a database: JSON instances and CSV files, the problem lines they
//! report, and round trips through the writers.

use chrono::NaiveDate;
use serde_json::{Value, json};
use symbiose::bulk::csv_files::{read_csv, write_csv_dir};
use symbiose::bulk::json_instance::{read_instance, write_instance};
use symbiose::bulk::{Batch, ImportProblem, Origin, check_batch};
use symbiose::domain::{Material, Region, Resource, Unit};
use symbiose::storage::ExistingKeys;

use crate::common::TINY_JSON;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 28).expect("valid date")
}

/// Checks a batch against itself (no database) and returns the problem lines.
fn problem_lines(mut batch: Batch) -> Vec<String> {
    match check_batch(&mut batch, &ExistingKeys::default()) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

/// Checks a batch that must be free of problems and returns its region.
#[track_caller]
fn region_of(mut batch: Batch) -> Region {
    check_batch(&mut batch, &ExistingKeys::default()).unwrap_or_else(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("unexpected problems:\n{}", lines.join("\n"))
    })
}

fn read_json(value: &Value) -> Batch {
    read_instance("region.json", &value.to_string(), today())
}

fn company(id: &str) -> Value {
    json!({
        "id": id,
        "name": format!("Firm {id}"),
        "lat": 51.25,
        "lon": 5.70,
        "nace": "C10.89",
        "employees": 10,
        "municipality": "Weert"
    })
}

fn offer(id: &str, company: &str) -> Value {
    json!({
        "id": id,
        "company": company,
        "ewc": "02 02 03",
        "description": "eggshells",
        "quantity_t_per_year": 10.0,
        "disposal_cost_eur_per_t": 60.0
    })
}

fn need(id: &str, company: &str) -> Value {
    json!({
        "id": id,
        "company": company,
        "accepts": ["02 02 03"],
        "description": "lime",
        "quantity_t_per_year": 10.0,
        "virgin_price_eur_per_t": 20.0,
        "max_distance_km": 50.0
    })
}

/// An instance with these elements.
fn instance(companies: Vec<Value>, offers: Vec<Value>, needs: Vec<Value>) -> Value {
    json!({
        "format": "symbiosis-instance/1",
        "companies": companies,
        "offers": offers,
        "needs": needs
    })
}

/// Sets `key` of a JSON object to `value` (or removes it when `value` is null).
fn with(mut object: Value, key: &str, value: Value) -> Value {
    let map = object.as_object_mut().expect("an object");
    if value.is_null() {
        map.remove(key);
    } else {
        map.insert(key.to_string(), value);
    }
    object
}

/// A region using every extension of the format: units, resources, mirror declarations,
/// dates, chapters and sub-chapters, addresses, text that needs quoting in CSV.
fn rich_instance() -> Value {
    json!({
        "format": "symbiosis-instance/1",
        "meta": {"note": "rich test region", "seed": 7},
        "parameters": {
            "transport_eur_per_tkm": 0.15,
            "road_factor": 1.25,
            "co2_kg_per_tkm": 0.08,
            "co2_avoided_kg_per_t_default": 120.5,
            "co2_avoided_kg_per_t_by_ewc": {"02 02 03": 150.0, "13 02 05*": 900.0}
        },
        "companies": [
            {
                "id": "EGG", "name": "Eiproducten \"Weert\", B.V.", "lat": 51.2517, "lon": 5.7069,
                "nace": "C10.89", "employees": 60, "municipality": "Weert",
                "address": "Industrieweg 1, 6000 AA Weert"
            },
            {
                "id": "DAIRY", "name": "Zuivel Limburg", "lat": 51.1234567, "lon": 5.98765,
                "employees": 0, "municipality": "Roermond"
            },
            {
                "id": "GREEN", "name": "Kassen Horst", "lat": 51.45, "lon": 6.05,
                "nace": "A01.13", "employees": 25, "municipality": "Horst aan de Maas"
            }
        ],
        "offers": [
            {
                "id": "O-eggs", "company": "EGG", "ewc": "02 02 03",
                "description": "eggshells, \"dry\"\nsecond line",
                "quantity_t_per_year": 12.345, "disposal_cost_eur_per_t": -7.5,
                "available_from": "2027-01-01", "available_until": "2027-12-31",
                "regularity": "one-off", "confidentiality": "public",
                "last_confirmed": "2026-10-15"
            },
            {
                "id": "O-soil", "company": "EGG", "ewc": "17 05 04", "declared_hazardous": false,
                "description": "", "quantity_t_per_year": 300.0, "disposal_cost_eur_per_t": 12.0
            },
            {
                "id": "O-heat", "company": "DAIRY", "material": "heat-medium", "unit": "MWh",
                "description": "pasteuriser condenser heat",
                "quantity_per_year": 1500.0, "disposal_cost_eur_per_unit": 0.0,
                "confidentiality": "coordinator-only"
            },
            {
                "id": "O-water", "company": "DAIRY", "material": "process-water", "unit": "m3",
                "quantity_per_year": 8000.0, "disposal_cost_eur_per_unit": 1.1
            },
            {
                "id": "O-co2", "company": "DAIRY", "material": "co2",
                "quantity_t_per_year": 40.0, "disposal_cost_eur_per_t": 0.0
            }
        ],
        "needs": [
            {
                "id": "N-pack", "company": "GREEN", "accepts": ["15", "15 01", "02 02 03"],
                "description": "packaging and shells",
                "quantity_t_per_year": 50.0, "min_lot_t_per_year": 2.5,
                "virgin_price_eur_per_t": 30.0, "max_distance_km": 80.0,
                "licensed_for_hazardous": true, "regularity": "recurring",
                "last_confirmed": "2026-11-28"
            },
            {
                "id": "N-heat", "company": "GREEN", "accepts": ["heat-low", "heat-medium"],
                "unit": "MWh", "description": "greenhouse heating",
                "quantity_per_year": 2000.0, "min_lot_per_year": 100.0,
                "virgin_price_eur_per_unit": 35.0, "max_distance_km": 5.0
            },
            {
                "id": "N-co2", "company": "GREEN", "accepts": ["co2"],
                "quantity_t_per_year": 60.0, "virgin_price_eur_per_t": 90.0,
                "max_distance_km": 30.0, "confidentiality": "public"
            }
        ]
    })
}

/// A CSV file of offers with one good row and the given rows after it.
fn offers_csv(rows: &str) -> String {
    format!(
        "id,company,material,description,quantity_per_year,unit,disposal_cost_eur_per_unit\n\
         O1,EGG,02 02 03,eggshells,10,t,60\n{rows}"
    )
}

// ---------------------------------------------------------------------------------------------
// Problem lines
// ---------------------------------------------------------------------------------------------

#[test]
fn a_problem_line_reads_file_place_field_and_reason() {
    let problem = ImportProblem {
        origin: Origin::new("offers.csv", "3"),
        field: "quantity_per_year".into(),
        reason: "-5 must be greater than 0".into(),
    };

    let line = problem.to_string();

    assert_eq!(
        line,
        "offers.csv:3: quantity_per_year: -5 must be greater than 0"
    );
}

#[test]
fn a_json_problem_line_is_placed_by_element_path() {
    let problem = ImportProblem {
        origin: Origin::new("region.json", "needs[4]"),
        field: "accepts[1]".into(),
        reason: "\"42\" is not a chapter".into(),
    };

    assert_eq!(
        problem.to_string(),
        "region.json:needs[4]: accepts[1]: \"42\" is not a chapter"
    );
}

// ---------------------------------------------------------------------------------------------
// JSON instances
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// CSV files
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Regressions found in review
// ---------------------------------------------------------------------------------------------

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
