//! Reading CSV files record by record.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::lines::Lines;
use super::row::Row;
use super::{ALIASES, BY_EWC_PREFIX, Kind, detect_kind};
use crate::bulk::fields::{UNIT_NAMES, merge};
use crate::bulk::{Batch, Collect, Located, Origin};
use crate::domain::descriptors::{NeedDescriptorFields, OfferDescriptorFields};
use crate::domain::firm::FirmDraft;
use crate::domain::flow::{NeedDraft, OfferDraft};
use crate::domain::parameters::ParametersDraft;
use crate::domain::{Firm, Need, Offer, Parameters, Problems};

/// Reads one CSV file of companies, offers, needs or parameters.
pub fn read_csv(file: &str, text: &str, today: NaiveDate) -> Batch {
    let mut batch = Batch::default();
    read_csv_into(file, text, today, &mut batch);
    batch
}

/// Reads one CSV file as [`read_csv`] does, handing each record to `out` as it is read.
pub fn read_csv_into(file: &str, text: &str, today: NaiveDate, out: &mut impl Collect) {
    let first_line = text.lines().next().unwrap_or_default();
    let semicolons = first_line.contains(';') && !first_line.contains(',');
    let bytes = text.trim_start_matches('\u{feff}').as_bytes();
    let mut lines = Lines::new(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if semicolons { b';' } else { b',' })
        .flexible(false)
        .from_reader(bytes);
    let Some((kind, columns)) = read_header(&mut reader, file, out) else {
        return;
    };
    let mut parameters = Vec::new();
    for result in reader.records() {
        let record = match result {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.of_record(p.byte()));
                out.problem_at(&Origin::new(file, line.to_string()), "row", e);
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.of_record(p.byte()));
        let origin = Origin::new(file, line.to_string());
        let row = Row {
            record: &record,
            columns: &columns,
            decimal_comma: semicolons,
            problems: Problems::default(),
        };
        read_record(kind, row, origin, today, out, &mut parameters);
    }
    if kind == Kind::Parameters {
        read_parameters(out, file, parameters);
    }
}

/// Hands one record to `out`, or its problems; parameters are gathered, to be checked once
/// the whole file has been read.
fn read_record(
    kind: Kind,
    mut row: Row<'_>,
    origin: Origin,
    today: NaiveDate,
    out: &mut impl Collect,
    parameters: &mut Vec<(Origin, String, Option<f64>)>,
) {
    match kind {
        Kind::Companies => {
            let id = row.opt("id");
            match read_firm(row) {
                Ok(value) => out.add_firm(Located { origin, value }),
                Err(problems) => {
                    if let Some(id) = id {
                        out.add_refused_firm(id);
                    }
                    out.report_at(&origin, problems);
                }
            }
        }
        Kind::Offers => match read_offer(row, today) {
            Ok(value) => out.add_offer(Located { origin, value }),
            Err(problems) => out.report_at(&origin, problems),
        },
        Kind::Needs => match read_need(row, today) {
            Ok(value) => out.add_need(Located { origin, value }),
            Err(problems) => out.report_at(&origin, problems),
        },
        Kind::Parameters => {
            let name = row.text("parameter");
            let value = row.number("value");
            if row.problems.is_empty() {
                parameters.push((origin, name, Some(value)));
            } else {
                out.report_at(&origin, row.problems);
                // Present but refused: reported once, not again as missing.
                parameters.push((origin, name, None));
            }
        }
    }
}

/// The kind of records and the columns by name, or `None` when the header is refused (and
/// the problem handed to `out`).
fn read_header(
    reader: &mut csv::Reader<&[u8]>,
    file: &str,
    out: &mut impl Collect,
) -> Option<(Kind, HashMap<String, usize>)> {
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
            out.problem_at(&header_origin, "header", e);
            return None;
        }
    };
    let Some(kind) = detect_kind(&columns) else {
        out.problem_at(
            &header_origin,
            "header",
            "cannot tell whether this file holds companies, offers, needs or parameters; see the README for the columns",
        );
        return None;
    };
    let missing: Vec<&str> = kind
        .required()
        .iter()
        .copied()
        .filter(|c| !columns.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        out.problem_at(
            &header_origin,
            "header",
            format!("missing column(s): {}", missing.join(", ")),
        );
        return None;
    }
    Some((kind, columns))
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
        country: row.opt("country"),
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
        material_class: row.opt("material_class"),
        descriptors: OfferDescriptorFields {
            legal_status: row.opt("legal_status").unwrap_or_default(),
            food_grade_origin: row.opt("food_grade_origin").unwrap_or_default(),
            hazard_properties: row.opt("hazard_properties").unwrap_or_default(),
            physical_form: row.opt("physical_form").unwrap_or_default(),
            properties: row.opt("properties").unwrap_or_default(),
        },
        pickup_terms: row.opt("pickup_terms"),
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
        descriptors: NeedDescriptorFields {
            accepted_classes: row.opt("accepted_classes").unwrap_or_default(),
            specs: row.opt("specs").unwrap_or_default(),
            treatment: row.opt("treatment").unwrap_or_default(),
            intended_use: row.opt("intended_use").unwrap_or_default(),
            licences: row.opt("licences").unwrap_or_default(),
        },
        pickup_terms: row.opt("pickup_terms"),
    };
    merge(row.problems, Need::parse(draft, today), str::to_string)
}

fn read_parameters(out: &mut impl Collect, file: &str, rows: Vec<(Origin, String, Option<f64>)>) {
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
            out.problem_at(&origin, "parameter", format!("\"{name}\" is given twice"));
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
                    out.problem_at(
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
            out.problem_at(&origin, required, "is missing");
            ok = false;
        }
    }
    if !ok {
        return;
    }
    match Parameters::parse(draft) {
        Ok(value) => out.set_parameters(Located { origin, value }),
        Err(problems) => out.report_at(&origin, problems),
    }
}
