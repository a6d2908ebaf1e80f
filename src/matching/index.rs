//! Spatial indexes per material, so that finding counterparts never compares all pairs.
//!
//! rstar is Euclidean, so points live on the unit sphere: `[cos φ cos λ, cos φ sin λ, sin φ]`.
//! Chord length is monotone in great-circle distance, so a radius of d km is exactly a chord
//! of `2·sin(d / 2R)`; the exact haversine filter follows in [`super::candidates`].

use std::collections::BTreeMap;

use rstar::RTree;
use rstar::primitives::GeomWithData;

use super::economics::EARTH_RADIUS_KM;
use super::instance::{Instance, MaterialKey};

/// A point on the unit sphere with the index of the flow it stands for.
pub type SpherePoint = GeomWithData<[f64; 3], u32>;

/// Unit-sphere coordinates of a latitude/longitude in degrees.
pub fn sphere(lat: f64, lon: f64) -> [f64; 3] {
    let (phi, lambda) = (lat.to_radians(), lon.to_radians());
    [
        phi.cos() * lambda.cos(),
        phi.cos() * lambda.sin(),
        phi.sin(),
    ]
}

/// The squared chord that covers every point within `crow_km` great-circle km, with a hair
/// of slack so that rounding never drops a point exactly on the boundary.
pub fn chord_squared(crow_km: f64) -> f64 {
    let half_angle = (crow_km / (2.0 * EARTH_RADIUS_KM)).min(std::f64::consts::FRAC_PI_2);
    let chord = 2.0 * half_angle.sin() * (1.0 + 1e-9) + 1e-12;
    chord * chord
}

/// Needs accepting one material, with the largest crow-fly radius among them.
pub struct NeedTree {
    pub tree: RTree<SpherePoint>,
    pub max_crow_km: f64,
}

/// R-trees of offers by material and of needs by accepted material.
pub struct SpatialIndex {
    offers: BTreeMap<MaterialKey, RTree<SpherePoint>>,
    needs: BTreeMap<MaterialKey, NeedTree>,
}

impl SpatialIndex {
    /// Builds every tree of an instance (bulk-loaded, O(n log n)).
    pub fn build(instance: &Instance) -> SpatialIndex {
        let mut offer_points: BTreeMap<MaterialKey, Vec<SpherePoint>> = BTreeMap::new();
        for (i, offer) in instance.offers.iter().enumerate() {
            let firm = &instance.firms[offer.firm as usize];
            offer_points
                .entry(offer.material)
                .or_default()
                .push(SpherePoint::new(sphere(firm.lat, firm.lon), i as u32));
        }
        let mut need_points: BTreeMap<MaterialKey, (Vec<SpherePoint>, f64)> = BTreeMap::new();
        for (j, need) in instance.needs.iter().enumerate() {
            let firm = &instance.firms[need.firm as usize];
            let crow = need.max_road_km / instance.params.road_factor;
            for material in need.searched_materials() {
                let entry = need_points.entry(material).or_default();
                entry
                    .0
                    .push(SpherePoint::new(sphere(firm.lat, firm.lon), j as u32));
                entry.1 = entry.1.max(crow);
            }
        }
        SpatialIndex {
            offers: offer_points
                .into_iter()
                .map(|(m, points)| (m, RTree::bulk_load(points)))
                .collect(),
            needs: need_points
                .into_iter()
                .map(|(m, (points, max_crow_km))| {
                    (
                        m,
                        NeedTree {
                            tree: RTree::bulk_load(points),
                            max_crow_km,
                        },
                    )
                })
                .collect(),
        }
    }

    /// Offers of `material` within `crow_km` of a point (a superset only by float slack).
    pub fn offers_near(
        &self,
        material: MaterialKey,
        at: [f64; 3],
        crow_km: f64,
    ) -> impl Iterator<Item = usize> + '_ {
        self.offers
            .get(&material)
            .into_iter()
            .flat_map(move |tree| tree.locate_within_distance(at, chord_squared(crow_km)))
            .map(|p| p.data as usize)
    }

    /// Needs accepting `material` that could reach a point: those within the largest radius
    /// of any such need; each need's own radius is checked by the caller.
    pub fn needs_near(
        &self,
        material: MaterialKey,
        at: [f64; 3],
    ) -> impl Iterator<Item = usize> + '_ {
        self.needs
            .get(&material)
            .into_iter()
            .flat_map(move |needs| {
                needs
                    .tree
                    .locate_within_distance(at, chord_squared(needs.max_crow_km))
            })
            .map(|p| p.data as usize)
    }
}
