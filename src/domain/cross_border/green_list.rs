//! Green-listed waste (Annex III to the waste-shipment regulation) for the common streams of
//! the taxonomy. Entries are Basel Annex IX (B-list) codes, OECD G-codes and the EU's own
//! EU3011 for plastics shipped within the EU (Delegated Reg. (EU) 2020/2174). The code
//! mapping is ours: an entry's text decides, so the mapping is deliberately narrow (untreated
//! wood only, metals only in non-dispersible form, no lead scrap, which B1010 does not list).

/// One green-list entry and the List-of-Waste codes we map to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GreenEntry {
    /// The entry code, e.g. `B3020`.
    pub entry: &'static str,
    /// The entry's subject in English.
    pub name_en: &'static str,
    /// Where the entry is listed.
    pub source: &'static str,
    /// The six digits of the codes mapped to it.
    pub codes: &'static [&'static str],
}

const ANNEX_III: &str = "Reg. (EU) 2024/1157 Annex III (Basel Annex IX)";
const ANNEX_III_OECD: &str = "Reg. (EU) 2024/1157 Annex III part II (OECD Decision C(2001)107)";

/// The mapped entries.
pub const GREEN_LIST: &[GreenEntry] = &[
    GreenEntry {
        entry: "B1010",
        name_en: "Metal and metal-alloy wastes in metallic, non-dispersible form",
        source: ANNEX_III,
        codes: &[
            "020110", "120101", "120103", "150104", "160117", "160118", "170401", "170402",
            "170404", "170405", "170406", "170407", "191001", "191002", "191202", "191203",
            "200140",
        ],
    },
    GreenEntry {
        entry: "B1115",
        name_en: "Waste metal cables coated or insulated with plastics",
        source: ANNEX_III,
        codes: &["170411"],
    },
    GreenEntry {
        entry: "B2020",
        name_en: "Glass waste in non-dispersible form (cullet)",
        source: ANNEX_III,
        codes: &["101112", "150107", "160120", "170202", "191205", "200102"],
    },
    GreenEntry {
        entry: "B2030",
        name_en: "Ceramic wastes in non-dispersible form",
        source: ANNEX_III,
        codes: &["170103"],
    },
    GreenEntry {
        entry: "B2040",
        name_en: "Calcium sulphate from flue-gas desulphurisation; gypsum wallboard from demolition",
        source: ANNEX_III,
        codes: &["100105", "170802"],
    },
    GreenEntry {
        entry: "EU3011",
        name_en: "Plastic waste, non-hazardous, shipped within the EU",
        source: "Reg. (EU) 2024/1157 Annex III (EU3011, added by Delegated Reg. (EU) 2020/2174)",
        codes: &[
            "020104", "070213", "120105", "150102", "160119", "170203", "191204", "200139",
        ],
    },
    GreenEntry {
        entry: "B3020",
        name_en: "Paper, paperboard and paper product wastes",
        source: ANNEX_III,
        codes: &["030308", "150101", "191201", "200101"],
    },
    GreenEntry {
        entry: "B3030",
        name_en: "Textile wastes",
        source: ANNEX_III,
        codes: &["040221", "040222", "150109", "191208", "200110", "200111"],
    },
    GreenEntry {
        entry: "B3050",
        name_en: "Untreated cork and wood waste",
        source: ANNEX_III,
        codes: &["030101", "030105", "030301", "150103"],
    },
    GreenEntry {
        entry: "B3060",
        name_en: "Wastes arising from agro-food industries, not infectious",
        source: ANNEX_III,
        codes: &[
            "020103", "020304", "020501", "020601", "020701", "020702", "020704",
        ],
    },
    GreenEntry {
        entry: "B3065",
        name_en: "Waste edible fats and oils of animal or vegetable origin",
        source: ANNEX_III,
        codes: &["190809", "200125"],
    },
    GreenEntry {
        entry: "B3140",
        name_en: "Waste pneumatic tyres, not for disposal",
        source: ANNEX_III,
        codes: &["160103"],
    },
    GreenEntry {
        entry: "GC070",
        name_en: "Slags arising from the manufacture of iron and steel",
        source: ANNEX_III_OECD,
        codes: &["100201", "100202"],
    },
    GreenEntry {
        entry: "GC080",
        name_en: "Mill scale (ferrous metal)",
        source: ANNEX_III_OECD,
        codes: &["100210"],
    },
    GreenEntry {
        entry: "GG030",
        name_en: "Bottom ash and slag tap from coal-fired power plants",
        source: ANNEX_III_OECD,
        codes: &["100101"],
    },
    GreenEntry {
        entry: "GG040",
        name_en: "Coal-fired power plant fly ash",
        source: ANNEX_III_OECD,
        codes: &["100102"],
    },
];

/// The green-list entry a code (six digits) is mapped to, if any.
pub fn green_entry(digits: &str) -> Option<&'static GreenEntry> {
    GREEN_LIST
        .iter()
        .find(|entry| entry.codes.contains(&digits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalogue::Catalogue;

    #[test]
    fn every_mapped_code_exists_is_non_hazardous_and_maps_once() {
        let mut seen = std::collections::HashSet::new();
        for entry in GREEN_LIST {
            for digits in entry.codes {
                let code = Catalogue::get().entry(digits).expect(digits);
                assert!(!code.hazardous, "{digits} is hazardous");
                assert!(seen.insert(*digits), "{digits} mapped twice");
            }
        }
    }

    #[test]
    fn lead_and_mixed_packaging_are_not_green() {
        assert!(green_entry("170403").is_none());
        assert!(green_entry("150106").is_none());
        assert_eq!(green_entry("150101").unwrap().entry, "B3020");
    }
}
