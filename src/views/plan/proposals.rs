//! Loops, chains and pools of the last plan run, each as one proposal a coordinator turns into
//! exchanges (a pool into a collection round) with one button.

use std::collections::HashMap;

use maud::{Markup, Render, html};

use super::SubNav;
use super::exchanges::{euro_per_year, firm, material, per_year};
use crate::app::plan_runner::PlanResult;
use crate::domain::exchange::Stage;
use crate::i18n::number;
use crate::matching::loops::LoopLink;
use crate::matching::pools::Pool;
use crate::t;
use crate::views::exchanges::stage_name;
use crate::views::layout::{self, Viewer};

/// Materials of a pool's need named at most (a need may accept whole chapters).
const SHOWN_ACCEPTS: usize = 3;

/// Exchanges that exist, by `(offer key, need key)`.
pub type Existing = HashMap<(String, String), (i64, Stage)>;

/// What turning a loop or chain into exchanges did, shown after the button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub created: usize,
    pub existing: usize,
    pub missing: usize,
}

/// What `/plan/loops` shows.
pub struct LoopsPage<'a> {
    pub viewer: Viewer,
    pub result: Option<&'a PlanResult>,
    pub existing: &'a Existing,
    pub outcome: Option<Outcome>,
}

/// What `/plan/pools` shows.
pub struct PoolsPage<'a> {
    pub viewer: Viewer,
    pub result: Option<&'a PlanResult>,
    /// The round of every need that has one.
    pub rounds: &'a HashMap<String, i64>,
}

fn csrf(viewer: &Viewer) -> &str {
    viewer.user.as_ref().map_or("", |u| u.csrf.as_str())
}

/// `/plan/loops`: loops, then chains.
pub fn loops_page(view: &LoopsPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    layout::page(
        &t!(lang, "plan-loops-title"),
        &view.viewer,
        html! {
            h1 { (t!(lang, "plan-loops-title")) }
            (SubNav { lang, current: "/plan/loops" })
            p.lead { (t!(lang, "plan-loops-lead")) }
            @if let Some(outcome) = view.outcome {
                p.status role="status" {
                    (t!(lang, "plan-opened", created = outcome.created, existing = outcome.existing))
                    @if outcome.missing > 0 { " " (t!(lang, "plan-opened-missing", count = outcome.missing)) }
                }
            }
            @match view.result {
                None => p.empty { (t!(lang, "plan-proposals-no-run")) },
                Some(result) => {
                    h2 { (t!(lang, "plan-loops", count = result.found.loops.len())) }
                    @if result.found.loops.is_empty() { p.empty { (t!(lang, "plan-loops-none")) } }
                    @for (k, found) in result.found.loops.iter().enumerate() {
                        (Proposal { view, result, kind: Kind::Loop, index: k, links: &found.links, benefit: found.benefit_eur_per_year })
                    }
                    h2 { (t!(lang, "plan-chains", count = result.found.chains.len())) }
                    @if result.found.chains.is_empty() { p.empty { (t!(lang, "plan-chains-none")) } }
                    @for (k, found) in result.found.chains.iter().enumerate() {
                        (Proposal { view, result, kind: Kind::Chain, index: k, links: &found.links, benefit: found.benefit_eur_per_year })
                    }
                }
            }
        },
    )
}

pub use crate::app::proposals::Kind;

/// One loop or chain: its links with the exchange each has, and the button.
struct Proposal<'a> {
    view: &'a LoopsPage<'a>,
    result: &'a PlanResult,
    kind: Kind,
    index: usize,
    links: &'a [LoopLink],
    benefit: f64,
}

impl Render for Proposal<'_> {
    fn render(&self) -> Markup {
        let lang = self.view.viewer.lang;
        let instance = &self.result.snapshot.instance;
        let exchange_of = |link: &LoopLink| {
            let key = (
                instance.offers[link.offer].id.clone(),
                instance.needs[link.need].id.clone(),
            );
            self.view.existing.get(&key).copied()
        };
        let open = self
            .links
            .iter()
            .filter(|l| exchange_of(l).is_none())
            .count();
        let (number_, euro) = (self.index as i64 + 1, number(lang, self.benefit, 0));
        // A loop has as many links as firms, a chain one link fewer.
        let heading = match self.kind {
            Kind::Loop => t!(
                lang,
                "plan-loop-heading",
                number = number_,
                firms = self.links.len(),
                euro = euro
            ),
            Kind::Chain => t!(
                lang,
                "plan-chain-heading",
                number = number_,
                firms = self.links.len() + 1,
                euro = euro
            ),
        };
        html! {
            article.proposal id={ (self.kind.path()) "-" (self.index + 1) } {
                h3 { (heading) }
                ol.links { @for link in self.links {
                    @let offer = &instance.offers[link.offer];
                    li {
                        (firm(instance, link.from_firm)) " → " (firm(instance, link.to_firm)) ": "
                        (material(lang, offer.material)) ", "
                        (per_year(lang, link.economics.quantity, offer.unit)) ", "
                        (t!(lang, "plan-km", km = number(lang, link.economics.road_km, 1))) ", "
                        (euro_per_year(lang, link.economics.benefit_eur_per_year))
                        @if let Some((id, at)) = exchange_of(link) {
                            " " a.badge href={ "/exchanges/" (id) } { (stage_name(lang, at)) }
                        }
                    }
                } }
                @if open == 0 {
                    p.context { (t!(lang, "plan-all-links-exchanges")) }
                } @else {
                    form.inline method="post" action={ "/plan/" (self.kind.path()) "/" (self.index + 1) } {
                        input type="hidden" name="csrf" value=(csrf(&self.view.viewer));
                        input type="hidden" name="run" value=(self.result.run);
                        button type="submit" { (t!(lang, "plan-open-links", count = open)) }
                    }
                }
            }
        }
    }
}

/// `/plan/pools`: the pools of the last run, each with its round or the button forming it.
pub fn pools_page(view: &PoolsPage<'_>) -> Markup {
    let lang = view.viewer.lang;
    layout::page(
        &t!(lang, "plan-pools-title"),
        &view.viewer,
        html! {
            h1 { (t!(lang, "plan-pools-title")) }
            (SubNav { lang, current: "/plan/pools" })
            p.lead { (t!(lang, "plan-pools-lead")) }
            @match view.result {
                None => p.empty { (t!(lang, "plan-proposals-no-run")) },
                Some(result) => {
                    @if result.found.pools.is_empty() { p.empty { (t!(lang, "plan-pools-none")) } }
                    @for (k, pool) in result.found.pools.iter().enumerate() {
                        (PoolProposal { view, result, index: k, pool })
                    }
                    (super::PurchasingPools { lang, result })
                }
            }
        },
    )
}

struct PoolProposal<'a> {
    view: &'a PoolsPage<'a>,
    result: &'a PlanResult,
    index: usize,
    pool: &'a Pool,
}

impl Render for PoolProposal<'_> {
    fn render(&self) -> Markup {
        let lang = self.view.viewer.lang;
        let (instance, pool) = (&self.result.snapshot.instance, self.pool);
        let need = &instance.needs[pool.need];
        html! {
            article.proposal id={ "pool-" (self.index + 1) } {
                h3 { (t!(lang, "plan-pool-heading", number = self.index as i64 + 1, members = pool.members.len(), euro = number(lang, pool.benefit_eur_per_year, 0))) }
                p {
                    (t!(lang, "plan-pool-receiver")) " " (firm(instance, need.firm as usize)) ", "
                    @for (i, accepted) in need.accepts.iter().take(SHOWN_ACCEPTS).enumerate() {
                        @if i > 0 { ", " }
                        (material(lang, *accepted))
                    }
                    @if need.accepts.len() > SHOWN_ACCEPTS { ", …" }
                    ". "
                    (t!(lang, "plan-pool-facts",
                        lot = per_year(lang, need.min_lot, need.unit),
                        together = per_year(lang, pool.quantity_per_year, need.unit),
                        km = number(lang, pool.round_km, 1),
                        cost = number(lang, pool.cost_eur_per_year, 0)))
                }
                table {
                    thead { tr {
                        th { (t!(lang, "plan-column-supplier")) }
                        th { (t!(lang, "plan-column-material")) }
                        th.number { (t!(lang, "plan-column-quantity")) }
                        th.number { (t!(lang, "plan-column-cost-share")) }
                        th.number { (t!(lang, "plan-column-benefit")) }
                    } }
                    tbody { @for member in &pool.members {
                        @let offer = &instance.offers[member.offer];
                        tr {
                            td { (firm(instance, member.firm)) }
                            td { (material(lang, offer.material)) }
                            td.number { (per_year(lang, member.quantity, offer.unit)) }
                            td.number { (euro_per_year(lang, member.transport_eur_per_year)) }
                            td.number { (euro_per_year(lang, member.benefit_eur_per_year)) }
                        }
                    } }
                }
                @match self.view.rounds.get(&need.id) {
                    Some(round) => p { a href={ "/rounds/" (round) } { (t!(lang, "plan-pool-has-round", id = round.to_string())) } },
                    None => form.inline method="post" action={ "/plan/pools/" (self.index + 1) } {
                        input type="hidden" name="csrf" value=(csrf(&self.view.viewer));
                        input type="hidden" name="run" value=(self.result.run);
                        button type="submit" { (t!(lang, "plan-form-round")) }
                    },
                }
            }
        }
    }
}
