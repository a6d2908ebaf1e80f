//! Exchanges: the list and one exchange with its parties, steps, history and tonnes.

pub mod coordinator_list;
mod labels;
mod messages;

use std::collections::{BTreeMap, HashMap};

use maud::{Markup, Render, html};

pub use labels::{form_value, refusal, stage_name, step, step_of_form};

use super::layout::{self, Viewer};
use super::matches::sector_in;
use super::material::snippet;
use crate::app::exchanges::disclosure::{DisclosedParty, PartyShown, StepAuthor};
use crate::domain::Material;
use crate::domain::exchange::{ExchangeId, Side, StepKind};
use crate::i18n::{Lang, date_time, number};
use crate::storage::exchanges::messages::MessageRecord;
use crate::storage::exchanges::{EventRecord, ExchangeRecord, ListedExchange};
use crate::t;

/// `/exchanges`: the exchanges the viewer follows, newest first, with the firm's unread
/// messages per exchange.
pub fn list_page(
    viewer: &Viewer,
    exchanges: &[ListedExchange],
    unread: &HashMap<ExchangeId, u64>,
) -> Markup {
    let lang = viewer.lang;
    layout::page(
        &t!(lang, "exchanges-list-title"),
        viewer,
        html! {
            h1 { (t!(lang, "exchanges-list-title")) }
            @if exchanges.is_empty() {
                p.none { (t!(lang, "exchanges-list-empty")) " " a href="/matches" { (t!(lang, "exchanges-to-matches")) } }
            }
            ul { @for listed in exchanges {
                li {
                    a href={ "/exchanges/" (listed.id) } { (t!(lang, "exchanges-title", id = listed.id.to_string())) }
                    " — " (stage_name(lang, listed.stage)) " ("
                    @if let Ok(material) = Material::parse(&listed.material) {
                        (super::material::material(lang, &material)) ": "
                    }
                    (snippet(&listed.offer_description)) " → " (snippet(&listed.need_description)) ")"
                    @if let Some(count) = unread.get(&listed.id) {
                        " " a.badge href={ "/exchanges/" (listed.id) "#messages" } {
                            (t!(lang, "exchanges-unread-messages", count = *count as i64))
                        }
                    }
                }
            } }
        },
    )
}

/// A recorded step and who took it.
pub struct HistoryLine<'a> {
    pub event: &'a EventRecord,
    pub by: StepAuthor,
}

/// The values and field errors of the forms of an exchange page after a refused submit.
#[derive(Default)]
pub struct FormState {
    pub values: HashMap<String, String>,
    /// Field name → message, shown next to the field.
    pub errors: BTreeMap<&'static str, String>,
}

/// What the viewer of one exchange may see and do.
pub struct ExchangeView<'a> {
    pub record: &'a ExchangeRecord,
    pub csrf: &'a str,
    /// The other side for a firm; both sides for a coordinator.
    pub parties: Vec<DisclosedParty>,
    pub history: Vec<HistoryLine<'a>>,
    /// Steps this viewer may take now.
    pub steps: Vec<StepKind>,
    pub can_decline: bool,
    pub can_record_tonnes: bool,
    /// Why the last step was refused.
    pub message: Option<String>,
    pub form: FormState,
    /// The messages, oldest first; `None` while messaging has not opened.
    pub thread: Option<Vec<MessageRecord>>,
    /// Whether the viewer may write a message now.
    pub can_write: bool,
}

/// `/exchanges/{id}`.
pub fn exchange_page(viewer: &Viewer, view: &ExchangeView<'_>) -> Markup {
    let lang = viewer.lang;
    let record = view.record;
    let title = t!(lang, "exchanges-title", id = record.id.to_string());
    layout::page(
        &title,
        viewer,
        html! {
            h1 { (title) }
            @if let Some(message) = &view.message { p.error role="alert" { (message) } }
            p { (t!(lang, "exchanges-stage")) " " strong { (stage_name(lang, record.status.stage)) } }
            @if let Some(waiting) = record.status.waiting_for() {
                p.waiting { (t!(lang, "exchanges-waiting-for", firm = waiting_name(lang, &view.parties, waiting))) }
            }
            @if let Some(reason) = &record.decline_reason {
                p { (t!(lang, "exchanges-decline-reason", reason = reason)) }
            }
            p {
                @if let Ok(material) = Material::parse(&record.material) {
                    (super::material::material(lang, &material)) br;
                }
                (t!(lang, "exchanges-offer")) " " q { (snippet(&record.offer_description)) }
                " → " (t!(lang, "exchanges-need")) " " q { (snippet(&record.need_description)) }
            }
            @for party in &view.parties { (Party { party, lang }) }
            (Steps { view, lang })
            (Tonnes { view, lang })
            (messages::Messages { view, lang })
            h2 { (t!(lang, "exchanges-history")) }
            ol.history { @for line in &view.history { (History { line, lang }) } }
        },
    )
}

/// The firm a step waits for, as far as the viewer may see its name: the viewer's own firm
/// is not among the parties shown to it; a party whose name is hidden is "the other firm".
fn waiting_name(lang: Lang, parties: &[DisclosedParty], waiting: Side) -> String {
    match parties.iter().find(|party| party.side == waiting) {
        None => t!(lang, "exchanges-waiting-your-firm"),
        Some(party) => match &party.shown {
            PartyShown::Named { name, .. } | PartyShown::Contact { name, .. } => name.clone(),
            PartyShown::Hidden | PartyShown::Anonymous { .. } => {
                t!(lang, "exchanges-waiting-other-firm")
            }
        },
    }
}

struct Party<'a> {
    party: &'a DisclosedParty,
    lang: Lang,
}

impl Render for Party<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        let side = labels::side(lang, self.party.side);
        html! {
            @match &self.party.shown {
                PartyShown::Hidden => p.party { (t!(lang, "exchanges-party-hidden")) }
                PartyShown::Anonymous { nace, municipality } => p.party {
                    strong { (side) ": " } (sector_in(lang, nace.as_deref(), municipality))
                    " — " (t!(lang, "exchanges-contact-later"))
                }
                PartyShown::Named { name, nace, municipality } => p.party {
                    strong { (side) ": " } (name) " (" (sector_in(lang, nace.as_deref(), municipality)) ")"
                    " — " (t!(lang, "exchanges-contact-later"))
                }
                PartyShown::Contact { name, emails } => p.contact {
                    strong { (side) ": " } (name) " — " (emails.join(", "))
                }
            }
        }
    }
}

/// A field's error, next to it.
fn field_error(form: &FormState, field: &str) -> Markup {
    html! {
        @if let Some(message) = form.errors.get(field) {
            p.field-error id={ (field) "-error" } role="alert" { (message) }
        }
    }
}

/// A text field of a stacked form, keeping what was entered and saying what was wrong.
fn text_field(form: &FormState, name: &str, label: &str, kind: &str) -> Markup {
    let invalid = form.errors.contains_key(name);
    html! {
        div.field {
            label for=(name) { (label) }
            // A decimal is a text field: a number field drops or misreads `2,25` depending on
            // the browser's language; the server reads either separator (`read_number`).
            input id=(name) name=(name) type=(if kind == "decimal" { "text" } else { kind })
                inputmode=[(kind == "decimal").then_some("decimal")]
                value=(form.values.get(name).map_or("", String::as_str))
                aria-invalid=[invalid.then_some("true")]
                aria-describedby=[invalid.then(|| format!("{name}-error"))];
            (field_error(form, name))
        }
    }
}

struct Steps<'a> {
    view: &'a ExchangeView<'a>,
    lang: Lang,
}

impl Render for Steps<'_> {
    fn render(&self) -> Markup {
        let (view, lang) = (self.view, self.lang);
        let action = format!("/exchanges/{}/step", view.record.id);
        html! {
            @if !view.steps.is_empty() {
                div.steps { @for kind in &view.steps {
                    form.inline method="post" action=(action) {
                        input type="hidden" name="csrf" value=(view.csrf);
                        input type="hidden" name="step" value=(form_value(*kind));
                        button type="submit" { (step(lang, *kind)) }
                    }
                } }
            }
            @if view.can_decline {
                form.stack method="post" action=(action) {
                    input type="hidden" name="csrf" value=(view.csrf);
                    input type="hidden" name="step" value=(form_value(StepKind::Decline));
                    (text_field(&view.form, "reason", &t!(lang, "exchanges-decline-label"), "text"))
                    button type="submit" { (step(lang, StepKind::Decline)) }
                }
            }
        }
    }
}

struct Tonnes<'a> {
    view: &'a ExchangeView<'a>,
    lang: Lang,
}

impl Render for Tonnes<'_> {
    fn render(&self) -> Markup {
        let (view, lang) = (self.view, self.lang);
        html! {
            @if view.can_record_tonnes {
                form.stack method="post" action={ "/exchanges/" (view.record.id) "/tonnes" } {
                    input type="hidden" name="csrf" value=(view.csrf);
                    (text_field(&view.form, "period", &t!(lang, "exchanges-period-label"), "text"))
                    (text_field(&view.form, "tonnes", &t!(lang, "exchanges-tonnes-label"), "decimal"))
                    button type="submit" { (t!(lang, "exchanges-tonnes-record")) }
                }
            }
            @if !view.record.tonnes.is_empty() {
                h2 { (t!(lang, "exchanges-tonnes-heading")) }
                table {
                    thead { tr { th { (t!(lang, "exchanges-month")) } th { (t!(lang, "exchanges-tonnes")) } } }
                    tbody { @for (month, tonnes) in &view.record.tonnes {
                        tr { td { (month) } td { (number(lang, *tonnes, 3)) } }
                    } }
                }
            }
        }
    }
}

struct History<'a> {
    line: &'a HistoryLine<'a>,
    lang: Lang,
}

impl Render for History<'_> {
    fn render(&self) -> Markup {
        let (event, lang) = (self.line.event, self.lang);
        let by = match &self.line.by {
            StepAuthor::Colleague(email) => email.clone(),
            StepAuthor::Firm(name) => name.clone(),
            StepAuthor::OtherParty => t!(lang, "exchanges-by-other-party"),
            StepAuthor::Coordinator => t!(lang, "exchanges-by-coordinator"),
            StepAuthor::Unknown => t!(lang, "exchanges-by-unknown"),
        };
        html! {
            li {
                (date_time(lang, event.at)) " — " span.by { (by) } ": "
                (known_stage(lang, event.from)) " → " (known_stage(lang, event.to))
                @if !event.note.is_empty() { " — " (event.note) }
            }
        }
    }
}

/// The name of a recorded stage, or "unknown" for one no longer known.
fn known_stage(lang: Lang, recorded: Option<crate::domain::exchange::Stage>) -> String {
    match recorded {
        Some(stage) => stage_name(lang, stage),
        None => t!(lang, "exchanges-stage-unknown"),
    }
}
