//! `/firm/edit`: one form for the whole profile. The sector search and the map are part of
//! it, with submit buttons of their own, so that searching or clicking the map shows the form
//! again with everything typed so far (no JavaScript needed).

use maud::{Markup, html};

use super::{MAP_HEIGHT, MAP_WIDTH, sector_name};
use crate::domain::nace_search::NaceHit;
use crate::i18n::Lang;
use crate::t;
use crate::views::accounts::FormState;
use crate::views::field_help::hint;
use crate::views::layout::{self, Viewer};

/// What the change form shows.
pub struct EditPage<'a> {
    pub viewer: &'a Viewer,
    pub csrf: &'a str,
    /// The values typed (or stored) and a message per refused field.
    pub form: &'a FormState,
    /// Where the map's marker is: the point typed, else the stored one.
    pub point: (f64, f64),
    /// The sector search's words and the sectors they found.
    pub query: &'a str,
    pub hits: &'a [NaceHit],
    /// True right after a click on the map placed the point (not yet saved).
    pub point_chosen: bool,
}

/// `/firm/edit`.
pub fn edit_page(page: &EditPage<'_>) -> Markup {
    let (lang, form) = (page.viewer.lang, page.form);
    let title = t!(lang, "firm-edit-title");
    layout::page(
        &title,
        page.viewer,
        html! {
            h1 { (title) }
            form.stack.firm-edit method="post" action="/firm/edit" novalidate {
                input type="hidden" name="csrf" value=(page.csrf);
                // Enter in a text field presses a form's first submit button: this one, so it
                // saves (or searches words typed in the sector search), and never clicks the map.
                button.default-action type="submit" name="action" value="default" tabindex="-1"
                    aria-hidden="true" { (t!(lang, "common-save")) }
                (text_input(form, ("name", &t!(lang, "firm-field-name"), &t!(lang, "firm-help-name")), "organization"))
                div.field {
                    label for="address" { (t!(lang, "firm-field-address")) }
                    textarea id="address" name="address" rows="2" autocomplete="street-address"
                        aria-invalid=[invalid(form, "address")]
                        aria-describedby=(described_by(form, "address")) { (value(form, "address")) }
                    (hint("address", &t!(lang, "firm-help-address")))
                    (error(form, "address"))
                }
                (municipality_select(lang, form))
                (crate::views::descriptors::country_field(lang, value(form, "country"), form.errors.get("country")))
                (location(page))
                (sector(page))
                (text_input(form, ("employees", &t!(lang, "firm-field-employees"), &t!(lang, "firm-help-employees")), "off"))
                (language_select(lang, form))
                div.actions {
                    button type="submit" name="action" value="save" { (t!(lang, "common-save")) }
                    a href="/firm" { (t!(lang, "common-cancel")) }
                }
            }
        },
    )
}

/// Latitude and longitude, and the map that sets both with a click.
fn location(page: &EditPage<'_>) -> Markup {
    let (lang, form) = (page.viewer.lang, page.form);
    let (lat, lon) = page.point;
    let src = format!("/firm/map.svg?lat={lat:.5}&lon={lon:.5}");
    html! {
        fieldset.location aria-describedby=[form.errors.contains_key("point").then_some("point-error")] {
            legend { (t!(lang, "firm-location-legend")) }
            p.hint { (t!(lang, "firm-location-hint")) }
            div.coordinates {
                (decimal_input(form, ("lat", &t!(lang, "firm-field-lat"), &t!(lang, "firm-help-lat"))))
                (decimal_input(form, ("lon", &t!(lang, "firm-field-lon"), &t!(lang, "firm-help-lon"))))
            }
            div.map-picker {
                input type="image" name="map" src=(src) width=(MAP_WIDTH) height=(MAP_HEIGHT)
                    alt=(t!(lang, "firm-map-click"));
            }
            @if page.point_chosen { p.note role="status" { (t!(lang, "firm-point-chosen")) } }
            (error(form, "point"))
        }
    }
}

/// The code field, with the search whose hits fill it.
fn sector(page: &EditPage<'_>) -> Markup {
    let (lang, form) = (page.viewer.lang, page.form);
    let code = value(form, "nace").trim();
    html! {
        fieldset.sector {
            legend { (t!(lang, "firm-sector-legend")) }
            div.field {
                label for="nace" { (t!(lang, "firm-field-nace")) }
                input id="nace" name="nace" type="text" value=(code) autocomplete="off"
                    aria-invalid=[invalid(form, "nace")] aria-describedby=(described_by(form, "nace"));
                @if let Some(name) = sector_name(lang, code) { p.hint { (name) } }
                (hint("nace", &t!(lang, "firm-help-nace")))
                (error(form, "nace"))
            }
            div.sector-search {
                label for="sector" { (t!(lang, "firm-sector-search-label")) }
                div.row {
                    input id="sector" name="sector" type="search" value=(page.query)
                        aria-describedby="sector-help";
                    button.secondary type="submit" name="action" value="search-sector" {
                        (t!(lang, "firm-sector-search-button"))
                    }
                }
                input type="hidden" name="sector_shown" value=(page.query);
                (hint("sector", &t!(lang, "firm-help-sector-search")))
            }
            @if !page.query.is_empty() {
                @if page.hits.is_empty() {
                    p.none { (t!(lang, "firm-sector-nothing", query = page.query)) }
                } @else {
                    (hint("nace_choice", &t!(lang, "firm-sector-choose")))
                    @for hit in page.hits {
                        label.choice {
                            input type="radio" name="nace_choice" value=(hit.code)
                                aria-describedby="nace_choice-help";
                            span.code { (hit.code) } " "
                            (match lang { Lang::Dutch => hit.name_nl, Lang::English => hit.name_en })
                        }
                    }
                }
            }
        }
    }
}

fn municipality_select(lang: Lang, form: &FormState) -> Markup {
    html! {
        div.field {
            label for="municipality" { (t!(lang, "firm-field-municipality")) }
            select id="municipality" name="municipality"
                aria-invalid=[invalid(form, "municipality")]
                aria-describedby=(described_by(form, "municipality")) {
                (crate::views::accounts::municipality_options(lang, value(form, "municipality")))
            }
            (hint("municipality", &t!(lang, "firm-help-municipality")))
            (error(form, "municipality"))
        }
    }
}

fn language_select(lang: Lang, form: &FormState) -> Markup {
    let chosen = value(form, "language");
    html! {
        div.field {
            label for="language" { (t!(lang, "firm-field-language")) }
            select id="language" name="language"
                aria-invalid=[invalid(form, "language")]
                aria-describedby=(described_by(form, "language")) {
                option value="nl" lang="nl" selected[chosen == "nl"] { "Nederlands" }
                option value="en" lang="en" selected[chosen == "en"] { "English" }
            }
            (hint("language", &t!(lang, "firm-help-language")))
            (error(form, "language"))
        }
    }
}

/// A text field; `field` is its name, label and help line.
fn text_input(form: &FormState, field: (&str, &str, &str), autocomplete: &str) -> Markup {
    let (name, label, help) = field;
    html! {
        div.field {
            label for=(name) { (label) }
            input id=(name) name=(name) type="text" value=(value(form, name))
                autocomplete=(autocomplete) aria-invalid=[invalid(form, name)]
                aria-describedby=(described_by(form, name));
            (hint(name, help))
            (error(form, name))
        }
    }
}

/// A number that may be typed with a decimal comma: a text field, since a number field
/// would drop `51,2517` in browsers set to English and could not show back what was typed.
fn decimal_input(form: &FormState, field: (&str, &str, &str)) -> Markup {
    let (name, label, help) = field;
    html! {
        div.field {
            label for=(name) { (label) }
            input id=(name) name=(name) type="text" inputmode="decimal" value=(value(form, name))
                autocomplete="off" aria-invalid=[invalid(form, name)]
                aria-describedby=(described_by(form, name));
            (hint(name, help))
            (error(form, name))
        }
    }
}

fn value<'a>(form: &'a FormState, field: &str) -> &'a str {
    form.values.get(field).map_or("", String::as_str)
}

fn invalid(form: &FormState, field: &str) -> Option<&'static str> {
    form.errors.contains_key(field).then_some("true")
}

fn described_by(form: &FormState, field: &str) -> String {
    crate::views::field_help::described_by(field, form.errors.contains_key(field))
}

fn error(form: &FormState, field: &str) -> Markup {
    html! {
        @if let Some(message) = form.errors.get(field) {
            p.field-error id={ (field) "-error" } role="alert" { (message) }
        }
    }
}
