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

/// A number as typed into a form, or `None` when it cannot be read without guessing.
///
/// Either decimal separator is read (`1,5` and `1.5` are 1.5 on Dutch and English pages), so
/// a decimal typed the other language's way is not lost. Thousands separators are not read:
/// `1.500` on a Dutch page (or `1,500` on an English one) could mean 1500 or 1.5, so it is
/// refused rather than guessed; so is any number with more than one separator or with spaces
/// inside. A whole part of `0` is never a thousands group (`0.125` is read everywhere).
pub fn read_number(lang: Lang, text: &str) -> Option<f64> {
    let typed = text.trim();
    let (sign, unsigned) = match typed.strip_prefix(['-', '−']) {
        Some(rest) => (-1.0, rest),
        None => (1.0, typed),
    };
    // An exponent (`2e7`) is read as such: it has no separators to guess at.
    let (digits, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (unsigned, None),
    };
    let exponent = match exponent {
        None => 0,
        Some(text) => text.parse::<i32>().ok()?,
    };
    let marks: Vec<(usize, char)> = digits
        .char_indices()
        .filter(|(_, c)| matches!(c, '.' | ','))
        .collect();
    if marks.len() > 1
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    if let Some(&(at, separator)) = marks.first() {
        let (whole, fraction) = (&digits[..at], &digits[at + 1..]);
        let (thousands, _) = separators(lang);
        let looks_grouped = separator == thousands
            && fraction.len() == 3
            && !whole.is_empty()
            && whole.len() <= 3
            && !whole.starts_with('0');
        if looks_grouped || fraction.is_empty() {
            return None;
        }
    }
    let value = format!("{}e{exponent}", digits.replace(',', "."))
        .parse::<f64>()
        .ok()?;
    value.is_finite().then_some(sign * value)
}

/// A number as a form field shows it back: every decimal kept, the reader's decimal separator
/// and no thousands separator (which [`read_number`] would refuse): `1500,25` in Dutch.
pub fn number_field(lang: Lang, value: f64) -> String {
    let (_, decimal) = separators(lang);
    value.to_string().replace('.', &decimal.to_string())
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
    fn typed_numbers_read_with_either_decimal_separator() {
        for lang in [Lang::Dutch, Lang::English] {
            assert_eq!(read_number(lang, " 1,5 "), Some(1.5));
            assert_eq!(read_number(lang, "9.5"), Some(9.5));
            assert_eq!(read_number(lang, "12"), Some(12.0));
            assert_eq!(read_number(lang, "0.125"), Some(0.125));
            assert_eq!(read_number(lang, "-3"), Some(-3.0));
            assert_eq!(read_number(lang, "1500,25"), Some(1500.25));
            assert_eq!(read_number(lang, "2e7"), Some(2e7));
            assert_eq!(read_number(lang, "1e308"), Some(1e308));
        }
        assert_eq!(read_number(Lang::Dutch, "1,500"), Some(1.5));
        assert_eq!(read_number(Lang::English, "1.500"), Some(1.5));
    }

    #[test]
    fn typed_numbers_that_need_a_guess_are_not_read() {
        // A thousands separator of the reader's language: 1500 or 1.5?
        assert_eq!(read_number(Lang::Dutch, "1.500"), None);
        assert_eq!(read_number(Lang::English, "1,500"), None);
        for typed in [
            "1.500,5", "1,500.5", "1 500", "15,", "", "vijf", "NaN", "inf", "1e", "1e9999",
        ] {
            assert_eq!(read_number(Lang::Dutch, typed), None, "{typed}");
            assert_eq!(read_number(Lang::English, typed), None, "{typed}");
        }
    }

    #[test]
    fn a_number_field_shows_every_decimal_without_thousands_separators() {
        assert_eq!(number_field(Lang::Dutch, 1500.25), "1500,25");
        assert_eq!(number_field(Lang::English, 1500.25), "1500.25");
        assert_eq!(
            read_number(Lang::Dutch, &number_field(Lang::Dutch, 9.5)),
            Some(9.5)
        );
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
