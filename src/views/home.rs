//! The overview page: the region's firms and their flows.

use maud::{Markup, Render, html};

use super::format::{accepted_label_nl, material_label_nl, number_nl, quantity_nl};
use super::layout::{self, Viewer};
use crate::storage::{FirmPage, FirmWithFlows, RegionCounts};

/// What the overview page shows.
pub struct HomeView<'a> {
    pub viewer: Viewer,
    pub counts: RegionCounts,
    pub municipalities: &'a [(String, i64)],
    pub municipality: Option<&'a str>,
    pub page: u64,
    pub page_size: u64,
    pub listing: &'a FirmPage,
}

/// The overview page.
pub fn page(view: &HomeView<'_>) -> Markup {
    layout::page(
        "Overzicht van de regio",
        &view.viewer,
        html! {
            h1 { "De regio in één oogopslag" }
            ul.stats {
                li { strong { (number_nl(view.counts.firms as f64, 0)) } " bedrijven" }
                li { strong { (number_nl(view.counts.offers as f64, 0)) } " reststromen aangeboden" }
                li { strong { (number_nl(view.counts.needs as f64, 0)) } " grondstofvragen" }
            }
            (MunicipalityFilter { view })
            @if view.listing.firms.is_empty() {
                p.empty { "Nog geen bedrijven in deze selectie." }
            } @else {
                @for entry in &view.listing.firms { (FirmCard(entry)) }
                (Pager { view })
            }
        },
    )
}

struct MunicipalityFilter<'a> {
    view: &'a HomeView<'a>,
}

impl Render for MunicipalityFilter<'_> {
    fn render(&self) -> Markup {
        html! {
            nav.filter aria-label="Gemeenten" {
                a href="/" aria-current=[self.view.municipality.is_none().then_some("page")] { "Alle gemeenten" }
                @for (name, firms) in self.view.municipalities {
                    a href={ "/?gemeente=" (urlencode(name)) }
                      aria-current=[(self.view.municipality == Some(name.as_str())).then_some("page")] {
                        (name) " (" (firms) ")"
                    }
                }
            }
        }
    }
}

struct FirmCard<'a>(&'a FirmWithFlows);

impl Render for FirmCard<'_> {
    fn render(&self) -> Markup {
        let firm = &self.0.firm;
        html! {
            article.firm {
                h2 { (firm.name()) }
                p.meta {
                    (firm.municipality())
                    @if let Some(nace) = firm.nace() { " · SBI/NACE " (nace.as_str()) }
                    " · " (firm.employees()) " medewerkers"
                }
                div.flows {
                    section {
                        h3 { "Biedt aan" }
                        @if self.0.offers.is_empty() { p.none { "—" } }
                        ul {
                            @for offer in &self.0.offers {
                                li {
                                    span.code { (offer.material().code()) }
                                    " " (material_label_nl(&offer.material()))
                                    " — " (quantity_nl(offer.quantity()))
                                    @if !offer.description().is_empty() {
                                        br; span.description { (offer.description()) }
                                    }
                                    @if offer.material().is_hazardous() { " " span.badge.hazard { "gevaarlijk afval" } }
                                }
                            }
                        }
                    }
                    section {
                        h3 { "Zoekt" }
                        @if self.0.needs.is_empty() { p.none { "—" } }
                        ul {
                            @for need in &self.0.needs {
                                li {
                                    (need.description())
                                    " — " (quantity_nl(need.quantity()))
                                    ", tot " (number_nl(need.max_distance_km(), 0)) " km"
                                    br;
                                    span.accepts {
                                        "neemt: "
                                        @for (i, accepted) in need.accepts().iter().enumerate() {
                                            @if i > 0 { "; " }
                                            span.code { (accepted.to_code()) } " " (accepted_label_nl(accepted))
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

struct Pager<'a> {
    view: &'a HomeView<'a>,
}

impl Render for Pager<'_> {
    fn render(&self) -> Markup {
        let view = self.view;
        let pages = view.listing.total.div_ceil(view.page_size).max(1);
        let link = |page: u64| match view.municipality {
            Some(m) => format!("/?gemeente={}&pagina={page}", urlencode(m)),
            None => format!("/?pagina={page}"),
        };
        html! {
            nav.pager aria-label="Pagina's" {
                @if view.page > 1 { a rel="prev" href=(link(view.page - 1)) { "← Vorige" } }
                span { "Pagina " (view.page) " van " (pages) }
                @if view.page < pages { a rel="next" href=(link(view.page + 1)) { "Volgende →" } }
            }
        }
    }
}

/// Percent-encodes a query value (municipality names have spaces and accents).
fn urlencode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
