//! One firm's own flows: add and delete, always scoped to the firm that owns them.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

use super::StorageError;
use super::entities::{need_accepts, needs, offers};
use super::rows::{accepts_to_rows, need_to_row, offer_to_row};
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

/// Deletes an offer if, and only if, it belongs to the firm; returns whether one was deleted.
pub async fn delete_offer(
    db: &DatabaseConnection,
    company_id: i64,
    key: &str,
) -> Result<bool, StorageError> {
    let result = offers::Entity::delete_many()
        .filter(offers::Column::Key.eq(key))
        .filter(offers::Column::CompanyId.eq(company_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Deletes a need (and its acceptance list) if, and only if, it belongs to the firm.
pub async fn delete_need(
    db: &DatabaseConnection,
    company_id: i64,
    key: &str,
) -> Result<bool, StorageError> {
    let result = needs::Entity::delete_many()
        .filter(needs::Column::Key.eq(key))
        .filter(needs::Column::CompanyId.eq(company_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Marks an own offer as still current today; returns whether the firm owns it.
pub async fn confirm_offer(
    db: &DatabaseConnection,
    company_id: i64,
    key: &str,
    today: chrono::NaiveDate,
) -> Result<bool, StorageError> {
    let result = offers::Entity::update_many()
        .col_expr(
            offers::Column::LastConfirmed,
            sea_orm::sea_query::Expr::value(today),
        )
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
        .col_expr(
            needs::Column::LastConfirmed,
            sea_orm::sea_query::Expr::value(today),
        )
        .filter(needs::Column::Key.eq(key))
        .filter(needs::Column::CompanyId.eq(company_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
