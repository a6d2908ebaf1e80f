//! Region parameters as the JSON object of the instance format.

use serde_json::{Map, Value, json};

use crate::domain::parameters::ParametersDraft;
use crate::domain::{Parameters, Problems};

/// The `parameters` object of an instance file.
pub fn parameters_to_json(parameters: &Parameters) -> Value {
    let mut object = Map::new();
    object.insert(
        "transport_eur_per_tkm".into(),
        json!(parameters.transport_eur_per_tkm()),
    );
    object.insert("road_factor".into(), json!(parameters.road_factor()));
    object.insert("co2_kg_per_tkm".into(), json!(parameters.co2_kg_per_tkm()));
    if let Some(value) = parameters.co2_avoided_kg_per_t_default() {
        object.insert("co2_avoided_kg_per_t_default".into(), json!(value));
    }
    if let Some(by_ewc) = parameters.co2_avoided_kg_per_t_by_ewc() {
        object.insert("co2_avoided_kg_per_t_by_ewc".into(), json!(by_ewc));
    }
    Value::Object(object)
}

/// Reads a `parameters` object; every problem is named by its key.
pub fn parameters_from_json(value: &Value) -> Result<Parameters, Problems> {
    let mut problems = Problems::default();
    let Some(object) = value.as_object() else {
        problems.push("parameters", "must be an object");
        return Err(problems);
    };
    let mut number = |name: &str, required: bool| -> Option<f64> {
        match object.get(name) {
            None | Some(Value::Null) if !required => None,
            None | Some(Value::Null) => {
                problems.push(name, "is missing");
                None
            }
            Some(value) => value.as_f64().or_else(|| {
                problems.push(name, format!("expected a number, found {value}"));
                None
            }),
        }
    };
    let transport = number("transport_eur_per_tkm", true);
    let road_factor = number("road_factor", true);
    let co2 = number("co2_kg_per_tkm", true);
    let co2_default = number("co2_avoided_kg_per_t_default", false);
    let by_ewc = match object.get("co2_avoided_kg_per_t_by_ewc") {
        None | Some(Value::Null) => None,
        Some(Value::Object(map)) => Some(
            map.iter()
                .filter_map(|(code, value)| match value.as_f64() {
                    Some(number) => Some((code.clone(), number)),
                    None => {
                        problems.push(
                            format!("co2_avoided_kg_per_t_by_ewc.{code}"),
                            format!("expected a number, found {value}"),
                        );
                        None
                    }
                })
                .collect(),
        ),
        Some(other) => {
            problems.push(
                "co2_avoided_kg_per_t_by_ewc",
                format!("expected an object of code: number, found {other}"),
            );
            None
        }
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    Parameters::parse(ParametersDraft {
        transport_eur_per_tkm: transport.unwrap_or_default(),
        road_factor: road_factor.unwrap_or_default(),
        co2_kg_per_tkm: co2.unwrap_or_default(),
        co2_avoided_kg_per_t_default: co2_default,
        co2_avoided_kg_per_t_by_ewc: by_ewc,
    })
}
