//! `/cases`: the knowledge base — completed and declined exchanges as cases, with filters by
//! sector, material and outcome, totals on top, and how the cases steer the matches.

mod list;

use maud::{Markup, Render, html};

use super::layout::{self, Viewer};
use crate::domain::nace_search;
use crate::i18n::{Lang, number, percent};
use crate::matching::history::{
    COMPLETED_SAME_MATERIAL, COMPLETED_SAME_SECTORS, COUNTED_AT_MOST, DECLINED_SAME_MATERIAL,
    DECLINED_SAME_SECTORS,
};
use crate::outcomes::case::{Case, CaseOutcome, CaseSummary, MaterialFilter};
use crate::t;

/// What the coordinator chose in the filters, as typed (for the form and the page links).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chosen {
    pub section: Option<char>,
    pub material: Option<String>,
    pub outcome: Option<CaseOutcome>,
}

impl Chosen {
    /// `?sector=…&materiaal=…&uitkomst=…&pagina=…` for this choice and a page.
    pub fn query(&self, page: usize) -> String {
        let mut parts = Vec::new();
        if let Some(section) = self.section {
            parts.push(format!("sector={section}"));
        }
        if let Some(material) = &self.material {
            parts.push(format!("materiaal={}", urlencode(material)));
        }
        if let Some(outcome) = self.outcome {
            parts.push(format!("uitkomst={}", outcome.as_str()));
        }
        if page > 1 {
            parts.push(format!("pagina={page}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    fn is_empty(&self) -> bool {
        self.section.is_none() && self.material.is_none() && self.outcome.is_none()
    }
}

/// Percent-encodes a query value (typed words have spaces and accents).
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

/// What the cases page shows.
pub struct CasesView<'a> {
    pub viewer: Viewer,
    /// Totals over every case the filters select (not only this page).
    pub summary: CaseSummary,
    /// Cases in the knowledge base, and how many the filters select.
    pub total: usize,
    pub matching: usize,
    /// This page's cases, newest first.
    pub cases: &'a [&'a Case],
    /// The material filter the typed text became, to say what it found.
    pub material_filter: Option<&'a MaterialFilter>,
    pub chosen: &'a Chosen,
    pub page: usize,
    pub pages: usize,
}

/// The cases page.
pub fn page(view: &CasesView<'_>) -> Markup {
    let lang = view.viewer.lang;
    layout::page(
        &t!(lang, "cases-title"),
        &view.viewer,
        html! {
            h1 { (t!(lang, "cases-heading")) }
            p.lead { (t!(lang, "cases-lead")) }
            (FilterForm { lang, chosen: view.chosen })
            (found_materials(lang, view))
            (stats(lang, &view.summary))
            @if !view.chosen.is_empty() {
                p.context { (t!(lang, "cases-of-all", shown = view.matching, total = view.total)) }
            }
            @if view.total == 0 {
                p.empty { (t!(lang, "cases-none")) }
            } @else if view.cases.is_empty() {
                p.empty { (t!(lang, "cases-none-found")) }
            } @else {
                (list::table(lang, view.cases))
                (list::pager(lang, view.chosen, view.page, view.pages))
            }
            (method(lang))
        },
    )
}

/// `C — Industrie`: a NACE section with its name from the catalogue.
fn section_option(lang: Lang, letter: &str) -> String {
    match nace_search::names(letter) {
        Some((dutch, english)) => {
            let name = if lang == Lang::English {
                english
            } else {
                dutch
            };
            format!("{letter} — {name}")
        }
        None => letter.to_string(),
    }
}

struct FilterForm<'a> {
    lang: Lang,
    chosen: &'a Chosen,
}

impl Render for FilterForm<'_> {
    fn render(&self) -> Markup {
        let (lang, chosen) = (self.lang, self.chosen);
        let sections = nace_search::catalogue().filter(|entry| entry.is_section());
        let chosen_section = chosen.section.map(String::from);
        html! {
            form.region-filters.cases-filters method="get" action="/cases" {
                div.field {
                    label for="sector" { (t!(lang, "cases-filter-sector")) }
                    select id="sector" name="sector" {
                        option value="" { (t!(lang, "cases-filter-all-sectors")) }
                        @for entry in sections {
                            option value=(entry.code) selected[chosen_section.as_deref() == Some(entry.code)] {
                                (section_option(lang, entry.code))
                            }
                        }
                    }
                }
                div.field {
                    label for="materiaal" { (t!(lang, "cases-filter-material")) }
                    input type="search" id="materiaal" name="materiaal"
                        value=(chosen.material.as_deref().unwrap_or(""))
                        aria-describedby="materiaal-hint";
                }
                div.field {
                    label for="uitkomst" { (t!(lang, "cases-filter-outcome")) }
                    select id="uitkomst" name="uitkomst" {
                        option value="" { (t!(lang, "cases-filter-all-outcomes")) }
                        @for outcome in [CaseOutcome::Completed, CaseOutcome::Declined] {
                            option value=(outcome.as_str()) selected[chosen.outcome == Some(outcome)] {
                                (outcome_label(lang, outcome))
                            }
                        }
                    }
                }
                button type="submit" { (t!(lang, "cases-filter-apply")) }
                @if !chosen.is_empty() {
                    a href="/cases" { (t!(lang, "cases-filter-clear")) }
                }
            }
            p.context.cases-hint id="materiaal-hint" {
                (t!(lang, "cases-filter-material")) ": " (t!(lang, "cases-filter-material-hint"))
            }
        }
    }
}

/// "Afgerond" or "Afgewezen".
pub fn outcome_label(lang: Lang, outcome: CaseOutcome) -> String {
    match outcome {
        CaseOutcome::Completed => t!(lang, "cases-outcome-completed"),
        CaseOutcome::Declined => t!(lang, "cases-outcome-declined"),
    }
}

/// Codes shown of what words found; the rest are counted.
const CODES_SHOWN: usize = 8;

/// Which materials typed words found, so the coordinator sees what was searched.
fn found_materials(lang: Lang, view: &CasesView<'_>) -> Markup {
    let (Some(MaterialFilter::Found(codes)), Some(text)) =
        (view.material_filter, view.chosen.material.as_deref())
    else {
        return html! {};
    };
    if codes.is_empty() {
        return html! { p.error role="status" { (t!(lang, "cases-found-no-material", text = text)) } };
    }
    let mut listed: Vec<String> = codes
        .iter()
        .take(CODES_SHOWN)
        .map(|c| c.to_string())
        .collect();
    if codes.len() > CODES_SHOWN {
        listed.push(t!(
            lang,
            "cases-found-more",
            count = codes.len() - CODES_SHOWN
        ));
    }
    html! {
        p.context { (t!(lang, "cases-found-materials", text = text, codes = listed.join(", "))) }
    }
}

fn stats(lang: Lang, summary: &CaseSummary) -> Markup {
    html! {
        ul.stats.cases-stats {
            li { strong { (number(lang, summary.completed as f64, 0)) } " " (t!(lang, "cases-stat-completed")) }
            li { strong { (number(lang, summary.declined as f64, 0)) } " " (t!(lang, "cases-stat-declined")) }
            li { strong { (number(lang, summary.tonnes_recorded, 1)) } " " (t!(lang, "cases-stat-tonnes")) }
            li { strong { (t!(lang, "cases-value", amount = number(lang, summary.value_eur_per_year, 0))) } " " (t!(lang, "cases-stat-value")) }
        }
    }
}

/// The ranking rule, with the weights the matcher uses.
fn method(lang: Lang) -> Markup {
    let most = COUNTED_AT_MOST as i64;
    html! {
        section.cases-method {
            h2 { (t!(lang, "cases-method-heading")) }
            p { (t!(lang, "cases-method")) }
            ul {
                li { (t!(lang, "cases-method-completed-material", percent = percent(lang, COMPLETED_SAME_MATERIAL), most = most)) }
                li { (t!(lang, "cases-method-declined-material", percent = percent(lang, DECLINED_SAME_MATERIAL), most = most)) }
                li { (t!(lang, "cases-method-completed-sectors", percent = percent(lang, COMPLETED_SAME_SECTORS), most = most)) }
                li { (t!(lang, "cases-method-declined-sectors", percent = percent(lang, DECLINED_SAME_SECTORS), most = most)) }
            }
            p.context { (t!(lang, "cases-method-unknown-sector")) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_links_keep_the_filters_and_encode_typed_words() {
        let chosen = Chosen {
            section: Some('A'),
            material: Some("staal krullen".into()),
            outcome: Some(CaseOutcome::Declined),
        };

        assert_eq!(
            chosen.query(2),
            "?sector=A&materiaal=staal%20krullen&uitkomst=declined&pagina=2"
        );
        assert_eq!(
            chosen.query(1),
            "?sector=A&materiaal=staal%20krullen&uitkomst=declined"
        );
        assert_eq!(Chosen::default().query(1), "");
        assert_eq!(Chosen::default().query(3), "?pagina=3");
    }
}
