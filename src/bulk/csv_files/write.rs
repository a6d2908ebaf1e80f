//! Writing a region as four CSV files.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::{
    BY_EWC_PREFIX, COMPANY_COLUMNS, NEED_COLUMNS, OFFER_COLUMNS, PARAMETER_COLUMNS, text_cell,
};
use crate::domain::Region;

/// Writes a region as `companies.csv`, `offers.csv`, `needs.csv` and `parameters.csv` in `dir`.
pub fn write_csv_dir(region: &Region, dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    write_companies(region, std::fs::File::create(dir.join("companies.csv"))?)?;
    write_offers(region, std::fs::File::create(dir.join("offers.csv"))?)?;
    write_needs(region, std::fs::File::create(dir.join("needs.csv"))?)?;
    write_parameters(region, std::fs::File::create(dir.join("parameters.csv"))?)
}

/// Writes the region's firms as `companies.csv` does.
pub fn write_companies(region: &Region, out: impl Write) -> std::io::Result<()> {
    let mut companies = csv::Writer::from_writer(out);
    companies.write_record(COMPANY_COLUMNS)?;
    for firm in &region.firms {
        companies.write_record([
            text(firm.id().as_str()),
            text(firm.name()),
            firm.location().lat().to_string(),
            firm.location().lon().to_string(),
            text(firm.nace().map(|n| n.as_str()).unwrap_or_default()),
            firm.employees().to_string(),
            text(firm.municipality()),
            text(firm.address()),
            firm.country().to_string(),
        ])?;
    }
    companies.flush()
}

/// Writes the region's offers as `offers.csv` does.
pub fn write_offers(region: &Region, out: impl Write) -> std::io::Result<()> {
    let mut offers = csv::Writer::from_writer(out);
    offers.write_record(OFFER_COLUMNS)?;
    for offer in &region.offers {
        let stated = offer.descriptors().to_fields();
        offers.write_record([
            text(offer.id().as_str()),
            text(offer.firm().as_str()),
            text(offer.material().code()),
            text(offer.description()),
            offer.quantity().amount().to_string(),
            offer.quantity().unit().as_str().to_string(),
            offer.disposal_cost_eur_per_unit().to_string(),
            offer.regularity().as_str().to_string(),
            date_cell(offer.available_from()),
            date_cell(offer.available_until()),
            offer.confidentiality().as_str().to_string(),
            offer.last_confirmed().to_string(),
            offer
                .declared_hazardous()
                .map(|d| d.to_string())
                .unwrap_or_default(),
            text(offer.material_class_key().map_or("", |k| k.as_str())),
            text(&stated.legal_status),
            text(&stated.food_grade_origin),
            text(&stated.hazard_properties),
            text(&stated.physical_form),
            text(&stated.properties),
            text(offer.pickup_terms().unwrap_or_default()),
        ])?;
    }
    offers.flush()
}

/// Writes the region's needs as `needs.csv` does.
pub fn write_needs(region: &Region, out: impl Write) -> std::io::Result<()> {
    let mut needs = csv::Writer::from_writer(out);
    needs.write_record(NEED_COLUMNS)?;
    for need in &region.needs {
        let accepts: Vec<String> = need.accepts().iter().map(|a| a.to_code()).collect();
        let stated = need.descriptors().to_fields();
        needs.write_record([
            text(need.id().as_str()),
            text(need.firm().as_str()),
            text(&accepts.join(";")),
            text(need.description()),
            need.quantity().amount().to_string(),
            need.quantity().unit().as_str().to_string(),
            need.min_lot_per_year().to_string(),
            need.virgin_price_eur_per_unit().to_string(),
            need.max_distance_km().to_string(),
            need.licensed_for_hazardous().to_string(),
            need.regularity().as_str().to_string(),
            need.confidentiality().as_str().to_string(),
            need.last_confirmed().to_string(),
            text(&stated.accepted_classes),
            text(&stated.specs),
            text(&stated.treatment),
            text(&stated.intended_use),
            text(&stated.licences),
            text(need.pickup_terms().unwrap_or_default()),
        ])?;
    }
    needs.flush()
}

/// Writes the region's parameters (the defaults when it has none) as `parameters.csv` does.
pub fn write_parameters(region: &Region, out: impl Write) -> std::io::Result<()> {
    let parameters = region.parameters.clone().unwrap_or_default();
    let mut file = csv::Writer::from_writer(out);
    file.write_record(PARAMETER_COLUMNS)?;
    file.write_record([
        "transport_eur_per_tkm".into(),
        parameters.transport_eur_per_tkm().to_string(),
    ])?;
    file.write_record(["road_factor".into(), parameters.road_factor().to_string()])?;
    file.write_record([
        "co2_kg_per_tkm".into(),
        parameters.co2_kg_per_tkm().to_string(),
    ])?;
    if let Some(value) = parameters.co2_avoided_kg_per_t_default() {
        file.write_record(["co2_avoided_kg_per_t_default".into(), value.to_string()])?;
    }
    for (code, value) in parameters
        .co2_avoided_kg_per_t_by_ewc()
        .into_iter()
        .flatten()
    {
        file.write_record([text(&format!("{BY_EWC_PREFIX}{code}")), value.to_string()])?;
    }
    file.flush()
}

/// A text cell (numbers, dates and the fixed words of enumerations are written as they are).
fn text(value: &str) -> String {
    text_cell(value).into_owned()
}

fn date_cell(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}
