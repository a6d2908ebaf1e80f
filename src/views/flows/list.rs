//! `/offers` and `/needs`: what the firm offers and needs, with a button for each change.

use chrono::NaiveDate;
use maud::{Markup, Render, html};

use crate::domain::staleness::{Freshness, freshness};
use crate::domain::{Need, Offer};
use crate::i18n::{Lang, number};
use crate::storage::FirmWithFlows;
use crate::storage::flows::PausedFlows;
use crate::t;
use crate::views::format::quantity;
use crate::views::layout::{self, Viewer};

/// `/offers` and `/needs` together: the firm's offers and needs.
pub fn flows_page(
    viewer: &Viewer,
    csrf: &str,
    firm: &FirmWithFlows,
    paused: &PausedFlows,
    today: NaiveDate,
) -> Markup {
    let lang = viewer.lang;
    layout::page(
        &t!(lang, "flows-title"),
        viewer,
        html! {
            h1 { (t!(lang, "flows-title")) }
            h2 { (t!(lang, "flows-offers-heading")) }
            p { a href="/offers/new" { (t!(lang, "flows-new-offer-link")) } }
            @if firm.offers.is_empty() { p.none { (t!(lang, "flows-no-offers")) } }
            ul.flow-list { @for offer in &firm.offers {
                li { (offer_line(lang, offer)) (FlowActions {
                    lang, csrf, kind: "offers", id: offer.id().as_str(),
                    paused: paused.offer(offer.id().as_str()),
                    freshness: freshness(offer.regularity(), offer.last_confirmed(), today),
                }) }
            } }
            h2 { (t!(lang, "flows-needs-heading")) }
            p { a href="/needs/new" { (t!(lang, "flows-new-need-link")) } }
            @if firm.needs.is_empty() { p.none { (t!(lang, "flows-no-needs")) } }
            ul.flow-list { @for need in &firm.needs {
                li { (need_line(lang, need)) (FlowActions {
                    lang, csrf, kind: "needs", id: need.id().as_str(),
                    paused: paused.need(need.id().as_str()),
                    freshness: freshness(need.regularity(), need.last_confirmed(), today),
                }) }
            } }
        },
    )
}

fn offer_line(lang: Lang, offer: &Offer) -> Markup {
    html! {
        (crate::views::material::material(lang, &offer.material()))
        " — " (quantity(lang, offer.quantity()))
        @if !offer.description().is_empty() { br; span.description { (offer.description()) } }
        (crate::views::descriptors::offer_summary(lang, offer))
        br;
        span.availability {
            (t!(lang, "market-listing-available")) ": "
            (crate::views::market::listing::availability(lang, offer.available_from(), offer.available_until()))
        }
        (terms(&t!(lang, "market-listing-pickup-terms"), offer.pickup_terms()))
    }
}

fn need_line(lang: Lang, need: &Need) -> Markup {
    html! {
        (need.description()) " — " (quantity(lang, need.quantity()))
        ", " (t!(lang, "flows-up-to-km", km = number(lang, need.max_distance_km(), 0)))
        br;
        span.accepts {
            (t!(lang, "flows-accepts")) " "
            @for (i, accepted) in need.accepts().iter().enumerate() {
                @if i > 0 { "; " }
                (crate::views::material::accepted(lang, accepted))
            }
        }
        (crate::views::descriptors::need_summary(lang, need))
        (terms(&t!(lang, "market-listing-delivery-terms"), need.pickup_terms()))
    }
}

/// The pickup (offer) or delivery (need) terms under a flow, when it has some.
fn terms(label: &str, terms: Option<&str>) -> Markup {
    html! {
        @if let Some(terms) = terms {
            br;
            span.terms { (label) ": " (terms) }
        }
    }
}

/// Under each flow: whether it is paused or outdated, and the buttons that change it.
struct FlowActions<'a> {
    lang: Lang,
    csrf: &'a str,
    /// `offers` or `needs`, as in the flow's address.
    kind: &'a str,
    id: &'a str,
    paused: bool,
    freshness: Freshness,
}

impl FlowActions<'_> {
    fn button(&self, action: &str, text: &str, class: Option<&str>) -> Markup {
        html! {
            form.inline method="post" action={ "/" (self.kind) "/" (self.id) "/" (action) } {
                input type="hidden" name="csrf" value=(self.csrf);
                button class=[class] type="submit" { (text) }
            }
        }
    }
}

impl Render for FlowActions<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        html! {
            @if self.paused {
                br;
                span.badge.paused { (t!(lang, "flows-paused")) }
                " " span.note { (t!(lang, "flows-paused-note")) }
            }
            @if self.freshness != Freshness::Current {
                br;
                span.badge.hazard {
                    @if self.freshness == Freshness::Dropped { (t!(lang, "flows-outdated-dropped")) }
                    @else { (t!(lang, "flows-outdated-ranked-lower")) }
                }
                (self.button("confirm", &t!(lang, "flows-still-current"), None))
            }
            br;
            a href={ "/" (self.kind) "/" (self.id) "/edit" } { (t!(lang, "flows-edit")) }
            " " a href={ "/" (self.kind) "/" (self.id) "/photo" } { (t!(lang, "photos-link")) }
            @if self.paused {
                (self.button("resume", &t!(lang, "flows-resume"), None))
            } @else {
                (self.button("pause", &t!(lang, "flows-pause"), Some("secondary")))
            }
            (self.button("delete", &t!(lang, "flows-delete"), Some("link-danger")))
        }
    }
}
