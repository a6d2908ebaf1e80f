//! `/impact.csv`: one line per exchange and month with every input and every computed
//! figure, so that any total on the page can be recomputed in a spreadsheet. Numbers are
//! written with a decimal point whatever the reader's language; an empty field is a figure
//! left out for want of a factor.

use crate::bulk::csv_files::text_cell;
use crate::outcomes::impact::{ExchangeMonth, Factors, Impact};

/// The header line, in the order of the fields of each line.
pub const COLUMNS: [&str; 33] = [
    "exchange",
    "stage",
    "month",
    "year",
    "material",
    "material_group",
    "supplier",
    "supplier_name",
    "supplier_municipality",
    "supplier_nace",
    "receiver",
    "receiver_name",
    "receiver_municipality",
    "receiver_nace",
    "tonnes",
    "offer_unit",
    "disposal_eur_per_unit",
    "need_unit",
    "virgin_eur_per_unit",
    "offer_tonnes_per_unit",
    "need_tonnes_per_unit",
    "disposal_eur_per_t",
    "virgin_eur_per_t",
    "crow_km",
    "road_factor",
    "road_km",
    "transport_eur_per_tkm",
    "transport_eur_per_t",
    "saved_eur",
    "co2_avoided_kg_per_t",
    "co2_transport_kg_per_tkm",
    "co2_transport_kg_per_t",
    "co2_net_kg",
];

/// The CSV text of an impact report.
pub fn impact_csv(impact: &Impact, factors: &Factors) -> Result<String, std::io::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS)?;
    for month in &impact.months {
        writer.write_record(fields(month, factors))?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    String::from_utf8(bytes).map_err(std::io::Error::other)
}

/// Text as a spreadsheet shows it: a leading `=`, `+`, `-` or `@` would make a firm's name a
/// formula, so such text gets an apostrophe in front (as in every CSV file the product writes).
fn text(value: &str) -> String {
    text_cell(value).into_owned()
}

/// A number with a decimal point and a fixed number of decimals.
fn decimal(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}")
}

fn fields(month: &ExchangeMonth, factors: &Factors) -> Vec<String> {
    let input = &month.input;
    let (s, r) = (&input.supplier, &input.receiver);
    let optional = |value: Option<f64>, decimals: usize| {
        value.map_or_else(String::new, |v| decimal(v, decimals))
    };
    vec![
        input.exchange_id.to_string(),
        input.stage.as_str().to_string(),
        input.month.to_string(),
        input.month.year.to_string(),
        text(&input.material),
        text(&group_code(&input.material)),
        text(&s.key),
        text(&s.name),
        text(&s.municipality),
        text(s.nace.as_deref().unwrap_or_default()),
        text(&r.key),
        text(&r.name),
        text(&r.municipality),
        text(r.nace.as_deref().unwrap_or_default()),
        decimal(input.tonnes, 3),
        input.offer_unit.as_str().to_string(),
        decimal(input.disposal_eur_per_unit, 4),
        input.need_unit.as_str().to_string(),
        decimal(input.virgin_eur_per_unit, 4),
        optional(factors.tonnes_per_unit(input.offer_unit), 4),
        optional(factors.tonnes_per_unit(input.need_unit), 4),
        decimal(month.disposal_eur_per_t, 4),
        decimal(month.virgin_eur_per_t, 4),
        decimal(month.crow_km, 4),
        decimal(factors.road_factor, 4),
        decimal(month.road_km, 4),
        decimal(factors.transport_eur_per_tkm, 4),
        decimal(month.transport_eur_per_t, 4),
        decimal(month.saved_eur, 2),
        optional(month.co2_avoided_kg_per_t, 4),
        decimal(factors.co2_kg_per_tkm, 4),
        decimal(month.transport_co2_kg_per_t, 4),
        optional(month.co2_net_kg, 3),
    ]
}

/// The chapter (`02`) or resource code a material is grouped under.
fn group_code(material: &str) -> String {
    use crate::outcomes::impact::MaterialGroup;
    match MaterialGroup::of(material) {
        MaterialGroup::Chapter(code)
        | MaterialGroup::Resource(code)
        | MaterialGroup::Unknown(code) => code,
    }
}
