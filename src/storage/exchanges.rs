//! Exchanges with their recorded steps and tonnes. The lists of exchanges are in `listing`,
//! the firms behind an exchange or a suggested pair in `parties`.

mod listing;
pub mod messages;
mod parties;
mod steps;

pub use listing::{ListedExchange, declined_pairs, for_company, recent};
pub use parties::{PairOwners, PartyRecord, contact, owners, pair_owners, party};
pub use steps::{StepRecord, record_tonnes, record_tonnes_in, save_step, save_step_in, status_in};

use std::collections::HashMap;

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::StorageError;
use super::entities::{exchange_events, exchange_tonnes, exchanges, needs, offers, users};
use crate::domain::exchange::{ExchangeId, ExchangeStatus, Month, Side, Stage};
use crate::domain::{Confidentiality, Role};
use crate::domain::{FieldProblem, Problems};

/// One recorded step.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    pub step: String,
    /// The stages before and after; `None` for a stored stage no longer known.
    pub from: Option<Stage>,
    pub to: Option<Stage>,
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
    pub id: ExchangeId,
    pub offer_key: String,
    pub supplier_company: i64,
    pub need_key: String,
    pub receiver_company: i64,
    /// The offer's and the need's descriptions, how people recognise the flows.
    pub offer_description: String,
    pub need_description: String,
    /// How the supplier's offer and the receiver's need may be shown to the other side
    /// before both said interested.
    pub offer_confidentiality: Confidentiality,
    pub need_confidentiality: Confidentiality,
    /// The offer's material as stored (an EWC code or a resource name).
    pub material: String,
    pub status: ExchangeStatus,
    pub decline_reason: Option<String>,
    pub events: Vec<EventRecord>,
    /// `(month, tonnes)` in the order recorded.
    pub tonnes: Vec<(Month, f64)>,
}

/// A stored confidentiality; an unreadable one counts as the strictest.
fn confidentiality_of(stored: &str) -> Confidentiality {
    Confidentiality::parse(stored).unwrap_or(Confidentiality::CoordinatorOnly)
}

pub(super) fn status_of(row: &exchanges::Model) -> ExchangeStatus {
    ExchangeStatus {
        stage: Stage::parse(&row.stage).unwrap_or(Stage::Proposed),
        supplier_interested: row.supplier_interested,
        receiver_interested: row.receiver_interested,
        confirmed_by: row.confirmed_by.as_deref().and_then(Side::parse),
    }
}

/// An exchange found or created for a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenedExchange {
    pub id: ExchangeId,
    /// Created now (false: the pair had its exchange already).
    pub created: bool,
}

/// The exchange of an offer and a need, created when there is none yet. `None` when either
/// flow does not exist. Runs on a connection or inside the caller's transaction.
pub async fn open(
    db: &impl ConnectionTrait,
    offer_key: &str,
    need_key: &str,
    now: NaiveDateTime,
) -> Result<Option<i64>, StorageError> {
    Ok(open_in(db, offer_key, need_key, now)
        .await?
        .map(|opened| opened.id.0))
}

/// [`open`], saying whether the exchange was created now. Inside a write transaction
/// ([`write_transaction`](super::write_transaction)) "created" is exact; on a bare
/// connection two opens of the same pair may both believe they created it.
pub async fn open_in(
    db: &impl ConnectionTrait,
    offer_key: &str,
    need_key: &str,
    now: NaiveDateTime,
) -> Result<Option<OpenedExchange>, StorageError> {
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
        return Ok(Some(OpenedExchange {
            id: ExchangeId(id),
            created: false,
        }));
    }
    // Both firms of a pair may say "interested" in the same moment. The pair is unique: the
    // later insert leaves the earlier one's row (no error, which on PostgreSQL would abort
    // the caller's transaction) and both read back the one exchange.
    let proposed = ExchangeStatus::proposed();
    let inserted = exchanges::Entity::insert(exchanges::ActiveModel {
        id: NotSet,
        offer_id: Set(offer.id),
        need_id: Set(need.id),
        stage: Set(proposed.stage.as_str().to_string()),
        supplier_interested: Set(false),
        receiver_interested: Set(false),
        decline_reason: Set(None),
        confirmed_by: Set(None),
        created_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([exchanges::Column::OfferId, exchanges::Column::NeedId])
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(exchange_of(db, offer.id, need.id)
        .await?
        .map(|id| OpenedExchange {
            id: ExchangeId(id),
            created: inserted == 1,
        }))
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

/// An exchange with its history and tonnes, on a connection or inside a transaction.
pub async fn get(
    db: &impl ConnectionTrait,
    id: ExchangeId,
) -> Result<Option<ExchangeRecord>, StorageError> {
    let Some(row) = exchanges::Entity::find_by_id(id.0).one(db).await? else {
        return Ok(None);
    };
    let offer = offers::Entity::find_by_id(row.offer_id).one(db).await?;
    let need = needs::Entity::find_by_id(row.need_id).one(db).await?;
    let (Some(offer), Some(need)) = (offer, need) else {
        return Ok(None);
    };
    let rows = exchange_events::Entity::find()
        .filter(exchange_events::Column::ExchangeId.eq(id.0))
        .order_by_asc(exchange_events::Column::Id)
        .all(db)
        .await?;
    let authors = authors(db, rows.iter().filter_map(|e| e.user_id)).await?;
    let events = rows
        .into_iter()
        .map(|e| EventRecord {
            by: e.user_id.and_then(|user| authors.get(&user).cloned()),
            step: e.step,
            from: Stage::parse(&e.from_stage),
            to: Stage::parse(&e.to_stage),
            note: e.note,
            at: e.at,
        })
        .collect();
    let tonnes = exchange_tonnes::Entity::find()
        .filter(exchange_tonnes::Column::ExchangeId.eq(id.0))
        .order_by_asc(exchange_tonnes::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(month_of)
        .collect::<Result<_, _>>()?;
    Ok(Some(ExchangeRecord {
        id,
        status: status_of(&row),
        offer_confidentiality: confidentiality_of(&offer.confidentiality),
        need_confidentiality: confidentiality_of(&need.confidentiality),
        material: offer.material,
        offer_key: offer.key,
        offer_description: offer.description,
        supplier_company: offer.company_id,
        need_key: need.key,
        need_description: need.description,
        receiver_company: need.company_id,
        decline_reason: row.decline_reason,
        events,
        tonnes,
    }))
}

/// A recorded row of tonnes as its month and tonnes; a month no longer readable is corrupt.
fn month_of(row: exchange_tonnes::Model) -> Result<(Month, f64), StorageError> {
    match Month::parse(&row.period) {
        Some(month) => Ok((month, row.tonnes)),
        None => Err(StorageError::Corrupt {
            table: "exchange_tonnes",
            key: row.id.to_string(),
            problems: Problems(vec![FieldProblem::new("period", "not a month (YYYY-MM)")]),
        }),
    }
}

/// The users behind recorded steps, by id.
async fn authors(
    db: &impl ConnectionTrait,
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
