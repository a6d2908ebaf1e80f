//! `/impact`: what the exchanges achieved — tonnes diverted, euros saved, CO₂ avoided net of
//! transport, firms involved and exchanges per stage — with a chart and a table per
//! breakdown, the factors and their sources, and the CSV behind it all.

mod charts;
pub mod csv;
mod method;

use maud::{Markup, Render, html};

use self::charts::{Bar, Chart, Orientation};
use super::layout::{self, Viewer};
use super::notices::stage_label;
use crate::domain::Catalogue;
use crate::domain::Resource;
use crate::domain::exchange::Stage;
use crate::domain::impact::{Factors, Filter, Impact, MaterialGroup, Totals};
use crate::domain::nace_search;
use crate::i18n::{Lang, number};
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
                (by_month(lang, impact))
                (by_year(lang, impact))
                (by_municipality(lang, impact))
                (by_material(lang, impact))
                (by_sector(lang, impact))
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

/// A table of totals per group, with a total line.
struct TotalsTable<'a> {
    lang: Lang,
    /// The first column's heading.
    key: String,
    rows: Vec<(String, &'a Totals)>,
    total: &'a Totals,
}

impl Render for TotalsTable<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        let line = |label: &str, totals: &Totals| {
            html! {
                td { (label) }
                td.number { (tonnes(lang, totals.tonnes)) }
                td.number { (euros(lang, totals.saved_eur)) }
                td.number { (co2_tonnes(lang, totals.co2_net_kg)) }
                td.number { (totals.exchanges) }
                td.number { (totals.firms) }
            }
        };
        html! {
            table.figures {
                thead { tr {
                    th { (self.key) }
                    th.number { (t!(lang, "impact-col-tonnes")) }
                    th.number { (t!(lang, "impact-col-eur")) }
                    th.number { (t!(lang, "impact-col-co2")) }
                    th.number { (t!(lang, "impact-col-exchanges")) }
                    th.number { (t!(lang, "impact-col-firms")) }
                } }
                tbody { @for (label, totals) in &self.rows { tr { (line(label, totals)) } } }
                tfoot { tr { (line(&t!(lang, "impact-total"), self.total)) } }
            }
        }
    }
}

fn tonnes_bars<K>(groups: &[(K, Totals)], label: impl Fn(&K) -> String) -> Vec<Bar> {
    groups
        .iter()
        .map(|(key, totals)| Bar {
            label: label(key),
            value: totals.tonnes,
        })
        .collect()
}

fn by_month(lang: Lang, impact: &Impact) -> Markup {
    let label = |month: &crate::domain::impact::Month| month.to_string();
    let chart = Chart {
        lang,
        title: t!(lang, "impact-month-heading"),
        unit: t!(lang, "impact-chart-tonnes"),
        decimals: 1,
        orientation: Orientation::Columns,
        bars: tonnes_bars(&impact.by_month, label),
        captioned: false,
    };
    section(
        &chart.title.clone(),
        html! { (chart) },
        TotalsTable {
            lang,
            key: t!(lang, "impact-col-month"),
            rows: impact.by_month.iter().map(|(m, t)| (label(m), t)).collect(),
            total: &impact.totals,
        },
    )
}

fn by_year(lang: Lang, impact: &Impact) -> Markup {
    let chart = Chart {
        lang,
        title: t!(lang, "impact-year-heading"),
        unit: t!(lang, "impact-chart-tonnes"),
        decimals: 1,
        orientation: Orientation::Columns,
        bars: tonnes_bars(&impact.by_year, i32::to_string),
        captioned: false,
    };
    section(
        &chart.title.clone(),
        html! { (chart) },
        TotalsTable {
            lang,
            key: t!(lang, "impact-col-year"),
            rows: impact
                .by_year
                .iter()
                .map(|(y, t)| (y.to_string(), t))
                .collect(),
            total: &impact.totals,
        },
    )
}

fn by_municipality(lang: Lang, impact: &Impact) -> Markup {
    let groups = &impact.by_municipality;
    let euros = Chart {
        lang,
        title: t!(lang, "impact-chart-eur-by-municipality"),
        unit: t!(lang, "impact-chart-eur"),
        decimals: 0,
        orientation: Orientation::Rows,
        bars: groups
            .iter()
            .map(|(m, t)| Bar {
                label: m.clone(),
                value: t.saved_eur,
            })
            .collect(),
        captioned: true,
    };
    let co2 = Chart {
        lang,
        title: t!(lang, "impact-chart-co2-by-municipality"),
        unit: t!(lang, "impact-chart-co2"),
        decimals: 1,
        orientation: Orientation::Rows,
        bars: groups
            .iter()
            .map(|(m, t)| Bar {
                label: m.clone(),
                value: t.co2_net_kg.unwrap_or(0.0) / 1000.0,
            })
            .collect(),
        captioned: true,
    };
    section(
        &t!(lang, "impact-municipality-heading"),
        html! { (euros) (co2) },
        TotalsTable {
            lang,
            key: t!(lang, "impact-col-municipality"),
            rows: groups.iter().map(|(m, t)| (m.clone(), t)).collect(),
            total: &impact.totals,
        },
    )
}

/// `02 Afval van landbouw…`, a resource's name, or the stored text of an unknown material.
fn material_group_label(lang: Lang, group: &MaterialGroup) -> String {
    match group {
        MaterialGroup::Chapter(chapter) => {
            let entry = Catalogue::get()
                .entries()
                .iter()
                .find(|e| e.digits.starts_with(chapter.as_str()));
            let name = entry.map_or("", |e| match lang {
                Lang::Dutch if !e.chapter_nl.is_empty() => e.chapter_nl.as_str(),
                _ => e.chapter_en.as_str(),
            });
            format!("{chapter} {name}")
        }
        MaterialGroup::Resource(code) => match Resource::from_code(code) {
            Some(resource) if lang == Lang::Dutch => resource.label_nl().to_string(),
            Some(resource) => resource.label_en().to_string(),
            None => code.clone(),
        },
        MaterialGroup::Unknown(code) => t!(lang, "impact-material-unknown", code = code),
    }
}

fn by_material(lang: Lang, impact: &Impact) -> Markup {
    let groups = &impact.by_material;
    let chart = Chart {
        lang,
        title: t!(lang, "impact-material-heading"),
        unit: t!(lang, "impact-chart-tonnes"),
        decimals: 1,
        orientation: Orientation::Rows,
        bars: tonnes_bars(groups, |g| material_group_label(lang, g)),
        captioned: false,
    };
    section(
        &chart.title.clone(),
        html! { (chart) },
        TotalsTable {
            lang,
            key: t!(lang, "impact-col-material"),
            rows: groups
                .iter()
                .map(|(g, t)| (material_group_label(lang, g), t))
                .collect(),
            total: &impact.totals,
        },
    )
}

/// `C Industrie`, or "sector unknown".
fn sector_label(lang: Lang, section: Option<char>) -> String {
    let names = section.and_then(|letter| nace_search::names(&letter.to_string()));
    match (section, names) {
        (Some(letter), Some((dutch, _))) if lang == Lang::Dutch => format!("{letter} {dutch}"),
        (Some(letter), Some((_, english))) => format!("{letter} {english}"),
        (Some(letter), None) => letter.to_string(),
        (None, _) => t!(lang, "impact-sector-unknown"),
    }
}

fn by_sector(lang: Lang, impact: &Impact) -> Markup {
    let groups = &impact.by_sector;
    let chart = Chart {
        lang,
        title: t!(lang, "impact-sector-heading"),
        unit: t!(lang, "impact-chart-tonnes"),
        decimals: 1,
        orientation: Orientation::Rows,
        bars: tonnes_bars(groups, |s| sector_label(lang, *s)),
        captioned: false,
    };
    section(
        &chart.title.clone(),
        html! { (chart) },
        TotalsTable {
            lang,
            key: t!(lang, "impact-col-sector"),
            rows: groups
                .iter()
                .map(|(s, t)| (sector_label(lang, *s), t))
                .collect(),
            total: &impact.totals,
        },
    )
}

/// A breakdown: its heading, its chart(s), and the table with the same numbers.
fn section(heading: &str, charts: Markup, table: TotalsTable<'_>) -> Markup {
    html! {
        section.impact {
            h2 { (heading) }
            div.impact-charts { (charts) }
            (table)
        }
    }
}
