//! `/dashboard`: a firm's notices (unread first) and its situation at a glance.

use maud::{Markup, Render, html};

use super::layout::{self, Viewer};
use super::notices::{body, link, link_label, stage_label, title};
use crate::app::notices::FirmSummary;
use crate::domain::exchange::ExchangeId;
use crate::i18n::{Lang, date_time};
use crate::storage::notifications::NotificationRecord;
use crate::t;

/// What the dashboard shows.
pub struct DashboardView<'a> {
    pub viewer: Viewer,
    /// The session's CSRF token, for the "read" forms.
    pub csrf: &'a str,
    /// Newest unread first, then read ones.
    pub notices: &'a [NotificationRecord],
    pub unread: u64,
    /// The firm in numbers; `None` for an account without a firm.
    pub firm: Option<&'a FirmSummary>,
    /// Exchanges with unread messages, and how many.
    pub unread_messages: &'a [(ExchangeId, u64)],
}

/// The dashboard page.
pub fn page(view: &DashboardView<'_>) -> Markup {
    let lang = view.viewer.lang;
    layout::page(
        &t!(lang, "notifications-title"),
        &view.viewer,
        html! {
            @match view.firm {
                None => {
                    h1 { (t!(lang, "notifications-title")) }
                    p.empty { (t!(lang, "notifications-no-firm")) }
                }
                Some(firm) => {
                    h1 { (t!(lang, "notifications-heading", firm = &firm.name)) }
                    (UnreadMessages { unread: view.unread_messages, lang })
                    (Notices { view })
                    (Summary { firm, lang })
                }
            }
        },
    )
}

/// The exchanges with messages the firm has not read, each linking to its thread.
struct UnreadMessages<'a> {
    unread: &'a [(ExchangeId, u64)],
    lang: Lang,
}

impl Render for UnreadMessages<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        html! {
            @if !self.unread.is_empty() {
                section.unread-messages aria-labelledby="unread-messages" {
                    h2 #unread-messages { (t!(lang, "exchanges-unread-heading")) }
                    ul { @for (id, count) in self.unread {
                        li {
                            a href={ "/exchanges/" (id) "#messages" } {
                                (t!(lang, "exchanges-title", id = id.to_string()))
                            }
                            ": " span.badge { (t!(lang, "exchanges-unread-messages", count = *count as i64)) }
                        }
                    } }
                }
            }
        }
    }
}

struct Notices<'a> {
    view: &'a DashboardView<'a>,
}

impl Render for Notices<'_> {
    fn render(&self) -> Markup {
        let view = self.view;
        let lang = view.viewer.lang;
        html! {
            section.notices aria-labelledby="notices" {
                h2 #notices { (t!(lang, "notifications-notices")) }
                p { (t!(lang, "notifications-unread", count = view.unread as i64)) }
                @if view.unread > 0 {
                    form.inline method="post" action="/dashboard/read" {
                        input type="hidden" name="csrf" value=(view.csrf);
                        button type="submit" { (t!(lang, "notifications-mark-all-read")) }
                    }
                }
                @if view.notices.is_empty() {
                    p.empty { (t!(lang, "notifications-empty")) }
                } @else {
                    ul.notices {
                        @for record in view.notices { (NoticeItem { record, lang, csrf: view.csrf }) }
                    }
                }
            }
        }
    }
}

struct NoticeItem<'a> {
    record: &'a NotificationRecord,
    lang: Lang,
    csrf: &'a str,
}

impl Render for NoticeItem<'_> {
    fn render(&self) -> Markup {
        let (lang, record) = (self.lang, self.record);
        let unread = record.read_at.is_none();
        let open = link_label(lang, &record.notice);
        html! {
            li.notice.unread[unread] {
                strong { (title(lang, &record.notice)) }
                @if unread { " " span.badge { (t!(lang, "notifications-new")) } }
                p { (body(lang, &record.notice)) }
                p.meta {
                    (t!(lang, "notifications-received", at = date_time(lang, record.created_at)))
                    " · " a href=(link(&record.notice)) { (open) }
                    @if unread {
                        form.inline method="post" action="/dashboard/read" {
                            input type="hidden" name="csrf" value=(self.csrf);
                            input type="hidden" name="id" value=(record.id);
                            button.secondary type="submit" { (t!(lang, "notifications-mark-read")) }
                        }
                    }
                }
            }
        }
    }
}

struct Summary<'a> {
    firm: &'a FirmSummary,
    lang: Lang,
}

impl Render for Summary<'_> {
    fn render(&self) -> Markup {
        let (lang, firm) = (self.lang, self.firm);
        html! {
            section.summary aria-labelledby="summary" {
                h2 #summary { (t!(lang, "notifications-summary")) }
                @if firm.offers + firm.needs == 0 {
                    p.empty { (t!(lang, "notifications-no-flows")) }
                } @else {
                    ul.stats {
                        li { (t!(lang, "notifications-offers", count = firm.offers)) }
                        li { (t!(lang, "notifications-needs", count = firm.needs)) }
                    }
                    p {
                        (t!(lang, "notifications-to-confirm", count = firm.to_confirm))
                        @if firm.to_confirm > 0 {
                            " " a href="/offers" { (t!(lang, "notifications-confirm-link")) }
                        }
                    }
                }
                h3 { (t!(lang, "notifications-exchanges")) }
                @if firm.exchanges.is_empty() {
                    p.empty { (t!(lang, "notifications-no-exchanges")) }
                } @else {
                    ul {
                        @for (stage, count) in &firm.exchanges {
                            li { (t!(lang, "notifications-exchanges-in-stage", stage = stage_label(lang, stage.as_str()), count = *count)) }
                        }
                    }
                }
                nav.filter {
                    a href="/offers" { (t!(lang, "notifications-link-flows")) }
                    a href="/matches" { (t!(lang, "notifications-link-matches")) }
                    a href="/exchanges" { (t!(lang, "notifications-link-exchanges")) }
                }
            }
        }
    }
}
