//! Finding a firm's sector (NACE Rev.2 / SBI 2008) by everyday Dutch or English words.
//!
//! A firm types "bakkerij", "metaal", "garage" or "zorg" and picks from the matching sections
//! (`C`) and divisions (`C10`). Matching ignores case and accents; every query word must match
//! a curated keyword or a word of the Dutch or English title, exactly (or with a plural
//! ending), as the start of a word, or inside a Dutch compound. Keywords count more than
//! titles and divisions more than sections, because a firm should end up with a division. A
//! query that is a code (`C25`, `25`, `c25.62`, `C`) puts that code first. Ties keep the
//! catalogue's order, so results are deterministic.

mod divisions_a_f;
mod divisions_g_u;
mod sections;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use super::firm::NaceCode;

/// One section or division of NACE Rev.2 with its titles and everyday keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NaceEntry {
    /// The code as `NaceCode::parse` accepts it: `C` for a section, `C10` for a division.
    pub code: &'static str,
    /// The Dutch title (SBI 2008).
    pub name_nl: &'static str,
    /// The English title (NACE Rev.2).
    pub name_en: &'static str,
    /// Everyday words, Dutch and English, lower case.
    pub keywords: &'static [&'static str],
}

impl NaceEntry {
    /// An entry; `const` so the catalogue can be a static table.
    pub const fn new(
        code: &'static str,
        name_nl: &'static str,
        name_en: &'static str,
        keywords: &'static [&'static str],
    ) -> NaceEntry {
        NaceEntry {
            code,
            name_nl,
            name_en,
            keywords,
        }
    }

    /// A section (`C`) rather than a division (`C10`).
    pub fn is_section(&self) -> bool {
        self.code.len() == 1
    }
}

/// One sector that matches a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NaceHit {
    /// `C10` or `C`.
    pub code: String,
    /// The Dutch title (SBI 2008).
    pub name_nl: &'static str,
    /// The English title (NACE Rev.2).
    pub name_en: &'static str,
    /// Higher is better; only meaningful within one search.
    pub score: u32,
}

/// Every section and division, each section followed by its divisions: `A, A01, A02, …, U, U99`.
pub fn catalogue() -> impl Iterator<Item = &'static NaceEntry> {
    Index::get().entries.iter().map(|indexed| indexed.entry)
}

/// The Dutch and English titles of a code's section or division; a group or class
/// (`C25.62`) gets its division's titles. `None` for a code `NaceCode::parse` refuses.
pub fn names(code: &str) -> Option<(&'static str, &'static str)> {
    let code = NaceCode::parse(code).ok()?;
    let text = code.as_str();
    // A parsed code is ASCII: a letter, then optionally two digits and a detail.
    let key = if text.len() >= 3 { &text[..3] } else { text };
    catalogue()
        .find(|entry| entry.code == key)
        .map(|entry| (entry.name_nl, entry.name_en))
}

/// The sectors matching `query`, best first, at most `limit`. An empty query, or one with a
/// word that matches nothing, gives no hits.
pub fn search(query: &str, limit: usize) -> Vec<NaceHit> {
    let index = Index::get();
    let codes = code_scores(query, index);
    let words = query_words(query);
    let mut scored: Vec<(u32, usize)> = index
        .entries
        .iter()
        .enumerate()
        .filter_map(|(at, indexed)| {
            let by_code = codes.get(at).copied().unwrap_or(0);
            let by_words = indexed.score(&words).unwrap_or(0);
            (by_code + by_words > 0).then_some((by_code + by_words, at))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .into_iter()
        .take(limit)
        .map(|(score, at)| {
            let entry = index.entries[at].entry;
            NaceHit {
                code: entry.code.to_string(),
                name_nl: entry.name_nl,
                name_en: entry.name_en,
                score,
            }
        })
        .collect()
}

/// Score of the code a query names exactly, and of the divisions a partial code starts.
const CODE_EXACT: u32 = 1000;
const CODE_PREFIX: u32 = 500;
/// Word scores by field and kind of match: exact (or plural), prefix, inside a compound.
const KEYWORD: [u32; 3] = [60, 40, 20];
const NAME: [u32; 3] = [30, 20, 10];
/// Taken off a section's word score so that, at equal match, the division comes first.
const SECTION_PENALTY: u32 = 5;
/// A one-letter query word is a section code, not the start of every word with that letter.
const MIN_PREFIX: usize = 2;
/// Query words shorter than this match only as a whole word or a word's start.
const MIN_INSIDE: usize = 4;
/// A keyword at least this long also matches as the head of a compound (`autogarage`).
const MIN_HEAD: usize = 5;
/// Endings that leave a word's meaning alone: `bakkerijen`, `garages`.
const PLURALS: &[&str] = &["s", "en", "n", "es", "e"];

const STOP_WORDS: &[&str] = &[
    "de", "het", "een", "en", "van", "voor", "met", "of", "op", "uit", "die", "dat", "te", "the",
    "a", "an", "and", "for", "with", "from", "or", "in", "on",
];
/// Words that say "a firm" and nothing about which: dropped when other words remain.
const FILLER_WORDS: &[&str] = &[
    "bedrijf",
    "bedrijven",
    "firma",
    "onderneming",
    "company",
    "firm",
    "bv",
    "nv",
    "vof",
];

/// How one query word relates to one word of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    Exact = 0,
    Prefix = 1,
    Inside = 2,
}

fn fit(query: &str, word: &str) -> Option<Fit> {
    if query == word {
        return Some(Fit::Exact);
    }
    if let Some(rest) = query.strip_prefix(word)
        && PLURALS.contains(&rest)
    {
        return Some(Fit::Exact);
    }
    if query.len() >= MIN_PREFIX && word.starts_with(query) {
        return Some(Fit::Prefix);
    }
    let inside = query.len() >= MIN_INSIDE && word.contains(query);
    let head = word.len() >= MIN_HEAD && query.ends_with(word);
    (inside || head).then_some(Fit::Inside)
}

/// An entry with its words normalised once.
struct Indexed {
    entry: &'static NaceEntry,
    keywords: Vec<String>,
    name_words: Vec<String>,
}

impl Indexed {
    fn new(entry: &'static NaceEntry) -> Indexed {
        let mut keywords: Vec<String> = entry.keywords.iter().flat_map(|k| words_of(k)).collect();
        let mut name_words = words_of(entry.name_nl);
        name_words.extend(words_of(entry.name_en));
        // Stop words never reach the scorer from a query, and single letters (`n.e.c.`) would
        // let a section letter match a title as if it were a word.
        let useful = |w: &String| w.len() > 1 && !STOP_WORDS.contains(&w.as_str());
        keywords.retain(useful);
        name_words.retain(useful);
        Indexed {
            entry,
            keywords,
            name_words,
        }
    }

    /// The sum of each query word's best match, or `None` when a word matches nothing.
    fn score(&self, query_words: &[String]) -> Option<u32> {
        if query_words.is_empty() {
            return None;
        }
        let mut total = 0;
        for query in query_words {
            let best_in = |words: &[String], scores: [u32; 3]| {
                words
                    .iter()
                    .filter_map(|word| fit(query, word))
                    .map(|fit| scores[fit as usize])
                    .max()
            };
            let keyword = best_in(&self.keywords, KEYWORD);
            let name = best_in(&self.name_words, NAME);
            total += keyword.max(name)?;
        }
        if self.entry.is_section() {
            total = total.saturating_sub(SECTION_PENALTY).max(1);
        }
        Some(total)
    }
}

struct Index {
    entries: Vec<Indexed>,
}

impl Index {
    fn get() -> &'static Index {
        static INDEX: OnceLock<Index> = OnceLock::new();
        INDEX.get_or_init(|| {
            let mut entries = Vec::new();
            for section in &sections::SECTIONS {
                entries.push(Indexed::new(section));
                let divisions = divisions_a_f::DIVISIONS
                    .iter()
                    .chain(divisions_g_u::DIVISIONS.iter())
                    .filter(|division| division.code.starts_with(section.code));
                entries.extend(divisions.map(Indexed::new));
            }
            Index { entries }
        })
    }
}

/// Code scores per catalogue position for a query that is a (partial) code: `C`, `C2`, `C25`,
/// `25`, `c25.62`, `10831` (SBI). Empty when the query is not code-shaped.
fn code_scores(query: &str, index: &Index) -> Vec<u32> {
    let compact: String = query.split_whitespace().collect::<String>().to_uppercase();
    let (letter, rest) = match compact.chars().next() {
        Some(c @ 'A'..='U') => (Some(c), &compact[1..]),
        _ => (None, compact.as_str()),
    };
    let digits: String = rest.chars().filter(|c| *c != '.').collect();
    let code_shaped = rest.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.len() <= 5
        && (letter.is_some() || !digits.is_empty());
    if !code_shaped {
        return Vec::new();
    }
    let wanted = &digits[..digits.len().min(2)];
    index
        .entries
        .iter()
        .map(|indexed| {
            let code = indexed.entry.code;
            let (section, division) = code.split_at(1);
            let section_ok = letter.is_none_or(|l| section.starts_with(l));
            if !section_ok || (indexed.entry.is_section() && letter.is_none()) {
                0
            } else if division == wanted {
                CODE_EXACT
            } else if division.starts_with(wanted) {
                CODE_PREFIX
            } else {
                0
            }
        })
        .collect()
}

/// The query's words, without stop and filler words unless nothing else is left.
fn query_words(query: &str) -> Vec<String> {
    let all = words_of(query);
    let meaningful: Vec<String> = all
        .iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()) && !FILLER_WORDS.contains(&w.as_str()))
        .cloned()
        .collect();
    if meaningful.is_empty() {
        // "bedrijf" alone still searches; a query of stop words only finds nothing.
        all.into_iter()
            .filter(|w| !STOP_WORDS.contains(&w.as_str()))
            .collect()
    } else {
        meaningful
    }
}

/// Lower-case words without accents; apostrophes are dropped (`auto's` → `autos`) and any
/// other non-alphanumeric character separates words. The same folding as the material
/// search's, whose helper is private to that module.
fn words_of(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => folded.push('a'),
            'ç' => folded.push('c'),
            'è' | 'é' | 'ê' | 'ë' => folded.push('e'),
            'ì' | 'í' | 'î' | 'ï' => folded.push('i'),
            'ñ' => folded.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => folded.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => folded.push('u'),
            'ý' | 'ÿ' => folded.push('y'),
            'ß' => folded.push_str("ss"),
            'æ' => folded.push_str("ae"),
            'œ' => folded.push_str("oe"),
            'ĳ' => folded.push_str("ij"),
            '\'' | '’' | '‘' | '`' => {}
            c if c.is_alphanumeric() => folded.push(c),
            _ => folded.push(' '),
        }
    }
    folded.split_whitespace().map(str::to_string).collect()
}
