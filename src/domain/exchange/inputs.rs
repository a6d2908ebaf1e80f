//! What a user types along with a step of an exchange: the reason for declining, a note, and
//! the tonnes moved in a month. Each is bounded here, so no form stores more.

use super::StepRefused;
use crate::domain::limits::{MAX_DECLINE_REASON, MAX_QUANTITY_PER_YEAR, MAX_STEP_NOTE};
use crate::domain::problem::FieldProblem;
use crate::domain::values::{at_most, positive};

/// The reason for declining, trimmed: not empty, at most [`MAX_DECLINE_REASON`] characters.
pub fn decline_reason(text: &str) -> Result<String, StepRefused> {
    let reason = text.trim();
    if reason.is_empty() {
        Err(StepRefused::NoReason)
    } else if reason.chars().count() > MAX_DECLINE_REASON {
        Err(StepRefused::ReasonTooLong {
            max: MAX_DECLINE_REASON,
        })
    } else {
        Ok(reason.to_string())
    }
}

/// A note on a step, trimmed; may be empty, at most [`MAX_STEP_NOTE`] characters.
pub fn step_note(text: &str) -> Result<String, StepRefused> {
    let note = text.trim();
    if note.chars().count() > MAX_STEP_NOTE {
        Err(StepRefused::NoteTooLong { max: MAX_STEP_NOTE })
    } else {
        Ok(note.to_string())
    }
}

/// Tonnes moved in one month of a running exchange: greater than zero and at most
/// [`MAX_QUANTITY_PER_YEAR`] (a month cannot move more than the largest flow does in a year).
pub fn tonnes_moved(value: f64) -> Result<f64, FieldProblem> {
    at_most(
        "tonnes",
        positive("tonnes", value)?,
        MAX_QUANTITY_PER_YEAR,
        "t",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::problem::Exceeded;

    #[test]
    fn a_reason_is_trimmed_required_and_bounded() {
        assert_eq!(decline_reason("  te ver  ").as_deref(), Ok("te ver"));
        assert_eq!(decline_reason(" \n "), Err(StepRefused::NoReason));
        assert!(decline_reason(&"é".repeat(MAX_DECLINE_REASON)).is_ok());
        assert_eq!(
            decline_reason(&"é".repeat(MAX_DECLINE_REASON + 1)),
            Err(StepRefused::ReasonTooLong { max: 2000 })
        );
    }

    #[test]
    fn a_note_may_be_empty_but_not_longer_than_the_bound() {
        assert_eq!(step_note("").as_deref(), Ok(""));
        assert!(step_note(&"x".repeat(MAX_STEP_NOTE)).is_ok());
        assert_eq!(
            step_note(&"x".repeat(MAX_STEP_NOTE + 1)),
            Err(StepRefused::NoteTooLong { max: 2000 })
        );
    }

    #[test]
    fn tonnes_moved_are_positive_and_bounded() {
        assert_eq!(tonnes_moved(12.5), Ok(12.5));
        assert_eq!(
            tonnes_moved(MAX_QUANTITY_PER_YEAR),
            Ok(MAX_QUANTITY_PER_YEAR)
        );
        assert!(tonnes_moved(0.0).is_err());
        assert!(tonnes_moved(f64::NAN).is_err());
        let problem = tonnes_moved(1e308).unwrap_err();
        assert_eq!(problem.field, "tonnes");
        assert_eq!(problem.exceeded, Some(Exceeded::Value(10_000_000)));
        assert!(problem.reason.contains("1e308"), "{}", problem.reason);
    }
}
