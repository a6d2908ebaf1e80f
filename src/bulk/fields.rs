//! Shared by the JSON and CSV readers: field names per unit, and merging the problems found
//! while extracting fields with those the domain finds while parsing.

use crate::domain::{Problems, Unit};

/// How quantity and money fields are named in files, which depends on the unit: tonnes use
/// the benchmark format's names, other units the generic ones.
pub(crate) struct FieldNames {
    pub quantity: &'static str,
    pub disposal_cost: &'static str,
    pub min_lot: &'static str,
    pub virgin_price: &'static str,
}

/// The benchmark instance format's names (tonnes).
pub(crate) const TONNE_NAMES: FieldNames = FieldNames {
    quantity: "quantity_t_per_year",
    disposal_cost: "disposal_cost_eur_per_t",
    min_lot: "min_lot_t_per_year",
    virgin_price: "virgin_price_eur_per_t",
};

/// Generic names for any unit (and for every CSV file).
pub(crate) const UNIT_NAMES: FieldNames = FieldNames {
    quantity: "quantity_per_year",
    disposal_cost: "disposal_cost_eur_per_unit",
    min_lot: "min_lot_per_year",
    virgin_price: "virgin_price_eur_per_unit",
};

impl FieldNames {
    /// Names for a JSON record whose `unit` is as given (absent = tonnes).
    pub(crate) fn for_json_unit(unit: Option<&str>) -> &'static FieldNames {
        match unit.map(Unit::parse) {
            None | Some(Ok(Unit::Tonnes)) => &TONNE_NAMES,
            Some(_) => &UNIT_NAMES,
        }
    }

    /// The file's name for a field the domain reports under its generic name.
    pub(crate) fn rename(&self, domain_field: &str) -> String {
        match domain_field {
            "quantity_per_year" => self.quantity,
            "disposal_cost_eur_per_unit" => self.disposal_cost,
            "min_lot_per_year" => self.min_lot,
            "virgin_price_eur_per_unit" => self.virgin_price,
            other => other,
        }
        .to_string()
    }
}

/// Combines extraction problems (missing or mistyped fields) with the domain's verdict. A
/// field already reported as missing is not reported again by the domain.
pub(crate) fn merge<T>(
    extraction: Problems,
    parsed: Result<T, Problems>,
    rename: impl Fn(&str) -> String,
) -> Result<T, Problems> {
    let domain = match parsed {
        Ok(value) if extraction.is_empty() => return Ok(value),
        Ok(_) => Problems::default(),
        Err(problems) => problems,
    };
    let mut all = extraction;
    for mut problem in domain.0 {
        problem.field = rename(&problem.field);
        if !all.0.iter().any(|p| p.field == problem.field) {
            all.0.push(problem);
        }
    }
    Err(all)
}
