//! One firm's own flows: add, read, change, pause and delete, always scoped to the firm that
//! owns them.

use std::collections::HashSet;

use sea_orm::ActiveValue::NotSet;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, TransactionTrait,
};

use super::StorageError;
use super::entities::{companies, exchanges, need_accepts, needs, offers};
use super::rows::{accepts_to_rows, need_from_row, need_to_row, offer_from_row, offer_to_row};
use crate::domain::{Need, Offer};

/// Adds an offer of the firm with database id `company_id`.
pub async fn add_offer(
    db: &DatabaseConnection,
    company_id: i64,
    offer: &Offer,
) -> Result<(), StorageError> {
    offers::Entity::insert(offer_to_row(offer, company_id))
        .exec_without_returning(db)
        .await
        .map_err(|e| StorageError::from_db(e, "offer", offer.id().as_str()))?;
    Ok(())
}

/// Adds a need with its acceptance list, in one transaction.
pub async fn add_need(
    db: &DatabaseConnection,
    company_id: i64,
    need: &Need,
) -> Result<(), StorageError> {
    let txn = db.begin().await?;
    let inserted = needs::Entity::insert(need_to_row(need, company_id))
        .exec(&txn)
        .await
        .map_err(|e| StorageError::from_db(e, "need", need.id().as_str()))?;
    need_accepts::Entity::insert_many(accepts_to_rows(need, inserted.last_insert_id))
        .exec_without_returning(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// The firm's identifier, which flows read back from rows carry.
async fn firm_key(db: &DatabaseConnection, company_id: i64) -> Result<String, StorageError> {
    Ok(companies::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .map(|row| row.key)
        .unwrap_or_default())
}

/// One of the firm's own offers; `None` when it has no offer `key` (another firm's included).
pub async fn own_offer(
    db: &DatabaseConnection,
    company_id: i64,
    key: &str,
) -> Result<Option<Offer>, StorageError> {
    let Some(row) = offers::Entity::find()
        .filter(offers::Column::Key.eq(key))
        .filter(offers::Column::CompanyId.eq(company_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(Some(offer_from_row(row, firm_key(db, company_id).await?)?))
}

/// One of the firm's own needs with its acceptance list; `None` when it has no need `key`.
pub async fn own_need(
    db: &DatabaseConnection,
    company_id: i64,
    key: &str,
) -> Result<Option<Need>, StorageError> {
    let Some(row) = needs::Entity::find()
        .filter(needs::Column::Key.eq(key))
        .filter(needs::Column::CompanyId.eq(company_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let accepts = need_accepts::Entity::find()
        .filter(need_accepts::Column::NeedId.eq(row.id))
        .order_by_asc(need_accepts::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|accepted| accepted.code)
        .collect();
    Ok(Some(need_from_row(
        row,
        firm_key(db, company_id).await?,
        accepts,
    )?))
}

/// Replaces an own offer's values by `offer`'s (same id); returns whether the firm owns it.
/// Whether it is paused does not change.
pub async fn update_offer(
    db: &DatabaseConnection,
    company_id: i64,
    offer: &Offer,
) -> Result<bool, StorageError> {
    let mut row = offer_to_row(offer, company_id);
    // The key and the owner identify the row; the pause is the firm's separate choice.
    (row.key, row.company_id, row.paused) = (NotSet, NotSet, NotSet);
    let result = offers::Entity::update_many()
        .set(row)
        .filter(offers::Column::Key.eq(offer.id().as_str()))
        .filter(offers::Column::CompanyId.eq(company_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Replaces an own need's values and acceptance list by `need`'s (same id), in one
/// transaction; returns whether the firm owns it. Whether it is paused does not change.
pub async fn update_need(
    db: &DatabaseConnection,
    company_id: i64,
    need: &Need,
) -> Result<bool, StorageError> {
    let txn = super::write_transaction(db).await?;
    let Some(need_id) = needs::Entity::find()
        .select_only()
        .column(needs::Column::Id)
        .filter(needs::Column::Key.eq(need.id().as_str()))
        .filter(needs::Column::CompanyId.eq(company_id))
        .into_tuple::<i64>()
        .one(&txn)
        .await?
    else {
        return Ok(false);
    };
    let mut row = need_to_row(need, company_id);
    (row.key, row.company_id, row.paused) = (NotSet, NotSet, NotSet);
    needs::Entity::update_many()
        .set(row)
        .filter(needs::Column::Id.eq(need_id))
        .exec(&txn)
        .await?;
    need_accepts::Entity::delete_many()
        .filter(need_accepts::Column::NeedId.eq(need_id))
        .exec(&txn)
        .await?;
    need_accepts::Entity::insert_many(accepts_to_rows(need, need_id))
        .exec_without_returning(&txn)
        .await?;
    txn.commit().await?;
    Ok(true)
}

/// What became of a request to delete a flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deletion {
    Deleted,
    /// No such flow of this firm.
    NotFound,
    /// An exchange (in any state) names the flow: deleting it would take the exchange, its
    /// history and its recorded tonnes with it, so it stays.
    InAnExchange,
}

/// Deletes an offer if, and only if, it belongs to the firm and no exchange names it.
pub async fn delete_offer(
    db: &DatabaseConnection,
    company_id: i64,
    key: &str,
) -> Result<Deletion, StorageError> {
    let txn = super::write_transaction(db).await?;
    let Some(row) = offers::Entity::find()
        .filter(offers::Column::Key.eq(key))
        .filter(offers::Column::CompanyId.eq(company_id))
        .one(&txn)
        .await?
    else {
        return Ok(Deletion::NotFound);
    };
    if named_by_an_exchange(&txn, exchanges::Column::OfferId, row.id).await? {
        return Ok(Deletion::InAnExchange);
    }
    offers::Entity::delete_by_id(row.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(Deletion::Deleted)
}

/// Deletes a need (and its acceptance list) if, and only if, it belongs to the firm and no
/// exchange names it.
pub async fn delete_need(
    db: &DatabaseConnection,
    company_id: i64,
    key: &str,
) -> Result<Deletion, StorageError> {
    let txn = super::write_transaction(db).await?;
    let Some(row) = needs::Entity::find()
        .filter(needs::Column::Key.eq(key))
        .filter(needs::Column::CompanyId.eq(company_id))
        .one(&txn)
        .await?
    else {
        return Ok(Deletion::NotFound);
    };
    if named_by_an_exchange(&txn, exchanges::Column::NeedId, row.id).await? {
        return Ok(Deletion::InAnExchange);
    }
    needs::Entity::delete_by_id(row.id).exec(&txn).await?;
    txn.commit().await?;
    Ok(Deletion::Deleted)
}

/// True when an exchange names the flow with database id `flow_id` in `column`.
async fn named_by_an_exchange(
    db: &impl ConnectionTrait,
    column: exchanges::Column,
    flow_id: i64,
) -> Result<bool, StorageError> {
    let found = exchanges::Entity::find()
        .filter(column.eq(flow_id))
        .count(db)
        .await?;
    Ok(found > 0)
}

/// Marks an own offer as still current today; returns whether the firm owns it.
pub async fn confirm_offer(
    db: &DatabaseConnection,
    company_id: i64,
    key: &str,
    today: chrono::NaiveDate,
) -> Result<bool, StorageError> {
    let result = offers::Entity::update_many()
        .col_expr(offers::Column::LastConfirmed, Expr::value(today))
        .filter(offers::Column::Key.eq(key))
        .filter(offers::Column::CompanyId.eq(company_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Marks an own need as still current today; returns whether the firm owns it.
pub async fn confirm_need(
    db: &DatabaseConnection,
    company_id: i64,
    key: &str,
    today: chrono::NaiveDate,
) -> Result<bool, StorageError> {
    let result = needs::Entity::update_many()
        .col_expr(needs::Column::LastConfirmed, Expr::value(today))
        .filter(needs::Column::Key.eq(key))
        .filter(needs::Column::CompanyId.eq(company_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Pauses (`true`) or resumes (`false`) an own offer; returns whether the firm owns it.
pub async fn set_offer_paused(
    db: &DatabaseConnection,
    company_id: i64,
    key: &str,
    paused: bool,
) -> Result<bool, StorageError> {
    let result = offers::Entity::update_many()
        .col_expr(offers::Column::Paused, Expr::value(paused))
        .filter(offers::Column::Key.eq(key))
        .filter(offers::Column::CompanyId.eq(company_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Pauses (`true`) or resumes (`false`) an own need; returns whether the firm owns it.
pub async fn set_need_paused(
    db: &DatabaseConnection,
    company_id: i64,
    key: &str,
    paused: bool,
) -> Result<bool, StorageError> {
    let result = needs::Entity::update_many()
        .col_expr(needs::Column::Paused, Expr::value(paused))
        .filter(needs::Column::Key.eq(key))
        .filter(needs::Column::CompanyId.eq(company_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// The ids of paused offers and needs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PausedFlows {
    pub offers: HashSet<String>,
    pub needs: HashSet<String>,
}

impl PausedFlows {
    /// True when the offer `id` is paused.
    pub fn offer(&self, id: &str) -> bool {
        self.offers.contains(id)
    }

    /// True when the need `id` is paused.
    pub fn need(&self, id: &str) -> bool {
        self.needs.contains(id)
    }
}

/// The paused flows of one firm (`Some(company_id)`) or of the whole region (`None`).
pub async fn paused_flows(
    db: &impl ConnectionTrait,
    company_id: Option<i64>,
) -> Result<PausedFlows, StorageError> {
    let mut offer_query = offers::Entity::find()
        .select_only()
        .column(offers::Column::Key)
        .filter(offers::Column::Paused.eq(true));
    let mut need_query = needs::Entity::find()
        .select_only()
        .column(needs::Column::Key)
        .filter(needs::Column::Paused.eq(true));
    if let Some(company_id) = company_id {
        offer_query = offer_query.filter(offers::Column::CompanyId.eq(company_id));
        need_query = need_query.filter(needs::Column::CompanyId.eq(company_id));
    }
    Ok(PausedFlows {
        offers: offer_query
            .into_tuple::<String>()
            .all(db)
            .await?
            .into_iter()
            .collect(),
        needs: need_query
            .into_tuple::<String>()
            .all(db)
            .await?
            .into_iter()
            .collect(),
    })
}
