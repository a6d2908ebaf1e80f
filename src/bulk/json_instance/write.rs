//! Writing a region as an instance file.

use serde_json::{Map, Value, json};

use super::FORMAT_ID;
use super::descriptors::{write_need_descriptors, write_offer_descriptors};
use crate::bulk::fields::FieldNames;
use crate::bulk::json_settings::parameters_to_json;
use crate::domain::cross_border::Country;
use crate::domain::{Firm, Material, Need, Offer, Region, Unit};

/// Writes a region as an instance file. Tonne flows use the benchmark format's field names,
/// so the reference solvers and the scorer read our exports.
pub fn write_instance(region: &Region) -> Value {
    let mut root = Map::new();
    root.insert("format".into(), json!(FORMAT_ID));
    if let Some(meta) = &region.meta {
        root.insert("meta".into(), Value::Object(meta.clone()));
    }
    let parameters = region.parameters.clone().unwrap_or_default();
    root.insert("parameters".into(), parameters_to_json(&parameters));
    root.insert(
        "companies".into(),
        region.firms.iter().map(firm_to_json).collect(),
    );
    root.insert(
        "offers".into(),
        region.offers.iter().map(offer_to_json).collect(),
    );
    root.insert(
        "needs".into(),
        region.needs.iter().map(need_to_json).collect(),
    );
    Value::Object(root)
}

fn firm_to_json(firm: &Firm) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), json!(firm.id().as_str()));
    object.insert("name".into(), json!(firm.name()));
    object.insert("lat".into(), json!(firm.location().lat()));
    object.insert("lon".into(), json!(firm.location().lon()));
    if let Some(nace) = firm.nace() {
        object.insert("nace".into(), json!(nace.as_str()));
    }
    object.insert("employees".into(), json!(firm.employees()));
    object.insert("municipality".into(), json!(firm.municipality()));
    if !firm.address().is_empty() {
        object.insert("address".into(), json!(firm.address()));
    }
    if firm.country() != Country::NL {
        object.insert("country".into(), json!(firm.country().to_string()));
    }
    Value::Object(object)
}

fn unit_names(object: &mut Map<String, Value>, unit: Unit) -> &'static FieldNames {
    if unit == Unit::Tonnes {
        FieldNames::for_json_unit(None)
    } else {
        object.insert("unit".into(), json!(unit.as_str()));
        FieldNames::for_json_unit(Some(unit.as_str()))
    }
}

fn offer_to_json(offer: &Offer) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), json!(offer.id().as_str()));
    object.insert("company".into(), json!(offer.firm().as_str()));
    let material_field = match offer.material() {
        Material::Waste(_) => "ewc",
        Material::Resource(_) => "material",
    };
    object.insert(material_field.into(), json!(offer.material().code()));
    object.insert("description".into(), json!(offer.description()));
    let names = unit_names(&mut object, offer.quantity().unit());
    object.insert(names.quantity.into(), json!(offer.quantity().amount()));
    object.insert(
        names.disposal_cost.into(),
        json!(offer.disposal_cost_eur_per_unit()),
    );
    if let Some(date) = offer.available_from() {
        object.insert("available_from".into(), json!(date.to_string()));
    }
    if let Some(date) = offer.available_until() {
        object.insert("available_until".into(), json!(date.to_string()));
    }
    if let Some(declared) = offer.declared_hazardous() {
        object.insert("declared_hazardous".into(), json!(declared));
    }
    object.insert("regularity".into(), json!(offer.regularity().as_str()));
    object.insert(
        "confidentiality".into(),
        json!(offer.confidentiality().as_str()),
    );
    object.insert(
        "last_confirmed".into(),
        json!(offer.last_confirmed().to_string()),
    );
    write_offer_descriptors(offer, &mut object);
    if let Some(terms) = offer.pickup_terms() {
        object.insert("pickup_terms".into(), json!(terms));
    }
    Value::Object(object)
}

fn need_to_json(need: &Need) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), json!(need.id().as_str()));
    object.insert("company".into(), json!(need.firm().as_str()));
    let accepts: Vec<String> = need.accepts().iter().map(|a| a.to_code()).collect();
    object.insert("accepts".into(), json!(accepts));
    object.insert("description".into(), json!(need.description()));
    let names = unit_names(&mut object, need.quantity().unit());
    object.insert(names.quantity.into(), json!(need.quantity().amount()));
    object.insert(names.min_lot.into(), json!(need.min_lot_per_year()));
    object.insert(
        names.virgin_price.into(),
        json!(need.virgin_price_eur_per_unit()),
    );
    object.insert("max_distance_km".into(), json!(need.max_distance_km()));
    object.insert(
        "licensed_for_hazardous".into(),
        json!(need.licensed_for_hazardous()),
    );
    object.insert("regularity".into(), json!(need.regularity().as_str()));
    object.insert(
        "confidentiality".into(),
        json!(need.confidentiality().as_str()),
    );
    object.insert(
        "last_confirmed".into(),
        json!(need.last_confirmed().to_string()),
    );
    write_need_descriptors(need, &mut object);
    if let Some(terms) = need.pickup_terms() {
        object.insert("pickup_terms".into(), json!(terms));
    }
    Value::Object(object)
}
