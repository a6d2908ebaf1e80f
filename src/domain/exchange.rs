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
mod tests {
    use super::*;

    const SUPPLIER: Actor = Actor::Party(Side::Supplier);
    const RECEIVER: Actor = Actor::Party(Side::Receiver);

    fn walk(steps: &[(Step, Actor)]) -> Result<ExchangeStatus, StepRefused> {
        steps
            .iter()
            .try_fold(ExchangeStatus::proposed(), |status, (step, actor)| {
                apply(status, step, *actor)
            })
    }

    #[test]
    fn the_whole_life_from_proposed_to_completed() {
        let status = walk(&[
            (Step::Interested(Side::Supplier), SUPPLIER),
            (Step::Interested(Side::Receiver), RECEIVER),
            (Step::StartNegotiating, RECEIVER),
            (Step::Agree, SUPPLIER),
            (Step::Agree, RECEIVER),
            (Step::Start, Actor::Coordinator),
            (Step::Complete, SUPPLIER),
            (Step::Complete, RECEIVER),
        ])
        .unwrap();

        assert_eq!(status.stage, Stage::Completed);
        assert!(status.contacts_revealed());
    }

    #[test]
    fn agreeing_starting_and_completing_need_both_sides_or_a_coordinator() {
        let negotiating = walk(&[
            (Step::Interested(Side::Supplier), SUPPLIER),
            (Step::Interested(Side::Receiver), RECEIVER),
            (Step::StartNegotiating, SUPPLIER),
        ])
        .unwrap();
        let mut status = negotiating;
        for (step, stage) in [
            (Step::Agree, Stage::Agreed),
            (Step::Start, Stage::Running),
            (Step::Complete, Stage::Completed),
        ] {
            let waiting = apply(status, &step, SUPPLIER).unwrap();
            assert_eq!(waiting.stage, status.stage, "one side alone: {step}");
            assert_eq!(waiting.waiting_for(), Some(Side::Receiver));
            assert_eq!(
                apply(waiting, &step, SUPPLIER),
                Err(StepRefused::AlreadyConfirmed(Side::Supplier))
            );
            status = apply(waiting, &step, RECEIVER).unwrap();
            assert_eq!(status.stage, stage);
            assert_eq!(status.waiting_for(), None);
        }
        let by_coordinator = apply(negotiating, &Step::Agree, Actor::Coordinator).unwrap();
        assert_eq!(by_coordinator.stage, Stage::Agreed);
        let waiting = apply(negotiating, &Step::Agree, RECEIVER).unwrap();
        let declined = apply(
            waiting,
            &Step::Decline {
                reason: "te duur".into(),
            },
            RECEIVER,
        )
        .unwrap();
        assert_eq!(declined.stage, Stage::Declined);
        assert_eq!(declined.confirmed_by, None);
    }

    #[test]
    fn contacts_stay_hidden_until_both_sides_are_interested() {
        let one = walk(&[(Step::Interested(Side::Receiver), RECEIVER)]).unwrap();
        assert!(
            apply(one, &Step::Interested(Side::Receiver), RECEIVER).is_err(),
            "a side says interested once"
        );
        let both = apply(one, &Step::Interested(Side::Supplier), SUPPLIER).unwrap();

        assert_eq!(one.stage, Stage::Interested);
        assert!(!one.contacts_revealed());
        assert_eq!(both.stage, Stage::Introduced);
        assert!(both.contacts_revealed());
    }

    #[test]
    fn a_side_cannot_say_interested_for_the_other_nor_a_coordinator_for_either() {
        let status = ExchangeStatus::proposed();

        assert_eq!(
            apply(status, &Step::Interested(Side::Receiver), SUPPLIER),
            Err(StepRefused::NotYourSide(Side::Receiver))
        );
        assert!(
            apply(
                status,
                &Step::Interested(Side::Supplier),
                Actor::Coordinator
            )
            .is_err()
        );
    }

    #[test]
    fn steps_out_of_order_are_refused() {
        let proposed = ExchangeStatus::proposed();

        for step in [
            Step::StartNegotiating,
            Step::Agree,
            Step::Start,
            Step::Complete,
        ] {
            let refused = apply(proposed, &step, Actor::Coordinator).unwrap_err();
            assert!(
                matches!(
                    refused,
                    StepRefused::NotFromHere {
                        from: Stage::Proposed,
                        ..
                    }
                ),
                "{step}"
            );
        }
        let introduced = walk(&[
            (Step::Interested(Side::Supplier), SUPPLIER),
            (Step::Interested(Side::Receiver), RECEIVER),
        ])
        .unwrap();
        assert!(apply(introduced, &Step::Complete, SUPPLIER).is_err());
        assert!(apply(introduced, &Step::Interested(Side::Supplier), SUPPLIER).is_err());
    }

    #[test]
    fn a_decline_needs_a_reason_and_ends_the_exchange() {
        let proposed = ExchangeStatus::proposed();

        assert_eq!(
            apply(
                proposed,
                &Step::Decline {
                    reason: "  ".into()
                },
                RECEIVER
            ),
            Err(StepRefused::NoReason)
        );
        let declined = apply(
            proposed,
            &Step::Decline {
                reason: "te ver".into(),
            },
            RECEIVER,
        )
        .unwrap();
        assert_eq!(declined.stage, Stage::Declined);
        assert!(
            apply(
                declined,
                &Step::Decline {
                    reason: "nogmaals".into()
                },
                RECEIVER
            )
            .is_err()
        );
        assert!(apply(declined, &Step::Interested(Side::Supplier), SUPPLIER).is_err());
    }

    #[test]
    fn tonnes_are_recorded_only_while_running_and_stages_round_trip_as_text() {
        let running = walk(&[
            (Step::Interested(Side::Supplier), SUPPLIER),
            (Step::Interested(Side::Receiver), RECEIVER),
            (Step::StartNegotiating, SUPPLIER),
            (Step::Agree, SUPPLIER),
            (Step::Agree, RECEIVER),
            (Step::Start, SUPPLIER),
            (Step::Start, RECEIVER),
        ])
        .unwrap();

        assert!(running.records_tonnes());
        assert!(!ExchangeStatus::proposed().records_tonnes());
        for stage in [
            "proposed",
            "interested",
            "introduced",
            "negotiating",
            "agreed",
            "running",
            "completed",
            "declined",
        ] {
            assert_eq!(Stage::parse(stage).map(Stage::as_str), Some(stage));
        }
        assert_eq!(Stage::parse("lost"), None);
    }
}
