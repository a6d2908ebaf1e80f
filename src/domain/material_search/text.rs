//! Text normalisation for the search: words without case or accents, filler and stop words,
//! and queries that are only a code.

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
