//! The factors the impact figures use: the matcher's economics (`matching::economics`) with
//! the region's parameters, so that impact and suggestions count alike.

use std::collections::BTreeMap;

use crate::domain::{Material, Parameters, Unit};
use crate::matching::economics::Params;

/// Every factor of the impact figures, with its value in force.
#[derive(Debug, Clone, PartialEq)]
pub struct Factors {
    /// € per tonne-km by road.
    pub transport_eur_per_tkm: f64,
    /// Road km = great-circle km × this factor.
    pub road_factor: f64,
    /// kg CO₂ emitted per tonne-km by road.
    pub co2_kg_per_tkm: f64,
    /// Tonnes per m³, to turn prices per m³ into prices per tonne.
    pub tonnes_per_m3: f64,
    /// Tonnes per piece, to turn prices per piece into prices per tonne.
    pub tonnes_per_piece: f64,
    /// kg CO₂ avoided per tonne for materials without a figure of their own, when the region
    /// states one.
    pub co2_avoided_kg_per_t_default: Option<f64>,
    /// kg CO₂ avoided per tonne by List-of-Waste code (official spelling, `13 02 05*`), as the
    /// region states them.
    pub co2_avoided_kg_per_t_by_code: BTreeMap<String, f64>,
}

impl Factors {
    /// The factors documented in `matching::economics`, before any region sets its own; a
    /// factor in force that equals one of these has that documented source.
    pub fn documented() -> Factors {
        Factors::of_region(None)
    }

    /// The factors in force for a region: its parameters where it has them, the matcher's
    /// documented defaults for the rest. CO₂ avoided has no default: only what the region
    /// states.
    pub fn of_region(parameters: Option<&Parameters>) -> Factors {
        let params = parameters.map_or_else(Params::default, Params::from_parameters);
        Factors {
            transport_eur_per_tkm: params.transport_eur_per_tkm,
            road_factor: params.road_factor,
            co2_kg_per_tkm: params.co2_kg_per_tkm,
            tonnes_per_m3: params.tonnes_per_m3,
            tonnes_per_piece: params.tonnes_per_piece,
            co2_avoided_kg_per_t_default: parameters
                .and_then(Parameters::co2_avoided_kg_per_t_default),
            co2_avoided_kg_per_t_by_code: parameters
                .and_then(Parameters::co2_avoided_kg_per_t_by_ewc)
                .cloned()
                .unwrap_or_default(),
        }
    }

    /// A price per unit as a price per tonne; `None` for MWh, which has no tonnes.
    pub fn per_tonne(&self, eur_per_unit: f64, unit: Unit) -> Option<f64> {
        match unit {
            Unit::Tonnes => Some(eur_per_unit),
            Unit::CubicMetres => Some(eur_per_unit / self.tonnes_per_m3),
            Unit::Pieces => Some(eur_per_unit / self.tonnes_per_piece),
            Unit::MegawattHours => None,
        }
    }

    /// Tonnes in one unit; `None` for MWh.
    pub fn tonnes_per_unit(&self, unit: Unit) -> Option<f64> {
        match unit {
            Unit::Tonnes => Some(1.0),
            Unit::CubicMetres => Some(self.tonnes_per_m3),
            Unit::Pieces => Some(self.tonnes_per_piece),
            Unit::MegawattHours => None,
        }
    }

    /// kg CO₂ avoided per tonne of a stored material: its own figure, else the region's
    /// default, else `None` (nothing stated, nothing assumed).
    pub fn co2_avoided_kg_per_t(&self, material: &str) -> Option<f64> {
        let own = Material::parse(material)
            .ok()
            .and_then(|m| self.co2_avoided_kg_per_t_by_code.get(m.code()).copied());
        own.or(self.co2_avoided_kg_per_t_default)
    }
}
