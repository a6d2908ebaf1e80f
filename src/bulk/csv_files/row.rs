//! One CSV row: cells by column name, typed reads that record a problem per bad cell.

use std::collections::HashMap;

use super::read_text_cell;
use crate::domain::Problems;

/// One CSV row with access by column name; empty cells read as absent.
pub(super) struct Row<'a> {
    pub(super) record: &'a csv::StringRecord,
    pub(super) columns: &'a HashMap<String, usize>,
    pub(super) decimal_comma: bool,
    pub(super) problems: Problems,
}

impl Row<'_> {
    /// The cell as written, trimmed; `None` when empty.
    fn cell(&self, name: &str) -> Option<&str> {
        let index = *self.columns.get(name)?;
        let cell = self.record.get(index)?.trim();
        (!cell.is_empty()).then_some(cell)
    }

    /// A text cell, without the apostrophe an export puts before text that looks like a
    /// formula; `None` when empty.
    pub(super) fn opt(&self, name: &str) -> Option<String> {
        self.cell(name).map(|cell| read_text_cell(cell).to_string())
    }

    pub(super) fn text(&mut self, name: &str) -> String {
        self.opt(name).unwrap_or_else(|| {
            self.problems.push(name, "is empty");
            String::new()
        })
    }

    pub(super) fn opt_number(&mut self, name: &str) -> Option<f64> {
        let cell = self.cell(name)?.to_string();
        let normalised = if self.decimal_comma {
            decimal_comma_number(&cell)
        } else {
            Some(cell.clone())
        };
        match normalised.and_then(|text| text.parse::<f64>().ok()) {
            Some(value) => Some(value),
            None => {
                self.problems
                    .push(name, format!("\"{cell}\" is not a number"));
                None
            }
        }
    }

    pub(super) fn number(&mut self, name: &str) -> f64 {
        if self.cell(name).is_none() {
            self.problems.push(name, "is empty");
            return 0.0;
        }
        self.opt_number(name).unwrap_or(0.0)
    }

    pub(super) fn integer(&mut self, name: &str) -> i64 {
        let Some(cell) = self.cell(name).map(str::to_string) else {
            self.problems.push(name, "is empty");
            return 0;
        };
        cell.parse().unwrap_or_else(|_| {
            self.problems
                .push(name, format!("\"{cell}\" is not a whole number"));
            0
        })
    }

    pub(super) fn opt_bool(&mut self, name: &str) -> Option<bool> {
        let cell = self.opt(name)?;
        match cell.to_lowercase().as_str() {
            "true" | "yes" | "ja" | "1" => Some(true),
            "false" | "no" | "nee" | "0" => Some(false),
            _ => {
                self.problems
                    .push(name, format!("\"{cell}\" must be true or false"));
                None
            }
        }
    }
}

/// A number as Dutch spreadsheets write it: `1.234,5` or `12,5` (and `12.5`, which a
/// decimal point makes unambiguous). Dots before a comma must group thousands, so `1.5,0`
/// is refused rather than silently read as 15.
fn decimal_comma_number(cell: &str) -> Option<String> {
    match cell.split_once(',') {
        None => Some(cell.to_string()),
        Some((whole, fraction)) => {
            let mut groups = whole.trim_start_matches(['-', '+']).split('.');
            let first = groups.next()?;
            let grouped = !first.is_empty()
                && first.len() <= 3
                && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()));
            if whole.contains('.') && !grouped {
                return None;
            }
            Some(format!("{}.{fraction}", whole.replace('.', "")))
        }
    }
}
