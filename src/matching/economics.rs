//! Money and CO₂ of one exchange. Per unit: avoided disposal cost + avoided virgin purchase −
//! transport (road km × € per unit-km); per year: times the quantity that fits both sides.
//!
//! Defaults and their sources:
//! - road freight 0.12 €/tkm and 0.1 kg CO₂/tkm (full truckload incl. empty return, heavy
//!   goods vehicle well-to-wheel; the benchmark generator's values, see FORMAT.md), road
//!   factor 1.3 (crow-fly to road, typical 1.2–1.4 in the Netherlands);
//! - CO₂ avoided per tonne: 0 unless the instance gives a default or a per-code figure
//!   (as in FORMAT.md; the reference reports it gross, before transport);
//! - m³ is trucked like tonnes (water: 1 t/m³); pieces are pallets and crates of about
//!   25 kg (a Euro pallet weighs 20–25 kg), so 0.025 t per piece;
//! - heat and steam in MWh travel by pipe, not truck: 5 € per MWh·km (a small district-heating
//!   pipe costs about €1,000 per metre installed; over 30 years at 4 % that is ~€58k per km
//!   and year, spread over ~10 GWh a year), with no transport CO₂ (pumping is negligible).

use std::collections::BTreeMap;

use super::instance::MaterialKey;
use crate::domain::{EwcCode, Material, Parameters, Unit};

/// Mean Earth radius in km, as the reference uses.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Economic parameters of the matcher; every one configurable.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// € per tonne-km by road.
    pub transport_eur_per_tkm: f64,
    /// Road distance = great-circle distance × this factor.
    pub road_factor: f64,
    /// kg CO₂ emitted per tonne-km by road.
    pub co2_kg_per_tkm: f64,
    /// kg CO₂ avoided per tonne exchanged, when no per-material figure is given.
    pub co2_avoided_kg_per_t_default: f64,
    /// kg CO₂ avoided per tonne, per material.
    pub co2_avoided_kg_per_t: BTreeMap<MaterialKey, f64>,
    /// Tonnes of road freight per m³.
    pub tonnes_per_m3: f64,
    /// Tonnes of road freight per piece.
    pub tonnes_per_piece: f64,
    /// € per MWh·km for heat and steam by pipe.
    pub pipe_eur_per_mwh_km: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            transport_eur_per_tkm: 0.12,
            road_factor: 1.3,
            co2_kg_per_tkm: 0.1,
            co2_avoided_kg_per_t_default: 0.0,
            co2_avoided_kg_per_t: BTreeMap::new(),
            tonnes_per_m3: 1.0,
            tonnes_per_piece: 0.025,
            pipe_eur_per_mwh_km: 5.0,
        }
    }
}

impl Params {
    /// The matcher's parameters from a region's, defaults for the rest.
    pub fn from_parameters(parameters: &Parameters) -> Params {
        let co2_avoided_kg_per_t = parameters
            .co2_avoided_kg_per_t_by_ewc()
            .into_iter()
            .flatten()
            .filter_map(|(code, value)| {
                let code = EwcCode::parse(code).ok()?;
                Some((MaterialKey::of(&Material::Waste(code)), *value))
            })
            .collect();
        Params {
            transport_eur_per_tkm: parameters.transport_eur_per_tkm(),
            road_factor: parameters.road_factor(),
            co2_kg_per_tkm: parameters.co2_kg_per_tkm(),
            co2_avoided_kg_per_t_default: parameters.co2_avoided_kg_per_t_default().unwrap_or(0.0),
            co2_avoided_kg_per_t,
            ..Params::default()
        }
    }

    /// € to move one unit one road-km.
    pub fn transport_eur_per_unit_km(&self, unit: Unit) -> f64 {
        match unit {
            Unit::Tonnes => self.transport_eur_per_tkm,
            Unit::CubicMetres => self.transport_eur_per_tkm * self.tonnes_per_m3,
            Unit::Pieces => self.transport_eur_per_tkm * self.tonnes_per_piece,
            Unit::MegawattHours => self.pipe_eur_per_mwh_km,
        }
    }

    /// kg CO₂ to move one unit one road-km.
    pub fn co2_kg_per_unit_km(&self, unit: Unit) -> f64 {
        match unit {
            Unit::Tonnes => self.co2_kg_per_tkm,
            Unit::CubicMetres => self.co2_kg_per_tkm * self.tonnes_per_m3,
            Unit::Pieces => self.co2_kg_per_tkm * self.tonnes_per_piece,
            Unit::MegawattHours => 0.0,
        }
    }

    /// kg CO₂ avoided per unit of this material (tonne figures; other units count their
    /// freight tonnes, MWh none).
    pub fn co2_avoided_kg_per_unit(&self, material: MaterialKey, unit: Unit) -> f64 {
        let per_tonne = self
            .co2_avoided_kg_per_t
            .get(&material)
            .copied()
            .unwrap_or(self.co2_avoided_kg_per_t_default);
        match unit {
            Unit::Tonnes => per_tonne,
            Unit::CubicMetres => per_tonne * self.tonnes_per_m3,
            Unit::Pieces => per_tonne * self.tonnes_per_piece,
            Unit::MegawattHours => 0.0,
        }
    }
}

/// Great-circle distance in km between two points in degrees (haversine, via geo).
pub fn crow_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    use geo::{Distance, Haversine, Point};
    Haversine.distance(Point::new(lon1, lat1), Point::new(lon2, lat2)) / 1000.0
}

/// What one offer→need exchange is worth, per unit and per year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairEconomics {
    /// Road distance, km.
    pub road_km: f64,
    /// Units per year that fit both sides: the smaller of the two quantities.
    pub quantity: f64,
    pub disposal_eur_per_unit: f64,
    pub virgin_eur_per_unit: f64,
    pub transport_eur_per_unit: f64,
    /// Disposal + virgin − transport, € per unit.
    pub benefit_eur_per_unit: f64,
    /// Benefit per unit × quantity.
    pub benefit_eur_per_year: f64,
    pub co2_avoided_kg_per_year: f64,
    pub co2_transport_kg_per_year: f64,
}

impl PairEconomics {
    /// The economics of moving up to `quantity` units per year over `road_km`.
    #[allow(clippy::too_many_arguments)]
    pub fn compute(
        params: &Params,
        material: MaterialKey,
        unit: Unit,
        disposal_eur_per_unit: f64,
        virgin_eur_per_unit: f64,
        road_km: f64,
        quantity: f64,
    ) -> PairEconomics {
        let transport_eur_per_unit = params.transport_eur_per_unit_km(unit) * road_km;
        let benefit_eur_per_unit =
            disposal_eur_per_unit + virgin_eur_per_unit - transport_eur_per_unit;
        PairEconomics {
            road_km,
            quantity,
            disposal_eur_per_unit,
            virgin_eur_per_unit,
            transport_eur_per_unit,
            benefit_eur_per_unit,
            benefit_eur_per_year: benefit_eur_per_unit * quantity,
            co2_avoided_kg_per_year: params.co2_avoided_kg_per_unit(material, unit) * quantity,
            co2_transport_kg_per_year: params.co2_kg_per_unit_km(unit) * road_km * quantity,
        }
    }

    /// Net CO₂ effect per year: avoided minus emitted by transport.
    pub fn co2_net_kg_per_year(&self) -> f64 {
        self.co2_avoided_kg_per_year - self.co2_transport_kg_per_year
    }
}
