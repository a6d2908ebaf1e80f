//! `/matches`: for each of the firm's flows, the best counterparts — named where their flow
//! is public, otherwise only sector, municipality and distance — and the collection rounds
//! the flow could join.

pub mod fit;
mod reasons;

use maud::{Markup, Render, html};

pub use reasons::{reason, sector, sector_in};

use super::exchanges::stage_name;
use super::format::{material_label, quantity, unit};
use super::layout::{self, Viewer};
use crate::app::matches::{FlowMatches, MatchShown, OwnFlow, PoolShown};
use crate::domain::limits::MAX_DECLINE_REASON;
use crate::i18n::{Lang, number};
use crate::t;

/// The heading of an own flow: its material or description and quantity.
fn heading(lang: Lang, flow: &OwnFlow) -> String {
    match flow {
        OwnFlow::Offer(offer) => format!(
            "{} — {}",
            material_label(lang, &offer.material()),
            quantity(lang, offer.quantity())
        ),
        OwnFlow::Need(need) => {
            let amount = quantity(lang, need.quantity());
            if need.description().is_empty() {
                amount
            } else {
                format!("{} — {amount}", need.description())
            }
        }
    }
}

/// A "not for us" that was refused, shown next to the reason field of its match.
pub struct NotForUsRefusal {
    pub offer: String,
    pub need: String,
    pub message: String,
}

/// The matches page.
pub fn page(
    viewer: &Viewer,
    csrf: &str,
    flows: &[FlowMatches],
    refusal: Option<&NotForUsRefusal>,
) -> Markup {
    let lang = viewer.lang;
    // A refusal for a match no longer listed (the region changed meanwhile), or listed with
    // its exchange instead of the forms, goes on top.
    let unplaced = refusal.filter(|r| {
        !(flows.iter().flat_map(|f| &f.suggestions))
            .any(|m| m.offer == r.offer && m.need == r.need && m.exchange.is_none())
    });
    layout::page(
        &t!(lang, "matches-title"),
        viewer,
        html! {
            h1 { (t!(lang, "matches-title")) }
            @if let Some(refusal) = unplaced { p.error role="alert" { (refusal.message) } }
            p { (t!(lang, "matches-intro")) }
            @if flows.is_empty() {
                p.none { (t!(lang, "matches-no-flows")) " " a href="/offers/new" { (t!(lang, "matches-add-offer")) } }
            }
            @for flow in flows {
                section.flow-matches {
                    h2 {
                        @if flow.is_offer() { (t!(lang, "matches-your-offer", flow = heading(lang, &flow.flow))) }
                        @else { (t!(lang, "matches-your-need", flow = heading(lang, &flow.flow))) }
                    }
                    @for pool in &flow.pools { (PoolLine { pool, lang, is_offer: flow.is_offer() }) }
                    @if flow.paused {
                        p.none { (t!(lang, "flows-paused-matches")) " " a href=(if flow.is_offer() { "/offers" } else { "/needs" }) { (t!(lang, "flows-resume-on-list")) } }
                    } @else if flow.suggestions.is_empty() && flow.pools.is_empty() {
                        p.none { (t!(lang, "matches-none")) }
                    }
                    ol { @for m in &flow.suggestions {
                        (MatchItem {
                            m,
                            lang,
                            csrf,
                            refusal: refusal.filter(|r| r.offer == m.offer && r.need == m.need),
                        })
                    } }
                }
            }
        },
    )
}

struct PoolLine<'a> {
    pool: &'a PoolShown,
    lang: Lang,
    is_offer: bool,
}

impl Render for PoolLine<'_> {
    fn render(&self) -> Markup {
        let (pool, lang) = (self.pool, self.lang);
        let receiver = match &pool.receiver_name {
            Some(name) => name.clone(),
            None => format!(
                "{} ({})",
                t!(lang, "matches-anonymous-receiver"),
                sector_in(
                    lang,
                    pool.receiver_nace.as_deref(),
                    &pool.receiver_municipality
                )
            ),
        };
        let round = t!(
            lang,
            "matches-pool-round",
            firms = pool.firms,
            quantity = number(lang, pool.quantity, 1),
            unit = unit(lang, pool.unit),
            receiver = receiver,
            km = number(lang, pool.round_km, 1)
        );
        let cost = number(lang, pool.cost_eur_per_year, 0);
        html! {
            p.pool {
                strong { (t!(lang, "matches-pool-heading")) } " " (round) " "
                @if self.is_offer { (t!(lang, "matches-pool-your-share", cost = cost)) }
                @else { (t!(lang, "matches-pool-round-cost", cost = cost)) }
            }
        }
    }
}

struct MatchItem<'a> {
    m: &'a MatchShown,
    lang: Lang,
    csrf: &'a str,
    refusal: Option<&'a NotForUsRefusal>,
}

impl Render for MatchItem<'_> {
    fn render(&self) -> Markup {
        let (m, lang) = (self.m, self.lang);
        html! {
            li.match {
                strong {
                    // A firm whose flow is not public is never named: it is "an anonymous firm".
                    @match &m.name {
                        Some(name) => (name),
                        None => (t!(lang, "matches-anonymous-firm")),
                    }
                    " · " (sector_in(lang, m.nace.as_deref(), &m.municipality))
                }
                " · " (number(lang, m.road_km, 1)) " km"
                " · " (t!(lang, "quantity-per-year", amount = number(lang, m.quantity, 1), unit = unit(lang, m.unit)))
                " · " (t!(lang, "matches-benefit", amount = number(lang, m.benefit_eur_per_year, 0)))
                " · " (t!(lang, "matches-co2", tonnes = number(lang, m.co2_net_kg_per_year / 1000.0, 1)))
                ul.reasons { @for r in &m.reasons { li { (reason(lang, r)) } } }
                @if let Some(exchange) = m.exchange {
                    p.existing-exchange {
                        (t!(lang, "matches-existing-exchange", stage = stage_name(lang, exchange.stage))) " "
                        a href={ "/exchanges/" (exchange.id) } { (t!(lang, "matches-open-exchange")) }
                    }
                } @else { (self.forms()) }
            }
        }
    }
}

impl MatchItem<'_> {
    /// "Interested" and "not for us", for a pair without an exchange.
    fn forms(&self) -> Markup {
        let (m, lang) = (self.m, self.lang);
        let field = format!("reason-{}-{}", m.offer, m.need);
        html! {
                form.inline method="post" action="/exchanges" {
                    input type="hidden" name="csrf" value=(self.csrf);
                    input type="hidden" name="offer" value=(m.offer);
                    input type="hidden" name="need" value=(m.need);
                    button type="submit" { (t!(lang, "matches-interested")) }
                }
                form.inline method="post" action="/exchanges/decline" {
                    input type="hidden" name="csrf" value=(self.csrf);
                    input type="hidden" name="offer" value=(m.offer);
                    input type="hidden" name="need" value=(m.need);
                    label for=(field) { (t!(lang, "matches-not-for-us-because")) }
                    " "
                    input id=(field) name="reason" type="text" required maxlength=(MAX_DECLINE_REASON)
                        aria-invalid=[self.refusal.map(|_| "true")]
                        aria-describedby=[self.refusal.map(|_| format!("{field}-error"))];
                    " "
                    button type="submit" { (t!(lang, "matches-not-for-us")) }
                    @if let Some(refusal) = self.refusal {
                        p.field-error id={ (field) "-error" } role="alert" { (refusal.message) }
                    }
                }
        }
    }
}
