//! `/coordinator`: the region at a glance for its coordinators — firms, flows and exchanges by
//! municipality and sector, with filters, and the next best calls to make.

mod calls;
pub mod contact_log;
pub mod firm_page;
pub mod firms;

use maud::{Markup, Render, html};

pub use calls::{CallRow, FirmLabel};

use super::layout::{self, Viewer};
use crate::domain::nace_search;
use crate::domain::staleness::OUTDATED_AFTER_DAYS;
use crate::i18n::{Lang, number};
use crate::storage::coordinator::Tally;
use crate::t;

/// What has just happened, shown above the overview after "Propose".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proposed {
    /// The exchange was opened and both firms were told.
    Opened(i64),
    /// The pair had an exchange already.
    Existing(i64),
}

/// The filters: both as chosen and every choice there is.
pub struct Filters<'a> {
    pub municipality: Option<&'a str>,
    pub section: Option<char>,
    pub municipalities: Vec<&'a str>,
    pub sections: Vec<char>,
}

impl Filters<'_> {
    /// The chosen filters as `name=value` pairs for links and hidden fields.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(m) = self.municipality {
            pairs.push(("gemeente", m.to_string()));
        }
        if let Some(s) = self.section {
            pairs.push(("sector", s.to_string()));
        }
        pairs
    }
}

/// What the overview shows.
pub struct OverviewPage<'a> {
    pub viewer: Viewer,
    pub csrf: &'a str,
    pub filters: Filters<'a>,
    /// Under the filters.
    pub total: Tally,
    pub by_municipality: Vec<(String, Tally)>,
    pub by_section: Vec<(Option<char>, Tally)>,
    pub calls: Vec<CallRow>,
    pub proposed: Option<Proposed>,
}

/// The overview page.
pub fn page(view: &OverviewPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    let filters = &view.filters;
    let map_link = format!("/map{}", query_string(&filters.pairs()));
    layout::page(
        &t!(lang, "coordinator-title"),
        &view.viewer,
        html! {
            h1 { (t!(lang, "coordinator-heading")) }
            p.lead { (t!(lang, "coordinator-lead")) " " a href=(map_link) { (t!(lang, "coordinator-to-map")) } }
            p.workspace-links {
                a href="/coordinator/firms" { (t!(lang, "workspace-firms-title")) }
                " · "
                a href="/exchanges" { (t!(lang, "workspace-exchanges-title")) }
            }
            @if let Some(proposed) = view.proposed { (notice(lang, proposed)) }
            (FilterForm { filters, lang })
            (stats(lang, &view.total))
            div.overview-tables {
                section {
                    h2 { (t!(lang, "coordinator-by-municipality")) }
                    (TallyTable {
                        lang,
                        heading: t!(lang, "coordinator-col-municipality"),
                        rows: view.by_municipality.iter().map(|(m, t)| {
                            let mut pairs = filters.pairs();
                            pairs.retain(|(k, _)| *k != "gemeente");
                            pairs.insert(0, ("gemeente", m.clone()));
                            (m.clone(), Some(format!("/coordinator{}", query_string(&pairs))), *t)
                        }).collect(),
                        total: view.total,
                    })
                }
                section {
                    h2 { (t!(lang, "coordinator-by-sector")) }
                    (TallyTable {
                        lang,
                        heading: t!(lang, "coordinator-col-sector"),
                        rows: view.by_section.iter().map(|(s, t)| {
                            let link = s.map(|letter| {
                                let mut pairs = filters.pairs();
                                pairs.retain(|(k, _)| *k != "sector");
                                pairs.push(("sector", letter.to_string()));
                                format!("/coordinator{}", query_string(&pairs))
                            });
                            (section_name(lang, *s), link, *t)
                        }).collect(),
                        total: view.total,
                    })
                }
            }
            p.note { (t!(lang, "coordinator-counting-note", days = OUTDATED_AFTER_DAYS)) }
            (calls::CallsTable { lang, csrf: view.csrf, calls: &view.calls, filters })
        },
    )
}

fn notice(lang: Lang, proposed: Proposed) -> Markup {
    let (text, id) = match proposed {
        Proposed::Opened(id) => (t!(lang, "coordinator-proposed", id = id.to_string()), id),
        Proposed::Existing(id) => (t!(lang, "coordinator-already", id = id.to_string()), id),
    };
    html! {
        p.status role="status" {
            (text) " " a href={ "/exchanges/" (id) } { (t!(lang, "coordinator-open-exchange")) }
        }
    }
}

/// `C — Industrie`, or "sector unknown".
pub fn section_name(lang: Lang, section: Option<char>) -> String {
    let names = section.and_then(|s| nace_search::names(&s.to_string()));
    match (section, names) {
        (Some(letter), Some((dutch, english))) => {
            let name = if lang == Lang::English {
                english
            } else {
                dutch
            };
            format!("{letter} — {name}")
        }
        _ => t!(lang, "coordinator-sector-unknown"),
    }
}

struct FilterForm<'a> {
    filters: &'a Filters<'a>,
    lang: Lang,
}

impl Render for FilterForm<'_> {
    fn render(&self) -> Markup {
        let (lang, filters) = (self.lang, self.filters);
        html! {
            form.region-filters method="get" action="/coordinator" {
                div.field {
                    label for="gemeente" { (t!(lang, "coordinator-filter-municipality")) }
                    select id="gemeente" name="gemeente" {
                        option value="" { (t!(lang, "coordinator-filter-all-municipalities")) }
                        @for name in &filters.municipalities {
                            option value=(name) selected[filters.municipality == Some(*name)] { (name) }
                        }
                    }
                }
                div.field {
                    label for="sector" { (t!(lang, "coordinator-filter-sector")) }
                    select id="sector" name="sector" {
                        option value="" { (t!(lang, "coordinator-filter-all-sectors")) }
                        @for letter in &filters.sections {
                            option value=(letter) selected[filters.section == Some(*letter)] {
                                (section_name(lang, Some(*letter)))
                            }
                        }
                    }
                }
                button type="submit" { (t!(lang, "coordinator-filter-apply")) }
                @if filters.municipality.is_some() || filters.section.is_some() {
                    a href="/coordinator" { (t!(lang, "coordinator-filter-clear")) }
                }
            }
        }
    }
}

fn stats(lang: Lang, total: &Tally) -> Markup {
    let count = |n: u64| number(lang, n as f64, 0);
    html! {
        ul.stats {
            li { strong { (count(total.firms)) } " " (t!(lang, "coordinator-stat-firms")) }
            li { strong { (count(total.offers)) } " " (t!(lang, "coordinator-stat-offers")) }
            li { strong { (count(total.needs)) } " " (t!(lang, "coordinator-stat-needs")) }
            li { strong { (count(total.outdated_flows)) } " " (t!(lang, "coordinator-stat-outdated")) }
            li { strong { (count(total.open_exchanges)) } " " (t!(lang, "coordinator-stat-open")) }
            li { strong { (count(total.running_exchanges)) } " " (t!(lang, "coordinator-stat-running")) }
        }
    }
}

/// Rows of tallies with a total: `(label, link, tally)`.
struct TallyTable {
    lang: Lang,
    heading: String,
    rows: Vec<(String, Option<String>, Tally)>,
    total: Tally,
}

impl TallyTable {
    fn cells(&self, tally: &Tally) -> Markup {
        let lang = self.lang;
        let count = |n: u64| number(lang, n as f64, 0);
        html! {
            td data-label=(t!(lang, "coordinator-col-firms")) { (count(tally.firms)) }
            td data-label=(t!(lang, "coordinator-col-offers")) { (count(tally.offers)) }
            td data-label=(t!(lang, "coordinator-col-needs")) { (count(tally.needs)) }
            td data-label=(t!(lang, "coordinator-col-outdated")) { (count(tally.outdated_flows)) }
            td data-label=(t!(lang, "coordinator-col-open")) { (count(tally.open_exchanges)) }
            td data-label=(t!(lang, "coordinator-col-running")) { (count(tally.running_exchanges)) }
        }
    }
}

impl Render for TallyTable {
    fn render(&self) -> Markup {
        let lang = self.lang;
        html! {
            table.tally.stacked {
                thead { tr {
                    th scope="col" { (self.heading) }
                    th scope="col" { (t!(lang, "coordinator-col-firms")) }
                    th scope="col" { (t!(lang, "coordinator-col-offers")) }
                    th scope="col" { (t!(lang, "coordinator-col-needs")) }
                    th scope="col" { (t!(lang, "coordinator-col-outdated")) }
                    th scope="col" { (t!(lang, "coordinator-col-open")) }
                    th scope="col" { (t!(lang, "coordinator-col-running")) }
                } }
                tbody {
                    @for (label, link, tally) in &self.rows {
                        tr {
                            th scope="row" {
                                @match link {
                                    Some(href) => a href=(href) { (label) },
                                    None => (label),
                                }
                            }
                            (self.cells(tally))
                        }
                    }
                }
                tfoot { tr { th scope="row" { (t!(lang, "coordinator-total")) } (self.cells(&self.total)) } }
            }
        }
    }
}

/// `?a=1&b=x%20y`, or nothing for no pairs: values percent-encoded.
pub fn query_string(pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let encoded: Vec<String> = pairs
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect();
    format!("?{}", encoded.join("&"))
}

pub(crate) fn encode(text: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_encode_names_with_spaces_and_accents() {
        let pairs = [("gemeente", "Sint Odiliënberg".to_string())];
        assert_eq!(query_string(&pairs), "?gemeente=Sint%20Odili%C3%ABnberg");
        assert_eq!(query_string(&[]), "");
    }
}
