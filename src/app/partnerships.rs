//! Partnerships of small firms: who may see one, inviting a firm, a firm's answer, recording
//! an activity ([`self`]), and the suggested clusters a partnership is started from
//! ([`suggestions`]). The rules of inviting and answering themselves are in
//! [`crate::domain::partnership`]; storage applies them with a guard on the stored state.
//! Partnerships are not part of the matcher's snapshot: nothing here invalidates it.

pub mod suggestions;

use crate::domain::Role;
use crate::domain::partnership::{
    ActivityDescription, Answer, DayProblem, MemberState, Refused, TextProblem, parse_day,
};
use crate::storage::accounts::Account;
use crate::storage::{self, StorageError, partnerships::PartnershipRecord};

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

/// The day (on the region's calendar, not in the future beyond the rules' range) and the
/// description of an activity, or what is wrong with each.
pub fn activity_of(
    app: &App,
    day: &str,
    description: &str,
) -> Result<(chrono::NaiveDate, ActivityDescription), ActivityProblems> {
    match (
        parse_day(day, app.today()),
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
    let (day, description) = activity_of(app, day, description).map_err(Error::Refused)?;
    let at = app.now();
    Ok(storage::partnerships::add_activity(&app.db, id, day, &description, user_id, at).await?)
}
