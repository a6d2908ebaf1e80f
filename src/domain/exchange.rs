//! The life of an exchange: proposed → interested (each side) → introduced (contact details
//! revealed to both) → negotiating → agreed → running → completed, or declined with a reason
//! at any point before the end. Illegal steps are refused; who may take a step is checked here.

use std::fmt;

mod inputs;
mod month;

pub use inputs::{decline_reason, step_note, tonnes_moved};
pub use month::Month;

/// The database id of an exchange, as its address shows it (`/exchanges/12`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExchangeId(pub i64);

impl ExchangeId {
    /// Reads an id as an address or a form gives it; `None` for anything but a number.
    pub fn parse(text: &str) -> Option<ExchangeId> {
        text.trim().parse().ok().map(ExchangeId)
    }
}

impl fmt::Display for ExchangeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The two parties of an exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The firm with the residual flow.
    Supplier,
    /// The firm with the need.
    Receiver,
}

impl Side {
    /// The other party.
    pub fn other(self) -> Side {
        match self {
            Side::Supplier => Side::Receiver,
            Side::Receiver => Side::Supplier,
        }
    }

    /// As stored.
    pub fn as_str(self) -> &'static str {
        side_name(self)
    }

    /// Reads a stored side.
    pub fn parse(text: &str) -> Option<Side> {
        [Side::Supplier, Side::Receiver]
            .into_iter()
            .find(|side| side.as_str() == text)
    }
}

/// Who takes a step: one of the parties, or a coordinator of the region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    Party(Side),
    Coordinator,
}

/// Where an exchange stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Proposed,
    /// One side said interested.
    Interested,
    /// Both sides said interested: each sees the other's contact details.
    Introduced,
    Negotiating,
    Agreed,
    /// Material moves; tonnes are recorded per period.
    Running,
    Completed,
    Declined,
}

impl Stage {
    /// Every stage, in the order of an exchange's life (declined last): the one list that
    /// pages, counts and summaries go through.
    pub const ALL: [Stage; 8] = [
        Stage::Proposed,
        Stage::Interested,
        Stage::Introduced,
        Stage::Negotiating,
        Stage::Agreed,
        Stage::Running,
        Stage::Completed,
        Stage::Declined,
    ];

    /// As stored.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Proposed => "proposed",
            Stage::Interested => "interested",
            Stage::Introduced => "introduced",
            Stage::Negotiating => "negotiating",
            Stage::Agreed => "agreed",
            Stage::Running => "running",
            Stage::Completed => "completed",
            Stage::Declined => "declined",
        }
    }

    /// Reads a stored stage.
    pub fn parse(text: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.as_str() == text)
    }

    /// No step leads out of a final stage.
    pub fn is_final(self) -> bool {
        matches!(self, Stage::Completed | Stage::Declined)
    }
}

/// The state of an exchange: its stage, which sides said interested, and which side already
/// confirmed the next step (agree, start, complete), which then waits for the other side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExchangeStatus {
    pub stage: Stage,
    pub supplier_interested: bool,
    pub receiver_interested: bool,
    pub confirmed_by: Option<Side>,
}

impl ExchangeStatus {
    /// A new suggestion turned into an exchange.
    pub fn proposed() -> ExchangeStatus {
        ExchangeStatus {
            stage: Stage::Proposed,
            supplier_interested: false,
            receiver_interested: false,
            confirmed_by: None,
        }
    }

    /// The side whose confirmation the next step waits for, when one side confirmed it.
    pub fn waiting_for(&self) -> Option<Side> {
        self.confirmed_by.map(Side::other)
    }

    /// Contact details are shown to both sides only once both said interested.
    pub fn contacts_revealed(&self) -> bool {
        self.supplier_interested && self.receiver_interested && self.stage != Stage::Declined
    }

    /// Tonnes actually moved can be recorded only while the exchange runs.
    pub fn records_tonnes(&self) -> bool {
        self.stage == Stage::Running
    }
}

/// A step in the life of an exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A side says it is interested.
    Interested(Side),
    StartNegotiating,
    Agree,
    Start,
    Complete,
    /// Declined, with the reason (which teaches the ranking).
    Decline {
        reason: String,
    },
}

/// Which kind of step, without its details: what a refusal names (pages translate it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    Interested,
    StartNegotiating,
    Agree,
    Start,
    Complete,
    Decline,
}

impl Step {
    /// The kind of this step.
    pub fn kind(&self) -> StepKind {
        match self {
            Step::Interested(_) => StepKind::Interested,
            Step::StartNegotiating => StepKind::StartNegotiating,
            Step::Agree => StepKind::Agree,
            Step::Start => StepKind::Start,
            Step::Complete => StepKind::Complete,
            Step::Decline { .. } => StepKind::Decline,
        }
    }
}

/// Why a step was refused. The texts are for logs and the command line; pages show their
/// own, translated, message for each case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StepRefused {
    #[error("an exchange that is {} cannot be {}", .from.as_str(), kind_name(*.step))]
    NotFromHere { from: Stage, step: StepKind },
    #[error("only the {} can say it is interested for itself", side_name(*.0))]
    NotYourSide(Side),
    #[error("the {} already confirmed; the other side has to confirm", side_name(*.0))]
    AlreadyConfirmed(Side),
    #[error("a decline needs a reason")]
    NoReason,
    #[error("the reason is longer than {max} characters")]
    ReasonTooLong { max: usize },
    #[error("the note is longer than {max} characters")]
    NoteTooLong { max: usize },
}

fn side_name(side: Side) -> &'static str {
    match side {
        Side::Supplier => "supplier",
        Side::Receiver => "receiver",
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // As recorded in the history: these names are stored, so they never change.
        f.write_str(kind_name(self.kind()))
    }
}

fn kind_name(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Interested => "marked interested",
        StepKind::StartNegotiating => "moved to negotiating",
        StepKind::Agree => "agreed",
        StepKind::Start => "started",
        StepKind::Complete => "completed",
        StepKind::Decline => "declined",
    }
}

/// The status after `step` by `actor`, or why it is refused.
pub fn apply(
    status: ExchangeStatus,
    step: &Step,
    actor: Actor,
) -> Result<ExchangeStatus, StepRefused> {
    let refuse = || StepRefused::NotFromHere {
        from: status.stage,
        step: step.kind(),
    };
    let next = |stage| {
        Ok(ExchangeStatus {
            stage,
            confirmed_by: None,
            ..status
        })
    };
    match (status.stage, step) {
        (Stage::Proposed | Stage::Interested, Step::Interested(side)) => {
            if actor != Actor::Party(*side) {
                return Err(StepRefused::NotYourSide(*side));
            }
            // Saying it twice would only add a pointless line to the history.
            let already = match side {
                Side::Supplier => status.supplier_interested,
                Side::Receiver => status.receiver_interested,
            };
            if already {
                return Err(refuse());
            }
            let mut after = status;
            match side {
                Side::Supplier => after.supplier_interested = true,
                Side::Receiver => after.receiver_interested = true,
            }
            after.stage = if after.supplier_interested && after.receiver_interested {
                Stage::Introduced
            } else {
                Stage::Interested
            };
            Ok(after)
        }
        (Stage::Introduced, Step::StartNegotiating) => next(Stage::Negotiating),
        (Stage::Negotiating, Step::Agree) => confirm(status, actor, Stage::Agreed),
        (Stage::Agreed, Step::Start) => confirm(status, actor, Stage::Running),
        (Stage::Running, Step::Complete) => confirm(status, actor, Stage::Completed),
        (stage, Step::Decline { reason }) if !stage.is_final() => {
            decline_reason(reason)?;
            next(Stage::Declined)
        }
        _ => Err(refuse()),
    }
}

/// A step both sides must confirm: the first side's confirmation is recorded and waits for
/// the other side; the other side's (or a coordinator's) moves the exchange to `to`.
fn confirm(status: ExchangeStatus, actor: Actor, to: Stage) -> Result<ExchangeStatus, StepRefused> {
    let moved = ExchangeStatus {
        stage: to,
        confirmed_by: None,
        ..status
    };
    match (actor, status.confirmed_by) {
        (Actor::Coordinator, _) => Ok(moved),
        (Actor::Party(side), Some(first)) if first == side => {
            Err(StepRefused::AlreadyConfirmed(side))
        }
        (Actor::Party(_), Some(_)) => Ok(moved),
        (Actor::Party(side), None) => Ok(ExchangeStatus {
            confirmed_by: Some(side),
            ..status
        }),
    }
}

#[cfg(test)]
mod tests;
