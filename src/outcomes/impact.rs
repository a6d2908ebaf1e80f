//! Impact of the exchanges that actually moved material: tonnes diverted from disposal, euros
//! saved and CO₂ avoided net of transport, from the tonnes recorded per month on running and
//! completed exchanges (never from suggestions), with breakdowns by the supplier's
//! municipality and sector, by material and by year and month.
//!
//! Per tonne recorded:
//! - € saved = disposal cost avoided by the supplier + virgin price avoided by the receiver −
//!   road transport (€ per tkm × road km);
//! - CO₂ avoided net = CO₂ avoided per tonne − transport CO₂ per tkm × road km;
//! - road km = great-circle km between the two firms × the road factor.
//!
//! The factors are the matcher's (`matching::economics`, with the region's parameters), so
//! the impact page and the suggestions count the same way. Where a factor is missing — no CO₂
//! figure stated for a material, or a flow measured in MWh, which has no tonnes — the figure
//! is left out and counted as such, never guessed.

mod factors;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

pub use factors::Factors;

use crate::domain::exchange::Stage;
use crate::domain::material::{Material, Unit};
use crate::matching::economics::crow_km;

/// A calendar month, as exchanges record tonnes (one type with the exchanges' own).
pub use crate::domain::exchange::Month;

/// A firm on one side of an exchange, as the figures need it.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub company_id: i64,
    /// The firm's identifier in imports and exports (`F001`).
    pub key: String,
    pub name: String,
    pub municipality: String,
    /// NACE Rev.2 code, when known.
    pub nace: Option<String>,
    pub lat: f64,
    pub lon: f64,
}

impl Party {
    /// The NACE section letter (`C`), when the sector is known.
    pub fn section(&self) -> Option<char> {
        self.nace.as_deref().and_then(|code| code.chars().next())
    }
}

/// One record of tonnes moved on a running or completed exchange, with the offer and need
/// it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedTonnes {
    pub exchange_id: i64,
    pub stage: Stage,
    pub month: Month,
    pub tonnes: f64,
    /// The offer's material as stored (`02 02 03`, `heat-low`).
    pub material: String,
    pub offer_unit: Unit,
    pub need_unit: Unit,
    /// What the supplier pays today to dispose of one unit of the offer.
    pub disposal_eur_per_unit: f64,
    /// What the receiver pays today for one unit of the virgin input.
    pub virgin_eur_per_unit: f64,
    pub supplier: Party,
    pub receiver: Party,
}

/// How materials are grouped: a List-of-Waste chapter, or one of our resources.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MaterialGroup {
    /// The two digits of a List-of-Waste chapter (`02`).
    Chapter(String),
    /// A resource code (`steam`, `co2`).
    Resource(String),
    /// A stored material that no longer parses, as stored.
    Unknown(String),
}

impl MaterialGroup {
    /// The group of a stored material.
    pub fn of(material: &str) -> MaterialGroup {
        match Material::parse(material) {
            Ok(Material::Waste(code)) => MaterialGroup::Chapter(code.digits()[..2].to_string()),
            Ok(Material::Resource(resource)) => MaterialGroup::Resource(resource.code().into()),
            Err(_) => MaterialGroup::Unknown(material.to_string()),
        }
    }
}

/// One exchange in one month: its inputs and every figure computed from them.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeMonth {
    /// The inputs, with the month's records summed into `tonnes`.
    pub input: RecordedTonnes,
    pub crow_km: f64,
    pub road_km: f64,
    pub disposal_eur_per_t: f64,
    pub virgin_eur_per_t: f64,
    pub transport_eur_per_t: f64,
    /// (disposal + virgin − transport) per tonne × tonnes.
    pub saved_eur: f64,
    /// `None` when the region's parameters state no CO₂ figure for this material.
    pub co2_avoided_kg_per_t: Option<f64>,
    pub transport_co2_kg_per_t: f64,
    /// (avoided − transport) per tonne × tonnes, when the avoided figure is known.
    pub co2_net_kg: Option<f64>,
}

/// Sums over a set of exchange-months.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub tonnes: f64,
    pub saved_eur: f64,
    /// Over the exchange-months with a CO₂ figure; `None` when none has one.
    pub co2_net_kg: Option<f64>,
    /// Exchange-months left out of `co2_net_kg` for want of a CO₂ figure.
    pub months_without_co2: usize,
    /// Distinct exchanges.
    pub exchanges: usize,
    /// Distinct firms on either side.
    pub firms: usize,
}

/// Which recorded tonnes a report covers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub year: Option<i32>,
    /// The supplier's municipality.
    pub municipality: Option<String>,
}

/// The impact of the recorded tonnes a filter selects.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Impact {
    /// Every exchange-month counted, by month and then exchange.
    pub months: Vec<ExchangeMonth>,
    pub totals: Totals,
    pub by_year: Vec<(i32, Totals)>,
    pub by_month: Vec<(Month, Totals)>,
    /// By the supplier's municipality, most tonnes first.
    pub by_municipality: Vec<(String, Totals)>,
    /// By the supplier's NACE section (`None`: sector unknown), most tonnes first.
    pub by_sector: Vec<(Option<char>, Totals)>,
    /// By material chapter or resource, most tonnes first.
    pub by_material: Vec<(MaterialGroup, Totals)>,
    /// Exchange-months left out because a side is measured in MWh (no tonnes to count).
    pub months_without_tonnes: usize,
    /// Every year with recorded tonnes, before filtering: the filter's choices.
    pub years: Vec<i32>,
}

/// The impact of `records` under `factors`, limited to what `filter` selects.
pub fn compute(records: &[RecordedTonnes], factors: &Factors, filter: &Filter) -> Impact {
    let years: BTreeSet<i32> = records.iter().map(|r| r.month.year).collect();
    let mut months_without_tonnes = 0;
    let mut months = Vec::new();
    for input in exchange_months(records, filter) {
        match figures(input, factors) {
            Some(figures) => months.push(figures),
            None => months_without_tonnes += 1,
        }
    }
    Impact {
        totals: tally(months.iter()),
        by_year: grouped(&months, |m| m.input.month.year),
        by_month: grouped(&months, |m| m.input.month),
        by_municipality: most_tonnes_first(grouped(&months, |m| {
            m.input.supplier.municipality.clone()
        })),
        by_sector: most_tonnes_first(grouped(&months, |m| m.input.supplier.section())),
        by_material: most_tonnes_first(grouped(&months, |m| MaterialGroup::of(&m.input.material))),
        months,
        months_without_tonnes,
        years: years.into_iter().collect(),
    }
}

/// The records the filter selects, one per exchange and month with their tonnes summed.
fn exchange_months(records: &[RecordedTonnes], filter: &Filter) -> Vec<RecordedTonnes> {
    let mut summed: BTreeMap<(Month, i64), RecordedTonnes> = BTreeMap::new();
    let selected = records.iter().filter(|r| {
        filter.year.is_none_or(|year| r.month.year == year)
            && filter
                .municipality
                .as_deref()
                .is_none_or(|m| r.supplier.municipality == m)
    });
    for record in selected {
        summed
            .entry((record.month, record.exchange_id))
            .and_modify(|month| month.tonnes += record.tonnes)
            .or_insert_with(|| record.clone());
    }
    summed.into_values().collect()
}

/// The figures of one exchange-month; `None` when a side has no tonnes to count (MWh).
fn figures(input: RecordedTonnes, factors: &Factors) -> Option<ExchangeMonth> {
    let disposal_eur_per_t = factors.per_tonne(input.disposal_eur_per_unit, input.offer_unit)?;
    let virgin_eur_per_t = factors.per_tonne(input.virgin_eur_per_unit, input.need_unit)?;
    let (s, r) = (&input.supplier, &input.receiver);
    let crow_km = crow_km(s.lat, s.lon, r.lat, r.lon);
    let road_km = crow_km * factors.road_factor;
    let transport_eur_per_t = factors.transport_eur_per_tkm * road_km;
    let transport_co2_kg_per_t = factors.co2_kg_per_tkm * road_km;
    let co2_avoided_kg_per_t = factors.co2_avoided_kg_per_t(&input.material);
    Some(ExchangeMonth {
        saved_eur: (disposal_eur_per_t + virgin_eur_per_t - transport_eur_per_t) * input.tonnes,
        co2_net_kg: co2_avoided_kg_per_t
            .map(|avoided| (avoided - transport_co2_kg_per_t) * input.tonnes),
        crow_km,
        road_km,
        disposal_eur_per_t,
        virgin_eur_per_t,
        transport_eur_per_t,
        co2_avoided_kg_per_t,
        transport_co2_kg_per_t,
        input,
    })
}

/// The totals of some exchange-months.
fn tally<'a>(months: impl Iterator<Item = &'a ExchangeMonth>) -> Totals {
    let mut totals = Totals::default();
    let mut exchanges = BTreeSet::new();
    let mut firms = BTreeSet::new();
    for month in months {
        totals.tonnes += month.input.tonnes;
        totals.saved_eur += month.saved_eur;
        match month.co2_net_kg {
            Some(kg) => *totals.co2_net_kg.get_or_insert(0.0) += kg,
            None => totals.months_without_co2 += 1,
        }
        exchanges.insert(month.input.exchange_id);
        firms.insert(month.input.supplier.company_id);
        firms.insert(month.input.receiver.company_id);
    }
    totals.exchanges = exchanges.len();
    totals.firms = firms.len();
    totals
}

/// Totals per key, in key order.
fn grouped<K: Ord>(
    months: &[ExchangeMonth],
    key: impl Fn(&ExchangeMonth) -> K,
) -> Vec<(K, Totals)> {
    let mut groups: BTreeMap<K, Vec<&ExchangeMonth>> = BTreeMap::new();
    for month in months {
        groups.entry(key(month)).or_default().push(month);
    }
    groups
        .into_iter()
        .map(|(key, members)| (key, tally(members.into_iter())))
        .collect()
}

/// Most tonnes first; equal tonnes keep key order (the sort is stable).
fn most_tonnes_first<K>(mut groups: Vec<(K, Totals)>) -> Vec<(K, Totals)> {
    groups.sort_by(|a, b| b.1.tonnes.total_cmp(&a.1.tonnes));
    groups
}
