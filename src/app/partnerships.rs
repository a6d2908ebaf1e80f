//! Partnerships of small firms: who may see one, inviting a firm, a firm's answer, recording
//! an activity ([`self`]), and the suggested clusters a partnership is started from
//! ([`suggestions`]). The rules of inviting and answering themselves are in
//! [`crate::domain::partnership`]; storage applies them with a guard on the stored state.
//! Partnerships are not part of the matcher's snapshot: nothing here invalidates it.

pub mod suggestions;

use chrono::NaiveDate;

use crate::domain::Role;
use crate::domain::partnership::{
    ActivityDescription, Answer, DayProblem, MemberState, Refused, TextProblem, parse_day,
};
use crate::storage::accounts::Account;
use crate::storage::partnerships::{FirmChoice, PartnershipRecord, PartnershipSummary};
use crate::storage::{self, StorageError};

use super::App;

pub use suggestions::{
    ClusterFirm, CoordinatorPage, PAGE_SIZE, StartRefused, SuggestedCluster, coordinator_page,
    start,
};

/// Why a partnership's form changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum Error<R> {
    /// No such partnership, or no invitation of the firm to it.
    #[error("no such partnership or invitation")]
    NotFound,
    /// The rules refuse the form; nothing was written.
    #[error("refused")]
    Refused(R),
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Who looks at a partnership: a coordinator, or a firm invited to it or taking part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewing {
    Coordinator,
    /// The firm's database id.
    Firm(i64),
}

/// How `account` may see a partnership, if at all: a coordinator always; a firm only when it
/// is invited or takes part (a firm that declined sees it no more).
pub fn viewing(account: &Account, record: &PartnershipRecord) -> Option<Viewing> {
    match (account.role, account.company_id) {
        (Role::Coordinator | Role::Administrator, _) => Some(Viewing::Coordinator),
        (Role::Firm, Some(company))
            if matches!(
                record.state_of(company),
                Some(MemberState::Invited | MemberState::Accepted)
            ) =>
        {
            Some(Viewing::Firm(company))
        }
        (Role::Firm, _) => None,
    }
}

/// The partnership `id` (as in the address) and how `account` may see it; `None` for an id
/// that is no partnership's or one the account may not see, alike.
pub async fn visible(
    app: &App,
    account: &Account,
    id: &str,
) -> Result<Option<(PartnershipRecord, Viewing)>, StorageError> {
    let Ok(id) = id.trim().parse::<i64>() else {
        return Ok(None);
    };
    let Some(record) = storage::partnerships::get(&app.db, id).await? else {
        return Ok(None);
    };
    Ok(viewing(account, &record).map(|viewing| (record, viewing)))
}

/// Regions with more firms than this get a typed firm id instead of a list to pick from.
const CHOICES_LIMIT: u64 = 1000;

/// The firms a coordinator may invite to partnership `id`, to pick from a list; `None` for
/// a firm (it invites nobody) and on a region too large for a list (the firm's id is typed).
pub async fn invite_choices(
    app: &App,
    id: i64,
    viewing: Viewing,
) -> Result<Option<Vec<FirmChoice>>, StorageError> {
    match viewing {
        Viewing::Coordinator => {
            storage::partnerships::firm_choices(&app.db, id, CHOICES_LIMIT).await
        }
        Viewing::Firm(_) => Ok(None),
    }
}

/// The partnerships a firm's user is invited to or takes part in, with the firm's state.
pub async fn of_firm(
    app: &App,
    account: &Account,
) -> Result<Vec<(PartnershipSummary, MemberState)>, StorageError> {
    match account.company_id {
        Some(company) => storage::partnerships::for_company(&app.db, company).await,
        None => Ok(Vec::new()),
    }
}

/// Why a firm's answer to its invitation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerRefused {
    /// The answer was neither `accept` nor `decline`.
    UnknownAnswer,
    /// The rules refuse it (a coordinator answering for a firm, a second answer).
    Rule(Refused),
}

/// The invited firm's own answer (`accept` or `decline`) to partnership `id`; its new state.
pub async fn respond(
    app: &App,
    id: i64,
    viewing: Viewing,
    answer: &str,
) -> Result<MemberState, Error<AnswerRefused>> {
    let answer = Answer::parse(answer).ok_or(Error::Refused(AnswerRefused::UnknownAnswer))?;
    let Viewing::Firm(company) = viewing else {
        return Err(Error::Refused(AnswerRefused::Rule(Refused::NotTheFirm)));
    };
    match storage::partnerships::answer(&app.db, id, company, answer, app.now()).await? {
        None => Err(Error::NotFound),
        Some(Ok(state)) => Ok(state),
        Some(Err(refused)) => Err(Error::Refused(AnswerRefused::Rule(refused))),
    }
}

/// Why an invitation was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InviteRefused {
    /// No firm was named.
    NoFirm,
    /// No firm has this id (`F999`).
    UnknownFirm(String),
    /// The rules refuse it (the firm is invited already or takes part).
    Rule(Refused),
}

/// A coordinator invites the firm `firm` (its id, `F068`) to partnership `id`; the firm is
/// told on its dashboard.
pub async fn invite(app: &App, id: i64, firm: &str) -> Result<(), Error<InviteRefused>> {
    let key = firm.trim();
    if key.is_empty() {
        return Err(Error::Refused(InviteRefused::NoFirm));
    }
    let found = storage::partnerships::company_ids(&app.db, &[key.to_string()]).await?;
    let Some(&[company]) = found.as_deref() else {
        return Err(Error::Refused(InviteRefused::UnknownFirm(key.to_string())));
    };
    match storage::partnerships::invite_firm(&app.db, id, company, app.now()).await? {
        None => Err(Error::NotFound),
        Some(Ok(())) => Ok(()),
        Some(Err(refused)) => Err(Error::Refused(InviteRefused::Rule(refused))),
    }
}

/// What is wrong with an activity's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActivityProblems {
    pub day: Option<DayProblem>,
    pub description: Option<TextProblem>,
}

/// The day (within the rules' range of `today`) and the description of an activity, or
/// what is wrong with each.
pub fn activity_of(
    today: NaiveDate,
    day: &str,
    description: &str,
) -> Result<(NaiveDate, ActivityDescription), ActivityProblems> {
    match (
        parse_day(day, today),
        ActivityDescription::parse(description),
    ) {
        (Ok(day), Ok(description)) => Ok((day, description)),
        (day, description) => Err(ActivityProblems {
            day: day.err(),
            description: description.err(),
        }),
    }
}

/// A coordinator records an activity of partnership `id`; its id.
pub async fn add_activity(
    app: &App,
    id: i64,
    user_id: i64,
    day: &str,
    description: &str,
) -> Result<i64, Error<ActivityProblems>> {
    let (day, description) = activity_of(app.today(), day, description).map_err(Error::Refused)?;
    let at = app.now();
    Ok(storage::partnerships::add_activity(&app.db, id, day, &description, user_id, at).await?)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDateTime;

    use super::*;
    use crate::domain::Language;
    use crate::domain::partnership::Kind;
    use crate::storage::partnerships::MemberRecord;

    fn account(role: Role, company_id: Option<i64>) -> Account {
        Account {
            id: 1,
            email: "iemand@keyport.nl".to_string(),
            role,
            company_id,
            language: Language::Dutch,
        }
    }

    fn member(company_id: i64, state: MemberState) -> MemberRecord {
        MemberRecord {
            company_id,
            key: format!("F{company_id:03}"),
            name: "Bakkerij".to_string(),
            nace: None,
            municipality: "Weert".to_string(),
            state,
            invited_at: NaiveDateTime::default(),
            responded_at: None,
        }
    }

    #[test]
    fn coordinators_see_every_partnership_and_firms_only_those_they_are_invited_to_or_in() {
        let record = PartnershipRecord {
            id: 7,
            name: "Samen inkopen".to_string(),
            kind: Kind::JointPurchasing,
            reason: String::new(),
            created_at: NaiveDateTime::default(),
            members: vec![
                member(1, MemberState::Invited),
                member(2, MemberState::Accepted),
                member(3, MemberState::Declined),
            ],
            activities: Vec::new(),
        };
        let sees = |role, company| viewing(&account(role, company), &record);
        assert_eq!(sees(Role::Coordinator, None), Some(Viewing::Coordinator));
        assert_eq!(sees(Role::Administrator, None), Some(Viewing::Coordinator));
        assert_eq!(sees(Role::Firm, Some(1)), Some(Viewing::Firm(1)));
        assert_eq!(sees(Role::Firm, Some(2)), Some(Viewing::Firm(2)));
        assert_eq!(sees(Role::Firm, Some(3)), None, "declined");
        assert_eq!(sees(Role::Firm, Some(4)), None, "never invited");
        assert_eq!(sees(Role::Firm, None), None);
    }

    #[test]
    fn an_activity_names_every_field_it_gets_wrong() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap();
        let (day, description) = activity_of(today, "2026-11-12", "Eerste bestelling").unwrap();
        assert_eq!(day, NaiveDate::from_ymd_opt(2026, 11, 12).unwrap());
        assert_eq!(description.as_str(), "Eerste bestelling");
        let problems = activity_of(today, "12 november", "").unwrap_err();
        assert_eq!(problems.day, Some(DayProblem::NotADate));
        assert_eq!(problems.description, Some(TextProblem::Empty));
    }
}
