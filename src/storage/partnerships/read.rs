//! Reading partnerships: the lists of `/partnerships`, one partnership with its members and
//! activities, and the firms a coordinator may still invite.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use super::{kind_of, state_of};
use crate::domain::partnership::{Kind, MemberState};
use crate::storage::StorageError;
use crate::storage::entities::{
    companies, partnership_activities, partnership_members, partnerships,
};

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
