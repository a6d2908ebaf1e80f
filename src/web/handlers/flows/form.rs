//! The flow forms' fields: read into domain drafts (the same for adding and changing a flow),
//! refused with a message per field in the reader's language, and filled from a stored flow.

use std::collections::HashMap;

use crate::domain::flow::{MAX_DESCRIPTION, NeedDraft, OfferDraft};
use crate::domain::{Exceeded, FieldProblem, Need, Offer, Problems};
use crate::i18n::{Lang, number};
use crate::t;
use crate::views::accounts::FormState;

/// A submitted flow form: its fields, and the materials ticked (a need's `accepts`, which is
/// the one field that repeats).
pub struct Submitted {
    pub fields: HashMap<String, String>,
    pub accepts: Vec<String>,
}

impl From<Vec<(String, String)>> for Submitted {
    fn from(pairs: Vec<(String, String)>) -> Submitted {
        let (accepts, fields): (Vec<_>, Vec<_>) =
            pairs.into_iter().partition(|(key, _)| key == "accepts");
        Submitted {
            fields: fields.into_iter().collect(),
            accepts: accepts.into_iter().map(|(_, code)| code).collect(),
        }
    }
}

impl Submitted {
    /// The CSRF token the form carried.
    pub fn csrf(&self) -> Option<&String> {
        self.fields.get("csrf")
    }

    /// The material search's words, so that a refused form shows the same hits again.
    pub fn query(&self) -> &str {
        self.fields.get("zoek").map_or("", |q| q.trim())
    }

    fn text(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    fn optional(&self, name: &str) -> Option<String> {
        self.fields
            .get(name)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    /// A number as typed: `12,5` or `12.5`.
    fn number(&self, name: &str, problems: &mut Problems) -> f64 {
        let text = self.fields.get(name).map_or("", |v| v.trim());
        match text.replace(',', ".").parse::<f64>() {
            Ok(value) => value,
            Err(_) => {
                problems.push(name, "not a number");
                0.0
            }
        }
    }
}

/// The offer the form describes, with id `id`. A changed offer keeps what the form does not
/// show (its availability dates, from an import); saving confirms it as current `today`.
pub fn offer_of(
    form: &Submitted,
    id: String,
    stored: Option<&Offer>,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Result<Offer, FormState> {
    let mut problems = Problems::default();
    let draft = OfferDraft {
        id,
        firm: "self".into(),
        material: form.text("material"),
        declared_hazardous: None,
        description: form.text("description"),
        quantity_per_year: form.number("quantity_per_year", &mut problems),
        unit: form.optional("unit"),
        disposal_cost_eur_per_unit: form.number("disposal_cost_eur_per_unit", &mut problems),
        regularity: form.optional("regularity"),
        available_from: stored
            .and_then(|o| o.available_from())
            .map(|d| d.to_string()),
        available_until: stored
            .and_then(|o| o.available_until())
            .map(|d| d.to_string()),
        confidentiality: form.optional("confidentiality"),
        last_confirmed: None,
    };
    checked(form, problems, Offer::parse(draft, today), lang)
}

/// The need the form describes, with id `id`. A changed need keeps its regularity, which the
/// form does not show; saving confirms it as current `today`.
pub fn need_of(
    form: &Submitted,
    id: String,
    stored: Option<&Need>,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Result<Need, FormState> {
    let mut problems = Problems::default();
    let min_lot = form
        .optional("min_lot_per_year")
        .map(|_| form.number("min_lot_per_year", &mut problems));
    let draft = NeedDraft {
        id,
        firm: "self".into(),
        accepts: form.accepts.clone(),
        description: form.text("description"),
        quantity_per_year: form.number("quantity_per_year", &mut problems),
        unit: form.optional("unit"),
        min_lot_per_year: min_lot,
        virgin_price_eur_per_unit: form.number("virgin_price_eur_per_unit", &mut problems),
        max_distance_km: form.number("max_distance_km", &mut problems),
        licensed_for_hazardous: Some(
            form.fields
                .get("licensed_for_hazardous")
                .is_some_and(|v| v == "true"),
        ),
        regularity: stored.map(|n| n.regularity().as_str().to_string()),
        confidentiality: form.optional("confidentiality"),
        last_confirmed: None,
    };
    checked(form, problems, Need::parse(draft, today), lang)
}

/// The parsed flow when neither the numbers nor the domain found a problem; otherwise the
/// form again, with one message per field.
fn checked<T>(
    form: &Submitted,
    mut problems: Problems,
    parsed: Result<T, Problems>,
    lang: Lang,
) -> Result<T, FormState> {
    match parsed {
        Ok(flow) if problems.is_empty() => return Ok(flow),
        Ok(_) => {}
        // A field that is not a number is reported once, not again by the domain.
        Err(found) => {
            for problem in found.0 {
                if !problems.0.iter().any(|p| p.field == problem.field) {
                    problems.0.push(problem);
                }
            }
        }
    }
    let mut refused = FormState {
        values: form.fields.clone(),
        ..FormState::default()
    };
    for problem in &problems.0 {
        // `accepts[2]` is shown at the `accepts` field.
        let field = problem.field.split('[').next().unwrap_or(&problem.field);
        refused
            .errors
            .entry(field.to_string())
            .or_insert_with(|| message(lang, field, problem));
    }
    Err(refused)
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
        "accepts" => t!(lang, "flows-error-accepts"),
        "min_lot_per_year" => t!(lang, "flows-error-min-lot"),
        "virgin_price_eur_per_unit" => t!(lang, "flows-error-virgin-price"),
        "max_distance_km" => t!(lang, "flows-error-max-distance"),
        "regularity" | "confidentiality" => t!(lang, "flows-error-choice"),
        _ => t!(lang, "flows-error-field"),
    }
}

/// A stored offer's values, to fill its change form.
pub fn offer_values(offer: &Offer) -> FormState {
    let values = [
        ("material", offer.material().code().to_string()),
        ("description", offer.description().to_string()),
        ("quantity_per_year", offer.quantity().amount().to_string()),
        ("unit", offer.quantity().unit().as_str().to_string()),
        ("regularity", offer.regularity().as_str().to_string()),
        (
            "disposal_cost_eur_per_unit",
            offer.disposal_cost_eur_per_unit().to_string(),
        ),
        (
            "confidentiality",
            offer.confidentiality().as_str().to_string(),
        ),
    ];
    filled(values)
}

/// A stored need's values and the codes it accepts, to fill its change form.
pub fn need_values(need: &Need) -> (FormState, Vec<String>) {
    let values = [
        ("description", need.description().to_string()),
        ("quantity_per_year", need.quantity().amount().to_string()),
        ("unit", need.quantity().unit().as_str().to_string()),
        ("min_lot_per_year", need.min_lot_per_year().to_string()),
        (
            "virgin_price_eur_per_unit",
            need.virgin_price_eur_per_unit().to_string(),
        ),
        ("max_distance_km", need.max_distance_km().to_string()),
        (
            "licensed_for_hazardous",
            need.licensed_for_hazardous().to_string(),
        ),
        (
            "confidentiality",
            need.confidentiality().as_str().to_string(),
        ),
    ];
    let accepts = need.accepts().iter().map(|a| a.to_code()).collect();
    (filled(values), accepts)
}

fn filled<const N: usize>(values: [(&str, String); N]) -> FormState {
    FormState {
        values: values
            .into_iter()
            .map(|(field, value)| (field.to_string(), value))
            .collect(),
        ..FormState::default()
    }
}
