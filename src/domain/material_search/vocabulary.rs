//! The everyday words of small firms for their residual flows (`fixtures/material-vocabulary.csv`),
//! each pointing to the List-of-Waste codes or resource codes it usually means.
//!
//! A term may have several words (`jute zakken`); it matches when the query holds those words
//! in that order. Codes are listed most likely first: the first gets the highest score. The file
//! is compiled into the binary; a unit test checks every code and that no term appears twice.

use super::text::{Stems, words_of};
use crate::domain::material::Material;

const VOCABULARY_CSV: &str = include_str!("../../../fixtures/material-vocabulary.csv");

/// Which stemmer applies to a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TermLanguage {
    Dutch,
    English,
    Both,
}

/// One term of the vocabulary.
pub(super) struct Term {
    /// As written in the file (`accu's`, `jute zakken`).
    pub text: String,
    /// Normalised words (`words_of`).
    pub words: Vec<String>,
    /// The stems of each word in the term's language(s).
    pub stems: Vec<Stems>,
    /// Most likely first.
    pub materials: Vec<Material>,
}

/// A row of the file that cannot be used, with its line.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct BadRow {
    pub line: u64,
    pub reason: String,
}

/// Every term of the shipped vocabulary. Rows the unit test would reject are skipped.
pub(super) fn terms() -> Vec<Term> {
    parse(VOCABULARY_CSV).0
}

/// The terms of `csv_text` and the rows that were refused.
pub(super) fn parse(csv_text: &str) -> (Vec<Term>, Vec<BadRow>) {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let mut terms = Vec::new();
    let mut bad = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                bad.push(BadRow {
                    line,
                    reason: error.to_string(),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        match term_of(&record) {
            Ok(term) => terms.push(term),
            Err(reason) => bad.push(BadRow { line, reason }),
        }
    }
    (terms, bad)
}

fn term_of(record: &csv::StringRecord) -> Result<Term, String> {
    let text = record.get(0).unwrap_or_default();
    let words = words_of(text);
    if words.is_empty() {
        return Err("empty term".to_string());
    }
    let language = match record.get(1).unwrap_or_default() {
        "nl" => TermLanguage::Dutch,
        "en" => TermLanguage::English,
        "nl/en" => TermLanguage::Both,
        other => return Err(format!("{text}: language {other:?} is not nl, en or nl/en")),
    };
    let materials = record
        .get(2)
        .unwrap_or_default()
        .split(';')
        .map(|code| Material::parse(code.trim()).map_err(|e| format!("{text}: {e}")))
        .collect::<Result<Vec<_>, _>>()?;
    let stems = words.iter().map(|w| Stems::of(w, language)).collect();
    Ok(Term {
        text: text.trim().to_string(),
        words,
        stems,
        materials,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn every_row_of_the_vocabulary_is_valid() {
        let (terms, bad) = parse(VOCABULARY_CSV);
        assert_eq!(bad, Vec::new());
        assert!(terms.len() >= 600, "{} terms", terms.len());
    }

    #[test]
    fn no_term_appears_twice() {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for term in terms() {
            *seen.entry(term.words.join(" ")).or_default() += 1;
        }
        let twice: Vec<&String> = seen
            .iter()
            .filter(|(_, n)| **n > 1)
            .map(|(t, _)| t)
            .collect();
        assert!(twice.is_empty(), "{twice:?}");
    }

    #[test]
    fn every_code_is_written_as_in_the_list() {
        let mut reader = csv::Reader::from_reader(VOCABULARY_CSV.as_bytes());
        for record in reader.records() {
            let record = record.unwrap();
            for code in record[2].split(';').map(str::trim) {
                let material = Material::parse(code).unwrap();
                assert_eq!(material.code(), code, "{}", &record[0]);
            }
        }
    }

    #[test]
    fn a_misspelt_code_or_language_is_refused() {
        let csv =
            "term,language,codes,note\nkarton,nl,15 01 01,\nfoo,nl,99 99 99,\nbar,de,15 01 01,\n";
        let (terms, bad) = parse(csv);
        assert_eq!(terms.len(), 1);
        assert_eq!(bad.len(), 2);
        assert_eq!(bad[0].line, 3);
    }
}
