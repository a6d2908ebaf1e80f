//! The changes of an exchange after its opening: a step (its new status, its line in the
//! history and the other party's notice, together) and the tonnes moved in a month.

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};

use super::status_of;
use crate::domain::exchange::{ExchangeId, ExchangeStatus, Month};
use crate::storage::StorageError;
use crate::storage::entities::{exchange_events, exchange_tonnes, exchanges};

/// The status of an exchange, read inside the caller's transaction; `None` when there is no
/// such exchange.
pub async fn status_in(
    conn: &impl ConnectionTrait,
    id: ExchangeId,
) -> Result<Option<ExchangeStatus>, StorageError> {
    // Locked for the rest of the transaction (FOR UPDATE on PostgreSQL; SQLite's write
    // transaction holds the whole database already): two clicks at once then read the status
    // one after the other instead of both acting on the same old one.
    Ok(exchanges::Entity::find_by_id(id.0)
        .lock_exclusive()
        .one(conn)
        .await?
        .as_ref()
        .map(status_of))
}

/// A step taken: the new status and its record, written only if nobody changed the exchange
/// in between (returns false then).
pub struct StepRecord<'a> {
    pub before: ExchangeStatus,
    pub after: ExchangeStatus,
    pub step: &'a str,
    pub note: &'a str,
    pub decline_reason: Option<&'a str>,
    pub user_id: i64,
    pub at: NaiveDateTime,
}

/// Saves a step in a transaction of its own (see [`save_step_in`]).
pub async fn save_step(
    db: &DatabaseConnection,
    id: i64,
    record: StepRecord<'_>,
) -> Result<bool, StorageError> {
    let txn = crate::storage::write_transaction(db).await?;
    let saved = save_step_in(&txn, ExchangeId(id), record).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Saves a step inside the caller's transaction: the status changes only if it is still
/// `record.before` (returns false otherwise, and writes nothing), the step goes into the
/// history and the other party hears of it.
pub async fn save_step_in(
    txn: &impl ConnectionTrait,
    id: ExchangeId,
    record: StepRecord<'_>,
) -> Result<bool, StorageError> {
    let updated = exchanges::Entity::update_many()
        .col_expr(
            exchanges::Column::Stage,
            Expr::value(record.after.stage.as_str()),
        )
        .col_expr(
            exchanges::Column::SupplierInterested,
            Expr::value(record.after.supplier_interested),
        )
        .col_expr(
            exchanges::Column::ReceiverInterested,
            Expr::value(record.after.receiver_interested),
        )
        .col_expr(
            exchanges::Column::ConfirmedBy,
            Expr::value(
                record
                    .after
                    .confirmed_by
                    .map(|side| side.as_str().to_string()),
            ),
        )
        .col_expr(
            exchanges::Column::DeclineReason,
            Expr::value(record.decline_reason.map(str::to_string)),
        )
        .filter(exchanges::Column::Id.eq(id.0))
        .filter(exchanges::Column::Stage.eq(record.before.stage.as_str()))
        .filter(exchanges::Column::SupplierInterested.eq(record.before.supplier_interested))
        .filter(exchanges::Column::ReceiverInterested.eq(record.before.receiver_interested))
        .filter(match record.before.confirmed_by {
            Some(side) => exchanges::Column::ConfirmedBy.eq(side.as_str()),
            None => exchanges::Column::ConfirmedBy.is_null(),
        })
        .exec(txn)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(false);
    }
    exchange_events::Entity::insert(exchange_events::ActiveModel {
        id: NotSet,
        exchange_id: Set(id.0),
        user_id: Set(Some(record.user_id)),
        step: Set(record.step.to_string()),
        from_stage: Set(record.before.stage.as_str().to_string()),
        to_stage: Set(record.after.stage.as_str().to_string()),
        note: Set(record.note.to_string()),
        at: Set(record.at),
    })
    .exec_without_returning(txn)
    .await?;
    // The other party hears of it in the same transaction: no step without its notice.
    crate::storage::notifications::exchange_step(txn, id.0, &record).await?;
    Ok(true)
}

/// Records tonnes moved in a month, inside the caller's transaction.
pub async fn record_tonnes_in(
    conn: &impl ConnectionTrait,
    id: ExchangeId,
    month: Month,
    tonnes: f64,
    user_id: i64,
    at: NaiveDateTime,
) -> Result<(), StorageError> {
    record_tonnes(conn, id.0, &month.to_string(), tonnes, user_id, at).await
}

/// Records tonnes moved in a period (`YYYY-MM`), on a connection or in a transaction.
pub async fn record_tonnes(
    db: &impl ConnectionTrait,
    id: i64,
    period: &str,
    tonnes: f64,
    user_id: i64,
    at: NaiveDateTime,
) -> Result<(), StorageError> {
    exchange_tonnes::Entity::insert(exchange_tonnes::ActiveModel {
        id: NotSet,
        exchange_id: Set(id),
        period: Set(period.to_string()),
        tonnes: Set(tonnes),
        user_id: Set(Some(user_id)),
        at: Set(at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}
