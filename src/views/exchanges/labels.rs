//! The words of an exchange: its stages, its steps and why a step was refused.

use crate::domain::exchange::{Side, Stage, StepKind, StepRefused};
use crate::i18n::Lang;
use crate::t;

/// The name of a stage.
pub fn stage_name(lang: Lang, stage: Stage) -> String {
    match stage {
        Stage::Proposed => t!(lang, "exchanges-stage-proposed"),
        Stage::Interested => t!(lang, "exchanges-stage-interested"),
        Stage::Introduced => t!(lang, "exchanges-stage-introduced"),
        Stage::Negotiating => t!(lang, "exchanges-stage-negotiating"),
        Stage::Agreed => t!(lang, "exchanges-stage-agreed"),
        Stage::Running => t!(lang, "exchanges-stage-running"),
        Stage::Completed => t!(lang, "exchanges-stage-completed"),
        Stage::Declined => t!(lang, "exchanges-stage-declined"),
    }
}

/// The label of a step's button.
pub fn step(lang: Lang, kind: StepKind) -> String {
    match kind {
        StepKind::Interested => t!(lang, "exchanges-step-interested"),
        StepKind::StartNegotiating => t!(lang, "exchanges-step-negotiate"),
        StepKind::Agree => t!(lang, "exchanges-step-agree"),
        StepKind::Start => t!(lang, "exchanges-step-start"),
        StepKind::Complete => t!(lang, "exchanges-step-complete"),
        StepKind::Decline => t!(lang, "exchanges-step-decline"),
    }
}

/// What a step's form sends: the one place both the page and the handler read it from.
pub fn form_value(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Interested => "interested",
        StepKind::StartNegotiating => "negotiate",
        StepKind::Agree => "agree",
        StepKind::Start => "start",
        StepKind::Complete => "complete",
        StepKind::Decline => "decline",
    }
}

/// The step a form sent, if it names one.
pub fn step_of_form(value: &str) -> Option<StepKind> {
    [
        StepKind::Interested,
        StepKind::StartNegotiating,
        StepKind::Agree,
        StepKind::Start,
        StepKind::Complete,
        StepKind::Decline,
    ]
    .into_iter()
    .find(|kind| form_value(*kind) == value)
}

/// The name of a party.
pub fn side(lang: Lang, side: Side) -> String {
    match side {
        Side::Supplier => t!(lang, "exchanges-party-supplier"),
        Side::Receiver => t!(lang, "exchanges-party-receiver"),
    }
}

/// Why a step was refused, in the reader's language.
pub fn refusal(lang: Lang, refused: &StepRefused) -> String {
    match refused {
        StepRefused::NotFromHere { from, step: kind } => t!(
            lang,
            "exchanges-refused-not-from-here",
            step = step(lang, *kind),
            stage = stage_name(lang, *from)
        ),
        StepRefused::NotYourSide(Side::Supplier) => t!(lang, "exchanges-refused-not-supplier"),
        StepRefused::NotYourSide(Side::Receiver) => t!(lang, "exchanges-refused-not-receiver"),
        StepRefused::AlreadyConfirmed(_) => t!(lang, "exchanges-refused-already-confirmed"),
        StepRefused::NoReason => t!(lang, "exchanges-refused-no-reason"),
        StepRefused::ReasonTooLong { max } => {
            t!(lang, "exchanges-refused-reason-too-long", max = *max)
        }
        StepRefused::NoteTooLong { max } => t!(lang, "exchanges-refused-note-too-long", max = *max),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_step_is_explained_in_both_languages() {
        let refused = StepRefused::NotFromHere {
            from: Stage::Proposed,
            step: StepKind::Complete,
        };

        assert_eq!(
            refusal(Lang::Dutch, &refused),
            "‘Afronden’ kan nu niet: de uitwisseling staat op ‘voorgesteld’."
        );
        assert_eq!(
            refusal(Lang::English, &refused),
            "‘Complete’ is not possible now: the exchange is at the stage ‘proposed’."
        );
    }

    #[test]
    fn every_step_reads_back_from_its_form_value() {
        for kind in [
            StepKind::Interested,
            StepKind::StartNegotiating,
            StepKind::Agree,
            StepKind::Start,
            StepKind::Complete,
            StepKind::Decline,
        ] {
            assert_eq!(step_of_form(form_value(kind)), Some(kind));
        }
        assert_eq!(step_of_form("teleport"), None);
    }
}
