//! Every candidate edge of a region, generated once on both cores into a compact list
//! (8 bytes an edge: 30 million edges at 100,000 firms take 240 MB).
//!
//! This is the hot loop of the region plan, so it applies the rules of
//! [`super::candidates::check_flows`] directly on precomputed offer data, and takes the
//! great-circle distance from the chord between unit-sphere points the index already holds:
//! `2R·asin(chord/2)` is the haversine distance (the haversine is `(chord/2)²`), without the
//! trigonometry of latitudes and longitudes per pair. Pairs with descriptors or across a
//! border also pass [`super::assess::assess`]: the hard rules, the border procedure and the
//! minimum fit.

use chrono::NaiveDate;
use rayon::prelude::*;

use super::assess::assess;
use super::candidates::Rules;
use super::economics::EARTH_RADIUS_KM;
use super::index::{SpatialIndex, sphere};
use super::instance::{Instance, NeedFlow};
use crate::domain::Unit;
use crate::domain::cross_border::Country;

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

    /// The need an edge belongs to.
    pub fn need_of(&self, edge: usize) -> usize {
        self.need_start.partition_point(|&start| start <= edge) - 1
    }
}

/// What the hot loop needs of an offer, in one cache line.
struct OfferPoint {
    at: [f64; 3],
    firm: u32,
    disposal: f64,
    hazardous: bool,
    unit: Unit,
    until: Option<NaiveDate>,
    country: Country,
    /// A class or descriptors are stated: the hard rules and the fit apply.
    described: bool,
}

/// Edge counts per need and the `(offer, cost)` edges of a run of needs.
type NeedChunk = (Vec<u32>, Vec<(u32, i32)>);

/// Generates every feasible offer→need edge under the reference rules, using both cores.
pub fn candidate_edges(instance: &Instance, index: &SpatialIndex, rules: Rules) -> EdgeList {
    const CHUNK: usize = 256;
    let points: Vec<OfferPoint> = instance
        .offers
        .iter()
        .map(|o| {
            let firm = &instance.firms[o.firm as usize];
            OfferPoint {
                at: sphere(firm.lat, firm.lon),
                firm: o.firm,
                disposal: o.disposal_cost,
                hazardous: o.hazardous,
                unit: o.unit,
                until: o.available_until,
                country: firm.country,
                described: o.is_described(),
            }
        })
        .collect();
    let needs: Vec<usize> = (0..instance.needs.len()).collect();
    let chunks: Vec<NeedChunk> = needs
        .par_chunks(CHUNK)
        .map(|needs| {
            let mut counts = Vec::with_capacity(needs.len());
            let mut edges = Vec::new();
            for &need in needs {
                let before = edges.len();
                // The R-tree's traversal order is fixed for a given instance (bulk loading
                // is deterministic), so the edge order is too; no sort needed.
                edges_of_need(
                    instance,
                    index,
                    &points,
                    &instance.needs[need],
                    rules,
                    &mut edges,
                );
                counts.push((edges.len() - before) as u32);
            }
            (counts, edges)
        })
        .collect();
    concatenate(instance.needs.len(), chunks)
}

fn edges_of_need(
    instance: &Instance,
    index: &SpatialIndex,
    points: &[OfferPoint],
    need: &NeedFlow,
    rules: Rules,
    edges: &mut Vec<(u32, i32)>,
) {
    let params = &instance.params;
    let firm = &instance.firms[need.firm as usize];
    let at = sphere(firm.lat, firm.lon);
    let rate = params.transport_eur_per_unit_km(need.unit);
    let crow = need.max_road_km / params.road_factor;
    let need_described = need.is_described();
    let by_class = need.accepts.len();
    for (nth, material) in need.searched_materials().enumerate() {
        for offer in index.offers_near(material, at, crow) {
            let p = &points[offer];
            // A code reached through an accepted class counts only for an offer of that class.
            if nth >= by_class && !need.takes(&instance.offers[offer]) {
                continue;
            }
            let expired =
                matches!((rules.as_of, p.until), (Some(as_of), Some(until)) if until < as_of);
            if p.firm == need.firm
                || (p.hazardous && !need.licensed_for_hazardous)
                || p.unit != need.unit
                || expired
            {
                continue;
            }
            let chord =
                ((p.at[0] - at[0]).powi(2) + (p.at[1] - at[1]).powi(2) + (p.at[2] - at[2]).powi(2))
                    .sqrt();
            let road_km =
                params.road_factor * 2.0 * EARTH_RADIUS_KM * (chord / 2.0).min(1.0).asin();
            if road_km > need.max_road_km {
                continue;
            }
            let benefit = p.disposal + need.virgin_price - rate * road_km;
            if benefit <= 0.0 {
                continue;
            }
            // Hard rules, the border and the minimum fit, only where descriptors or a border
            // can refuse (a code-only region never gets here).
            let beyond_code = p.described || need_described || p.country != firm.country;
            if beyond_code
                && assess(instance, &instance.offers[offer], need, Default::default()).is_err()
            {
                continue;
            }
            edges.push((offer as u32, cents(benefit)));
        }
    }
}

fn concatenate(needs: usize, chunks: Vec<NeedChunk>) -> EdgeList {
    let total: usize = chunks.iter().map(|(_, e)| e.len()).sum();
    let mut list = EdgeList {
        need_start: Vec::with_capacity(needs + 1),
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

/// −round(100 × benefit): the integer cost of the reference, in cents per unit.
pub(super) fn cents(benefit_eur_per_unit: f64) -> i32 {
    -(benefit_eur_per_unit * 100.0).round() as i32
}
