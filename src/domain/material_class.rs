//! Material classes beside the code (issue #11): a curated taxonomy of leaves grouped under
//! parents, each tied to its candidate codes and a property template. One code may hold
//! several classes (02 03 04 holds coffee grounds and vegetable off-cuts); telling them apart
//! is the point.
//!
//! Shipped inside the binary from `fixtures/material_classes.csv`; its sources are listed in
//! `fixtures/material_classes.SOURCES.md`.

mod parse;

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::descriptors::{LegalStatus, PhysicalForm, Property};
use super::material::Material;
use super::problem::FieldProblem;

const CLASSES_CSV: &str = include_str!("../../fixtures/material_classes.csv");

/// A parent of leaf classes, e.g. `food`.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassGroup {
    /// Stable key without a dot: `food`.
    pub key: String,
    /// Labels in Dutch, English and German.
    pub labels: Labels,
}

/// Labels of a class or group in the three languages of the border region.
#[derive(Debug, Clone, PartialEq)]
pub struct Labels {
    /// Dutch.
    pub nl: String,
    /// English.
    pub en: String,
    /// German.
    pub de: String,
}

/// A leaf material class, e.g. `food.coffee-grounds`.
#[derive(Debug, Clone, PartialEq)]
pub struct MaterialClass {
    /// Stable key `group.leaf`; never reused for another material.
    pub key: String,
    /// Labels in Dutch, English and German.
    pub labels: Labels,
    /// Candidate codes as officially written (`02 03 04`, `17 02 04*`, or `heat-low`).
    pub codes: Vec<String>,
    /// The properties that describe this class (the template a form shows).
    pub properties: Vec<Property>,
    /// The usual legal status, when the class has one (a hint, never a declaration).
    pub typical_status: Option<LegalStatus>,
    /// Whether a food-grade origin is plausible (so feed or food use may be).
    pub food_grade_plausible: bool,
    /// The usual physical form.
    pub form: Option<PhysicalForm>,
    /// Which published lists the class follows (tags explained in the SOURCES note).
    pub sources: Vec<String>,
}

impl MaterialClass {
    /// The group key: the part before the first dot.
    pub fn group(&self) -> &str {
        self.key
            .split_once('.')
            .map_or(&self.key, |(group, _)| group)
    }

    /// True for classes of animal origin, which are animal by-products whatever the holder
    /// declares (Reg. (EC) 1069/2009 Art. 4(1)); former foodstuffs are not, their animal
    /// content varies.
    pub fn is_animal_by_nature(&self) -> bool {
        self.group() == "animal" || self.key == "fats.animal-fat"
    }

    /// True when this class lists `code` (a code as written or digits) among its candidates.
    pub fn has_code(&self, code: &str) -> bool {
        Material::parse(code).is_ok_and(|m| self.codes.iter().any(|c| c == m.code()))
    }
}

/// The whole taxonomy, indexed by key and by code.
#[derive(Debug)]
pub struct Taxonomy {
    groups: Vec<ClassGroup>,
    classes: Vec<MaterialClass>,
    by_key: HashMap<String, usize>,
    by_code: HashMap<String, Vec<usize>>,
}

impl Taxonomy {
    /// The shipped taxonomy, parsed and validated once on first use.
    pub fn get() -> &'static Taxonomy {
        static TAXONOMY: OnceLock<Taxonomy> = OnceLock::new();
        // The file is compiled in and validated by a unit test: a broken row is a build defect.
        TAXONOMY.get_or_init(|| {
            Taxonomy::parse(CLASSES_CSV)
                .unwrap_or_else(|problems| panic!("fixtures/material_classes.csv: {problems:?}"))
        })
    }

    /// Parses and validates a taxonomy file; returns every problem found, one line each.
    pub fn parse(csv_text: &str) -> Result<Taxonomy, Vec<String>> {
        let (groups, classes) = parse::read(csv_text)?;
        let by_key = classes
            .iter()
            .enumerate()
            .map(|(i, class)| (class.key.clone(), i))
            .collect();
        let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, class) in classes.iter().enumerate() {
            for code in &class.codes {
                by_code.entry(code.clone()).or_default().push(i);
            }
        }
        Ok(Taxonomy {
            groups,
            classes,
            by_key,
            by_code,
        })
    }

    /// All groups in file order.
    pub fn groups(&self) -> &[ClassGroup] {
        &self.groups
    }

    /// All leaf classes in file order.
    pub fn classes(&self) -> &[MaterialClass] {
        &self.classes
    }

    /// The leaf class with this key.
    pub fn class(&self, key: &str) -> Option<&MaterialClass> {
        self.by_key.get(key).map(|&i| &self.classes[i])
    }

    /// The group with this key.
    pub fn group(&self, key: &str) -> Option<&ClassGroup> {
        self.groups.iter().find(|g| g.key == key)
    }

    /// The classes a code may hold, in file order; `code` as written, digits or a resource.
    pub fn classes_for_code(&self, code: &str) -> Vec<&MaterialClass> {
        let Ok(material) = Material::parse(code) else {
            return Vec::new();
        };
        self.by_code
            .get(material.code())
            .map(|indices| indices.iter().map(|&i| &self.classes[i]).collect())
            .unwrap_or_default()
    }

    /// The leaf classes of a group.
    pub fn classes_in(&self, group: &str) -> impl Iterator<Item = &MaterialClass> {
        self.classes.iter().filter(move |c| c.group() == group)
    }
}

/// A key naming a leaf class or a whole group, known to exist in the shipped taxonomy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClassKey(String);

impl ClassKey {
    /// Reads a class key (`food.coffee-grounds`) or group key (`food`).
    pub fn parse(text: &str) -> Result<ClassKey, FieldProblem> {
        let key = text.trim().to_lowercase();
        let taxonomy = Taxonomy::get();
        if taxonomy.class(&key).is_some() || taxonomy.group(&key).is_some() {
            Ok(ClassKey(key))
        } else {
            Err(FieldProblem::new(
                "accepted_classes",
                format!("\"{text}\" is not a material class or group"),
            ))
        }
    }

    /// The key as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when this key names `class` itself or its group.
    pub fn covers(&self, class: &MaterialClass) -> bool {
        self.0 == class.key || self.0 == class.group()
    }
}

impl fmt::Display for ClassKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ClassKey {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        ClassKey::parse(&text).map_err(|p| p.reason)
    }
}

impl From<ClassKey> for String {
    fn from(key: ClassKey) -> String {
        key.0
    }
}

#[cfg(test)]
mod tests;
