//! Legal status of a flow, the treatment a receiver intends (R/D codes of the Waste Framework
//! Directive) and the licences a receiver holds.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::is_unknown;
use crate::domain::problem::FieldProblem;

/// Category of an animal by-product (Reg. (EC) 1069/2009, Art. 8–10): 1 is the highest risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AbpCategory {
    /// Category 1 (Art. 8): TSE risk material, only incineration or fuel after processing.
    #[serde(rename = "1")]
    One,
    /// Category 2 (Art. 9): manure, fallen stock; biogas, compost or fertiliser after processing.
    #[serde(rename = "2")]
    Two,
    /// Category 3 (Art. 10): fit-for-consumption origin, former foodstuffs; may become feed.
    #[serde(rename = "3")]
    Three,
}

impl AbpCategory {
    /// The category number, 1–3.
    pub fn number(self) -> u8 {
        match self {
            AbpCategory::One => 1,
            AbpCategory::Two => 2,
            AbpCategory::Three => 3,
        }
    }

    fn from_number(number: u8) -> Option<AbpCategory> {
        match number {
            1 => Some(AbpCategory::One),
            2 => Some(AbpCategory::Two),
            3 => Some(AbpCategory::Three),
            _ => None,
        }
    }

    /// Reads `abp-3`, `abp3`, `cat3`, `category-3` or `dierlijk-bijproduct-3` (number last).
    fn parse_suffixed(text: &str) -> Option<AbpCategory> {
        let prefixes = [
            "abp",
            "cat",
            "category",
            "categorie",
            "kategorie",
            "animal-by-product",
            "dierlijk-bijproduct",
            "tierisches-nebenprodukt",
        ];
        let text = text.trim().to_lowercase().replace(' ', "-");
        let rest = prefixes.iter().find_map(|p| text.strip_prefix(p))?;
        let digit = rest.trim_start_matches(['-', '_', ':']);
        digit.parse().ok().and_then(AbpCategory::from_number)
    }
}

/// What the law makes of a flow: this decides feed use, licences and cross-border procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "status", content = "category")]
pub enum LegalStatus {
    /// Waste: the holder discards it (Directive 2008/98/EC, Art. 3(1)).
    Waste,
    /// By-product meeting the four conditions of Directive 2008/98/EC, Art. 5.
    ByProduct,
    /// Waste that met end-of-waste criteria (Directive 2008/98/EC, Art. 6; e.g. Reg. 333/2011).
    EndOfWaste,
    /// A feed material placed on the market as feed (Reg. (EC) 767/2009, Reg. (EU) 68/2013).
    FeedMaterial,
    /// Animal by-product of a category (Reg. (EC) 1069/2009): its own rules, not waste law.
    AnimalByProduct(AbpCategory),
    /// Not a substance discarded at all: waste heat, cooling water, CO₂ taken as a utility, or
    /// excluded from waste law (Directive 2008/98/EC, Art. 2).
    OutsideWasteLaw,
}

impl LegalStatus {
    /// The spelling used in files: `waste`, `by-product`, `end-of-waste`, `feed-material`,
    /// `abp-1`..`abp-3`, `outside-waste-law`.
    pub fn as_str(self) -> &'static str {
        match self {
            LegalStatus::Waste => "waste",
            LegalStatus::ByProduct => "by-product",
            LegalStatus::EndOfWaste => "end-of-waste",
            LegalStatus::FeedMaterial => "feed-material",
            LegalStatus::AnimalByProduct(AbpCategory::One) => "abp-1",
            LegalStatus::AnimalByProduct(AbpCategory::Two) => "abp-2",
            LegalStatus::AnimalByProduct(AbpCategory::Three) => "abp-3",
            LegalStatus::OutsideWasteLaw => "outside-waste-law",
        }
    }

    /// True when waste law (and the waste-shipment regulation) applies to the flow.
    pub fn is_waste(self) -> bool {
        self == LegalStatus::Waste
    }

    /// Reads a status in English, Dutch or German; `unknown` (or empty) gives `None`.
    pub fn parse(text: &str) -> Result<Option<LegalStatus>, FieldProblem> {
        if is_unknown(text) {
            return Ok(None);
        }
        if let Some(category) = AbpCategory::parse_suffixed(text) {
            return Ok(Some(LegalStatus::AnimalByProduct(category)));
        }
        let status = match text.trim().to_lowercase().replace(' ', "-").as_str() {
            "waste" | "afval" | "afvalstof" | "abfall" => LegalStatus::Waste,
            "by-product" | "byproduct" | "bijproduct" | "nebenprodukt" => LegalStatus::ByProduct,
            "end-of-waste" | "einde-afval" | "einde-afvalstatus" | "abfallende" => {
                LegalStatus::EndOfWaste
            }
            "feed" | "feed-material" | "voedermiddel" | "diervoeder" | "futtermittel"
            | "einzelfuttermittel" => LegalStatus::FeedMaterial,
            "outside-waste-law" | "geen-afval" | "kein-abfall" | "utility" => {
                LegalStatus::OutsideWasteLaw
            }
            _ => {
                return Err(FieldProblem::new(
                    "legal_status",
                    format!(
                        "\"{text}\" is not a legal status; use waste, by-product, end-of-waste, \
                         feed-material, abp-1, abp-2, abp-3, outside-waste-law or unknown"
                    ),
                ));
            }
        };
        Ok(Some(status))
    }
}

impl fmt::Display for LegalStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Recovery (R) or disposal (D), Directive 2008/98/EC Annexes I and II.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TreatmentKind {
    /// R1–R13, Annex II.
    Recovery,
    /// D1–D15, Annex I.
    Disposal,
}

/// A treatment operation such as `R3` or `D10`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Treatment {
    kind: TreatmentKind,
    number: u8,
}

impl Treatment {
    /// Recovery or disposal.
    pub fn kind(self) -> TreatmentKind {
        self.kind
    }

    /// The operation number (R1–R13, D1–D15).
    pub fn number(self) -> u8 {
        self.number
    }

    /// True for D1–D15.
    pub fn is_disposal(self) -> bool {
        self.kind == TreatmentKind::Disposal
    }

    /// Reads `R3`, `r 3` or `D10`; `unknown` gives `None`.
    pub fn parse(text: &str) -> Result<Option<Treatment>, FieldProblem> {
        if is_unknown(text) {
            return Ok(None);
        }
        let compact: String = text.split_whitespace().collect::<String>().to_uppercase();
        let problem = || {
            FieldProblem::new(
                "treatment",
                format!("\"{text}\" is not a treatment code; use R1–R13 or D1–D15"),
            )
        };
        let (kind, highest, digits) = if let Some(d) = compact.strip_prefix('R') {
            (TreatmentKind::Recovery, 13, d)
        } else if let Some(d) = compact.strip_prefix('D') {
            (TreatmentKind::Disposal, 15, d)
        } else {
            return Err(problem());
        };
        match digits.parse::<u8>() {
            Ok(number) if (1..=highest).contains(&number) => Ok(Some(Treatment { kind, number })),
            _ => Err(problem()),
        }
    }
}

impl fmt::Display for Treatment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let letter = match self.kind {
            TreatmentKind::Recovery => 'R',
            TreatmentKind::Disposal => 'D',
        };
        write!(f, "{letter}{}", self.number)
    }
}

impl TryFrom<String> for Treatment {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        match Treatment::parse(&text) {
            Ok(Some(treatment)) => Ok(treatment),
            Ok(None) => Err("a treatment code is required here".to_string()),
            Err(problem) => Err(problem.reason),
        }
    }
}

impl From<Treatment> for String {
    fn from(treatment: Treatment) -> String {
        treatment.to_string()
    }
}

/// A licence or registration a receiver holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "licence", content = "category")]
pub enum Licence {
    /// Approved or registered for animal by-products of a category (Reg. 1069/2009, Art. 23–24).
    AnimalByProducts(AbpCategory),
    /// Registered or approved feed business (Reg. (EC) 183/2005).
    Feed,
    /// Holds consent to receive notified shipments of waste from abroad.
    NotifiedImport,
}

impl Licence {
    /// The spelling used in files: `abp-1`..`abp-3`, `feed`, `notified-import`.
    pub fn as_str(self) -> &'static str {
        match self {
            Licence::AnimalByProducts(AbpCategory::One) => "abp-1",
            Licence::AnimalByProducts(AbpCategory::Two) => "abp-2",
            Licence::AnimalByProducts(AbpCategory::Three) => "abp-3",
            Licence::Feed => "feed",
            Licence::NotifiedImport => "notified-import",
        }
    }

    /// Reads one licence as written in files and forms.
    pub fn parse(text: &str) -> Result<Licence, FieldProblem> {
        if let Some(category) = AbpCategory::parse_suffixed(text) {
            return Ok(Licence::AnimalByProducts(category));
        }
        match text.trim().to_lowercase().replace(' ', "-").as_str() {
            "feed" | "diervoeder" | "futtermittel" => Ok(Licence::Feed),
            "notified-import" | "notification" | "kennisgeving" | "notifizierung" => {
                Ok(Licence::NotifiedImport)
            }
            _ => Err(FieldProblem::new(
                "licences",
                format!(
                    "\"{text}\" is not a licence; use abp-1, abp-2, abp-3, feed or notified-import"
                ),
            )),
        }
    }
}

impl fmt::Display for Licence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_read_in_three_languages() {
        assert_eq!(
            LegalStatus::parse("bijproduct"),
            Ok(Some(LegalStatus::ByProduct))
        );
        assert_eq!(
            LegalStatus::parse("Futtermittel"),
            Ok(Some(LegalStatus::FeedMaterial))
        );
        assert_eq!(
            LegalStatus::parse("cat 3"),
            Ok(Some(LegalStatus::AnimalByProduct(AbpCategory::Three)))
        );
        assert_eq!(LegalStatus::parse("onbekend"), Ok(None));
    }

    #[test]
    fn a_wrong_status_names_the_field() {
        let problem = LegalStatus::parse("compost").unwrap_err();
        assert_eq!(problem.field, "legal_status");
        assert!(problem.reason.contains("compost"));
        assert!(LegalStatus::parse("abp-4").is_err());
    }

    #[test]
    fn treatments_are_r1_to_r13_and_d1_to_d15() {
        assert_eq!(Treatment::parse("r 3").unwrap().unwrap().to_string(), "R3");
        assert!(Treatment::parse("D15").unwrap().unwrap().is_disposal());
        assert!(Treatment::parse("R14").is_err());
        assert!(Treatment::parse("D0").is_err());
        assert_eq!(Treatment::parse("").unwrap(), None);
    }

    #[test]
    fn licences_round_trip_through_their_spelling() {
        for text in ["abp-1", "abp-2", "abp-3", "feed", "notified-import"] {
            assert_eq!(Licence::parse(text).unwrap().as_str(), text);
        }
        assert_eq!(Licence::parse("drivers").unwrap_err().field, "licences");
    }
}
