//! The forms that add and change an offer or a need, with the material search above them.
//! Adding and changing share one form: only the title and the addresses differ.

use maud::{Markup, html};

use crate::domain::material_search::MaterialHit;
use crate::domain::{Accepted, Material, Unit};
use crate::i18n::Lang;
use crate::t;
use crate::views::accounts::FormState;
use crate::views::field_help::{described_by, hint};
use crate::views::format::{accepted_label, unit};
use crate::views::layout::{self, Viewer};

/// What a flow form shows.
pub struct FlowForm<'a> {
    pub viewer: &'a Viewer,
    pub csrf: &'a str,
    /// The values typed (or stored, when changing a flow) and the messages per field.
    pub form: &'a FormState,
    /// The id of the flow being changed; `None` on the page that adds one.
    pub editing: Option<&'a str>,
    /// The material search's words, and what it found.
    pub query: &'a str,
    pub hits: &'a [MaterialHit],
}

impl FlowForm<'_> {
    /// Where the form is saved (and searched: the search is part of the form, so a search
    /// keeps every field filled so far).
    fn addresses(&self, kind: &str) -> String {
        match self.editing {
            None => format!("/{kind}"),
            Some(id) => format!("/{kind}/{id}/edit"),
        }
    }

    /// The hidden fields, search results and buttons around a form's own fields.
    fn wrap(&self, kind: &str, title: &str, choices: Markup, fields: Markup) -> Markup {
        let lang = self.viewer.lang;
        let save_at = self.addresses(kind);
        layout::page(
            title,
            self.viewer,
            html! {
                h1 { (title) }
                form.stack method="post" action=(save_at) {
                    input type="hidden" name="csrf" value=(self.csrf);
                    // Enter in a text field presses a form's first submit button: this one, so
                    // it saves (or searches words typed in the search but not yet searched).
                    button.default-action type="submit" name="action" value="default"
                        tabindex="-1" aria-hidden="true" { (t!(lang, "common-save")) }
                    (search(lang, self.query))
                    (choices)
                    (fields)
                    @if self.editing.is_some() { p.note { (t!(lang, "flows-edit-confirms")) } }
                    button type="submit" { (t!(lang, "common-save")) }
                }
                @if self.editing.is_some() { p { a href={ "/" (kind) } { (t!(lang, "common-cancel")) } } }
            },
        )
    }
}

/// `/offers/new` and `/offers/{id}/edit`.
pub fn offer_form_page(page: &FlowForm<'_>) -> Markup {
    let (lang, form) = (page.viewer.lang, page.form);
    let chosen = value(form, "material");
    let title = match page.editing {
        None => t!(lang, "flows-new-offer-title"),
        Some(_) => t!(lang, "flows-edit-offer-title"),
    };
    let choices = html! {
        fieldset {
            legend { (t!(lang, "flows-material-legend")) }
            (hint("material", &t!(lang, "flows-help-material")))
            (search_notes(page))
            @for (i, choice) in choices(lang, &[chosen], page.hits).iter().enumerate() {
                label.choice {
                    // Without a choice yet, the best hit is preselected.
                    // Described first: tests and tools read `value=… checked` together.
                    input aria-describedby=(described_by("material", form.errors.contains_key("material")))
                        type="radio" name="material" value=(choice.code)
                        checked[(i == 0 && chosen.is_empty()) || chosen == choice.code];
                    (choice.render(lang))
                }
            }
            (error(form, "material"))
        }
    };
    let fields = html! {
        (input(form, ("description", t!(lang, "flows-field-description"), t!(lang, "flows-help-description")), "text"))
        (input(form, ("quantity_per_year", t!(lang, "flows-field-quantity"), t!(lang, "flows-help-quantity")), "decimal"))
        (select(form, ("unit", t!(lang, "flows-field-unit"), t!(lang, "flows-help-unit")), &unit_options(lang)))
        (select(form, ("regularity", t!(lang, "flows-field-regularity"), t!(lang, "flows-help-regularity")), &[
            ("recurring", t!(lang, "flows-regularity-recurring")),
            ("one-off", t!(lang, "flows-regularity-one-off")),
        ]))
        (input(form, ("disposal_cost_eur_per_unit", t!(lang, "flows-field-disposal-cost"), t!(lang, "flows-help-disposal-cost")), "decimal"))
        (input(form, ("available_from", t!(lang, "flows-field-available-from"), t!(lang, "flows-help-available-from")), "date"))
        (input(form, ("available_until", t!(lang, "flows-field-available-until"), t!(lang, "flows-help-available-until")), "date"))
        (terms(form, ("pickup_terms", t!(lang, "flows-field-pickup-terms"), t!(lang, "flows-help-pickup-terms"))))
        (select(form, ("confidentiality", t!(lang, "flows-field-confidentiality"), t!(lang, "flows-help-confidentiality")), &confidentiality_options(lang)))
        (super::descriptors::offer_fieldset(lang, form, chosen))
    };
    page.wrap("offers", &title, choices, fields)
}

/// `/needs/new` and `/needs/{id}/edit`; `chosen` holds the codes ticked (or stored).
pub fn need_form_page(page: &FlowForm<'_>, chosen: &[String]) -> Markup {
    let (lang, form) = (page.viewer.lang, page.form);
    let chosen: Vec<&str> = chosen.iter().map(String::as_str).collect();
    let title = match page.editing {
        None => t!(lang, "flows-new-need-title"),
        Some(_) => t!(lang, "flows-edit-need-title"),
    };
    let choices = html! {
        fieldset {
            legend { (t!(lang, "flows-accepts-legend")) }
            (hint("accepts", &t!(lang, "flows-help-accepts")))
            (search_notes(page))
            @for choice in choices(lang, &chosen, page.hits) {
                label.choice {
                    input aria-describedby=(described_by("accepts", form.errors.contains_key("accepts")))
                        type="checkbox" name="accepts" value=(choice.code)
                        checked[chosen.contains(&choice.code.as_str())];
                    (choice.render(lang))
                }
            }
            (error(form, "accepts"))
        }
    };
    let fields = html! {
        (input(form, ("description", t!(lang, "flows-field-need-description"), t!(lang, "flows-help-need-description")), "text"))
        (input(form, ("quantity_per_year", t!(lang, "flows-field-quantity"), t!(lang, "flows-help-need-quantity")), "decimal"))
        (select(form, ("unit", t!(lang, "flows-field-unit"), t!(lang, "flows-help-unit")), &unit_options(lang)))
        (input(form, ("min_lot_per_year", t!(lang, "flows-field-min-lot"), t!(lang, "flows-help-min-lot")), "decimal"))
        (input(form, ("virgin_price_eur_per_unit", t!(lang, "flows-field-virgin-price"), t!(lang, "flows-help-virgin-price")), "decimal"))
        (input(form, ("max_distance_km", t!(lang, "flows-field-max-distance"), t!(lang, "flows-help-max-distance")), "decimal"))
        (select(form, ("licensed_for_hazardous", t!(lang, "flows-field-licensed"), t!(lang, "flows-help-licensed")), &[
            ("false", t!(lang, "flows-no")),
            ("true", t!(lang, "flows-yes")),
        ]))
        (terms(form, ("pickup_terms", t!(lang, "flows-field-delivery-terms"), t!(lang, "flows-help-delivery-terms"))))
        (select(form, ("confidentiality", t!(lang, "flows-field-confidentiality"), t!(lang, "flows-help-confidentiality")), &confidentiality_options(lang)))
        (super::descriptors::need_fieldset(lang, form))
    };
    page.wrap("needs", &title, choices, fields)
}

/// The material search, inside the flow form: its button shows the form again with the hits
/// as choices and everything typed so far kept (no JavaScript needed).
fn search(lang: Lang, query: &str) -> Markup {
    html! {
        div.field.search role="search" {
            label for="zoek" { (t!(lang, "flows-search-label")) }
            div.row {
                input id="zoek" name="zoek" type="search" value=(query) aria-describedby="zoek-help";
                button.secondary type="submit" name="action" value="search" {
                    (t!(lang, "flows-search-button"))
                }
            }
            (hint("zoek", &t!(lang, "flows-help-search")))
            input type="hidden" name="zoek_shown" value=(query);
        }
    }
}

/// "Nothing found", or on a change form the hint that a search offers other materials.
fn search_notes(page: &FlowForm<'_>) -> Markup {
    let lang = page.viewer.lang;
    html! {
        @if page.hits.is_empty() && !page.query.is_empty() {
            p.none { (t!(lang, "flows-search-nothing")) }
        } @else if page.editing.is_some() && page.query.is_empty() {
            p.none { (t!(lang, "flows-search-other")) }
        }
    }
}

/// One material the form offers to choose.
struct Choice {
    code: String,
    label: String,
    /// The sub-chapter, to tell apart entries with the same text.
    context: Option<String>,
    hazardous: bool,
    mirror: bool,
}

impl Choice {
    fn of_hit(hit: &MaterialHit) -> Choice {
        Choice {
            code: hit.material.code().to_string(),
            label: hit.label.clone(),
            context: Some(hit.context.clone()),
            hazardous: hit.hazardous,
            mirror: hit.mirror,
        }
    }

    /// A material chosen before (stored, or ticked before a refused save); `None` for a code
    /// that means nothing (the save refuses it with a message).
    fn of_code(lang: Lang, code: &str) -> Option<Choice> {
        let accepted = Accepted::parse(code).ok()?;
        let (context, hazardous, mirror) = match &accepted {
            Accepted::Material(Material::Waste(code)) => {
                let entry = code.entry();
                let context = match lang {
                    Lang::Dutch if !entry.sub_chapter_nl.is_empty() => &entry.sub_chapter_nl,
                    _ => &entry.sub_chapter_en,
                };
                let mirror = entry.entry_type.is_mirror();
                (Some(context.clone()), code.is_hazardous(), mirror)
            }
            _ => (None, false, false),
        };
        Some(Choice {
            code: accepted.to_code(),
            label: accepted_label(lang, &accepted),
            context,
            hazardous,
            mirror,
        })
    }

    fn render(&self, lang: Lang) -> Markup {
        html! {
            span.code { (self.code) } " " (self.label)
            @if let Some(context) = &self.context { span.context { " (" (context) ")" } }
            @if self.hazardous { " " span.badge.hazard { (t!(lang, "flows-hazardous-hint")) } }
            @if self.mirror { " " span.badge { (t!(lang, "flows-mirror-hint")) } }
        }
    }
}

/// The materials chosen before that the search did not find, then the search's hits.
fn choices(lang: Lang, chosen: &[&str], hits: &[MaterialHit]) -> Vec<Choice> {
    let found: Vec<Choice> = hits.iter().map(Choice::of_hit).collect();
    let mut kept: Vec<Choice> = chosen
        .iter()
        .filter(|code| !code.is_empty() && !found.iter().any(|hit| hit.code == **code))
        .filter_map(|code| Choice::of_code(lang, code))
        .collect();
    kept.extend(found);
    kept
}

pub(super) fn error(form: &FormState, field: &str) -> Markup {
    html! {
        @if let Some(m) = form.errors.get(field) {
            p.field-error id={ (field) "-error" } role="alert" { (m) }
        }
    }
}

pub(super) fn value<'a>(form: &'a FormState, field: &str) -> &'a str {
    form.values.get(field).map_or("", String::as_str)
}

/// A field's name, label and help line.
type Field<'a> = (&'a str, String, String);

/// A text field; `kind` is `text`, `decimal` or `date`.
fn input(form: &FormState, (name, label, help): Field<'_>, kind: &str) -> Markup {
    let refused = form.errors.contains_key(name);
    html! {
        div.field {
            label for=(name) { (label) }
            // A decimal is a text field: a number field drops or misreads `1,5` depending on
            // the browser's language; the server reads either separator (`read_number`). A
            // date field sends `2026-12-31` whatever the browser's language.
            input id=(name) name=(name) type=(if kind == "date" { "date" } else { "text" })
                inputmode=[(kind == "decimal").then_some("decimal")]
                autocomplete=[(kind == "decimal").then_some("off")] value=(value(form, name))
                aria-invalid=[refused.then_some("true")]
                aria-describedby=(described_by(name, refused));
            (hint(name, &help))
            (error(form, name))
        }
    }
}

/// The pickup (offer) or delivery (need) terms: a few lines of free text.
fn terms(form: &FormState, (name, label, help): Field<'_>) -> Markup {
    let refused = form.errors.contains_key(name);
    html! {
        div.field {
            label for=(name) { (label) }
            textarea id=(name) name=(name) rows="2"
                aria-invalid=[refused.then_some("true")]
                aria-describedby=(described_by(name, refused)) { (value(form, name)) }
            (hint(name, &help))
            (error(form, name))
        }
    }
}

fn select(form: &FormState, (name, label, help): Field<'_>, options: &[(&str, String)]) -> Markup {
    let refused = form.errors.contains_key(name);
    html! {
        div.field {
            label for=(name) { (label) }
            select id=(name) name=(name) aria-invalid=[refused.then_some("true")]
                aria-describedby=(described_by(name, refused)) {
                @for (code, text) in options { option value=(code) selected[value(form, name) == *code] { (text) } }
            }
            (hint(name, &help))
            (error(form, name))
        }
    }
}

fn unit_options(lang: Lang) -> Vec<(&'static str, String)> {
    Unit::ALL
        .iter()
        .map(|&u| (u.as_str(), unit(lang, u)))
        .collect()
}

fn confidentiality_options(lang: Lang) -> [(&'static str, String); 3] {
    [
        ("anonymous", t!(lang, "flows-confidentiality-anonymous")),
        ("public", t!(lang, "flows-confidentiality-public")),
        (
            "coordinator-only",
            t!(lang, "flows-confidentiality-coordinator-only"),
        ),
    ]
}
