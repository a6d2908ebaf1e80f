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

/// Columns of `companies.csv`.
pub const COMPANY_COLUMNS: [&str; 8] = [
    "id",
    "name",
    "lat",
    "lon",
    "nace",
    "employees",
    "municipality",
    "address",
];
/// Columns of `offers.csv`.
pub const OFFER_COLUMNS: [&str; 13] = [
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
];
/// Columns of `needs.csv`; `accepts` holds codes separated by `;` or `|`.
pub const NEED_COLUMNS: [&str; 13] = [
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
