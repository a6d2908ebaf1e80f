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

mod csv;
mod csv_formulas;
mod csv_lines;
mod json;
mod limits;
mod overview;
mod regressions;
