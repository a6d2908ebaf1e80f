//! What earlier exchanges teach the ranking of suggestions: how often a material went from one
//! sector to another and ended completed or declined (and why it was declined).
//!
//! Two levels are kept, both keyed by the NACE sections of the supplier and the receiver:
//! the same material between the same sectors, and any other material between the same
//! sectors. A suggestion's ranking score (its net benefit per year) is multiplied by
//!
//! ```text
//! (1 + 0.15·min(completed same material, 3)) × (1 − 0.20·min(declined same material, 3))
//! × (1 + 0.05·min(completed other materials, 3)) × (1 − 0.05·min(declined other materials, 3))
//! ```
//!
//! so the factor stays within [0.34, 1.67]: history reorders suggestions of similar value, but
//! a pair that worked before never overtakes a pair without history that is worth 1.67 times
//! as much, and three cases count as much as thirty (one busy pair of sectors must not
//! dominate the region). The benefit shown is never changed; only the order is. Without
//! history the factor is exactly 1 and the order is the matcher's own.

use std::collections::{HashMap, HashSet};

use super::instance::MaterialKey;

/// A NACE Rev.2 section letter (`C`).
pub type Section = char;

/// Weight of one completed exchange of the same material between the same sectors.
pub const COMPLETED_SAME_MATERIAL: f64 = 0.15;
/// Weight of one declined exchange of the same material between the same sectors.
pub const DECLINED_SAME_MATERIAL: f64 = 0.20;
/// Weight of one completed exchange of another material between the same sectors.
pub const COMPLETED_SAME_SECTORS: f64 = 0.05;
/// Weight of one declined exchange of another material between the same sectors.
pub const DECLINED_SAME_SECTORS: f64 = 0.05;
/// Cases beyond this many count no more.
pub const COUNTED_AT_MOST: u32 = 3;
/// Decline reasons kept per key, most recent first.
pub const REASONS_KEPT: usize = 3;
/// A decline reason is cut to this many characters for the explanation.
pub const REASON_CHARS: usize = 120;

/// How one earlier exchange ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Completed,
    /// Declined, with the reason given.
    Declined(String),
}

/// Completed and declined exchanges under one key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcomes {
    pub completed: u32,
    pub declined: u32,
    /// The most recent distinct decline reasons, newest first, at most [`REASONS_KEPT`].
    pub decline_reasons: Vec<String>,
}

impl Outcomes {
    fn add(&mut self, outcome: &Outcome) {
        match outcome {
            Outcome::Completed => self.completed += 1,
            Outcome::Declined(reason) => {
                self.declined += 1;
                let reason = shortened(reason.trim());
                if !reason.is_empty()
                    && self.decline_reasons.len() < REASONS_KEPT
                    && !self.decline_reasons.contains(&reason)
                {
                    self.decline_reasons.push(reason);
                }
            }
        }
    }
}

fn shortened(reason: &str) -> String {
    if reason.chars().count() <= REASON_CHARS {
        return reason.to_string();
    }
    let cut: String = reason.chars().take(REASON_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Every case between one pair of sectors: the totals, and each decline's material and
/// reason in the order recorded (newest first).
#[derive(Debug, Clone, Default, PartialEq)]
struct SectorCases {
    completed: u32,
    declined: u32,
    declines: Vec<(MaterialKey, String)>,
}

/// The history of earlier exchanges, as the ranking reads it. Plain data: built by the
/// caller from whatever store holds the exchanges.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseHistory {
    by_material: HashMap<(MaterialKey, Section, Section), Outcomes>,
    by_sectors: HashMap<(Section, Section), SectorCases>,
    /// Every case recorded, in the order recorded, with its pair when known: a pair's
    /// verdict is judged without its own cases (see [`CaseHistory::verdict_of_pair`]).
    recorded: Vec<RecordedCase>,
    /// The pairs (offer key, need key) with a case of their own.
    pairs: HashSet<(String, String)>,
}

/// One case as recorded, with the pair it was about when known.
#[derive(Debug, Clone, PartialEq)]
struct RecordedCase {
    pair: Option<(String, String)>,
    material: MaterialKey,
    supplier: Section,
    receiver: Section,
    outcome: Outcome,
}

/// What the history says about one offer→need pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// The ranking score is multiplied by this; 1 when the history knows nothing.
    pub factor: f64,
    /// The same material between the same sectors.
    pub same_material: Outcomes,
    /// Other materials between the same sectors.
    pub same_sectors: Outcomes,
    pub supplier: Section,
    pub receiver: Section,
}

impl CaseHistory {
    /// No cases at all.
    pub fn is_empty(&self) -> bool {
        self.by_sectors.is_empty()
    }

    /// Adds one earlier exchange. Record the newest first: the reasons kept are the first
    /// ones recorded.
    pub fn record(
        &mut self,
        material: MaterialKey,
        supplier: Section,
        receiver: Section,
        outcome: &Outcome,
    ) {
        self.add(None, material, supplier, receiver, outcome);
    }

    /// Adds one case to the aggregates and to the list the per-pair verdicts are rebuilt from.
    fn add(
        &mut self,
        pair: Option<(String, String)>,
        material: MaterialKey,
        supplier: Section,
        receiver: Section,
        outcome: &Outcome,
    ) {
        (self.by_material)
            .entry((material, supplier, receiver))
            .or_default()
            .add(outcome);
        let sectors = self.by_sectors.entry((supplier, receiver)).or_default();
        match outcome {
            Outcome::Completed => sectors.completed += 1,
            Outcome::Declined(reason) => {
                sectors.declined += 1;
                sectors.declines.push((material, reason.clone()));
            }
        }
        self.recorded.push(RecordedCase {
            pair,
            material,
            supplier,
            receiver,
            outcome: outcome.clone(),
        });
    }

    /// Adds one earlier exchange of the pair `(offer key, need key)`, as [`Self::record`].
    pub fn record_pair(
        &mut self,
        pair: (&str, &str),
        material: MaterialKey,
        supplier: Section,
        receiver: Section,
        outcome: &Outcome,
    ) {
        let pair = (pair.0.to_string(), pair.1.to_string());
        self.pairs.insert(pair.clone());
        self.add(Some(pair), material, supplier, receiver, outcome);
    }

    /// What the history says about the pair `(offer key, need key)`: as [`Self::verdict`],
    /// but without the pair's own cases. A pair that completed an exchange is not ranked up
    /// by that very exchange; only other pairs of the same kind count.
    pub fn verdict_of_pair(
        &self,
        pair: (&str, &str),
        material: MaterialKey,
        supplier: Option<Section>,
        receiver: Option<Section>,
    ) -> Option<Verdict> {
        let key = (pair.0.to_string(), pair.1.to_string());
        if !self.pairs.contains(&key) {
            return self.verdict(material, supplier, receiver);
        }
        // Rare (only pairs with an ended exchange): rebuilt from the other pairs' cases.
        let mut others = CaseHistory::default();
        for case in &self.recorded {
            if case.pair.as_ref() != Some(&key) {
                others.record(case.material, case.supplier, case.receiver, &case.outcome);
            }
        }
        others.verdict(material, supplier, receiver)
    }

    /// The outcomes of a material between two sectors.
    pub fn of_material(
        &self,
        material: MaterialKey,
        supplier: Section,
        receiver: Section,
    ) -> Option<&Outcomes> {
        self.by_material.get(&(material, supplier, receiver))
    }

    /// What the history says about a material going from one sector to another; `None` when
    /// a sector is unknown or nothing was recorded between these sectors.
    pub fn verdict(
        &self,
        material: MaterialKey,
        supplier: Option<Section>,
        receiver: Option<Section>,
    ) -> Option<Verdict> {
        let (supplier, receiver) = (supplier?, receiver?);
        let sectors = self.by_sectors.get(&(supplier, receiver))?;
        let same_material = (self.of_material(material, supplier, receiver))
            .cloned()
            .unwrap_or_default();
        let mut same_sectors = Outcomes {
            completed: sectors.completed - same_material.completed,
            ..Outcomes::default()
        };
        for (other, reason) in &sectors.declines {
            if *other != material {
                same_sectors.add(&Outcome::Declined(reason.clone()));
            }
        }
        Some(Verdict {
            factor: factor(&same_material, &same_sectors),
            same_material,
            same_sectors,
            supplier,
            receiver,
        })
    }
}

/// The ranking factor of a pair (see the module documentation).
pub fn factor(same_material: &Outcomes, same_sectors: &Outcomes) -> f64 {
    (1.0 + boost(COMPLETED_SAME_MATERIAL, same_material.completed))
        * (1.0 - boost(DECLINED_SAME_MATERIAL, same_material.declined))
        * (1.0 + boost(COMPLETED_SAME_SECTORS, same_sectors.completed))
        * (1.0 - boost(DECLINED_SAME_SECTORS, same_sectors.declined))
}

/// What `count` cases of one kind add or take away: `weight` each, up to [`COUNTED_AT_MOST`].
pub fn boost(weight: f64, count: u32) -> f64 {
    weight * f64::from(count.min(COUNTED_AT_MOST))
}

/// The NACE section of a firm's code (`C10.71` → `C`), when it has one.
pub fn section_of(nace: Option<&str>) -> Option<Section> {
    nace.and_then(|code| code.chars().next())
        .filter(char::is_ascii_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAPER: MaterialKey = MaterialKey(10);
    const GLASS: MaterialKey = MaterialKey(11);

    fn declined(reason: &str) -> Outcome {
        Outcome::Declined(reason.to_string())
    }

    #[test]
    fn an_empty_history_judges_nothing_and_the_neutral_factor_is_exactly_one() {
        let history = CaseHistory::default();

        assert!(history.is_empty());
        assert_eq!(history.verdict(PAPER, Some('C'), Some('A')), None);
        assert_eq!(factor(&Outcomes::default(), &Outcomes::default()), 1.0);
    }

    #[test]
    fn completed_cases_of_the_same_material_raise_the_factor_up_to_three() {
        let mut history = CaseHistory::default();
        let mut factors = Vec::new();
        for _ in 0..5 {
            history.record(PAPER, 'C', 'A', &Outcome::Completed);
            factors.push(history.verdict(PAPER, Some('C'), Some('A')).unwrap().factor);
        }

        let expected = [1.15, 1.30, 1.45, 1.45, 1.45];
        for (got, want) in factors.iter().zip(expected) {
            assert!((got - want).abs() < 1e-12, "{factors:?}");
        }
    }

    #[test]
    fn declined_cases_lower_the_factor_and_keep_the_newest_distinct_reasons() {
        let mut history = CaseHistory::default();
        for reason in ["te nat", "te ver", "te nat", "  ", "te duur", "te laat"] {
            history.record(PAPER, 'C', 'A', &declined(reason));
        }

        let verdict = history.verdict(PAPER, Some('C'), Some('A')).unwrap();

        assert_eq!(verdict.same_material.declined, 6);
        assert_eq!(
            verdict.same_material.decline_reasons,
            ["te nat", "te ver", "te duur"]
        );
        assert!((verdict.factor - 0.4).abs() < 1e-12, "{}", verdict.factor);
    }

    #[test]
    fn other_materials_between_the_same_sectors_count_less_and_direction_matters() {
        let mut history = CaseHistory::default();
        history.record(GLASS, 'C', 'A', &Outcome::Completed);
        history.record(GLASS, 'C', 'A', &declined("breekt"));

        let verdict = history.verdict(PAPER, Some('C'), Some('A')).unwrap();

        assert_eq!(verdict.same_material, Outcomes::default());
        assert_eq!(verdict.same_sectors.completed, 1);
        assert_eq!(verdict.same_sectors.decline_reasons, ["breekt"]);
        assert!((verdict.factor - 1.05 * 0.95).abs() < 1e-12);
        assert_eq!(history.verdict(PAPER, Some('A'), Some('C')), None);
        assert_eq!(history.verdict(PAPER, None, Some('A')), None);
    }

    #[test]
    fn the_factor_stays_within_its_documented_bounds() {
        let many = |completed, declined| Outcomes {
            completed,
            declined,
            decline_reasons: Vec::new(),
        };
        let highest = factor(&many(100, 0), &many(100, 0));
        let lowest = factor(&many(0, 100), &many(0, 100));

        assert!((highest - 1.45 * 1.15).abs() < 1e-12);
        assert!((lowest - 0.4 * 0.85).abs() < 1e-12);
        assert!(lowest > 0.0);
    }

    #[test]
    fn long_reasons_are_cut_and_sections_come_from_nace_codes() {
        let mut history = CaseHistory::default();
        history.record(PAPER, 'C', 'A', &declined(&"x".repeat(500)));
        let kept = &history
            .of_material(PAPER, 'C', 'A')
            .unwrap()
            .decline_reasons[0];

        assert_eq!(kept.chars().count(), REASON_CHARS);
        assert!(kept.ends_with('…'));
        assert_eq!(section_of(Some("C10.71")), Some('C'));
        assert_eq!(section_of(Some("")), None);
        assert_eq!(section_of(None), None);
    }
}
