//! Numbers and dates as a Dutch or English reader writes them.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::Lang;

/// `(thousands separator, decimal separator)` of a language.
fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Dutch => ('.', ','),
        Lang::English => (',', '.'),
    }
}

/// A number with the reader's separators and at most `decimals` decimals (trailing zeros
/// dropped): `1.234,5` in Dutch, `1,234.5` in English.
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    let (thousands, decimal) = separators(lang);
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(digit);
    }
    let fraction = fraction.trim_end_matches('0');
    // No minus sign in front of a value that rounds to zero.
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "−"
    } else {
        ""
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{decimal}{fraction}")
    }
}

/// A share as a percentage with no decimals: `0.256` → `26%` (Dutch `26%` too).
pub fn percent(lang: Lang, share: f64) -> String {
    format!("{}%", number(lang, share * 100.0, 0))
}

const MONTHS_NL: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date: `3 mrt 2026` in Dutch, `3 Mar 2026` in English.
pub fn date(lang: Lang, day: NaiveDate) -> String {
    let months = match lang {
        Lang::Dutch => MONTHS_NL,
        Lang::English => MONTHS_EN,
    };
    format!(
        "{} {} {}",
        day.day(),
        months[day.month0() as usize],
        day.year()
    )
}

/// A date with the time of day (24-hour clock in both languages): `3 mrt 2026 14:05`.
pub fn date_time(lang: Lang, moment: NaiveDateTime) -> String {
    format!("{} {}", date(lang, moment.date()), moment.format("%H:%M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_numbers_group_thousands_with_dots_and_use_a_decimal_comma() {
        assert_eq!(number(Lang::Dutch, 1234.5, 1), "1.234,5");
        assert_eq!(number(Lang::Dutch, 1_000_000.0, 1), "1.000.000");
        assert_eq!(number(Lang::Dutch, 12.0, 2), "12");
        assert_eq!(number(Lang::Dutch, -250.25, 2), "−250,25");
        assert_eq!(number(Lang::Dutch, -0.001, 1), "0");
    }

    #[test]
    fn english_numbers_group_thousands_with_commas_and_use_a_decimal_point() {
        assert_eq!(number(Lang::English, 1234.5, 1), "1,234.5");
        assert_eq!(number(Lang::English, 1_000_000.0, 0), "1,000,000");
        assert_eq!(percent(Lang::English, 0.256), "26%");
    }

    #[test]
    fn dates_read_naturally_in_each_language() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
        assert_eq!(date(Lang::Dutch, day), "3 mrt 2026");
        assert_eq!(date(Lang::English, day), "3 Mar 2026");
        let moment = day.and_hms_opt(14, 5, 0).unwrap();
        assert_eq!(date_time(Lang::English, moment), "3 Mar 2026 14:05");
    }
}
