//! The `symbiose match --json` report and the benchmark's solution file, written as JSON.
//!
//! Both are serialised straight from borrowed views of the plan into a writer: at 10,000
//! firms the report lists 19,000 exchanges, and building a `serde_json::Value` of it first
//! (a map per exchange) took a tenth of the whole command's time.

use std::io::{self, Write};

use serde::Serialize;

use super::clusters::Cluster;
use super::instance::Instance;
use super::loops::{Chain, Loop, LoopLink};
use super::plan::Plan;
use super::pools::{Pool, PurchasingPool};

/// Seconds spent per phase; `total` is load + candidates + solve, as in FORMAT.md.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Timings {
    pub load: f64,
    pub candidates: f64,
    pub solve: f64,
    /// Loops, pools and clusters, outside the plan's total.
    pub proposals: f64,
}

/// Everything `match` found.
pub struct Report<'a> {
    pub instance: &'a Instance,
    pub plan: &'a Plan,
    pub loops: &'a [Loop],
    pub chains: &'a [Chain],
    pub pools: &'a [Pool],
    pub purchasing_pools: &'a [PurchasingPool],
    pub clusters: &'a [Cluster],
    pub timings: Timings,
}

/// Writes the report as documented in the README: one line of compact JSON, then a newline.
pub fn write_report(report: &Report<'_>, mut out: impl Write) -> io::Result<()> {
    serde_json::to_writer(&mut out, &ReportView::of(report))?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Writes the plan in the benchmark's *Solution format*.
pub fn write_solution(
    instance: &Instance,
    plan: &Plan,
    instance_name: &str,
    mut out: impl Write,
) -> io::Result<()> {
    let solution = SolutionView {
        instance: instance_name,
        solver: "symbiose",
        allocation: plan
            .exchanges
            .iter()
            .map(|x| AllocationView {
                offer: Ids(instance).offer(x.offer),
                need: Ids(instance).need(x.need),
                tonnes: x.quantity,
            })
            .collect(),
    };
    serde_json::to_writer(&mut out, &solution)?;
    out.flush()
}

// The views below fix the field order of the output: serde writes fields in declaration
// order, as the `json!` literals did before.

#[derive(Serialize)]
struct ReportView<'a> {
    plan: PlanView<'a>,
    loops: Vec<LinkedView<'a>>,
    chains: Vec<LinkedView<'a>>,
    purchasing_pools: Vec<PurchasingPoolView<'a>>,
    pools: Vec<PoolView<'a>>,
    clusters: Vec<ClusterView<'a>>,
    timings_s: TimingsView,
}

#[derive(Serialize)]
struct PlanView<'a> {
    objective_eur_per_year: f64,
    tonnes_per_year: f64,
    transport_co2_kg_per_year: f64,
    avoided_co2_kg_per_year: f64,
    candidate_edges: usize,
    exchanges: Vec<ExchangeView<'a>>,
}

#[derive(Serialize)]
struct ExchangeView<'a> {
    offer: &'a str,
    need: &'a str,
    tonnes_per_year: f64,
    road_km: f64,
    benefit_eur_per_year: f64,
}

/// A loop or a chain.
#[derive(Serialize)]
struct LinkedView<'a> {
    firms: Vec<&'a str>,
    flows: Vec<FlowView<'a>>,
    benefit_eur_per_year: f64,
}

#[derive(Serialize)]
struct FlowView<'a> {
    offer: &'a str,
    need: &'a str,
}

#[derive(Serialize)]
struct PurchasingPoolView<'a> {
    material: &'static str,
    needs: Vec<&'a str>,
    firms: Vec<&'a str>,
    quantity_per_year: f64,
    spread_km: f64,
}

#[derive(Serialize)]
struct PoolView<'a> {
    need: &'a str,
    offers: Vec<&'a str>,
    tonnes_per_year: f64,
    round_km: f64,
    cost_eur_per_year: f64,
}

#[derive(Serialize)]
struct ClusterView<'a> {
    firms: Vec<&'a str>,
    reason: &'a str,
}

#[derive(Serialize)]
struct TimingsView {
    load: f64,
    candidates: f64,
    solve: f64,
    total: f64,
    proposals: f64,
}

#[derive(Serialize)]
struct SolutionView<'a> {
    instance: &'a str,
    solver: &'a str,
    allocation: Vec<AllocationView<'a>>,
}

#[derive(Serialize)]
struct AllocationView<'a> {
    offer: &'a str,
    need: &'a str,
    tonnes: f64,
}

impl<'a> ReportView<'a> {
    fn of(report: &Report<'a>) -> Self {
        let ids = Ids(report.instance);
        let t = report.timings;
        ReportView {
            plan: PlanView::of(ids, report.plan),
            loops: report
                .loops
                .iter()
                .map(|l| ids.linked(&l.firms, &l.links, l.benefit_eur_per_year))
                .collect(),
            chains: report
                .chains
                .iter()
                .map(|c| ids.linked(&c.firms, &c.links, c.benefit_eur_per_year))
                .collect(),
            purchasing_pools: report
                .purchasing_pools
                .iter()
                .map(|p| PurchasingPoolView {
                    material: p.material.code(),
                    needs: p.needs.iter().map(|&n| ids.need(n)).collect(),
                    firms: ids.firms(&p.firms),
                    quantity_per_year: p.quantity_per_year,
                    spread_km: p.spread_km,
                })
                .collect(),
            pools: report
                .pools
                .iter()
                .map(|p| PoolView {
                    need: ids.need(p.need),
                    offers: p.members.iter().map(|m| ids.offer(m.offer)).collect(),
                    tonnes_per_year: p.quantity_per_year,
                    round_km: p.round_km,
                    cost_eur_per_year: p.cost_eur_per_year,
                })
                .collect(),
            clusters: report
                .clusters
                .iter()
                .map(|c| ClusterView {
                    firms: ids.firms(&c.firms),
                    reason: &c.reason,
                })
                .collect(),
            timings_s: TimingsView {
                load: t.load,
                candidates: t.candidates,
                solve: t.solve,
                total: t.load + t.candidates + t.solve,
                proposals: t.proposals,
            },
        }
    }
}

impl<'a> PlanView<'a> {
    fn of(ids: Ids<'a>, plan: &Plan) -> Self {
        PlanView {
            objective_eur_per_year: plan.objective_eur_per_year,
            tonnes_per_year: plan.quantity_per_year,
            transport_co2_kg_per_year: plan.co2_transport_kg_per_year,
            avoided_co2_kg_per_year: plan.co2_avoided_kg_per_year,
            candidate_edges: plan.candidate_edges,
            exchanges: plan
                .exchanges
                .iter()
                .map(|x| ExchangeView {
                    offer: ids.offer(x.offer),
                    need: ids.need(x.need),
                    tonnes_per_year: x.quantity,
                    road_km: x.road_km,
                    benefit_eur_per_year: x.benefit_eur_per_year,
                })
                .collect(),
        }
    }
}

/// The ids of an instance's firms, offers and needs, by index.
#[derive(Clone, Copy)]
struct Ids<'a>(&'a Instance);

impl<'a> Ids<'a> {
    fn offer(self, offer: usize) -> &'a str {
        &self.0.offers[offer].id
    }

    fn need(self, need: usize) -> &'a str {
        &self.0.needs[need].id
    }

    fn firms(self, firms: &[usize]) -> Vec<&'a str> {
        firms.iter().map(|&f| self.0.firms[f].id.as_str()).collect()
    }

    fn linked(self, firms: &[usize], links: &[LoopLink], benefit: f64) -> LinkedView<'a> {
        LinkedView {
            firms: self.firms(firms),
            flows: links
                .iter()
                .map(|link| FlowView {
                    offer: self.offer(link.offer),
                    need: self.need(link.need),
                })
                .collect(),
            benefit_eur_per_year: benefit,
        }
    }
}
