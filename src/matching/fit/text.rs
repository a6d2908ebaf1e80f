//! Description similarity without a language model: words folded to lower case without
//! accents, filler and stop words dropped, each word stemmed by the Dutch, English and German
//! Snowball stemmers (the three languages of the border region), and the share of words on
//! either side that find a word with a common stem on the other.

use std::collections::HashSet;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// Words that carry no material: articles, prepositions, "residue", quantities.
const STOP_WORDS: &[&str] = &[
    // Dutch
    "de",
    "het",
    "een",
    "en",
    "van",
    "voor",
    "met",
    "of",
    "op",
    "uit",
    "die",
    "dat",
    "te",
    "in",
    "per",
    "als",
    "zoekt",
    "zoeken",
    "bieden",
    "aan",
    "om",
    "naar",
    "bij",
    "tot",
    "ons",
    "onze",
    "wij",
    "we",
    "is",
    "zijn",
    "wordt",
    "worden",
    "geen",
    "ook",
    "afval",
    "resten",
    "reststroom",
    // English
    "the",
    "a",
    "an",
    "and",
    "for",
    "with",
    "from",
    "or",
    "on",
    "of",
    "to",
    "by",
    "as",
    "at",
    "our",
    "we",
    "wants",
    "want",
    "needs",
    "need",
    "seeks",
    "is",
    "are",
    "no",
    "waste",
    "about",
    "residue",
    "residues",
    // German
    "der",
    "die",
    "das",
    "ein",
    "eine",
    "und",
    "fur",
    "mit",
    "von",
    "aus",
    "oder",
    "im",
    "zu",
    "sucht",
    "wir",
    "unsere",
    "abfall",
    "abfalle",
    "reste",
    "ist",
    "sind",
    "als",
    // Amounts and time
    "ton",
    "tonnes",
    "tonnen",
    "kg",
    "liter",
    "week",
    "woche",
    "maand",
    "month",
    "jaar",
    "year",
    "jahr",
    "dag",
    "day",
    "tag",
    "dagelijks",
    "daily",
    "taglich",
];

/// One side's words, each as the set of its stems.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StemmedText {
    words: Vec<[String; 3]>,
    stems: HashSet<String>,
}

impl StemmedText {
    /// Reads a text in any of the three languages.
    pub fn of(text: &str) -> StemmedText {
        let (dutch, english, german) = stemmers();
        let mut words = Vec::new();
        let mut stems = HashSet::new();
        let mut seen = HashSet::new();
        for word in words_of(text) {
            if !seen.insert(word.clone()) {
                continue;
            }
            let stemmed = [
                dutch.stem(&word).into_owned(),
                english.stem(&word).into_owned(),
                german.stem(&word).into_owned(),
            ];
            stems.extend(stemmed.iter().cloned());
            words.push(stemmed);
        }
        StemmedText { words, stems }
    }

    /// True when nothing of substance was written.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How many of this side's words share a stem with the other side.
    fn matched_in(&self, other: &StemmedText) -> usize {
        self.words
            .iter()
            .filter(|stems| stems.iter().any(|stem| other.stems.contains(stem)))
            .count()
    }
}

/// The share of words, on both sides together, that find a word of the same stem on the
/// other side: 1 for the same words, 0 for none in common. `None` when a side is empty.
pub fn similarity(a: &StemmedText, b: &StemmedText) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let matched = a.matched_in(b) + b.matched_in(a);
    Some(matched as f64 / (a.words.len() + b.words.len()) as f64)
}

/// Lower-case words of three letters or more without accents, stop words and numbers.
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|word| word.chars().count() >= 3)
        .filter(|word| !word.chars().all(|c| c.is_ascii_digit()))
        .filter(|word| !STOP_WORDS.contains(&word.as_str()))
}

/// Lower case without the accents Dutch and German write (`ü` → `u`, `é` → `e`).
fn fold(word: &str) -> String {
    word.to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ß' => 's',
            other => other,
        })
        .collect()
}

fn stemmers() -> &'static (Stemmer, Stemmer, Stemmer) {
    static STEMMERS: OnceLock<(Stemmer, Stemmer, Stemmer)> = OnceLock::new();
    STEMMERS.get_or_init(|| {
        (
            Stemmer::create(Algorithm::Dutch),
            Stemmer::create(Algorithm::English),
            Stemmer::create(Algorithm::German),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> Option<f64> {
        similarity(&StemmedText::of(a), &StemmedText::of(b))
    }

    #[test]
    fn inflected_words_meet_at_their_stem() {
        assert_eq!(
            sim("groenteresten gekoeld", "groenteresten gekoelde"),
            Some(1.0)
        );
        assert_eq!(sim("spent coffee grounds", "coffee grounds"), Some(0.8));
        assert_eq!(sim("Kaffeesatz", "Kaffeesatzes"), Some(1.0));
    }

    #[test]
    fn stop_words_accents_and_numbers_do_not_count() {
        assert_eq!(sim("de 20 ton koffiedik", "koffiedik"), Some(1.0));
        assert_eq!(sim("Getreide für Brauerei", "getreide brauerei"), Some(1.0));
        assert_eq!(sim("", "koffiedik"), None);
        assert_eq!(sim("koffiedik", "houtsnippers"), Some(0.0));
    }
}
