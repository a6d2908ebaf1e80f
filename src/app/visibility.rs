//! Who may see what: which firm is a party to an exchange (and on which side), which
//! suggested pair a firm may act on, and which counterparts a firm is shown at all. Every
//! page and every change of an exchange asks here; a viewer that may not see something gets
//! "not found", never a hint that it exists.

use crate::domain::Confidentiality;
use crate::domain::Role;
use crate::domain::exchange::{Actor, Side};
use crate::storage::accounts::Account;
use crate::storage::exchanges::PairOwners;

/// The signed-in user as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewer {
    pub user_id: i64,
    /// The user's firm (none for coordinators and administrators).
    pub company: Option<i64>,
    pub role: Role,
}

impl Viewer {
    /// The rules' view of an account.
    pub fn of(account: &Account) -> Viewer {
        Viewer {
            user_id: account.id,
            company: account.company_id,
            role: account.role,
        }
    }

    /// Coordinators and administrators follow the whole region.
    pub fn is_staff(&self) -> bool {
        matches!(self.role, Role::Coordinator | Role::Administrator)
    }
}

/// The viewer's role in an exchange between `supplier` and `receiver` (company ids); `None`
/// means it may not see the exchange.
pub fn actor_of(viewer: &Viewer, supplier: i64, receiver: i64) -> Option<Actor> {
    match viewer.company {
        Some(company) if company == supplier => Some(Actor::Party(Side::Supplier)),
        Some(company) if company == receiver => Some(Actor::Party(Side::Receiver)),
        _ if viewer.is_staff() => Some(Actor::Coordinator),
        _ => None,
    }
}

/// The viewer's side of a suggested pair, when it may act on it: it owns one of the two
/// flows and may see the other. Matches never show a firm a coordinator-only flow, so neither
/// may a hand-made form reach one; a firm's own offer and need are no exchange between firms;
/// a paused flow is off the market even for a page loaded before the pause.
pub fn side_on_match(viewer: &Viewer, pair: &PairOwners) -> Option<Side> {
    if pair.supplier == pair.receiver || pair.paused {
        return None;
    }
    let Some(Actor::Party(side)) = actor_of(viewer, pair.supplier, pair.receiver) else {
        return None;
    };
    let other = match side {
        Side::Supplier => pair.need_confidentiality,
        Side::Receiver => pair.offer_confidentiality,
    };
    (other != Confidentiality::CoordinatorOnly).then_some(side)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn firm(company: i64) -> Viewer {
        Viewer {
            user_id: 1,
            company: Some(company),
            role: Role::Firm,
        }
    }

    fn pair() -> PairOwners {
        PairOwners {
            supplier: 10,
            receiver: 20,
            offer_confidentiality: Confidentiality::Public,
            need_confidentiality: Confidentiality::Anonymous,
            paused: false,
        }
    }

    #[test]
    fn parties_see_their_side_coordinators_see_all_and_others_nothing() {
        let coordinator = Viewer {
            user_id: 2,
            company: None,
            role: Role::Coordinator,
        };

        assert_eq!(
            actor_of(&firm(10), 10, 20),
            Some(Actor::Party(Side::Supplier))
        );
        assert_eq!(
            actor_of(&firm(20), 10, 20),
            Some(Actor::Party(Side::Receiver))
        );
        assert_eq!(actor_of(&coordinator, 10, 20), Some(Actor::Coordinator));
        assert_eq!(actor_of(&firm(30), 10, 20), None);
    }

    #[test]
    fn a_firm_acts_on_a_match_only_when_it_may_see_the_other_flow() {
        let hidden_need = PairOwners {
            need_confidentiality: Confidentiality::CoordinatorOnly,
            ..pair()
        };
        let paused = PairOwners {
            paused: true,
            ..pair()
        };
        let own_pair = PairOwners {
            receiver: 10,
            ..pair()
        };

        assert_eq!(side_on_match(&firm(10), &pair()), Some(Side::Supplier));
        assert_eq!(side_on_match(&firm(20), &pair()), Some(Side::Receiver));
        assert_eq!(side_on_match(&firm(10), &hidden_need), None);
        assert_eq!(side_on_match(&firm(20), &hidden_need), Some(Side::Receiver));
        assert_eq!(side_on_match(&firm(10), &paused), None);
        assert_eq!(side_on_match(&firm(10), &own_pair), None);
        assert_eq!(side_on_match(&firm(30), &pair()), None);
    }
}
