//! A calendar month, as exchanges record the tonnes moved in it (`2026-11`).

use std::fmt;

/// A calendar month: the period tonnes are recorded for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    /// 1 to 12.
    pub month: u32,
}

impl Month {
    /// Reads `YYYY-MM` (surrounding blanks allowed); `None` for anything else.
    pub fn parse(text: &str) -> Option<Month> {
        let (year_text, month_text) = text.trim().split_once('-')?;
        let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
        if !digits(year_text, 4) || !digits(month_text, 2) {
            return None;
        }
        let (year, month) = (
            year_text.parse::<i32>().ok()?,
            month_text.parse::<u32>().ok()?,
        );
        (1..=12).contains(&month).then_some(Month { year, month })
    }
}

impl fmt::Display for Month {
    /// As stored and typed: `2026-11`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_reads_and_writes_as_year_dash_month() {
        let month = Month::parse(" 2026-11 ").unwrap();

        assert_eq!(
            month,
            Month {
                year: 2026,
                month: 11
            }
        );
        assert_eq!(month.to_string(), "2026-11");
        for bad in ["2026-13", "2026-1", "26-11", "2026/11", "", "2026-00"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }
}
