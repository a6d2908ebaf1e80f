//! Tests of pools: known answers on small hand-built regions, properties on random ones, and
//! the demo region.

mod demo;
mod producer;
mod properties;
mod purchasing;

use super::super::index::SpatialIndex;
use super::super::instance::{FirmSite, Instance, MaterialKey, NeedFlow, OfferFlow};
use super::{Pool, PoolSettings, find_pools, pool_for_need};
use crate::domain::cross_border::Country;
use crate::domain::{Accepted, Material, Unit};

/// The recycler's site in the small regions (Weert).
const HOME: (f64, f64) = (51.25, 5.70);

fn key(code: &str) -> MaterialKey {
    MaterialKey::of(&Material::parse(code).expect("a valid code"))
}

/// A small region built by hand: firms at points, flows in tonnes.
#[derive(Default)]
struct Builder {
    instance: Instance,
}

impl Builder {
    fn firm(&mut self, lat: f64, lon: f64, employees: u32) -> u32 {
        let n = self.instance.firms.len();
        self.instance.firms.push(FirmSite {
            id: format!("F{n}"),
            name: format!("Firm {n}"),
            lat,
            lon,
            nace: None,
            employees,
            municipality: "Weert".into(),
            country: Country::NL,
        });
        n as u32
    }

    /// A small firm `north_km` and `east_km` from [`HOME`] (flat-earth offsets, fine at
    /// these distances).
    fn firm_at(&mut self, north_km: f64, east_km: f64) -> u32 {
        let lat = HOME.0 + north_km / 111.2;
        let lon = HOME.1 + east_km / (111.2 * HOME.0.to_radians().cos());
        self.firm(lat, lon, 10)
    }

    fn offer(&mut self, firm: u32, code: &str, quantity: f64, disposal: f64) -> usize {
        let n = self.instance.offers.len();
        self.instance.offers.push(OfferFlow {
            id: format!("O{n}"),
            firm,
            material: key(code),
            hazardous: code.ends_with('*'),
            unit: Unit::Tonnes,
            quantity,
            disposal_cost: disposal,
            available_from: None,
            available_until: None,
            traits: None,
        });
        n
    }

    /// A need taking `quantity` t/yr in lots of at least `min_lot`, unlicensed; `accepts` may
    /// name chapters.
    fn need(
        &mut self,
        firm: u32,
        accepts: &[&str],
        quantity: f64,
        min_lot: f64,
        max_km: f64,
    ) -> usize {
        let n = self.instance.needs.len();
        let mut accepts: Vec<MaterialKey> = accepts
            .iter()
            .flat_map(|c| MaterialKey::covered_by(&Accepted::parse(c).expect("a valid entry")))
            .collect();
        accepts.sort_unstable();
        accepts.dedup();
        self.instance.needs.push(NeedFlow {
            id: format!("N{n}"),
            firm,
            accepts,
            unit: Unit::Tonnes,
            quantity,
            min_lot,
            virgin_price: 150.0,
            max_road_km: max_km,
            licensed_for_hazardous: false,
            traits: None,
        });
        n
    }

    fn pools(&self) -> Vec<Pool> {
        let index = SpatialIndex::build(&self.instance);
        find_pools(&self.instance, &index, PoolSettings::default())
    }

    fn pool(&self, need: usize) -> Option<Pool> {
        let index = SpatialIndex::build(&self.instance);
        pool_for_need(&self.instance, &index, need, PoolSettings::default())
    }
}

/// The film recycler of PRODUCT.md: 30 t lots of LDPE film, nine producers of 4 t each
/// at 2–6 km in every direction.
fn nine_film_producers() -> (Builder, usize) {
    let mut b = Builder::default();
    let recycler = b.firm_at(0.0, 0.0);
    let need = b.need(recycler, &["15 01 02"], 200.0, 30.0, 25.0);
    for i in 0..9 {
        let angle = i as f64 * 40f64.to_radians();
        let distance = 2.0 + 0.5 * i as f64;
        let firm = b.firm_at(distance * angle.sin(), distance * angle.cos());
        b.offer(firm, "15 01 02", 4.0, 90.0);
    }
    (b, need)
}

/// Checks what every pool promises: a closed round from the receiver through each member
/// firm once, shares adding up, the lot reached.
fn assert_consistent(instance: &Instance, pool: &Pool) {
    let need = &instance.needs[pool.need];
    let receiver = need.firm as usize;
    assert_eq!(pool.round.first(), Some(&receiver));
    assert_eq!(pool.round.last(), Some(&receiver));
    let mut visited = pool.round[1..pool.round.len() - 1].to_vec();
    visited.sort_unstable();
    let mut firms: Vec<usize> = pool.members.iter().map(|m| m.firm).collect();
    firms.sort_unstable();
    firms.dedup();
    assert_eq!(visited, firms, "each member firm once, nothing else");
    let sum = |f: fn(&super::PoolMember) -> f64| pool.members.iter().map(f).sum::<f64>();
    let tolerance = 1e-6 * (1.0 + pool.cost_eur_per_year.abs());
    assert!((sum(|m| m.transport_eur_per_year) - pool.cost_eur_per_year).abs() < tolerance);
    assert!(
        (sum(|m| m.benefit_eur_per_year) - pool.benefit_eur_per_year).abs()
            < 1e-6 * (1.0 + pool.benefit_eur_per_year.abs())
    );
    assert!(
        (sum(|m| m.co2_transport_kg_per_year) - pool.co2_transport_kg_per_year).abs()
            < 1e-6 * (1.0 + pool.co2_transport_kg_per_year)
    );
    assert!((sum(|m| m.quantity) - pool.quantity_per_year).abs() < 1e-9);
    assert!(pool.quantity_per_year >= need.min_lot - 1e-9);
    assert!(pool.quantity_per_year <= need.quantity + 1e-9);
    assert!(pool.benefit_eur_per_year > 0.0);
    assert!(pool.members.len() <= PoolSettings::default().max_members);
    for m in &pool.members {
        assert_eq!(instance.offers[m.offer].firm as usize, m.firm);
        assert!(m.quantity > 0.0 && m.quantity <= instance.offers[m.offer].quantity);
    }
}
