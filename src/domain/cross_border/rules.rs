//! The legal source of each cross-border rule, with the date it applies from. Regulation (EU)
//! 2024/1157 on shipments of waste applies from 21 May 2026 and repeals Regulation (EC)
//! 1013/2006; the old articles are kept only as history. Article numbers are cited from the
//! regulations' structure as we know it and must be checked against EUR-Lex before legal use.

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
    source: "Reg. (EU) 2024/1157 Art. 1 (scope: shipments between countries)",
    applies_from: WSR_2024_APPLIES_FROM,
    history: Some("Reg. (EC) 1013/2006 Art. 1"),
};

/// Not waste (by-product, end-of-waste, feed, utilities): no waste-shipment procedure.
pub const NOT_WASTE: LegalRule = LegalRule {
    key: "not-waste",
    source: "Directive 2008/98/EC Art. 5-6 (by-products, end-of-waste); \
             Reg. (EU) 2024/1157 Art. 1 (applies to waste only)",
    applies_from: WSR_2024_APPLIES_FROM,
    history: Some("Reg. (EC) 1013/2006 Art. 1"),
};

/// Animal by-products travel under their own regulation with a TRACES document.
pub const ANIMAL_BY_PRODUCT: LegalRule = LegalRule {
    key: "animal-by-product",
    source: "Reg. (EC) 1069/2009 Art. 48 (dispatch to other member states); \
             Reg. (EU) 142/2011 Annex VIII ch. III (commercial document); TRACES; \
             excluded from Reg. (EU) 2024/1157 by its Art. 1(3)",
    applies_from: "2011-03-04",
    history: Some("Reg. (EC) 1774/2002; Reg. (EC) 1013/2006 Art. 1(3)(d)"),
};

/// Disposal (D1–D15) across the border: refused here.
pub const DISPOSAL_ABROAD: LegalRule = LegalRule {
    key: "disposal-abroad",
    source: "Reg. (EU) 2024/1157 Art. 11 (objections to shipments for disposal, proximity \
             and self-sufficiency); NL: LAP3 policy framework (no export for disposal)",
    applies_from: WSR_2024_APPLIES_FROM,
    history: Some("Reg. (EC) 1013/2006 Art. 11"),
};

/// Hazardous, unlisted, mixed or unknown: prior written notification and consent.
pub const NOTIFICATION: LegalRule = LegalRule {
    key: "prior-notification",
    source: "Reg. (EU) 2024/1157 Art. 3(1) and Art. 4-9 (prior written notification and \
             consent; decision within 30 days of acknowledging a complete notification)",
    applies_from: WSR_2024_APPLIES_FROM,
    history: Some("Reg. (EC) 1013/2006 Art. 3(1), 4-9"),
};

/// Mixed municipal waste (20 03 01) needs notification even for recovery.
pub const MIXED_MUNICIPAL: LegalRule = LegalRule {
    key: "mixed-municipal",
    source: "Reg. (EU) 2024/1157 Art. 3(5) (mixed municipal waste collected from households)",
    applies_from: WSR_2024_APPLIES_FROM,
    history: Some("Reg. (EC) 1013/2006 Art. 3(5)"),
};

/// Green-listed waste for recovery: the Annex VII document, no consent.
pub const GREEN_LISTED: LegalRule = LegalRule {
    key: "green-listed",
    source: "Reg. (EU) 2024/1157 Art. 3(2) and Art. 18, Annexes III and VII (general \
             information document, contract with the recovery facility, submitted \
             electronically)",
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
