//! The benchmark instance format `symbiosis-instance/1` (see `shared/bench/FORMAT.md`), with
//! Symbiose's optional extensions (units, regularity, confidentiality, availability end,
//! last confirmation, mirror-entry declarations, resource codes, addresses).

use chrono::NaiveDate;
use rayon::prelude::*;
use serde_json::Value;

mod descriptors;
mod document;
mod write;

use self::document::{Document, Element, Elements, Record, Root};

pub use self::write::write_instance;
use super::fields::{FieldNames, merge};
use super::json_settings::parameters_from_json;
use super::{Batch, Located, Origin};
use crate::domain::firm::FirmDraft;
use crate::domain::flow::{NeedDraft, OfferDraft};
use crate::domain::{Firm, Need, Offer, Problems};

/// The format identifier written into every export.
pub const FORMAT_ID: &str = "symbiosis-instance/1";

/// Reads one instance file. Problems are placed by element path: `offers[12]`.
pub fn read_instance(file: &str, text: &str, today: NaiveDate) -> Batch {
    let mut batch = Batch::default();
    let root = match document::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let origin = Origin::new(file, e.line().to_string());
            batch.problem(&origin, "json", format!("{e}"));
            return batch;
        }
    };
    let root_origin = Origin::new(file, "$");
    let Root::Object(mut root) = root else {
        batch.problem(&root_origin, "json", "the file must hold one JSON object");
        return batch;
    };
    if let Some(format) = &root.format
        && format.as_str() != Some(FORMAT_ID)
    {
        batch.problem(
            &root_origin,
            "format",
            format!("{format} is not \"{FORMAT_ID}\""),
        );
    }
    match root.meta.take() {
        Some(Value::Object(meta)) => batch.meta = Some(meta),
        None | Some(Value::Null) => {}
        Some(_) => batch.problem(&root_origin, "meta", "must be an object"),
    }
    if let Some(value) = &root.parameters {
        let origin = Origin::new(file, "parameters");
        match parameters_from_json(value) {
            Ok(value) => batch.parameters = Some(Located { origin, value }),
            Err(problems) => batch.report(&origin, problems),
        }
    }
    read_records(&mut batch, file, &root, today);
    batch
}

/// Validates the companies, offers and needs of a document into the batch.
fn read_records(batch: &mut Batch, file: &str, root: &Document<'_>, today: NaiveDate) {
    let companies = elements(batch, file, &root.companies, "companies");
    for ((origin, record), result) in convert(companies, read_firm) {
        match result {
            Ok(value) => batch.firms.push(Located { origin, value }),
            Err(problems) => {
                if let Some(id) = record.get("id").and_then(Value::as_str) {
                    batch.refused_firms.insert(id.to_string());
                }
                batch.report(&origin, problems);
            }
        }
    }
    let offers = elements(batch, file, &root.offers, "offers");
    for ((origin, _), result) in convert(offers, |record| read_offer(record, today)) {
        match result {
            Ok(value) => batch.offers.push(Located { origin, value }),
            Err(problems) => batch.report(&origin, problems),
        }
    }
    let needs = elements(batch, file, &root.needs, "needs");
    for ((origin, _), result) in convert(needs, |record| read_need(record, today)) {
        match result {
            Ok(value) => batch.needs.push(Located { origin, value }),
            Err(problems) => batch.report(&origin, problems),
        }
    }
}

/// Validates records on every core; the results come back in file order, each with its
/// element (records are independent, so the outcome is the same as one by one).
fn convert<'r, 'a, T: Send>(
    elements: Vec<(Origin, &'r Record<'a>)>,
    read: impl Fn(&Record<'a>) -> Result<T, Problems> + Sync,
) -> impl Iterator<Item = ((Origin, &'r Record<'a>), Result<T, Problems>)> {
    let results: Vec<Result<T, Problems>> = elements
        .par_iter()
        .with_min_len(256)
        .map(|(_, record)| read(record))
        .collect();
    elements.into_iter().zip(results)
}

fn elements<'r, 'a>(
    batch: &mut Batch,
    file: &str,
    items: &'r Elements<'a>,
    name: &str,
) -> Vec<(Origin, &'r Record<'a>)> {
    let items = match items {
        Elements::Absent => return Vec::new(),
        Elements::Array(items) => items,
        Elements::NotArray => {
            batch.problem(&Origin::new(file, "$"), name, "must be an array");
            return Vec::new();
        }
    };
    let mut found = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let origin = Origin::new(file, format!("{name}[{i}]"));
        match item {
            Element::Object(record) => found.push((origin, record)),
            Element::NotObject => batch.problem(&origin, name, "each element must be an object"),
        }
    }
    found
}

/// Typed access to one record's fields; every missing or mistyped field is recorded.
struct Fields<'a> {
    object: &'a Record<'a>,
    problems: Problems,
}

impl<'a> Fields<'a> {
    fn new(object: &'a Record<'a>) -> Self {
        Fields {
            object,
            problems: Problems::default(),
        }
    }

    fn present(&self, name: &str) -> Option<&'a Value> {
        self.object.get(name).filter(|v| !v.is_null())
    }

    fn string(&mut self, name: &str) -> String {
        self.opt_string(name).unwrap_or_else(|| {
            if self.present(name).is_none() {
                self.problems.push(name, "is missing");
            }
            String::new()
        })
    }

    fn opt_string(&mut self, name: &str) -> Option<String> {
        match self.present(name)? {
            Value::String(text) => Some(text.clone()),
            other => {
                self.problems
                    .push(name, format!("expected text, found {other}"));
                None
            }
        }
    }

    fn number(&mut self, name: &str) -> f64 {
        match self.present(name) {
            None => {
                self.problems.push(name, "is missing");
                0.0
            }
            Some(_) => self.opt_number(name).unwrap_or(0.0),
        }
    }

    fn opt_number(&mut self, name: &str) -> Option<f64> {
        let value = self.present(name)?;
        value.as_f64().or_else(|| {
            self.problems
                .push(name, format!("expected a number, found {value}"));
            None
        })
    }

    fn integer(&mut self, name: &str) -> i64 {
        match self.present(name) {
            None => {
                self.problems.push(name, "is missing");
                0
            }
            Some(value) => value.as_i64().unwrap_or_else(|| {
                self.problems
                    .push(name, format!("expected a whole number, found {value}"));
                0
            }),
        }
    }

    fn opt_bool(&mut self, name: &str) -> Option<bool> {
        let value = self.present(name)?;
        value.as_bool().or_else(|| {
            self.problems
                .push(name, format!("expected true or false, found {value}"));
            None
        })
    }

    fn string_list(&mut self, name: &str) -> Vec<String> {
        match self.present(name) {
            None => {
                self.problems.push(name, "is missing");
                Vec::new()
            }
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| match item {
                    Value::String(text) => Some(text.clone()),
                    other => {
                        self.problems.push(
                            format!("{name}[{i}]"),
                            format!("expected text, found {other}"),
                        );
                        None
                    }
                })
                .collect(),
            Some(other) => {
                self.problems
                    .push(name, format!("expected a list of codes, found {other}"));
                Vec::new()
            }
        }
    }
}

fn read_firm(object: &Record<'_>) -> Result<Firm, Problems> {
    let mut fields = Fields::new(object);
    let draft = FirmDraft {
        id: fields.string("id"),
        name: fields.string("name"),
        nace: fields.opt_string("nace"),
        employees: fields.integer("employees"),
        address: fields.opt_string("address"),
        municipality: fields.string("municipality"),
        lat: fields.number("lat"),
        lon: fields.number("lon"),
        country: fields.opt_string("country"),
    };
    merge(fields.problems, Firm::parse(draft), str::to_string)
}

fn read_offer(object: &Record<'_>, today: NaiveDate) -> Result<Offer, Problems> {
    let mut fields = Fields::new(object);
    let unit = fields.opt_string("unit");
    let names = FieldNames::for_json_unit(unit.as_deref());
    let material_field = match (fields.present("ewc"), fields.present("material")) {
        (Some(_), Some(_)) => {
            fields
                .problems
                .push("material", "give either ewc or material, not both");
            "ewc"
        }
        (None, Some(_)) => "material",
        _ => "ewc",
    };
    let draft = OfferDraft {
        id: fields.string("id"),
        firm: fields.string("company"),
        material: fields.string(material_field),
        declared_hazardous: fields.opt_bool("declared_hazardous"),
        description: fields.opt_string("description").unwrap_or_default(),
        quantity_per_year: fields.number(names.quantity),
        unit,
        disposal_cost_eur_per_unit: fields.number(names.disposal_cost),
        regularity: fields.opt_string("regularity"),
        available_from: fields.opt_string("available_from"),
        available_until: fields.opt_string("available_until"),
        confidentiality: fields.opt_string("confidentiality"),
        last_confirmed: fields.opt_string("last_confirmed"),
        material_class: fields.material_class(),
        descriptors: fields.offer_descriptors(),
        pickup_terms: fields.opt_string("pickup_terms"),
    };
    merge(fields.problems, Offer::parse(draft, today), |field| {
        if field == "material" {
            material_field.to_string()
        } else {
            names.rename(field)
        }
    })
}

fn read_need(object: &Record<'_>, today: NaiveDate) -> Result<Need, Problems> {
    let mut fields = Fields::new(object);
    let unit = fields.opt_string("unit");
    let names = FieldNames::for_json_unit(unit.as_deref());
    let draft = NeedDraft {
        id: fields.string("id"),
        firm: fields.string("company"),
        accepts: fields.string_list("accepts"),
        description: fields.opt_string("description").unwrap_or_default(),
        quantity_per_year: fields.number(names.quantity),
        unit,
        min_lot_per_year: fields.opt_number(names.min_lot),
        virgin_price_eur_per_unit: fields.number(names.virgin_price),
        max_distance_km: fields.number("max_distance_km"),
        licensed_for_hazardous: fields.opt_bool("licensed_for_hazardous"),
        regularity: fields.opt_string("regularity"),
        confidentiality: fields.opt_string("confidentiality"),
        last_confirmed: fields.opt_string("last_confirmed"),
        descriptors: fields.need_descriptors(),
        pickup_terms: fields.opt_string("pickup_terms"),
    };
    merge(fields.problems, Need::parse(draft, today), |f| {
        names.rename(f)
    })
}
