//! The few economic parameters that score an exchange, as in the benchmark instance format.

use std::collections::BTreeMap;

use super::limits::{
    MAX_CO2_AVOIDED_KG_PER_T, MAX_CO2_KG_PER_TKM, MAX_ROAD_FACTOR, MAX_TRANSPORT_EUR_PER_TKM,
};
use super::material::EwcCode;
use super::problem::{FieldProblem, Problems};
use super::values::{at_most, finite, non_negative};

/// Economic parameters of a region.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameters {
    transport_eur_per_tkm: f64,
    road_factor: f64,
    co2_kg_per_tkm: f64,
    co2_avoided_kg_per_t_default: Option<f64>,
    co2_avoided_kg_per_t_by_ewc: Option<BTreeMap<String, f64>>,
}

/// Parameters as they arrive from a file, before validation.
#[derive(Debug, Clone, Default)]
pub struct ParametersDraft {
    pub transport_eur_per_tkm: f64,
    pub road_factor: f64,
    pub co2_kg_per_tkm: f64,
    pub co2_avoided_kg_per_t_default: Option<f64>,
    pub co2_avoided_kg_per_t_by_ewc: Option<Vec<(String, f64)>>,
}

impl Default for Parameters {
    /// The benchmark generator's values: 0.12 €/tkm for full-truckload road freight including
    /// the empty return, a road factor of 1.3 (typical 1.2–1.4 in the Netherlands) and
    /// 0.1 kg CO₂/tkm for a heavy goods vehicle well-to-wheel (range 0.06–0.12).
    fn default() -> Self {
        Parameters {
            transport_eur_per_tkm: 0.12,
            road_factor: 1.3,
            co2_kg_per_tkm: 0.1,
            co2_avoided_kg_per_t_default: None,
            co2_avoided_kg_per_t_by_ewc: None,
        }
    }
}

impl Parameters {
    /// Validates a draft, reporting every problem.
    pub fn parse(draft: ParametersDraft) -> Result<Parameters, Problems> {
        let mut problems = Problems::default();
        let transport = problems.take(up_to(
            "transport_eur_per_tkm",
            draft.transport_eur_per_tkm,
            MAX_TRANSPORT_EUR_PER_TKM,
            "€ per tonne-km",
        ));
        let road_factor = problems
            .take(finite("road_factor", draft.road_factor))
            .and_then(|factor| {
                if factor < 1.0 {
                    problems.push("road_factor", format!("{factor} must be at least 1"));
                    return None;
                }
                problems.take(at_most("road_factor", factor, MAX_ROAD_FACTOR, "times"))
            });
        let co2 = problems.take(up_to(
            "co2_kg_per_tkm",
            draft.co2_kg_per_tkm,
            MAX_CO2_KG_PER_TKM,
            "kg per tonne-km",
        ));
        let co2_default = draft
            .co2_avoided_kg_per_t_default
            .and_then(|value| problems.take(co2_avoided("co2_avoided_kg_per_t_default", value)));
        let by_ewc = draft.co2_avoided_kg_per_t_by_ewc.map(|entries| {
            let mut map = BTreeMap::new();
            for (code, value) in entries {
                let field = format!("co2_avoided_kg_per_t_by_ewc.{code}");
                match EwcCode::parse(&code) {
                    Err(reason) => problems.push(field, reason),
                    Ok(parsed) if map.contains_key(parsed.as_str()) => {
                        problems.push(field, format!("{parsed} is given twice"));
                    }
                    Ok(parsed) => {
                        if let Some(value) = problems.take(co2_avoided(&field, value)) {
                            map.insert(parsed.as_str().to_string(), value);
                        }
                    }
                }
            }
            map
        });
        problems.into_result(|| Parameters {
            transport_eur_per_tkm: transport.expect("checked"),
            road_factor: road_factor.expect("checked"),
            co2_kg_per_tkm: co2.expect("checked"),
            co2_avoided_kg_per_t_default: co2_default,
            co2_avoided_kg_per_t_by_ewc: by_ewc,
        })
    }

    /// Road transport cost per tonne-km.
    pub fn transport_eur_per_tkm(&self) -> f64 {
        self.transport_eur_per_tkm
    }
    /// Crow-fly to road distance multiplier.
    pub fn road_factor(&self) -> f64 {
        self.road_factor
    }
    /// CO₂ emitted by road freight per tonne-km.
    pub fn co2_kg_per_tkm(&self) -> f64 {
        self.co2_kg_per_tkm
    }
    /// CO₂ avoided per tonne exchanged when no code-specific figure is given, as set.
    pub fn co2_avoided_kg_per_t_default(&self) -> Option<f64> {
        self.co2_avoided_kg_per_t_default
    }
    /// Code-specific CO₂ avoided per tonne, as set (keys in official spelling).
    pub fn co2_avoided_kg_per_t_by_ewc(&self) -> Option<&BTreeMap<String, f64>> {
        self.co2_avoided_kg_per_t_by_ewc.as_ref()
    }
}

/// A number of at least zero and at most `max` (`what` says in what it counts).
fn up_to(field: &str, value: f64, max: f64, what: &str) -> Result<f64, FieldProblem> {
    at_most(field, non_negative(field, value)?, max, what)
}

/// CO₂ avoided per tonne: finite, either sign, at most [`MAX_CO2_AVOIDED_KG_PER_T`] in size.
fn co2_avoided(field: &str, value: f64) -> Result<f64, FieldProblem> {
    at_most(
        field,
        finite(field, value)?,
        MAX_CO2_AVOIDED_KG_PER_T,
        "kg per tonne",
    )
}
