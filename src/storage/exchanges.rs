//! Exchanges with their recorded steps and tonnes. The lists of exchanges are in `listing`,
//! the firms behind an exchange or a suggested pair in `parties`.

mod listing;
mod parties;

pub use listing::{declined_pairs, for_company, recent};
pub use parties::{PairOwners, PartyRecord, contact, owners, pair_owners, party};

use std::collections::HashMap;

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};

use super::StorageError;
use super::entities::{exchange_events, exchange_tonnes, exchanges, needs, offers, users};
use crate::domain::exchange::{ExchangeStatus, Stage};
use crate::domain::{Confidentiality, Role};

/// One recorded step.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    pub step: String,
    pub from: String,
    pub to: String,
    pub note: String,
    pub at: NaiveDateTime,
    /// The user who took the step; `None` when the account no longer exists.
    pub by: Option<EventAuthor>,
}

/// The user behind a recorded step: pages decide how much of it a viewer may see.
#[derive(Debug, Clone, PartialEq)]
pub struct EventAuthor {
    pub user_id: i64,
    pub email: String,
    pub role: Role,
    /// The user's firm (none for coordinators and administrators).
    pub company_id: Option<i64>,
}

/// An exchange as its pages need it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangeRecord {
    pub id: i64,
    pub offer_key: String,
    pub supplier_company: i64,
    pub need_key: String,
    pub receiver_company: i64,
    /// How the supplier's offer and the receiver's need may be shown to the other side
    /// before both said interested.
    pub offer_confidentiality: Confidentiality,
    pub need_confidentiality: Confidentiality,
    /// The offer's material as stored (an EWC code or a resource name).
    pub material: String,
    pub status: ExchangeStatus,
    pub decline_reason: Option<String>,
    pub events: Vec<EventRecord>,
    /// `(period YYYY-MM, tonnes)` in the order recorded.
    pub tonnes: Vec<(String, f64)>,
}

/// A stored confidentiality; an unreadable one counts as the strictest.
fn confidentiality_of(stored: &str) -> Confidentiality {
    Confidentiality::parse(stored).unwrap_or(Confidentiality::CoordinatorOnly)
}

fn status_of(row: &exchanges::Model) -> ExchangeStatus {
    ExchangeStatus {
        stage: Stage::parse(&row.stage).unwrap_or(Stage::Proposed),
        supplier_interested: row.supplier_interested,
        receiver_interested: row.receiver_interested,
    }
}

/// The exchange of an offer and a need, created when there is none yet. `None` when either
/// flow does not exist. Runs on a connection or inside the caller's transaction.
pub async fn open(
    db: &impl ConnectionTrait,
    offer_key: &str,
    need_key: &str,
    now: NaiveDateTime,
) -> Result<Option<i64>, StorageError> {
    let offer = offers::Entity::find()
        .filter(offers::Column::Key.eq(offer_key))
        .one(db)
        .await?;
    let need = needs::Entity::find()
        .filter(needs::Column::Key.eq(need_key))
        .one(db)
        .await?;
    let (Some(offer), Some(need)) = (offer, need) else {
        return Ok(None);
    };
    if let Some(id) = exchange_of(db, offer.id, need.id).await? {
        return Ok(Some(id));
    }
    // Both firms of a pair may say "interested" in the same moment. The pair is unique: the
    // later insert leaves the earlier one's row (no error, which on PostgreSQL would abort
    // the caller's transaction) and both read back the one exchange.
    let proposed = ExchangeStatus::proposed();
    exchanges::Entity::insert(exchanges::ActiveModel {
        id: NotSet,
        offer_id: Set(offer.id),
        need_id: Set(need.id),
        stage: Set(proposed.stage.as_str().to_string()),
        supplier_interested: Set(false),
        receiver_interested: Set(false),
        decline_reason: Set(None),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([exchanges::Column::OfferId, exchanges::Column::NeedId])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    exchange_of(db, offer.id, need.id).await
}

/// The id of the exchange of the offer and the need with these database ids, if any.
async fn exchange_of(
    db: &impl ConnectionTrait,
    offer_id: i64,
    need_id: i64,
) -> Result<Option<i64>, StorageError> {
    Ok(exchanges::Entity::find()
        .select_only()
        .column(exchanges::Column::Id)
        .filter(exchanges::Column::OfferId.eq(offer_id))
        .filter(exchanges::Column::NeedId.eq(need_id))
        .into_tuple::<i64>()
        .one(db)
        .await?)
}

/// An exchange with its history and tonnes.
pub async fn get(db: &DatabaseConnection, id: i64) -> Result<Option<ExchangeRecord>, StorageError> {
    let Some(row) = exchanges::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let offer = offers::Entity::find_by_id(row.offer_id).one(db).await?;
    let need = needs::Entity::find_by_id(row.need_id).one(db).await?;
    let (Some(offer), Some(need)) = (offer, need) else {
        return Ok(None);
    };
    let rows = exchange_events::Entity::find()
        .filter(exchange_events::Column::ExchangeId.eq(id))
        .order_by_asc(exchange_events::Column::Id)
        .all(db)
        .await?;
    let authors = authors(db, rows.iter().filter_map(|e| e.user_id)).await?;
    let events = rows
        .into_iter()
        .map(|e| EventRecord {
            by: e.user_id.and_then(|user| authors.get(&user).cloned()),
            step: e.step,
            from: e.from_stage,
            to: e.to_stage,
            note: e.note,
            at: e.at,
        })
        .collect();
    let tonnes = exchange_tonnes::Entity::find()
        .filter(exchange_tonnes::Column::ExchangeId.eq(id))
        .order_by_asc(exchange_tonnes::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.period, t.tonnes))
        .collect();
    Ok(Some(ExchangeRecord {
        id,
        status: status_of(&row),
        offer_confidentiality: confidentiality_of(&offer.confidentiality),
        need_confidentiality: confidentiality_of(&need.confidentiality),
        material: offer.material,
        offer_key: offer.key,
        supplier_company: offer.company_id,
        need_key: need.key,
        receiver_company: need.company_id,
        decline_reason: row.decline_reason,
        events,
        tonnes,
    }))
}

/// The users behind recorded steps, by id.
async fn authors(
    db: &DatabaseConnection,
    user_ids: impl Iterator<Item = i64>,
) -> Result<HashMap<i64, EventAuthor>, StorageError> {
    let mut ids: Vec<i64> = user_ids.collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(users::Entity::find()
        .filter(users::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| {
            let author = EventAuthor {
                user_id: u.id,
                // An unreadable role gets no staff rights on the page either.
                role: Role::parse(&u.role).unwrap_or(Role::Firm),
                email: u.email,
                company_id: u.company_id,
            };
            (author.user_id, author)
        })
        .collect())
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

/// Saves a step in one transaction.
pub async fn save_step(
    db: &DatabaseConnection,
    id: i64,
    record: StepRecord<'_>,
) -> Result<bool, StorageError> {
    let txn = db.begin().await?;
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
            exchanges::Column::DeclineReason,
            Expr::value(record.decline_reason.map(str::to_string)),
        )
        .filter(exchanges::Column::Id.eq(id))
        .filter(exchanges::Column::Stage.eq(record.before.stage.as_str()))
        .filter(exchanges::Column::SupplierInterested.eq(record.before.supplier_interested))
        .filter(exchanges::Column::ReceiverInterested.eq(record.before.receiver_interested))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        return Ok(false);
    }
    exchange_events::Entity::insert(exchange_events::ActiveModel {
        id: NotSet,
        exchange_id: Set(id),
        user_id: Set(Some(record.user_id)),
        step: Set(record.step.to_string()),
        from_stage: Set(record.before.stage.as_str().to_string()),
        to_stage: Set(record.after.stage.as_str().to_string()),
        note: Set(record.note.to_string()),
        at: Set(record.at),
    })
    .exec_without_returning(&txn)
    .await?;
    // The other party hears of it in the same transaction: no step without its notice.
    super::notifications::exchange_step(&txn, id, &record).await?;
    txn.commit().await?;
    Ok(true)
}

/// Records tonnes moved in a period.
pub async fn record_tonnes(
    db: &DatabaseConnection,
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
