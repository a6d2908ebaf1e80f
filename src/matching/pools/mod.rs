//! Pools: borrowed size. Small firms that cannot reach a partner alone reach it together.
//!
//! # Producer pools
//!
//! A need with a smallest lot (`min_lot > 0`) that no single feasible offer reaches gets a
//! *pool*: offers of accepted materials, each feasible with the need on its own except for
//! the lot (the reference rules: accepted, hazardous only to a licensed receiver, other firm,
//! same unit, within the receiver's road distance, positive direct benefit), collected by one
//! truck on a round from the receiver through the members' firms and back.
//!
//! **Round model.** Round length (road km) = road factor × great-circle length of the closed
//! tour receiver → members → receiver. A truck carries `truck_capacity_t` tonnes (20 t by
//! default; m³ and pieces count their freight tonnes as in [`super::economics`]); the lot
//! needs `trips = ⌈freight tonnes / capacity⌉` rounds a year, each visiting every member.
//! One driven km costs `transport_eur_per_tkm × capacity / 2`: the tonne-km price is that of
//! a full truckload *including its empty return*, so a full truck driven out and back costs
//! the same per tonne as in a one-to-one exchange, and a round with a single member reproduces
//! the pair's transport cost exactly when the truck is full. CO₂ likewise with
//! `co2_kg_per_tkm × capacity / 2` per driven km. Cost per year = trips × round km × € per km.
//! The round's cost and CO₂ are split over the members in proportion to their tonnes.
//! Benefit = Σ member (disposal + virgin) × tonnes − round cost; a pool is proposed only when
//! it is positive. The pool carries what its members offer, up to the need's quantity.
//! Heat and steam (MWh, by pipe) are never pooled.
//!
//! **Choice of members.** Candidates are the need's feasible offers found through the spatial
//! index, capped at the [`CANDIDATE_CAP`] (60) best by direct benefit per year (per-unit
//! benefit of the direct pair × its quantity, so large and near offers first; ties by offer
//! index): five times the default member limit leaves the greedy room to choose while
//! bounding its work per need. The greedy then adds, until the lot is reached, the candidate
//! with the highest score = (gross value of the tonnes it adds − the cost of its detour) per
//! tonne, where the detour is the cheapest insertion of its firm into the current round
//! (nothing when its firm is already visited), priced at the trips the lot needs. More than
//! `max_members` members needed, or candidates exhausted: no pool. Afterwards members that
//! are no longer needed to reach the lot are dropped, one at a time, while dropping one does
//! not lower the pool's net benefit (the detour and trips saved outweigh the tonnes lost).
//! The final round is the exact shortest one ([`routing::best_round`]) when it has at most 13
//! points (receiver + 12 stops), else [`routing::short_round`].
//!
//! Each need gets at most one pool; pools of different needs may share an offer (they are
//! proposals, not an allocation). [`find_pools`] looks only at needs with a lot that no
//! single offer reaches, in parallel; the output is sorted by benefit, ties by need index.
//!
//! # Purchasing pools
//!
//! Small firms close together that need the same input: see [`find_purchasing_pools`].

pub mod routing;

mod purchasing;
mod select;
#[cfg(test)]
mod tests;

use rayon::prelude::*;

use super::economics::Params;
use super::index::SpatialIndex;
use super::instance::{Instance, NeedFlow};
use crate::domain::Unit;

pub use purchasing::{PurchasingPool, PurchasingSettings, find_purchasing_pools};
pub use routing::{best_round, short_round};

/// Candidate offers the greedy looks at per need: the best this many by direct benefit.
pub const CANDIDATE_CAP: usize = 60;

/// Rounds with at most this many points (receiver included) are solved exactly.
const EXACT_ROUND_POINTS: usize = 13;

/// One supplier in a pool.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolMember {
    /// Index into [`Instance::offers`].
    pub offer: usize,
    /// Index into [`Instance::firms`].
    pub firm: usize,
    /// Units per year it delivers (its whole offer, except when the need is full).
    pub quantity: f64,
    /// Its share of the round's cost, in proportion to its quantity.
    pub transport_eur_per_year: f64,
    /// Its share of the round's CO₂, in proportion to its quantity.
    pub co2_transport_kg_per_year: f64,
    /// (Disposal + virgin) × quantity − its transport share.
    pub benefit_eur_per_year: f64,
}

/// Offers collected together on one round to reach a need's smallest lot.
#[derive(Debug, Clone, PartialEq)]
pub struct Pool {
    /// Index into [`Instance::needs`].
    pub need: usize,
    /// In the order they joined (the best first).
    pub members: Vec<PoolMember>,
    /// Units per year collected: at least the need's lot.
    pub quantity_per_year: f64,
    /// Firm indices in visiting order, starting and ending at the receiver's firm; each
    /// member firm once.
    pub round: Vec<usize>,
    /// Road length of one round, km.
    pub round_km: f64,
    /// Trips per year × round km × € per driven km.
    pub cost_eur_per_year: f64,
    /// Σ (disposal + virgin) × quantity − cost.
    pub benefit_eur_per_year: f64,
    pub co2_transport_kg_per_year: f64,
}

/// How pools are formed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PoolSettings {
    /// Tonnes a truck carries per round.
    pub truck_capacity_t: f64,
    /// Most members in one pool.
    pub max_members: usize,
    /// Most pools returned by [`find_pools`] (the best).
    pub max_pools: usize,
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings {
            truck_capacity_t: 20.0,
            max_members: 12,
            max_pools: 100,
        }
    }
}

/// The truck driving a round, in the need's unit.
#[derive(Debug, Clone, Copy)]
struct Truck {
    /// Units per trip.
    capacity: f64,
    /// € per driven road km.
    eur_per_km: f64,
    /// kg CO₂ per driven road km.
    co2_kg_per_km: f64,
}

impl Truck {
    /// None for flows that do not travel by truck (MWh) or a truck that carries nothing.
    fn for_unit(params: &Params, unit: Unit, capacity_t: f64) -> Option<Truck> {
        let tonnes_per_unit = match unit {
            Unit::Tonnes => 1.0,
            Unit::CubicMetres => params.tonnes_per_m3,
            Unit::Pieces => params.tonnes_per_piece,
            Unit::MegawattHours => return None,
        };
        if capacity_t <= 0.0 || tonnes_per_unit <= 0.0 {
            return None;
        }
        Some(Truck {
            capacity: capacity_t / tonnes_per_unit,
            // Half: the tonne-km price of a full load already pays for the empty return.
            eur_per_km: params.transport_eur_per_tkm * capacity_t / 2.0,
            co2_kg_per_km: params.co2_kg_per_tkm * capacity_t / 2.0,
        })
    }

    /// Rounds per year to carry `quantity` units (at least one).
    fn trips(&self, quantity: f64) -> f64 {
        // The slack keeps 40.000000001 t on 20 t trucks at two trips.
        (quantity / self.capacity - 1e-9).ceil().max(1.0)
    }
}

/// True when a need has a lot worth pooling for (the single-offer test comes later).
fn has_lot(n: &NeedFlow) -> bool {
    n.min_lot > 0.0 && n.quantity >= n.min_lot && n.unit != Unit::MegawattHours
}

/// The pools of every need with a lot that no single feasible offer reaches, best first
/// (benefit per year, ties by need index), at most `settings.max_pools`.
pub fn find_pools(instance: &Instance, index: &SpatialIndex, settings: PoolSettings) -> Vec<Pool> {
    let mut pools: Vec<Pool> = (0..instance.needs.len())
        .into_par_iter()
        .filter(|&j| has_lot(&instance.needs[j]))
        .filter_map(|j| pool_for_need(instance, index, j, settings))
        .collect();
    pools.sort_by(|a, b| {
        b.benefit_eur_per_year
            .total_cmp(&a.benefit_eur_per_year)
            .then(a.need.cmp(&b.need))
    });
    pools.truncate(settings.max_pools);
    pools
}

/// The pool of one need, when it has a lot that no single feasible offer reaches, enough
/// nearby offers to reach it within `settings.max_members`, and a positive net benefit.
pub fn pool_for_need(
    instance: &Instance,
    index: &SpatialIndex,
    need: usize,
    settings: PoolSettings,
) -> Option<Pool> {
    let n = &instance.needs[need];
    if !has_lot(n) {
        return None;
    }
    let truck = Truck::for_unit(&instance.params, n.unit, settings.truck_capacity_t)?;
    let candidates = select::candidates(instance, index, need)?;
    let takes = select::choose(instance, need, &candidates, truck, settings.max_members)?;
    let pool = build_pool(instance, need, &takes, truck);
    (pool.benefit_eur_per_year > 0.0).then_some(pool)
}

/// Prices the round of the chosen members and splits it over them.
fn build_pool(instance: &Instance, need: usize, takes: &[select::Take], truck: Truck) -> Pool {
    let receiver = instance.needs[need].firm as usize;
    let mut stops = vec![receiver];
    for take in takes {
        if !stops.contains(&take.firm) {
            stops.push(take.firm);
        }
    }
    let points: Vec<(f64, f64)> = stops
        .iter()
        .map(|&f| (instance.firms[f].lat, instance.firms[f].lon))
        .collect();
    let (order, crow) = if points.len() <= EXACT_ROUND_POINTS {
        best_round(&points)
    } else {
        short_round(&points)
    };
    let round_km = instance.params.road_factor * crow;
    let quantity: f64 = takes.iter().map(|t| t.quantity).sum();
    let trips = truck.trips(quantity);
    let cost = trips * round_km * truck.eur_per_km;
    let co2 = trips * round_km * truck.co2_kg_per_km;
    let gross: f64 = takes.iter().map(|t| t.gross_per_unit * t.quantity).sum();
    let members = takes
        .iter()
        .map(|t| {
            let share = t.quantity / quantity;
            PoolMember {
                offer: t.offer,
                firm: t.firm,
                quantity: t.quantity,
                transport_eur_per_year: cost * share,
                co2_transport_kg_per_year: co2 * share,
                benefit_eur_per_year: t.gross_per_unit * t.quantity - cost * share,
            }
        })
        .collect();
    Pool {
        need,
        members,
        quantity_per_year: quantity,
        round: order.iter().map(|&i| stops[i]).collect(),
        round_km,
        cost_eur_per_year: cost,
        benefit_eur_per_year: gross - cost,
        co2_transport_kg_per_year: co2,
    }
}
