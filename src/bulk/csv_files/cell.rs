//! Text cells as spreadsheets read them. A cell that starts with `=`, `+`, `-` or `@` (or a
//! tab or carriage return, which some spreadsheets skip before looking) is run as a formula
//! when the file is opened, so a firm named `=HYPERLINK(…)` would become a link in the
//! coordinator's spreadsheet. As OWASP advises against CSV injection, such text is written
//! with an apostrophe in front, which spreadsheets show as text; reading undoes it, so an
//! export still imports to the same region. Numbers are not text cells: `-5` stays `-5`.

use std::borrow::Cow;

/// What makes a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Text as written to a CSV file: with an apostrophe in front when a spreadsheet would run it
/// as a formula, and also when it already starts with apostrophes before such a character, so
/// that [`read_text_cell`] gives back exactly the text that was written.
pub fn text_cell(text: &str) -> Cow<'_, str> {
    if looks_like_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text a cell holds, undoing the apostrophe [`text_cell`] puts in front.
pub fn read_text_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(text) if looks_like_formula(cell) => text,
        _ => cell,
    }
}

fn looks_like_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_get_an_apostrophe_and_plain_text_does_not() {
        assert_eq!(text_cell("=1+1"), "'=1+1");
        assert_eq!(text_cell("@SUM(1)"), "'@SUM(1)");
        assert_eq!(text_cell("\tx"), "'\tx");
        assert_eq!(text_cell("'-x"), "''-x");
        assert_eq!(text_cell("Bakkerij"), "Bakkerij");
        assert_eq!(text_cell("'t Veld"), "'t Veld");
        assert_eq!(text_cell(""), "");
    }

    #[test]
    fn reading_gives_back_every_text_that_was_written() {
        for text in [
            "=1+1", "+31", "-", "@", "\r=", "'", "''", "'=", "''+x", "'t Veld", "x=1", "", "'",
        ] {
            assert_eq!(read_text_cell(&text_cell(text)), text, "{text:?}");
        }
    }
}
