//! CSV files, one per kind of record; the kind follows from the header. Columns are listed in
//! the README. Semicolon-separated files (as Dutch spreadsheets save them) are recognised, and
//! then a decimal comma is accepted.

use std::collections::HashMap;

use chrono::NaiveDate;

mod cell;
mod lines;
mod row;
mod write;

pub use self::cell::{read_text_cell, text_cell};
use self::lines::Lines;
use self::row::Row;
pub use self::write::{
    write_companies, write_csv_dir, write_needs, write_offers, write_parameters,
};
use super::fields::{UNIT_NAMES, merge};
use super::{Batch, Located, Origin};
use crate::domain::firm::FirmDraft;
use crate::domain::flow::{NeedDraft, OfferDraft};
use crate::domain::parameters::ParametersDraft;
use crate::domain::{Firm, Need, Offer, Parameters, Problems};

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

/// Reads one CSV file of companies, offers, needs or parameters.
pub fn read_csv(file: &str, text: &str, today: NaiveDate) -> Batch {
    let mut batch = Batch::default();
    let first_line = text.lines().next().unwrap_or_default();
    let semicolons = first_line.contains(';') && !first_line.contains(',');
    let bytes = text.trim_start_matches('\u{feff}').as_bytes();
    let mut lines = Lines::new(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if semicolons { b';' } else { b',' })
        .flexible(false)
        .from_reader(bytes);
    let header_origin = Origin::new(file, "1");
    let columns: HashMap<String, usize> = match reader.headers() {
        Ok(headers) => headers
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let name = name.trim().to_lowercase();
                let name = ALIASES
                    .iter()
                    .find(|(alias, _)| *alias == name)
                    .map_or(name, |(_, canonical)| canonical.to_string());
                (name, i)
            })
            .collect(),
        Err(e) => {
            batch.problem(&header_origin, "header", e);
            return batch;
        }
    };
    let Some(kind) = detect_kind(&columns) else {
        batch.problem(
            &header_origin,
            "header",
            "cannot tell whether this file holds companies, offers, needs or parameters; see the README for the columns",
        );
        return batch;
    };
    let missing: Vec<&str> = kind
        .required()
        .iter()
        .copied()
        .filter(|c| !columns.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        batch.problem(
            &header_origin,
            "header",
            format!("missing column(s): {}", missing.join(", ")),
        );
        return batch;
    }
    let mut parameters = Vec::new();
    for result in reader.records() {
        let record = match result {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.of_record(p.byte()));
                batch.problem(&Origin::new(file, line.to_string()), "row", e);
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.of_record(p.byte()));
        let origin = Origin::new(file, line.to_string());
        let mut row = Row {
            record: &record,
            columns: &columns,
            decimal_comma: semicolons,
            problems: Problems::default(),
        };
        match kind {
            Kind::Companies => {
                let id = row.opt("id");
                match read_firm(row) {
                    Ok(value) => batch.firms.push(Located { origin, value }),
                    Err(problems) => {
                        batch.refused_firms.extend(id);
                        batch.report(&origin, problems);
                    }
                }
            }
            Kind::Offers => match read_offer(row, today) {
                Ok(value) => batch.offers.push(Located { origin, value }),
                Err(problems) => batch.report(&origin, problems),
            },
            Kind::Needs => match read_need(row, today) {
                Ok(value) => batch.needs.push(Located { origin, value }),
                Err(problems) => batch.report(&origin, problems),
            },
            Kind::Parameters => {
                let name = row.text("parameter");
                let value = row.number("value");
                if row.problems.is_empty() {
                    parameters.push((origin, name, Some(value)));
                } else {
                    batch.report(&origin, row.problems);
                    // Present but refused: reported once, not again as missing.
                    parameters.push((origin, name, None));
                }
            }
        }
    }
    if kind == Kind::Parameters {
        read_parameters(&mut batch, file, parameters);
    }
    batch
}

fn read_firm(mut row: Row<'_>) -> Result<Firm, Problems> {
    let draft = FirmDraft {
        id: row.text("id"),
        name: row.text("name"),
        nace: row.opt("nace"),
        employees: row.integer("employees"),
        address: row.opt("address"),
        municipality: row.text("municipality"),
        lat: row.number("lat"),
        lon: row.number("lon"),
    };
    merge(row.problems, Firm::parse(draft), str::to_string)
}

fn read_offer(mut row: Row<'_>, today: NaiveDate) -> Result<Offer, Problems> {
    let draft = OfferDraft {
        id: row.text("id"),
        firm: row.text("company"),
        material: row.text("material"),
        declared_hazardous: row.opt_bool("declared_hazardous"),
        description: row.opt("description").unwrap_or_default(),
        quantity_per_year: row.number(UNIT_NAMES.quantity),
        unit: row.opt("unit"),
        disposal_cost_eur_per_unit: row.number(UNIT_NAMES.disposal_cost),
        regularity: row.opt("regularity"),
        available_from: row.opt("available_from"),
        available_until: row.opt("available_until"),
        confidentiality: row.opt("confidentiality"),
        last_confirmed: row.opt("last_confirmed"),
    };
    merge(row.problems, Offer::parse(draft, today), str::to_string)
}

fn read_need(mut row: Row<'_>, today: NaiveDate) -> Result<Need, Problems> {
    let accepts = row
        .opt("accepts")
        .map(|cell| {
            cell.split([';', '|'])
                .map(str::trim)
                .filter(|code| !code.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    let draft = NeedDraft {
        id: row.text("id"),
        firm: row.text("company"),
        accepts,
        description: row.opt("description").unwrap_or_default(),
        quantity_per_year: row.number(UNIT_NAMES.quantity),
        unit: row.opt("unit"),
        min_lot_per_year: row.opt_number(UNIT_NAMES.min_lot),
        virgin_price_eur_per_unit: row.number(UNIT_NAMES.virgin_price),
        max_distance_km: row.number("max_distance_km"),
        licensed_for_hazardous: row.opt_bool("licensed_for_hazardous"),
        regularity: row.opt("regularity"),
        confidentiality: row.opt("confidentiality"),
        last_confirmed: row.opt("last_confirmed"),
    };
    merge(row.problems, Need::parse(draft, today), str::to_string)
}

pub(super) const BY_EWC_PREFIX: &str = "co2_avoided_kg_per_t_by_ewc:";

fn read_parameters(batch: &mut Batch, file: &str, rows: Vec<(Origin, String, Option<f64>)>) {
    let mut draft = ParametersDraft::default();
    let mut seen = Vec::new();
    let mut ok = true;
    for (origin, name, value) in rows {
        let Some(value) = value else {
            seen.push(name);
            ok = false;
            continue;
        };
        if seen.contains(&name) {
            batch.problem(&origin, "parameter", format!("\"{name}\" is given twice"));
            ok = false;
            continue;
        }
        seen.push(name.clone());
        match name.as_str() {
            "transport_eur_per_tkm" => draft.transport_eur_per_tkm = value,
            "road_factor" => draft.road_factor = value,
            "co2_kg_per_tkm" => draft.co2_kg_per_tkm = value,
            "co2_avoided_kg_per_t_default" => draft.co2_avoided_kg_per_t_default = Some(value),
            other => match other.strip_prefix(BY_EWC_PREFIX) {
                Some(code) => draft
                    .co2_avoided_kg_per_t_by_ewc
                    .get_or_insert_with(Vec::new)
                    .push((code.trim().to_string(), value)),
                None => {
                    batch.problem(
                        &origin,
                        "parameter",
                        format!("\"{other}\" is not a known parameter"),
                    );
                    ok = false;
                }
            },
        }
    }
    let origin = Origin::new(file, "1");
    for required in ["transport_eur_per_tkm", "road_factor", "co2_kg_per_tkm"] {
        if !seen.iter().any(|s| s == required) {
            batch.problem(&origin, required, "is missing");
            ok = false;
        }
    }
    if !ok {
        return;
    }
    match Parameters::parse(draft) {
        Ok(value) => batch.parameters = Some(Located { origin, value }),
        Err(problems) => batch.report(&origin, problems),
    }
}
