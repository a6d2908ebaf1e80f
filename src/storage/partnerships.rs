//! Partnerships of small firms: the partnership, the firms invited with their answers, and
//! its activities. The rules of inviting and answering are in
//! [`crate::domain::partnership`]; here they are applied with a guard on the stored state, so
//! that two answers arriving at once cannot both count. Reading is in [`read`].

mod read;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
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

pub use read::{
    ActivityRecord, FirmChoice, MemberRecord, PartnershipRecord, PartnershipSummary, firm_choices,
    for_company, get, list,
};

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
    let txn = super::write_transaction(db).await?;
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

/// The invited firm's answer, read and written in one transaction. `None` when the firm was
/// never invited to partnership `id`; refused when it answered already (nothing changes
/// then); otherwise its new state.
pub async fn answer(
    db: &DatabaseConnection,
    id: i64,
    company: i64,
    answer: Answer,
    at: NaiveDateTime,
) -> Result<Option<Result<MemberState, Refused>>, StorageError> {
    let txn = super::write_transaction(db).await?;
    let Some(row) = member_row(&txn, id, company).await? else {
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
        .exec(&txn)
        .await?;
    if updated.rows_affected == 0 {
        let now = member_row(&txn, id, company).await?;
        let state = now.as_ref().map(state_of).transpose()?.unwrap_or(next);
        return Ok(Some(Err(Refused::AlreadyAnswered(state))));
    }
    txn.commit().await?;
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
