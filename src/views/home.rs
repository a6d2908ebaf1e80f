//! The overview page: the region's firms and their flows.

use maud::{Markup, Render, html};

use super::format::quantity;
use super::layout::{self, Viewer};
use crate::domain::cross_border::Country;
use crate::domain::{Confidentiality, Role};
use crate::i18n::{Lang, number};
use crate::storage::{FirmPage, FirmWithFlows, RegionCounts};
use crate::t;

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
    let lang = view.viewer.lang;
    // Coordinators see every flow; everyone else only the flows their firms made public.
    let sees_all = view
        .viewer
        .user
        .as_ref()
        .is_some_and(|u| matches!(u.role, Role::Coordinator | Role::Administrator));
    layout::page(
        &t!(lang, "home-title"),
        &view.viewer,
        html! {
            h1 { (t!(lang, "home-heading")) }
            ul.stats {
                li { strong { (number(lang, view.counts.firms as f64, 0)) } " " (t!(lang, "home-stat-firms")) }
                li { strong { (number(lang, view.counts.offers as f64, 0)) } " " (t!(lang, "home-stat-offers")) }
                li { strong { (number(lang, view.counts.needs as f64, 0)) } " " (t!(lang, "home-stat-needs")) }
            }
            p.lead { (t!(lang, "home-privacy")) }
            (MunicipalityFilter { view })
            @if view.listing.firms.is_empty() {
                p.empty { (t!(lang, "home-empty")) }
            } @else {
                @for entry in &view.listing.firms { (FirmCard { entry, lang, sees_all }) }
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
        let lang = self.view.viewer.lang;
        html! {
            nav.filter aria-label=(t!(lang, "home-municipalities")) {
                a href="/firms" aria-current=[self.view.municipality.is_none().then_some("page")] { (t!(lang, "home-all-municipalities")) }
                @for (name, firms) in self.view.municipalities {
                    a href={ "/firms?gemeente=" (urlencode(name)) }
                      aria-current=[(self.view.municipality == Some(name.as_str())).then_some("page")] {
                        (name) " (" (firms) ")"
                    }
                }
            }
        }
    }
}

struct FirmCard<'a> {
    entry: &'a FirmWithFlows,
    lang: Lang,
    sees_all: bool,
}

impl Render for FirmCard<'_> {
    fn render(&self) -> Markup {
        let (lang, firm) = (self.lang, &self.entry.firm);
        let shown = |c: Confidentiality| self.sees_all || c == Confidentiality::Public;
        let offers: Vec<_> = self
            .entry
            .offers
            .iter()
            .filter(|o| shown(o.confidentiality()))
            .collect();
        let needs: Vec<_> = self
            .entry
            .needs
            .iter()
            .filter(|n| shown(n.confidentiality()))
            .collect();
        html! {
            article.firm {
                h2 { (firm.name()) }
                p.meta {
                    (firm.municipality())
                    @if firm.country() != Country::NL { " (" (super::descriptors::country(lang, firm.country())) ")" }
                    @if let Some(nace) = firm.nace() { " · SBI/NACE " (nace.as_str()) }
                    " · " (t!(lang, "home-employees", count = i64::from(firm.employees())))
                }
                div.flows {
                    section {
                        h3 { (t!(lang, "home-offers")) }
                        @if offers.is_empty() { p.none { "—" } }
                        ul {
                            @for offer in &offers {
                                li {
                                    (super::material::material(lang, &offer.material()))
                                    " — " (quantity(lang, offer.quantity()))
                                    @if !offer.description().is_empty() {
                                        br; span.description { (offer.description()) }
                                    }
                                    (super::descriptors::offer_summary(lang, offer))
                                    @if offer.material().is_hazardous() { " " span.badge.hazard { (t!(lang, "home-hazardous")) } }
                                }
                            }
                        }
                    }
                    section {
                        h3 { (t!(lang, "home-needs")) }
                        @if needs.is_empty() { p.none { "—" } }
                        ul {
                            @for need in &needs {
                                li {
                                    (need.description())
                                    " — " (quantity(lang, need.quantity()))
                                    ", " (t!(lang, "home-up-to-km", km = number(lang, need.max_distance_km(), 0)))
                                    br;
                                    span.accepts {
                                        (t!(lang, "home-accepts")) " "
                                        @for (i, accepted) in need.accepts().iter().enumerate() {
                                            @if i > 0 { "; " }
                                            (super::material::accepted(lang, accepted))
                                        }
                                    }
                                    (super::descriptors::need_summary(lang, need))
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
        let lang = view.viewer.lang;
        let pages = view.listing.total.div_ceil(view.page_size).max(1);
        let link = |page: u64| match view.municipality {
            Some(m) => format!("/firms?gemeente={}&pagina={page}", urlencode(m)),
            None => format!("/firms?pagina={page}"),
        };
        html! {
            nav.pager aria-label=(t!(lang, "home-pages")) {
                @if view.page > 1 { a rel="prev" href=(link(view.page - 1)) { (t!(lang, "home-previous")) } }
                span { (t!(lang, "common-page-of", page = view.page as i64, pages = pages as i64)) }
                @if view.page < pages { a rel="next" href=(link(view.page + 1)) { (t!(lang, "home-next")) } }
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
