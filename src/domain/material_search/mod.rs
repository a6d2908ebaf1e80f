//! Finding a material by everyday words, for firms that do not know waste codes.
//!
//! A firm types Dutch or English words ("karton", "koffiedik", "staal krullen", "restwarmte")
//! and picks from the matching entries of the List of Waste and our resource vocabulary.
//! Matching ignores case and accents; every query word must match, either as the start of a
//! word of the entry's texts (Dutch and English description, sub-chapter and chapter), inside
//! a Dutch compound, or through the curated synonym table (`synonyms.rs`). Scores favour
//! synonyms, then the description over the sub-chapter and chapter texts, and exact words over
//! prefixes; ties keep the official order of the list. A query of two to six digits (`15 01`)
//! lists the codes that start with them.

mod scoring;
mod synonyms;
mod text;

use std::collections::HashMap;
use std::sync::OnceLock;

use super::catalogue::Catalogue;
use super::material::{EwcCode, Material, Resource};
use synonyms::{RESOURCE_SYNONYMS, SYNONYMS};
use text::words_of;

/// The language labels are returned in; queries may mix both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchLanguage {
    Dutch,
    English,
}

/// One material that matches a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaterialHit {
    pub material: Material,
    /// The entry's text in the requested language; Dutch falls back to English where the
    /// Dutch text is empty.
    pub label: String,
    /// The sub-chapter label, to tell apart entries with the same text.
    pub context: String,
    /// Hazardous waste (`*`).
    pub hazardous: bool,
    /// Half of a mirror pair: the holder must assess whether the waste is hazardous.
    pub mirror: bool,
    /// Higher is better; only meaningful within one search.
    pub score: u32,
}

/// The materials matching `query`, best first, at most `limit`. An empty query, or one with a
/// word that matches nothing, gives no hits.
pub fn search_materials(query: &str, language: SearchLanguage, limit: usize) -> Vec<MaterialHit> {
    let index = Index::get();
    let mut scored = index.score(query);
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(limit)
        .map(|(score, doc)| index.docs[doc].hit(language, score))
        .collect()
}

/// Score of a synonym pointing to the entry; each later code in its list gets a step less.
const SYNONYM: u32 = 100;
const SYNONYM_STEP: u32 = 5;
/// Score of a synonym the query word only starts (the firm is still typing).
const SYNONYM_PREFIX: u32 = 35;
/// Text scores by field and kind of match: exact word, prefix, inside a compound.
const DESCRIPTION: [u32; 3] = [40, 30, 15];
const SUB_CHAPTER: [u32; 3] = [12, 9, 4];
const CHAPTER: [u32; 3] = [6, 4, 2];
/// Query words shorter than this match inside compounds only through synonyms.
const MIN_INFIX: usize = 4;
/// Query words at least this long are also tried as two joined words (`staalkrullen`).
const MIN_COMPOUND: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Description,
    SubChapter,
    Chapter,
}

impl Field {
    fn weights(self) -> [u32; 3] {
        match self {
            Field::Description => DESCRIPTION,
            Field::SubChapter => SUB_CHAPTER,
            Field::Chapter => CHAPTER,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Exact = 0,
    Prefix = 1,
    Infix = 2,
}

struct Doc {
    material: Material,
    label_nl: &'static str,
    label_en: &'static str,
    context_nl: &'static str,
    context_en: &'static str,
    hazardous: bool,
    mirror: bool,
}

impl Doc {
    fn hit(&self, language: SearchLanguage, score: u32) -> MaterialHit {
        let pick = |nl: &'static str, en: &'static str| match language {
            SearchLanguage::Dutch if !nl.is_empty() => nl.to_string(),
            _ => en.to_string(),
        };
        MaterialHit {
            material: self.material,
            label: pick(self.label_nl, self.label_en),
            context: pick(self.context_nl, self.context_en),
            hazardous: self.hazardous,
            mirror: self.mirror,
            score,
        }
    }
}

struct Synonym {
    words: Vec<String>,
    docs: Vec<usize>,
}

/// Normalised words of all texts, built once.
struct Index {
    docs: Vec<Doc>,
    /// Sorted distinct words, with for each the documents holding it and the best field.
    vocab: Vec<String>,
    postings: Vec<Vec<(usize, Field)>>,
    synonyms: Vec<Synonym>,
}

impl Index {
    fn get() -> &'static Index {
        static INDEX: OnceLock<Index> = OnceLock::new();
        INDEX.get_or_init(Index::build)
    }

    fn build() -> Index {
        let catalogue = Catalogue::get();
        let mut docs = Vec::new();
        let mut words: HashMap<String, Vec<(usize, Field)>> = HashMap::new();
        let mut add = |doc: usize, text: &str, field: Field| {
            for word in words_of(text) {
                words.entry(word).or_default().push((doc, field));
            }
        };
        for entry in catalogue.entries() {
            let doc = docs.len();
            for (text, field) in [
                (&entry.description_nl, Field::Description),
                (&entry.description_en, Field::Description),
                (&entry.sub_chapter_nl, Field::SubChapter),
                (&entry.sub_chapter_en, Field::SubChapter),
                (&entry.chapter_nl, Field::Chapter),
                (&entry.chapter_en, Field::Chapter),
            ] {
                add(doc, text, field);
            }
            let code = EwcCode::parse(&entry.digits).expect("catalogue codes parse");
            docs.push(Doc {
                material: Material::Waste(code),
                label_nl: &entry.description_nl,
                label_en: &entry.description_en,
                context_nl: &entry.sub_chapter_nl,
                context_en: &entry.sub_chapter_en,
                hazardous: entry.hazardous,
                mirror: entry.entry_type.is_mirror(),
            });
        }
        let resource_doc = |resource: Resource| {
            catalogue.entries().len()
                + Resource::ALL
                    .iter()
                    .position(|r| *r == resource)
                    .unwrap_or(0)
        };
        for resource in Resource::ALL {
            let doc = docs.len();
            add(doc, resource.label_nl(), Field::Description);
            add(doc, resource.label_en(), Field::Description);
            docs.push(Doc {
                material: Material::Resource(resource),
                label_nl: resource.label_nl(),
                label_en: resource.label_en(),
                context_nl: RESOURCE_CONTEXT_NL,
                context_en: RESOURCE_CONTEXT_EN,
                hazardous: false,
                mirror: false,
            });
        }

        let mut vocab: Vec<(String, Vec<(usize, Field)>)> = words.into_iter().collect();
        vocab.sort_by(|a, b| a.0.cmp(&b.0));
        let (vocab, postings) = vocab
            .into_iter()
            .map(|(word, mut hits)| {
                // Keep one posting per document, with its best field.
                hits.sort();
                hits.dedup_by_key(|hit| hit.0);
                (word, hits)
            })
            .unzip();

        let waste = SYNONYMS.iter().map(|(key, codes)| {
            let docs = codes
                .iter()
                .filter_map(|code| EwcCode::parse(code).ok())
                .filter_map(|code| catalogue.index_of(code.digits()))
                .collect();
            (*key, docs)
        });
        let resources = RESOURCE_SYNONYMS
            .iter()
            .map(|(key, resources)| (*key, resources.iter().map(|r| resource_doc(*r)).collect()));
        let synonyms = waste
            .chain(resources)
            .map(|(key, docs)| Synonym {
                words: words_of(key),
                docs,
            })
            .collect();

        Index {
            docs,
            vocab,
            postings,
            synonyms,
        }
    }
}

const RESOURCE_CONTEXT_NL: &str = "Energie, water en CO₂";
const RESOURCE_CONTEXT_EN: &str = "Energy, water and CO₂";

#[cfg(test)]
mod tests;

#[cfg(test)]
mod quality;
