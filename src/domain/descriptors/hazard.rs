//! Hazardous properties HP1–HP15 (Directive 2008/98/EC, Annex III) and physical form.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::is_unknown;
use crate::domain::catalogue::CatalogueEntry;
use crate::domain::problem::FieldProblem;

/// One hazardous property, HP1–HP15.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HazardProperty(u8);

impl HazardProperty {
    /// The English names of Annex III, HP1 first.
    const NAMES: [&'static str; 15] = [
        "Explosive",
        "Oxidising",
        "Flammable",
        "Irritant",
        "Specific target organ toxicity / aspiration toxicity",
        "Acute toxicity",
        "Carcinogenic",
        "Corrosive",
        "Infectious",
        "Toxic for reproduction",
        "Mutagenic",
        "Release of an acute toxic gas",
        "Sensitising",
        "Ecotoxic",
        "Capable of exhibiting a property not displayed by the original waste",
    ];

    /// HP`number`, when 1–15.
    pub fn new(number: u8) -> Option<HazardProperty> {
        (1..=15).contains(&number).then_some(HazardProperty(number))
    }

    /// The number 1–15.
    pub fn number(self) -> u8 {
        self.0
    }

    /// The English name from Annex III (views translate by `HP<n>`).
    pub fn name_en(self) -> &'static str {
        Self::NAMES[usize::from(self.0 - 1)]
    }

    /// Reads `HP4`, `hp 14` or `4`.
    pub fn parse(text: &str) -> Result<HazardProperty, FieldProblem> {
        let compact: String = text.split_whitespace().collect::<String>().to_uppercase();
        let digits = compact.strip_prefix("HP").unwrap_or(&compact);
        digits
            .parse::<u8>()
            .ok()
            .and_then(HazardProperty::new)
            .ok_or_else(|| {
                FieldProblem::new(
                    "hazard_properties",
                    format!("\"{text}\" is not a hazardous property; use HP1 to HP15"),
                )
            })
    }
}

impl fmt::Display for HazardProperty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HP{}", self.0)
    }
}

impl TryFrom<String> for HazardProperty {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        HazardProperty::parse(&text).map_err(|p| p.reason)
    }
}

impl From<HazardProperty> for String {
    fn from(property: HazardProperty) -> String {
        property.to_string()
    }
}

/// The hazardous properties stated for a flow; empty means none stated (unknown).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct HazardSet(BTreeSet<HazardProperty>);

impl HazardSet {
    /// Reads `HP4; HP14` (`;` or `,` between); empty or `unknown` gives the empty set.
    pub fn parse(text: &str) -> Result<HazardSet, FieldProblem> {
        if is_unknown(text) {
            return Ok(HazardSet::default());
        }
        text.split([';', ','])
            .filter(|part| !part.trim().is_empty())
            .map(HazardProperty::parse)
            .collect::<Result<BTreeSet<_>, _>>()
            .map(HazardSet)
    }

    /// True when no property is stated.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The properties in HP order.
    pub fn iter(&self) -> impl Iterator<Item = HazardProperty> + '_ {
        self.0.iter().copied()
    }

    /// Refuses properties on a non-hazardous entry: the holder either picked the wrong half of
    /// a mirror pair or the properties are wrong, and either way the record contradicts itself.
    pub fn check_against(&self, entry: &CatalogueEntry) -> Result<(), FieldProblem> {
        if self.is_empty() || entry.hazardous {
            return Ok(());
        }
        Err(FieldProblem::new(
            "hazard_properties",
            format!(
                "{} is a non-hazardous entry; hazardous properties belong to a hazardous (*) code",
                entry.code
            ),
        ))
    }
}

impl fmt::Display for HazardSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join("; "))
    }
}

/// The physical form, after the UK waste-tracking service's list of forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PhysicalForm {
    /// Lumps, pieces, bales.
    Solid,
    /// Pumpable or spadeable wet solids.
    Sludge,
    /// Free-flowing liquid.
    Liquid,
    /// Gas (CO₂, steam counts under heat).
    Gas,
    /// Dust, powder, fine granules.
    Powder,
    /// A mixture of forms or materials.
    Mixed,
}

impl PhysicalForm {
    /// Every form, in the order forms list them.
    pub const ALL: [PhysicalForm; 6] = [
        PhysicalForm::Solid,
        PhysicalForm::Sludge,
        PhysicalForm::Liquid,
        PhysicalForm::Gas,
        PhysicalForm::Powder,
        PhysicalForm::Mixed,
    ];

    /// The spelling used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            PhysicalForm::Solid => "solid",
            PhysicalForm::Sludge => "sludge",
            PhysicalForm::Liquid => "liquid",
            PhysicalForm::Gas => "gas",
            PhysicalForm::Powder => "powder",
            PhysicalForm::Mixed => "mixed",
        }
    }

    /// Reads a form in English, Dutch or German; `unknown` gives `None`.
    pub fn parse(text: &str) -> Result<Option<PhysicalForm>, FieldProblem> {
        if is_unknown(text) {
            return Ok(None);
        }
        let form = match text.trim().to_lowercase().as_str() {
            "solid" | "vast" | "fest" => PhysicalForm::Solid,
            "sludge" | "slib" | "schlamm" | "pasty" => PhysicalForm::Sludge,
            "liquid" | "vloeibaar" | "flüssig" | "fluessig" => PhysicalForm::Liquid,
            "gas" | "gasvormig" | "gasförmig" => PhysicalForm::Gas,
            "powder" | "poeder" | "pulver" | "dust" => PhysicalForm::Powder,
            "mixed" | "gemengd" | "gemischt" => PhysicalForm::Mixed,
            _ => {
                return Err(FieldProblem::new(
                    "physical_form",
                    format!(
                        "\"{text}\" is not a physical form; use solid, sludge, liquid, gas, \
                         powder, mixed or unknown"
                    ),
                ));
            }
        };
        Ok(Some(form))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;

    #[test]
    fn hazard_sets_read_hp_codes_in_order() {
        let set = HazardSet::parse("hp14; HP4,HP 3").unwrap();
        assert_eq!(set.to_string(), "HP3; HP4; HP14");
        assert_eq!(HazardProperty::new(9).unwrap().name_en(), "Infectious");
    }

    #[test]
    fn hp16_and_hp0_are_refused() {
        assert_eq!(
            HazardSet::parse("HP16").unwrap_err().field,
            "hazard_properties"
        );
        assert!(HazardSet::parse("HP0").is_err());
    }

    #[test]
    fn hazards_on_a_non_hazardous_code_are_refused() {
        let catalogue = Catalogue::get();
        let set = HazardSet::parse("HP14").unwrap();
        assert!(
            set.check_against(catalogue.entry("200138").unwrap())
                .is_err()
        );
        assert!(
            set.check_against(catalogue.entry("200137").unwrap())
                .is_ok()
        );
    }

    #[test]
    fn forms_read_in_three_languages() {
        assert_eq!(PhysicalForm::parse("slib"), Ok(Some(PhysicalForm::Sludge)));
        assert_eq!(
            PhysicalForm::parse("Pulver"),
            Ok(Some(PhysicalForm::Powder))
        );
        assert_eq!(PhysicalForm::parse("?"), Ok(None));
        assert!(PhysicalForm::parse("plasma").is_err());
    }
}
