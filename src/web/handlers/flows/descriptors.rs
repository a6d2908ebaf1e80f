//! The descriptor fields of the flow forms (issue #11): read into the drafts' text fields
//! (the domain parses them with the rest of the flow), shown back from a stored flow, and a
//! message per refused field in the reader's language.

use super::form::FlowFields;
use crate::domain::descriptors::{NeedDescriptorFields, OfferDescriptorFields, Property};
use crate::domain::{Need, Offer, Problems};
use crate::i18n::{Lang, number, number_field, read_number};
use crate::t;

/// The descriptor fields an offer's form sends (besides the eight property fields).
const OFFER_FIELDS: [&str; 5] = [
    "material_class",
    "legal_status",
    "food_grade_origin",
    "hazard_properties",
    "physical_form",
];

/// A field's trimmed text; empty when not sent.
fn text(field: &Option<String>) -> String {
    field.as_deref().map_or("", str::trim).to_string()
}

impl FlowFields {
    /// The typed value of one property's field (`moisture_pct`…).
    fn property(&self, property: Property) -> &Option<String> {
        match property {
            Property::Moisture => &self.moisture_pct,
            Property::ForeignMatter => &self.foreign_matter_pct,
            Property::CalorificValue => &self.calorific_value_mj_per_kg,
            Property::ParticleSize => &self.particle_size_mm,
            Property::Temperature => &self.temperature_c,
            Property::Ash => &self.ash_pct,
            Property::Chlorine => &self.chlorine_pct,
            Property::Fat => &self.fat_pct,
        }
    }

    /// The offer's class and descriptors as text. Each property is its own field: a number
    /// that cannot be read (as a `lang` reader types it) or lies outside the property's
    /// bounds is noted in `unread` at that field, never passed on as another number.
    pub(super) fn offer_descriptors(
        &self,
        lang: Lang,
        unread: &mut Problems,
    ) -> (Option<String>, OfferDescriptorFields) {
        let mut known = Vec::new();
        for property in Property::ALL {
            let typed = text(self.property(property));
            if typed.is_empty() {
                continue;
            }
            let checked = read_number(lang, &typed)
                .ok_or(())
                .and_then(|value| property.parse_value(&value.to_string()).map_err(|_| ()));
            match checked {
                Ok(Some(value)) => known.push(format!("{}={value}", property.key())),
                Ok(None) => {}
                Err(()) => unread.push(property.field(), format!("\"{typed}\" is refused")),
            }
        }
        let class = Some(text(&self.material_class)).filter(|c| !c.is_empty());
        let descriptors = OfferDescriptorFields {
            legal_status: text(&self.legal_status),
            food_grade_origin: text(&self.food_grade_origin),
            hazard_properties: text(&self.hazard_properties),
            physical_form: text(&self.physical_form),
            properties: known.join("; "),
        };
        (class, descriptors)
    }

    /// The need's descriptors as text; the lists (classes, licences) repeat in the form.
    pub(super) fn need_descriptors(&self) -> NeedDescriptorFields {
        NeedDescriptorFields {
            accepted_classes: self.accepted_classes.join("; "),
            specs: text(&self.specs),
            treatment: text(&self.treatment),
            intended_use: text(&self.intended_use),
            licences: self.licences.join("; "),
        }
    }

    /// The descriptor fields as submitted, by name, to show a refused form again; the
    /// repeated lists are joined with `;`.
    pub(super) fn descriptor_values(&self) -> Vec<(String, String)> {
        let single = [
            ("material_class", &self.material_class),
            ("legal_status", &self.legal_status),
            ("food_grade_origin", &self.food_grade_origin),
            ("hazard_properties", &self.hazard_properties),
            ("physical_form", &self.physical_form),
            ("specs", &self.specs),
            ("treatment", &self.treatment),
            ("intended_use", &self.intended_use),
        ];
        let properties = Property::ALL.map(|p| (p.field(), self.property(p)));
        let mut values: Vec<(String, String)> = single
            .into_iter()
            .chain(properties)
            .filter_map(|(name, value)| Some((name.to_string(), value.clone()?)))
            .collect();
        values.push(("accepted_classes".into(), self.accepted_classes.join(";")));
        values.push(("licences".into(), self.licences.join(";")));
        values
    }
}

/// True for a property's own field (`moisture_pct`…).
pub(super) fn is_property_field(field: &str) -> bool {
    Property::ALL.iter().any(|p| p.field() == field)
}

/// What the reader is told about a refused descriptor field; `None` for other fields.
pub(super) fn message(lang: Lang, field: &str) -> Option<String> {
    if let Some(property) = Property::ALL.into_iter().find(|p| p.field() == field) {
        let (min, max) = property.bounds();
        return Some(t!(
            lang,
            "desc-error-property",
            min = number(lang, min, 0),
            max = number(lang, max, 0),
            unit = property.unit()
        ));
    }
    let message = match field {
        "material_class" => t!(lang, "desc-error-material-class"),
        "legal_status" => t!(lang, "desc-error-legal-status"),
        "food_grade_origin" => t!(lang, "desc-error-food-grade"),
        "hazard_properties" => t!(lang, "desc-error-hazards"),
        "physical_form" => t!(lang, "desc-error-form"),
        "accepted_classes" => t!(lang, "desc-error-accepted-classes"),
        "specs" => t!(lang, "desc-error-specs"),
        "treatment" => t!(lang, "desc-error-treatment"),
        "intended_use" => t!(lang, "desc-error-intended-use"),
        "licences" => t!(lang, "desc-error-licences"),
        _ => return None,
    };
    Some(message)
}

/// A stored offer's class and descriptors, to fill its change form.
pub(super) fn offer_values(offer: &Offer, lang: Lang) -> Vec<(String, String)> {
    let stated = offer.descriptors().to_fields();
    let texts = [
        stated.legal_status,
        stated.food_grade_origin,
        stated.hazard_properties,
        stated.physical_form,
    ];
    let class = offer
        .material_class_key()
        .map_or(String::new(), |k| k.as_str().to_string());
    let mut values: Vec<(String, String)> = OFFER_FIELDS
        .iter()
        .map(|f| f.to_string())
        .zip(std::iter::once(class).chain(texts))
        .collect();
    for (property, value) in offer.descriptors().properties.iter() {
        values.push((property.field().to_string(), number_field(lang, value)));
    }
    values
}

/// A stored need's descriptors, to fill its change form.
pub(super) fn need_values(need: &Need) -> Vec<(String, String)> {
    let stated = need.descriptors().to_fields();
    vec![
        ("accepted_classes".into(), stated.accepted_classes),
        ("specs".into(), stated.specs),
        ("treatment".into(), stated.treatment),
        ("intended_use".into(), stated.intended_use),
        ("licences".into(), stated.licences),
    ]
}
