//! `/exchanges` as a coordinator sees it: every exchange of the region with both firms by
//! name, the material, the stage and the latest step, filtered by a GET form (so a selection
//! is an address to bookmark) and paged.

use maud::{Markup, html};

use super::stage_name;
use crate::app::workspace::{ExchangeListPage, ExchangeQuery};
use crate::domain::exchange::Stage;
use crate::i18n::{Lang, date};
use crate::storage::coordinator::{ExchangeFirm, ExchangeLineItem};
use crate::t;
use crate::views::coordinator::firm_page::material_of;
use crate::views::coordinator::firms::{Pager, firm_href};
use crate::views::layout::{self, Viewer};
use crate::views::material::snippet;

/// What the coordinator's exchange list shows.
pub struct CoordinatorListView<'a> {
    pub viewer: Viewer,
    pub query: &'a ExchangeQuery,
    pub page: &'a ExchangeListPage,
}

/// The chosen filters as `name=value` pairs (no page).
fn query_pairs(query: &ExchangeQuery) -> Vec<(&'static str, String)> {
    let mut pairs = Vec::new();
    if let Some(stage) = query.stage {
        pairs.push(("fase", stage.as_str().to_string()));
    }
    if let Some(municipality) = &query.municipality {
        pairs.push(("gemeente", municipality.clone()));
    }
    if !query.firm.trim().is_empty() {
        pairs.push(("bedrijf", query.firm.trim().to_string()));
    }
    if !query.material.trim().is_empty() {
        pairs.push(("materiaal", query.material.trim().to_string()));
    }
    pairs
}

/// The page.
pub fn coordinator_list_page(view: &CoordinatorListView<'_>) -> Markup {
    let lang = view.viewer.lang;
    let title = t!(lang, "workspace-exchanges-title");
    let pairs = query_pairs(view.query);
    layout::page(
        &title,
        &view.viewer,
        html! {
            h1 { (title) }
            p.lead { (t!(lang, "workspace-exchanges-lead")) }
            (filter_form(lang, view))
            p.found role="status" { (t!(lang, "workspace-found", count = view.page.total as usize)) }
            @if view.page.exchanges.is_empty() {
                p.empty { (t!(lang, "workspace-none-found")) }
            } @else {
                (table(lang, &view.page.exchanges))
            }
            (Pager { lang, path: "/exchanges", pairs: &pairs, page: view.query.page, total: view.page.total })
        },
    )
}

fn filter_form(lang: Lang, view: &CoordinatorListView<'_>) -> Markup {
    let query = view.query;
    html! {
        form.region-filters method="get" action="/exchanges" {
            div.field {
                label for="fase" { (t!(lang, "workspace-filter-stage")) }
                select #fase name="fase" {
                    option value="" { (t!(lang, "workspace-filter-all-stages")) }
                    @for stage in Stage::ALL {
                        option value=(stage.as_str()) selected[query.stage == Some(stage)] { (stage_name(lang, stage)) }
                    }
                }
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
                label for="bedrijf" { (t!(lang, "workspace-filter-firm")) }
                input #bedrijf type="search" name="bedrijf" value=(query.firm);
            }
            div.field {
                label for="materiaal" { (t!(lang, "workspace-filter-material")) }
                input #materiaal type="search" name="materiaal" value=(query.material);
            }
            button type="submit" { (t!(lang, "workspace-filter-apply")) }
            @if !query_pairs(query).is_empty() {
                a href="/exchanges" { (t!(lang, "workspace-filter-clear")) }
            }
        }
    }
}

fn table(lang: Lang, exchanges: &[ExchangeLineItem]) -> Markup {
    let h = [
        t!(lang, "workspace-col-exchange"),
        t!(lang, "workspace-col-supplier"),
        t!(lang, "workspace-col-receiver"),
        t!(lang, "workspace-col-material"),
        t!(lang, "workspace-col-stage"),
        t!(lang, "workspace-col-last-step"),
    ];
    html! {
        table.stacked.exchange-list {
            thead { tr { @for heading in &h { th scope="col" { (heading) } } } }
            tbody { @for exchange in exchanges {
                tr {
                    td data-label=(h[0]) {
                        a href={ "/exchanges/" (exchange.id) } { (t!(lang, "exchanges-title", id = exchange.id.to_string())) }
                    }
                    td data-label=(h[1]) { (firm(&exchange.supplier)) }
                    td data-label=(h[2]) { (firm(&exchange.receiver)) }
                    td data-label=(h[3]) {
                        (material_of(lang, &exchange.material)) br;
                        span.meta { (snippet(&exchange.offer_description)) " → " (snippet(&exchange.need_description)) }
                    }
                    td data-label=(h[4]) { (stage_name(lang, exchange.stage)) }
                    td data-label=(h[5]) { (date(lang, exchange.last_step.date())) }
                }
            } }
        }
    }
}

fn firm(firm: &ExchangeFirm) -> Markup {
    html! {
        a href=(firm_href(&firm.key)) { (firm.name) }
        br;
        span.meta { (firm.municipality) }
    }
}
