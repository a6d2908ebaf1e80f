//! A stored flow's values as its change form shows them: numbers as a reader of the page's
//! language types them, dates as a date field holds them, descriptors through
//! [`super::descriptors`].

use super::descriptors;
use crate::domain::flow::FlowBasics;
use crate::domain::{Flow, Need, Offer};
use crate::i18n::{Lang, number_field};
use crate::views::accounts::FormState;

/// A stored flow's values (numbers as a `lang` reader types them) and (for a need) the codes
/// it accepts, to fill its change form.
pub fn stored_values(flow: &Flow, lang: Lang) -> (FormState, Vec<String>) {
    match flow {
        Flow::Offer(offer) => (offer_values(offer, lang), Vec::new()),
        Flow::Need(need) => need_values(need, lang),
    }
}

/// A stored offer's values, to fill its change form.
fn offer_values(offer: &Offer, lang: Lang) -> FormState {
    let shown = |value: f64| number_field(lang, value);
    let values = [
        ("material", offer.material().code().to_string()),
        ("description", offer.description().to_string()),
        ("quantity_per_year", shown(offer.quantity().amount())),
        ("unit", offer.quantity().unit().as_str().to_string()),
        ("regularity", offer.regularity().as_str().to_string()),
        (
            "disposal_cost_eur_per_unit",
            shown(offer.disposal_cost_eur_per_unit()),
        ),
        (
            "confidentiality",
            offer.confidentiality().as_str().to_string(),
        ),
        ("pickup_terms", terms(offer)),
        ("available_from", date_value(offer.available_from())),
        ("available_until", date_value(offer.available_until())),
    ];
    let mut form = filled(values);
    form.values.extend(descriptors::offer_values(offer, lang));
    form
}

/// A stored need's values and the codes it accepts, to fill its change form.
fn need_values(need: &Need, lang: Lang) -> (FormState, Vec<String>) {
    let shown = |value: f64| number_field(lang, value);
    let values = [
        ("description", need.description().to_string()),
        ("quantity_per_year", shown(need.quantity().amount())),
        ("unit", need.quantity().unit().as_str().to_string()),
        ("min_lot_per_year", shown(need.min_lot_per_year())),
        (
            "virgin_price_eur_per_unit",
            shown(need.virgin_price_eur_per_unit()),
        ),
        ("max_distance_km", shown(need.max_distance_km())),
        (
            "licensed_for_hazardous",
            need.licensed_for_hazardous().to_string(),
        ),
        (
            "confidentiality",
            need.confidentiality().as_str().to_string(),
        ),
        ("pickup_terms", terms(need)),
    ];
    let accepts = need.accepts().iter().map(|a| a.to_code()).collect();
    let mut form = filled(values);
    form.values.extend(descriptors::need_values(need));
    (form, accepts)
}

/// A flow's pickup (or delivery) terms as its form shows them; empty when none.
fn terms(basics: &FlowBasics) -> String {
    basics.pickup_terms().unwrap_or_default().to_string()
}

/// A date as a date field holds it (`2026-12-31`); empty when none.
fn date_value(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
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
