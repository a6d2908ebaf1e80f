//! Exchanges: the list and one exchange with its steps, history and tonnes.

use maud::{Markup, html};

use super::format::number_nl;
use super::layout::{self, Viewer};
use crate::domain::exchange::Stage;
use crate::storage::exchanges::ExchangeRecord;

/// Dutch name of a stage.
pub fn stage_nl(stage: &str) -> &'static str {
    match Stage::parse(stage) {
        Some(Stage::Proposed) => "voorgesteld",
        Some(Stage::Interested) => "interesse van één kant",
        Some(Stage::Introduced) => "voorgesteld aan elkaar",
        Some(Stage::Negotiating) => "in onderhandeling",
        Some(Stage::Agreed) => "akkoord",
        Some(Stage::Running) => "loopt",
        Some(Stage::Completed) => "afgerond",
        Some(Stage::Declined) => "afgewezen",
        None => "onbekend",
    }
}

/// `/exchanges`.
pub fn list_page(viewer: &Viewer, exchanges: &[(i64, String, String, String)]) -> Markup {
    layout::page(
        "Mijn uitwisselingen",
        viewer,
        html! {
            h1 { "Mijn uitwisselingen" }
            @if exchanges.is_empty() { p.none { "Nog geen uitwisselingen. Toon interesse bij een " a href="/matches" { "match" } "." } }
            ul { @for (id, stage, offer, need) in exchanges {
                li { a href={ "/exchanges/" (id) } { "Uitwisseling " (id) } " — " (stage_nl(stage)) " (" (offer) " → " (need) ")" }
            } }
        },
    )
}

/// What the viewer of one exchange may see and do.
pub struct ExchangeView<'a> {
    pub record: &'a ExchangeRecord,
    pub csrf: &'a str,
    /// `(firm name, e-mail addresses)` of the other side, once both said interested.
    pub counterpart: Option<(String, Vec<String>)>,
    /// Steps this viewer may take now: `(form value, Dutch label)`.
    pub steps: Vec<(&'static str, &'static str)>,
    pub can_decline: bool,
    pub can_record_tonnes: bool,
    pub message: Option<String>,
}

/// `/exchanges/{id}`.
pub fn exchange_page(viewer: &Viewer, view: &ExchangeView<'_>) -> Markup {
    let record = view.record;
    layout::page(
        "Uitwisseling",
        viewer,
        html! {
            h1 { "Uitwisseling " (record.id) }
            @if let Some(message) = &view.message { p.error role="alert" { (message) } }
            p { "Stand: " strong { (stage_nl(record.status.stage.as_str())) } }
            @if let Some(reason) = &record.decline_reason { p { "Reden van afwijzing: " (reason) } }
            p { "Reststroom " span.code { (record.offer_key) } " → vraag " span.code { (record.need_key) } }
            @match &view.counterpart {
                Some((name, emails)) => p.contact { "Contact: " strong { (name) } " — " (emails.join(", ")) }
                None => p { "De andere partij blijft anoniem tot u beiden interesse hebt getoond." }
            }
            @if !view.steps.is_empty() {
                div.steps { @for (step, label) in &view.steps {
                    form.inline method="post" action={ "/exchanges/" (record.id) "/step" } {
                        input type="hidden" name="csrf" value=(view.csrf);
                        input type="hidden" name="step" value=(step);
                        button type="submit" { (label) }
                    }
                } }
            }
            @if view.can_decline {
                form.stack method="post" action={ "/exchanges/" (record.id) "/step" } {
                    input type="hidden" name="csrf" value=(view.csrf);
                    input type="hidden" name="step" value="decline";
                    div.field { label for="reason" { "Niet voor ons — waarom?" } input id="reason" name="reason" type="text"; }
                    button type="submit" { "Afwijzen" }
                }
            }
            @if view.can_record_tonnes {
                form.stack method="post" action={ "/exchanges/" (record.id) "/tonnes" } {
                    input type="hidden" name="csrf" value=(view.csrf);
                    div.field { label for="period" { "Maand (JJJJ-MM)" } input id="period" name="period" type="text"; }
                    div.field { label for="tonnes" { "Werkelijk verplaatste ton" } input id="tonnes" name="tonnes" type="number" step="any"; }
                    button type="submit" { "Tonnen vastleggen" }
                }
            }
            @if !record.tonnes.is_empty() {
                h2 { "Verplaatste tonnen" }
                table { thead { tr { th { "Maand" } th { "Ton" } } } tbody { @for (period, tonnes) in &record.tonnes { tr { td { (period) } td { (number_nl(*tonnes, 1)) } } } } }
            }
            h2 { "Geschiedenis" }
            ol.history { @for event in &record.events {
                li { (event.at.format("%Y-%m-%d %H:%M")) " — " (stage_nl(&event.from)) " → " (stage_nl(&event.to)) @if !event.note.is_empty() { " — " (event.note) } }
            } }
        },
    )
}
