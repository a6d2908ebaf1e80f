//! The benchmark instance format `symbiosis-instance/1` (see `shared/bench/FORMAT.md`), with
//! Symbiose's optional extensions (units, regularity, confidentiality, availability end,
//! last confirmation, mirror-entry declarations, resource codes, addresses).

use chrono::NaiveDate;
use serde_json::{Map, Value};

mod write;

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
    let root: Value = match serde_json::from_str(text) {
        Ok(root) => root,
        Err(e) => {
            let origin = Origin::new(file, e.line().to_string());
            batch.problem(&origin, "json", format!("{e}"));
            return batch;
        }
    };
    let root_origin = Origin::new(file, "$");
    let Some(root) = root.as_object() else {
        batch.problem(&root_origin, "json", "the file must hold one JSON object");
        return batch;
    };
    if let Some(format) = root.get("format")
        && format.as_str() != Some(FORMAT_ID)
    {
        batch.problem(
            &root_origin,
            "format",
            format!("{format} is not \"{FORMAT_ID}\""),
        );
    }
    match root.get("meta") {
        Some(Value::Object(meta)) => batch.meta = Some(meta.clone()),
        None | Some(Value::Null) => {}
        Some(_) => batch.problem(&root_origin, "meta", "must be an object"),
    }
    if let Some(value) = root.get("parameters") {
        let origin = Origin::new(file, "parameters");
        match parameters_from_json(value) {
            Ok(value) => batch.parameters = Some(Located { origin, value }),
            Err(problems) => batch.report(&origin, problems),
        }
    }
    for (origin, object) in elements(&mut batch, file, root, "companies") {
        match read_firm(object) {
            Ok(value) => batch.firms.push(Located { origin, value }),
            Err(problems) => {
                if let Some(id) = object.get("id").and_then(Value::as_str) {
                    batch.refused_firms.insert(id.to_string());
                }
                batch.report(&origin, problems);
            }
        }
    }
    for (origin, object) in elements(&mut batch, file, root, "offers") {
        match read_offer(object, today) {
            Ok(value) => batch.offers.push(Located { origin, value }),
            Err(problems) => batch.report(&origin, problems),
        }
    }
    for (origin, object) in elements(&mut batch, file, root, "needs") {
        match read_need(object, today) {
            Ok(value) => batch.needs.push(Located { origin, value }),
            Err(problems) => batch.report(&origin, problems),
        }
    }
    batch
}

fn elements<'a>(
    batch: &mut Batch,
    file: &str,
    root: &'a Map<String, Value>,
    name: &str,
) -> Vec<(Origin, &'a Map<String, Value>)> {
    let items = match root.get(name) {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            batch.problem(&Origin::new(file, "$"), name, "must be an array");
            return Vec::new();
        }
    };
    let mut found = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let origin = Origin::new(file, format!("{name}[{i}]"));
        match item.as_object() {
            Some(object) => found.push((origin, object)),
            None => batch.problem(&origin, name, "each element must be an object"),
        }
    }
    found
}

/// Typed access to one JSON object's fields; every missing or mistyped field is recorded.
struct Fields<'a> {
    object: &'a Map<String, Value>,
    problems: Problems,
}

impl<'a> Fields<'a> {
    fn new(object: &'a Map<String, Value>) -> Self {
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

fn read_firm(object: &Map<String, Value>) -> Result<Firm, Problems> {
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
    };
    merge(fields.problems, Firm::parse(draft), str::to_string)
}

fn read_offer(object: &Map<String, Value>, today: NaiveDate) -> Result<Offer, Problems> {
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
    };
    merge(fields.problems, Offer::parse(draft, today), |field| {
        if field == "material" {
            material_field.to_string()
        } else {
            names.rename(field)
        }
    })
}

fn read_need(object: &Map<String, Value>, today: NaiveDate) -> Result<Need, Problems> {
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
    };
    merge(fields.problems, Need::parse(draft, today), |f| {
        names.rename(f)
    })
}
