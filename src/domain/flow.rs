//! Flows: residual streams on offer and inputs needed.

use chrono::NaiveDate;

use super::material::{Accepted, Material, Unit};
use super::problem::Problems;
use super::values::{
    Confidentiality, Quantity, RecordId, Regularity, finite, non_negative, optional_text,
    parse_date, positive,
};

/// Longest free description accepted.
pub const MAX_DESCRIPTION: usize = 2000;

/// An offer as it arrives from a file or a form, before validation. Quantities and money are
/// per unit of `unit` (tonnes when `unit` is absent).
#[derive(Debug, Clone, Default)]
pub struct OfferDraft {
    pub id: String,
    pub firm: String,
    pub material: String,
    pub declared_hazardous: Option<bool>,
    pub description: String,
    pub quantity_per_year: f64,
    pub unit: Option<String>,
    pub disposal_cost_eur_per_unit: f64,
    pub regularity: Option<String>,
    pub available_from: Option<String>,
    pub available_until: Option<String>,
    pub confidentiality: Option<String>,
    pub last_confirmed: Option<String>,
}

/// A residual flow a firm wants to get rid of.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    id: RecordId,
    firm: RecordId,
    material: Material,
    declared_hazardous: Option<bool>,
    description: String,
    quantity: Quantity,
    disposal_cost_eur_per_unit: f64,
    regularity: Regularity,
    available_from: Option<NaiveDate>,
    available_until: Option<NaiveDate>,
    confidentiality: Confidentiality,
    last_confirmed: NaiveDate,
}

/// Fields both kinds of flow share, parsed once.
struct Common {
    unit: Option<Unit>,
    regularity: Option<Regularity>,
    confidentiality: Option<Confidentiality>,
    last_confirmed: Option<NaiveDate>,
    description: Option<String>,
}

fn parse_common(
    problems: &mut Problems,
    unit: Option<&str>,
    regularity: Option<&str>,
    confidentiality: Option<&str>,
    last_confirmed: Option<&str>,
    description: &str,
    today: NaiveDate,
) -> Common {
    let unit = match unit {
        None => Some(Unit::Tonnes),
        Some(text) => problems.take(Unit::parse(text)),
    };
    let regularity = match regularity {
        None => Some(Regularity::Recurring),
        Some(text) => problems.take(Regularity::parse(text)),
    };
    // Private by default: the other side sees sector, municipality and distance only.
    let confidentiality = match confidentiality {
        None => Some(Confidentiality::Anonymous),
        Some(text) => problems.take(Confidentiality::parse(text)),
    };
    let last_confirmed = match last_confirmed {
        None => Some(today),
        Some(text) => match problems.take(parse_date("last_confirmed", text)) {
            Some(date) if date > today => {
                problems.push(
                    "last_confirmed",
                    format!("{date} lies in the future (today is {today})"),
                );
                None
            }
            other => other,
        },
    };
    let description = problems.take(optional_text("description", description, MAX_DESCRIPTION));
    Common {
        unit,
        regularity,
        confidentiality,
        last_confirmed,
        description,
    }
}

impl Offer {
    /// Validates a draft, reporting every problem. `today` fills a missing `last_confirmed`
    /// and bounds it (a confirmation cannot lie in the future).
    pub fn parse(draft: OfferDraft, today: NaiveDate) -> Result<Offer, Problems> {
        let mut problems = Problems::default();
        let id = problems.take(RecordId::parse("id", &draft.id));
        let firm = problems.take(RecordId::parse("company", &draft.firm));
        let material = match Material::parse(&draft.material) {
            Ok(material) => Some(material),
            Err(reason) => {
                problems.push("material", reason);
                None
            }
        };
        let common = parse_common(
            &mut problems,
            draft.unit.as_deref(),
            draft.regularity.as_deref(),
            draft.confidentiality.as_deref(),
            draft.last_confirmed.as_deref(),
            &draft.description,
            today,
        );
        let quantity = common.unit.and_then(|unit| {
            problems.take(Quantity::new(
                "quantity_per_year",
                draft.quantity_per_year,
                unit,
            ))
        });
        if let (Some(material), Some(unit)) = (material, common.unit)
            && !material.units().contains(&unit)
        {
            problems.push(
                "unit",
                format!(
                    "{material} is measured in {}, not {unit}",
                    units_text(material.units())
                ),
            );
        }
        let declared_hazardous = material.and_then(|material| {
            check_declaration(&mut problems, material, draft.declared_hazardous)
        });
        let disposal_cost = problems.take(finite(
            "disposal_cost_eur_per_unit",
            draft.disposal_cost_eur_per_unit,
        ));
        let available_from = draft
            .available_from
            .as_deref()
            .and_then(|text| problems.take(parse_date("available_from", text)));
        let available_until = draft
            .available_until
            .as_deref()
            .and_then(|text| problems.take(parse_date("available_until", text)));
        if let (Some(from), Some(until)) = (available_from, available_until)
            && from > until
        {
            problems.push(
                "available_until",
                format!("{until} comes before available_from {from}"),
            );
        }
        problems.into_result(|| Offer {
            id: id.expect("checked"),
            firm: firm.expect("checked"),
            material: material.expect("checked"),
            declared_hazardous,
            description: common.description.expect("checked"),
            quantity: quantity.expect("checked"),
            disposal_cost_eur_per_unit: disposal_cost.expect("checked"),
            regularity: common.regularity.expect("checked"),
            available_from,
            available_until,
            confidentiality: common.confidentiality.expect("checked"),
            last_confirmed: common.last_confirmed.expect("checked"),
        })
    }

    /// The offer's identifier.
    pub fn id(&self) -> &RecordId {
        &self.id
    }
    /// The firm that has this residual flow.
    pub fn firm(&self) -> &RecordId {
        &self.firm
    }
    /// What the flow is made of.
    pub fn material(&self) -> Material {
        self.material
    }
    /// For a mirror entry: whether the holder declared it hazardous (agrees with the code).
    pub fn declared_hazardous(&self) -> Option<bool> {
        self.declared_hazardous
    }
    /// Free description.
    pub fn description(&self) -> &str {
        &self.description
    }
    /// Quantity per year.
    pub fn quantity(&self) -> Quantity {
        self.quantity
    }
    /// What the firm pays today per unit to get rid of it; negative when it is sold today.
    pub fn disposal_cost_eur_per_unit(&self) -> f64 {
        self.disposal_cost_eur_per_unit
    }
    /// Recurring or one-off.
    pub fn regularity(&self) -> Regularity {
        self.regularity
    }
    /// First day it is available; `None` means now.
    pub fn available_from(&self) -> Option<NaiveDate> {
        self.available_from
    }
    /// Last day it is available; `None` means open-ended.
    pub fn available_until(&self) -> Option<NaiveDate> {
        self.available_until
    }
    /// Who may see it.
    pub fn confidentiality(&self) -> Confidentiality {
        self.confidentiality
    }
    /// When its owner last confirmed it is still current.
    pub fn last_confirmed(&self) -> NaiveDate {
        self.last_confirmed
    }
}

/// A mirror entry records its holder's declaration; it must agree with the half of the pair
/// chosen. Absolute entries need none, so a matching declaration is dropped.
fn check_declaration(
    problems: &mut Problems,
    material: Material,
    declared: Option<bool>,
) -> Option<bool> {
    let Material::Waste(code) = material else {
        if declared == Some(true) {
            problems.push(
                "declared_hazardous",
                format!("{material} is not a List-of-Waste code and cannot be hazardous waste"),
            );
        }
        return None;
    };
    let hazardous = code.is_hazardous();
    let mirror = code.entry().entry_type.is_mirror();
    match declared {
        Some(value) if value != hazardous => {
            let hint = if mirror {
                "choose the other code of this mirror pair"
            } else {
                "it is an absolute entry"
            };
            let state = if hazardous {
                "hazardous"
            } else {
                "not hazardous"
            };
            problems.push(
                "declared_hazardous",
                format!("{value} contradicts {code}, which is {state}; {hint}"),
            );
            None
        }
        _ if mirror => Some(hazardous),
        _ => None,
    }
}

fn units_text(units: &[Unit]) -> String {
    units
        .iter()
        .map(|u| u.as_str())
        .collect::<Vec<_>>()
        .join(" or ")
}

/// A need as it arrives from a file or a form, before validation.
#[derive(Debug, Clone, Default)]
pub struct NeedDraft {
    pub id: String,
    pub firm: String,
    pub accepts: Vec<String>,
    pub description: String,
    pub quantity_per_year: f64,
    pub unit: Option<String>,
    pub min_lot_per_year: Option<f64>,
    pub virgin_price_eur_per_unit: f64,
    pub max_distance_km: f64,
    pub licensed_for_hazardous: Option<bool>,
    pub regularity: Option<String>,
    pub confidentiality: Option<String>,
    pub last_confirmed: Option<String>,
}

/// An input a firm could take from residual flows.
#[derive(Debug, Clone, PartialEq)]
pub struct Need {
    id: RecordId,
    firm: RecordId,
    accepts: Vec<Accepted>,
    description: String,
    quantity: Quantity,
    min_lot_per_year: f64,
    virgin_price_eur_per_unit: f64,
    max_distance_km: f64,
    licensed_for_hazardous: bool,
    regularity: Regularity,
    confidentiality: Confidentiality,
    last_confirmed: NaiveDate,
}

impl Need {
    /// Validates a draft, reporting every problem.
    pub fn parse(draft: NeedDraft, today: NaiveDate) -> Result<Need, Problems> {
        let mut problems = Problems::default();
        let id = problems.take(RecordId::parse("id", &draft.id));
        let firm = problems.take(RecordId::parse("company", &draft.firm));
        let common = parse_common(
            &mut problems,
            draft.unit.as_deref(),
            draft.regularity.as_deref(),
            draft.confidentiality.as_deref(),
            draft.last_confirmed.as_deref(),
            &draft.description,
            today,
        );
        let accepts = parse_accepts(&mut problems, &draft.accepts, common.unit);
        let quantity = common.unit.and_then(|unit| {
            problems.take(Quantity::new(
                "quantity_per_year",
                draft.quantity_per_year,
                unit,
            ))
        });
        let min_lot = problems.take(non_negative(
            "min_lot_per_year",
            draft.min_lot_per_year.unwrap_or(0.0),
        ));
        if let (Some(lot), Some(quantity)) = (min_lot, quantity)
            && lot > quantity.amount()
        {
            problems.push(
                "min_lot_per_year",
                format!(
                    "{lot} is more than the quantity per year {}",
                    quantity.amount()
                ),
            );
        }
        let virgin_price = problems.take(finite(
            "virgin_price_eur_per_unit",
            draft.virgin_price_eur_per_unit,
        ));
        let max_distance = problems.take(positive("max_distance_km", draft.max_distance_km));
        problems.into_result(|| Need {
            id: id.expect("checked"),
            firm: firm.expect("checked"),
            accepts,
            description: common.description.expect("checked"),
            quantity: quantity.expect("checked"),
            min_lot_per_year: min_lot.expect("checked"),
            virgin_price_eur_per_unit: virgin_price.expect("checked"),
            max_distance_km: max_distance.expect("checked"),
            licensed_for_hazardous: draft.licensed_for_hazardous.unwrap_or(false),
            regularity: common.regularity.expect("checked"),
            confidentiality: common.confidentiality.expect("checked"),
            last_confirmed: common.last_confirmed.expect("checked"),
        })
    }

    /// The need's identifier.
    pub fn id(&self) -> &RecordId {
        &self.id
    }
    /// The firm that has this need.
    pub fn firm(&self) -> &RecordId {
        &self.firm
    }
    /// The materials it accepts; never empty.
    pub fn accepts(&self) -> &[Accepted] {
        &self.accepts
    }
    /// True when a flow of `material` is on the acceptance list.
    pub fn accepts_material(&self, material: &Material) -> bool {
        self.accepts.iter().any(|a| a.covers(material))
    }
    /// Free description.
    pub fn description(&self) -> &str {
        &self.description
    }
    /// Quantity per year it can take.
    pub fn quantity(&self) -> Quantity {
        self.quantity
    }
    /// Smallest yearly supply it takes from a single supplier (0 = any).
    pub fn min_lot_per_year(&self) -> f64 {
        self.min_lot_per_year
    }
    /// Price paid today per unit for the virgin input it would replace.
    pub fn virgin_price_eur_per_unit(&self) -> f64 {
        self.virgin_price_eur_per_unit
    }
    /// Farthest road distance it collects from.
    pub fn max_distance_km(&self) -> f64 {
        self.max_distance_km
    }
    /// Holds a permit for hazardous waste.
    pub fn licensed_for_hazardous(&self) -> bool {
        self.licensed_for_hazardous
    }
    /// Recurring or one-off.
    pub fn regularity(&self) -> Regularity {
        self.regularity
    }
    /// Who may see it.
    pub fn confidentiality(&self) -> Confidentiality {
        self.confidentiality
    }
    /// When its owner last confirmed it is still current.
    pub fn last_confirmed(&self) -> NaiveDate {
        self.last_confirmed
    }
}

fn parse_accepts(problems: &mut Problems, texts: &[String], unit: Option<Unit>) -> Vec<Accepted> {
    if texts.is_empty() {
        problems.push(
            "accepts",
            "lists no material; a need must accept at least one",
        );
        return Vec::new();
    }
    let mut accepts: Vec<Accepted> = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let field = format!("accepts[{i}]");
        match Accepted::parse(text) {
            Err(reason) => problems.push(field, reason),
            Ok(entry) if accepts.contains(&entry) => {
                problems.push(field, format!("{entry} is listed twice"));
            }
            Ok(entry) => {
                if let Some(unit) = unit.filter(|u| !entry.units().contains(u)) {
                    problems.push(
                        field,
                        format!(
                            "{entry} is measured in {}, not {unit}",
                            units_text(entry.units())
                        ),
                    );
                }
                accepts.push(entry);
            }
        }
    }
    accepts
}
