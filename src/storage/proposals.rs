//! Proposals of the region plan turned into exchanges by a coordinator, and the exchanges the
//! plan is compared with.
//!
//! A coordinator turns a loop, a chain or a pool into exchanges in one step: every link gets
//! an exchange (unless it has one already), a step by the coordinator is recorded on it, and
//! both firms are told — all in one transaction, so a proposal is never half made.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};

use super::StorageError;
use super::entities::{exchange_events, exchanges, needs, offers};
use super::exchanges::StepRecord;
use crate::domain::exchange::{ExchangeStatus, Stage};

/// The step recorded on an exchange a coordinator proposed (stored; never renamed).
pub const PROPOSED_BY_COORDINATOR: &str = "proposed by a coordinator";

/// One offer→need link of a proposal, by the flows' keys.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Link {
    pub offer: String,
    pub need: String,
}

/// What turning links into exchanges did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opened {
    /// Exchanges created now, in the order of the links.
    pub created: Vec<i64>,
    /// Links that had an exchange already (in any stage): left as they were.
    pub existing: Vec<i64>,
    /// Links whose offer or need no longer exists.
    pub missing: usize,
}

/// Who proposes, when, and the note every new exchange's first step carries.
#[derive(Debug, Clone, Copy)]
pub struct ProposedBy<'a> {
    pub user_id: i64,
    pub note: &'a str,
    pub at: NaiveDateTime,
}

/// Opens an exchange for every link that has none yet, inside the caller's transaction (a
/// collection round's; a loop's or chain's links are opened by
/// `app::exchanges::propose_links`).
pub(super) async fn open_links_in(
    conn: &impl ConnectionTrait,
    links: &[Link],
    by: ProposedBy<'_>,
) -> Result<Opened, StorageError> {
    let mut opened = Opened::default();
    for link in links {
        match existing_exchange(conn, link).await? {
            None => opened.missing += 1,
            Some(Some(id)) => opened.existing.push(id),
            Some(None) => {
                let Some(id) = super::exchanges::open(conn, &link.offer, &link.need, by.at).await?
                else {
                    opened.missing += 1;
                    continue;
                };
                record_proposal(conn, id, by).await?;
                opened.created.push(id);
            }
        }
    }
    Ok(opened)
}

/// `None` when a flow is missing, else the pair's exchange if it has one.
async fn existing_exchange(
    conn: &impl ConnectionTrait,
    link: &Link,
) -> Result<Option<Option<i64>>, StorageError> {
    let offer = offers::Entity::find()
        .filter(offers::Column::Key.eq(&link.offer))
        .one(conn)
        .await?;
    let need = needs::Entity::find()
        .filter(needs::Column::Key.eq(&link.need))
        .one(conn)
        .await?;
    let (Some(offer), Some(need)) = (offer, need) else {
        return Ok(None);
    };
    let existing = exchanges::Entity::find()
        .filter(exchanges::Column::OfferId.eq(offer.id))
        .filter(exchanges::Column::NeedId.eq(need.id))
        .one(conn)
        .await?;
    Ok(Some(existing.map(|row| row.id)))
}

/// The coordinator's step on a new exchange, and the notice to both firms.
async fn record_proposal(
    conn: &impl ConnectionTrait,
    id: i64,
    by: ProposedBy<'_>,
) -> Result<(), StorageError> {
    let proposed = ExchangeStatus::proposed();
    exchange_events::Entity::insert(exchange_events::ActiveModel {
        id: NotSet,
        exchange_id: Set(id),
        user_id: Set(Some(by.user_id)),
        step: Set(PROPOSED_BY_COORDINATOR.to_string()),
        from_stage: Set(proposed.stage.as_str().to_string()),
        to_stage: Set(proposed.stage.as_str().to_string()),
        note: Set(by.note.to_string()),
        at: Set(by.at),
    })
    .exec_without_returning(conn)
    .await?;
    let step = StepRecord {
        before: proposed,
        after: proposed,
        step: PROPOSED_BY_COORDINATOR,
        note: by.note,
        decline_reason: None,
        user_id: by.user_id,
        at: by.at,
    };
    super::notifications::exchange_step(conn, id, &step).await
}

/// An exchange as the plan is compared with it.
#[derive(Debug, Clone, PartialEq)]
pub struct ExchangePair {
    pub id: i64,
    pub offer_key: String,
    pub need_key: String,
    pub stage: Stage,
}

/// Ids per query: well under the bind-parameter limits of SQLite and PostgreSQL.
const CHUNK: usize = 500;

/// Every exchange of the region with its flows' keys, oldest first.
pub async fn exchange_pairs(db: &DatabaseConnection) -> Result<Vec<ExchangePair>, StorageError> {
    let rows: Vec<(i64, i64, i64, String)> = exchanges::Entity::find()
        .select_only()
        .column(exchanges::Column::Id)
        .column(exchanges::Column::OfferId)
        .column(exchanges::Column::NeedId)
        .column(exchanges::Column::Stage)
        .into_tuple()
        .all(db)
        .await?;
    let offer_ids = rows.iter().map(|r| r.1).collect();
    let offer_keys =
        keys_of::<offers::Entity>(db, offer_ids, offers::Column::Id, offers::Column::Key).await?;
    let need_ids = rows.iter().map(|r| r.2).collect();
    let need_keys =
        keys_of::<needs::Entity>(db, need_ids, needs::Column::Id, needs::Column::Key).await?;
    let mut pairs: Vec<ExchangePair> = rows
        .into_iter()
        .filter_map(|(id, offer, need, stage)| {
            Some(ExchangePair {
                id,
                offer_key: offer_keys.get(&offer)?.clone(),
                need_key: need_keys.get(&need)?.clone(),
                // An unreadable stage counts as the start, never as running.
                stage: Stage::parse(&stage).unwrap_or(Stage::Proposed),
            })
        })
        .collect();
    pairs.sort_by_key(|p| p.id);
    Ok(pairs)
}

/// The keys of the rows of `E` (offers or needs) with these ids, by id, a chunk at a time.
async fn keys_of<E: EntityTrait>(
    db: &DatabaseConnection,
    mut ids: Vec<i64>,
    id: E::Column,
    key: E::Column,
) -> Result<HashMap<i64, String>, StorageError> {
    ids.sort_unstable();
    ids.dedup();
    let mut keys = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(i64, String)> = E::find()
            .select_only()
            .column(id)
            .column(key)
            .filter(id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        keys.extend(rows);
    }
    Ok(keys)
}
