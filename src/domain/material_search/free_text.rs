//! Words against free text (a flow's description), with the material search's normalisation:
//! no case or accents, Dutch and English Snowball stems, stop and filler words dropped. A
//! whole word (or the same stem) counts more than the start of a word, which counts more than
//! a piece inside a compound.

use super::text::{STOP_WORDS, Stems, is_optional, words_of};

/// Score of a query word found as a whole word of the text, or with the same stem.
pub const WHOLE_WORD: u32 = 100;
/// Score of a query word that starts a word of the text.
pub const WORD_START: u32 = 40;
/// Score of a query word found inside a word of the text (a compound).
pub const INSIDE_WORD: u32 = 15;

/// The words of a query that must each be found: normalised, stop words left out, and words
/// that say little (`afval`, `oude`, numbers) left out when others remain.
pub fn query_words(query: &str) -> Vec<String> {
    let words: Vec<String> = words_of(query)
        .into_iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect();
    let meaningful: Vec<String> = words.iter().filter(|w| !is_optional(w)).cloned().collect();
    if meaningful.is_empty() {
        words
    } else {
        meaningful
    }
}

/// For each query word, a lower-case piece every text it matches contains (the shortest of the
/// word and its stems): a database can preselect texts with `LIKE '%piece%'` before
/// [`text_score`] decides. Texts that hold the word only with accents are not preselected.
pub fn like_pieces(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|word| {
            let stems = Stems::of_query(word);
            [stems.dutch, stems.english]
                .into_iter()
                .flatten()
                .filter(|stem| word.starts_with(stem.as_str()) && stem.chars().count() >= 3)
                .chain(std::iter::once(word.clone()))
                .min_by_key(|piece| piece.chars().count())
                .unwrap_or_else(|| word.clone())
        })
        .collect()
}

/// How well `text` matches every word of `words` (see [`query_words`]); `None` when a word is
/// not found at all. Each word adds the score of its best place in the text.
pub fn text_score(words: &[String], text: &str) -> Option<u32> {
    if words.is_empty() {
        return None;
    }
    let text_words = words_of(text);
    let text_stems: Vec<Stems> = text_words.iter().map(|w| Stems::of_query(w)).collect();
    let mut total = 0;
    for word in words {
        let stems = Stems::of_query(word);
        let best = text_words
            .iter()
            .zip(&text_stems)
            .map(|(text_word, text_stem)| {
                if text_word == word || stems.shares(text_stem) {
                    WHOLE_WORD
                } else if text_word.starts_with(word.as_str()) {
                    WORD_START
                } else if word.chars().count() >= 4 && text_word.contains(word.as_str()) {
                    INSIDE_WORD
                } else {
                    0
                }
            })
            .max()
            .unwrap_or(0);
        if best == 0 {
            return None;
        }
        total += best;
    }
    Some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_and_stems_count_before_starts_and_compounds() {
        let words = query_words("bloempotten");

        let whole = text_score(&words, "Lege bloempotten, plastic").unwrap();
        let stem = text_score(&words, "Een bloempot per stuk").unwrap();
        let compound = text_score(&query_words("potten"), "bloempotten").unwrap();

        assert_eq!(whole, WHOLE_WORD);
        assert_eq!(stem, WHOLE_WORD);
        assert_eq!(compound, INSIDE_WORD);
        assert_eq!(
            text_score(&query_words("koffie"), "Koffiedik"),
            Some(WORD_START)
        );
        assert_eq!(text_score(&words, "Karton"), None);
    }

    #[test]
    fn every_meaningful_word_must_be_found_and_filler_is_dropped() {
        let words = query_words("oude koffiedik afval");

        assert_eq!(words, vec!["koffiedik".to_string()]);
        assert!(text_score(&query_words("koffiedik karton"), "koffiedik").is_none());
        assert_eq!(query_words("de afval"), vec!["afval".to_string()]);
    }

    #[test]
    fn like_pieces_are_found_in_every_text_the_words_match() {
        let words = query_words("Bloempotten Koffiedik");
        let pieces = like_pieces(&words);

        for (piece, text) in pieces.iter().zip(["een bloempot", "koffiedik"]) {
            assert!(text.contains(piece.as_str()), "{piece} in {text}");
        }
    }
}
