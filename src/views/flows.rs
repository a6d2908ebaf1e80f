//! The firm's own flows: lists and the forms to add offers and needs.

use chrono::NaiveDate;
use maud::{Markup, Render, html};

use super::accounts::FormState;
use super::format::{accepted_label_nl, material_label_nl, number_nl, quantity_nl};
use super::layout::{self, Viewer};
use crate::domain::Unit;
use crate::domain::material_search::MaterialHit;
use crate::domain::staleness::{Freshness, freshness};
use crate::storage::FirmWithFlows;

/// `/offers` and `/needs` together: what the firm offers and needs, with delete buttons.
pub fn flows_page(viewer: &Viewer, csrf: &str, firm: &FirmWithFlows, today: NaiveDate) -> Markup {
    layout::page(
        "Mijn stromen",
        viewer,
        html! {
            h1 { "Mijn stromen" }
            h2 { "Reststromen die u aanbiedt" }
            p { a href="/offers/new" { "+ Nieuwe reststroom" } }
            @if firm.offers.is_empty() { p.none { "Nog geen reststromen." } }
            ul.flow-list { @for offer in &firm.offers {
                li {
                    span.code { (offer.material().code()) } " " (material_label_nl(&offer.material()))
                    " — " (quantity_nl(offer.quantity()))
                    @if !offer.description().is_empty() { br; span.description { (offer.description()) } }
                    (StillCurrent { kind: "offers", id: offer.id().as_str(), csrf, freshness: freshness(offer.regularity(), offer.last_confirmed(), today) })
                    form.inline method="post" action={ "/offers/" (offer.id().as_str()) "/delete" } {
                        input type="hidden" name="csrf" value=(csrf);
                        button.link-danger type="submit" { "Verwijderen" }
                    }
                }
            } }
            h2 { "Grondstoffen die u zoekt" }
            p { a href="/needs/new" { "+ Nieuwe grondstofvraag" } }
            @if firm.needs.is_empty() { p.none { "Nog geen grondstofvragen." } }
            ul.flow-list { @for need in &firm.needs {
                li {
                    (need.description()) " — " (quantity_nl(need.quantity())) ", tot " (number_nl(need.max_distance_km(), 0)) " km"
                    br;
                    span.accepts { "neemt: " @for (i, a) in need.accepts().iter().enumerate() { @if i > 0 { "; " } span.code { (a.to_code()) } " " (accepted_label_nl(a)) } }
                    (StillCurrent { kind: "needs", id: need.id().as_str(), csrf, freshness: freshness(need.regularity(), need.last_confirmed(), today) })
                    form.inline method="post" action={ "/needs/" (need.id().as_str()) "/delete" } {
                        input type="hidden" name="csrf" value=(csrf);
                        button.link-danger type="submit" { "Verwijderen" }
                    }
                }
            } }
        },
    )
}

/// For an outdated recurring flow: a note and the one-click "still current".
struct StillCurrent<'a> {
    kind: &'a str,
    id: &'a str,
    csrf: &'a str,
    freshness: Freshness,
}

impl Render for StillCurrent<'_> {
    fn render(&self) -> Markup {
        html! {
            @if self.freshness != Freshness::Current {
                br;
                span.badge.hazard {
                    @if self.freshness == Freshness::Dropped { "Verouderd: anderen zien deze stroom niet meer." }
                    @else { "Verouderd: anderen zien deze stroom lager in hun lijst." }
                }
                form.inline method="post" action={ "/" (self.kind) "/" (self.id) "/confirm" } {
                    input type="hidden" name="csrf" value=(self.csrf);
                    button type="submit" { "Nog actueel" }
                }
            }
        }
    }
}

fn error(form: &FormState, field: &str) -> Markup {
    html! { @if let Some(m) = form.errors.get(field) { p.field-error role="alert" { (m) } } }
}

fn value<'a>(form: &'a FormState, field: &str) -> &'a str {
    form.values.get(field).map_or("", String::as_str)
}

fn input(form: &FormState, name: &str, label: &str, kind: &str) -> Markup {
    html! {
        div.field {
            label for=(name) { (label) }
            input id=(name) name=(name) type=(kind) step=[(kind == "number").then_some("any")] value=(value(form, name))
                aria-invalid=[form.errors.contains_key(name).then_some("true")];
            (error(form, name))
        }
    }
}

fn select(form: &FormState, name: &str, label: &str, options: &[(&str, &str)]) -> Markup {
    html! {
        div.field {
            label for=(name) { (label) }
            select id=(name) name=(name) {
                @for (code, text) in options { option value=(code) selected[value(form, name) == *code] { (text) } }
            }
            (error(form, name))
        }
    }
}

fn unit_options() -> Vec<(&'static str, &'static str)> {
    Unit::ALL
        .iter()
        .map(|u| {
            let label = match u {
                Unit::Tonnes => "t",
                Unit::CubicMetres => "m³",
                Unit::MegawattHours => "MWh",
                Unit::Pieces => "stuks",
            };
            (u.as_str(), label)
        })
        .collect()
}

/// The material search: a GET form whose hits become choices in the flow form below it.
fn search(path: &str, query: &str) -> Markup {
    html! {
        form.search method="get" action=(path) role="search" {
            label for="zoek" { "Zoek het materiaal in gewone woorden (bijv. karton, koffiedik, eierschalen, staal krullen)" }
            div.row {
                input id="zoek" name="zoek" type="search" value=(query);
                button type="submit" { "Zoeken" }
            }
        }
    }
}

fn hit_label(hit: &MaterialHit) -> Markup {
    html! {
        span.code { (hit.material.code()) } " " (hit.label)
        span.context { " (" (hit.context) ")" }
        @if hit.hazardous { " " span.badge.hazard { "gevaarlijk afval: alleen naar vergunninghouders" } }
        @if hit.mirror { " " span.badge { "spiegelcode: u beoordeelt zelf of het gevaarlijk is; kies de passende helft van het paar" } }
    }
}

/// `/offers/new`.
pub fn new_offer_page(
    viewer: &Viewer,
    csrf: &str,
    form: &FormState,
    query: &str,
    hits: &[MaterialHit],
) -> Markup {
    layout::page(
        "Nieuwe reststroom",
        viewer,
        html! {
            h1 { "Nieuwe reststroom" }
            (search("/offers/new", query))
            form.stack method="post" action="/offers" {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="zoek" value=(query);
                fieldset {
                    legend { "Materiaal" }
                    @if hits.is_empty() && !query.is_empty() { p.none { "Niets gevonden; probeer een ander woord." } }
                    @for (i, hit) in hits.iter().enumerate() {
                        label.choice {
                            input type="radio" name="material" value=(hit.material.code()) checked[i == 0 && value(form, "material").is_empty() || value(form, "material") == hit.material.code()];
                            (hit_label(hit))
                        }
                    }
                    (error(form, "material"))
                }
                (input(form, "description", "Omschrijving", "text"))
                (input(form, "quantity_per_year", "Hoeveelheid per jaar", "number"))
                (select(form, "unit", "Eenheid", &unit_options()))
                (select(form, "regularity", "Hoe vaak", &[("recurring", "Doorlopend"), ("one-off", "Eenmalig")]))
                (input(form, "disposal_cost_eur_per_unit", "Wat u nu per eenheid betaalt om het kwijt te raken (€; negatief als u het verkoopt)", "number"))
                (select(form, "confidentiality", "Zichtbaarheid", &[("anonymous", "Anoniem (sector, gemeente, afstand)"), ("public", "Openbaar met bedrijfsnaam"), ("coordinator-only", "Alleen de coördinator")]))
                button type="submit" { "Opslaan" }
            }
        },
    )
}

/// `/needs/new`.
pub fn new_need_page(
    viewer: &Viewer,
    csrf: &str,
    form: &FormState,
    chosen: &[String],
    query: &str,
    hits: &[MaterialHit],
) -> Markup {
    layout::page(
        "Nieuwe grondstofvraag",
        viewer,
        html! {
            h1 { "Nieuwe grondstofvraag" }
            (search("/needs/new", query))
            form.stack method="post" action="/needs" {
                input type="hidden" name="csrf" value=(csrf);
                input type="hidden" name="zoek" value=(query);
                fieldset {
                    legend { "Welke materialen kunt u gebruiken?" }
                    @if hits.is_empty() && !query.is_empty() { p.none { "Niets gevonden; probeer een ander woord." } }
                    @for hit in hits {
                        label.choice {
                            input type="checkbox" name="accepts" value=(hit.material.code()) checked[chosen.iter().any(|c| c == hit.material.code())];
                            (hit_label(hit))
                        }
                    }
                    (error(form, "accepts"))
                }
                (input(form, "description", "Omschrijving van de grondstof", "text"))
                (input(form, "quantity_per_year", "Hoeveelheid per jaar", "number"))
                (select(form, "unit", "Eenheid", &unit_options()))
                (input(form, "min_lot_per_year", "Kleinste partij per leverancier per jaar (0 = elke)", "number"))
                (input(form, "virgin_price_eur_per_unit", "Prijs die u nu per eenheid betaalt voor de nieuwe grondstof (€)", "number"))
                (input(form, "max_distance_km", "Hoe ver u maximaal ophaalt (km over de weg)", "number"))
                (select(form, "licensed_for_hazardous", "Vergunning voor gevaarlijk afval", &[("false", "Nee"), ("true", "Ja")]))
                (select(form, "confidentiality", "Zichtbaarheid", &[("anonymous", "Anoniem (sector, gemeente, afstand)"), ("public", "Openbaar met bedrijfsnaam"), ("coordinator-only", "Alleen de coördinator")]))
                button type="submit" { "Opslaan" }
            }
        },
    )
}
