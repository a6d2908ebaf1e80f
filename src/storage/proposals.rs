//! Proposals of the region plan turned into exchanges by a coordinator, and the exchanges the
//! plan is compared with.
//!
//! A coordinator turns a loop, a chain or a pool into exchanges in one step: every link gets
//! an exchange (unless it has one already), a step by the coordinator is recorded on it, and
//! both firms are told — all in one transaction, so a proposal is never half made.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};

use super::StorageError;
use super::entities::{exchanges, needs, offers};
use super::exchanges::StepRecord;
use crate::domain::exchange::{ExchangeId, ExchangeStatus, Stage};

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
/// collection round's, or `app::exchanges::propose_links`'), each with the coordinator's
/// step. Links with an exchange already (in any stage) are left as they were; links whose
/// offer or need no longer exists are counted as missing.
pub async fn open_links_in(
    conn: &impl ConnectionTrait,
    links: &[Link],
    by: ProposedBy<'_>,
) -> Result<Opened, StorageError> {
    let mut opened = Opened::default();
    for link in links {
        match super::exchanges::open_in(conn, &link.offer, &link.need, by.at).await? {
            None => opened.missing += 1,
            Some(found) if !found.created => opened.existing.push(found.id.0),
            Some(created) => {
                record_proposal_in(conn, created.id, PROPOSED_BY_COORDINATOR, by).await?;
                opened.created.push(created.id.0);
            }
        }
    }
    Ok(opened)
}

/// The coordinator's step `step` on a new exchange (the stage stays "proposed"), with its
/// notice to both firms; false when the exchange had moved on already.
pub async fn record_proposal_in(
    conn: &impl ConnectionTrait,
    id: ExchangeId,
    step: &str,
    by: ProposedBy<'_>,
) -> Result<bool, StorageError> {
    let proposed = ExchangeStatus::proposed();
    let record = StepRecord {
        before: proposed,
        after: proposed,
        step,
        note: by.note,
        decline_reason: None,
        user_id: by.user_id,
        at: by.at,
    };
    super::exchanges::save_step_in(conn, id, record).await
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
