//! The matcher: known answers, agreement with the reference optimum, and properties.

use std::collections::BTreeSet;

use proptest::prelude::*;
use symbiose::domain::cross_border::Country;
use symbiose::domain::{Material, Unit};
use symbiose::matching::candidates::{Infeasible, Rules, check_pair};
use symbiose::matching::index::SpatialIndex;
use symbiose::matching::plan::{candidate_edges, solve_plan};
use symbiose::matching::suggest::{FlowRef, suggest};
use symbiose::matching::{FirmSite, Instance, MaterialKey, NeedFlow, OfferFlow, Params};

use crate::common::TINY_JSON;
use crate::storage::region_from;

fn key(code: &str) -> MaterialKey {
    MaterialKey::of(&Material::parse(code).unwrap())
}

/// A small instance built by hand: firms at points, offers and needs in tonnes.
#[derive(Default)]
struct Builder {
    instance: Instance,
}

impl Builder {
    fn firm(&mut self, lat: f64, lon: f64) -> u32 {
        let n = self.instance.firms.len();
        self.instance.firms.push(FirmSite {
            id: format!("F{n}"),
            name: format!("Firm {n}"),
            lat,
            lon,
            nace: None,
            employees: 10,
            municipality: "Weert".into(),
            country: Country::NL,
        });
        n as u32
    }

    fn offer(&mut self, firm: u32, code: &str, quantity: f64, disposal: f64) -> usize {
        let n = self.instance.offers.len();
        let material = key(code);
        self.instance.offers.push(OfferFlow {
            id: format!("O{n}"),
            firm,
            material,
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

    fn need(
        &mut self,
        firm: u32,
        accepts: &[&str],
        quantity: f64,
        virgin: f64,
        max_km: f64,
    ) -> usize {
        let n = self.instance.needs.len();
        let mut accepts: Vec<MaterialKey> = accepts.iter().map(|c| key(c)).collect();
        accepts.sort_unstable();
        self.instance.needs.push(NeedFlow {
            id: format!("N{n}"),
            firm,
            accepts,
            unit: Unit::Tonnes,
            quantity,
            min_lot: 0.0,
            virgin_price: virgin,
            max_road_km: max_km,
            licensed_for_hazardous: false,
            traits: None,
        });
        n
    }
}

fn plan_of(instance: &Instance) -> symbiose::matching::plan::Plan {
    let index = SpatialIndex::build(instance);
    let edges = candidate_edges(instance, &index, Rules::default());
    solve_plan(instance, &edges).unwrap()
}

mod history;
mod known_answers;
mod limits;
mod properties;
mod reference;
