//! The region plan: the allocation of all offers to all needs that maximises total net
//! benefit — the transportation problem of the benchmark's FORMAT.md, solved exactly.
//!
//! Method (exact, by LP duality): every candidate edge is generated once, in parallel, into a
//! compact edge list (8 bytes an edge). The min-cost flow is solved on a *restricted* network
//! holding only each need's and each offer's best edges — under 1 % of the edges carry flow in
//! the optimum. The solver's node potentials then price every edge left out; an edge with a
//! negative reduced cost could improve the plan, so the most violating ones are added and the
//! network is solved again. When no edge violates, the potentials prove the restricted
//! optimum optimal for the whole graph. Integer data as the reference: kilograms and euro
//! cents per tonne; the objective is recomputed in floating point from the unrounded benefit.

use std::time::Instant;

use rayon::prelude::*;

use super::candidates::{Rules, check_pair, feasible_offers_of};
use super::flow::{FlowError, FlowNetwork, NetworkSimplex};
use super::index::SpatialIndex;
use super::instance::Instance;
use super::union_find::UnionFind;

/// Every candidate edge, grouped by need (compressed rows).
pub struct EdgeList {
    /// Edges of need `j` are `need_start[j]..need_start[j + 1]`.
    pub need_start: Vec<usize>,
    /// Offer index of each edge.
    pub offer: Vec<u32>,
    /// −round(100 × benefit per unit): euro cents per unit, negative for a gain.
    pub cost: Vec<i32>,
}

impl EdgeList {
    /// Number of candidate edges.
    pub fn len(&self) -> usize {
        self.offer.len()
    }

    /// True when there is no candidate edge.
    pub fn is_empty(&self) -> bool {
        self.offer.is_empty()
    }
}

/// Edge counts per need and the `(offer, cost)` edges of a run of needs.
type NeedChunk = (Vec<u32>, Vec<(u32, i32)>);

/// Generates every feasible offer→need edge under the reference rules, using both cores.
pub fn candidate_edges(instance: &Instance, index: &SpatialIndex, rules: Rules) -> EdgeList {
    const CHUNK: usize = 256;
    let chunks: Vec<NeedChunk> = (0..instance.needs.len())
        .collect::<Vec<_>>()
        .par_chunks(CHUNK)
        .map(|needs| {
            let mut counts = Vec::with_capacity(needs.len());
            let mut edges = Vec::new();
            for &need in needs {
                let before = edges.len();
                feasible_offers_of(instance, index, &instance.needs[need], rules, |offer, e| {
                    edges.push((offer as u32, cents(e.benefit_eur_per_unit)));
                });
                // Same order whatever the R-tree's traversal: by offer index.
                edges[before..].sort_unstable();
                counts.push((edges.len() - before) as u32);
            }
            (counts, edges)
        })
        .collect();
    let total: usize = chunks.iter().map(|(_, e)| e.len()).sum();
    let mut list = EdgeList {
        need_start: Vec::with_capacity(instance.needs.len() + 1),
        offer: Vec::with_capacity(total),
        cost: Vec::with_capacity(total),
    };
    list.need_start.push(0);
    for (counts, edges) in chunks {
        for count in counts {
            let last = *list.need_start.last().unwrap_or(&0);
            list.need_start.push(last + count as usize);
        }
        for (offer, cost) in edges {
            list.offer.push(offer);
            list.cost.push(cost);
        }
    }
    list
}

fn cents(benefit_eur_per_unit: f64) -> i32 {
    -(benefit_eur_per_unit * 100.0).round() as i32
}

/// Whole thousandths of a unit (kilograms for tonnes), rounded down so that a plan never
/// exceeds a quantity as written in the file.
fn kilograms(units: f64) -> i64 {
    (units * 1000.0 + 1e-6).floor() as i64
}

/// One exchange of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedExchange {
    pub offer: usize,
    pub need: usize,
    /// Units per year moved (tonnes for tonne flows).
    pub quantity: f64,
    pub road_km: f64,
    pub benefit_eur_per_unit: f64,
    pub benefit_eur_per_year: f64,
    pub co2_transport_kg_per_year: f64,
    pub co2_avoided_kg_per_year: f64,
}

/// The region plan with its totals.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    /// Exchanges ordered by need, then offer.
    pub exchanges: Vec<PlannedExchange>,
    pub objective_eur_per_year: f64,
    pub quantity_per_year: f64,
    pub co2_transport_kg_per_year: f64,
    pub co2_avoided_kg_per_year: f64,
    /// Candidate edges in the whole graph.
    pub candidate_edges: usize,
    /// Edges in the final restricted networks.
    pub restricted_edges: usize,
    /// Pricing rounds until no edge violated optimality, summed over components.
    pub rounds: usize,
    /// Independent parts of the flow graph, solved in parallel.
    pub components: usize,
}

/// How the restricted networks start and grow.
#[derive(Debug, Clone, Copy)]
pub struct PlanSettings {
    /// Components with at most this many edges are solved whole, without pricing rounds.
    pub solve_whole_below: usize,
    /// Best edges per need in a first restricted network.
    pub per_need: usize,
    /// Best edges per offer in a first restricted network.
    pub per_offer: usize,
    /// Most violating edges added per need and round.
    pub add_per_need: usize,
}

impl Default for PlanSettings {
    fn default() -> Self {
        PlanSettings {
            solve_whole_below: 1_000_000,
            per_need: 16,
            per_offer: 8,
            add_per_need: 32,
        }
    }
}

/// Time spent per phase, seconds (summed over components, which run in parallel).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct SolveTimings {
    pub solve_s: f64,
    pub pricing_s: f64,
}

/// A connected part of the offer–need graph: no edge leaves it, so it is solved alone.
struct Component {
    offers: Vec<usize>,
    needs: Vec<usize>,
    edges: usize,
}

/// What solving one component gave: `(edge, kilograms)` with flow, and statistics.
#[derive(Default)]
struct ComponentResult {
    flows: Vec<(usize, i64)>,
    restricted_edges: usize,
    rounds: usize,
    timings: SolveTimings,
}

/// Solves the region plan exactly over the given candidate edges.
pub fn solve_plan(
    instance: &Instance,
    edges: &EdgeList,
    settings: PlanSettings,
) -> Result<(Plan, SolveTimings), FlowError> {
    let components = components(instance, edges);
    // Largest first, so that the two cores finish together.
    let results: Vec<Result<ComponentResult, FlowError>> = components
        .par_iter()
        .map(|component| solve_component(instance, edges, component, settings))
        .collect();
    let mut flows = Vec::new();
    let mut timings = SolveTimings::default();
    let (mut restricted, mut rounds) = (0, 0);
    for result in results {
        let result = result?;
        flows.extend(result.flows);
        restricted += result.restricted_edges;
        rounds += result.rounds;
        timings.solve_s += result.timings.solve_s;
        timings.pricing_s += result.timings.pricing_s;
    }
    flows.sort_unstable();
    let mut plan = read_plan(instance, edges, &flows);
    plan.restricted_edges = restricted;
    plan.rounds = rounds;
    plan.components = components.len();
    Ok((plan, timings))
}

/// Connected components with at least one edge, largest first (ties: first need).
fn components(instance: &Instance, edges: &EdgeList) -> Vec<Component> {
    let offers = instance.offers.len();
    let mut sets = UnionFind::new(offers + instance.needs.len());
    for need in 0..instance.needs.len() {
        for e in edges.need_start[need]..edges.need_start[need + 1] {
            sets.union(edges.offer[e] as usize, offers + need);
        }
    }
    let mut by_root: std::collections::HashMap<usize, Component> = Default::default();
    for need in 0..instance.needs.len() {
        let count = edges.need_start[need + 1] - edges.need_start[need];
        if count > 0 {
            let c = by_root
                .entry(sets.find(offers + need))
                .or_insert_with(|| Component {
                    offers: Vec::new(),
                    needs: Vec::new(),
                    edges: 0,
                });
            c.needs.push(need);
            c.edges += count;
        }
    }
    for offer in 0..offers {
        if let Some(c) = by_root.get_mut(&sets.find(offer)) {
            c.offers.push(offer);
        }
    }
    let mut components: Vec<Component> = by_root.into_values().collect();
    components.sort_unstable_by_key(|c| (std::cmp::Reverse(c.edges), c.needs[0]));
    components
}

/// Local node numbering of a component: 0 = source, 1 = sink, then offers, then needs.
struct Local<'a> {
    component: &'a Component,
    offer_node: std::collections::HashMap<usize, usize>,
}

impl<'a> Local<'a> {
    fn new(component: &'a Component) -> Self {
        let offer_node = component
            .offers
            .iter()
            .enumerate()
            .map(|(k, &offer)| (offer, 2 + k))
            .collect();
        Local {
            component,
            offer_node,
        }
    }

    fn need_node(&self, k: usize) -> usize {
        2 + self.component.offers.len() + k
    }
}

fn solve_component(
    instance: &Instance,
    edges: &EdgeList,
    component: &Component,
    settings: PlanSettings,
) -> Result<ComponentResult, FlowError> {
    let local = Local::new(component);
    let mut result = ComponentResult::default();
    // Edges of the component, need by need, as (global edge, need's position k).
    let all: Vec<(usize, usize)> = component
        .needs
        .iter()
        .enumerate()
        .flat_map(|(k, &need)| {
            (edges.need_start[need]..edges.need_start[need + 1]).map(move |e| (e, k))
        })
        .collect();
    let mut chosen = if component.edges <= settings.solve_whole_below {
        vec![true; all.len()]
    } else {
        initial_selection(edges, &all, settings)
    };
    let network = build_network(instance, edges, &local, &all, &chosen);
    let mut arcs: Vec<usize> = (0..all.len()).filter(|&a| chosen[a]).collect();
    let first_pair_arc = network.arc_count() - arcs.len();
    let mut simplex = NetworkSimplex::new(&network)?;
    drop(network);
    loop {
        result.rounds += 1;
        let started = Instant::now();
        // Warm start: arcs added since the last round enter at flow 0 and the previous
        // optimal basis stays feasible, so pivoting resumes where it stopped.
        let solution = simplex.solve()?;
        result.timings.solve_s += started.elapsed().as_secs_f64();
        let started = Instant::now();
        let added = violators(
            edges,
            &local,
            &all,
            &chosen,
            &solution.potentials,
            settings.add_per_need,
        );
        result.timings.pricing_s += started.elapsed().as_secs_f64();
        if added.is_empty() {
            result.restricted_edges = arcs.len();
            result.flows = arcs
                .iter()
                .zip(&solution.flows[first_pair_arc..])
                .filter(|&(_, &kg)| kg > 0)
                .map(|(&a, &kg)| (all[a].0, kg))
                .collect();
            return Ok(result);
        }
        for a in added {
            chosen[a] = true;
            let (e, k) = all[a];
            let offer = edges.offer[e] as usize;
            let need = component.needs[k];
            simplex.add_arc(
                local.offer_node[&offer],
                local.need_node(k),
                pair_capacity(instance, offer, need),
                i64::from(edges.cost[e]),
            );
            arcs.push(a);
        }
    }
}

fn pair_capacity(instance: &Instance, offer: usize, need: usize) -> i64 {
    kilograms(instance.offers[offer].quantity).min(kilograms(instance.needs[need].quantity))
}

/// Each need's and each offer's best edges: a first restricted network whose duals are
/// already close to optimal.
fn initial_selection(
    edges: &EdgeList,
    all: &[(usize, usize)],
    settings: PlanSettings,
) -> Vec<bool> {
    let mut chosen = vec![false; all.len()];
    let mut best_of_offer: std::collections::HashMap<u32, Vec<(i32, usize)>> = Default::default();
    let mut start = 0;
    while start < all.len() {
        let k = all[start].1;
        let end = start + all[start..].iter().take_while(|&&(_, kk)| kk == k).count();
        let mut ranked: Vec<usize> = (start..end).collect();
        ranked.sort_unstable_by_key(|&a| (edges.cost[all[a].0], a));
        for &a in ranked.iter().take(settings.per_need) {
            chosen[a] = true;
        }
        for (a, &(e, _)) in all.iter().enumerate().take(end).skip(start) {
            let best = best_of_offer.entry(edges.offer[e]).or_default();
            best.push((edges.cost[e], a));
            if best.len() > 4 * settings.per_offer {
                best.sort_unstable();
                best.truncate(settings.per_offer);
            }
        }
        start = end;
    }
    for (_, mut best) in best_of_offer {
        best.sort_unstable();
        for (_, a) in best.into_iter().take(settings.per_offer) {
            chosen[a] = true;
        }
    }
    chosen
}

fn build_network(
    instance: &Instance,
    edges: &EdgeList,
    local: &Local<'_>,
    all: &[(usize, usize)],
    chosen: &[bool],
) -> FlowNetwork {
    let component = local.component;
    let mut network = FlowNetwork::new(2 + component.offers.len() + component.needs.len());
    let supply: i64 = component
        .offers
        .iter()
        .map(|&o| kilograms(instance.offers[o].quantity))
        .sum();
    network.set_supply(0, supply);
    network.set_supply(1, -supply);
    // The bypass: sending nothing is always allowed, so this is not a maximum flow.
    network.add_arc(0, 1, supply, 0);
    for &offer in &component.offers {
        network.add_arc(
            0,
            local.offer_node[&offer],
            kilograms(instance.offers[offer].quantity),
            0,
        );
    }
    for (k, &need) in component.needs.iter().enumerate() {
        network.add_arc(
            local.need_node(k),
            1,
            kilograms(instance.needs[need].quantity),
            0,
        );
    }
    for (a, &(e, k)) in all.iter().enumerate() {
        if chosen[a] {
            let offer = edges.offer[e] as usize;
            let need = component.needs[k];
            network.add_arc(
                local.offer_node[&offer],
                local.need_node(k),
                pair_capacity(instance, offer, need),
                i64::from(edges.cost[e]),
            );
        }
    }
    network
}

/// Per need, the most violating edges left out: reduced cost `cost + π(offer) − π(need) < 0`
/// means the edge could improve the plan.
fn violators(
    edges: &EdgeList,
    local: &Local<'_>,
    all: &[(usize, usize)],
    chosen: &[bool],
    potentials: &[i64],
    per_need: usize,
) -> Vec<usize> {
    let mut added = Vec::new();
    let mut violating: Vec<(i64, usize)> = Vec::new();
    let mut start = 0;
    while start < all.len() {
        let k = all[start].1;
        let need_potential = potentials[local.need_node(k)];
        violating.clear();
        let mut a = start;
        while a < all.len() && all[a].1 == k {
            if !chosen[a] {
                let e = all[a].0;
                let offer_node = local.offer_node[&(edges.offer[e] as usize)];
                let rc = i64::from(edges.cost[e]) + potentials[offer_node] - need_potential;
                if rc < 0 {
                    violating.push((rc, a));
                }
            }
            a += 1;
        }
        violating.sort_unstable();
        added.extend(violating.iter().take(per_need).map(|&(_, a)| a));
        start = a;
    }
    added
}

fn read_plan(instance: &Instance, edges: &EdgeList, flows: &[(usize, i64)]) -> Plan {
    let mut plan = Plan {
        candidate_edges: edges.len(),
        ..Plan::default()
    };
    for &(e, kg) in flows {
        let offer = edges.offer[e] as usize;
        let need = edges.need_start.partition_point(|&start| start <= e) - 1;
        let Ok(economics) = check_pair(instance, offer, need, Rules::default()) else {
            continue;
        };
        let quantity = kg as f64 / 1000.0;
        let share = quantity / economics.quantity;
        let exchange = PlannedExchange {
            offer,
            need,
            quantity,
            road_km: economics.road_km,
            benefit_eur_per_unit: economics.benefit_eur_per_unit,
            benefit_eur_per_year: economics.benefit_eur_per_unit * quantity,
            co2_transport_kg_per_year: economics.co2_transport_kg_per_year * share,
            co2_avoided_kg_per_year: economics.co2_avoided_kg_per_year * share,
        };
        plan.objective_eur_per_year += exchange.benefit_eur_per_year;
        plan.quantity_per_year += quantity;
        plan.co2_transport_kg_per_year += exchange.co2_transport_kg_per_year;
        plan.co2_avoided_kg_per_year += exchange.co2_avoided_kg_per_year;
        plan.exchanges.push(exchange);
    }
    plan
}
