//! The knowledge base: every exchange that ended — completed, or declined with a reason — kept
//! as a case (material, the two firms' sectors and municipalities, distance, tonnes moved,
//! value per year), to browse by sector and material, and to teach the matcher which pairs
//! worked before ([`history_of`]).

use std::collections::BTreeSet;

use chrono::NaiveDateTime;

use crate::domain::material::{Accepted, Material, Unit};
use crate::domain::material_search::{SearchLanguage, search_materials};
use crate::matching::economics::{PairEconomics, Params};
use crate::matching::history::{self, Section, section_of};
use crate::matching::instance::MaterialKey;

/// The aggregate of cases the matcher ranks with (it lives with the matcher, which must not
/// depend on anything but plain data).
pub use crate::matching::history::CaseHistory;

/// How an exchange ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CaseOutcome {
    Completed,
    Declined,
}

impl CaseOutcome {
    /// As written in addresses (`?uitkomst=completed`).
    pub fn as_str(self) -> &'static str {
        match self {
            CaseOutcome::Completed => "completed",
            CaseOutcome::Declined => "declined",
        }
    }

    /// Reads [`CaseOutcome::as_str`].
    pub fn parse(text: &str) -> Option<CaseOutcome> {
        [CaseOutcome::Completed, CaseOutcome::Declined]
            .into_iter()
            .find(|outcome| outcome.as_str() == text)
    }
}

/// Who declined an exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclinedBy {
    Supplier,
    Receiver,
    Coordinator,
}

/// A firm on one side of a case: what the knowledge base keeps of it.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseParty {
    /// NACE Rev.2 code, when known.
    pub nace: Option<String>,
    pub municipality: String,
}

impl CaseParty {
    /// The NACE section letter, when the sector is known.
    pub fn section(&self) -> Option<Section> {
        section_of(self.nace.as_deref())
    }
}

/// One exchange that ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub exchange_id: i64,
    /// The pair's offer and need, by key: a pair's own case does not rank the pair itself.
    pub offer_key: String,
    pub need_key: String,
    pub outcome: CaseOutcome,
    /// When it was completed or declined.
    pub closed_at: NaiveDateTime,
    /// The offer's material.
    pub material: Material,
    /// The offer's own words for it.
    pub description: String,
    pub unit: Unit,
    pub supplier: CaseParty,
    pub receiver: CaseParty,
    pub road_km: f64,
    /// Units per year that fit both sides.
    pub quantity_per_year: f64,
    /// Tonnes recorded as moved, over the whole exchange.
    pub tonnes_recorded: f64,
    /// Net benefit per year of the pair, as the matcher counts it.
    pub value_eur_per_year: f64,
    pub decline_reason: Option<String>,
    pub declined_by: Option<DeclinedBy>,
}

/// The pair's figures as stored: what [`pair_value`] needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairFigures {
    pub unit: Unit,
    pub offered: f64,
    pub needed: f64,
    pub disposal_eur_per_unit: f64,
    pub virgin_eur_per_unit: f64,
    pub crow_km: f64,
}

/// Road km and net benefit per year of a pair, by the matcher's economics
/// (`matching::economics`) with the region's parameters: the quantity that fits both sides,
/// times disposal avoided + virgin input replaced − transport per unit.
pub fn pair_value(params: &Params, material: &Material, figures: &PairFigures) -> (f64, f64, f64) {
    let road_km = figures.crow_km * params.road_factor;
    let quantity = figures.offered.min(figures.needed);
    let economics = PairEconomics::compute(
        params,
        MaterialKey::of(material),
        figures.unit,
        figures.disposal_eur_per_unit,
        figures.virgin_eur_per_unit,
        road_km,
        quantity,
    );
    (road_km, quantity, economics.benefit_eur_per_year)
}

/// Which materials a search names: a code, chapter or sub-chapter typed as such, or the
/// materials everyday words find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MaterialFilter {
    /// `02 03 04`, `02 03`, `02` or a resource code.
    Code(Accepted),
    /// What `material_search` found for the words (none: no case matches).
    Found(BTreeSet<&'static str>),
}

/// Materials a word search may name at most.
const FOUND_AT_MOST: usize = 50;

impl MaterialFilter {
    /// The filter a typed text means; `None` for an empty text.
    pub fn parse(text: &str) -> Option<MaterialFilter> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        if let Ok(accepted) = Accepted::parse(text) {
            return Some(MaterialFilter::Code(accepted));
        }
        // The language only picks the labels of the hits; queries may mix both.
        let found = search_materials(text, SearchLanguage::Dutch, FOUND_AT_MOST)
            .into_iter()
            .map(|hit| hit.material.code())
            .collect();
        Some(MaterialFilter::Found(found))
    }

    /// True when a case of `material` falls under the filter.
    pub fn covers(&self, material: &Material) -> bool {
        match self {
            MaterialFilter::Code(accepted) => accepted.covers(material),
            MaterialFilter::Found(codes) => codes.contains(material.code()),
        }
    }
}

/// What the browser of the knowledge base asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    /// Supplier or receiver in this NACE section.
    pub section: Option<Section>,
    pub material: Option<MaterialFilter>,
    pub outcome: Option<CaseOutcome>,
}

impl CaseFilter {
    /// True when the case is one the filter asks for.
    pub fn matches(&self, case: &Case) -> bool {
        let section = self.section.is_none_or(|section| {
            case.supplier.section() == Some(section) || case.receiver.section() == Some(section)
        });
        let material = (self.material.as_ref()).is_none_or(|filter| filter.covers(&case.material));
        let outcome = self.outcome.is_none_or(|outcome| case.outcome == outcome);
        section && material && outcome
    }
}

/// The totals over a list of cases.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CaseSummary {
    pub completed: usize,
    pub declined: usize,
    /// Tonnes recorded on the completed cases.
    pub tonnes_recorded: f64,
    /// Net benefit per year of the completed cases.
    pub value_eur_per_year: f64,
}

/// The totals of `cases`.
pub fn summary<'a>(cases: impl IntoIterator<Item = &'a Case>) -> CaseSummary {
    let mut totals = CaseSummary::default();
    for case in cases {
        match case.outcome {
            CaseOutcome::Completed => {
                totals.completed += 1;
                totals.tonnes_recorded += case.tonnes_recorded;
                totals.value_eur_per_year += case.value_eur_per_year;
            }
            CaseOutcome::Declined => totals.declined += 1,
        }
    }
    totals
}

/// Newest first, then by exchange id (newest first too) for the same moment.
pub fn sort_newest_first(cases: &mut [Case]) {
    cases.sort_by(|a, b| (b.closed_at.cmp(&a.closed_at)).then(b.exchange_id.cmp(&a.exchange_id)));
}

/// The aggregate the matcher ranks with: per material and pair of sectors, and per pair of
/// sectors, how many cases were completed and declined, with the latest decline reasons.
/// Cases whose supplier or receiver has no known sector teach nothing and are left out.
pub fn history_of(cases: &[Case]) -> CaseHistory {
    let mut ordered: Vec<&Case> = cases.iter().collect();
    ordered.sort_by(|a, b| (b.closed_at.cmp(&a.closed_at)).then(b.exchange_id.cmp(&a.exchange_id)));
    let mut history = CaseHistory::default();
    for case in ordered {
        let (Some(supplier), Some(receiver)) = (case.supplier.section(), case.receiver.section())
        else {
            continue;
        };
        let outcome = match case.outcome {
            CaseOutcome::Completed => history::Outcome::Completed,
            CaseOutcome::Declined => {
                history::Outcome::Declined(case.decline_reason.clone().unwrap_or_default())
            }
        };
        history.record_pair(
            (&case.offer_key, &case.need_key),
            MaterialKey::of(&case.material),
            supplier,
            receiver,
            &outcome,
        );
    }
    history
}

#[cfg(test)]
mod tests;
