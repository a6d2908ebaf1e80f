//! What an upload would add (the preview) and what a confirmed import added: counts by
//! municipality and sector, and the first rows of each kind of record.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;
use maud::{Markup, Render, html};

use super::ProblemTable;
use crate::bulk::{Counts as Tally, FIRST_ROWS, Overview, Refused};
use crate::i18n::{Lang, date_time, number};
use crate::storage::import_previews::FirmPlace;
use crate::t;
use crate::views::coordinator::section_name;
use crate::views::format::{material_label, quantity};
use crate::views::layout::{self, Viewer};

/// What an import adds: counts and first rows of the records read from the files, and where
/// the firms of its flows sit when they are in the database already (not in the files).
pub struct Summary<'a> {
    pub overview: &'a Overview,
    pub places: &'a HashMap<String, FirmPlace>,
}

/// Counts by municipality and by NACE section (`None`: no sector given).
struct Tallies {
    total: Tally,
    by_municipality: BTreeMap<String, Tally>,
    by_section: BTreeMap<Option<char>, Tally>,
}

impl Summary<'_> {
    fn tallies(&self) -> Tallies {
        let mut tallies = Tallies {
            total: Tally::default(),
            by_municipality: BTreeMap::new(),
            by_section: BTreeMap::new(),
        };
        let mut count = |municipality: &str, section: Option<char>, counts: Tally| {
            tallies.total.add(counts);
            tallies
                .by_municipality
                .entry(municipality.to_string())
                .or_default()
                .add(counts);
            tallies.by_section.entry(section).or_default().add(counts);
        };
        for ((municipality, section), counts) in &self.overview.by_place {
            count(municipality, *section, *counts);
        }
        for (firm, counts) in &self.overview.by_outside_firm {
            // Every flow's firm was checked to exist before a summary is made.
            match self.places.get(firm) {
                Some(place) => {
                    let section = place.nace.as_deref().and_then(|n| n.chars().next());
                    count(&place.municipality, section, *counts);
                }
                None => count("?", None, *counts),
            }
        }
        tallies
    }
}

/// A stored upload: what confirming it would add, or why it no longer can.
pub struct PreviewPage<'a> {
    pub viewer: Viewer,
    pub csrf: &'a str,
    pub token: &'a str,
    pub file_names: Vec<&'a str>,
    pub uploaded_at: NaiveDateTime,
    pub outcome: Result<Summary<'a>, &'a Refused>,
}

/// The preview of an upload, with "Confirm import" and "Cancel".
pub fn preview_page(view: &PreviewPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    let files = view.file_names.join(", ");
    let action = |what: &str| format!("/data/{}/{what}", view.token);
    layout::page(
        &t!(lang, "data-preview-title"),
        &view.viewer,
        html! {
            h1 { (t!(lang, "data-preview-heading")) }
            p.lead {
                (t!(lang, "data-preview-files", count = view.file_names.len(), files = files,
                    at = date_time(lang, view.uploaded_at)))
            }
            @match &view.outcome {
                Ok(summary) => {
                    p.status role="status" { (t!(lang, "data-preview-nothing-yet")) }
                    (summary_of(lang, summary))
                }
                Err(refused) => {
                    (ProblemTable { lang, refused, heading: t!(lang, "data-preview-refused") })
                }
            }
            div.data-actions {
                @if view.outcome.is_ok() {
                    form.inline method="post" action=(action("confirm")) {
                        input type="hidden" name="csrf" value=(view.csrf);
                        button type="submit" { (t!(lang, "data-confirm")) }
                    }
                }
                form.inline method="post" action=(action("cancel")) {
                    input type="hidden" name="csrf" value=(view.csrf);
                    button.secondary type="submit" { (t!(lang, "data-cancel")) }
                }
            }
        },
    )
}

/// What a confirmed import added.
pub struct AddedPage<'a> {
    pub viewer: Viewer,
    pub summary: Summary<'a>,
}

/// The result of a confirmed import.
pub fn added_page(view: &AddedPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    let total = view.summary.overview.total;
    layout::page(
        &t!(lang, "data-added-title"),
        &view.viewer,
        html! {
            h1 { (t!(lang, "data-added-heading")) }
            p.status role="status" {
                (t!(lang, "data-added", firms = total.firms, offers = total.offers,
                    needs = total.needs))
                " " a href="/" { (t!(lang, "data-to-overview")) }
                " · " a href="/data" { (t!(lang, "data-to-data")) }
            }
            (summary_of(lang, &view.summary))
        },
    )
}

fn summary_of(lang: Lang, summary: &Summary<'_>) -> Markup {
    let tallies = summary.tallies();
    let overview = summary.overview;
    let count = |n: usize| number(lang, n as f64, 0);
    html! {
        ul.stats {
            li { strong { (count(tallies.total.firms)) } " " (t!(lang, "data-stat-firms")) }
            li { strong { (count(tallies.total.offers)) } " " (t!(lang, "data-stat-offers")) }
            li { strong { (count(tallies.total.needs)) } " " (t!(lang, "data-stat-needs")) }
        }
        @if overview.has_parameters { p.note { (t!(lang, "data-replaces-parameters")) } }
        div.overview-tables {
            section {
                h2 { (t!(lang, "data-by-municipality")) }
                (TallyTable {
                    lang,
                    heading: t!(lang, "data-col-municipality"),
                    rows: tallies.by_municipality.iter().map(|(m, t)| (m.clone(), *t)).collect(),
                    total: tallies.total,
                })
            }
            section {
                h2 { (t!(lang, "data-by-sector")) }
                (TallyTable {
                    lang,
                    heading: t!(lang, "data-col-sector"),
                    rows: tallies.by_section.iter().map(|(s, t)| (section_name(lang, *s), *t)).collect(),
                    total: tallies.total,
                })
            }
        }
        (first_rows(lang, overview))
    }
}

struct TallyTable {
    lang: Lang,
    heading: String,
    rows: Vec<(String, Tally)>,
    total: Tally,
}

impl Render for TallyTable {
    fn render(&self) -> Markup {
        let lang = self.lang;
        let cells = |tally: &Tally| {
            let count = |n: usize| number(lang, n as f64, 0);
            html! { td { (count(tally.firms)) } td { (count(tally.offers)) } td { (count(tally.needs)) } }
        };
        html! {
            table.tally {
                thead { tr {
                    th scope="col" { (self.heading) }
                    th scope="col" { (t!(lang, "data-col-firms")) }
                    th scope="col" { (t!(lang, "data-col-offers")) }
                    th scope="col" { (t!(lang, "data-col-needs")) }
                } }
                tbody {
                    @for (label, tally) in &self.rows { tr { th scope="row" { (label) } (cells(tally)) } }
                }
                tfoot { tr { th scope="row" { (t!(lang, "data-total")) } (cells(&self.total)) } }
            }
        }
    }
}

fn first_rows(lang: Lang, overview: &Overview) -> Markup {
    let total = overview.total;
    html! {
        @if total.firms > 0 {
            (rows_section(lang, t!(lang, "data-first-firms"), total.firms, firm_rows(lang, overview)))
        }
        @if total.offers > 0 {
            (rows_section(lang, t!(lang, "data-first-offers"), total.offers, offer_rows(lang, overview)))
        }
        @if total.needs > 0 {
            (rows_section(lang, t!(lang, "data-first-needs"), total.needs, need_rows(lang, overview)))
        }
    }
}

/// A table of the first rows of one kind, with how many more there are.
fn rows_section(lang: Lang, heading: String, total: usize, table: Markup) -> Markup {
    html! {
        section.first-rows {
            h2 { (heading) }
            (table)
            @if total > FIRST_ROWS {
                p.note { (t!(lang, "data-more-rows", count = total - FIRST_ROWS,
                    shown = number(lang, (total - FIRST_ROWS) as f64, 0))) }
            }
        }
    }
}

fn firm_rows(lang: Lang, overview: &Overview) -> Markup {
    html! {
        table.calls {
            thead { tr {
                th scope="col" { (t!(lang, "data-col-id")) }
                th scope="col" { (t!(lang, "data-col-name")) }
                th scope="col" { (t!(lang, "data-col-municipality")) }
                th scope="col" { (t!(lang, "data-col-sector")) }
                th.number scope="col" { (t!(lang, "data-col-employees")) }
            } }
            tbody {
                @for firm in &overview.first_firms {
                    tr {
                        td { span.code { (firm.id().as_str()) } }
                        td { (firm.name()) }
                        td { (firm.municipality()) }
                        td { (section_name(lang, firm.nace().map(|n| n.section()))) }
                        td.number { (number(lang, f64::from(firm.employees()), 0)) }
                    }
                }
            }
        }
    }
}

fn offer_rows(lang: Lang, overview: &Overview) -> Markup {
    html! {
        table.calls {
            thead { tr {
                th scope="col" { (t!(lang, "data-col-id")) }
                th scope="col" { (t!(lang, "data-col-company")) }
                th scope="col" { (t!(lang, "data-col-material")) }
                th.number scope="col" { (t!(lang, "data-col-quantity")) }
                th scope="col" { (t!(lang, "data-col-visibility")) }
            } }
            tbody {
                @for offer in &overview.first_offers {
                    tr {
                        td { span.code { (offer.id().as_str()) } }
                        td { span.code { (offer.firm().as_str()) } }
                        td.material {
                            span.code { (offer.material().code()) } " " (material_label(lang, &offer.material()))
                            @if !offer.description().is_empty() { br; span.description { (offer.description()) } }
                            (crate::views::descriptors::offer_summary(lang, offer))
                        }
                        td.number { (quantity(lang, offer.quantity())) }
                        td { (t!(lang, "data-visibility", level = offer.confidentiality().as_str())) }
                    }
                }
            }
        }
    }
}

fn need_rows(lang: Lang, overview: &Overview) -> Markup {
    html! {
        table.calls {
            thead { tr {
                th scope="col" { (t!(lang, "data-col-id")) }
                th scope="col" { (t!(lang, "data-col-company")) }
                th scope="col" { (t!(lang, "data-col-accepts")) }
                th.number scope="col" { (t!(lang, "data-col-quantity")) }
                th.number scope="col" { (t!(lang, "data-col-distance")) }
                th scope="col" { (t!(lang, "data-col-visibility")) }
            } }
            tbody {
                @for need in &overview.first_needs {
                    tr {
                        td { span.code { (need.id().as_str()) } }
                        td { span.code { (need.firm().as_str()) } }
                        td.material {
                            @for (i, accepted) in need.accepts().iter().enumerate() {
                                @if i > 0 { " " }
                                span.code { (accepted.to_code()) }
                            }
                            @if !need.description().is_empty() { br; span.description { (need.description()) } }
                            (crate::views::descriptors::need_summary(lang, need))
                        }
                        td.number { (quantity(lang, need.quantity())) }
                        td.number { (t!(lang, "data-up-to-km", km = number(lang, need.max_distance_km(), 0))) }
                        td { (t!(lang, "data-visibility", level = need.confidentiality().as_str())) }
                    }
                }
            }
        }
    }
}
