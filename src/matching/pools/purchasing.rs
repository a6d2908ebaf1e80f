//! Purchasing pools: small firms close together that need the same input, grouped so that
//! they can buy or collect it together.
//!
//! Per material (and unit), the small firms (at most `max_employees`) with a need accepting
//! it are points; two are neighbours within `radius_km` great-circle km (found through an
//! R-tree on the unit sphere). Grouping is greedy and deterministic: the firm with the most
//! ungrouped neighbours (ties: lowest firm index) seeds a pool; its ungrouped neighbours join
//! nearest first (ties: lowest index) when they are within `radius_km` of every member so
//! far, so the pool's spread never exceeds the radius (a pool around its seed alone could
//! span twice the radius, 20 km, which is no longer "close together"). A seed whose pool
//! stays below `min_firms` groups nobody and is not tried again; seeding ends when no firm has
//! `min_firms − 1` ungrouped neighbours. A pool holds at most `max_firms` (20 by default: a
//! joint contract or a shared collection round for more firms than that is hard to organise,
//! and a dense estate then yields several pools of nearest neighbours rather than one of
//! hundreds). A firm is thus in at most one pool per material.
//! Needs accepting a whole chapter would otherwise yield the same group once per code in it:
//! a pool whose needs all lie in a larger (or equal, with a smaller material key) pool of
//! another material is left out. Output: most firms first, then larger quantity, then
//! material key and needs.
//!
//! Work: one tree query per firm and material; a pathologically dense material (thousands of
//! firms within one radius) costs the square of that count.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

use rayon::prelude::*;
use rstar::RTree;

use super::super::economics::crow_km;
use super::super::index::{SpherePoint, chord_squared, sphere};
use super::super::instance::{Instance, MaterialKey};
use crate::domain::Unit;

/// Firms that could buy or collect one input together.
#[derive(Debug, Clone, PartialEq)]
pub struct PurchasingPool {
    /// The shared input (every need in the pool accepts it).
    pub material: MaterialKey,
    /// Indices into [`Instance::needs`], ascending.
    pub needs: Vec<usize>,
    /// Indices into [`Instance::firms`], ascending.
    pub firms: Vec<usize>,
    /// Σ of the needs' quantities, in their (common) unit.
    pub quantity_per_year: f64,
    /// Largest great-circle distance between two member firms, km.
    pub spread_km: f64,
}

/// How purchasing pools are formed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PurchasingSettings {
    /// Every two members lie within this many great-circle km of each other.
    pub radius_km: f64,
    /// Small firms only: at most this many employees.
    pub max_employees: u32,
    /// Fewest firms in a pool.
    pub min_firms: usize,
    /// Most firms in a pool: the seed's nearest neighbours first.
    pub max_firms: usize,
}

impl Default for PurchasingSettings {
    fn default() -> Self {
        PurchasingSettings {
            radius_km: 10.0,
            max_employees: 50,
            min_firms: 3,
            max_firms: 20,
        }
    }
}

/// Needs of small firms per (material, unit), per firm.
type Demand = BTreeMap<(MaterialKey, Unit), BTreeMap<usize, Vec<usize>>>;

/// The purchasing pools of a region (see the module documentation for the grouping).
pub fn find_purchasing_pools(
    instance: &Instance,
    settings: PurchasingSettings,
) -> Vec<PurchasingPool> {
    let mut demand: Demand = BTreeMap::new();
    for (j, need) in instance.needs.iter().enumerate() {
        let firm = need.firm as usize;
        if instance.firms[firm].employees > settings.max_employees {
            continue;
        }
        for &material in &need.accepts {
            let by_firm = demand.entry((material, need.unit)).or_default();
            by_firm.entry(firm).or_default().push(j);
        }
    }
    let settings = PurchasingSettings {
        min_firms: settings.min_firms.max(1),
        ..settings
    };
    let groups: Vec<_> = demand
        .into_iter()
        .filter(|(_, by_firm)| by_firm.len() >= settings.min_firms)
        .collect();
    let pools: Vec<PurchasingPool> = groups
        .par_iter()
        .flat_map_iter(|((material, _), by_firm)| {
            group_firms(instance, *material, by_firm, &settings)
        })
        .collect();
    let mut pools = without_repeats(pools);
    pools.sort_by(|a, b| {
        b.firms
            .len()
            .cmp(&a.firms.len())
            .then(b.quantity_per_year.total_cmp(&a.quantity_per_year))
            .then(a.material.cmp(&b.material))
            .then(a.needs.cmp(&b.needs))
    });
    pools
}

/// Neighbours of each firm (by position in `firms`) within `radius_km`, ascending.
fn neighbours(instance: &Instance, firms: &[usize], radius_km: f64) -> Vec<Vec<usize>> {
    let site = |i: usize| &instance.firms[firms[i]];
    let points = (0..firms.len())
        .map(|i| SpherePoint::new(sphere(site(i).lat, site(i).lon), i as u32))
        .collect();
    let tree = RTree::bulk_load(points);
    (0..firms.len())
        .into_par_iter()
        .map(|i| {
            let (a, at) = (site(i), sphere(site(i).lat, site(i).lon));
            let mut near: Vec<usize> = tree
                .locate_within_distance(at, chord_squared(radius_km))
                .map(|p| p.data as usize)
                .filter(|&k| k != i && crow_km(a.lat, a.lon, site(k).lat, site(k).lon) <= radius_km)
                .collect();
            near.sort_unstable();
            near
        })
        .collect()
}

/// Greedy seeding within one material: the firm with the most ungrouped neighbours takes
/// those close to each other, while that makes a pool of at least `min_firms`.
fn group_firms(
    instance: &Instance,
    material: MaterialKey,
    by_firm: &BTreeMap<usize, Vec<usize>>,
    settings: &PurchasingSettings,
) -> Vec<PurchasingPool> {
    let min_firms = settings.min_firms;
    let firms: Vec<usize> = by_firm.keys().copied().collect();
    let near = neighbours(instance, &firms, settings.radius_km);
    let mut open: Vec<usize> = near.iter().map(Vec::len).collect();
    let mut grouped = vec![false; firms.len()];
    // Max-heap on (ungrouped neighbours, lowest index); counts only fall, so a popped entry
    // whose count is out of date is pushed back with the current one.
    let mut heap: BinaryHeap<(usize, Reverse<usize>)> = open
        .iter()
        .enumerate()
        .map(|(i, &c)| (c, Reverse(i)))
        .collect();
    let mut pools = Vec::new();
    while let Some((count, Reverse(seed))) = heap.pop() {
        if grouped[seed] {
            continue;
        }
        if count != open[seed] {
            heap.push((open[seed], Reverse(seed)));
            continue;
        }
        if count + 1 < min_firms {
            break;
        }
        let mut members = close_group(instance, &firms, seed, &near[seed], &grouped, settings);
        if members.len() < min_firms {
            continue;
        }
        members.sort_unstable();
        for &m in &members {
            grouped[m] = true;
        }
        for &m in &members {
            for &k in &near[m] {
                if !grouped[k] {
                    open[k] -= 1;
                }
            }
        }
        let members: Vec<usize> = members.into_iter().map(|i| firms[i]).collect();
        pools.push(purchasing_pool(instance, material, &members, by_firm));
    }
    pools
}

/// The seed and those of its ungrouped neighbours, nearest first, that lie within the radius
/// of every member taken before them, up to the most firms (positions in `firms`).
fn close_group(
    instance: &Instance,
    firms: &[usize],
    seed: usize,
    near: &[usize],
    grouped: &[bool],
    settings: &PurchasingSettings,
) -> Vec<usize> {
    let km = |a: usize, b: usize| {
        let (a, b) = (&instance.firms[firms[a]], &instance.firms[firms[b]]);
        crow_km(a.lat, a.lon, b.lat, b.lon)
    };
    let mut order: Vec<(f64, usize)> = near
        .iter()
        .filter(|&&k| !grouped[k])
        .map(|&k| (km(seed, k), k))
        .collect();
    order.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut members = vec![seed];
    for (_, k) in order {
        if members.len() >= settings.max_firms.max(1) {
            break;
        }
        if members.iter().all(|&m| km(m, k) <= settings.radius_km) {
            members.push(k);
        }
    }
    members
}

/// A pool of these firms (indices into the instance) and all their needs of the material.
fn purchasing_pool(
    instance: &Instance,
    material: MaterialKey,
    firms: &[usize],
    by_firm: &BTreeMap<usize, Vec<usize>>,
) -> PurchasingPool {
    let mut needs: Vec<usize> = firms
        .iter()
        .flat_map(|f| by_firm[f].iter().copied())
        .collect();
    needs.sort_unstable();
    let quantity_per_year = needs.iter().map(|&j| instance.needs[j].quantity).sum();
    let mut spread_km: f64 = 0.0;
    for (i, &a) in firms.iter().enumerate() {
        for &b in &firms[i + 1..] {
            let (a, b) = (&instance.firms[a], &instance.firms[b]);
            spread_km = spread_km.max(crow_km(a.lat, a.lon, b.lat, b.lon));
        }
    }
    PurchasingPool {
        material,
        needs,
        firms: firms.to_vec(),
        quantity_per_year,
        spread_km,
    }
}

/// Leaves out pools whose needs all lie in a kept pool: larger first, then by material key.
fn without_repeats(mut pools: Vec<PurchasingPool>) -> Vec<PurchasingPool> {
    pools.sort_by(|a, b| {
        b.needs
            .len()
            .cmp(&a.needs.len())
            .then(a.material.cmp(&b.material))
            .then(a.needs.cmp(&b.needs))
    });
    let mut kept: Vec<PurchasingPool> = Vec::new();
    // Kept pools holding each need, so that only pools sharing a need are compared.
    let mut holding: HashMap<usize, Vec<usize>> = HashMap::new();
    for pool in pools {
        let covered = holding.get(&pool.needs[0]).is_some_and(|ks| {
            ks.iter().any(|&k| {
                pool.needs
                    .iter()
                    .all(|j| kept[k].needs.binary_search(j).is_ok())
            })
        });
        if covered {
            continue;
        }
        for &j in &pool.needs {
            holding.entry(j).or_default().push(kept.len());
        }
        kept.push(pool);
    }
    kept
}
