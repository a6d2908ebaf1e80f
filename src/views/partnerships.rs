//! `/partnerships`: for a coordinator, the region's partnerships and the suggested clusters
//! of small firms, each with the form that starts a partnership; for a firm, the
//! partnerships it is invited to or takes part in. One partnership's page is in [`page`],
//! a suggested cluster in [`clusters`].

mod clusters;
mod page;

use std::collections::HashMap;

use maud::{Markup, html};

pub use clusters::{ClusterFirm, StartForm, SuggestedCluster, default_name, reason_text};
pub use page::{ActivityForm, InviteForm, PartnershipPage, partnership_page};

use crate::domain::partnership::{Kind, MemberState};
use crate::i18n::{Lang, date};
use crate::storage::partnerships::PartnershipSummary;
use crate::t;
use crate::views::layout::{self, Viewer};

/// The name of a kind of partnership (`Gezamenlijke inkoop`).
pub fn kind_label(lang: Lang, kind: Kind) -> String {
    t!(lang, "partnerships-kind", kind = kind.as_str())
}

/// Where a firm stands (`Doet mee`).
pub fn state_label(lang: Lang, state: MemberState) -> String {
    t!(lang, "partnerships-state", state = state.as_str())
}

/// Field errors of a form, by field name, already in the reader's language.
pub type FieldErrors = HashMap<&'static str, String>;

/// The session's CSRF token, for the page's forms.
fn csrf(viewer: &Viewer) -> &str {
    viewer.user.as_ref().map_or("", |u| u.csrf.as_str())
}

/// A field's error under it, when it has one.
fn field_error(errors: &FieldErrors, id: &str, field: &str) -> Markup {
    html! {
        @if let Some(message) = errors.get(field) {
            p.field-error id={ (id) "-error" } role="alert" { (message) }
        }
    }
}

/// What a coordinator's `/partnerships` shows.
pub struct CoordinatorList<'a> {
    pub viewer: Viewer,
    pub partnerships: &'a [PartnershipSummary],
    /// The suggested clusters of this page.
    pub clusters: &'a [SuggestedCluster],
    /// How many clusters are suggested in all.
    pub total_clusters: usize,
    pub page: usize,
    pub pages: usize,
    /// A refusal that concerns no single field (a cluster that changed meanwhile).
    pub message: Option<String>,
    /// The start form as posted, with its errors, when it was refused.
    pub form: Option<&'a StartForm>,
}

/// A coordinator's `/partnerships`.
pub fn coordinator_list(view: &CoordinatorList<'_>) -> Markup {
    let lang = view.viewer.lang;
    layout::page(
        &t!(lang, "partnerships-title"),
        &view.viewer,
        html! {
            h1 { (t!(lang, "partnerships-title")) }
            p.lead { (t!(lang, "partnerships-lead")) }
            @if let Some(message) = &view.message {
                p.error role="alert" { (message) }
            }
            @if let Some(form) = view.form {
                p.error role="alert" {
                    (t!(lang, "partnerships-start-refused", number = form.number)) " "
                    a href={ "#cluster-" (form.number) } { (t!(lang, "partnerships-to-form")) }
                }
            }
            section.partnerships aria-labelledby="running" {
                h2 #running { (t!(lang, "partnerships-running", count = view.partnerships.len())) }
                @if view.partnerships.is_empty() {
                    p.empty { (t!(lang, "partnerships-none-yet")) }
                } @else {
                    (summary_table(lang, view.partnerships))
                }
            }
            (clusters::section(view))
        },
    )
}

fn summary_table(lang: Lang, partnerships: &[PartnershipSummary]) -> Markup {
    html! {
        table.partnerships {
            thead { tr {
                th { (t!(lang, "partnerships-column-name")) }
                th { (t!(lang, "partnerships-column-kind")) }
                th.number { (t!(lang, "partnerships-column-accepted")) }
                th.number { (t!(lang, "partnerships-column-invited")) }
                th.number { (t!(lang, "partnerships-column-declined")) }
                th { (t!(lang, "partnerships-column-started")) }
            } }
            tbody { @for p in partnerships {
                tr {
                    td { a href={ "/partnerships/" (p.id) } { (p.name) } }
                    td { (kind_label(lang, p.kind)) }
                    td.number { (p.accepted) }
                    td.number { (p.invited) }
                    td.number { (p.declined) }
                    td { (date(lang, p.created_at.date())) }
                }
            } }
        }
    }
}

/// What a firm's `/partnerships` shows.
pub struct FirmList<'a> {
    pub viewer: Viewer,
    /// The partnerships the firm is invited to or takes part in, with its own state.
    pub partnerships: &'a [(PartnershipSummary, MemberState)],
    /// The firm just declined an invitation.
    pub declined: bool,
}

/// A firm's `/partnerships`: its invitations and partnerships, nothing else.
pub fn firm_list(view: &FirmList<'_>) -> Markup {
    let lang = view.viewer.lang;
    layout::page(
        &t!(lang, "partnerships-title"),
        &view.viewer,
        html! {
            h1 { (t!(lang, "partnerships-title")) }
            p.lead { (t!(lang, "partnerships-firm-lead")) }
            @if view.declined {
                p.status role="status" { (t!(lang, "partnerships-declined-done")) }
            }
            @if view.partnerships.is_empty() {
                p.empty { (t!(lang, "partnerships-firm-none")) }
            } @else {
                ul.partnership-list {
                    @for (p, state) in view.partnerships {
                        li {
                            a href={ "/partnerships/" (p.id) } { (p.name) }
                            " · " (kind_label(lang, p.kind))
                            " " span.badge.state.(state.as_str()) { (state_label(lang, *state)) }
                            br;
                            span.context {
                                (t!(lang, "partnerships-firm-members", count = p.accepted))
                                " · " (t!(lang, "partnerships-started", day = date(lang, p.created_at.date())))
                            }
                        }
                    }
                }
            }
        },
    )
}
