//! The market page: the search form (GET, so a search is an address to bookmark), the flows
//! found a page at a time, and a firm's saved searches.

pub mod card;
mod fits;
pub mod listing;
mod saved;

use maud::{Markup, html};

use super::layout::{self, Viewer};
use crate::app::market::MarketPage;
use crate::app::market::filter::{Chapter, MarketQuery};
use crate::domain::Accepted;
use crate::i18n::{Lang, format::accepted_label, number};
use crate::storage::RegionCounts;
use crate::storage::saved_searches::SavedSearch;
use crate::t;

/// A refused field of the form and what to do about it.
pub struct Refusal {
    pub field: &'static str,
    pub message: String,
}

/// What the market page shows.
pub struct MarketView<'a> {
    pub viewer: Viewer,
    /// The region's figures, on the home page.
    pub counts: Option<RegionCounts>,
    /// The form as typed, shown back.
    pub query: &'a MarketQuery,
    pub municipalities: &'a [String],
    /// The viewer is a firm (distance can be asked).
    pub has_firm: bool,
    /// The results; `None` when the form was refused.
    pub found: Option<&'a MarketPage>,
    pub refusals: Vec<Refusal>,
    /// The search as a query string, for the pager and "save".
    pub query_string: String,
    /// The firm's saved searches (firms only).
    pub saved: Option<&'a [SavedSearch]>,
    /// Why saving the search was refused.
    pub save_refusal: Option<String>,
}

/// The market page.
pub fn page(view: &MarketView<'_>) -> Markup {
    let lang = view.viewer.lang;
    layout::page(
        &t!(lang, "market-title"),
        &view.viewer,
        html! {
            h1 { (t!(lang, "market-heading")) }
            @if let Some(counts) = &view.counts {
                ul.stats {
                    li { strong { (number(lang, counts.firms as f64, 0)) } " " (t!(lang, "home-stat-firms")) }
                    li { strong { (number(lang, counts.offers as f64, 0)) } " " (t!(lang, "home-stat-offers")) }
                    li { strong { (number(lang, counts.needs as f64, 0)) } " " (t!(lang, "home-stat-needs")) }
                }
            }
            p.lead { (t!(lang, "market-lead")) " " a href="/firms" { (t!(lang, "market-firms-link")) } }
            (search_form(view))
            @if let Some(found) = view.found {
                (results(view, found))
            }
            @if let Some(searches) = view.saved {
                (saved::saved_searches(lang, view, searches))
            }
        },
    )
}

/// The message beside a field, if it was refused.
fn refusal<'a>(view: &'a MarketView<'_>, field: &str) -> Option<&'a str> {
    (view.refusals.iter())
        .find(|r| r.field == field)
        .map(|r| r.message.as_str())
}

fn search_form(view: &MarketView<'_>) -> Markup {
    let (lang, q) = (view.viewer.lang, view.query);
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let kind = q.soort.as_deref().unwrap_or("both");
    html! {
        form.market method="get" action="/market" role="search" {
            @if !view.refusals.is_empty() { p.error role="alert" { (t!(lang, "market-refused")) } }
            div.field.wide {
                label for="woorden" { (t!(lang, "market-field-words")) }
                input #woorden type="search" name="woorden" value=(value(&q.woorden))
                    placeholder=(t!(lang, "market-words-hint"));
            }
            div.field {
                label for="soort" { (t!(lang, "market-field-kind")) }
                select #soort name="soort" {
                    @for (code, key) in [("both", "market-kind-both"), ("offers", "market-kind-offers"), ("needs", "market-kind-needs")] {
                        option value=(code) selected[kind == code] { (crate::i18n::text(lang, key, &[])) }
                    }
                }
                (field_error(view, "soort"))
            }
            (chapter_field(view))
            div.field {
                label for="gemeente" { (t!(lang, "market-field-municipality")) }
                select #gemeente name="gemeente" {
                    option value="" { (t!(lang, "market-municipality-any")) }
                    @for name in view.municipalities {
                        option value=(name) selected[q.gemeente.as_deref() == Some(name.as_str())] { (name) }
                    }
                }
                (field_error(view, "gemeente"))
            }
            (number_field(view, "afstand", "market-field-distance", &q.afstand, !view.has_firm))
            (number_field(view, "min", "market-field-min", &q.min, false))
            (number_field(view, "max", "market-field-max", &q.max, false))
            p.hint { (t!(lang, "market-quantity-hint")) }
            button type="submit" { (t!(lang, "market-search")) }
            " " a href="/market" { (t!(lang, "market-clear")) }
            (field_error(view, "pagina"))
        }
    }
}

fn chapter_field(view: &MarketView<'_>) -> Markup {
    let lang = view.viewer.lang;
    let chosen = view.query.hoofdstuk.as_deref().unwrap_or("");
    html! {
        div.field {
            label for="hoofdstuk" { (t!(lang, "market-field-chapter")) }
            select #hoofdstuk name="hoofdstuk" {
                option value="" { (t!(lang, "market-chapter-any")) }
                @for chapter in Chapter::all() {
                    option value=(chapter.code()) selected[chosen == chapter.code()] { (chapter_label(lang, chapter)) }
                }
            }
            (field_error(view, "hoofdstuk"))
        }
    }
}

/// `02 — Afval van landbouw…`, or the resources' own name.
pub fn chapter_label(lang: Lang, chapter: Chapter) -> String {
    match chapter {
        Chapter::Waste(_) => {
            let code = chapter.code();
            match Accepted::parse(&code) {
                Ok(accepted) => accepted_label(lang, &accepted),
                Err(_) => code,
            }
        }
        Chapter::Resources => t!(lang, "market-chapter-resources"),
    }
}

fn number_field(
    view: &MarketView<'_>,
    name: &'static str,
    label: &'static str,
    value: &Option<String>,
    needs_login: bool,
) -> Markup {
    let lang = view.viewer.lang;
    html! {
        div.field {
            label for=(name) { (crate::i18n::text(lang, label, &[])) }
            input id=(name) type="text" inputmode="decimal" name=(name)
                value=(value.clone().unwrap_or_default()) disabled[needs_login]
                aria-invalid=[refusal(view, name).map(|_| "true")];
            @if needs_login { span.hint { (t!(lang, "market-distance-login")) } }
            (field_error(view, name))
        }
    }
}

fn field_error(view: &MarketView<'_>, field: &str) -> Markup {
    html! {
        @if let Some(message) = refusal(view, field) { span.error { (message) } }
    }
}

fn results(view: &MarketView<'_>, found: &MarketPage) -> Markup {
    let lang = view.viewer.lang;
    html! {
        section.results aria-live="polite" {
            p.found { (t!(lang, "market-found", count = found.total as i64)) }
            @if found.hits.is_empty() {
                p.empty { (t!(lang, "market-empty")) }
            } @else {
                ul.market {
                    @for hit in &found.hits { li { (card::Card { hit, lang }) } }
                }
                (pager(view, found))
            }
        }
    }
}

fn pager(view: &MarketView<'_>, found: &MarketPage) -> Markup {
    let lang = view.viewer.lang;
    let link = |page: usize| {
        if view.query_string.is_empty() {
            format!("/market?pagina={page}")
        } else {
            format!("/market?{}&pagina={page}", view.query_string)
        }
    };
    html! {
        nav.pager aria-label=(t!(lang, "market-pages")) {
            @if found.page > 1 { a rel="prev" href=(link(found.page - 1)) { (t!(lang, "market-previous")) } }
            span { (t!(lang, "common-page-of", page = found.page as i64, pages = found.pages as i64)) }
            @if found.page < found.pages { a rel="next" href=(link(found.page + 1)) { (t!(lang, "market-next")) } }
        }
    }
}
