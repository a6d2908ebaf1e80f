//! Needs: inputs a firm could take from residual flows.

use chrono::NaiveDate;

use super::{FlowBasics, common_draft, deref_to_basics, parse_common, units_text};
use crate::domain::descriptors::{NeedDescriptorFields, NeedDescriptors};
use crate::domain::material::{Accepted, Material, Unit};
use crate::domain::problem::Problems;
use crate::domain::values::{distance_km, eur_per_unit, lot_per_year};

/// A need as it arrives from a file or a form, before validation.
#[derive(Debug, Clone, Default)]
pub struct NeedDraft {
    pub id: String,
    pub firm: String,
    pub accepts: Vec<String>,
    pub description: String,
    pub quantity_per_year: f64,
    pub unit: Option<String>,
    pub min_lot_per_year: Option<f64>,
    pub virgin_price_eur_per_unit: f64,
    pub max_distance_km: f64,
    pub licensed_for_hazardous: Option<bool>,
    pub regularity: Option<String>,
    pub confidentiality: Option<String>,
    pub last_confirmed: Option<String>,
    /// The descriptors as text (forms and files); every field empty = all unknown.
    pub descriptors: NeedDescriptorFields,
    /// Pickup terms (offer) or delivery terms (need) as free text; absent or blank = none.
    pub pickup_terms: Option<String>,
}

/// An input a firm could take from residual flows. What every flow has (its id, firm,
/// quantity, confidentiality…) is read through [`FlowBasics`].
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    basics: FlowBasics,
    accepts: Vec<Accepted>,
    min_lot_per_year: f64,
    virgin_price_eur_per_unit: f64,
    max_distance_km: f64,
    licensed_for_hazardous: bool,
    /// Accepted classes, spec ranges, treatment, use and licences; all unknown by default.
    descriptors: NeedDescriptors,
}

deref_to_basics!(Need);

impl Need {
    /// Validates a draft, reporting every problem.
    pub fn parse(draft: NeedDraft, today: NaiveDate) -> Result<Need, Problems> {
        let mut problems = Problems::default();
        let common = parse_common(&mut problems, common_draft!(draft), today);
        let accepts = parse_accepts(&mut problems, &draft.accepts, common.unit);
        let min_lot = problems.take(lot_per_year(
            "min_lot_per_year",
            draft.min_lot_per_year.unwrap_or(0.0),
        ));
        if let (Some(lot), Some(quantity)) = (min_lot, common.quantity)
            && lot > quantity.amount()
        {
            problems.push(
                "min_lot_per_year",
                format!(
                    "{lot} is more than the quantity per year {}",
                    quantity.amount()
                ),
            );
        }
        let virgin_price = problems.take(eur_per_unit(
            "virgin_price_eur_per_unit",
            draft.virgin_price_eur_per_unit,
        ));
        let max_distance = problems.take(distance_km("max_distance_km", draft.max_distance_km));
        let descriptors = match NeedDescriptors::parse(&draft.descriptors) {
            Ok(descriptors) => Some(descriptors),
            Err(found) => {
                problems.0.extend(found.0);
                None
            }
        };
        problems.into_result(|| Need {
            basics: common.into_basics(),
            accepts,
            min_lot_per_year: min_lot.expect("checked"),
            virgin_price_eur_per_unit: virgin_price.expect("checked"),
            max_distance_km: max_distance.expect("checked"),
            licensed_for_hazardous: draft.licensed_for_hazardous.unwrap_or(false),
            descriptors: descriptors.expect("checked"),
        })
    }

    /// The same need with its descriptors (issue #11).
    pub fn with_descriptors(mut self, descriptors: NeedDescriptors) -> Need {
        self.descriptors = descriptors;
        self
    }
    /// Accepted classes, spec ranges, treatment, use and licences (each may be unknown).
    pub fn descriptors(&self) -> &NeedDescriptors {
        &self.descriptors
    }

    /// The materials it accepts; never empty.
    pub fn accepts(&self) -> &[Accepted] {
        &self.accepts
    }
    /// True when a flow of `material` is on the acceptance list.
    pub fn accepts_material(&self, material: &Material) -> bool {
        self.accepts.iter().any(|a| a.covers(material))
    }
    /// Smallest yearly supply it takes from a single supplier (0 = any).
    pub fn min_lot_per_year(&self) -> f64 {
        self.min_lot_per_year
    }
    /// Price paid today per unit for the virgin input it would replace.
    pub fn virgin_price_eur_per_unit(&self) -> f64 {
        self.virgin_price_eur_per_unit
    }
    /// Farthest road distance it collects from.
    pub fn max_distance_km(&self) -> f64 {
        self.max_distance_km
    }
    /// Holds a permit for hazardous waste.
    pub fn licensed_for_hazardous(&self) -> bool {
        self.licensed_for_hazardous
    }
}

fn parse_accepts(problems: &mut Problems, texts: &[String], unit: Option<Unit>) -> Vec<Accepted> {
    if texts.is_empty() {
        problems.push(
            "accepts",
            "lists no material; a need must accept at least one",
        );
        return Vec::new();
    }
    let mut accepts: Vec<Accepted> = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let field = format!("accepts[{i}]");
        match Accepted::parse(text) {
            Err(reason) => problems.push(field, reason),
            Ok(entry) if accepts.contains(&entry) => {
                problems.push(field, format!("{entry} is listed twice"));
            }
            Ok(entry) => {
                if let Some(unit) = unit.filter(|u| !entry.units().contains(u)) {
                    problems.push(
                        field,
                        format!(
                            "{entry} is measured in {}, not {unit}",
                            units_text(entry.units())
                        ),
                    );
                }
                accepts.push(entry);
            }
        }
    }
    accepts
}
