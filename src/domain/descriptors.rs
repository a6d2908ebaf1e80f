//! Typed descriptors of a flow beyond its code (issue #11): what the law makes of it, whether
//! it comes from food-grade production, its hazards, form and measured properties; and a need's
//! side: the classes it accepts, its spec ranges, intended treatment, use and licences.
//!
//! Every descriptor may be unknown (`None`, an empty set or an absent value): old records
//! import unchanged, and only the hard rules decide where the law requires knowing.

mod hazard;
mod legal;
mod properties;
mod text;

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

pub use hazard::{HazardProperty, HazardSet, PhysicalForm};
pub use legal::{AbpCategory, LegalStatus, Licence, Treatment, TreatmentKind};
pub use properties::{Property, PropertyValues, SpecRange, Strength};

use super::material_class::ClassKey;
use super::problem::{FieldProblem, Problems};

/// True for the spellings of "not known" that forms and spreadsheets use.
pub fn is_unknown(text: &str) -> bool {
    matches!(
        text.trim().to_lowercase().as_str(),
        "" | "?" | "-" | "unknown" | "onbekend" | "unbekannt" | "n/a"
    )
}

/// Reads yes/no in English, Dutch or German; `unknown` gives `None`.
fn parse_yes_no(text: &str, field: &str) -> Result<Option<bool>, FieldProblem> {
    if is_unknown(text) {
        return Ok(None);
    }
    match text.trim().to_lowercase().as_str() {
        "yes" | "true" | "ja" | "y" | "j" | "1" => Ok(Some(true)),
        "no" | "false" | "nee" | "nein" | "n" | "0" => Ok(Some(false)),
        _ => Err(FieldProblem::new(
            field,
            format!("\"{text}\" should be yes, no or unknown"),
        )),
    }
}

/// What the receiver will make of the material; decides the feed and food rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IntendedUse {
    /// Human food (e.g. bread to a brewery).
    Food,
    /// Animal feed.
    Feed,
    /// Fertiliser, soil improver, compost, digestate.
    Fertiliser,
    /// Fuel or energy recovery (R1).
    Fuel,
    /// Material recycling (R2–R12).
    Material,
    /// Heat or cooling use.
    Heat,
}

impl IntendedUse {
    /// Reads a use in English, Dutch or German; `unknown` gives `None`.
    pub fn parse(text: &str) -> Result<Option<IntendedUse>, FieldProblem> {
        if is_unknown(text) {
            return Ok(None);
        }
        let intended = match text.trim().to_lowercase().as_str() {
            "food" | "voedsel" | "levensmiddel" | "lebensmittel" => IntendedUse::Food,
            "feed" | "diervoeder" | "veevoer" | "futter" | "futtermittel" => IntendedUse::Feed,
            "fertiliser" | "fertilizer" | "meststof" | "bodemverbeteraar" | "dünger"
            | "duenger" => IntendedUse::Fertiliser,
            "fuel" | "brandstof" | "brennstoff" | "energy" => IntendedUse::Fuel,
            "material" | "recycling" | "grondstof" | "rohstoff" => IntendedUse::Material,
            "heat" | "warmte" | "wärme" | "waerme" => IntendedUse::Heat,
            _ => {
                return Err(FieldProblem::new(
                    "intended_use",
                    format!(
                        "\"{text}\" is not a use; use food, feed, fertiliser, fuel, material, \
                         heat or unknown"
                    ),
                ));
            }
        };
        Ok(Some(intended))
    }
}

/// An offer's descriptors as forms and CSV columns give them: text, every field optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferDescriptorFields {
    /// `legal_status`: waste, by-product, end-of-waste, feed-material, abp-1..3, ...
    pub legal_status: String,
    /// `food_grade_origin`: yes, no or unknown.
    pub food_grade_origin: String,
    /// `hazard_properties`: `HP4; HP14`.
    pub hazard_properties: String,
    /// `physical_form`: solid, sludge, liquid, gas, powder, mixed.
    pub physical_form: String,
    /// `properties`: `moisture=55; foreign-matter=2`.
    pub properties: String,
}

/// The typed descriptors of an offer (a residual flow).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferDescriptors {
    /// Legal status, if known.
    pub legal_status: Option<LegalStatus>,
    /// Comes from food-grade production handled as food (hygiene chain intact), if known.
    pub food_grade_origin: Option<bool>,
    /// HP properties; only meaningful for hazardous entries, empty when none stated.
    pub hazards: HazardSet,
    /// Physical form, if known.
    pub form: Option<PhysicalForm>,
    /// Known property values.
    pub properties: PropertyValues,
}

impl OfferDescriptors {
    /// Parses every field, collecting all problems with their field names.
    pub fn parse(fields: &OfferDescriptorFields) -> Result<OfferDescriptors, Problems> {
        let mut problems = Problems::default();
        let legal_status = problems.take(LegalStatus::parse(&fields.legal_status));
        let food_grade_origin =
            problems.take(parse_yes_no(&fields.food_grade_origin, "food_grade_origin"));
        let hazards = problems.take(HazardSet::parse(&fields.hazard_properties));
        let form = problems.take(PhysicalForm::parse(&fields.physical_form));
        let properties = match PropertyValues::parse(&fields.properties) {
            Ok(values) => Some(values),
            Err(found) => {
                problems.0.extend(found);
                None
            }
        };
        problems.into_result(|| OfferDescriptors {
            legal_status: legal_status.flatten(),
            food_grade_origin: food_grade_origin.flatten(),
            hazards: hazards.unwrap_or_default(),
            form: form.flatten(),
            properties: properties.unwrap_or_default(),
        })
    }
}

/// A need's descriptors as forms and CSV columns give them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedDescriptorFields {
    /// `accepted_classes`: class or group keys separated by `;`.
    pub accepted_classes: String,
    /// `specs`: `moisture<=60 hard; calorific-value>=12 soft`.
    pub specs: String,
    /// `treatment`: R1–R13 or D1–D15.
    pub treatment: String,
    /// `intended_use`: food, feed, fertiliser, fuel, material, heat.
    pub intended_use: String,
    /// `licences`: `abp-3; feed; notified-import`.
    pub licences: String,
}

/// The typed descriptors of a need (a receiver's demand).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NeedDescriptors {
    /// Classes or groups accepted; empty means not stated (the codes decide alone).
    pub accepted_classes: Vec<ClassKey>,
    /// Spec ranges per property.
    pub specs: Vec<SpecRange>,
    /// Intended treatment, if known.
    pub treatment: Option<Treatment>,
    /// Intended use, if known.
    pub intended_use: Option<IntendedUse>,
    /// Licences and registrations held.
    pub licences: BTreeSet<Licence>,
}

impl NeedDescriptors {
    /// Parses every field, collecting all problems with their field names.
    pub fn parse(fields: &NeedDescriptorFields) -> Result<NeedDescriptors, Problems> {
        let mut problems = Problems::default();
        let accepted_classes: Vec<ClassKey> = split_list(&fields.accepted_classes)
            .filter_map(|key| problems.take(ClassKey::parse(key)))
            .collect();
        let specs = match SpecRange::parse_list(&fields.specs) {
            Ok(specs) => specs,
            Err(found) => {
                problems.0.extend(found);
                Vec::new()
            }
        };
        let treatment = problems.take(Treatment::parse(&fields.treatment));
        let intended_use = problems.take(IntendedUse::parse(&fields.intended_use));
        let licences: BTreeSet<Licence> = split_list(&fields.licences)
            .filter_map(|text| problems.take(Licence::parse(text)))
            .collect();
        problems.into_result(|| NeedDescriptors {
            accepted_classes,
            specs,
            treatment: treatment.flatten(),
            intended_use: intended_use.flatten(),
            licences,
        })
    }

    /// True when a licence for animal by-products of `category` (or a stricter one: a
    /// category-1 plant may take category-3 material, which then counts as category 1 under
    /// Reg. 1069/2009, Art. 8–10 on mixtures) is held.
    pub fn licensed_for(&self, category: AbpCategory) -> bool {
        self.licences.iter().any(|licence| match licence {
            Licence::AnimalByProducts(held) => *held <= category,
            _ => false,
        })
    }
}

/// The non-empty, non-unknown items of a `;`-separated list.
fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split(';')
        .map(str::trim)
        .filter(|part| !is_unknown(part))
}

#[cfg(test)]
mod tests;
