//! `/coordinator/firms`: the region's firms with filters and pages, each name linking to the
//! firm's page.

use maud::{Markup, Render, html};

use super::{query_string, section_name};
use crate::app::workspace::{FirmListPage, FirmQuery, NOT_CONTACTED_DAYS, PAGE_SIZE};
use crate::i18n::{Lang, date, number};
use crate::storage::coordinator::FirmLine;
use crate::t;
use crate::views::layout::{self, Viewer};

/// The NACE sections a filter offers.
pub const SECTIONS: std::ops::RangeInclusive<char> = 'A'..='U';

/// What the firm list shows.
pub struct FirmListView<'a> {
    pub viewer: Viewer,
    pub query: &'a FirmQuery,
    pub page: &'a FirmListPage,
}

/// The address of a firm's page.
pub fn firm_href(key: &str) -> String {
    format!("/coordinator/firms/{}", super::encode(key))
}

/// The firm list page.
pub fn firm_list_page(view: &FirmListView<'_>) -> Markup {
    let lang = view.viewer.lang;
    let title = t!(lang, "workspace-firms-title");
    let pairs = query_pairs(view.query);
    layout::page(
        &title,
        &view.viewer,
        html! {
            h1 { (title) }
            p.lead { (t!(lang, "workspace-firms-lead")) }
            (filter_form(lang, view))
            p.found role="status" { (t!(lang, "workspace-found", count = view.page.total as usize)) }
            @if view.page.firms.is_empty() {
                p.empty { (t!(lang, "workspace-none-found")) }
            } @else {
                (FirmTable { lang, firms: &view.page.firms })
            }
            (Pager { lang, path: "/coordinator/firms", pairs: &pairs, page: view.query.page, total: view.page.total })
        },
    )
}

/// The chosen filters as `name=value` pairs (no page).
fn query_pairs(query: &FirmQuery) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if !query.name.trim().is_empty() {
        pairs.push(("naam", query.name.trim().to_string()));
    }
    if let Some(municipality) = &query.municipality {
        pairs.push(("gemeente", municipality.clone()));
    }
    if let Some(section) = query.section {
        pairs.push(("sector", section.to_string()));
    }
    if query.without_flows {
        pairs.push(("zonder_stromen", "1".to_string()));
    }
    if query.not_contacted {
        pairs.push(("niet_gesproken", "1".to_string()));
    }
    pairs
}

fn filter_form(lang: Lang, view: &FirmListView<'_>) -> Markup {
    let query = view.query;
    html! {
        form.region-filters method="get" action="/coordinator/firms" {
            div.field {
                label for="naam" { (t!(lang, "workspace-filter-name")) }
                input #naam type="search" name="naam" value=(query.name);
            }
            div.field {
                label for="gemeente" { (t!(lang, "workspace-filter-municipality")) }
                select #gemeente name="gemeente" {
                    option value="" { (t!(lang, "workspace-filter-all-municipalities")) }
                    @for name in &view.page.municipalities {
                        option value=(name) selected[query.municipality.as_deref() == Some(name.as_str())] { (name) }
                    }
                }
            }
            div.field {
                label for="sector" { (t!(lang, "workspace-filter-sector")) }
                select #sector name="sector" {
                    option value="" { (t!(lang, "workspace-filter-all-sectors")) }
                    @for letter in SECTIONS {
                        option value=(letter) selected[query.section == Some(letter)] { (section_name(lang, Some(letter))) }
                    }
                }
            }
            div.field.check {
                label.check {
                    input type="checkbox" name="zonder_stromen" value="1" checked[query.without_flows];
                    " " (t!(lang, "workspace-filter-without-flows"))
                }
                label.check {
                    input type="checkbox" name="niet_gesproken" value="1" checked[query.not_contacted];
                    " " (t!(lang, "workspace-filter-not-contacted", days = NOT_CONTACTED_DAYS))
                }
            }
            button type="submit" { (t!(lang, "workspace-filter-apply")) }
            @if !query_pairs(query).is_empty() {
                a href="/coordinator/firms" { (t!(lang, "workspace-filter-clear")) }
            }
        }
    }
}

struct FirmTable<'a> {
    lang: Lang,
    firms: &'a [FirmLine],
}

impl Render for FirmTable<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        let (name, municipality, sector, employees, flows, note) = (
            t!(lang, "workspace-col-name"),
            t!(lang, "workspace-col-municipality"),
            t!(lang, "workspace-col-sector"),
            t!(lang, "workspace-col-employees"),
            t!(lang, "workspace-col-flows"),
            t!(lang, "workspace-col-last-note"),
        );
        html! {
            table.stacked.firms {
                thead { tr {
                    th scope="col" { (name) } th scope="col" { (municipality) } th scope="col" { (sector) }
                    th.number scope="col" { (employees) } th scope="col" { (flows) } th scope="col" { (note) }
                } }
                tbody { @for firm in self.firms {
                    tr {
                        td data-label=(name) { a href=(firm_href(&firm.key)) { (firm.name) } }
                        td data-label=(municipality) { (firm.municipality) }
                        td data-label=(sector) { (section_name(lang, section_of(firm.nace.as_deref()))) }
                        td.number data-label=(employees) { (number(lang, f64::from(firm.employees), 0)) }
                        td data-label=(flows) { (t!(lang, "workspace-flows", offers = firm.offers, needs = firm.needs)) }
                        td data-label=(note) {
                            @match firm.last_note {
                                Some(at) => time datetime=(at.date().to_string()) { (date(lang, at.date())) },
                                None => (t!(lang, "workspace-never")),
                            }
                        }
                    }
                } }
            }
        }
    }
}

/// The NACE section letter of a stored code.
pub fn section_of(nace: Option<&str>) -> Option<char> {
    nace.and_then(|n| n.chars().next())
        .map(|c| c.to_ascii_uppercase())
}

/// "Page 2 of 7" with links to the pages before and after, the filters kept.
pub struct Pager<'a> {
    pub lang: Lang,
    pub path: &'a str,
    pub pairs: &'a [(&'static str, String)],
    /// From 1.
    pub page: u64,
    pub total: u64,
}

impl Render for Pager<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        let pages = self.total.div_ceil(PAGE_SIZE).max(1);
        let page = self.page.clamp(1, pages);
        let link = |to: u64| {
            let mut pairs = self.pairs.to_vec();
            if to > 1 {
                pairs.push(("pagina", to.to_string()));
            }
            format!("{}{}", self.path, query_string(&pairs))
        };
        html! {
            @if pages > 1 {
                nav.pager aria-label=(t!(lang, "workspace-page", page = page as usize, pages = pages as usize)) {
                    @if page > 1 { a rel="prev" href=(link(page - 1)) { (t!(lang, "workspace-previous")) } " " }
                    span { (t!(lang, "workspace-page", page = page as usize, pages = pages as usize)) }
                    @if page < pages { " " a rel="next" href=(link(page + 1)) { (t!(lang, "workspace-next")) } }
                }
            }
        }
    }
}
