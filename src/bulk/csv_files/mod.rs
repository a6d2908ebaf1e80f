//! CSV files, one per kind of record; the kind follows from the header. Columns are listed in
//! the README. Semicolon-separated files (as Dutch spreadsheets save them) are recognised, and
//! then a decimal comma is accepted.

use std::collections::HashMap;

mod cell;
mod lines;
mod read;
mod row;
mod write;

pub use self::cell::{read_text_cell, text_cell};
pub use self::read::{read_csv, read_csv_into};
pub use self::write::{
    write_companies, write_csv_dir, write_needs, write_offers, write_parameters,
};

/// Columns of `companies.csv`; `country` (NL, BE, DE) may be absent (NL).
pub const COMPANY_COLUMNS: [&str; 9] = [
    "id",
    "name",
    "lat",
    "lon",
    "nace",
    "employees",
    "municipality",
    "address",
    "country",
];
/// Columns of `offers.csv`; the last seven (class and descriptors, issue #11; pickup terms,
/// issue #10) may be absent (unknown, none).
pub const OFFER_COLUMNS: [&str; 20] = [
    "id",
    "company",
    "material",
    "description",
    "quantity_per_year",
    "unit",
    "disposal_cost_eur_per_unit",
    "regularity",
    "available_from",
    "available_until",
    "confidentiality",
    "last_confirmed",
    "declared_hazardous",
    "material_class",
    "legal_status",
    "food_grade_origin",
    "hazard_properties",
    "physical_form",
    "properties",
    "pickup_terms",
];
/// Columns of `needs.csv`; `accepts` holds codes separated by `;` or `|`. The last six
/// (descriptors, issue #11; delivery terms as `pickup_terms`, issue #10) may be absent
/// (unknown, none).
pub const NEED_COLUMNS: [&str; 19] = [
    "id",
    "company",
    "accepts",
    "description",
    "quantity_per_year",
    "unit",
    "min_lot_per_year",
    "virgin_price_eur_per_unit",
    "max_distance_km",
    "licensed_for_hazardous",
    "regularity",
    "confidentiality",
    "last_confirmed",
    "accepted_classes",
    "specs",
    "treatment",
    "intended_use",
    "licences",
    "pickup_terms",
];
/// Columns of `parameters.csv`.
pub const PARAMETER_COLUMNS: [&str; 2] = ["parameter", "value"];

/// Spreadsheet-friendly alternative column names.
const ALIASES: [(&str, &str); 5] = [
    ("ewc", "material"),
    ("quantity_t_per_year", "quantity_per_year"),
    ("disposal_cost_eur_per_t", "disposal_cost_eur_per_unit"),
    ("min_lot_t_per_year", "min_lot_per_year"),
    ("virgin_price_eur_per_t", "virgin_price_eur_per_unit"),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Companies,
    Offers,
    Needs,
    Parameters,
}

impl Kind {
    fn required(self) -> &'static [&'static str] {
        match self {
            Kind::Companies => &["id", "name", "lat", "lon", "employees", "municipality"],
            Kind::Offers => &[
                "id",
                "company",
                "material",
                "quantity_per_year",
                "disposal_cost_eur_per_unit",
            ],
            Kind::Needs => &[
                "id",
                "company",
                "accepts",
                "quantity_per_year",
                "virgin_price_eur_per_unit",
                "max_distance_km",
            ],
            Kind::Parameters => &PARAMETER_COLUMNS,
        }
    }
}

fn detect_kind(columns: &HashMap<String, usize>) -> Option<Kind> {
    if columns.contains_key("parameter") {
        Some(Kind::Parameters)
    } else if columns.contains_key("accepts") {
        Some(Kind::Needs)
    } else if columns.contains_key("material") {
        Some(Kind::Offers)
    } else if columns.contains_key("lat") || columns.contains_key("municipality") {
        Some(Kind::Companies)
    } else {
        None
    }
}

/// Parameter names of CO₂ figures per code start with this.
const BY_EWC_PREFIX: &str = "co2_avoided_kg_per_t_by_ewc:";
