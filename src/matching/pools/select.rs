//! Choosing the members of one need's pool: candidates through the spatial index, a greedy by
//! score with cheapest insertion into the round, then dropping members the lot does not need
//! and that do not pay for their detour (see the module above for the model).

use super::super::candidates::{Rules, check_flows};
use super::super::economics::{PairEconomics, crow_km};
use super::super::index::{SpatialIndex, sphere};
use super::super::instance::Instance;
use super::{CANDIDATE_CAP, Truck};

/// Every rule of a one-to-one exchange except the lot, whatever the date.
const RULES: Rules = Rules {
    as_of: None,
    enforce_min_lot: false,
};

/// Quantities closer than this to the lot count as reaching it (float sums).
const QUANTITY_SLACK: f64 = 1e-9;

/// A feasible offer that may join.
#[derive(Debug, Clone)]
pub(super) struct Candidate {
    offer: usize,
    firm: usize,
    quantity: f64,
    /// Disposal + virgin, € per unit (before transport).
    gross_per_unit: f64,
    /// Its firm's index among the round's points (0 is the receiver).
    point: usize,
}

/// A chosen member and the quantity it delivers.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Take {
    pub offer: usize,
    pub firm: usize,
    pub quantity: f64,
    pub gross_per_unit: f64,
}

/// The candidates of a need and the road km between their firms and the receiver.
pub(super) struct Candidates {
    list: Vec<Candidate>,
    /// Road km between points: 0 the receiver, then each candidate firm once.
    road_km: Vec<Vec<f64>>,
}

/// The need's feasible offers below its lot, the [`CANDIDATE_CAP`] best by direct benefit
/// per year (ties by offer index); None when a single feasible offer reaches the lot (no
/// pool is needed) or none is below it. The enumeration is that of
/// [`feasible_offers_of`](super::super::candidates::feasible_offers_of) — offers of each
/// accepted material within the need's radius in the spatial index, then every rule — but it
/// stops at the first offer that reaches the lot: in a large region almost every need has
/// one, and stopping there is what keeps pooling cheap.
pub(super) fn candidates(
    instance: &Instance,
    index: &SpatialIndex,
    need: usize,
) -> Option<Candidates> {
    let n = &instance.needs[need];
    let receiver = &instance.firms[n.firm as usize];
    let at = sphere(receiver.lat, receiver.lon);
    let crow = n.max_road_km / instance.params.road_factor;
    let mut found: Vec<(usize, PairEconomics)> = Vec::new();
    for material in n.searched_materials() {
        for offer in index.offers_near(material, at, crow) {
            let o = &instance.offers[offer];
            if let Ok(economics) = check_flows(instance, o, n, RULES) {
                if o.quantity >= n.min_lot {
                    return None;
                }
                found.push((offer, economics));
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    found.sort_by(|a, b| {
        b.1.benefit_eur_per_year
            .total_cmp(&a.1.benefit_eur_per_year)
            .then(a.0.cmp(&b.0))
    });
    found.truncate(CANDIDATE_CAP);
    let mut firms = vec![n.firm as usize];
    let list = found
        .into_iter()
        .map(|(offer, e)| {
            let firm = instance.offers[offer].firm as usize;
            let point = firms.iter().position(|&f| f == firm).unwrap_or_else(|| {
                firms.push(firm);
                firms.len() - 1
            });
            Candidate {
                offer,
                firm,
                quantity: instance.offers[offer].quantity,
                gross_per_unit: e.disposal_eur_per_unit + e.virgin_eur_per_unit,
                point,
            }
        })
        .collect();
    let road_factor = instance.params.road_factor;
    let road_km = firms
        .iter()
        .map(|&a| {
            let a = &instance.firms[a];
            firms
                .iter()
                .map(|&b| {
                    road_factor
                        * crow_km(a.lat, a.lon, instance.firms[b].lat, instance.firms[b].lon)
                })
                .collect()
        })
        .collect();
    Some(Candidates { list, road_km })
}

/// The members of the pool, in the order they joined, with their quantities; None when the
/// lot cannot be reached with at most `max_members` of the candidates.
pub(super) fn choose(
    instance: &Instance,
    need: usize,
    candidates: &Candidates,
    truck: Truck,
    max_members: usize,
) -> Option<Vec<Take>> {
    let n = &instance.needs[need];
    let mut state = Selection::new(candidates, n.quantity, truck);
    // Detours are priced at the trips the lot itself needs: the target, known in advance.
    let trips = truck.trips(n.min_lot);
    while state.quantity() < n.min_lot - QUANTITY_SLACK {
        if state.members.len() >= max_members {
            return None;
        }
        let next = state.best_next(trips)?;
        state.add(next);
    }
    state.drop_unneeded(n.min_lot);
    Some(state.takes())
}

/// The greedy's state: members in joining order and the round through their firms.
#[derive(Clone)]
struct Selection<'a> {
    candidates: &'a Candidates,
    /// The need's quantity: what members beyond it deliver is not taken.
    capacity: f64,
    truck: Truck,
    /// Candidate indices in joining order.
    members: Vec<usize>,
    /// Points of the round in order, the receiver first; the return to it is implied.
    tour: Vec<usize>,
    /// Members at each point.
    at_point: Vec<usize>,
}

impl<'a> Selection<'a> {
    fn new(candidates: &'a Candidates, capacity: f64, truck: Truck) -> Self {
        Selection {
            candidates,
            capacity,
            truck,
            members: Vec::new(),
            tour: vec![0],
            at_point: vec![0; candidates.road_km.len()],
        }
    }

    /// Quantities delivered by `members`, in order, until the need is full.
    fn quantities(&self, members: &[usize]) -> Vec<f64> {
        let mut left = self.capacity;
        members
            .iter()
            .map(|&c| {
                let q = self.candidates.list[c].quantity.min(left).max(0.0);
                left -= q;
                q
            })
            .collect()
    }

    fn quantity(&self) -> f64 {
        self.quantities(&self.members).iter().sum()
    }

    /// Cheapest insertion of a point into the tour: extra road km and the position.
    fn insertion(&self, point: usize) -> (f64, usize) {
        if self.at_point[point] > 0 {
            return (0.0, 0);
        }
        let d = &self.candidates.road_km;
        let len = self.tour.len();
        (0..len)
            .map(|i| {
                let (a, b) = (self.tour[i], self.tour[(i + 1) % len]);
                (d[a][point] + d[point][b] - d[a][b], i + 1)
            })
            .fold((f64::INFINITY, 0), |best, next| {
                if next.0 < best.0 { next } else { best }
            })
    }

    /// The candidate with the highest score: (gross value added − detour cost) per unit
    /// added; ties to the lower index (the better direct benefit).
    fn best_next(&self, trips: f64) -> Option<usize> {
        let room = self.capacity - self.quantity();
        let mut best: Option<(usize, f64)> = None;
        for (c, candidate) in self.candidates.list.iter().enumerate() {
            let take = candidate.quantity.min(room);
            if self.members.contains(&c) || take <= 0.0 {
                continue;
            }
            let detour = self.insertion(candidate.point).0;
            let detour_cost = trips * self.truck.eur_per_km * detour;
            let score = (candidate.gross_per_unit * take - detour_cost) / take;
            if best.is_none_or(|(_, s)| score > s) {
                best = Some((c, score));
            }
        }
        best.map(|(c, _)| c)
    }

    fn add(&mut self, c: usize) {
        let point = self.candidates.list[c].point;
        let (_, position) = self.insertion(point);
        if self.at_point[point] == 0 {
            self.tour.insert(position, point);
        }
        self.at_point[point] += 1;
        self.members.push(c);
    }

    fn remove(&mut self, k: usize) {
        let c = self.members.remove(k);
        let point = self.candidates.list[c].point;
        self.at_point[point] -= 1;
        if self.at_point[point] == 0 {
            self.tour.retain(|&p| p != point);
        }
    }

    /// Net benefit per year of the current members on the current tour.
    fn net(&self) -> f64 {
        let quantities = self.quantities(&self.members);
        let total: f64 = quantities.iter().sum();
        let gross: f64 = self
            .members
            .iter()
            .zip(&quantities)
            .map(|(&c, q)| self.candidates.list[c].gross_per_unit * q)
            .sum();
        let d = &self.candidates.road_km;
        let len = self.tour.len();
        let km: f64 = (0..len)
            .map(|i| d[self.tour[i]][self.tour[(i + 1) % len]])
            .sum();
        gross - self.truck.trips(total) * self.truck.eur_per_km * km
    }

    /// Drops, one at a time, the member whose removal keeps the lot and raises the net
    /// benefit most (or keeps it: a member that delivers nothing goes); ties to the member
    /// that joined first.
    fn drop_unneeded(&mut self, lot: f64) {
        loop {
            let current = self.net();
            let mut best: Option<(usize, f64)> = None;
            for k in 0..self.members.len() {
                let mut trial = self.clone();
                trial.remove(k);
                if trial.quantity() < lot - QUANTITY_SLACK {
                    continue;
                }
                let net = trial.net();
                if net >= current - 1e-9 && best.is_none_or(|(_, b)| net > b) {
                    best = Some((k, net));
                }
            }
            match best {
                Some((k, _)) => self.remove(k),
                None => return,
            }
        }
    }

    fn takes(&self) -> Vec<Take> {
        self.members
            .iter()
            .zip(self.quantities(&self.members))
            .map(|(&c, quantity)| {
                let candidate = &self.candidates.list[c];
                Take {
                    offer: candidate.offer,
                    firm: candidate.firm,
                    quantity,
                    gross_per_unit: candidate.gross_per_unit,
                }
            })
            .collect()
    }
}
