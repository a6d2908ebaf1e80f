//! Saved market searches: a firm's named searches, and which flows each was told about.

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

use super::StorageError;
use super::entities::{needs, notifications, offers, saved_searches};
use crate::domain::FlowKind;
use crate::domain::notification::Notice;

/// A saved search as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedSearch {
    pub id: i64,
    pub company_id: i64,
    pub name: String,
    /// The market's query string, without the page.
    pub query: String,
    pub created_at: NaiveDateTime,
}

impl From<saved_searches::Model> for SavedSearch {
    fn from(row: saved_searches::Model) -> SavedSearch {
        SavedSearch {
            id: row.id,
            company_id: row.company_id,
            name: row.name,
            query: row.query,
            created_at: row.created_at,
        }
    }
}

/// Stores a search of the firm; returns its id.
pub async fn add(
    db: &DatabaseConnection,
    company_id: i64,
    name: &str,
    query: &str,
    at: NaiveDateTime,
) -> Result<i64, StorageError> {
    let inserted = saved_searches::Entity::insert(saved_searches::ActiveModel {
        id: NotSet,
        company_id: Set(company_id),
        name: Set(name.to_string()),
        query: Set(query.to_string()),
        created_at: Set(at),
    })
    .exec(db)
    .await?;
    Ok(inserted.last_insert_id)
}

/// How many searches the firm has saved.
pub async fn count(db: &DatabaseConnection, company_id: i64) -> Result<u64, StorageError> {
    Ok(saved_searches::Entity::find()
        .filter(saved_searches::Column::CompanyId.eq(company_id))
        .count(db)
        .await?)
}

/// The firm's searches, newest first.
pub async fn of_company(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<Vec<SavedSearch>, StorageError> {
    Ok(saved_searches::Entity::find()
        .filter(saved_searches::Column::CompanyId.eq(company_id))
        .order_by_desc(saved_searches::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(SavedSearch::from)
        .collect())
}

/// Every firm's searches except those of `company_id`, by id.
pub async fn of_other_firms(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<Vec<SavedSearch>, StorageError> {
    Ok(saved_searches::Entity::find()
        .filter(saved_searches::Column::CompanyId.ne(company_id))
        .order_by_asc(saved_searches::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(SavedSearch::from)
        .collect())
}

/// Deletes the firm's search `id`; returns whether the firm had it.
pub async fn delete(
    db: &DatabaseConnection,
    company_id: i64,
    id: i64,
) -> Result<bool, StorageError> {
    let result = saved_searches::Entity::delete_many()
        .filter(saved_searches::Column::Id.eq(id))
        .filter(saved_searches::Column::CompanyId.eq(company_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The kind of the flow `key` and the database id of its firm; `None` when there is none.
pub async fn flow_owner(
    db: &DatabaseConnection,
    key: &str,
) -> Result<Option<(FlowKind, i64)>, StorageError> {
    if let Some(row) = offers::Entity::find()
        .filter(offers::Column::Key.eq(key))
        .one(db)
        .await?
    {
        return Ok(Some((FlowKind::Offer, row.company_id)));
    }
    Ok(needs::Entity::find()
        .filter(needs::Column::Key.eq(key))
        .one(db)
        .await?
        .map(|row| (FlowKind::Need, row.company_id)))
}

/// True when the firm was told before that the flow `flow` fits its search `search_id` (the
/// flow was edited since).
pub async fn told_before(
    db: &DatabaseConnection,
    company_id: i64,
    search_id: i64,
    flow: &str,
) -> Result<bool, StorageError> {
    let kind = Notice::SAVED_SEARCH_KIND;
    let rows = notifications::Entity::find()
        .filter(notifications::Column::CompanyId.eq(company_id))
        .filter(notifications::Column::Kind.eq(kind))
        .all(db)
        .await?;
    Ok(rows.into_iter().any(|row| {
        matches!(
            Notice::from_stored(kind, &row.params),
            Ok(Notice::SavedSearchFit { search_id: s, flow: f, .. }) if s == search_id && f == flow
        )
    }))
}
