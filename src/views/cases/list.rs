//! The cases as a table, a page at a time: one row per case, and under a declined one its
//! reason and who declined.

use maud::{Markup, html};

use super::super::matches::sector;
use super::{Chosen, outcome_label};
use crate::i18n::{Lang, date, number};
use crate::outcomes::case::{Case, CaseOutcome, CaseParty, DeclinedBy};
use crate::t;

/// Columns of the table, for a declined case's reason row.
const COLUMNS: usize = 7;

/// The table of this page's cases; each links to its exchange (whose page coordinators and
/// administrators may see).
pub fn table(lang: Lang, cases: &[&Case]) -> Markup {
    html! {
        table.cases {
            thead {
                tr {
                    th scope="col" { (t!(lang, "cases-col-closed")) }
                    th scope="col" { (t!(lang, "cases-col-outcome")) }
                    th scope="col" { (t!(lang, "cases-col-material")) }
                    th scope="col" { (t!(lang, "cases-col-parties")) }
                    th.number scope="col" { (t!(lang, "cases-col-distance")) }
                    th.number scope="col" { (t!(lang, "cases-col-tonnes")) }
                    th.number scope="col" { (t!(lang, "cases-col-value")) }
                }
            }
            @for case in cases {
                tbody.case {
                    (row(lang, case))
                    @if case.outcome == CaseOutcome::Declined {
                        tr.reason { td colspan=(COLUMNS) { (reason(lang, case)) } }
                    }
                }
            }
        }
    }
}

fn row(lang: Lang, case: &Case) -> Markup {
    let outcome_class = match case.outcome {
        CaseOutcome::Completed => "outcome completed",
        CaseOutcome::Declined => "outcome declined",
    };
    html! {
        tr {
            td {
                (date(lang, case.closed_at.date()))
                br;
                a.context href={ "/exchanges/" (case.exchange_id) } {
                    (t!(lang, "cases-exchange-link", id = case.exchange_id.to_string()))
                }
            }
            td { span class=(outcome_class) { (outcome_label(lang, case.outcome)) } }
            td {
                (super::super::material::material(lang, &case.material))
                @if !case.description.is_empty() {
                    br; span.description { (case.description) }
                }
            }
            td { (party(lang, &case.supplier)) " → " (party(lang, &case.receiver)) }
            td.number { (t!(lang, "cases-km", km = number(lang, case.road_km, 1))) }
            td.number { (t!(lang, "cases-tonnes", tonnes = number(lang, case.tonnes_recorded, 1))) }
            td.number { (t!(lang, "cases-value", amount = number(lang, case.value_eur_per_year, 0))) }
        }
    }
}

/// `Industrie, Weert`.
fn party(lang: Lang, party: &CaseParty) -> String {
    t!(
        lang,
        "cases-party",
        sector = sector(lang, party.nace.as_deref()),
        municipality = party.municipality.as_str()
    )
}

/// `Reden: “te nat” — afgewezen door de afnemer`.
fn reason(lang: Lang, case: &Case) -> Markup {
    let text = match case.decline_reason.as_deref().map(str::trim) {
        Some(reason) if !reason.is_empty() => t!(lang, "cases-reason", reason = reason),
        _ => t!(lang, "cases-reason-none"),
    };
    let by = case.declined_by.map(|by| match by {
        DeclinedBy::Supplier => t!(lang, "cases-declined-by-supplier"),
        DeclinedBy::Receiver => t!(lang, "cases-declined-by-receiver"),
        DeclinedBy::Coordinator => t!(lang, "cases-declined-by-coordinator"),
    });
    html! {
        (text)
        @if let Some(by) = by { span.context { " — " (by) } }
    }
}

/// Previous and next page, keeping the filters.
pub fn pager(lang: Lang, chosen: &Chosen, page: usize, pages: usize) -> Markup {
    if pages <= 1 {
        return html! {};
    }
    let link = |page: usize| format!("/cases{}", chosen.query(page));
    html! {
        nav.pager aria-label=(t!(lang, "cases-pages")) {
            @if page > 1 { a rel="prev" href=(link(page - 1)) { (t!(lang, "cases-previous")) } }
            span { (t!(lang, "common-page-of", page = page as i64, pages = pages as i64)) }
            @if page < pages { a rel="next" href=(link(page + 1)) { (t!(lang, "cases-next")) } }
        }
    }
}
