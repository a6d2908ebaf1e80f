//! The breakdowns of the impact page: per month, year, municipality, material and sector,
//! each a chart with the table of the same numbers under it.

use maud::{Markup, Render, html};

use super::charts::{Bar, Chart, Orientation};
use super::{co2_tonnes, euros, tonnes};
use crate::domain::{Catalogue, Resource, nace_search};
use crate::i18n::Lang;
use crate::outcomes::impact::{Impact, MaterialGroup, Month, Totals};
use crate::t;

/// Every breakdown, in the page's order.
pub fn all(lang: Lang, impact: &Impact) -> Markup {
    let (columns, rows) = (Orientation::Columns, Orientation::Rows);
    let tonnes = |(title, column), orientation| TonnesBreakdown {
        lang,
        title,
        column,
        orientation,
        total: &impact.totals,
    };
    let material = |group: &MaterialGroup| material_group_label(lang, group);
    let sector = |section: &Option<char>| sector_label(lang, *section);
    html! {
        (tonnes((t!(lang, "impact-month-heading"), t!(lang, "impact-col-month")), columns)
            .of(&impact.by_month, Month::to_string))
        (tonnes((t!(lang, "impact-year-heading"), t!(lang, "impact-col-year")), columns)
            .of(&impact.by_year, i32::to_string))
        (by_municipality(lang, impact))
        (tonnes((t!(lang, "impact-material-heading"), t!(lang, "impact-col-material")), rows)
            .of(&impact.by_material, material))
        (tonnes((t!(lang, "impact-sector-heading"), t!(lang, "impact-col-sector")), rows)
            .of(&impact.by_sector, sector))
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

/// A breakdown of tonnes per group: one chart, with the table of the same groups under it.
struct TonnesBreakdown<'a> {
    lang: Lang,
    title: String,
    /// The table's first column's heading.
    column: String,
    orientation: Orientation,
    total: &'a Totals,
}

impl TonnesBreakdown<'_> {
    /// The breakdown of `groups`, each named by `label`.
    fn of<K>(self, groups: &[(K, Totals)], label: impl Fn(&K) -> String) -> Markup {
        let lang = self.lang;
        let chart = Chart {
            lang,
            title: self.title,
            unit: t!(lang, "impact-chart-tonnes"),
            decimals: 1,
            orientation: self.orientation,
            bars: tonnes_bars(groups, &label),
            captioned: false,
        };
        section(
            &chart.title.clone(),
            html! { (chart) },
            TotalsTable {
                lang,
                key: self.column,
                rows: groups.iter().map(|(k, t)| (label(k), t)).collect(),
                total: self.total,
            },
        )
    }
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

fn section(heading: &str, charts: Markup, table: TotalsTable<'_>) -> Markup {
    html! {
        section.impact {
            h2 { (heading) }
            div.impact-charts { (charts) }
            (table)
        }
    }
}
