//! The next best calls: the most valuable suggestions nobody has acted on, each with a button
//! that opens the exchange for both firms.

use maud::{Markup, Render, html};

use super::{Filters, section_name};
use crate::domain::{Material, Unit};
use crate::i18n::{Lang, number};
use crate::t;
use crate::views::format::unit;

/// A firm as the coordinator sees it: by name.
pub struct FirmLabel {
    /// The firm's public key, for the link to its page.
    pub key: String,
    pub name: String,
    pub municipality: String,
    /// The NACE section letter, when known.
    pub section: Option<char>,
}

/// One call to make.
pub struct CallRow {
    /// The pair, for the "Propose" form.
    pub offer: String,
    pub need: String,
    pub supplier: FirmLabel,
    pub receiver: FirmLabel,
    /// The offer's material; `None` when its code is no longer known.
    pub material: Option<Material>,
    pub material_code: String,
    pub road_km: f64,
    pub quantity: f64,
    pub unit: Unit,
    pub eur_per_year: f64,
    /// Avoided minus emitted by transport, kg per year.
    pub co2_net_kg_per_year: f64,
}

/// The table of calls with their "Propose" buttons.
pub struct CallsTable<'a> {
    pub lang: Lang,
    pub csrf: &'a str,
    pub calls: &'a [CallRow],
    pub filters: &'a Filters<'a>,
}

impl Render for CallsTable<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        html! {
            section.calls {
                h2 { (t!(lang, "coordinator-calls-heading")) }
                p.lead { (t!(lang, "coordinator-calls-lead")) }
                @if self.calls.is_empty() {
                    p.empty { (t!(lang, "coordinator-calls-empty")) }
                } @else {
                    table.calls.stacked {
                        thead { tr {
                            th scope="col" { (t!(lang, "coordinator-col-supplier")) }
                            th scope="col" { (t!(lang, "coordinator-col-receiver")) }
                            th scope="col" { (t!(lang, "coordinator-col-material")) }
                            th.number scope="col" { (t!(lang, "coordinator-col-distance")) }
                            th.number scope="col" { (t!(lang, "coordinator-col-quantity")) }
                            th.number scope="col" { (t!(lang, "coordinator-col-value")) }
                            th.number scope="col" { (t!(lang, "coordinator-col-co2")) }
                            th scope="col" { span.visually-hidden { (t!(lang, "coordinator-col-action")) } }
                        } }
                        tbody { @for call in self.calls { (self.row(call)) } }
                    }
                    p.note { (t!(lang, "coordinator-propose-hint")) }
                }
            }
        }
    }
}

impl CallsTable<'_> {
    fn row(&self, call: &CallRow) -> Markup {
        let lang = self.lang;
        // A waste's code beside its label, a resource (`heat-medium`) by its label alone.
        let material = match &call.material {
            Some(known) => crate::views::material::material(lang, known),
            None => html! { span.code { (call.material_code) } },
        };
        let labels = [
            t!(lang, "coordinator-col-supplier"),
            t!(lang, "coordinator-col-receiver"),
            t!(lang, "coordinator-col-material"),
            t!(lang, "coordinator-col-distance"),
            t!(lang, "coordinator-col-quantity"),
            t!(lang, "coordinator-col-value"),
            t!(lang, "coordinator-col-co2"),
        ];
        html! {
            tr {
                td data-label=(labels[0]) { (firm(lang, &call.supplier)) }
                td data-label=(labels[1]) { (firm(lang, &call.receiver)) }
                td.material data-label=(labels[2]) { span.description { (material) } }
                td.number data-label=(labels[3]) { (t!(lang, "coordinator-km", km = number(lang, call.road_km, 1))) }
                td.number data-label=(labels[4]) {
                    (t!(lang, "quantity-per-year", amount = number(lang, call.quantity, 1), unit = unit(lang, call.unit)))
                }
                td.number data-label=(labels[5]) { (t!(lang, "coordinator-eur", amount = number(lang, call.eur_per_year, 0))) }
                td.number data-label=(labels[6]) { (t!(lang, "coordinator-co2-tonnes", tonnes = number(lang, call.co2_net_kg_per_year / 1000.0, 1))) }
                td {
                    form.inline method="post" action="/coordinator/propose" {
                        input type="hidden" name="csrf" value=(self.csrf);
                        input type="hidden" name="offer" value=(call.offer);
                        input type="hidden" name="need" value=(call.need);
                        @for (name, value) in self.filters.pairs() {
                            input type="hidden" name=(name) value=(value);
                        }
                        button type="submit" { (t!(lang, "coordinator-propose")) }
                    }
                }
            }
        }
    }
}

fn firm(lang: Lang, firm: &FirmLabel) -> Markup {
    html! {
        strong { a href=(super::firms::firm_href(&firm.key)) { (firm.name) } }
        br;
        span.meta {
            (firm.municipality) " · "
            @match firm.section {
                Some(letter) => abbr title=(section_name(lang, Some(letter))) { (letter) },
                None => (section_name(lang, None)),
            }
        }
    }
}
