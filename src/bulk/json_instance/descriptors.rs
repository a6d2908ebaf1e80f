//! The optional class and descriptor keys of instance files (issue #11). Each reads as the CSV
//! column of the same name (text in the notation of `OfferDescriptors::parse`); a list may
//! also be a JSON array, `food_grade_origin` a boolean and `properties` an object of numbers.
//! Absent keys are unknown, so every older file reads unchanged. Writing gives the JSON forms
//! and leaves unknown keys out.

use serde_json::{Map, Value, json};

use super::Fields;
use crate::domain::descriptors::{NeedDescriptorFields, OfferDescriptorFields};
use crate::domain::{Need, Offer};

impl Fields<'_> {
    /// A descriptor key as text; empty when absent (unknown).
    fn descriptor(&mut self, name: &str) -> String {
        let Some(value) = self.present(name) else {
            return String::new();
        };
        match value {
            Value::String(text) => text.clone(),
            Value::Bool(true) => "yes".into(),
            Value::Bool(false) => "no".into(),
            Value::Array(items) if items.iter().all(Value::is_string) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join("; "),
            Value::Object(pairs) if pairs.values().all(Value::is_number) => pairs
                .iter()
                .map(|(key, number)| format!("{key}={number}"))
                .collect::<Vec<_>>()
                .join("; "),
            other => {
                self.problems.push(
                    name,
                    format!("expected text or a list of texts, found {other}"),
                );
                String::new()
            }
        }
    }

    /// The material class key, when given.
    pub(super) fn material_class(&mut self) -> Option<String> {
        Some(self.descriptor("material_class")).filter(|k| !k.trim().is_empty())
    }

    /// An offer's descriptor keys.
    pub(super) fn offer_descriptors(&mut self) -> OfferDescriptorFields {
        OfferDescriptorFields {
            legal_status: self.descriptor("legal_status"),
            food_grade_origin: self.descriptor("food_grade_origin"),
            hazard_properties: self.descriptor("hazard_properties"),
            physical_form: self.descriptor("physical_form"),
            properties: self.descriptor("properties"),
        }
    }

    /// A need's descriptor keys.
    pub(super) fn need_descriptors(&mut self) -> NeedDescriptorFields {
        NeedDescriptorFields {
            accepted_classes: self.descriptor("accepted_classes"),
            specs: self.descriptor("specs"),
            treatment: self.descriptor("treatment"),
            intended_use: self.descriptor("intended_use"),
            licences: self.descriptor("licences"),
        }
    }
}

/// Adds an offer's known class and descriptors to its JSON object.
pub(super) fn write_offer_descriptors(offer: &Offer, object: &mut Map<String, Value>) {
    if let Some(class) = offer.material_class_key() {
        object.insert("material_class".into(), json!(class.as_str()));
    }
    let stated = offer.descriptors();
    if let Some(status) = stated.legal_status {
        object.insert("legal_status".into(), json!(status.as_str()));
    }
    if let Some(food_grade) = stated.food_grade_origin {
        object.insert("food_grade_origin".into(), json!(food_grade));
    }
    if !stated.hazards.is_empty() {
        let hazards: Vec<String> = stated.hazards.iter().map(|h| h.to_string()).collect();
        object.insert("hazard_properties".into(), json!(hazards));
    }
    if let Some(form) = stated.form {
        object.insert("physical_form".into(), json!(form.as_str()));
    }
    let properties: Map<String, Value> = stated
        .properties
        .iter()
        .map(|(property, value)| (property.key().to_string(), json!(value)))
        .collect();
    if !properties.is_empty() {
        object.insert("properties".into(), Value::Object(properties));
    }
}

/// Adds a need's known descriptors to its JSON object.
pub(super) fn write_need_descriptors(need: &Need, object: &mut Map<String, Value>) {
    let stated = need.descriptors();
    let mut list = |name: &str, items: Vec<String>| {
        if !items.is_empty() {
            object.insert(name.into(), json!(items));
        }
    };
    list(
        "accepted_classes",
        stated
            .accepted_classes
            .iter()
            .map(|k| k.as_str().to_string())
            .collect(),
    );
    list("specs", stated.specs.iter().map(|s| s.to_text()).collect());
    list(
        "licences",
        stated
            .licences
            .iter()
            .map(|l| l.as_str().to_string())
            .collect(),
    );
    if let Some(treatment) = stated.treatment {
        object.insert("treatment".into(), json!(treatment.to_string()));
    }
    if let Some(intended) = stated.intended_use {
        object.insert("intended_use".into(), json!(intended.as_str()));
    }
}
