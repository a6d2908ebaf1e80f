//! `/impact`: what the exchanges achieved — tonnes diverted, euros saved, CO₂ avoided net of
//! transport, firms involved and exchanges per stage — with a chart and a table per
//! breakdown, the factors and their sources, and the CSV behind it all.

mod breakdowns;
mod charts;
pub mod csv;
mod method;

use maud::{Markup, Render, html};

use super::layout::{self, Viewer};
use super::notices::stage_label;
use crate::domain::exchange::Stage;
use crate::i18n::{Lang, number};
use crate::outcomes::impact::{Factors, Filter, Impact};
use crate::t;

/// What the impact page shows.
pub struct ImpactView<'a> {
    pub viewer: Viewer,
    pub impact: &'a Impact,
    pub factors: &'a Factors,
    /// Exchanges per stage today, in the order of an exchange's life.
    pub stages: &'a [(Stage, usize)],
    pub filter: &'a Filter,
    /// The region's municipalities, for the filter.
    pub municipalities: &'a [(String, i64)],
}

/// The impact page.
pub fn page(view: &ImpactView<'_>) -> Markup {
    let lang = view.viewer.lang;
    let impact = view.impact;
    layout::page(
        &t!(lang, "impact-title"),
        &view.viewer,
        html! {
            h1 { (t!(lang, "impact-heading")) }
            p.lead { (t!(lang, "impact-lead")) }
            (Filters { view })
            p { a.download href={ "/impact.csv" (query(view.filter.year, view.filter.municipality.as_deref())) } {
                (t!(lang, "impact-download-csv"))
            } }
            @if impact.months.is_empty() {
                p.empty { (t!(lang, "impact-nothing-recorded")) }
            }
            (Headline { lang, impact })
            (Stages { lang, stages: view.stages })
            @if !impact.months.is_empty() {
                (breakdowns::all(lang, impact))
            }
            (method::section(lang, view.factors, impact))
        },
    )
}

/// `?year=…&municipality=…` for a choice, empty when nothing is chosen.
fn query(year: Option<i32>, municipality: Option<&str>) -> String {
    let mut parts = Vec::new();
    if let Some(year) = year {
        parts.push(format!("year={year}"));
    }
    if let Some(municipality) = municipality {
        parts.push(format!("municipality={}", urlencode(municipality)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Percent-encodes a query value (municipality names have spaces and accents).
fn urlencode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

struct Filters<'a> {
    view: &'a ImpactView<'a>,
}

impl Render for Filters<'_> {
    fn render(&self) -> Markup {
        let (view, lang) = (self.view, self.view.viewer.lang);
        let filter = view.filter;
        let municipality = filter.municipality.as_deref();
        html! {
            nav.filter aria-label=(t!(lang, "impact-filter-years")) {
                a href={ "/impact" (query(None, municipality)) }
                  aria-current=[filter.year.is_none().then_some("page")] { (t!(lang, "impact-all-years")) }
                @for year in &view.impact.years {
                    a href={ "/impact" (query(Some(*year), municipality)) }
                      aria-current=[(filter.year == Some(*year)).then_some("page")] { (year) }
                }
            }
            nav.filter aria-label=(t!(lang, "impact-filter-municipalities")) {
                a href={ "/impact" (query(filter.year, None)) }
                  aria-current=[municipality.is_none().then_some("page")] { (t!(lang, "impact-all-municipalities")) }
                @for (name, _) in view.municipalities {
                    a href={ "/impact" (query(filter.year, Some(name))) }
                      aria-current=[(municipality == Some(name.as_str())).then_some("page")] { (name) }
                }
            }
        }
    }
}

/// Tonnes with one decimal.
fn tonnes(lang: Lang, value: f64) -> String {
    number(lang, value, 1)
}

/// Whole euros.
fn euros(lang: Lang, value: f64) -> String {
    number(lang, value, 0)
}

/// Tonnes of CO₂ from kilograms, one decimal; "unknown" without a CO₂ figure.
fn co2_tonnes(lang: Lang, kg: Option<f64>) -> String {
    match kg {
        Some(kg) => number(lang, kg / 1000.0, 1),
        None => t!(lang, "impact-not-known"),
    }
}

struct Headline<'a> {
    lang: Lang,
    impact: &'a Impact,
}

impl Render for Headline<'_> {
    fn render(&self) -> Markup {
        let (lang, totals) = (self.lang, &self.impact.totals);
        let co2 = match (totals.co2_net_kg, totals.exchanges) {
            // Nothing recorded: nothing avoided, rather than "unknown".
            (None, 0) => Some(0.0),
            (kg, _) => kg,
        };
        html! {
            ul.stats.impact-headline {
                li { strong { (tonnes(lang, totals.tonnes)) } " " (t!(lang, "impact-stat-tonnes")) }
                li { strong { "€ " (euros(lang, totals.saved_eur)) } " " (t!(lang, "impact-stat-eur")) }
                li { strong { (co2_tonnes(lang, co2)) } " " (t!(lang, "impact-stat-co2")) }
                li { strong { (totals.firms) } " " (t!(lang, "impact-stat-firms", count = totals.firms)) }
                li { strong { (totals.exchanges) } " " (t!(lang, "impact-stat-exchanges", count = totals.exchanges)) }
            }
            @if self.impact.months_without_tonnes > 0 {
                p.context { (t!(lang, "impact-note-without-tonnes", count = self.impact.months_without_tonnes)) }
            }
            @if totals.months_without_co2 > 0 {
                p.context { (t!(lang, "impact-note-without-co2", count = totals.months_without_co2)) }
            }
        }
    }
}

struct Stages<'a> {
    lang: Lang,
    stages: &'a [(Stage, usize)],
}

impl Render for Stages<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        html! {
            section.impact {
                h2 { (t!(lang, "impact-states-heading")) }
                table.figures {
                    thead { tr { th { (t!(lang, "impact-col-state")) } th.number { (t!(lang, "impact-col-exchanges")) } } }
                    tbody {
                        @for (stage, count) in self.stages {
                            tr { td { (stage_label(lang, stage.as_str())) } td.number { (count) } }
                        }
                    }
                }
            }
        }
    }
}
