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
