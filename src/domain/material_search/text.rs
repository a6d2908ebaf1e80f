//! Text normalisation for the search: words without case or accents, their Dutch and English
//! stems, filler, optional and stop words, and queries that are only a code.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::vocabulary::TermLanguage;

pub(super) const STOP_WORDS: &[&str] = &[
    "de", "het", "een", "en", "van", "voor", "met", "of", "op", "uit", "die", "dat", "te", "the",
    "a", "an", "and", "for", "with", "from", "or", "in", "on",
];

/// Words that say "residue" and little else: dropped from a query with other words, and as the
/// tail of a compound (`houtafval`) the head alone counts.
pub(super) const FILLER_WORDS: &[&str] = &[
    "afval",
    "restafval",
    "resten",
    "restanten",
    "reststroom",
    "reststromen",
    "waste",
    "wastes",
    "residu",
    "residue",
    "residues",
];

/// Words that describe the state or amount of a material rather than the material (`oude
/// pallets`, `20 ton koffiedik`): dropped from a query with other words. They still count inside
/// a vocabulary phrase (`oud papier`). Numbers are treated alike.
pub(super) const OPTIONAL_WORDS: &[&str] = &[
    "oud",
    "oude",
    "gebruikt",
    "gebruikte",
    "schoon",
    "schone",
    "leeg",
    "lege",
    "los",
    "losse",
    "kapot",
    "kapotte",
    "afgedankt",
    "afgedankte",
    "overtollig",
    "overtollige",
    "divers",
    "diverse",
    "overig",
    "overige",
    "partij",
    "partijen",
    "ton",
    "kg",
    "kilo",
    "m3",
    "liter",
    "stuks",
    "per",
    "week",
    "maand",
    "jaar",
    "old",
    "used",
    "empty",
    "clean",
    "spare",
    "broken",
    "discarded",
    "stale",
    "loose",
    "various",
    "leftover",
    "batch",
    "tonnes",
    "tons",
    "pieces",
    "month",
    "year",
    "stukken",
    "stuk",
    "restje",
    "restjes",
    "surplus",
    "excess",
    "hot",
    "heet",
    "hete",
];

/// True for words dropped from a query that has other words.
pub(super) fn is_optional(word: &str) -> bool {
    FILLER_WORDS.contains(&word)
        || OPTIONAL_WORDS.contains(&word)
        || word.chars().all(|c| c.is_ascii_digit())
}

/// The Snowball stems of one normalised word, in the languages that apply to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Stems {
    pub dutch: Option<String>,
    pub english: Option<String>,
}

impl Stems {
    /// The stems of a word of a text or term in `language`.
    pub fn of(word: &str, language: TermLanguage) -> Stems {
        let (dutch, english) = stemmers();
        let dutch_applies = language != TermLanguage::English;
        let english_applies = language != TermLanguage::Dutch;
        Stems {
            dutch: dutch_applies.then(|| dutch.stem(word).into_owned()),
            english: english_applies.then(|| english.stem(word).into_owned()),
        }
    }

    /// The stems of a query word, whose language is unknown.
    pub fn of_query(word: &str) -> Stems {
        Stems::of(word, TermLanguage::Both)
    }

    /// True when both words have the same stem in a language that applies to both.
    pub fn shares(&self, other: &Stems) -> bool {
        let same =
            |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(a), Some(b)) if a == b);
        same(&self.dutch, &other.dutch) || same(&self.english, &other.english)
    }

    /// Keys of the stem index: the stem tagged with its language.
    pub fn keys(&self) -> impl Iterator<Item = String> + '_ {
        let dutch = self.dutch.iter().map(|s| format!("nl:{s}"));
        let english = self.english.iter().map(|s| format!("en:{s}"));
        dutch.chain(english)
    }
}

fn stemmers() -> &'static (Stemmer, Stemmer) {
    static STEMMERS: OnceLock<(Stemmer, Stemmer)> = OnceLock::new();
    STEMMERS.get_or_init(|| {
        (
            Stemmer::create(Algorithm::Dutch),
            Stemmer::create(Algorithm::English),
        )
    })
}

/// The digits of a query that is only a (partial) code: `15 01`, `020203`, `13.02.05*`.
pub(super) fn code_query(query: &str) -> Option<String> {
    let query = query.trim();
    let code_like = query
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '*'));
    let digits: String = query.chars().filter(char::is_ascii_digit).collect();
    (code_like && (2..=6).contains(&digits.len())).then_some(digits)
}

/// Lower-case words without accents; apostrophes are dropped (`accu's` → `accus`) and any other
/// non-alphanumeric character separates words.
pub(super) fn words_of(text: &str) -> Vec<String> {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => folded.push('a'),
            'ç' => folded.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' => folded.push('e'),
            'ì' | 'í' | 'î' | 'ï' => folded.push('i'),
            'ñ' => folded.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => folded.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => folded.push('u'),
            'ý' | 'ÿ' => folded.push('y'),
            'ß' => folded.push_str("ss"),
            'æ' => folded.push_str("ae"),
            'œ' => folded.push_str("oe"),
            'ĳ' => folded.push_str("ij"),
            '₂' | '²' => folded.push('2'),
            '³' => folded.push('3'),
            '\'' | '’' | '‘' | '`' => {}
            c if c.is_alphanumeric() => folded.push(c),
            _ => folded.push(' '),
        }
    }
    folded.split_whitespace().map(str::to_string).collect()
}
