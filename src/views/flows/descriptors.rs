//! The descriptor fieldsets of the flow forms (issue #11): an offer's material class, legal
//! status, origin, hazards, form and measured properties; a need's accepted classes, specs,
//! treatment, use and licences. Every field is optional and starts at "unknown"; each has a
//! short help text.

use maud::{Markup, html};

use super::form::{error, value};
use crate::domain::descriptors::{AbpCategory, LegalStatus};
use crate::domain::descriptors::{IntendedUse, Licence, PhysicalForm, Property};
use crate::domain::material_class::Taxonomy;
use crate::i18n::Lang;
use crate::t;
use crate::views::accounts::FormState;
use crate::views::descriptors::{self as labels, label};

/// One field with its label, help text (tied to the input for screen readers) and message.
fn field(form: &FormState, name: &str, title: &str, help: &str, input: Markup) -> Markup {
    html! {
        div.field {
            label for=(name) { (title) }
            (input)
            (crate::views::field_help::hint(name, help))
            (error(form, name))
        }
    }
}

/// A measured property is described by the fieldset's one help line, and by its own message
/// when refused.
fn property_described_by(form: &FormState, name: &str) -> String {
    match form.errors.contains_key(name) {
        true => format!("properties-help {name}-error"),
        false => "properties-help".to_string(),
    }
}

/// Each licence box is described by the fieldset's help line (and its message when refused).
fn licences_described_by(form: &FormState) -> String {
    crate::views::field_help::described_by("licences", form.errors.contains_key("licences"))
}

/// What describes descriptor field `name`: its help line, and its message when refused.
fn described(form: &FormState, name: &str) -> String {
    crate::views::field_help::described_by(name, form.errors.contains_key(name))
}

/// A select whose first option is "unknown" (the empty value).
fn choice(form: &FormState, name: &str, lang: Lang, options: &[(String, String)]) -> Markup {
    let chosen = value(form, name);
    html! {
        select id=(name) name=(name) aria-describedby=(described(form, name))
            aria-invalid=[form.errors.contains_key(name).then_some("true")] {
            option value="" selected[chosen.is_empty()] { (t!(lang, "desc-unknown")) }
            @for (code, text) in options { option value=(code) selected[chosen == code] { (text) } }
        }
    }
}

/// A one-line text input.
fn text_input(form: &FormState, name: &str, placeholder: &str) -> Markup {
    html! {
        input id=(name) name=(name) type="text" value=(value(form, name)) placeholder=(placeholder)
            aria-describedby=(described(form, name))
            aria-invalid=[form.errors.contains_key(name).then_some("true")];
    }
}

/// The offer's class select: the classes of the chosen code first, then every class by group.
fn class_select(lang: Lang, form: &FormState, code: &str) -> Markup {
    let taxonomy = Taxonomy::get();
    let of_code = taxonomy.classes_for_code(code);
    let chosen = value(form, "material_class");
    html! {
        select id="material_class" name="material_class" aria-describedby=(described(form, "material_class"))
            aria-invalid=[form.errors.contains_key("material_class").then_some("true")] {
            option value="" selected[chosen.is_empty()] { (t!(lang, "desc-unknown")) }
            @if !of_code.is_empty() {
                optgroup label=(t!(lang, "desc-classes-of-code")) {
                    @for class in &of_code {
                        option value=(class.key) selected[chosen == class.key] { (label(lang, &class.labels)) }
                    }
                }
            }
            @for group in taxonomy.groups() {
                optgroup label=(label(lang, &group.labels)) {
                    @for class in taxonomy.classes_in(&group.key).filter(|c| !of_code.contains(c)) {
                        option value=(class.key) selected[chosen == class.key] { (label(lang, &class.labels)) }
                    }
                }
            }
        }
    }
}

fn legal_options(lang: Lang) -> Vec<(String, String)> {
    let statuses = [
        LegalStatus::Waste,
        LegalStatus::ByProduct,
        LegalStatus::EndOfWaste,
        LegalStatus::FeedMaterial,
        LegalStatus::AnimalByProduct(AbpCategory::One),
        LegalStatus::AnimalByProduct(AbpCategory::Two),
        LegalStatus::AnimalByProduct(AbpCategory::Three),
        LegalStatus::OutsideWasteLaw,
    ];
    statuses
        .into_iter()
        .map(|s| (s.as_str().to_string(), labels::legal_status(lang, s)))
        .collect()
}

fn form_options(lang: Lang) -> Vec<(String, String)> {
    PhysicalForm::ALL
        .into_iter()
        .map(|f| (f.as_str().to_string(), labels::physical_form(lang, f)))
        .collect()
}

/// The offer form's "material descriptors" fieldset; `code` is the material chosen so far.
pub fn offer_fieldset(lang: Lang, form: &FormState, code: &str) -> Markup {
    let yes_no = [
        ("yes".to_string(), t!(lang, "desc-yes")),
        ("no".to_string(), t!(lang, "desc-no")),
    ];
    let template = Taxonomy::get()
        .class(value(form, "material_class"))
        .filter(|class| !class.properties.is_empty());
    html! {
        fieldset.descriptors {
            legend { (t!(lang, "desc-legend")) }
            p.hint { (t!(lang, "desc-intro")) }
            (field(form, "material_class", &t!(lang, "desc-field-material-class"),
                &t!(lang, "desc-help-material-class"), class_select(lang, form, code)))
            (field(form, "legal_status", &t!(lang, "desc-field-legal-status"),
                &t!(lang, "desc-help-legal-status"), choice(form, "legal_status", lang, &legal_options(lang))))
            (field(form, "food_grade_origin", &t!(lang, "desc-field-food-grade"),
                &t!(lang, "desc-help-food-grade"), choice(form, "food_grade_origin", lang, &yes_no)))
            (field(form, "physical_form", &t!(lang, "desc-field-form"),
                &t!(lang, "desc-help-form"), choice(form, "physical_form", lang, &form_options(lang))))
            (field(form, "hazard_properties", &t!(lang, "desc-field-hazards"),
                &t!(lang, "desc-help-hazards"), text_input(form, "hazard_properties", "HP4; HP14")))
            fieldset.properties {
                legend { (t!(lang, "desc-properties-legend")) }
                p.hint id="properties-help" {
                    (t!(lang, "desc-help-properties"))
                    @if let Some(class) = template {
                        " " (t!(lang, "desc-help-properties-class", class = label(lang, &class.labels),
                            list = class.properties.iter().map(|p| labels::property(lang, *p)).collect::<Vec<_>>().join(", ")))
                    }
                }
                div.property-grid {
                    @for property in Property::ALL {
                        div.field {
                            label for=(property.field()) { (labels::property(lang, property)) }
                            input id=(property.field()) name=(property.field()) type="text" inputmode="decimal"
                                autocomplete="off" value=(value(form, property.field()))
                                aria-describedby=(property_described_by(form, property.field()))
                                aria-invalid=[form.errors.contains_key(property.field()).then_some("true")];
                            (error(form, property.field()))
                        }
                    }
                }
            }
        }
    }
}

/// The need's accepted classes: a multiple select of whole groups and single classes.
fn accepted_select(lang: Lang, form: &FormState) -> Markup {
    let taxonomy = Taxonomy::get();
    let chosen: Vec<&str> = value(form, "accepted_classes")
        .split(';')
        .map(str::trim)
        .collect();
    html! {
        select id="accepted_classes" name="accepted_classes" multiple size="8"
            aria-describedby=(described(form, "accepted_classes"))
            aria-invalid=[form.errors.contains_key("accepted_classes").then_some("true")] {
            @for group in taxonomy.groups() {
                optgroup label=(label(lang, &group.labels)) {
                    option value=(group.key) selected[chosen.contains(&group.key.as_str())] {
                        (t!(lang, "desc-class-whole-group", group = label(lang, &group.labels)))
                    }
                    @for class in taxonomy.classes_in(&group.key) {
                        option value=(class.key) selected[chosen.contains(&class.key.as_str())] { (label(lang, &class.labels)) }
                    }
                }
            }
        }
    }
}

/// The need's treatment select: recovery and disposal codes in two groups.
fn treatment_select(lang: Lang, form: &FormState) -> Markup {
    let chosen = value(form, "treatment");
    let group = |letter: char, last: u8, title: String| {
        html! {
            optgroup label=(title) {
                @for n in 1..=last {
                    @let code = format!("{letter}{n}");
                    option value=(code) selected[chosen.eq_ignore_ascii_case(&code)] { (code) }
                }
            }
        }
    };
    html! {
        select id="treatment" name="treatment" aria-describedby=(described(form, "treatment"))
            aria-invalid=[form.errors.contains_key("treatment").then_some("true")] {
            option value="" selected[chosen.is_empty()] { (t!(lang, "desc-unknown")) }
            (group('R', 13, t!(lang, "desc-treatment-recovery")))
            (group('D', 15, t!(lang, "desc-treatment-disposal")))
        }
    }
}

/// The need form's "requirements on the material" fieldset.
pub fn need_fieldset(lang: Lang, form: &FormState) -> Markup {
    let uses: Vec<(String, String)> = IntendedUse::ALL
        .into_iter()
        .map(|u| (u.as_str().to_string(), labels::intended_use(lang, u)))
        .collect();
    let held: Vec<&str> = value(form, "licences").split(';').map(str::trim).collect();
    html! {
        fieldset.descriptors {
            legend { (t!(lang, "desc-need-legend")) }
            p.hint { (t!(lang, "desc-intro")) }
            (field(form, "accepted_classes", &t!(lang, "desc-field-accepted-classes"),
                &t!(lang, "desc-help-accepted-classes"), accepted_select(lang, form)))
            (field(form, "specs", &t!(lang, "desc-field-specs"), &t!(lang, "desc-help-specs"),
                text_input(form, "specs", "")))
            (field(form, "treatment", &t!(lang, "desc-field-treatment"),
                &t!(lang, "desc-help-treatment"), treatment_select(lang, form)))
            (field(form, "intended_use", &t!(lang, "desc-field-intended-use"),
                &t!(lang, "desc-help-intended-use"), choice(form, "intended_use", lang, &uses)))
            fieldset.licences {
                legend { (t!(lang, "desc-field-licences")) }
                p.hint id="licences-help" { (t!(lang, "desc-help-licences")) }
                @for licence in Licence::ALL {
                    label.choice {
                        input aria-describedby=(licences_described_by(form))
                            type="checkbox" name="licences" value=(licence.as_str())
                            checked[held.contains(&licence.as_str())];
                        (labels::licence(lang, licence))
                    }
                }
                (error(form, "licences"))
            }
        }
    }
}
