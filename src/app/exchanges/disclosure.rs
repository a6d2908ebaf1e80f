//! What a viewer of an exchange may see of the parties: before both sides said interested a
//! firm sees the other side as its flow's confidentiality allows (public: its name;
//! anonymous: sector and municipality; coordinator-only: nothing), afterwards its name and
//! e-mail addresses. Coordinators see both firms' names. In the history a firm sees its own
//! colleagues by e-mail address, the other firm by name only once introduced.

use std::collections::HashMap;

use crate::app::App;
use crate::domain::exchange::{Actor, Side};
use crate::domain::{Confidentiality, Role};
use crate::storage::exchanges::{EventAuthor, EventRecord, ExchangeRecord, PartyRecord};
use crate::storage::{self, StorageError};

/// How much a viewer may see of one party of an exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartyShown {
    /// Nothing: its flow is for coordinators only and nobody was introduced yet.
    Hidden,
    /// Sector and municipality only.
    Anonymous {
        nace: Option<String>,
        municipality: String,
    },
    /// Its name too, because its flow is public (contact details still wait).
    Named {
        name: String,
        nace: Option<String>,
        municipality: String,
    },
    /// Name and e-mail addresses: both sides said interested.
    Contact { name: String, emails: Vec<String> },
}

/// One party as the viewer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisclosedParty {
    pub side: Side,
    pub shown: PartyShown,
}

/// Who took a step, as the viewer may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepAuthor {
    /// A user of the viewer's own firm, by e-mail address.
    Colleague(String),
    /// The other firm, by name (once introduced, or to a coordinator).
    Firm(String),
    /// The other firm before both said interested.
    OtherParty,
    Coordinator,
    /// The account no longer exists.
    Unknown,
}

/// An exchange as one viewer may see it: the parties it is shown and who took each step.
pub struct Disclosed<'a> {
    pub parties: Vec<DisclosedParty>,
    /// Every recorded step, oldest first, with its author as the viewer may see it.
    pub history: Vec<(&'a EventRecord, StepAuthor)>,
}

/// What `viewer_company` (none for a coordinator), in the role `actor`, may see of the
/// exchange's parties and history.
pub async fn disclosed<'a>(
    app: &App,
    record: &'a ExchangeRecord,
    actor: Actor,
    viewer_company: Option<i64>,
) -> Result<Disclosed<'a>, StorageError> {
    let revealed = record.status.contacts_revealed();
    let mut parties = Vec::new();
    let mut names = HashMap::new();
    for &side in sides_shown(actor) {
        let company = company_of(record, side);
        let party = storage::exchanges::party(&app.db, company).await?;
        let contact = if revealed {
            storage::exchanges::contact(&app.db, company).await?
        } else {
            None
        };
        if let Some(party) = party
            .as_ref()
            .filter(|_| revealed || actor == Actor::Coordinator)
        {
            names.insert(company, party.name.clone());
        }
        let confidentiality = confidentiality_of(record, side);
        parties.push(DisclosedParty {
            side,
            shown: party_shown(actor, confidentiality, party, contact),
        });
    }
    let history = (record.events.iter())
        .map(|event| {
            let by = step_author(event.by.as_ref(), viewer_company, record, &names);
            (event, by)
        })
        .collect();
    Ok(Disclosed { parties, history })
}

/// The sides a viewer is shown: the other one for a firm, both for a coordinator.
pub fn sides_shown(actor: Actor) -> &'static [Side] {
    match actor {
        Actor::Party(Side::Supplier) => &[Side::Receiver],
        Actor::Party(Side::Receiver) => &[Side::Supplier],
        Actor::Coordinator => &[Side::Supplier, Side::Receiver],
    }
}

/// The firm on one side of an exchange.
pub fn company_of(record: &ExchangeRecord, side: Side) -> i64 {
    match side {
        Side::Supplier => record.supplier_company,
        Side::Receiver => record.receiver_company,
    }
}

/// How the flow on one side of an exchange may be shown to the other side.
pub fn confidentiality_of(record: &ExchangeRecord, side: Side) -> Confidentiality {
    match side {
        Side::Supplier => record.offer_confidentiality,
        Side::Receiver => record.need_confidentiality,
    }
}

/// How much of a party the viewer sees. `contact` is the firm's name and e-mail addresses,
/// given only once both sides said interested.
pub fn party_shown(
    actor: Actor,
    confidentiality: Confidentiality,
    party: Option<PartyRecord>,
    contact: Option<(String, Vec<String>)>,
) -> PartyShown {
    if let Some((name, emails)) = contact {
        return PartyShown::Contact { name, emails };
    }
    let Some(party) = party else {
        return PartyShown::Hidden;
    };
    let named = PartyShown::Named {
        name: party.name,
        nace: party.nace.clone(),
        municipality: party.municipality.clone(),
    };
    match (actor, confidentiality) {
        (Actor::Coordinator, _) | (_, Confidentiality::Public) => named,
        (_, Confidentiality::Anonymous) => PartyShown::Anonymous {
            nace: party.nace,
            municipality: party.municipality,
        },
        (_, Confidentiality::CoordinatorOnly) => PartyShown::Hidden,
    }
}

/// Who took a recorded step, as the viewer may see it. `firm_names` holds the names of the
/// parties the viewer may see named.
pub fn step_author(
    by: Option<&EventAuthor>,
    viewer_company: Option<i64>,
    record: &ExchangeRecord,
    firm_names: &HashMap<i64, String>,
) -> StepAuthor {
    let Some(by) = by else {
        return StepAuthor::Unknown;
    };
    match by.company_id {
        Some(company) if Some(company) == viewer_company => StepAuthor::Colleague(by.email.clone()),
        Some(company)
            if company == record.supplier_company || company == record.receiver_company =>
        {
            firm_names
                .get(&company)
                .map_or(StepAuthor::OtherParty, |name| {
                    StepAuthor::Firm(name.clone())
                })
        }
        _ if matches!(by.role, Role::Coordinator | Role::Administrator) => StepAuthor::Coordinator,
        _ => StepAuthor::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::exchange::ExchangeStatus;

    fn record() -> ExchangeRecord {
        ExchangeRecord {
            material: "02 03 04".into(),
            id: crate::domain::exchange::ExchangeId(1),
            offer_key: "O1".into(),
            supplier_company: 10,
            need_key: "N1".into(),
            offer_description: "Koffiedik".into(),
            need_description: "Substraat".into(),
            receiver_company: 20,
            offer_confidentiality: Confidentiality::Public,
            need_confidentiality: Confidentiality::Anonymous,
            status: ExchangeStatus::proposed(),
            decline_reason: None,
            events: Vec::new(),
            tonnes: Vec::new(),
        }
    }

    fn party() -> PartyRecord {
        PartyRecord {
            name: "Zwammerij".into(),
            nace: Some("A01".into()),
            municipality: "Weert".into(),
        }
    }

    fn author(company_id: Option<i64>, role: Role) -> EventAuthor {
        EventAuthor {
            user_id: 1,
            email: "someone@firm.nl".into(),
            role,
            company_id,
        }
    }

    #[test]
    fn before_an_introduction_a_firm_sees_what_the_other_flows_level_allows() {
        let supplier = Actor::Party(Side::Supplier);

        let public = party_shown(supplier, Confidentiality::Public, Some(party()), None);
        let anonymous = party_shown(supplier, Confidentiality::Anonymous, Some(party()), None);
        let hidden = party_shown(
            supplier,
            Confidentiality::CoordinatorOnly,
            Some(party()),
            None,
        );
        let staff = party_shown(
            Actor::Coordinator,
            Confidentiality::CoordinatorOnly,
            Some(party()),
            None,
        );

        assert!(matches!(public, PartyShown::Named { name, .. } if name == "Zwammerij"));
        assert!(
            matches!(anonymous, PartyShown::Anonymous { municipality, .. } if municipality == "Weert")
        );
        assert!(matches!(hidden, PartyShown::Hidden));
        assert!(matches!(staff, PartyShown::Named { .. }));
    }

    #[test]
    fn the_history_names_colleagues_by_email_and_the_other_firm_only_when_allowed() {
        let record = record();
        let colleague = author(Some(10), Role::Firm);
        let other = author(Some(20), Role::Firm);
        let coordinator = author(None, Role::Coordinator);
        let named = HashMap::from([(20, "Zwammerij".to_string())]);

        assert_eq!(
            step_author(Some(&colleague), Some(10), &record, &HashMap::new()),
            StepAuthor::Colleague("someone@firm.nl".into())
        );
        assert_eq!(
            step_author(Some(&other), Some(10), &record, &HashMap::new()),
            StepAuthor::OtherParty
        );
        assert_eq!(
            step_author(Some(&other), Some(10), &record, &named),
            StepAuthor::Firm("Zwammerij".into())
        );
        assert_eq!(
            step_author(Some(&coordinator), Some(10), &record, &named),
            StepAuthor::Coordinator
        );
        assert_eq!(
            step_author(None, Some(10), &record, &named),
            StepAuthor::Unknown
        );
    }
}
