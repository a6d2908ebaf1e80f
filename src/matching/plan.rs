//! The region plan: the allocation of all offers to all needs that maximises total net
//! benefit — the transportation problem of the benchmark's FORMAT.md, solved exactly.
//!
//! Method: every candidate edge is generated once, on both cores, into a compact edge list
//! ([`super::edges`]). The offer–need graph falls apart into independent components (by
//! material family and distance: paper does not compete with scrap metal); each is a
//! min-cost flow — source → offer (supply), offer → need (−benefit), need → sink (demand),
//! plus a source → sink bypass so that sending nothing is allowed — solved exactly by our
//! network simplex ([`super::flow`]), largest components first, in parallel. Integer data as
//! the reference: kilograms and euro cents per tonne; the objective is recomputed in floating
//! point from the unrounded benefit.
//!
//! Overflow: the solver works on `i64`. Its flows never exceed a component's total supply (the
//! network has no cycle, even through the artificial root), so each component gets the
//! finest scale — thousandths of a unit, or coarser by powers of ten — at which that total
//! stays within [`MAX_TOTAL_SUPPLY`]. Within the domain's bounds (≤ 10⁷ units per flow) the
//! thousandths hold up to 10⁸ maximal offers in one component; beyond that the plan is
//! solved in coarser units, never overflowed. Costs are cents per unit: with |price| ≤ 10⁵
//! €/unit a benefit is at most 2·10⁷ cents, and the big-M of the artificial arcs
//! (max cost × nodes) stays below 2⁶⁰ for any node count the solver accepts (< 2³¹).
//!
//! A restricted network priced with the solver's potentials (column generation) was tried
//! and measured: at 100,000 firms the first potentials are so degenerate that pricing
//! re-adds most edges, and the rounds cost more than solving each component whole.

use rayon::prelude::*;

use super::candidates::economics_of;
use super::economics::{PairEconomics, crow_km};
pub use super::edges::{EdgeList, candidate_edges};
use super::flow::{FlowError, FlowNetwork, NetworkSimplex};
use super::instance::Instance;
use super::union_find::UnionFind;

/// Largest total supply of one component in solver units (2⁶⁰, an eighth of `i64::MAX`):
/// flows, residual capacities and their sums all stay below it.
pub const MAX_TOTAL_SUPPLY: i64 = 1 << 60;

/// Solver units per unit of quantity for a component whose quantities sum to `total`:
/// thousandths (kilograms for tonnes) when the total fits [`MAX_TOTAL_SUPPLY`] that way,
/// otherwise the largest power of ten below that does. Never below 10⁻³⁰⁰, so that even
/// quantities near `f64::MAX` (a total that is not finite) give at most ~2·10⁸ units each.
pub fn scale_for(total: f64) -> f64 {
    let limit = MAX_TOTAL_SUPPLY as f64;
    let mut scale = 1000.0;
    while total * scale > limit && scale > 1e-300 {
        scale /= 10.0;
    }
    scale
}

/// A quantity as it counts towards a component's total: a finite number of at least 0 (the
/// domain admits no other, but the matcher takes plain data).
fn countable(quantity: f64) -> f64 {
    if quantity.is_finite() {
        quantity.max(0.0)
    } else {
        0.0
    }
}

/// Whole solver units of a quantity at `scale`, rounded down so that a plan never exceeds a
/// quantity as written in the file.
fn solver_units(quantity: f64, scale: f64) -> i64 {
    // `scale_for` keeps each quantity far below `i64::MAX`; `as` would saturate anyway.
    (countable(quantity) * scale + 1e-6).floor() as i64
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
    /// Independent parts of the flow graph, solved in parallel.
    pub components: usize,
}

/// A connected part of the offer–need graph: no edge leaves it, so it is solved alone.
struct Component {
    offers: Vec<usize>,
    needs: Vec<usize>,
    edges: usize,
}

/// `(edge, units)` for every edge with flow in a component.
type ComponentFlows = Vec<(usize, f64)>;

/// Solves the region plan exactly over the given candidate edges.
pub fn solve_plan(instance: &Instance, edges: &EdgeList) -> Result<Plan, FlowError> {
    let components = components(instance, edges);
    // Each offer's node number inside its component's network.
    let mut offer_node = vec![0u32; instance.offers.len()];
    for component in &components {
        for (k, &offer) in component.offers.iter().enumerate() {
            offer_node[offer] = (2 + k) as u32;
        }
    }
    // Largest first (the order of `components`), so that both cores finish together.
    let results: Vec<Result<ComponentFlows, FlowError>> = components
        .par_iter()
        .map(|component| solve_component(instance, edges, component, &offer_node))
        .collect();
    let mut flows = Vec::new();
    for result in results {
        flows.extend(result?);
    }
    // Each edge has at most one flow: ordering by edge is a total order.
    flows.sort_unstable_by_key(|&(edge, _)| edge);
    let mut plan = read_plan(instance, edges, &flows);
    plan.components = components.len();
    Ok(plan)
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

/// Solves one component whole; returns `(edge, units)` for every edge with flow.
fn solve_component(
    instance: &Instance,
    edges: &EdgeList,
    component: &Component,
    offer_node: &[u32],
) -> Result<ComponentFlows, FlowError> {
    let total: f64 = (component.offers.iter())
        .map(|&o| countable(instance.offers[o].quantity))
        .sum();
    let scale = scale_for(total);
    let network = build_network(instance, edges, component, offer_node, scale);
    let first_pair_arc = network.arc_count() - component.edges;
    let solution = NetworkSimplex::from_network(network)?.solve()?;
    let mut flows = Vec::new();
    let mut arc = first_pair_arc;
    for &need in &component.needs {
        for e in edges.need_start[need]..edges.need_start[need + 1] {
            if solution.flows[arc] > 0 {
                flows.push((e, solution.flows[arc] as f64 / scale));
            }
            arc += 1;
        }
    }
    Ok(flows)
}

/// Node layout: 0 = source, 1 = sink, then the component's offers, then its needs.
/// Quantities in solver units at `scale` (see [`scale_for`]).
fn build_network(
    instance: &Instance,
    edges: &EdgeList,
    component: &Component,
    offer_node: &[u32],
    scale: f64,
) -> FlowNetwork {
    let first_need = 2 + component.offers.len();
    let mut network = FlowNetwork::new(first_need + component.needs.len());
    network.reserve_arcs(1 + component.offers.len() + component.needs.len() + component.edges);
    let units = |quantity: f64| solver_units(quantity, scale);
    // Saturating only in theory: the scale keeps the sum within MAX_TOTAL_SUPPLY (each part
    // rounds down), and at the coarsest scale each offer is ~2·10⁸ units at most.
    let supply = (component.offers.iter())
        .map(|&o| units(instance.offers[o].quantity))
        .fold(0i64, i64::saturating_add);
    network.set_supply(0, supply);
    network.set_supply(1, -supply);
    // The bypass: sending nothing is always allowed, so this is not a maximum flow.
    network.add_arc(0, 1, supply, 0);
    for &offer in &component.offers {
        let quantity = units(instance.offers[offer].quantity);
        network.add_arc(0, offer_node[offer] as usize, quantity, 0);
    }
    for (k, &need) in component.needs.iter().enumerate() {
        network.add_arc(first_need + k, 1, units(instance.needs[need].quantity), 0);
    }
    for (k, &need) in component.needs.iter().enumerate() {
        let demand = units(instance.needs[need].quantity);
        for e in edges.need_start[need]..edges.need_start[need + 1] {
            let offer = edges.offer[e] as usize;
            let capacity = units(instance.offers[offer].quantity).min(demand);
            network.add_arc(
                offer_node[offer] as usize,
                first_need + k,
                capacity,
                i64::from(edges.cost[e]),
            );
        }
    }
    network
}

fn read_plan(instance: &Instance, edges: &EdgeList, flows: &[(usize, f64)]) -> Plan {
    let mut plan = Plan {
        candidate_edges: edges.len(),
        ..Plan::default()
    };
    for &(e, quantity) in flows {
        let offer = edges.offer[e] as usize;
        let need = edges.need_of(e);
        let economics = pair_economics(instance, offer, need);
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

/// The economics of an edge the candidate generation accepted (not checked again: a pair
/// exactly on the distance limit must not drop out through a different rounding).
fn pair_economics(instance: &Instance, offer: usize, need: usize) -> PairEconomics {
    let (o, n) = (&instance.offers[offer], &instance.needs[need]);
    let (a, b) = (instance.offer_firm(offer), instance.need_firm(need));
    let road_km = instance.params.road_factor * crow_km(a.lat, a.lon, b.lat, b.lon);
    economics_of(instance, o, n, road_km)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::limits::MAX_QUANTITY_PER_YEAR;

    #[test]
    fn regions_within_the_bounds_keep_kilograms_up_to_a_hundred_million_maximal_offers() {
        assert_eq!(scale_for(0.0), 1000.0);
        assert_eq!(scale_for(1e8 * MAX_QUANTITY_PER_YEAR), 1000.0);
        // A billion maximal offers in one component: a tenth of the resolution, no overflow.
        let total = 1e9 * MAX_QUANTITY_PER_YEAR;
        assert_eq!(scale_for(total), 100.0);
        assert!(total * scale_for(total) <= MAX_TOTAL_SUPPLY as f64);
    }

    #[test]
    fn even_quantities_near_the_largest_float_stay_far_inside_i64() {
        let scale = scale_for(f64::INFINITY);
        let most_nodes = f64::from(u32::MAX / 2);

        let units = solver_units(f64::MAX, scale);

        assert!(
            units > 0 && (units as f64) * most_nodes < i64::MAX as f64,
            "{units}"
        );
        assert_eq!(solver_units(f64::NAN, 1000.0), 0);
        assert_eq!(solver_units(-5.0, 1000.0), 0);
        assert_eq!(solver_units(f64::INFINITY, 1000.0), 0);
        assert_eq!(solver_units(2.5, 1000.0), 2500);
    }
}
