//! Small value types shared by firms and flows. Each can only hold a valid value.

use std::fmt;

use chrono::NaiveDate;

use super::limits::{MAX_DISTANCE_KM, MAX_EUR_PER_UNIT, MAX_QUANTITY_PER_YEAR};
use super::material::Unit;
use super::problem::{Exceeded, FieldProblem};

/// The identifier of a firm, offer or need as it appears in files (`C000123`, `O0001`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId(String);

impl RecordId {
    /// Longest identifier accepted.
    pub const MAX_LEN: usize = 64;

    /// An identifier: 1 to 64 characters, no spaces at either end, no control characters.
    pub fn parse(field: &str, text: &str) -> Result<RecordId, FieldProblem> {
        if text.trim().is_empty() {
            return Err(FieldProblem::new(field, "must not be empty"));
        }
        if text.trim() != text {
            return Err(FieldProblem::new(
                field,
                format!("\"{text}\" has spaces at the start or end"),
            ));
        }
        if text.chars().count() > Self::MAX_LEN {
            return Err(FieldProblem::new(
                field,
                format!("is longer than {} characters", Self::MAX_LEN),
            ));
        }
        if text.chars().any(char::is_control) {
            return Err(FieldProblem::new(field, "contains control characters"));
        }
        Ok(RecordId(text.to_string()))
    }

    /// The identifier as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A required line of text: trimmed, not empty, at most `max` characters.
pub(crate) fn required_text(field: &str, text: &str, max: usize) -> Result<String, FieldProblem> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(FieldProblem::new(field, "must not be empty"));
    }
    optional_text(field, trimmed, max)
}

/// Free text that may be empty: trimmed, at most `max` characters, no control characters other
/// than line breaks and tabs.
pub(crate) fn optional_text(field: &str, text: &str, max: usize) -> Result<String, FieldProblem> {
    let trimmed = text.trim();
    if trimmed.chars().count() > max {
        return Err(too_long(field, max));
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(FieldProblem::new(field, "contains control characters"));
    }
    Ok(trimmed.to_string())
}

/// The problem of a text of `field` longer than `max` characters. The text itself is not
/// repeated: it may be megabytes.
pub(crate) fn too_long(field: &str, max: usize) -> FieldProblem {
    FieldProblem::exceeding(
        field,
        format!("is longer than {max} characters"),
        Exceeded::Length(max),
    )
}

/// A number as a message shows it: in full up to a billion, in scientific notation beyond
/// (`1e300` rather than three hundred digits).
pub(crate) fn shown(value: f64) -> String {
    if value.abs() >= 1e9 {
        format!("{value:e}")
    } else {
        value.to_string()
    }
}

/// `value` when its absolute value is at most `max`; otherwise a problem naming the bound,
/// with `what` saying what the bound counts (`"€ per unit"`).
pub(crate) fn at_most(field: &str, value: f64, max: f64, what: &str) -> Result<f64, FieldProblem> {
    if value.abs() <= max {
        return Ok(value);
    }
    let reason = if value < 0.0 {
        format!(
            "{} is less than -{max} {what}, the lowest accepted",
            shown(value)
        )
    } else {
        format!(
            "{} is more than {max} {what}, the most accepted",
            shown(value)
        )
    };
    // Bounds are whole numbers; the cast is exact.
    Err(FieldProblem::exceeding(
        field,
        reason,
        Exceeded::Value(max as u64),
    ))
}

/// An amount of money per unit: finite, between −[`MAX_EUR_PER_UNIT`] and the same.
pub(crate) fn eur_per_unit(field: &str, value: f64) -> Result<f64, FieldProblem> {
    at_most(field, finite(field, value)?, MAX_EUR_PER_UNIT, "€ per unit")
}

/// An amount per year of at least zero and at most [`MAX_QUANTITY_PER_YEAR`] (a need's
/// smallest lot).
pub(crate) fn lot_per_year(field: &str, value: f64) -> Result<f64, FieldProblem> {
    at_most(
        field,
        non_negative(field, value)?,
        MAX_QUANTITY_PER_YEAR,
        "per year",
    )
}

/// A distance in km greater than zero and at most [`MAX_DISTANCE_KM`].
pub(crate) fn distance_km(field: &str, value: f64) -> Result<f64, FieldProblem> {
    at_most(field, positive(field, value)?, MAX_DISTANCE_KM, "km")
}

/// A finite number, or a problem naming the field and the value.
pub(crate) fn finite(field: &str, value: f64) -> Result<f64, FieldProblem> {
    if value.is_finite() {
        // -0.0 and 0.0 are the same amount; databases disagree on keeping the sign.
        Ok(value + 0.0)
    } else {
        Err(FieldProblem::new(
            field,
            format!("{value} is not a finite number"),
        ))
    }
}

/// A finite number greater than zero.
pub(crate) fn positive(field: &str, value: f64) -> Result<f64, FieldProblem> {
    let value = finite(field, value)?;
    if value > 0.0 {
        Ok(value)
    } else {
        Err(FieldProblem::new(
            field,
            format!("{value} must be greater than 0"),
        ))
    }
}

/// A finite number of at least zero.
pub(crate) fn non_negative(field: &str, value: f64) -> Result<f64, FieldProblem> {
    let value = finite(field, value)?;
    if value >= 0.0 {
        Ok(value)
    } else {
        Err(FieldProblem::new(
            field,
            format!("{value} must not be negative"),
        ))
    }
}

/// A point in WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Location {
    lat: f64,
    lon: f64,
}

impl Location {
    /// A location from latitude and longitude; each out-of-range value is reported.
    pub fn new(lat: f64, lon: f64) -> Result<Location, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        if !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
            problems.push(FieldProblem::new(
                "lat",
                format!("{lat} is outside [-90, 90]"),
            ));
        }
        if !lon.is_finite() || !(-180.0..=180.0).contains(&lon) {
            problems.push(FieldProblem::new(
                "lon",
                format!("{lon} is outside [-180, 180]"),
            ));
        }
        if problems.is_empty() {
            Ok(Location { lat, lon })
        } else {
            Err(problems)
        }
    }

    /// Latitude in degrees.
    pub fn lat(&self) -> f64 {
        self.lat
    }

    /// Longitude in degrees.
    pub fn lon(&self) -> f64 {
        self.lon
    }
}

/// An amount per year with its unit; the amount is finite, greater than zero and at most
/// [`MAX_QUANTITY_PER_YEAR`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quantity {
    amount: f64,
    unit: Unit,
}

impl Quantity {
    /// A yearly quantity; `field` names it in the problem.
    pub fn new(field: &str, amount: f64, unit: Unit) -> Result<Quantity, FieldProblem> {
        let what = format!("{unit} per year");
        Ok(Quantity {
            amount: at_most(
                field,
                positive(field, amount)?,
                MAX_QUANTITY_PER_YEAR,
                &what,
            )?,
            unit,
        })
    }

    /// The amount per year.
    pub fn amount(&self) -> f64 {
        self.amount
    }

    /// The unit of the amount.
    pub fn unit(&self) -> Unit {
        self.unit
    }
}

/// How often a flow arises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Regularity {
    /// Arises again and again; must be re-confirmed now and then.
    Recurring,
    /// A single batch.
    OneOff,
}

impl Regularity {
    /// As written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Regularity::Recurring => "recurring",
            Regularity::OneOff => "one-off",
        }
    }

    /// Reads `recurring` or `one-off`.
    pub fn parse(text: &str) -> Result<Regularity, FieldProblem> {
        match text.trim().to_lowercase().as_str() {
            "recurring" => Ok(Regularity::Recurring),
            "one-off" | "oneoff" | "one_off" => Ok(Regularity::OneOff),
            _ => Err(FieldProblem::new(
                "regularity",
                format!("\"{text}\" must be recurring or one-off"),
            )),
        }
    }
}

/// Who may see a flow and its owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confidentiality {
    /// Visible with the firm's name.
    Public,
    /// Visible as sector, municipality and distance only, until both sides are interested.
    Anonymous,
    /// Visible to the region's coordinators only.
    CoordinatorOnly,
}

impl Confidentiality {
    /// As written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidentiality::Public => "public",
            Confidentiality::Anonymous => "anonymous",
            Confidentiality::CoordinatorOnly => "coordinator-only",
        }
    }

    /// Reads `public`, `anonymous` or `coordinator-only`.
    pub fn parse(text: &str) -> Result<Confidentiality, FieldProblem> {
        match text.trim().to_lowercase().as_str() {
            "public" => Ok(Confidentiality::Public),
            "anonymous" => Ok(Confidentiality::Anonymous),
            "coordinator-only" | "coordinator_only" => Ok(Confidentiality::CoordinatorOnly),
            _ => Err(FieldProblem::new(
                "confidentiality",
                format!("\"{text}\" must be public, anonymous or coordinator-only"),
            )),
        }
    }
}

/// Reads an ISO date `YYYY-MM-DD`.
pub fn parse_date(field: &str, text: &str) -> Result<NaiveDate, FieldProblem> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        FieldProblem::new(
            field,
            format!("\"{text}\" is not a date written YYYY-MM-DD"),
        )
    })
}
