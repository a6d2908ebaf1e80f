//! Scoring a query against the index: each query word by the vocabulary, whole words (same
//! word or stem), prefixes, words inside compounds and split compounds; then vocabulary phrases;
//! a document must match every required word.

use super::text::{STOP_WORDS, code_query, is_optional, words_of};
use super::*;

/// One word of the query.
struct QueryWord {
    word: String,
    stems: Stems,
    /// Scores of every document for this word; `None` for stop words and for optional words
    /// dropped because the query has others.
    scores: Option<Vec<u32>>,
}

impl Index {
    /// (score, document) of every document matching all required query words, unordered. When
    /// no document matches them all (`scrap copper`: scrap and copper point to different
    /// codes), the documents matching the most of them. A word that matches nothing at all (a
    /// typo) gives no hits, so the firm sees it and corrects it.
    pub(super) fn score(&self, query: &str) -> Vec<(u32, usize)> {
        if let Some(digits) = code_query(query) {
            let entries = Catalogue::get().entries();
            return (0..entries.len())
                .filter(|&doc| entries[doc].digits.starts_with(&digits))
                .map(|doc| (TERM, doc))
                .collect();
        }
        let words = words_of(query);
        let counted = |w: &String| !STOP_WORDS.contains(&w.as_str());
        let has_required = words.iter().any(|w| counted(w) && !is_optional(w));
        let mut query: Vec<QueryWord> = words
            .into_iter()
            .map(|word| {
                let scored = counted(&word) && !(has_required && is_optional(&word));
                QueryWord {
                    stems: Stems::of_query(&word),
                    scores: scored.then(|| self.word_scores(&word)),
                    word,
                }
            })
            .collect();
        if query.iter().all(|w| w.scores.is_none()) {
            return Vec::new();
        }
        self.add_phrases(&mut query);
        let scores: Vec<&Vec<u32>> = query.iter().filter_map(|w| w.scores.as_ref()).collect();
        if scores.iter().any(|s| s.iter().all(|&score| score == 0)) {
            return Vec::new();
        }
        let covered = |doc: usize| scores.iter().filter(|s| s[doc] > 0).count();
        let most = (0..self.docs.len()).map(covered).max().unwrap_or(0);
        (0..self.docs.len())
            .filter(|&doc| covered(doc) == most)
            .map(|doc| (scores.iter().map(|s| s[doc]).sum(), doc))
            .collect()
    }

    /// The best score of one query word for every document (0: no match).
    fn word_scores(&self, word: &str) -> Vec<u32> {
        let stems = Stems::of_query(word);
        let mut scores = vec![0; self.docs.len()];
        self.add_terms(word, &stems, true, &mut scores);
        self.add_text(word, &stems, true, &mut scores);
        if word.len() >= MIN_COMPOUND && word.is_ascii() {
            self.add_compound(word, &mut scores);
        }
        scores
    }

    /// Single-word vocabulary terms equal to `word` or sharing its stem; when `partial`, also
    /// terms it starts or lies inside.
    fn add_terms(&self, word: &str, stems: &Stems, partial: bool, scores: &mut [u32]) {
        for term in self.terms.iter().filter(|t| t.words.len() == 1) {
            let key = &term.words[0];
            let (base, step) = if key == word {
                (TERM, TERM_STEP)
            } else if stems.shares(&term.stems[0]) {
                (TERM_STEM, TERM_STEP)
            } else if partial && word.len() >= 3 && key.starts_with(word) {
                (TERM_PREFIX, TERM_PREFIX_STEP)
            } else if partial && word.len() >= MIN_TERM_INFIX && key.contains(word) {
                (TERM_INFIX, TERM_INFIX_STEP)
            } else {
                continue;
            };
            raise_all(scores, &term.docs, base, step);
        }
    }

    /// Text words equal to `word` or sharing its stem; when `partial`, also words it starts
    /// and (from `MIN_INFIX` letters) words holding it.
    fn add_text(&self, word: &str, stems: &Stems, partial: bool, scores: &mut [u32]) {
        for key in stems.keys() {
            for &(doc, field) in self.stems.get(&key).into_iter().flatten() {
                raise(scores, doc, Kind::Whole.score(field));
            }
        }
        let start = self.words.partition_point(|v| v.as_str() < word);
        for (i, candidate) in self.words.iter().enumerate().skip(start) {
            if !candidate.starts_with(word) {
                break;
            }
            let kind = if candidate == word {
                Kind::Whole
            } else if partial {
                Kind::Prefix
            } else {
                continue;
            };
            self.raise_postings(i, kind, scores);
        }
        if partial && word.len() >= MIN_INFIX {
            for (i, candidate) in self.words.iter().enumerate() {
                if !candidate.starts_with(word) && candidate.contains(word) {
                    self.raise_postings(i, Kind::Infix, scores);
                }
            }
        }
    }

    /// A compound typed as one word scores where both halves match (`staal`+`krullen`),
    /// allowing the Dutch linking `s` (`verpakking`+`s`+`afval`); a filler tail (`afval`,
    /// `resten`) leaves the head alone.
    fn add_compound(&self, word: &str, scores: &mut [u32]) {
        for split in MIN_INFIX..=word.len() - MIN_INFIX {
            let (left, right) = word.split_at(split);
            let left = self.part_scores(left);
            if left.iter().all(|&s| s == 0) {
                continue;
            }
            let tail = right.strip_prefix('s').unwrap_or(right);
            if is_filler(right) || is_filler(tail) {
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

    /// Scores of one half of a compound: whole vocabulary terms and whole text words only.
    fn part_scores(&self, part: &str) -> Vec<u32> {
        let stems = Stems::of_query(part);
        let mut scores = vec![0; self.docs.len()];
        self.add_terms(part, &stems, false, &mut scores);
        self.add_text(part, &stems, false, &mut scores);
        scores
    }

    fn raise_postings(&self, word: usize, kind: Kind, scores: &mut [u32]) {
        for &(doc, field) in &self.postings[word] {
            raise(scores, doc, kind.score(field));
        }
    }

    /// Vocabulary phrases (`jute zakken`, `bouw- en sloopafval`) found in the query in that
    /// order raise each of their query words; the last query word may be the start of a
    /// phrase word (the firm is still typing).
    fn add_phrases(&self, query: &mut [QueryWord]) {
        for term in self.terms.iter().filter(|t| t.words.len() > 1) {
            for start in 0..query.len() {
                let typed = &query[start..];
                let shared = typed.len().min(term.words.len());
                let same = |j: usize| {
                    typed[j].word == term.words[j] || typed[j].stems.shares(&term.stems[j])
                };
                let base = if shared == term.words.len() && (0..shared).all(same) {
                    TERM
                } else if start + shared == query.len()
                    && (0..shared - 1).all(same)
                    && term.words[shared - 1].starts_with(typed[shared - 1].word.as_str())
                    && typed[..shared].iter().map(|w| w.word.len()).sum::<usize>() >= 3
                {
                    TERM_PREFIX
                } else {
                    continue;
                };
                for word in &mut query[start..start + shared] {
                    if let Some(scores) = &mut word.scores {
                        raise_all(scores, &term.docs, base, TERM_STEP);
                    }
                }
            }
        }
    }
}

impl Index {
    /// The vocabulary terms whose words all occur in the query, in order and side by side;
    /// longest first, then in file order.
    pub(super) fn terms_in(&self, query: &str) -> Vec<&IndexedTerm> {
        let words: Vec<(String, Stems)> = words_of(query)
            .into_iter()
            .map(|w| {
                let stems = Stems::of_query(&w);
                (w, stems)
            })
            .collect();
        let same = |(word, stems): &(String, Stems), term: &IndexedTerm, j: usize| {
            *word == term.words[j] || stems.shares(&term.stems[j])
        };
        let mut found: Vec<&IndexedTerm> = self
            .terms
            .iter()
            .filter(|term| {
                words
                    .windows(term.words.len())
                    .any(|window| window.iter().enumerate().all(|(j, w)| same(w, term, j)))
            })
            .collect();
        found.sort_by_key(|term| std::cmp::Reverse(term.words.len()));
        found
    }

    /// The first of `terms` that points to `doc`, as written in the vocabulary.
    pub(super) fn term_for(terms: &[&IndexedTerm], doc: usize) -> Option<String> {
        terms
            .iter()
            .find(|term| term.docs.contains(&doc))
            .map(|term| term.text.clone())
    }
}

fn is_filler(word: &str) -> bool {
    super::text::FILLER_WORDS.contains(&word)
}

fn raise(scores: &mut [u32], doc: usize, score: u32) {
    scores[doc] = scores[doc].max(score);
}

/// Raises the documents of a term: the first gets `base`, each next one `step` less.
fn raise_all(scores: &mut [u32], docs: &[usize], base: u32, step: u32) {
    for (position, &doc) in docs.iter().enumerate() {
        raise(
            scores,
            doc,
            base.saturating_sub(step * position as u32).max(1),
        );
    }
}
