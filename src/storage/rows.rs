//! Conversions between rows and domain types.

use chrono::NaiveDate;
use sea_orm::ActiveValue::{NotSet, Set};

use super::StorageError;
use super::entities::{companies, need_accepts, needs, offers};
use crate::domain::cross_border::Country;
use crate::domain::descriptors::{NeedDescriptors, OfferDescriptors};
use crate::domain::material_class::ClassKey;
use crate::domain::problem::Problems;
use crate::domain::{Firm, FirmDraft, Need, NeedDraft, Offer, OfferDraft};

/// Descriptors as stored: JSON, `{}` when every descriptor is unknown.
fn descriptors_json(descriptors: &impl serde::Serialize) -> String {
    serde_json::to_string(descriptors).expect("descriptors serialize")
}

/// Reads stored descriptors back; a row edited outside Symbiose is reported as corrupt.
fn descriptors_from_json<T: serde::de::DeserializeOwned>(
    table: &'static str,
    key: &str,
    json: &str,
) -> Result<T, StorageError> {
    serde_json::from_str(json).map_err(|error| StorageError::Corrupt {
        table,
        key: key.to_string(),
        problems: Problems(vec![crate::domain::problem::FieldProblem::new(
            "descriptors",
            error,
        )]),
    })
}

// Rows were validated on the way in; re-parsing on the way out guards against rows edited
// outside Symbiose. No confirmation date in the database can lie "in the future" of MAX.
const NO_FUTURE_CHECK: NaiveDate = NaiveDate::MAX;

pub(super) fn firm_to_row(firm: &Firm) -> companies::ActiveModel {
    companies::ActiveModel {
        id: NotSet,
        key: Set(firm.id().to_string()),
        name: Set(firm.name().to_string()),
        nace: Set(firm.nace().map(|n| n.as_str().to_string())),
        employees: Set(firm.employees() as i32),
        address: Set(firm.address().to_string()),
        municipality: Set(firm.municipality().to_string()),
        lat: Set(firm.location().lat()),
        lon: Set(firm.location().lon()),
        country: Set(firm.country().to_string()),
    }
}

pub(super) fn firm_from_row(row: companies::Model) -> Result<Firm, StorageError> {
    let key = row.key.clone();
    let country = Country::parse(&row.country).map_err(|problem| StorageError::Corrupt {
        table: "companies",
        key: key.clone(),
        problems: Problems(vec![problem]),
    })?;
    Firm::parse(FirmDraft {
        id: row.key,
        name: row.name,
        nace: row.nace,
        employees: i64::from(row.employees),
        address: Some(row.address),
        municipality: row.municipality,
        lat: row.lat,
        lon: row.lon,
        // Read above with its own error; the stored text is checked once.
        country: None,
    })
    .map(|firm| firm.with_country(country))
    .map_err(|problems| StorageError::Corrupt {
        table: "companies",
        key,
        problems,
    })
}

pub(super) fn offer_to_row(offer: &Offer, company_id: i64) -> offers::ActiveModel {
    offers::ActiveModel {
        id: NotSet,
        key: Set(offer.id().to_string()),
        company_id: Set(company_id),
        material: Set(offer.material().code().to_string()),
        declared_hazardous: Set(offer.declared_hazardous()),
        description: Set(offer.description().to_string()),
        quantity: Set(offer.quantity().amount()),
        unit: Set(offer.quantity().unit().as_str().to_string()),
        disposal_cost_eur_per_unit: Set(offer.disposal_cost_eur_per_unit()),
        regularity: Set(offer.regularity().as_str().to_string()),
        available_from: Set(offer.available_from()),
        available_until: Set(offer.available_until()),
        confidentiality: Set(offer.confidentiality().as_str().to_string()),
        last_confirmed: Set(offer.last_confirmed()),
        paused: Set(false),
        material_class: Set(offer.material_class_key().map(|k| k.as_str().to_string())),
        descriptors: Set(descriptors_json(offer.descriptors())),
        pickup_terms: Set(offer.pickup_terms().map(str::to_string)),
    }
}

pub(super) fn offer_from_row(row: offers::Model, firm_key: String) -> Result<Offer, StorageError> {
    let key = row.key.clone();
    let descriptors: OfferDescriptors = descriptors_from_json("offers", &key, &row.descriptors)?;
    let class = row.material_class.clone();
    Offer::parse(
        OfferDraft {
            id: row.key,
            firm: firm_key,
            material: row.material,
            declared_hazardous: row.declared_hazardous,
            description: row.description,
            quantity_per_year: row.quantity,
            unit: Some(row.unit),
            disposal_cost_eur_per_unit: row.disposal_cost_eur_per_unit,
            regularity: Some(row.regularity),
            available_from: row.available_from.map(|d| d.to_string()),
            available_until: row.available_until.map(|d| d.to_string()),
            confidentiality: Some(row.confidentiality),
            last_confirmed: Some(row.last_confirmed.to_string()),
            // Stored as typed JSON and set below.
            material_class: None,
            descriptors: Default::default(),
            pickup_terms: row.pickup_terms,
        },
        NO_FUTURE_CHECK,
    )
    .and_then(|offer| {
        let class = class
            .map(|text| ClassKey::parse(&text).map_err(|p| Problems(vec![p])))
            .transpose()?;
        offer.with_descriptors(class, descriptors)
    })
    .map_err(|problems| StorageError::Corrupt {
        table: "offers",
        key,
        problems,
    })
}

pub(super) fn need_to_row(need: &Need, company_id: i64) -> needs::ActiveModel {
    needs::ActiveModel {
        id: NotSet,
        key: Set(need.id().to_string()),
        company_id: Set(company_id),
        description: Set(need.description().to_string()),
        quantity: Set(need.quantity().amount()),
        unit: Set(need.quantity().unit().as_str().to_string()),
        min_lot: Set(need.min_lot_per_year()),
        virgin_price_eur_per_unit: Set(need.virgin_price_eur_per_unit()),
        max_distance_km: Set(need.max_distance_km()),
        licensed_for_hazardous: Set(need.licensed_for_hazardous()),
        regularity: Set(need.regularity().as_str().to_string()),
        confidentiality: Set(need.confidentiality().as_str().to_string()),
        last_confirmed: Set(need.last_confirmed()),
        paused: Set(false),
        descriptors: Set(descriptors_json(need.descriptors())),
        pickup_terms: Set(need.pickup_terms().map(str::to_string)),
    }
}

pub(super) fn accepts_to_rows(need: &Need, need_id: i64) -> Vec<need_accepts::ActiveModel> {
    need.accepts()
        .iter()
        .enumerate()
        .map(|(position, accepted)| need_accepts::ActiveModel {
            id: NotSet,
            need_id: Set(need_id),
            position: Set(position as i32),
            code: Set(accepted.to_code()),
        })
        .collect()
}

pub(super) fn need_from_row(
    row: needs::Model,
    firm_key: String,
    accepts: Vec<String>,
) -> Result<Need, StorageError> {
    let key = row.key.clone();
    let descriptors: NeedDescriptors = descriptors_from_json("needs", &key, &row.descriptors)?;
    Need::parse(
        NeedDraft {
            id: row.key,
            firm: firm_key,
            accepts,
            description: row.description,
            quantity_per_year: row.quantity,
            unit: Some(row.unit),
            min_lot_per_year: Some(row.min_lot),
            virgin_price_eur_per_unit: row.virgin_price_eur_per_unit,
            max_distance_km: row.max_distance_km,
            licensed_for_hazardous: Some(row.licensed_for_hazardous),
            regularity: Some(row.regularity),
            confidentiality: Some(row.confidentiality),
            last_confirmed: Some(row.last_confirmed.to_string()),
            // Stored as typed JSON and set below.
            descriptors: Default::default(),
            pickup_terms: row.pickup_terms,
        },
        NO_FUTURE_CHECK,
    )
    .map(|need| need.with_descriptors(descriptors))
    .map_err(|problems| StorageError::Corrupt {
        table: "needs",
        key,
        problems,
    })
}
