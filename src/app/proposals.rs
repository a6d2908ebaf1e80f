//! The region plan's proposals turned into exchanges by a coordinator: every link of a loop or
//! a chain gets an exchange, a pool becomes a collection round with an exchange per member.
//! A proposal is named by its number in the run it was shown from; a form from an older run
//! is refused, as its numbers may mean other proposals now.
//!
//! The exchanges are opened in one transaction each: a loop's or chain's links by
//! [`crate::app::exchanges::propose_links`], a round by [`storage::rounds::form_round`].

use std::sync::Arc;

use super::App;
use super::exchanges::{ExchangeError, propose_links};
use super::plan_runner::PlanResult;
use super::visibility::Viewer;
use crate::domain::Unit;
use crate::matching::loops::LoopLink;
use crate::matching::{Instance, Params};
use crate::storage::proposals::{Link, Opened};
use crate::storage::rounds::{Formed, NewMember, NewRound};
use crate::storage::{self, StorageError};

/// A loop (closed) or a chain (open) of the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Loop,
    Chain,
}

impl Kind {
    /// The part of the addresses `/plan/loops/3` and `/plan/chains/3`.
    pub fn path(self) -> &'static str {
        match self {
            Kind::Loop => "loops",
            Kind::Chain => "chains",
        }
    }
}

/// Why a proposal was not turned into exchanges.
#[derive(Debug, thiserror::Error)]
pub enum ProposalError {
    /// No run, or no proposal of that number in it.
    #[error("no such proposal")]
    NotFound,
    /// The form was shown from another run than the last: compute or reload the plan.
    #[error("the form is from an older run of the plan")]
    StaleRun,
    /// A flow of the pool no longer exists: nothing was written.
    #[error("a flow of the pool is gone")]
    PoolGone,
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// The last run, when it is the one the form was shown from (its `run` field).
pub fn shown_run(app: &App, shown: Option<&str>) -> Result<Arc<PlanResult>, ProposalError> {
    let result = app.plan.last().ok_or(ProposalError::NotFound)?;
    let shown = shown.and_then(|r| r.trim().parse::<u64>().ok());
    if shown != Some(result.run) {
        return Err(ProposalError::StaleRun);
    }
    Ok(result)
}

/// Opens an exchange for every link of loop or chain `number` (from 1) of run `shown`, on
/// behalf of coordinator `viewer`. `note` is given the kind and the number of firms and
/// says what the new exchanges' first step carries.
pub async fn open_proposal(
    app: &App,
    viewer: &Viewer,
    shown: Option<&str>,
    kind: Kind,
    number: usize,
    note: impl FnOnce(Kind, usize) -> String,
) -> Result<Opened, ProposalError> {
    let result = shown_run(app, shown)?;
    let index = number.checked_sub(1).ok_or(ProposalError::NotFound)?;
    let found = &result.found;
    let (links, firms): (&[LoopLink], usize) = match kind {
        Kind::Loop => {
            let found = found.loops.get(index).ok_or(ProposalError::NotFound)?;
            (&found.links, found.firms.len())
        }
        Kind::Chain => {
            let found = found.chains.get(index).ok_or(ProposalError::NotFound)?;
            (&found.links, found.firms.len())
        }
    };
    let instance = &result.snapshot.instance;
    let links: Vec<Link> = links.iter().map(|l| link(instance, l)).collect();
    let note = note(kind, firms);
    match propose_links(app, viewer, &links, &note).await {
        Ok(opened) => Ok(opened),
        Err(ExchangeError::Storage(error)) => Err(ProposalError::Storage(error)),
        // Only a viewer who is no coordinator is refused here.
        Err(_) => Err(ProposalError::NotFound),
    }
}

/// Opens the exchange of planned link `number` (from 1, in plan order) of run `shown`, on
/// behalf of coordinator `viewer`, with `note` on its first step: the plan table's per-row
/// button. A link that has an exchange already keeps it.
pub async fn open_planned(
    app: &App,
    viewer: &Viewer,
    shown: Option<&str>,
    number: usize,
    note: &str,
) -> Result<Opened, ProposalError> {
    let result = shown_run(app, shown)?;
    let index = number.checked_sub(1).ok_or(ProposalError::NotFound)?;
    let planned = (result.found.plan.exchanges.get(index)).ok_or(ProposalError::NotFound)?;
    let instance = &result.snapshot.instance;
    let links = [Link {
        offer: instance.offers[planned.offer].id.clone(),
        need: instance.needs[planned.need].id.clone(),
    }];
    match propose_links(app, viewer, &links, note).await {
        Ok(opened) => Ok(opened),
        Err(ExchangeError::Storage(error)) => Err(ProposalError::Storage(error)),
        // Only a viewer who is no coordinator is refused here.
        Err(_) => Err(ProposalError::NotFound),
    }
}

fn link(instance: &Instance, link: &LoopLink) -> Link {
    Link {
        offer: instance.offers[link.offer].id.clone(),
        need: instance.needs[link.need].id.clone(),
    }
}

/// Forms the collection round of pool `number` (from 1) of run `shown`, with an exchange per
/// member, on behalf of coordinator `user_id`; a need that has a round already keeps it.
/// `note` is given the round's id. Returns the round's id.
pub async fn form_round(
    app: &App,
    user_id: i64,
    shown: Option<&str>,
    number: usize,
    note: impl Fn(i64) -> String,
) -> Result<i64, ProposalError> {
    let result = shown_run(app, shown)?;
    let index = number.checked_sub(1).ok_or(ProposalError::NotFound)?;
    let pool = result
        .found
        .pools
        .get(index)
        .ok_or(ProposalError::NotFound)?;
    let instance = &result.snapshot.instance;
    let need = &instance.needs[pool.need];
    let round = NewRound {
        need: need.id.clone(),
        members: (pool.members.iter())
            .map(|m| NewMember {
                offer: instance.offers[m.offer].id.clone(),
                cost_share_eur_per_year: m.transport_eur_per_year,
                tonnes_per_year: freight_tonnes(&instance.params, need.unit, m.quantity),
            })
            .collect(),
    };
    match storage::rounds::form_round(&app.db, &round, user_id, note, app.now()).await? {
        Formed::Created { id, .. } | Formed::Existing(id) => Ok(id),
        Formed::Missing => Err(ProposalError::PoolGone),
    }
}

/// Tonnes of road freight of a quantity (pools never carry heat).
fn freight_tonnes(params: &Params, unit: Unit, quantity: f64) -> f64 {
    match unit {
        Unit::Tonnes | Unit::MegawattHours => quantity,
        Unit::CubicMetres => quantity * params.tonnes_per_m3,
        Unit::Pieces => quantity * params.tonnes_per_piece,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn freight_is_counted_in_tonnes_by_the_regions_densities() {
        let params = Params {
            tonnes_per_m3: 0.5,
            tonnes_per_piece: 0.02,
            ..Params::default()
        };
        assert_eq!(freight_tonnes(&params, Unit::Tonnes, 8.0), 8.0);
        assert_eq!(freight_tonnes(&params, Unit::CubicMetres, 8.0), 4.0);
        assert_eq!(freight_tonnes(&params, Unit::Pieces, 100.0), 2.0);
    }
}
