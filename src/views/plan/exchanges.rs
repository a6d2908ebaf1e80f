//! The plan's totals, its exchanges a page at a time, and the plan against the exchanges
//! that exist.

use std::collections::HashMap;

use maud::{Markup, Render, html};

use crate::app::plan_runner::{PlanResult, PlanVsReality};
use crate::domain::exchange::Stage;
use crate::domain::{Material, Unit};
use crate::i18n::{Lang, number, percent};
use crate::matching::assess::assess;
use crate::matching::{Instance, MaterialKey};
use crate::t;
use crate::views::exchanges::stage_name;
use crate::views::format::unit;
use crate::views::matches::fit;

/// `15 01 01 Papier en karton`: a waste's code and name; a resource (`heat-medium`) by its
/// name alone.
pub fn material(lang: Lang, key: MaterialKey) -> Markup {
    match Material::parse(key.code()) {
        Ok(known) => crate::views::material::material(lang, &known),
        // The snapshot holds only materials that parsed; an unknown one is shown as it is.
        Err(_) => html! { span.code { (key.code()) } },
    }
}

/// A running exchange outside the plan: its firms and material as the snapshot knows them,
/// never the keys of its flows; nothing more for flows no longer in the snapshot (paused).
fn outside_pair(lang: Lang, result: &PlanResult, offer_key: &str, need_key: &str) -> Markup {
    let snapshot = &result.snapshot;
    let instance = &snapshot.instance;
    let offer = snapshot
        .offer_index
        .get(offer_key)
        .map(|&i| &instance.offers[i]);
    let need = snapshot
        .need_index
        .get(need_key)
        .map(|&j| &instance.needs[j]);
    html! {
        @if let (Some(offer), Some(need)) = (offer, need) {
            ": " (firm(instance, offer.firm as usize)) " → " (firm(instance, need.firm as usize))
            ", " (material(lang, offer.material))
        }
    }
}

/// `12,5 t/jaar`.
pub fn per_year(lang: Lang, amount: f64, of: Unit) -> String {
    t!(
        lang,
        "quantity-per-year",
        amount = number(lang, amount, 1),
        unit = unit(lang, of)
    )
}

/// `€ 1.234/jaar`.
pub fn euro_per_year(lang: Lang, euro: f64) -> String {
    t!(lang, "plan-euro-per-year", euro = number(lang, euro, 0))
}

/// A firm of the instance: its name and municipality.
pub fn firm(instance: &Instance, firm: usize) -> Markup {
    let site = &instance.firms[firm];
    html! { (site.name) " " span.context { "(" (site.municipality) ")" } }
}

/// A planned pair's technical fit and border procedure, when there is something to say (a
/// pair known only by its code within one country has neither).
pub fn pair_notes(lang: Lang, instance: &Instance, offer: usize, need: usize) -> Markup {
    let (o, n) = (&instance.offers[offer], &instance.needs[need]);
    let Ok(found) = assess(instance, o, n, Default::default()) else {
        return html! {};
    };
    html! {
        @if found.fit.is_informed() { br; span.context { (fit::fit(lang, &found.fit)) } }
        @if let Some(crossing) = &found.crossing { br; span.context { (fit::crossing(lang, crossing)) } }
    }
}

/// The plan's totals: € per year, quantities per unit, CO₂ and the number of exchanges.
pub struct Totals<'a> {
    pub lang: Lang,
    pub result: &'a PlanResult,
}

impl Render for Totals<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        let plan = &self.result.found.plan;
        let instance = &self.result.snapshot.instance;
        let mut by_unit: Vec<(Unit, f64)> = Vec::new();
        for x in &plan.exchanges {
            let of = instance.offers[x.offer].unit;
            match by_unit.iter_mut().find(|(u, _)| *u == of) {
                Some((_, total)) => *total += x.quantity,
                None => by_unit.push((of, x.quantity)),
            }
        }
        let tonnes = by_unit
            .iter()
            .find(|(u, _)| *u == Unit::Tonnes)
            .map_or(0.0, |(_, t)| *t);
        let others: Vec<String> = by_unit
            .iter()
            .filter(|(u, _)| *u != Unit::Tonnes)
            .map(|(of, total)| per_year(lang, *total, *of))
            .collect();
        let net_co2_t = (plan.co2_avoided_kg_per_year - plan.co2_transport_kg_per_year) / 1000.0;
        html! {
            ul.stats {
                li { strong { (euro_per_year(lang, plan.objective_eur_per_year)) } " " (t!(lang, "plan-total-benefit")) }
                li { strong { (per_year(lang, tonnes, Unit::Tonnes)) } " " (t!(lang, "plan-total-tonnes")) }
                li { strong { (t!(lang, "plan-co2-per-year", tonnes = number(lang, net_co2_t, 1))) } " " (t!(lang, "plan-total-co2")) }
                li { strong { (number(lang, plan.exchanges.len() as f64, 0)) } " " (t!(lang, "plan-total-exchanges")) }
            }
            p.context {
                (t!(lang, "plan-co2-detail",
                    avoided = number(lang, plan.co2_avoided_kg_per_year / 1000.0, 1),
                    transport = number(lang, plan.co2_transport_kg_per_year / 1000.0, 1)))
                @if !others.is_empty() {
                    " " (t!(lang, "plan-also-moved", quantities = others.join(", ")))
                }
            }
        }
    }
}

/// The plan against the exchanges as they are now.
pub struct Reality<'a> {
    pub lang: Lang,
    pub result: &'a PlanResult,
    pub reality: &'a PlanVsReality,
}

impl Render for Reality<'_> {
    fn render(&self) -> Markup {
        let (lang, reality) = (self.lang, self.reality);
        let plan = &self.result.found.plan;
        html! {
            section.reality {
                h2 { (t!(lang, "plan-reality")) }
                p {
                    (t!(lang, "plan-realised",
                        share = percent(lang, reality.realised_share),
                        realised = number(lang, reality.realised_eur_per_year, 0),
                        total = number(lang, plan.objective_eur_per_year, 0)))
                }
                @if reality.by_stage.is_empty() {
                    p.empty { (t!(lang, "plan-reality-none")) }
                } @else {
                    table.plan {
                        thead { tr {
                            th { (t!(lang, "plan-column-stage")) }
                            th.number { (t!(lang, "plan-column-planned-exchanges")) }
                            th.number { (t!(lang, "plan-column-planned-value")) }
                        } }
                        tbody { @for (at, count, value) in &reality.by_stage { tr {
                            td { (stage_name(lang, *at)) }
                            td.number { (count) }
                            td.number { (euro_per_year(lang, *value)) }
                        } } }
                    }
                }
                h3 { (t!(lang, "plan-running-outside", count = reality.running_outside.len())) }
                @if reality.running_outside.is_empty() {
                    p.empty { "—" }
                } @else {
                    ul { @for pair in &reality.running_outside { li {
                        a href={ "/exchanges/" (pair.id) } { (t!(lang, "plan-exchange-number", id = pair.id.to_string())) }
                        (outside_pair(lang, self.result, &pair.offer_key, &pair.need_key))
                    } } }
                }
            }
        }
    }
}

/// One page of the planned exchanges, highest value first, with the exchange each one
/// already has.
pub struct PlannedList<'a> {
    pub lang: Lang,
    /// The coordinator's CSRF token, for the per-row button.
    pub csrf: &'a str,
    pub result: &'a PlanResult,
    pub reality: Option<&'a PlanVsReality>,
    pub page: u64,
    pub page_size: u64,
}

impl Render for PlannedList<'_> {
    fn render(&self) -> Markup {
        let lang = self.lang;
        let found = &self.result.found;
        let instance = &self.result.snapshot.instance;
        let run = self.result.run.to_string();
        let existing: HashMap<usize, (i64, Stage)> = self
            .reality
            .map(|r| {
                r.matched
                    .iter()
                    .map(|m| (m.planned, (m.exchange, m.stage)))
                    .collect()
            })
            .unwrap_or_default();
        let total = found.by_value.len() as u64;
        let pages = total.div_ceil(self.page_size).max(1);
        let first = ((self.page - 1) * self.page_size) as usize;
        let shown = found
            .by_value
            .iter()
            .skip(first)
            .take(self.page_size as usize);
        html! {
            h2 id="exchanges" { (t!(lang, "plan-exchanges", count = found.plan.exchanges.len())) }
            @if found.plan.exchanges.is_empty() {
                p.empty { (t!(lang, "plan-exchanges-none")) }
            } @else {
                table.plan.stacked {
                    thead { tr {
                        th { (t!(lang, "plan-column-supplier")) }
                        th { (t!(lang, "plan-column-material")) }
                        th { (t!(lang, "plan-column-receiver")) }
                        th.number { (t!(lang, "plan-column-distance")) }
                        th.number { (t!(lang, "plan-column-quantity")) }
                        th.number { (t!(lang, "plan-column-benefit")) }
                        th { (t!(lang, "plan-column-exchange")) }
                    } }
                    tbody { @for &k in shown {
                        @let x = &found.plan.exchanges[k];
                        @let offer = &instance.offers[x.offer];
                        tr {
                            td data-label=(t!(lang, "plan-column-supplier")) { (firm(instance, offer.firm as usize)) }
                            td data-label=(t!(lang, "plan-column-material")) { (material(lang, offer.material)) (pair_notes(lang, instance, x.offer, x.need)) }
                            td data-label=(t!(lang, "plan-column-receiver")) { (firm(instance, instance.needs[x.need].firm as usize)) }
                            td.number data-label=(t!(lang, "plan-column-distance")) { (t!(lang, "plan-km", km = number(lang, x.road_km, 1))) }
                            td.number data-label=(t!(lang, "plan-column-quantity")) { (per_year(lang, x.quantity, offer.unit)) }
                            td.number data-label=(t!(lang, "plan-column-benefit")) { (euro_per_year(lang, x.benefit_eur_per_year)) }
                            td data-label=(t!(lang, "plan-column-exchange")) { @match existing.get(&k) {
                                Some((id, at)) => a href={ "/exchanges/" (id) } { (stage_name(lang, *at)) },
                                // Plan order is 1-based in addresses, like loops and pools.
                                None => form.inline method="post" action={ "/plan/exchanges/" (k + 1) } {
                                    input type="hidden" name="csrf" value=(self.csrf);
                                    input type="hidden" name="run" value=(run);
                                    button.small type="submit" title=(t!(lang, "plan-propose-planned-label")) {
                                        (t!(lang, "plan-propose-planned"))
                                    }
                                },
                            } }
                        }
                    } }
                }
                nav.pager aria-label=(t!(lang, "plan-pages")) {
                    @if self.page > 1 { a rel="prev" href={ "/plan?pagina=" (self.page - 1) "#exchanges" } { (t!(lang, "plan-previous")) } }
                    span { (t!(lang, "common-page-of", page = self.page as i64, pages = pages as i64)) }
                    @if self.page < pages { a rel="next" href={ "/plan?pagina=" (self.page + 1) "#exchanges" } { (t!(lang, "plan-next")) } }
                }
            }
        }
    }
}
