//! Finding a material by everyday words, for firms that do not know waste codes.
//!
//! A firm types Dutch or English words ("karton", "koffiedik", "jute zakken", "restwarmte")
//! and picks from the matching entries of the List of Waste and our resource vocabulary.
//! Matching ignores case and accents. Every query word must match (words such as `oude`,
//! `afval` or `20 ton` may be left unmatched when others match; when no entry matches all
//! words, the entries matching most of them are listed), in this order of strength:
//!
//! 1. a term of the curated vocabulary of everyday words (`fixtures/material-vocabulary.csv`,
//!    see `vocabulary.rs`), the same word or the same Dutch/English Snowball stem
//!    (`bloempot` finds `bloempotten`), or a phrase of the vocabulary (`jute zakken`);
//! 2. a whole word of the entry's texts (Dutch and English description, sub-chapter, chapter),
//!    again the same word or stem;
//! 3. the start of a word (the firm is still typing), then a word inside a Dutch compound.
//!
//! A query word of eight letters or more is also tried as two joined words (`koffiedikresten`,
//! `staalkrullen`). Scores add up over the query words; ties keep the official order of the
//! list. A query of two to six digits (`15 01`) lists the codes that start with them.

pub mod free_text;
mod scoring;
mod text;
mod vocabulary;

use std::collections::HashMap;
use std::sync::OnceLock;

use super::catalogue::Catalogue;
use super::material::{EwcCode, Material, Resource};
use text::{Stems, words_of};
use vocabulary::TermLanguage;

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
    /// The everyday term of the vocabulary the query matched for this entry (`koffiedik`,
    /// `jute zakken`), to show beside the legal label; `None` when only the texts matched.
    pub term: Option<String>,
}

/// The materials matching `query`, best first, at most `limit`. An empty query, or one with a
/// word that matches nothing, gives no hits.
pub fn search_materials(query: &str, language: SearchLanguage, limit: usize) -> Vec<MaterialHit> {
    let index = Index::get();
    let mut scored = index.score(query);
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.truncate(limit);
    let terms = index.terms_in(query);
    scored
        .into_iter()
        .map(|(score, doc)| {
            let mut hit = index.docs[doc].hit(language, score);
            hit.term = Index::term_for(&terms, doc);
            hit
        })
        .collect()
}

/// Score of a vocabulary term equal to the query word (and of a code query); each later code of
/// the term gets a step less.
const TERM: u32 = 100;
/// Score of a vocabulary term with the same stem as the query word.
const TERM_STEM: u32 = 90;
const TERM_STEP: u32 = 5;
/// Score of a vocabulary term the query word only starts (the firm is still typing); above any
/// prefix of the texts, below their whole words.
const TERM_PREFIX: u32 = 22;
const TERM_PREFIX_STEP: u32 = 3;
/// Score of a vocabulary word holding the query word inside it (`zakken` in `jutezakken`).
const TERM_INFIX: u32 = 9;
const TERM_INFIX_STEP: u32 = 2;
/// Text scores by kind of match, then field: a whole word anywhere ranks before any prefix, a
/// prefix before a word inside a compound.
const WHOLE: [u32; 3] = [40, 30, 24];
const PREFIX: [u32; 3] = [20, 14, 10];
const INFIX: [u32; 3] = [8, 5, 3];
/// Query words shorter than this match inside text words only as prefixes.
const MIN_INFIX: usize = 4;
/// Query words shorter than this match inside vocabulary words only as prefixes.
const MIN_TERM_INFIX: usize = 5;
/// Query words at least this long are also tried as two joined words (`staalkrullen`).
const MIN_COMPOUND: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Description,
    SubChapter,
    Chapter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The same word or the same stem.
    Whole,
    Prefix,
    Infix,
}

impl Kind {
    fn score(self, field: Field) -> u32 {
        let weights = match self {
            Kind::Whole => WHOLE,
            Kind::Prefix => PREFIX,
            Kind::Infix => INFIX,
        };
        weights[field as usize]
    }
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
            term: None,
        }
    }
}

/// A vocabulary term with the documents of its materials.
struct IndexedTerm {
    text: String,
    words: Vec<String>,
    stems: Vec<Stems>,
    docs: Vec<usize>,
}

type Postings = Vec<(usize, Field)>;

/// Normalised words and stems of all texts, and the vocabulary; built once.
struct Index {
    docs: Vec<Doc>,
    /// Sorted distinct words, with for each the documents holding it and the best field.
    words: Vec<String>,
    postings: Vec<Postings>,
    /// Stem keys (`Stems::keys`) with their documents and best field.
    stems: HashMap<String, Postings>,
    terms: Vec<IndexedTerm>,
}

impl Index {
    fn get() -> &'static Index {
        static INDEX: OnceLock<Index> = OnceLock::new();
        INDEX.get_or_init(Index::build)
    }

    fn build() -> Index {
        let (docs, texts) = documents();
        let mut words: HashMap<String, Postings> = HashMap::new();
        let mut stems: HashMap<String, Postings> = HashMap::new();
        for (doc, text, field, language) in texts {
            for word in words_of(text) {
                for key in Stems::of(&word, language).keys() {
                    stems.entry(key).or_default().push((doc, field));
                }
                words.entry(word).or_default().push((doc, field));
            }
        }
        stems.values_mut().for_each(best_field_per_doc);
        let mut words: Vec<(String, Postings)> = words.into_iter().collect();
        words.sort_by(|a, b| a.0.cmp(&b.0));
        let (words, postings) = words
            .into_iter()
            .map(|(word, mut hits)| {
                best_field_per_doc(&mut hits);
                (word, hits)
            })
            .unzip();
        let terms = vocabulary::terms()
            .into_iter()
            .map(|term| IndexedTerm {
                docs: term.materials.iter().filter_map(|m| doc_of(*m)).collect(),
                text: term.text,
                words: term.words,
                stems: term.stems,
            })
            .collect();
        Index {
            docs,
            words,
            postings,
            stems,
            terms,
        }
    }
}

/// Keeps one posting per document, with its best field.
fn best_field_per_doc(hits: &mut Postings) {
    hits.sort();
    hits.dedup_by_key(|hit| hit.0);
}

/// A text of a document to index: (document, text, field, language).
type DocText = (usize, &'static str, Field, TermLanguage);

/// The documents, List of Waste first in official order, then the resources, with their texts.
fn documents() -> (Vec<Doc>, Vec<DocText>) {
    let catalogue = Catalogue::get();
    let mut docs = Vec::new();
    let mut texts = Vec::new();
    for entry in catalogue.entries() {
        let doc = docs.len();
        texts.extend([
            (
                doc,
                entry.description_nl.as_str(),
                Field::Description,
                TermLanguage::Dutch,
            ),
            (
                doc,
                entry.description_en.as_str(),
                Field::Description,
                TermLanguage::English,
            ),
            (
                doc,
                entry.sub_chapter_nl.as_str(),
                Field::SubChapter,
                TermLanguage::Dutch,
            ),
            (
                doc,
                entry.sub_chapter_en.as_str(),
                Field::SubChapter,
                TermLanguage::English,
            ),
            (
                doc,
                entry.chapter_nl.as_str(),
                Field::Chapter,
                TermLanguage::Dutch,
            ),
            (
                doc,
                entry.chapter_en.as_str(),
                Field::Chapter,
                TermLanguage::English,
            ),
        ]);
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
    for resource in Resource::ALL {
        let doc = docs.len();
        texts.push((
            doc,
            resource.label_nl(),
            Field::Description,
            TermLanguage::Dutch,
        ));
        texts.push((
            doc,
            resource.label_en(),
            Field::Description,
            TermLanguage::English,
        ));
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
    (docs, texts)
}

/// The document of a material: its place in the List of Waste, resources after it.
fn doc_of(material: Material) -> Option<usize> {
    let catalogue = Catalogue::get();
    match material {
        Material::Waste(code) => catalogue.index_of(code.digits()),
        Material::Resource(resource) => Resource::ALL
            .iter()
            .position(|r| *r == resource)
            .map(|i| catalogue.entries().len() + i),
    }
}

const RESOURCE_CONTEXT_NL: &str = "Energie, water en CO₂";
const RESOURCE_CONTEXT_EN: &str = "Energy, water and CO₂";

#[cfg(test)]
mod tests;

#[cfg(test)]
mod quality;
