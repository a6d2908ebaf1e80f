//! The European List of Waste (EWC), shipped inside the binary from `fixtures/ewc-codes.csv`.
//!
//! It is the one source for code validation, Dutch and English labels and hazard flags.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Whether an entry is always (non-)hazardous or depends on its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryType {
    /// Always hazardous.
    AbsoluteHazardous,
    /// Never hazardous.
    AbsoluteNonHazardous,
    /// The hazardous half of a mirror pair: applies when the waste holds hazardous substances.
    MirrorHazardous,
    /// The non-hazardous half of a mirror pair.
    MirrorNonHazardous,
}

impl EntryType {
    /// True for the two halves of a mirror pair, where the holder must assess the content.
    pub fn is_mirror(self) -> bool {
        matches!(self, Self::MirrorHazardous | Self::MirrorNonHazardous)
    }
}

/// One code of the List of Waste with its labels.
#[derive(Debug, Clone)]
pub struct CatalogueEntry {
    /// The six digits without spaces, e.g. `020203`.
    pub digits: String,
    /// As written officially: `02 02 03`, with a trailing `*` when hazardous.
    pub code: String,
    /// Hazardous waste (`*`).
    pub hazardous: bool,
    /// Absolute or mirror entry.
    pub entry_type: EntryType,
    /// English chapter, sub-chapter and entry texts.
    pub chapter_en: String,
    pub sub_chapter_en: String,
    pub description_en: String,
    /// Dutch texts; empty for the three codes added in 2014 that the Dutch law text lacks.
    pub chapter_nl: String,
    pub sub_chapter_nl: String,
    pub description_nl: String,
}

/// The whole List of Waste, indexed by digits.
pub struct Catalogue {
    entries: Vec<CatalogueEntry>,
    by_digits: HashMap<String, usize>,
}

const EWC_CSV: &str = include_str!("../../fixtures/ewc-codes.csv");

impl Catalogue {
    /// The catalogue, parsed once on first use.
    pub fn get() -> &'static Catalogue {
        static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
        CATALOGUE.get_or_init(|| Self::parse(EWC_CSV))
    }

    fn parse(csv_text: &str) -> Catalogue {
        let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
        let mut entries = Vec::new();
        for record in reader.records() {
            // The file is compiled into the binary and checked by a unit test; a broken row is
            // a build defect, not a user error.
            let record = record.expect("fixtures/ewc-codes.csv is well-formed");
            let field = |i: usize| record.get(i).unwrap_or_default().to_string();
            let code = field(0);
            let digits: String = code.chars().filter(char::is_ascii_digit).collect();
            let entry_type = match record.get(2).unwrap_or_default() {
                "absolute-hazardous" => EntryType::AbsoluteHazardous,
                "mirror-hazardous" => EntryType::MirrorHazardous,
                "mirror-non-hazardous" => EntryType::MirrorNonHazardous,
                _ => EntryType::AbsoluteNonHazardous,
            };
            entries.push(CatalogueEntry {
                digits,
                hazardous: code.ends_with('*'),
                code,
                entry_type,
                chapter_en: field(3),
                sub_chapter_en: field(4),
                description_en: field(5),
                chapter_nl: field(6),
                sub_chapter_nl: field(7),
                description_nl: field(8),
            });
        }
        let by_digits = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.digits.clone(), i))
            .collect();
        Catalogue { entries, by_digits }
    }

    /// The entry with these six digits, if the List of Waste has it.
    pub fn entry(&self, digits: &str) -> Option<&CatalogueEntry> {
        self.by_digits.get(digits).map(|&i| &self.entries[i])
    }

    /// The position of the entry with these six digits in official order.
    pub fn index_of(&self, digits: &str) -> Option<usize> {
        self.by_digits.get(digits).copied()
    }

    /// All entries in official order.
    pub fn entries(&self) -> &[CatalogueEntry] {
        &self.entries
    }

    /// True when some code starts with these digits (a chapter `15` or sub-chapter `1501`).
    pub fn has_prefix(&self, digits: &str) -> bool {
        self.entries.iter().any(|e| e.digits.starts_with(digits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_list_has_all_842_codes_and_408_hazardous() {
        let catalogue = Catalogue::get();
        assert_eq!(catalogue.entries().len(), 842);
        assert_eq!(
            catalogue.entries().iter().filter(|e| e.hazardous).count(),
            408
        );
        assert!(catalogue.entries().iter().all(|e| e.digits.len() == 6));
    }

    #[test]
    fn eggshells_have_dutch_and_english_labels() {
        let entry = Catalogue::get().entry("020203").unwrap();
        assert_eq!(entry.code, "02 02 03");
        assert!(!entry.hazardous);
        assert!(!entry.description_nl.is_empty());
        assert!(!entry.description_en.is_empty());
    }
}
