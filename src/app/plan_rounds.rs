//! Collection rounds formed from the plan's pools: who may see one. Coordinators and
//! administrators see every round; a firm sees a round it receives or collects for, and for
//! any other firm the round does not exist.

use super::App;
use crate::domain::Role;
use crate::storage::StorageError;
use crate::storage::accounts::Account;
use crate::storage::rounds::{RoundRecord, get_round};

/// A round as one user sees it.
pub struct SeenRound {
    /// The round with its receiver and members.
    pub round: RoundRecord,
    /// The viewer's firm when the viewer is a firm's user (the round involves it).
    pub own_company: Option<i64>,
}

/// Round `id` as `viewer` may see it; `None` when there is no such round or the viewer's
/// firm is neither its receiver nor a member.
pub async fn round_for(
    app: &App,
    viewer: &Account,
    id: i64,
) -> Result<Option<SeenRound>, StorageError> {
    let Some(round) = get_round(&app.db, id).await? else {
        return Ok(None);
    };
    let own_company = match viewer.role {
        Role::Coordinator | Role::Administrator => None,
        Role::Firm => match viewer.company_id {
            Some(company) if round.involves(company) => Some(company),
            _ => return Ok(None),
        },
    };
    Ok(Some(SeenRound { round, own_company }))
}
