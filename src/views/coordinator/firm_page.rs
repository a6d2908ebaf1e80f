//! `/coordinator/firms/{key}`: one firm as the coordinators see it — its details, its offers
//! and needs at every confidentiality level, its exchanges with the counterparts' names, and
//! the contact log ([`super::contact_log`]).

use maud::{Markup, html};

use super::contact_log::{self, LogForms};
use super::firms::firm_href;
use super::section_name;
use crate::app::workspace::FirmPageData;
use crate::domain::{Confidentiality, Need, Offer};
use crate::i18n::{Lang, date, number};
use crate::storage::coordinator::ExchangeLineItem;
use crate::t;
use crate::views::exchanges::stage_name;
use crate::views::format::quantity;
use crate::views::layout::{self, Viewer};
use crate::views::material::{accepted, material, snippet};

/// What the firm's page shows.
pub struct FirmPageView<'a> {
    pub viewer: Viewer,
    /// The viewer's user id: notes it wrote get a delete button.
    pub user_id: i64,
    pub data: &'a FirmPageData,
    pub forms: LogForms,
}

/// The firm's page.
pub fn firm_page(view: &FirmPageView<'_>) -> Markup {
    let lang = view.viewer.lang;
    let firm = &view.data.firm;
    let key = firm.firm.id().to_string();
    layout::page(
        firm.firm.name(),
        &view.viewer,
        html! {
            p.context { a href="/coordinator/firms" { (t!(lang, "workspace-back")) } }
            h1 { (firm.firm.name()) }
            (details(lang, view))
            (offers(lang, &firm.offers))
            (needs(lang, &firm.needs))
            (exchanges(lang, &key, &view.data.exchanges))
            (contact_log::section(lang, &key, view))
        },
    )
}

fn details(lang: Lang, view: &FirmPageView<'_>) -> Markup {
    let firm = &view.data.firm.firm;
    let section = firm.nace().map(|n| n.section());
    let point = firm.location();
    html! {
        section aria-labelledby="details" {
            h2 #details { (t!(lang, "workspace-details")) }
            dl.profile {
                dt { (t!(lang, "workspace-field-sector")) }
                dd { (section_name(lang, section)) @if let Some(nace) = firm.nace() { " (" (nace.as_str()) ")" } }
                dt { (t!(lang, "workspace-field-municipality")) } dd { (firm.municipality()) }
                @if !firm.address().is_empty() {
                    dt { (t!(lang, "workspace-field-address")) } dd { (firm.address()) }
                }
                dt { (t!(lang, "workspace-field-employees")) } dd { (number(lang, f64::from(firm.employees()), 0)) }
                dt { (t!(lang, "workspace-field-point")) }
                dd { (number(lang, point.lat(), 5)) ", " (number(lang, point.lon(), 5)) }
                dt { (t!(lang, "workspace-field-key")) } dd { code { (firm.id().to_string()) } }
            }
        }
    }
}

/// "Public with name", "Anonymous", "Coordinator only".
fn visibility(lang: Lang, level: Confidentiality) -> String {
    match level {
        Confidentiality::Public => t!(lang, "flows-confidentiality-public"),
        Confidentiality::Anonymous => t!(lang, "flows-confidentiality-anonymous"),
        Confidentiality::CoordinatorOnly => t!(lang, "flows-confidentiality-coordinator-only"),
    }
}

/// The headings of a flow table, in order.
fn flow_headings(lang: Lang) -> [String; 4] {
    [
        t!(lang, "workspace-col-material"),
        t!(lang, "workspace-col-description"),
        t!(lang, "workspace-col-quantity"),
        t!(lang, "workspace-col-visibility"),
    ]
}

fn offers(lang: Lang, offers: &[Offer]) -> Markup {
    let h = flow_headings(lang);
    html! {
        section aria-labelledby="offers" {
            h2 #offers { (t!(lang, "workspace-offers")) }
            @if offers.is_empty() { p.empty { (t!(lang, "workspace-no-offers")) } } @else {
                table.stacked.firm-flows {
                    thead { tr { @for heading in &h { th scope="col" { (heading) } } } }
                    tbody { @for offer in offers { tr {
                        td data-label=(h[0]) { (material(lang, &offer.material())) }
                        td data-label=(h[1]) { (snippet(offer.description())) }
                        td data-label=(h[2]) { (quantity(lang, offer.quantity())) }
                        td data-label=(h[3]) { (visibility(lang, offer.confidentiality())) }
                    } } }
                }
            }
        }
    }
}

fn needs(lang: Lang, needs: &[Need]) -> Markup {
    let h = flow_headings(lang);
    html! {
        section aria-labelledby="needs" {
            h2 #needs { (t!(lang, "workspace-needs")) }
            @if needs.is_empty() { p.empty { (t!(lang, "workspace-no-needs")) } } @else {
                table.stacked.firm-flows {
                    thead { tr { @for heading in &h { th scope="col" { (heading) } } } }
                    tbody { @for need in needs { tr {
                        td data-label=(h[0]) {
                            @for (i, item) in need.accepts().iter().enumerate() {
                                @if i > 0 { br; } (accepted(lang, item))
                            }
                        }
                        td data-label=(h[1]) { (snippet(need.description())) }
                        td data-label=(h[2]) { (quantity(lang, need.quantity())) }
                        td data-label=(h[3]) { (visibility(lang, need.confidentiality())) }
                    } } }
                }
            }
        }
    }
}

fn exchanges(lang: Lang, key: &str, exchanges: &[ExchangeLineItem]) -> Markup {
    let h = [
        t!(lang, "workspace-col-exchange"),
        t!(lang, "workspace-col-role"),
        t!(lang, "workspace-col-counterpart"),
        t!(lang, "workspace-col-material"),
        t!(lang, "workspace-col-stage"),
        t!(lang, "workspace-col-last-step"),
    ];
    html! {
        section aria-labelledby="exchanges" {
            h2 #exchanges { (t!(lang, "workspace-exchanges")) }
            @if exchanges.is_empty() { p.empty { (t!(lang, "workspace-no-exchanges")) } } @else {
                table.stacked.exchanges {
                    thead { tr { @for heading in &h { th scope="col" { (heading) } } } }
                    tbody { @for exchange in exchanges {
                        @let supplies = exchange.supplier.key == key;
                        @let other = if supplies { &exchange.receiver } else { &exchange.supplier };
                        tr {
                            td data-label=(h[0]) {
                                a href={ "/exchanges/" (exchange.id) } { (t!(lang, "exchanges-title", id = exchange.id.to_string())) }
                            }
                            td data-label=(h[1]) {
                                @if supplies { (t!(lang, "workspace-as-supplier")) } @else { (t!(lang, "workspace-as-receiver")) }
                            }
                            td data-label=(h[2]) { a href=(firm_href(&other.key)) { (other.name) } " (" (other.municipality) ")" }
                            td data-label=(h[3]) { (material_of(lang, &exchange.material)) }
                            td data-label=(h[4]) { (stage_name(lang, exchange.stage)) }
                            td data-label=(h[5]) { (date(lang, exchange.last_step.date())) }
                        }
                    } }
                }
            }
        }
    }
}

/// A stored material code with its label, or the code alone when it is no longer known.
pub fn material_of(lang: Lang, code: &str) -> Markup {
    match crate::domain::Material::parse(code) {
        Ok(known) => material(lang, &known),
        Err(_) => html! { (code) },
    }
}
