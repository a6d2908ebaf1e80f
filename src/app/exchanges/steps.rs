//! Moving an exchange along: a step by a party or a coordinator, and the tonnes moved in a
//! month while it runs. Each in one write transaction, which reads the exchange's status and
//! changes it with nobody else in between.

use sea_orm::DatabaseTransaction;

use super::{ExchangeError, Refused, after_step};
use crate::app::App;
use crate::app::visibility::{Viewer, actor_of};
use crate::domain::exchange::{
    Actor, ExchangeId, ExchangeStatus, Month, Step, StepKind, apply, step_note, tonnes_moved,
};
use crate::storage::exchanges::{ExchangeRecord, StepRecord, record_tonnes_in, save_step_in};
use crate::storage::{self, StorageError};

/// A step as a form chooses it: its kind, the reason of a decline and a note.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepChoice {
    pub kind: Option<StepKind>,
    pub reason: String,
    pub note: String,
}

/// A step about to be saved on exchange `id`, which stood at `before`.
pub(super) struct Taken<'a> {
    pub id: ExchangeId,
    pub before: ExchangeStatus,
    pub actor: Actor,
    pub note: &'a str,
}

/// Saves `step` inside the transaction if the rules allow it: the new status, or why not
/// (then nothing was written).
pub(super) async fn step_in(
    app: &App,
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    taken: Taken<'_>,
    step: &Step,
) -> Result<Result<ExchangeStatus, Refused>, StorageError> {
    let after = match apply(taken.before, step, taken.actor) {
        Ok(after) => after,
        Err(refused) => return Ok(Err(Refused::Step(refused))),
    };
    let reason = match step {
        Step::Decline { reason } => Some(reason.as_str()),
        _ => None,
    };
    let record = StepRecord {
        before: taken.before,
        after,
        step: &step.to_string(),
        note: taken.note,
        decline_reason: reason,
        user_id: viewer.user_id,
        at: app.now(),
    };
    Ok(if save_step_in(txn, taken.id, record).await? {
        Ok(after)
    } else {
        Err(Refused::ChangedMeanwhile)
    })
}

/// The exchange and the viewer's role in it, read inside the transaction.
pub(super) async fn visible_in(
    txn: &DatabaseTransaction,
    viewer: &Viewer,
    id: ExchangeId,
) -> Result<(ExchangeRecord, Actor), ExchangeError> {
    let record = storage::exchanges::get(txn, id)
        .await?
        .ok_or(ExchangeError::NotFound)?;
    let actor = actor_of(viewer, record.supplier_company, record.receiver_company)
        .ok_or(ExchangeError::NotFound)?;
    Ok((record, actor))
}

/// The step a viewer chose, as the life of an exchange names it: "interested" is always the
/// viewer's own side, which a coordinator does not have.
fn step_of(choice: &StepChoice, actor: Actor) -> Option<Step> {
    Some(match (choice.kind?, actor) {
        (StepKind::Interested, Actor::Party(side)) => Step::Interested(side),
        (StepKind::Interested, Actor::Coordinator) => return None,
        (StepKind::StartNegotiating, _) => Step::StartNegotiating,
        (StepKind::Agree, _) => Step::Agree,
        (StepKind::Start, _) => Step::Start,
        (StepKind::Complete, _) => Step::Complete,
        (StepKind::Decline, _) => Step::Decline {
            reason: choice.reason.trim().to_string(),
        },
    })
}

/// Takes a step on exchange `id` for the viewer, in one write transaction: "not found" when
/// it may not see the exchange, a refusal (and no change at all) when the rules or the note
/// refuse the step. Returns the exchange's new status.
pub async fn take_step(
    app: &App,
    viewer: &Viewer,
    id: ExchangeId,
    choice: StepChoice,
) -> Result<ExchangeStatus, ExchangeError> {
    let txn = storage::write_transaction(&app.db).await?;
    let (record, actor) = visible_in(&txn, viewer, id).await?;
    let step = step_of(&choice, actor).ok_or(ExchangeError::UnknownStep)?;
    let refused = |why| ExchangeError::Refused { exchange: id, why };
    let note = step_note(&choice.note).map_err(|r| refused(Refused::Step(r)))?;
    let taken = Taken {
        id,
        before: record.status,
        actor,
        note: &note,
    };
    // A refusal returns before the commit: the transaction is rolled back as it is dropped.
    let after = step_in(app, &txn, viewer, taken, &step)
        .await?
        .map_err(refused)?;
    txn.commit().await.map_err(StorageError::from)?;
    after_step(app, after).await;
    Ok(after)
}

/// Records `tonnes` moved in `month` on exchange `id`, in one write transaction: only while
/// the exchange runs, and only within the bounds of [`tonnes_moved`].
pub async fn record_tonnes(
    app: &App,
    viewer: &Viewer,
    id: ExchangeId,
    month: Month,
    tonnes: f64,
) -> Result<(), ExchangeError> {
    let txn = storage::write_transaction(&app.db).await?;
    let (record, _) = visible_in(&txn, viewer, id).await?;
    let refused = |why| ExchangeError::Refused { exchange: id, why };
    if !record.status.records_tonnes() {
        return Err(refused(Refused::NotRunning));
    }
    let tonnes = tonnes_moved(tonnes).map_err(|problem| refused(Refused::Tonnes(problem)))?;
    record_tonnes_in(&txn, id, month, tonnes, viewer.user_id, app.now()).await?;
    txn.commit().await.map_err(StorageError::from)?;
    after_step(app, record.status).await;
    Ok(())
}

/// The steps an actor may take now, for the page's buttons (declining is offered apart).
pub fn possible_steps(status: ExchangeStatus, actor: Actor) -> Vec<StepKind> {
    let mut steps: Vec<StepKind> = [
        Step::StartNegotiating,
        Step::Agree,
        Step::Start,
        Step::Complete,
    ]
    .into_iter()
    .filter(|step| apply(status, step, actor).is_ok())
    .map(|step| step.kind())
    .collect();
    if let Actor::Party(side) = actor
        && apply(status, &Step::Interested(side), actor).is_ok()
    {
        steps.push(StepKind::Interested);
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exchange::Side;

    const SUPPLIER: Actor = Actor::Party(Side::Supplier);

    fn choice(kind: StepKind) -> StepChoice {
        StepChoice {
            kind: Some(kind),
            reason: "  te ver  ".into(),
            note: String::new(),
        }
    }

    #[test]
    fn interested_is_the_viewers_own_side_and_no_step_of_a_coordinator() {
        assert_eq!(
            step_of(&choice(StepKind::Interested), SUPPLIER),
            Some(Step::Interested(Side::Supplier))
        );
        assert_eq!(
            step_of(&choice(StepKind::Interested), Actor::Coordinator),
            None
        );
        assert_eq!(
            step_of(&choice(StepKind::Decline), Actor::Coordinator),
            Some(Step::Decline {
                reason: "te ver".into()
            })
        );
        assert_eq!(step_of(&StepChoice::default(), SUPPLIER), None);
    }

    #[test]
    fn the_buttons_offer_only_the_steps_the_rules_allow() {
        let proposed = ExchangeStatus::proposed();
        let introduced = ExchangeStatus {
            stage: crate::domain::exchange::Stage::Introduced,
            supplier_interested: true,
            receiver_interested: true,
            confirmed_by: None,
        };

        assert_eq!(
            possible_steps(proposed, SUPPLIER),
            vec![StepKind::Interested]
        );
        assert!(possible_steps(proposed, Actor::Coordinator).is_empty());
        assert_eq!(
            possible_steps(introduced, Actor::Coordinator),
            vec![StepKind::StartNegotiating]
        );
    }
}
