//! Validation problems: what is wrong with one field of one record.
//!
//! Domain constructors return every problem they find, not only the first, so that a user who
//! fixes a spreadsheet row sees all its mistakes at once.

use std::fmt;

/// One field that failed validation, with the reason in plain words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct FieldProblem {
    /// The field name as users write it in files and forms (`quantity_t_per_year`, `lat`).
    pub field: String,
    /// Why the value was refused, including the offending value.
    pub reason: String,
    /// The bound the value went past, when that is why it was refused: forms name it in the
    /// reader's language.
    pub exceeded: Option<Exceeded>,
}

/// A bound of [`super::limits`] that a value went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exceeded {
    /// A number larger (in absolute value) than this.
    Value(u64),
    /// A text longer than this many characters.
    Length(usize),
}

impl FieldProblem {
    /// A problem with `field`, explained by `reason`.
    pub fn new(field: impl Into<String>, reason: impl fmt::Display) -> Self {
        Self {
            field: field.into(),
            reason: reason.to_string(),
            exceeded: None,
        }
    }

    /// A value of `field` past the bound `exceeded`, explained by `reason`.
    pub fn exceeding(
        field: impl Into<String>,
        reason: impl fmt::Display,
        exceeded: Exceeded,
    ) -> Self {
        Self {
            exceeded: Some(exceeded),
            ..Self::new(field, reason)
        }
    }
}

/// Every problem found in one record; never empty when returned as an error.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Problems(pub Vec<FieldProblem>);

impl Problems {
    /// Records a problem.
    pub fn push(&mut self, field: impl Into<String>, reason: impl fmt::Display) {
        self.0.push(FieldProblem::new(field, reason));
    }

    /// Keeps the value of `result`, or records its problem and returns `None`.
    pub fn take<T>(&mut self, result: Result<T, FieldProblem>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(problem) => {
                self.0.push(problem);
                None
            }
        }
    }

    /// True when nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Turns the collected problems into a result: `Ok(value)` only when there are none.
    pub fn into_result<T>(self, value: impl FnOnce() -> T) -> Result<T, Problems> {
        if self.is_empty() {
            Ok(value())
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}
