//! The purchasing pools of the last plan run, on `/plan/pools` below the collection rounds:
//! small firms close together that need the same input. There is nothing to open from one
//! yet; the coordinator calls the firms.

use maud::{Markup, Render, html};

use super::exchanges::{firm, material, per_year};
use crate::app::plan_runner::PlanResult;
use crate::i18n::{Lang, number};
use crate::matching::pools::PurchasingPool;
use crate::t;

/// The run's purchasing pools, each with its firms.
pub struct PurchasingPools<'a> {
    pub lang: Lang,
    pub result: &'a PlanResult,
}

impl Render for PurchasingPools<'_> {
    fn render(&self) -> Markup {
        let (lang, pools) = (self.lang, &self.result.found.purchasing_pools);
        html! {
            section.purchasing id="purchasing" {
                h2 { (t!(lang, "plan-purchasing", count = pools.len())) }
                p.lead { (t!(lang, "plan-purchasing-lead")) }
                @if pools.is_empty() { p.empty { (t!(lang, "plan-purchasing-none")) } }
                @for (k, pool) in pools.iter().enumerate() {
                    (Pool { lang, result: self.result, index: k, pool })
                }
            }
        }
    }
}

struct Pool<'a> {
    lang: Lang,
    result: &'a PlanResult,
    index: usize,
    pool: &'a PurchasingPool,
}

impl Render for Pool<'_> {
    fn render(&self) -> Markup {
        let (lang, pool) = (self.lang, self.pool);
        let instance = &self.result.snapshot.instance;
        // Every need of a pool has the same unit (pools are formed per material and unit).
        let unit = pool.needs.first().map(|&j| instance.needs[j].unit);
        html! {
            article.proposal id={ "purchasing-" (self.index + 1) } {
                h3 { (t!(lang, "plan-purchasing-heading", number = self.index as i64 + 1, firms = pool.firms.len())) }
                p {
                    (material(lang, pool.material)) ". "
                    @if let Some(unit) = unit {
                        (t!(lang, "plan-purchasing-facts",
                            together = per_year(lang, pool.quantity_per_year, unit),
                            km = number(lang, pool.spread_km, 1)))
                    }
                }
                ul { @for &member in &pool.firms { li { (firm(instance, member)) } } }
            }
        }
    }
}
