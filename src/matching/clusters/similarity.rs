//! The similarity graph of small firms (step 2 of the clusters method): an edge between two
//! small firms within the radius that share a need material or a NACE division.

use std::collections::BTreeMap;

use petgraph::graph::{NodeIndex, UnGraph};
use rayon::prelude::*;
use rstar::RTree;

use super::ClusterSettings;
use crate::matching::economics::crow_km;
use crate::matching::index::{SpherePoint, chord_squared, sphere};
use crate::matching::instance::{Instance, MaterialKey};

/// A small firm as the clustering sees it.
pub(super) struct Profile {
    /// Index into [`Instance::firms`].
    pub firm: usize,
    pub lat: f64,
    pub lon: f64,
    /// On the unit sphere, as the R-trees hold it.
    pub at: [f64; 3],
    /// Materials any of its needs accepts, sorted, without duplicates.
    pub needs: Vec<MaterialKey>,
    /// Materials it offers, sorted, without duplicates.
    pub offers: Vec<MaterialKey>,
    /// NACE division, `C25` of `C25.62`; none when only the section is known.
    pub division: Option<String>,
}

impl Profile {
    /// Profiles of the firms with at most `max_employees`, in firm order.
    pub fn of_small_firms(instance: &Instance, max_employees: u32) -> Vec<Profile> {
        let mut needs: Vec<Vec<MaterialKey>> = vec![Vec::new(); instance.firms.len()];
        for need in &instance.needs {
            needs[need.firm as usize].extend_from_slice(&need.accepts);
        }
        let mut offers: Vec<Vec<MaterialKey>> = vec![Vec::new(); instance.firms.len()];
        for offer in &instance.offers {
            offers[offer.firm as usize].push(offer.material);
        }
        let sorted = |mut keys: Vec<MaterialKey>| {
            keys.sort_unstable();
            keys.dedup();
            keys
        };
        instance
            .firms
            .iter()
            .zip(needs.into_iter().zip(offers))
            .enumerate()
            .filter(|(_, (firm, _))| firm.employees <= max_employees)
            .map(|(i, (firm, (needs, offers)))| Profile {
                firm: i,
                lat: firm.lat,
                lon: firm.lon,
                at: sphere(firm.lat, firm.lon),
                needs: sorted(needs),
                offers: sorted(offers),
                division: firm.nace.as_deref().and_then(division),
            })
            .collect()
    }

    fn keys(&self) -> impl Iterator<Item = Key<'_>> {
        self.needs
            .iter()
            .map(|&m| Key::Need(m))
            .chain(self.division.as_deref().map(Key::Division))
    }
}

/// The division of a NACE code: its letter and two digits.
fn division(nace: &str) -> Option<String> {
    let head = nace.as_bytes().get(..3)?;
    let shaped =
        head[0].is_ascii_uppercase() && head[1].is_ascii_digit() && head[2].is_ascii_digit();
    shaped.then(|| nace[..3].to_string())
}

/// What two linked firms share, and how far apart they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Similarity {
    pub shares_need: bool,
    pub same_division: bool,
    /// Crow-fly distance, km.
    pub km: f64,
}

impl Similarity {
    /// 2 when the firms share a need and a division, else 1.
    pub fn strength(&self) -> u8 {
        u8::from(self.shares_need) + u8::from(self.same_division)
    }
}

/// What firms can have in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Key<'a> {
    Need(MaterialKey),
    Division(&'a str),
}

/// The graph over profile positions (node `p` is profile `p`; its weight the firm index).
pub(super) fn similarity_graph(
    profiles: &[Profile],
    settings: ClusterSettings,
) -> UnGraph<usize, Similarity> {
    let trees = key_trees(profiles);
    let chord2 = chord_squared(settings.radius_km);
    let near: Vec<Vec<usize>> = profiles
        .par_iter()
        .enumerate()
        .map(|(p, profile)| nearest_sharing(p, profile, &trees, chord2, settings.max_size))
        .collect();
    let mut pairs: Vec<(usize, usize)> = near
        .iter()
        .enumerate()
        .flat_map(|(p, list)| list.iter().map(move |&q| (p.min(q), p.max(q))))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let edges: Vec<(usize, usize, Similarity)> = pairs
        .into_par_iter()
        .filter_map(|(p, q)| {
            Some((
                p,
                q,
                similarity(&profiles[p], &profiles[q], settings.radius_km)?,
            ))
        })
        .collect();
    let mut graph = UnGraph::with_capacity(profiles.len(), edges.len());
    for profile in profiles {
        graph.add_node(profile.firm);
    }
    for (p, q, weight) in edges {
        graph.add_edge(NodeIndex::new(p), NodeIndex::new(q), weight);
    }
    graph
}

/// One R-tree of profile positions per need material and per division.
fn key_trees(profiles: &[Profile]) -> BTreeMap<Key<'_>, RTree<SpherePoint>> {
    let mut points: BTreeMap<Key<'_>, Vec<SpherePoint>> = BTreeMap::new();
    for (p, profile) in profiles.iter().enumerate() {
        for key in profile.keys() {
            points
                .entry(key)
                .or_default()
                .push(SpherePoint::new(profile.at, p as u32));
        }
    }
    points
        .into_iter()
        .map(|(key, points)| (key, RTree::bulk_load(points)))
        .collect()
}

/// Up to `per_key` nearest other profiles within the chord, for each key of the profile.
fn nearest_sharing(
    p: usize,
    profile: &Profile,
    trees: &BTreeMap<Key<'_>, RTree<SpherePoint>>,
    chord2: f64,
    per_key: usize,
) -> Vec<usize> {
    let mut found = Vec::new();
    for key in profile.keys() {
        found.extend(
            trees[&key]
                .nearest_neighbor_iter_with_distance_2(profile.at)
                .take_while(|&(_, d2)| d2 <= chord2)
                .map(|(point, _)| point.data as usize)
                .filter(|&q| q != p)
                .take(per_key),
        );
    }
    found
}

/// The edge between two profiles, if they are within the radius and share something.
fn similarity(a: &Profile, b: &Profile, radius_km: f64) -> Option<Similarity> {
    let km = crow_km(a.lat, a.lon, b.lat, b.lon);
    let shares_need = a.needs.iter().any(|m| b.needs.binary_search(m).is_ok());
    let same_division = a.division.is_some() && a.division == b.division;
    (km <= radius_km && (shares_need || same_division)).then_some(Similarity {
        shares_need,
        same_division,
        km,
    })
}
