//! `/matches`: for each of the firm's flows, the best counterparts — named where their flow
//! is public, otherwise only sector, municipality and distance — and the collection rounds
//! the flow could join.

mod reasons;

use maud::{Markup, Render, html};

pub use reasons::{reason, sector, sector_in, unit_of};

use super::format::unit;
use super::layout::{self, Viewer};
use crate::domain::Unit;
use crate::domain::limits::MAX_DECLINE_REASON;
use crate::i18n::{Lang, number};
use crate::matching::suggest::Reason;
use crate::t;

/// One suggested counterpart as a firm may see it: never contact details.
pub struct MatchView {
    /// The offer and need of the pair, for the "interested" form.
    pub offer: String,
    pub need: String,
    /// The counterpart firm's name, only when its flow is public.
    pub name: Option<String>,
    /// The counterpart firm's NACE code, for its sector.
    pub nace: Option<String>,
    pub municipality: String,
    pub road_km: f64,
    pub quantity: f64,
    pub unit: Unit,
    pub benefit_eur_per_year: f64,
    pub co2_net_kg_per_year: f64,
    pub reasons: Vec<Reason>,
}

/// A collection round the flow takes part in.
pub struct PoolView {
    pub firms: usize,
    pub quantity: f64,
    pub unit: Unit,
    pub round_km: f64,
    /// The receiver's name, only when its need is public.
    pub receiver_name: Option<String>,
    pub receiver_nace: Option<String>,
    pub receiver_municipality: String,
    /// This firm's share of the round's cost, or the whole cost for the receiver.
    pub cost_eur_per_year: f64,
}

/// One own flow with its suggestions.
pub struct FlowMatches {
    /// The flow's material or description and quantity, in the reader's language.
    pub heading: String,
    pub is_offer: bool,
    /// Paused by the firm: left out of matching, so shown with a note and nothing else.
    pub paused: bool,
    pub suggestions: Vec<MatchView>,
    pub pools: Vec<PoolView>,
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
    // A refusal for a match no longer listed (the region changed meanwhile) goes on top.
    let unplaced = refusal.filter(|r| {
        !(flows.iter().flat_map(|f| &f.suggestions)).any(|m| m.offer == r.offer && m.need == r.need)
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
                        @if flow.is_offer { (t!(lang, "matches-your-offer", flow = &flow.heading)) }
                        @else { (t!(lang, "matches-your-need", flow = &flow.heading)) }
                    }
                    @for pool in &flow.pools { (PoolLine { pool, lang, is_offer: flow.is_offer }) }
                    @if flow.paused {
                        p.none { (t!(lang, "flows-paused-matches")) " " a href=(if flow.is_offer { "/offers" } else { "/needs" }) { (t!(lang, "flows-resume-on-list")) } }
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
    pool: &'a PoolView,
    lang: Lang,
    is_offer: bool,
}

impl Render for PoolLine<'_> {
    fn render(&self) -> Markup {
        let (pool, lang) = (self.pool, self.lang);
        let receiver = match &pool.receiver_name {
            Some(name) => name.clone(),
            None => sector_in(
                lang,
                pool.receiver_nace.as_deref(),
                &pool.receiver_municipality,
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
    m: &'a MatchView,
    lang: Lang,
    csrf: &'a str,
    refusal: Option<&'a NotForUsRefusal>,
}

impl Render for MatchItem<'_> {
    fn render(&self) -> Markup {
        let (m, lang) = (self.m, self.lang);
        let field = format!("reason-{}-{}", m.offer, m.need);
        html! {
            li.match {
                strong {
                    @if let Some(name) = &m.name { (name) " · " }
                    (sector_in(lang, m.nace.as_deref(), &m.municipality))
                }
                " · " (number(lang, m.road_km, 1)) " km"
                " · " (t!(lang, "quantity-per-year", amount = number(lang, m.quantity, 1), unit = unit(lang, m.unit)))
                " · " (t!(lang, "matches-benefit", amount = number(lang, m.benefit_eur_per_year, 0)))
                " · " (t!(lang, "matches-co2", tonnes = number(lang, m.co2_net_kg_per_year / 1000.0, 1)))
                ul.reasons { @for r in &m.reasons { li { (reason(lang, r)) } } }
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
}
