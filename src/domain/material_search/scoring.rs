//! Scoring a query against the index: each query word by synonyms, exact words, prefixes and
//! Dutch compounds; then phrases; a document must match every word.

use super::text::{FILLER_WORDS, STOP_WORDS, code_query, words_of};
use super::*;
use crate::domain::catalogue::Catalogue;

impl Index {
    /// (score, document) of every document matching all query words, unordered.
    pub(super) fn score(&self, query: &str) -> Vec<(u32, usize)> {
        if let Some(digits) = code_query(query) {
            return (0..Catalogue::get().entries().len())
                .filter(|&doc| Catalogue::get().entries()[doc].digits.starts_with(&digits))
                .map(|doc| (SYNONYM, doc))
                .collect();
        }
        let mut words: Vec<String> = words_of(query)
            .into_iter()
            .filter(|w| !STOP_WORDS.contains(&w.as_str()))
            .collect();
        if words.iter().any(|w| !FILLER_WORDS.contains(&w.as_str())) {
            words.retain(|w| !FILLER_WORDS.contains(&w.as_str()));
        }
        if words.is_empty() {
            return Vec::new();
        }
        let mut per_word: Vec<Vec<u32>> = words.iter().map(|w| self.word_scores(w)).collect();
        self.add_phrases(&words, &mut per_word);
        (0..self.docs.len())
            .filter(|&doc| per_word.iter().all(|scores| scores[doc] > 0))
            .map(|doc| (per_word.iter().map(|scores| scores[doc]).sum(), doc))
            .collect()
    }

    /// The best score of one query word for every document (0: no match).
    fn word_scores(&self, word: &str) -> Vec<u32> {
        let mut scores = vec![0; self.docs.len()];
        self.add_synonyms(word, true, &mut scores);
        self.add_text(word, Kind::Exact, word.len() >= MIN_INFIX, &mut scores);
        // Light stemming of plurals: `filters`, `kabels`, `batterijen`.
        for suffix in ["s", "en", "es"] {
            if let Some(stem) = word.strip_suffix(suffix).filter(|s| s.len() >= MIN_INFIX) {
                self.add_text(stem, Kind::Prefix, false, &mut scores);
            }
        }
        if word.len() >= MIN_COMPOUND && word.is_ascii() {
            self.add_compound(word, &mut scores);
        }
        scores
    }

    /// A compound typed as one word scores where both halves match (`staal`+`krullen`),
    /// allowing the Dutch linking `s` (`verpakking`+`s`+`afval`).
    fn add_compound(&self, word: &str, scores: &mut [u32]) {
        for split in MIN_INFIX..=word.len() - MIN_INFIX {
            let (left, right) = word.split_at(split);
            let left = self.part_scores(left);
            if left.iter().all(|&s| s == 0) {
                continue;
            }
            let tail = right.strip_prefix('s').unwrap_or(right);
            if FILLER_WORDS.contains(&right) || FILLER_WORDS.contains(&tail) {
                for (score, head) in scores.iter_mut().zip(&left) {
                    *score = (*score).max(head * 4 / 5);
                }
                continue;
            }
            let mut right_scores = self.part_scores(right);
            if let Some(rest) = right.strip_prefix('s').filter(|r| r.len() >= MIN_INFIX) {
                for (a, b) in right_scores.iter_mut().zip(self.part_scores(rest)) {
                    *a = (*a).max(b);
                }
            }
            for (doc, score) in scores.iter_mut().enumerate() {
                if left[doc] > 0 && right_scores[doc] > 0 {
                    *score = (*score).max((left[doc] + right_scores[doc]) * 2 / 5);
                }
            }
        }
    }

    fn part_scores(&self, part: &str) -> Vec<u32> {
        let mut scores = vec![0; self.docs.len()];
        self.add_synonyms(part, false, &mut scores);
        self.add_text(part, Kind::Exact, false, &mut scores);
        scores
    }

    /// Single-word synonyms equal to `word` or, when `prefixes`, starting with it.
    fn add_synonyms(&self, word: &str, prefixes: bool, scores: &mut [u32]) {
        for synonym in self.synonyms.iter().filter(|s| s.words.len() == 1) {
            let key = &synonym.words[0];
            let (base, step) = if key == word {
                (SYNONYM, SYNONYM_STEP)
            } else if prefixes && word.len() >= 3 && key.starts_with(word) {
                (SYNONYM_PREFIX, 3)
            } else {
                continue;
            };
            raise_all(scores, &synonym.docs, base, step);
        }
    }

    /// Text words equal to `word` or starting with it; with `infix` also words containing it.
    /// `best` caps the kind of match (a stem never counts as an exact word).
    fn add_text(&self, word: &str, best: Kind, infix: bool, scores: &mut [u32]) {
        let start = self.vocab.partition_point(|v| v.as_str() < word);
        for (i, candidate) in self.vocab.iter().enumerate().skip(start) {
            if !candidate.starts_with(word) {
                break;
            }
            let kind = if candidate == word {
                best
            } else {
                Kind::Prefix
            };
            self.raise_postings(i, kind, scores);
        }
        if infix {
            for (i, candidate) in self.vocab.iter().enumerate() {
                if !candidate.starts_with(word) && candidate.contains(word) {
                    self.raise_postings(i, Kind::Infix, scores);
                }
            }
        }
    }

    fn raise_postings(&self, word: usize, kind: Kind, scores: &mut [u32]) {
        for &(doc, field) in &self.postings[word] {
            let score = field.weights()[kind as usize];
            scores[doc] = scores[doc].max(score);
        }
    }

    /// Synonyms of several words (`afgewerkte olie`) found in the query in that order; the
    /// last query word may be the start of a phrase word (the firm is still typing).
    fn add_phrases(&self, words: &[String], per_word: &mut [Vec<u32>]) {
        for synonym in self.synonyms.iter().filter(|s| s.words.len() > 1) {
            for start in 0..words.len() {
                let typed = &words[start..];
                let shared = typed.len().min(synonym.words.len());
                let last_typed = start + shared == words.len();
                let exact = (0..shared).all(|j| typed[j] == synonym.words[j]);
                let complete = shared == synonym.words.len();
                let base = if exact && complete {
                    SYNONYM
                } else if last_typed
                    && (0..shared - 1).all(|j| typed[j] == synonym.words[j])
                    && synonym.words[shared - 1].starts_with(typed[shared - 1].as_str())
                    && typed[..shared].iter().map(String::len).sum::<usize>() >= 3
                {
                    SYNONYM_PREFIX
                } else {
                    continue;
                };
                for scores in &mut per_word[start..start + shared] {
                    raise_all(scores, &synonym.docs, base, SYNONYM_STEP);
                }
            }
        }
    }
}

/// Raises the documents of a synonym list: the first gets `base`, each next one `step` less.
fn raise_all(scores: &mut [u32], docs: &[usize], base: u32, step: u32) {
    for (position, &doc) in docs.iter().enumerate() {
        let score = base.saturating_sub(step * position as u32).max(1);
        scores[doc] = scores[doc].max(score);
    }
}
