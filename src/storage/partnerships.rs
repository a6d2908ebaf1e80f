//! Partnerships of small firms: the partnership, the firms invited with their answers, and
//! its activities. The rules of inviting and answering are in
//! [`crate::domain::partnership`]; here they are applied with a guard on the stored state, so
//! that two answers arriving at once cannot both count.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};

use super::StorageError;
use super::entities::{companies, partnership_activities, partnership_members, partnerships};
use super::notifications::notify;
use crate::domain::notification::Notice;
use crate::domain::partnership::{
    ActivityDescription, Actor, Answer, Kind, MemberState, PartnershipName, Refused, invite,
    respond,
};
use crate::domain::{FieldProblem, Problems};

/// A partnership as a coordinator starts it.
#[derive(Debug, Clone)]
pub struct NewPartnership<'a> {
    pub name: &'a PartnershipName,
    pub kind: Kind,
    /// Why these firms belong together.
    pub reason: &'a str,
    /// The coordinator's user id.
    pub created_by: i64,
    pub at: NaiveDateTime,
}

/// A partnership in a list, with how many firms stand where.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnershipSummary {
    pub id: i64,
    pub name: String,
    pub kind: Kind,
    pub created_at: NaiveDateTime,
    pub invited: usize,
    pub accepted: usize,
    pub declined: usize,
    /// The keys of every firm ever invited, to recognise a suggested cluster already started.
    pub member_keys: Vec<String>,
}

/// A partnership with its members and activities, as its page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnershipRecord {
    pub id: i64,
    pub name: String,
    pub kind: Kind,
    pub reason: String,
    pub created_at: NaiveDateTime,
    /// In the order they were invited.
    pub members: Vec<MemberRecord>,
    /// Latest day first.
    pub activities: Vec<ActivityRecord>,
}

impl PartnershipRecord {
    /// The state of a firm in this partnership, if it was ever invited.
    pub fn state_of(&self, company: i64) -> Option<MemberState> {
        self.members
            .iter()
            .find(|m| m.company_id == company)
            .map(|m| m.state)
    }
}

/// A firm invited to a partnership.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRecord {
    pub company_id: i64,
    /// The firm's key (`F068`).
    pub key: String,
    pub name: String,
    /// NACE Rev.2 code, when known.
    pub nace: Option<String>,
    pub municipality: String,
    pub state: MemberState,
    pub invited_at: NaiveDateTime,
    pub responded_at: Option<NaiveDateTime>,
}

/// Something a partnership did.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityRecord {
    pub id: i64,
    pub day: NaiveDate,
    pub description: String,
    pub created_at: NaiveDateTime,
}

fn corrupt(table: &'static str, id: i64, field: &str, value: &str) -> StorageError {
    StorageError::Corrupt {
        table,
        key: id.to_string(),
        problems: Problems(vec![FieldProblem::new(
            field,
            format!("\"{value}\" is not a known value"),
        )]),
    }
}

fn kind_of(row: &partnerships::Model) -> Result<Kind, StorageError> {
    Kind::parse(&row.kind).ok_or_else(|| corrupt("partnerships", row.id, "kind", &row.kind))
}

fn state_of(row: &partnership_members::Model) -> Result<MemberState, StorageError> {
    MemberState::parse(&row.state)
        .ok_or_else(|| corrupt("partnership_members", row.id, "state", &row.state))
}

/// Starts a partnership and invites `companies` (database ids), each told on its dashboard,
/// in one transaction. Returns the partnership's id.
pub async fn create(
    db: &DatabaseConnection,
    new: &NewPartnership<'_>,
    companies: &[i64],
) -> Result<i64, StorageError> {
    let txn = db.begin().await?;
    let id = partnerships::Entity::insert(partnerships::ActiveModel {
        id: NotSet,
        name: Set(new.name.as_str().to_string()),
        kind: Set(new.kind.as_str().to_string()),
        reason: Set(new.reason.to_string()),
        created_by: Set(Some(new.created_by)),
        created_at: Set(new.at),
    })
    .exec(&txn)
    .await?
    .last_insert_id;
    for &company in companies {
        insert_invitation(&txn, id, company, new.at).await?;
        notify(&txn, company, &invitation(id, new.kind), new.at).await?;
    }
    txn.commit().await?;
    Ok(id)
}

fn invitation(id: i64, kind: Kind) -> Notice {
    Notice::PartnershipInvitation {
        partnership_id: id,
        kind: kind.as_str().to_string(),
    }
}

async fn insert_invitation(
    conn: &impl ConnectionTrait,
    id: i64,
    company: i64,
    at: NaiveDateTime,
) -> Result<(), StorageError> {
    partnership_members::Entity::insert(partnership_members::ActiveModel {
        id: NotSet,
        partnership_id: Set(id),
        company_id: Set(company),
        state: Set(MemberState::Invited.as_str().to_string()),
        invited_at: Set(at),
        responded_at: Set(None),
    })
    .exec(conn)
    .await
    .map_err(|e| StorageError::from_db(e, "partnership member", company.to_string()))?;
    Ok(())
}

/// Every partnership, newest first, with its member counts.
pub async fn list(db: &DatabaseConnection) -> Result<Vec<PartnershipSummary>, StorageError> {
    let rows = partnerships::Entity::find()
        .order_by_desc(partnerships::Column::Id)
        .all(db)
        .await?;
    summaries(db, rows).await
}

/// The partnerships a firm is invited to or takes part in (not those it declined), newest
/// first, each with the firm's own state.
pub async fn for_company(
    db: &DatabaseConnection,
    company: i64,
) -> Result<Vec<(PartnershipSummary, MemberState)>, StorageError> {
    let own: HashMap<i64, MemberState> = partnership_members::Entity::find()
        .filter(partnership_members::Column::CompanyId.eq(company))
        .filter(partnership_members::Column::State.ne(MemberState::Declined.as_str()))
        .all(db)
        .await?
        .iter()
        .map(|row| Ok((row.partnership_id, state_of(row)?)))
        .collect::<Result<_, StorageError>>()?;
    let rows = partnerships::Entity::find()
        .filter(partnerships::Column::Id.is_in(own.keys().copied()))
        .order_by_desc(partnerships::Column::Id)
        .all(db)
        .await?;
    Ok(summaries(db, rows)
        .await?
        .into_iter()
        .filter_map(|summary| Some((own.get(&summary.id).copied()?, summary)))
        .map(|(state, summary)| (summary, state))
        .collect())
}

async fn summaries(
    db: &DatabaseConnection,
    rows: Vec<partnerships::Model>,
) -> Result<Vec<PartnershipSummary>, StorageError> {
    let members = partnership_members::Entity::find()
        .filter(partnership_members::Column::PartnershipId.is_in(rows.iter().map(|r| r.id)))
        .order_by_asc(partnership_members::Column::Id)
        .all(db)
        .await?;
    let keys: HashMap<i64, String> = companies::Entity::find()
        .filter(companies::Column::Id.is_in(members.iter().map(|m| m.company_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|company| (company.id, company.key))
        .collect();
    let mut summaries = Vec::with_capacity(rows.len());
    for row in rows {
        let mut summary = PartnershipSummary {
            id: row.id,
            kind: kind_of(&row)?,
            name: row.name,
            created_at: row.created_at,
            invited: 0,
            accepted: 0,
            declined: 0,
            member_keys: Vec::new(),
        };
        for member in members.iter().filter(|m| m.partnership_id == row.id) {
            match state_of(member)? {
                MemberState::Invited => summary.invited += 1,
                MemberState::Accepted => summary.accepted += 1,
                MemberState::Declined => summary.declined += 1,
            }
            summary
                .member_keys
                .extend(keys.get(&member.company_id).cloned());
        }
        summaries.push(summary);
    }
    Ok(summaries)
}

/// A partnership with its members and activities; `None` when there is no such partnership.
pub async fn get(
    db: &DatabaseConnection,
    id: i64,
) -> Result<Option<PartnershipRecord>, StorageError> {
    let Some(row) = partnerships::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let rows = partnership_members::Entity::find()
        .filter(partnership_members::Column::PartnershipId.eq(id))
        .order_by_asc(partnership_members::Column::Id)
        .all(db)
        .await?;
    let firms: HashMap<i64, companies::Model> = companies::Entity::find()
        .filter(companies::Column::Id.is_in(rows.iter().map(|m| m.company_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|company| (company.id, company))
        .collect();
    let mut members = Vec::with_capacity(rows.len());
    for member in &rows {
        // The foreign key removes members with their firm; a missing firm is none of ours.
        let Some(firm) = firms.get(&member.company_id) else {
            continue;
        };
        members.push(MemberRecord {
            company_id: firm.id,
            key: firm.key.clone(),
            name: firm.name.clone(),
            nace: firm.nace.clone(),
            municipality: firm.municipality.clone(),
            state: state_of(member)?,
            invited_at: member.invited_at,
            responded_at: member.responded_at,
        });
    }
    let activities = partnership_activities::Entity::find()
        .filter(partnership_activities::Column::PartnershipId.eq(id))
        .order_by_desc(partnership_activities::Column::Day)
        .order_by_desc(partnership_activities::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|a| ActivityRecord {
            id: a.id,
            day: a.day,
            description: a.description,
            created_at: a.created_at,
        })
        .collect();
    Ok(Some(PartnershipRecord {
        id,
        kind: kind_of(&row)?,
        name: row.name,
        reason: row.reason,
        created_at: row.created_at,
        members,
        activities,
    }))
}

async fn member_row(
    conn: &impl ConnectionTrait,
    id: i64,
    company: i64,
) -> Result<Option<partnership_members::Model>, StorageError> {
    Ok(partnership_members::Entity::find()
        .filter(partnership_members::Column::PartnershipId.eq(id))
        .filter(partnership_members::Column::CompanyId.eq(company))
        .one(conn)
        .await?)
}

/// A coordinator invites a firm (database id) to partnership `id`: a new member, or again a
/// firm that declined. The firm is told on its dashboard. Refused as the rules say (a firm
/// invited already or taking part); nothing changes then. `None` when there is no such
/// partnership.
pub async fn invite_firm(
    db: &DatabaseConnection,
    id: i64,
    company: i64,
    at: NaiveDateTime,
) -> Result<Option<Result<(), Refused>>, StorageError> {
    let txn = db.begin().await?;
    let Some(partnership) = partnerships::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(None);
    };
    let kind = kind_of(&partnership)?;
    let existing = member_row(&txn, id, company).await?;
    let current = existing.as_ref().map(state_of).transpose()?;
    if let Err(refused) = invite(Actor::Coordinator, current) {
        return Ok(Some(Err(refused)));
    }
    match existing {
        None => match insert_invitation(&txn, id, company, at).await {
            // Another coordinator invited the firm in the same moment.
            Err(StorageError::Duplicate { .. }) => return Ok(Some(Err(Refused::AlreadyInvited))),
            other => other?,
        },
        Some(row) => {
            let reopened = partnership_members::Entity::update_many()
                .col_expr(
                    partnership_members::Column::State,
                    Expr::value(MemberState::Invited.as_str()),
                )
                .col_expr(partnership_members::Column::InvitedAt, Expr::value(at))
                .col_expr(
                    partnership_members::Column::RespondedAt,
                    Expr::value(Option::<NaiveDateTime>::None),
                )
                .filter(partnership_members::Column::Id.eq(row.id))
                .filter(partnership_members::Column::State.eq(row.state.as_str()))
                .exec(&txn)
                .await?;
            if reopened.rows_affected == 0 {
                return Ok(Some(Err(Refused::AlreadyInvited)));
            }
        }
    }
    notify(&txn, company, &invitation(id, kind), at).await?;
    txn.commit().await?;
    Ok(Some(Ok(())))
}

/// The invited firm's answer. `None` when the firm was never invited to partnership `id`;
/// refused when it answered already (nothing changes then); otherwise its new state.
pub async fn answer(
    db: &DatabaseConnection,
    id: i64,
    company: i64,
    answer: Answer,
    at: NaiveDateTime,
) -> Result<Option<Result<MemberState, Refused>>, StorageError> {
    let Some(row) = member_row(db, id, company).await? else {
        return Ok(None);
    };
    let current = state_of(&row)?;
    let next = match respond(Actor::Firm, current, answer) {
        Ok(next) => next,
        Err(refused) => return Ok(Some(Err(refused))),
    };
    // Only an open invitation is answered: a second answer sent at the same moment finds the
    // row answered and changes nothing.
    let updated = partnership_members::Entity::update_many()
        .col_expr(
            partnership_members::Column::State,
            Expr::value(next.as_str()),
        )
        .col_expr(partnership_members::Column::RespondedAt, Expr::value(at))
        .filter(partnership_members::Column::Id.eq(row.id))
        .filter(partnership_members::Column::State.eq(MemberState::Invited.as_str()))
        .exec(db)
        .await?;
    if updated.rows_affected == 0 {
        let now = member_row(db, id, company).await?;
        let state = now.as_ref().map(state_of).transpose()?.unwrap_or(next);
        return Ok(Some(Err(Refused::AlreadyAnswered(state))));
    }
    Ok(Some(Ok(next)))
}

/// Records an activity of partnership `id`; returns its id.
pub async fn add_activity(
    db: &DatabaseConnection,
    id: i64,
    day: NaiveDate,
    description: &ActivityDescription,
    user_id: i64,
    at: NaiveDateTime,
) -> Result<i64, StorageError> {
    Ok(
        partnership_activities::Entity::insert(partnership_activities::ActiveModel {
            id: NotSet,
            partnership_id: Set(id),
            day: Set(day),
            description: Set(description.as_str().to_string()),
            created_by: Set(Some(user_id)),
            created_at: Set(at),
        })
        .exec(db)
        .await?
        .last_insert_id,
    )
}

/// The database ids of firms by their keys; `None` when any key names no firm.
pub async fn company_ids(
    db: &DatabaseConnection,
    keys: &[String],
) -> Result<Option<Vec<i64>>, StorageError> {
    let found: HashMap<String, i64> = companies::Entity::find()
        .filter(companies::Column::Key.is_in(keys.iter().cloned()))
        .all(db)
        .await?
        .into_iter()
        .map(|row| (row.key, row.id))
        .collect();
    Ok(keys.iter().map(|key| found.get(key).copied()).collect())
}

/// A firm a coordinator may invite to a partnership.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirmChoice {
    pub key: String,
    pub name: String,
    pub municipality: String,
    /// It declined an earlier invitation to this partnership.
    pub declined: bool,
}

/// The firms that may still be invited to partnership `id` (not invited now, not taking
/// part), by name; `None` when the region holds more than `limit` firms, too many for a list.
pub async fn firm_choices(
    db: &DatabaseConnection,
    id: i64,
    limit: u64,
) -> Result<Option<Vec<FirmChoice>>, StorageError> {
    if companies::Entity::find().count(db).await? > limit {
        return Ok(None);
    }
    let states: HashMap<i64, MemberState> = partnership_members::Entity::find()
        .filter(partnership_members::Column::PartnershipId.eq(id))
        .all(db)
        .await?
        .iter()
        .map(|row| Ok((row.company_id, state_of(row)?)))
        .collect::<Result<_, StorageError>>()?;
    let firms = companies::Entity::find()
        .order_by_asc(companies::Column::Name)
        .order_by_asc(companies::Column::Id)
        .all(db)
        .await?;
    Ok(Some(
        firms
            .into_iter()
            .filter_map(|firm| {
                let declined = match states.get(&firm.id) {
                    None => false,
                    Some(MemberState::Declined) => true,
                    Some(MemberState::Invited | MemberState::Accepted) => return None,
                };
                Some(FirmChoice {
                    key: firm.key,
                    name: firm.name,
                    municipality: firm.municipality,
                    declined,
                })
            })
            .collect(),
    ))
}
