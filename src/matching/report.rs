//! The `symbiose match --json` report and the benchmark's solution file, as JSON values.

use serde_json::{Value, json};

use super::clusters::Cluster;
use super::instance::Instance;
use super::loops::{Chain, Loop};
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

/// The report as documented in the README.
pub fn report_json(report: &Report<'_>) -> Value {
    let instance = report.instance;
    let plan = report.plan;
    let firm_id = |firm: usize| instance.firms[firm].id.clone();
    json!({
        "plan": {
            "objective_eur_per_year": plan.objective_eur_per_year,
            "tonnes_per_year": plan.quantity_per_year,
            "transport_co2_kg_per_year": plan.co2_transport_kg_per_year,
            "avoided_co2_kg_per_year": plan.co2_avoided_kg_per_year,
            "candidate_edges": plan.candidate_edges,
            "exchanges": plan.exchanges.iter().map(|x| json!({
                "offer": instance.offers[x.offer].id,
                "need": instance.needs[x.need].id,
                "tonnes_per_year": x.quantity,
                "road_km": x.road_km,
                "benefit_eur_per_year": x.benefit_eur_per_year,
            })).collect::<Vec<_>>(),
        },
        "loops": report.loops.iter().map(|l| json!({
            "firms": l.firms.iter().map(|&f| firm_id(f)).collect::<Vec<_>>(),
            "flows": l.links.iter().map(|link| json!({
                "offer": instance.offers[link.offer].id,
                "need": instance.needs[link.need].id,
            })).collect::<Vec<_>>(),
            "benefit_eur_per_year": l.benefit_eur_per_year,
        })).collect::<Vec<_>>(),
        "chains": report.chains.iter().map(|c| json!({
            "firms": c.firms.iter().map(|&f| firm_id(f)).collect::<Vec<_>>(),
            "flows": c.links.iter().map(|link| json!({
                "offer": instance.offers[link.offer].id,
                "need": instance.needs[link.need].id,
            })).collect::<Vec<_>>(),
            "benefit_eur_per_year": c.benefit_eur_per_year,
        })).collect::<Vec<_>>(),
        "purchasing_pools": report.purchasing_pools.iter().map(|p| json!({
            "material": p.material.code(),
            "needs": p.needs.iter().map(|&n| instance.needs[n].id.clone()).collect::<Vec<_>>(),
            "firms": p.firms.iter().map(|&f| firm_id(f)).collect::<Vec<_>>(),
            "quantity_per_year": p.quantity_per_year,
            "spread_km": p.spread_km,
        })).collect::<Vec<_>>(),
        "pools": report.pools.iter().map(|p| json!({
            "need": instance.needs[p.need].id,
            "offers": p.members.iter().map(|m| instance.offers[m.offer].id.clone()).collect::<Vec<_>>(),
            "tonnes_per_year": p.quantity_per_year,
            "round_km": p.round_km,
            "cost_eur_per_year": p.cost_eur_per_year,
        })).collect::<Vec<_>>(),
        "clusters": report.clusters.iter().map(|c| json!({
            "firms": c.firms.iter().map(|&f| firm_id(f)).collect::<Vec<_>>(),
            "reason": c.reason,
        })).collect::<Vec<_>>(),
        "timings_s": {
            "load": report.timings.load,
            "candidates": report.timings.candidates,
            "solve": report.timings.solve,
            "total": report.timings.load + report.timings.candidates + report.timings.solve,
            "proposals": report.timings.proposals,
        },
    })
}

/// The plan in the benchmark's *Solution format*.
pub fn solution_json(instance: &Instance, plan: &Plan, instance_name: &str) -> Value {
    json!({
        "instance": instance_name,
        "solver": "symbiose",
        "allocation": plan.exchanges.iter().map(|x| json!({
            "offer": instance.offers[x.offer].id,
            "need": instance.needs[x.need].id,
            "tonnes": x.quantity,
        })).collect::<Vec<_>>(),
    })
}
