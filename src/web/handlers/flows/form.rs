//! The flow forms' fields: read into domain drafts (the same for adding and changing a flow)
//! and refused with a message per field in the reader's language. Filling a form from a
//! stored flow is [`super::stored`].

use std::collections::HashMap;

use serde::Deserialize;

use super::descriptors;
use crate::domain::flow::{MAX_DESCRIPTION, MAX_PICKUP_TERMS};
use crate::domain::{Exceeded, FieldProblem, FlowDraft, FlowKind, NeedDraft, OfferDraft, Problems};
use crate::i18n::{Lang, number, read_number};
use crate::t;
use crate::views::accounts::FormState;

/// A submitted offer or need form. Fields the other kind's form does not have stay `None`;
/// `accepts` (a need's ticked materials) is the one field that repeats.
#[derive(Debug, Default, Deserialize)]
pub struct FlowFields {
    material: Option<String>,
    description: Option<String>,
    quantity_per_year: Option<String>,
    unit: Option<String>,
    disposal_cost_eur_per_unit: Option<String>,
    regularity: Option<String>,
    confidentiality: Option<String>,
    min_lot_per_year: Option<String>,
    virgin_price_eur_per_unit: Option<String>,
    max_distance_km: Option<String>,
    licensed_for_hazardous: Option<String>,
    pickup_terms: Option<String>,
    available_from: Option<String>,
    available_until: Option<String>,
    zoek: Option<String>,
    /// The search words whose hits the form shows (to tell Enter in the search box apart).
    zoek_shown: Option<String>,
    /// The button pressed: `search`, `default` (Enter in a field) or the save button.
    action: Option<String>,
    #[serde(default)]
    pub accepts: Vec<String>,
    // The descriptors (issue #11), read in `super::descriptors`.
    pub(super) material_class: Option<String>,
    pub(super) legal_status: Option<String>,
    pub(super) food_grade_origin: Option<String>,
    pub(super) hazard_properties: Option<String>,
    pub(super) physical_form: Option<String>,
    pub(super) moisture_pct: Option<String>,
    pub(super) foreign_matter_pct: Option<String>,
    pub(super) calorific_value_mj_per_kg: Option<String>,
    pub(super) particle_size_mm: Option<String>,
    pub(super) temperature_c: Option<String>,
    pub(super) ash_pct: Option<String>,
    pub(super) chlorine_pct: Option<String>,
    pub(super) fat_pct: Option<String>,
    #[serde(default)]
    pub(super) accepted_classes: Vec<String>,
    pub(super) specs: Option<String>,
    pub(super) treatment: Option<String>,
    pub(super) intended_use: Option<String>,
    #[serde(default)]
    pub(super) licences: Vec<String>,
}

impl FlowFields {
    /// The material search's words, so that a refused form shows the same hits again.
    pub fn query(&self) -> &str {
        self.zoek.as_deref().map_or("", str::trim)
    }

    /// Whether the user asked for the material search rather than a save: its button, or
    /// Enter pressed with words in the search box not yet searched.
    pub fn is_search(&self) -> bool {
        let shown = self.zoek_shown.as_deref().map_or("", str::trim);
        match self.action.as_deref() {
            Some("search") => true,
            Some("default") => !self.query().is_empty() && self.query() != shown,
            _ => false,
        }
    }

    /// The form as typed, without messages: shown again with a search's hits, every field
    /// kept.
    pub fn typed(&self) -> FormState {
        FormState {
            values: self.values(),
            ..FormState::default()
        }
    }

    /// The fields as submitted, by name, to show a refused form again.
    fn values(&self) -> HashMap<String, String> {
        let fields = [
            ("material", &self.material),
            ("description", &self.description),
            ("quantity_per_year", &self.quantity_per_year),
            ("unit", &self.unit),
            (
                "disposal_cost_eur_per_unit",
                &self.disposal_cost_eur_per_unit,
            ),
            ("regularity", &self.regularity),
            ("confidentiality", &self.confidentiality),
            ("min_lot_per_year", &self.min_lot_per_year),
            ("virgin_price_eur_per_unit", &self.virgin_price_eur_per_unit),
            ("max_distance_km", &self.max_distance_km),
            ("licensed_for_hazardous", &self.licensed_for_hazardous),
            ("pickup_terms", &self.pickup_terms),
            ("available_from", &self.available_from),
            ("available_until", &self.available_until),
            ("zoek", &self.zoek),
        ];
        fields
            .into_iter()
            .filter_map(|(name, value)| Some((name.to_string(), value.clone()?)))
            .chain(self.descriptor_values())
            .collect()
    }

    /// The draft of a flow of `kind` the form describes, and the fields that are not numbers
    /// (they go into the draft as 0). The id, and what the form does not show, are the
    /// application's to fill.
    /// Numbers are read as a `lang` reader types them ([`read_number`]).
    pub fn draft(&self, kind: FlowKind, lang: Lang) -> (FlowDraft, Problems) {
        let mut unread = Unread {
            lang,
            problems: Problems::default(),
        };
        let draft = match kind {
            FlowKind::Offer => FlowDraft::Offer(self.offer_draft(&mut unread)),
            FlowKind::Need => FlowDraft::Need(self.need_draft(&mut unread)),
        };
        let unread = unread.problems;
        (draft, unread)
    }

    fn offer_draft(&self, unread: &mut Unread) -> OfferDraft {
        let (material_class, descriptors) =
            self.offer_descriptors(unread.lang, &mut unread.problems);
        OfferDraft {
            firm: "self".into(),
            material: text(&self.material),
            description: text(&self.description),
            quantity_per_year: number_in("quantity_per_year", &self.quantity_per_year, unread),
            unit: optional(&self.unit),
            disposal_cost_eur_per_unit: number_in(
                "disposal_cost_eur_per_unit",
                &self.disposal_cost_eur_per_unit,
                unread,
            ),
            regularity: optional(&self.regularity),
            confidentiality: optional(&self.confidentiality),
            available_from: optional(&self.available_from),
            available_until: optional(&self.available_until),
            pickup_terms: optional(&self.pickup_terms),
            material_class,
            descriptors,
            ..OfferDraft::default()
        }
    }

    fn need_draft(&self, unread: &mut Unread) -> NeedDraft {
        let min_lot = optional(&self.min_lot_per_year)
            .map(|_| number_in("min_lot_per_year", &self.min_lot_per_year, unread));
        NeedDraft {
            firm: "self".into(),
            accepts: self.accepts.clone(),
            description: text(&self.description),
            quantity_per_year: number_in("quantity_per_year", &self.quantity_per_year, unread),
            unit: optional(&self.unit),
            min_lot_per_year: min_lot,
            virgin_price_eur_per_unit: number_in(
                "virgin_price_eur_per_unit",
                &self.virgin_price_eur_per_unit,
                unread,
            ),
            max_distance_km: number_in("max_distance_km", &self.max_distance_km, unread),
            licensed_for_hazardous: Some(self.licensed_for_hazardous.as_deref() == Some("true")),
            confidentiality: optional(&self.confidentiality),
            descriptors: self.need_descriptors(),
            pickup_terms: optional(&self.pickup_terms),
            ..NeedDraft::default()
        }
    }
}

/// A field's text as submitted; empty when it was not.
fn text(field: &Option<String>) -> String {
    field.clone().unwrap_or_default()
}

/// A field's trimmed text; `None` when empty or not submitted.
fn optional(field: &Option<String>) -> Option<String> {
    field
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// The language the numbers are read in, and the fields whose numbers could not be read.
struct Unread {
    lang: Lang,
    problems: Problems,
}

/// A number as typed: `12,5` or `12.5`; 0 and a problem at `name` when it cannot be read
/// without guessing (a thousands separator, letters): never a silently different number.
fn number_in(name: &str, field: &Option<String>, unread: &mut Unread) -> f64 {
    let typed = field.as_deref().map_or("", str::trim);
    match read_number(unread.lang, typed) {
        Some(value) => value,
        None => {
            unread
                .problems
                .push(name, format!("\"{typed}\" is not a number"));
            0.0
        }
    }
}

/// The form again, with one message per refused field: the fields that were not numbers
/// (`unread`) first, then what the domain `found` about the others.
pub fn refused_form(
    fields: &FlowFields,
    mut unread: Problems,
    found: Problems,
    lang: Lang,
) -> FormState {
    let mut refused = FormState {
        values: fields.values(),
        ..FormState::default()
    };
    for problem in &unread.0 {
        // A number typed but not read is named with what was typed; an empty one gets the
        // field's usual message below.
        let typed = refused.values.get(&problem.field).map_or("", |v| v.trim());
        if !typed.is_empty() && !descriptors::is_property_field(&problem.field) {
            let message = unreadable(lang, &problem.field, typed);
            refused.errors.insert(problem.field.clone(), message);
        }
    }
    for problem in found.0 {
        // A field that is not a number is reported once, not again by the domain.
        if !unread.0.iter().any(|p| p.field == problem.field) {
            unread.0.push(problem);
        }
    }
    for problem in &unread.0 {
        // `accepts[2]` is shown at the `accepts` field.
        let field = problem.field.split('[').next().unwrap_or(&problem.field);
        refused
            .errors
            .entry(field.to_string())
            .or_insert_with(|| message(lang, field, problem));
    }
    refused
}

/// A number that could not be read, named by its field's label and shown as typed, with
/// the field's usual hint.
fn unreadable(lang: Lang, field: &str, typed: &str) -> String {
    let label = match field {
        "quantity_per_year" => t!(lang, "flows-field-quantity"),
        "disposal_cost_eur_per_unit" => t!(lang, "flows-field-disposal-cost"),
        "min_lot_per_year" => t!(lang, "flows-field-min-lot"),
        "virgin_price_eur_per_unit" => t!(lang, "flows-field-virgin-price"),
        _ => t!(lang, "flows-field-max-distance"),
    };
    let hint = usual_message(lang, field);
    t!(
        lang,
        "flows-error-unreadable-number",
        field = label,
        typed = typed,
        hint = hint
    )
}

/// What the reader is told about a refused field: its bound when the value went past it.
fn message(lang: Lang, field: &str, problem: &FieldProblem) -> String {
    match problem.exceeded {
        Some(Exceeded::Value(max)) => too_large(lang, field, max),
        _ => usual_message(lang, field),
    }
}

/// A number past the domain's bound, with the bound in the reader's notation.
fn too_large(lang: Lang, field: &str, max: u64) -> String {
    let max = number(lang, max as f64, 0);
    match field {
        "quantity_per_year" => t!(lang, "flows-error-quantity-too-large", max = max),
        "min_lot_per_year" => t!(lang, "flows-error-min-lot-too-large", max = max),
        "disposal_cost_eur_per_unit" | "virgin_price_eur_per_unit" => {
            t!(lang, "flows-error-price-too-large", max = max)
        }
        "max_distance_km" => t!(lang, "flows-error-max-distance-too-large", max = max),
        _ => usual_message(lang, field),
    }
}

/// What the reader is told about a refused field otherwise.
fn usual_message(lang: Lang, field: &str) -> String {
    if let Some(message) = descriptors::message(lang, field) {
        return message;
    }
    match field {
        "material" => t!(lang, "flows-error-material"),
        "quantity_per_year" => t!(lang, "flows-error-quantity"),
        "unit" => t!(lang, "flows-error-unit"),
        "disposal_cost_eur_per_unit" => t!(lang, "flows-error-disposal-cost"),
        "description" => t!(
            lang,
            "flows-error-description",
            max = number(lang, MAX_DESCRIPTION as f64, 0)
        ),
        "pickup_terms" => t!(
            lang,
            "flows-error-pickup-terms",
            max = number(lang, MAX_PICKUP_TERMS as f64, 0)
        ),
        "available_from" | "available_until" => t!(lang, "flows-error-available"),
        "accepts" => t!(lang, "flows-error-accepts"),
        "min_lot_per_year" => t!(lang, "flows-error-min-lot"),
        "virgin_price_eur_per_unit" => t!(lang, "flows-error-virgin-price"),
        "max_distance_km" => t!(lang, "flows-error-max-distance"),
        "regularity" | "confidentiality" => t!(lang, "flows-error-choice"),
        _ => t!(lang, "flows-error-field"),
    }
}
