//! Material classes and descriptors as people read them (issue #11): labels in the reader's
//! language, and the one-line summaries under a flow wherever its description is shown (the
//! page decides, by the flow's confidentiality, whether the flow is shown at all).

use maud::{Markup, html};

use crate::domain::cross_border::Country;
use crate::domain::descriptors::{
    IntendedUse, LegalStatus, Licence, PhysicalForm, Property, SpecRange, Strength,
};
use crate::domain::material_class::{ClassKey, Labels, Taxonomy};
use crate::domain::{Need, Offer};
use crate::i18n::{Lang, number, text};
use crate::t;

/// A taxonomy label in the reader's language.
pub fn label(lang: Lang, labels: &Labels) -> &str {
    match lang {
        Lang::Dutch => &labels.nl,
        Lang::English => &labels.en,
    }
}

/// A class key as read: the class's label, or a group's label marked as the whole group.
pub fn class_key(lang: Lang, key: &ClassKey) -> String {
    let taxonomy = Taxonomy::get();
    if let Some(class) = taxonomy.class(key.as_str()) {
        return label(lang, &class.labels).to_string();
    }
    match taxonomy.group(key.as_str()) {
        Some(group) => t!(
            lang,
            "desc-class-whole-group",
            group = label(lang, &group.labels)
        ),
        None => key.as_str().to_string(),
    }
}

/// A legal status, e.g. "Bijproduct".
pub fn legal_status(lang: Lang, status: LegalStatus) -> String {
    text(lang, &format!("desc-legal-{}", status.as_str()), &[])
}

/// A physical form, e.g. "Slib of pasteus".
pub fn physical_form(lang: Lang, form: PhysicalForm) -> String {
    text(lang, &format!("desc-form-{}", form.as_str()), &[])
}

/// An intended use, e.g. "Diervoeder".
pub fn intended_use(lang: Lang, intended: IntendedUse) -> String {
    text(lang, &format!("desc-use-{}", intended.as_str()), &[])
}

/// A licence, e.g. "Registratie diervoeder".
pub fn licence(lang: Lang, licence: Licence) -> String {
    text(lang, &format!("desc-licence-{}", licence.as_str()), &[])
}

/// A property with its unit, e.g. "Vocht (%)".
pub fn property(lang: Lang, property: Property) -> String {
    text(lang, &format!("desc-property-{}", property.key()), &[])
}

/// A country of the border region, e.g. "België".
pub fn country(lang: Lang, country: Country) -> String {
    text(lang, &format!("desc-country-{country}"), &[])
}

/// The country field of the registration and profile forms; `chosen` empty means NL.
pub fn country_field(lang: Lang, chosen: &str, error: Option<&String>) -> Markup {
    let chosen = if chosen.trim().is_empty() {
        "NL"
    } else {
        chosen.trim()
    };
    html! {
        div.field {
            label for="country" { (t!(lang, "desc-field-country")) }
            select id="country" name="country"
                aria-describedby=(crate::views::field_help::described_by("country", error.is_some()))
                aria-invalid=[error.is_some().then_some("true")] {
                @for option in [Country::NL, Country::BE, Country::DE] {
                    @let code = option.to_string();
                    option value=(code) selected[chosen.eq_ignore_ascii_case(&code)] { (country(lang, option)) }
                }
            }
            (crate::views::field_help::hint("country", &t!(lang, "desc-help-country")))
            @if let Some(message) = error { p.field-error id="country-error" role="alert" { (message) } }
        }
    }
}

/// A measured value: whole numbers without decimals, others with one.
fn value(lang: Lang, value: f64) -> String {
    let decimals = if value.fract() == 0.0 { 0 } else { 1 };
    number(lang, value, decimals)
}

/// A spec range, e.g. "Vocht (%) ≤ 60 (hard)".
fn spec(lang: Lang, range: &SpecRange) -> String {
    let bounds = match (range.min, range.max) {
        (Some(min), Some(max)) => format!("{}–{}", value(lang, min), value(lang, max)),
        (Some(min), None) => format!("≥ {}", value(lang, min)),
        (None, Some(max)) => format!("≤ {}", value(lang, max)),
        (None, None) => String::new(),
    };
    let strength = match range.strength {
        Strength::Hard => t!(lang, "desc-spec-hard"),
        Strength::Soft => t!(lang, "desc-spec-soft"),
    };
    format!("{} {bounds} ({strength})", property(lang, range.property))
}

/// What an offer's class and descriptors say, in one line; nothing when all is unknown.
pub fn offer_summary(lang: Lang, offer: &Offer) -> Markup {
    let stated = offer.descriptors();
    let mut parts: Vec<String> = Vec::new();
    if let Some(status) = stated.legal_status {
        parts.push(legal_status(lang, status));
    }
    match stated.food_grade_origin {
        Some(true) => parts.push(t!(lang, "desc-summary-food-grade")),
        Some(false) => parts.push(t!(lang, "desc-summary-not-food-grade")),
        None => {}
    }
    if !stated.hazards.is_empty() {
        parts.push(stated.hazards.to_string());
    }
    if let Some(form) = stated.form {
        parts.push(physical_form(lang, form));
    }
    for (measured, amount) in stated.properties.iter() {
        parts.push(format!(
            "{} {}",
            property(lang, measured),
            value(lang, amount)
        ));
    }
    let class = offer.material_class();
    html! {
        @if class.is_some() || !parts.is_empty() {
            br;
            span.descriptors {
                @if let Some(class) = class {
                    (t!(lang, "desc-summary-class")) " " strong.class { (label(lang, &class.labels)) }
                    @if !parts.is_empty() { " · " }
                }
                (parts.join(" · "))
            }
        }
    }
}

/// What a need's descriptors say, in one line; nothing when all is unknown.
pub fn need_summary(lang: Lang, need: &Need) -> Markup {
    let stated = need.descriptors();
    let mut parts: Vec<String> = Vec::new();
    if !stated.accepted_classes.is_empty() {
        let classes: Vec<String> = stated
            .accepted_classes
            .iter()
            .map(|k| class_key(lang, k))
            .collect();
        let accepted = classes.join("; ");
        parts.push(format!(
            "{} {accepted}",
            t!(lang, "desc-summary-accepted-classes")
        ));
    }
    if !stated.specs.is_empty() {
        let specs: Vec<String> = stated.specs.iter().map(|s| spec(lang, s)).collect();
        parts.push(format!(
            "{} {}",
            t!(lang, "desc-summary-specs"),
            specs.join("; ")
        ));
    }
    if let Some(treatment) = stated.treatment {
        parts.push(format!(
            "{} {treatment}",
            t!(lang, "desc-summary-treatment")
        ));
    }
    if let Some(intended) = stated.intended_use {
        let use_label = intended_use(lang, intended);
        parts.push(format!("{} {use_label}", t!(lang, "desc-summary-use")));
    }
    if !stated.licences.is_empty() {
        let held: Vec<String> = stated.licences.iter().map(|l| licence(lang, *l)).collect();
        parts.push(format!(
            "{} {}",
            t!(lang, "desc-summary-licences"),
            held.join("; ")
        ));
    }
    html! {
        @if !parts.is_empty() {
            br;
            span.descriptors { (parts.join(" · ")) }
        }
    }
}
