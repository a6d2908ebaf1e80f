//! The legal source of each cross-border rule, with the date it applies from. Regulation (EU)
//! 2024/1157 on shipments of waste applies from 21 May 2026 and repeals Regulation (EC)
//! 1013/2006; the old articles are kept only as history.
//!
//! Checked on 2026-12-05 against the regulation's table of contents (EUR-Lex CELEX
//! 32024R1157, as mirrored by legalize.dev and lexaris.de) and the Parliament's summary
//! (OEIL): Art. 2 scope and its exclusions (animal by-products, feed materials), Art. 4
//! overall procedural framework, Art. 5-9 prior written notification and consent, Art. 11
//! conditions for shipments destined for disposal, Art. 18 general information requirements.
//! Not checked (the stored copies stop before them): the point letters inside Art. 2 and 4,
//! and that the green list and the accompanying document are still Annexes III and VII as in
//! Reg. 1013/2006; those citations say so.

use serde::Serialize;

/// A rule's legal basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LegalRule {
    /// Stable key for translations.
    pub key: &'static str,
    /// The provisions in force.
    pub source: &'static str,
    /// The date (ISO) from which `source` applies.
    pub applies_from: &'static str,
    /// The provisions this replaced, for history only.
    pub history: Option<&'static str>,
}

/// The day Reg. (EU) 2024/1157 starts to apply.
pub const WSR_2024_APPLIES_FROM: &str = "2026-05-21";

/// Both firms in one country: national waste law, no shipment procedure.
pub const SAME_COUNTRY: LegalRule = LegalRule {
    key: "same-country",
    source: "Reg. (EU) 2024/1157 Art. 2 (scope: shipments between member states)",
    applies_from: WSR_2024_APPLIES_FROM,
    history: Some("Reg. (EC) 1013/2006 Art. 1"),
};

/// Not waste (by-product, end-of-waste, feed, utilities): no waste-shipment procedure.
pub const NOT_WASTE: LegalRule = LegalRule {
    key: "not-waste",
    source: "Directive 2008/98/EC Art. 5-6 (by-products, end-of-waste); \
             Reg. (EU) 2024/1157 Art. 2 (applies to shipments of waste only)",
    applies_from: WSR_2024_APPLIES_FROM,
    history: Some("Reg. (EC) 1013/2006 Art. 1"),
};

/// Animal by-products travel under their own regulation with a TRACES document.
pub const ANIMAL_BY_PRODUCT: LegalRule = LegalRule {
    key: "animal-by-product",
    source: "Reg. (EC) 1069/2009 Art. 48 (dispatch to other member states); \
             Reg. (EU) 142/2011 Annex VIII ch. III (commercial document); TRACES; \
             excluded from Reg. (EU) 2024/1157 by its Art. 2 (exclusions)",
    applies_from: "2011-03-04",
    history: Some("Reg. (EC) 1774/2002; Reg. (EC) 1013/2006 Art. 1(3)(d)"),
};

/// Disposal (D1–D15) across the border: refused here.
pub const DISPOSAL_ABROAD: LegalRule = LegalRule {
    key: "disposal-abroad",
    source: "Reg. (EU) 2024/1157 Art. 11 (shipments destined for disposal within the Union \
             are prohibited unless consented under prior notification); NL: LAP3 policy \
             framework (no export for disposal)",
    applies_from: WSR_2024_APPLIES_FROM,
    history: Some("Reg. (EC) 1013/2006 Art. 11"),
};

/// Hazardous, unlisted, mixed or unknown: prior written notification and consent.
pub const NOTIFICATION: LegalRule = LegalRule {
    key: "prior-notification",
    source: "Reg. (EU) 2024/1157 Art. 4 and Art. 5-9 (prior written notification and \
             consent; decision within 30 days of acknowledging a complete notification)",
    applies_from: WSR_2024_APPLIES_FROM,
    history: Some("Reg. (EC) 1013/2006 Art. 3(1), 4-9"),
};

/// Mixed municipal waste (20 03 01) needs notification even for recovery.
pub const MIXED_MUNICIPAL: LegalRule = LegalRule {
    key: "mixed-municipal",
    source: "Reg. (EU) 2024/1157 Art. 4 (mixed municipal waste collected from households \
             follows the notification procedure; point not checked)",
    applies_from: WSR_2024_APPLIES_FROM,
    history: Some("Reg. (EC) 1013/2006 Art. 3(5)"),
};

/// Green-listed waste for recovery: the Annex VII document, no consent.
pub const GREEN_LISTED: LegalRule = LegalRule {
    key: "green-listed",
    source: "Reg. (EU) 2024/1157 Art. 4 and Art. 18 (general information requirements: \
             the accompanying document, contract with the recovery facility, submitted \
             electronically); green list and document in Annexes III and VII as in \
             Reg. 1013/2006 (annex numbers not checked)",
    applies_from: WSR_2024_APPLIES_FROM,
    history: Some("Reg. (EC) 1013/2006 Art. 3(2), 18"),
};

/// Every rule, for listings and tests.
pub const ALL: [LegalRule; 7] = [
    SAME_COUNTRY,
    NOT_WASTE,
    ANIMAL_BY_PRODUCT,
    DISPOSAL_ABROAD,
    NOTIFICATION,
    MIXED_MUNICIPAL,
    GREEN_LISTED,
];
