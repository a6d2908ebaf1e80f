//! Measured properties of a flow (moisture, calorific value, ...) and the ranges a need sets.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::is_unknown;
use crate::domain::problem::FieldProblem;

/// A property a material class may carry, with its unit and plausible bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Property {
    /// Water content, % of wet mass.
    Moisture,
    /// Foreign matter (contraries, packaging, stones), % of mass.
    ForeignMatter,
    /// Net calorific value as received, MJ/kg.
    CalorificValue,
    /// Typical (d50) particle size, mm.
    ParticleSize,
    /// Temperature of heat or a warm stream, °C.
    Temperature,
    /// Ash content, % of dry mass.
    Ash,
    /// Chlorine content, % of dry mass (fuels).
    Chlorine,
    /// Fat content, % of dry mass (food and feed streams).
    Fat,
}

impl Property {
    /// Every property, in the order forms list them.
    pub const ALL: [Property; 8] = [
        Property::Moisture,
        Property::ForeignMatter,
        Property::CalorificValue,
        Property::ParticleSize,
        Property::Temperature,
        Property::Ash,
        Property::Chlorine,
        Property::Fat,
    ];

    /// The key used in files and the taxonomy: `moisture`, `foreign-matter`, ...
    pub fn key(self) -> &'static str {
        match self {
            Property::Moisture => "moisture",
            Property::ForeignMatter => "foreign-matter",
            Property::CalorificValue => "calorific-value",
            Property::ParticleSize => "particle-size",
            Property::Temperature => "temperature",
            Property::Ash => "ash",
            Property::Chlorine => "chlorine",
            Property::Fat => "fat",
        }
    }

    /// The unit as shown: `%`, `MJ/kg`, `mm`, `°C`.
    pub fn unit(self) -> &'static str {
        match self {
            Property::CalorificValue => "MJ/kg",
            Property::ParticleSize => "mm",
            Property::Temperature => "°C",
            _ => "%",
        }
    }

    /// The inclusive range a value must lie in to be physically plausible.
    pub fn bounds(self) -> (f64, f64) {
        match self {
            // Above 60 MJ/kg only hydrogen; nothing traded here burns hotter.
            Property::CalorificValue => (0.0, 60.0),
            Property::ParticleSize => (0.0, 2000.0),
            Property::Temperature => (-50.0, 1200.0),
            _ => (0.0, 100.0),
        }
    }

    /// The form field for one property: `moisture_pct`, `calorific_value_mj_per_kg`, ...
    pub fn field(self) -> &'static str {
        match self {
            Property::Moisture => "moisture_pct",
            Property::ForeignMatter => "foreign_matter_pct",
            Property::CalorificValue => "calorific_value_mj_per_kg",
            Property::ParticleSize => "particle_size_mm",
            Property::Temperature => "temperature_c",
            Property::Ash => "ash_pct",
            Property::Chlorine => "chlorine_pct",
            Property::Fat => "fat_pct",
        }
    }

    /// The Dutch and German words read as this property's key (`vocht`, `Heizwert`), so a
    /// spreadsheet or form in the region's languages needs no translation.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Property::Moisture => &["vocht", "vochtgehalte", "feuchte", "wassergehalt"],
            Property::ForeignMatter => &["vreemde-stoffen", "verontreiniging", "fremdstoffe"],
            Property::CalorificValue => &["stookwaarde", "verbrandingswaarde", "heizwert"],
            Property::ParticleSize => &["deeltjesgrootte", "korrelgrootte", "korngroesse"],
            Property::Temperature => &["temperatuur", "temperatur"],
            Property::Ash => &["as", "asgehalte", "asche"],
            Property::Chlorine => &["chloor", "chlor"],
            Property::Fat => &["vet", "vetgehalte", "fett"],
        }
    }

    /// Reads a key (`moisture`), its form field (`moisture_pct`) or a Dutch or German word
    /// for it (`vocht`, `vreemde stoffen`, `Heizwert`).
    pub fn parse(text: &str, field: &str) -> Result<Property, FieldProblem> {
        let wanted = text
            .trim()
            .to_lowercase()
            .replace(['_', ' '], "-")
            .replace('ö', "oe");
        Property::ALL
            .into_iter()
            .find(|p| {
                p.key() == wanted
                    || p.field().replace('_', "-") == wanted
                    || p.aliases().contains(&wanted.as_str())
            })
            .ok_or_else(|| {
                let keys: Vec<&str> = Property::ALL.iter().map(|p| p.key()).collect();
                FieldProblem::new(
                    field,
                    format!("\"{text}\" is not a property; use {}", keys.join(", ")),
                )
            })
    }

    /// Reads one value (decimal point or comma, `%` and unit allowed) for this property's
    /// form field; `unknown` gives `None`.
    pub fn parse_value(self, text: &str) -> Result<Option<f64>, FieldProblem> {
        self.parse_value_in(text, self.field())
    }

    fn parse_value_in(self, text: &str, field: &str) -> Result<Option<f64>, FieldProblem> {
        if is_unknown(text) {
            return Ok(None);
        }
        let number = text
            .trim()
            .trim_end_matches(self.unit())
            .trim()
            .replace(',', ".");
        let (low, high) = self.bounds();
        match number.parse::<f64>() {
            Ok(value) if value.is_finite() && (low..=high).contains(&value) => Ok(Some(value)),
            Ok(_) => Err(FieldProblem::new(
                field,
                format!(
                    "{}: {text} lies outside {low}–{high} {}",
                    self.key(),
                    self.unit()
                ),
            )),
            Err(_) => Err(FieldProblem::new(
                field,
                format!("{}: \"{text}\" is not a number", self.key()),
            )),
        }
    }
}

impl fmt::Display for Property {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Known property values of a flow; a property absent here is unknown.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PropertyValues(BTreeMap<Property, f64>);

impl PropertyValues {
    /// Reads `moisture=55; foreign-matter=1,5` (the compact CSV column `properties`).
    pub fn parse(text: &str) -> Result<PropertyValues, Vec<FieldProblem>> {
        let mut values = BTreeMap::new();
        let mut problems = Vec::new();
        for part in text.split(';').filter(|p| !p.trim().is_empty()) {
            let Some((key, value)) = part.split_once('=') else {
                problems.push(FieldProblem::new(
                    "properties",
                    format!("\"{}\" should read key=value", part.trim()),
                ));
                continue;
            };
            let parsed = Property::parse(key, "properties")
                .and_then(|p| p.parse_value_in(value, "properties").map(|v| (p, v)));
            match parsed {
                Ok((property, Some(value))) => {
                    values.insert(property, value);
                }
                Ok((_, None)) => {}
                Err(problem) => problems.push(problem),
            }
        }
        if problems.is_empty() {
            Ok(PropertyValues(values))
        } else {
            Err(problems)
        }
    }

    /// The value of `property`, if known.
    pub fn get(&self, property: Property) -> Option<f64> {
        self.0.get(&property).copied()
    }

    /// Records a value (already checked against the property's bounds by the caller's parse).
    pub fn insert(&mut self, property: Property, value: f64) {
        self.0.insert(property, value);
    }

    /// The known values in property order.
    pub fn iter(&self) -> impl Iterator<Item = (Property, f64)> + '_ {
        self.0.iter().map(|(p, v)| (*p, *v))
    }
}

/// Whether a need refuses values outside a range or only likes them less.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Strength {
    /// Outside the range the receiver cannot take it: a reason of infeasibility.
    Hard,
    /// Outside the range the fit is lower, nothing more.
    Soft,
}

/// A need's range for one property.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SpecRange {
    /// The property constrained.
    pub property: Property,
    /// Lowest accepted value, if any.
    pub min: Option<f64>,
    /// Highest accepted value, if any.
    pub max: Option<f64>,
    /// Hard or soft.
    pub strength: Strength,
}

impl SpecRange {
    /// True when `value` lies inside the range (bounds inclusive).
    pub fn admits(&self, value: f64) -> bool {
        self.min.is_none_or(|min| value >= min) && self.max.is_none_or(|max| value <= max)
    }

    /// Reads `moisture<=60 hard`, `calorific-value>=12`, `particle-size=0..50 soft`. Without
    /// a strength the range is soft: refusing a match is the stronger claim and must be said.
    pub fn parse(text: &str) -> Result<SpecRange, FieldProblem> {
        let problem = |why: &str| FieldProblem::new("specs", format!("\"{}\": {why}", text.trim()));
        let mut words = text.trim().to_lowercase();
        let strength = if let Some(rest) = words.strip_suffix("hard") {
            words = rest.trim_end().to_string();
            Strength::Hard
        } else if let Some(rest) = ["soft", "zacht", "weich"]
            .iter()
            .find_map(|word| words.strip_suffix(word))
        {
            words = rest.trim_end().to_string();
            Strength::Soft
        } else {
            Strength::Soft
        };
        let (key, op, rest) = ["<=", ">=", "="]
            .iter()
            .find_map(|op| words.split_once(op).map(|(k, r)| (k, *op, r)))
            .ok_or_else(|| problem("write property<=max, property>=min or property=min..max"))?;
        let property = Property::parse(key, "specs")?;
        let value = |t: &str| {
            property
                .parse_value_in(t, "specs")?
                .ok_or_else(|| problem("a bound is missing"))
        };
        let (min, max) = match op {
            "<=" => (None, Some(value(rest)?)),
            ">=" => (Some(value(rest)?), None),
            _ => {
                let (low, high) = rest
                    .split_once("..")
                    .ok_or_else(|| problem("write a range as min..max"))?;
                (Some(value(low)?), Some(value(high)?))
            }
        };
        if let (Some(low), Some(high)) = (min, max)
            && low > high
        {
            return Err(problem("the minimum exceeds the maximum"));
        }
        Ok(SpecRange {
            property,
            min,
            max,
            strength,
        })
    }

    /// Reads several ranges separated by `;`, collecting every problem.
    pub fn parse_list(text: &str) -> Result<Vec<SpecRange>, Vec<FieldProblem>> {
        let (ranges, problems): (Vec<_>, Vec<_>) = text
            .split(';')
            .filter(|p| !p.trim().is_empty())
            .map(SpecRange::parse)
            .partition(Result::is_ok);
        if problems.is_empty() {
            Ok(ranges.into_iter().map(Result::unwrap).collect())
        } else {
            Err(problems.into_iter().filter_map(Result::err).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_with_decimal_comma_and_unit() {
        let values = PropertyValues::parse("moisture=55%; calorific-value=17,5 MJ/kg").unwrap();
        assert_eq!(values.get(Property::Moisture), Some(55.0));
        assert_eq!(values.get(Property::CalorificValue), Some(17.5));
        assert_eq!(values.get(Property::Ash), None);
    }

    #[test]
    fn an_implausible_value_names_the_property() {
        let problems = PropertyValues::parse("moisture=140; colour=red").unwrap_err();
        assert_eq!(problems.len(), 2);
        assert!(problems[0].reason.contains("moisture"));
        let single = Property::Moisture.parse_value("abc").unwrap_err();
        assert_eq!(single.field, "moisture_pct");
    }

    #[test]
    fn specs_read_bounds_and_strength() {
        let spec = SpecRange::parse("moisture<=60 hard").unwrap();
        assert_eq!(
            (spec.min, spec.max, spec.strength),
            (None, Some(60.0), Strength::Hard)
        );
        let dutch = SpecRange::parse("Vocht <= 60 zacht").unwrap();
        assert_eq!(
            (dutch.property, dutch.strength),
            (Property::Moisture, Strength::Soft)
        );
        let values = PropertyValues::parse("vocht=55; vreemde stoffen=2").unwrap();
        assert_eq!(values.get(Property::ForeignMatter), Some(2.0));
        let range = SpecRange::parse("particle-size=0..50").unwrap();
        assert_eq!(range.strength, Strength::Soft);
        assert!(range.admits(50.0) && !range.admits(50.1));
        assert!(SpecRange::parse("fat=10..5 hard").is_err());
        assert!(SpecRange::parse("moisture 60").is_err());
    }
}
