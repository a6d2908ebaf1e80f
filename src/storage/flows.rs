//! One firm's own flows: add, read, change, pause and delete, always scoped to the firm that
//! owns them. Offers and needs take the same path: the two tables share the columns these
//! functions filter and set on, so one statement serves both.

use std::collections::HashSet;

use sea_orm::ActiveValue::NotSet;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityName, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, TransactionTrait, Value,
};

use super::StorageError;
use super::entities::{companies, exchanges, need_accepts, needs, offers};
use super::rows::{accepts_to_rows, need_from_row, need_to_row, offer_from_row, offer_to_row};
use crate::domain::{Flow, FlowKind, Need};

/// The table that holds flows of `kind`.
fn table_of(kind: FlowKind) -> Alias {
    Alias::new(match kind {
        FlowKind::Offer => offers::Entity.table_name(),
        FlowKind::Need => needs::Entity.table_name(),
    })
}

/// The rows of `kind` that are the firm's flow `key` (none when another firm owns it).
fn own_row(company_id: i64, key: &str) -> SimpleExpr {
    Expr::col(Alias::new("key"))
        .eq(key)
        .and(Expr::col(Alias::new("company_id")).eq(company_id))
}

/// The database id of the firm's own flow `key` of `kind`; `None` when it has none.
async fn own_row_id(
    db: &impl ConnectionTrait,
    kind: FlowKind,
    company_id: i64,
    key: &str,
) -> Result<Option<i64>, StorageError> {
    let query = Query::select()
        .column(Alias::new("id"))
        .from(table_of(kind))
        .cond_where(own_row(company_id, key))
        .to_owned();
    match db.query_one(&query).await? {
        Some(row) => Ok(Some(row.try_get::<i64>("", "id")?)),
        None => Ok(None),
    }
}

/// Sets `column` to `value` on the firm's own flow `key`; returns whether the firm owns it.
async fn set_on_own(
    db: &DatabaseConnection,
    kind: FlowKind,
    company_id: i64,
    key: &str,
    (column, value): (&str, Value),
) -> Result<bool, StorageError> {
    let update = Query::update()
        .table(table_of(kind))
        .value(Alias::new(column), value)
        .cond_where(own_row(company_id, key))
        .to_owned();
    Ok(db.execute(&update).await?.rows_affected() == 1)
}

/// Adds a flow of the firm with database id `company_id` (a need with its acceptance list),
/// in one transaction.
pub async fn add_flow(
    db: &DatabaseConnection,
    company_id: i64,
    flow: &Flow,
) -> Result<(), StorageError> {
    let txn = db.begin().await?;
    let key = flow.basics().id().as_str();
    let duplicate = |e| StorageError::from_db(e, flow.kind().noun(), key);
    match flow {
        Flow::Offer(offer) => {
            offers::Entity::insert(offer_to_row(offer, company_id))
                .exec_without_returning(&txn)
                .await
                .map_err(duplicate)?;
        }
        Flow::Need(need) => {
            let inserted = needs::Entity::insert(need_to_row(need, company_id))
                .exec(&txn)
                .await
                .map_err(duplicate)?;
            insert_accepts(&txn, need, inserted.last_insert_id).await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

/// Stores a need's acceptance list under the need's database id.
async fn insert_accepts(
    txn: &DatabaseTransaction,
    need: &Need,
    need_id: i64,
) -> Result<(), StorageError> {
    need_accepts::Entity::insert_many(accepts_to_rows(need, need_id))
        .exec_without_returning(txn)
        .await?;
    Ok(())
}

/// The firm's identifier, which flows read back from rows carry.
async fn firm_key(db: &impl ConnectionTrait, company_id: i64) -> Result<String, StorageError> {
    Ok(companies::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .map(|row| row.key)
        .unwrap_or_default())
}

/// One of the firm's own flows of `kind` (a need with its acceptance list); `None` when it
/// has no such flow `key` (another firm's included). Read it inside a transaction, so that a
/// need and its codes belong together.
pub async fn own_flow(
    db: &impl ConnectionTrait,
    company_id: i64,
    kind: FlowKind,
    key: &str,
) -> Result<Option<Flow>, StorageError> {
    let Some(id) = own_row_id(db, kind, company_id, key).await? else {
        return Ok(None);
    };
    let firm = firm_key(db, company_id).await?;
    let flow = match kind {
        FlowKind::Offer => offers::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|row| offer_from_row(row, firm).map(Flow::Offer)),
        FlowKind::Need => match needs::Entity::find_by_id(id).one(db).await? {
            Some(row) => {
                let accepts = accepted_codes(db, id).await?;
                Some(need_from_row(row, firm, accepts).map(Flow::Need))
            }
            None => None,
        },
    };
    flow.transpose()
}

/// The codes a need accepts, in its order.
async fn accepted_codes(
    db: &impl ConnectionTrait,
    need_id: i64,
) -> Result<Vec<String>, StorageError> {
    Ok(need_accepts::Entity::find()
        .filter(need_accepts::Column::NeedId.eq(need_id))
        .order_by_asc(need_accepts::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|accepted| accepted.code)
        .collect())
}

/// Replaces an own flow's values (and a need's acceptance list) by `flow`'s (same id);
/// returns whether the firm owns it. Whether it is paused does not change. Call it inside a
/// write transaction (see [`super::write_transaction`]): a need's row and its codes change
/// together.
pub async fn update_flow(
    txn: &DatabaseTransaction,
    company_id: i64,
    flow: &Flow,
) -> Result<bool, StorageError> {
    let key = flow.basics().id().as_str();
    let Some(id) = own_row_id(txn, flow.kind(), company_id, key).await? else {
        return Ok(false);
    };
    match flow {
        Flow::Offer(offer) => {
            let mut row = offer_to_row(offer, company_id);
            // The key and the owner identify the row; the pause is the firm's separate choice.
            (row.key, row.company_id, row.paused) = (NotSet, NotSet, NotSet);
            offers::Entity::update_many()
                .set(row)
                .filter(offers::Column::Id.eq(id))
                .exec(txn)
                .await?;
        }
        Flow::Need(need) => {
            let mut row = need_to_row(need, company_id);
            (row.key, row.company_id, row.paused) = (NotSet, NotSet, NotSet);
            needs::Entity::update_many()
                .set(row)
                .filter(needs::Column::Id.eq(id))
                .exec(txn)
                .await?;
            need_accepts::Entity::delete_many()
                .filter(need_accepts::Column::NeedId.eq(id))
                .exec(txn)
                .await?;
            insert_accepts(txn, need, id).await?;
        }
    }
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

/// Deletes a flow (a need with its acceptance list) if, and only if, it belongs to the firm
/// and no exchange names it.
pub async fn delete_flow(
    db: &DatabaseConnection,
    company_id: i64,
    kind: FlowKind,
    key: &str,
) -> Result<Deletion, StorageError> {
    let txn = super::write_transaction(db).await?;
    let Some(id) = own_row_id(&txn, kind, company_id, key).await? else {
        return Ok(Deletion::NotFound);
    };
    let column = match kind {
        FlowKind::Offer => exchanges::Column::OfferId,
        FlowKind::Need => exchanges::Column::NeedId,
    };
    let named = exchanges::Entity::find()
        .filter(column.eq(id))
        .count(&txn)
        .await?;
    if named > 0 {
        return Ok(Deletion::InAnExchange);
    }
    let delete = Query::delete()
        .from_table(table_of(kind))
        .and_where(Expr::col(Alias::new("id")).eq(id))
        .to_owned();
    txn.execute(&delete).await?;
    txn.commit().await?;
    Ok(Deletion::Deleted)
}

/// Marks an own flow as still current `today`; returns whether the firm owns it.
pub async fn confirm_flow(
    db: &DatabaseConnection,
    company_id: i64,
    kind: FlowKind,
    key: &str,
    today: chrono::NaiveDate,
) -> Result<bool, StorageError> {
    let change = ("last_confirmed", today.into());
    set_on_own(db, kind, company_id, key, change).await
}

/// Pauses (`true`) or resumes (`false`) an own flow; returns whether the firm owns it.
pub async fn set_flow_paused(
    db: &DatabaseConnection,
    company_id: i64,
    kind: FlowKind,
    key: &str,
    paused: bool,
) -> Result<bool, StorageError> {
    set_on_own(db, kind, company_id, key, ("paused", paused.into())).await
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
