//! The suggested clusters on a coordinator's `/partnerships`: each cluster's firms, the
//! matcher's reason in the reader's language, and the form that starts a partnership.

use std::collections::BTreeMap;

use maud::{Markup, Render, html};

use super::{CoordinatorList, FieldErrors, csrf, field_error, kind_label};
pub use crate::app::partnerships::{ClusterFirm, SuggestedCluster};
use crate::domain::Material;
use crate::domain::nace_search;
use crate::domain::partnership::{Kind, PartnershipName};
use crate::i18n::{Lang, number};
use crate::t;
use crate::views::format::material_label;

/// The start form as posted, when it was refused.
pub struct StartForm {
    /// The number of the cluster it was posted for.
    pub number: usize,
    pub kind: String,
    pub name: String,
    pub errors: FieldErrors,
}

/// Codes named in a reason before "and 2 more".
const MATERIALS_SHOWN: usize = 3;

/// Why the firms belong together, in the reader's language: who and how close, then what
/// they share.
pub fn reason_text(lang: Lang, cluster: &SuggestedCluster) -> String {
    let km = number(lang, cluster.spread_km, 1);
    let count = cluster.firms.len();
    let who = match &cluster.sector {
        Some(code) => t!(
            lang,
            "partnerships-reason-who-sector",
            count = count,
            sector = sector_name(lang, code),
            km = km
        ),
        None => t!(lang, "partnerships-reason-who", count = count, km = km),
    };
    let why = t!(
        lang,
        "partnerships-reason-why",
        kind = cluster.kind.as_str(),
        materials = materials_text(lang, &cluster.materials)
    );
    format!("{who} {why}")
}

/// `C25 „Vervaardiging van producten van metaal”`, or the bare code when it is unknown.
fn sector_name(lang: Lang, code: &str) -> String {
    match nace_search::names(code) {
        Some((dutch, english)) => {
            let name = if lang == Lang::English {
                english
            } else {
                dutch
            };
            t!(lang, "partnerships-sector-named", code = code, name = name)
        }
        None => code.to_string(),
    }
}

/// Up to three materials with their names, and how many more.
fn materials_text(lang: Lang, codes: &[String]) -> String {
    let mut named: Vec<String> = codes
        .iter()
        .take(MATERIALS_SHOWN)
        .map(|code| match Material::parse(code) {
            Ok(material) => format!("{code} ({})", material_label(lang, &material)),
            Err(_) => code.clone(),
        })
        .collect();
    if codes.len() > MATERIALS_SHOWN {
        named.push(t!(
            lang,
            "partnerships-reason-more",
            count = codes.len() - MATERIALS_SHOWN
        ));
    }
    named.join(", ")
}

/// A name to start from: the kind and the municipality most of the firms are in.
pub fn default_name(lang: Lang, cluster: &SuggestedCluster) -> String {
    let mut places: BTreeMap<&str, usize> = BTreeMap::new();
    for firm in &cluster.firms {
        *places.entry(firm.municipality.as_str()).or_default() += 1;
    }
    // The most firms wins; between equals the first in alphabetical order.
    let place = places
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map_or("", |(place, _)| *place);
    t!(
        lang,
        "partnerships-default-name",
        kind = kind_label(lang, cluster.kind),
        place = place
    )
}

/// The suggested clusters of one page, with the pager.
pub(super) fn section(view: &CoordinatorList<'_>) -> Markup {
    let lang = view.viewer.lang;
    html! {
        section.clusters aria-labelledby="clusters" {
            h2 #clusters { (t!(lang, "partnerships-clusters", count = view.total_clusters)) }
            p.context { (t!(lang, "partnerships-clusters-lead")) }
            @if view.clusters.is_empty() {
                p.empty { (t!(lang, "partnerships-clusters-none")) }
            }
            @for cluster in view.clusters {
                (ClusterCard { view, cluster })
            }
            @if view.pages > 1 {
                nav.pager aria-label=(t!(lang, "partnerships-cluster-pages")) {
                    @if view.page > 1 {
                        a rel="prev" href={ "/partnerships?pagina=" (view.page - 1) "#clusters" } { (t!(lang, "partnerships-previous")) }
                    }
                    span { (t!(lang, "common-page-of", page = view.page, pages = view.pages)) }
                    @if view.page < view.pages {
                        a rel="next" href={ "/partnerships?pagina=" (view.page + 1) "#clusters" } { (t!(lang, "partnerships-next")) }
                    }
                }
            }
        }
    }
}

struct ClusterCard<'a> {
    view: &'a CoordinatorList<'a>,
    cluster: &'a SuggestedCluster,
}

impl Render for ClusterCard<'_> {
    fn render(&self) -> Markup {
        let lang = self.view.viewer.lang;
        let cluster = self.cluster;
        html! {
            article.cluster id={ "cluster-" (cluster.number) } {
                h3 {
                    (t!(lang, "partnerships-cluster-heading", number = cluster.number, count = cluster.firms.len()))
                    " " span.badge { (kind_label(lang, cluster.kind)) }
                }
                p.reason { (reason_text(lang, cluster)) }
                table.cluster-firms {
                    thead { tr {
                        th { (t!(lang, "partnerships-column-firm")) }
                        th { (t!(lang, "partnerships-column-sector")) }
                        th { (t!(lang, "partnerships-column-municipality")) }
                        th.number { (t!(lang, "partnerships-column-employees")) }
                    } }
                    tbody { @for firm in &cluster.firms {
                        tr {
                            td { (firm.name) }
                            td { (sector_cell(lang, firm.nace.as_deref())) }
                            td { (firm.municipality) }
                            td.number { (firm.employees) }
                        }
                    } }
                }
                @if !cluster.started.is_empty() {
                    p.context {
                        (t!(lang, "partnerships-cluster-started")) " "
                        @for (i, (id, name)) in cluster.started.iter().enumerate() {
                            @if i > 0 { ", " }
                            a href={ "/partnerships/" (id) } { (name) }
                        }
                    }
                }
                (self.start_form())
            }
        }
    }
}

impl ClusterCard<'_> {
    /// Kind and name, prefilled from the suggestion or kept as posted.
    fn start_form(&self) -> Markup {
        let lang = self.view.viewer.lang;
        let cluster = self.cluster;
        let posted = self.view.form.filter(|f| f.number == cluster.number);
        let kind = posted.map_or(cluster.kind.as_str(), |f| f.kind.as_str());
        let name = posted.map_or_else(|| default_name(lang, cluster), |f| f.name.clone());
        let no_errors = FieldErrors::new();
        let errors = posted.map_or(&no_errors, |f| &f.errors);
        let id = |field: &str| format!("{field}-{}", cluster.number);
        html! {
            form.start-partnership method="post" action="/partnerships" {
                input type="hidden" name="csrf" value=(csrf(&self.view.viewer));
                @for firm in &cluster.firms {
                    input type="hidden" name="firm" value=(firm.key);
                }
                div.field {
                    label for=(id("kind")) { (t!(lang, "partnerships-field-kind")) }
                    select id=(id("kind")) name="kind" aria-invalid=[errors.get("kind").map(|_| "true")]
                        autofocus[errors.contains_key("kind")] {
                        @for option in Kind::ALL {
                            option value=(option.as_str()) selected[option.as_str() == kind] { (kind_label(lang, option)) }
                        }
                    }
                    (field_error(errors, &id("kind"), "kind"))
                }
                div.field.name {
                    label for=(id("name")) { (t!(lang, "partnerships-field-name")) }
                    input id=(id("name")) name="name" value=(name) maxlength=(PartnershipName::MAX)
                        aria-invalid=[errors.get("name").map(|_| "true")]
                        autofocus[errors.contains_key("name") && !errors.contains_key("kind")]
                        aria-describedby=[errors.get("name").map(|_| format!("{}-error", id("name")))];
                    (field_error(errors, &id("name"), "name"))
                }
                button type="submit" { (t!(lang, "partnerships-start")) }
            }
        }
    }
}

/// `C25` with the sector's name, or a dash for a firm without a sector.
pub(super) fn sector_cell(lang: Lang, nace: Option<&str>) -> Markup {
    match nace {
        None => html! { span.none { "—" } },
        Some(code) => {
            let name = nace_search::names(code).map(|(dutch, english)| {
                if lang == Lang::English {
                    english
                } else {
                    dutch
                }
            });
            html! {
                span.code { (code) }
                @if let Some(name) = name { " " span.sector-name { (name) } }
            }
        }
    }
}
