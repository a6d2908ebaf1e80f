//! Lists of exchanges: a firm's own, the region's most recent, the pairs a firm declined.

use std::collections::{HashMap, HashSet};

use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::domain::exchange::{ExchangeId, Stage};
use crate::storage::StorageError;
use crate::storage::coordinator::pair_keys;
use crate::storage::entities::{exchanges, needs, offers};

/// One exchange in a list: no history or tonnes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedExchange {
    pub id: ExchangeId,
    pub stage: Stage,
    pub offer_key: String,
    pub need_key: String,
    /// The offer's material as stored (an EWC code or a resource code).
    pub material: String,
    /// The offer's and the need's descriptions, how people recognise the flows.
    pub offer_description: String,
    pub need_description: String,
}

/// The exchanges a firm is a party to, newest first.
pub async fn for_company(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<Vec<ListedExchange>, StorageError> {
    let own_offers = offers::Entity::find()
        .filter(offers::Column::CompanyId.eq(company_id))
        .all(db)
        .await?;
    let own_needs = needs::Entity::find()
        .filter(needs::Column::CompanyId.eq(company_id))
        .all(db)
        .await?;
    let rows = exchanges::Entity::find()
        .filter(
            Condition::any()
                .add(exchanges::Column::OfferId.is_in(own_offers.iter().map(|o| o.id)))
                .add(exchanges::Column::NeedId.is_in(own_needs.iter().map(|n| n.id))),
        )
        .order_by_desc(exchanges::Column::Id)
        .all(db)
        .await?;
    with_keys(db, rows).await
}

/// The region's most recent exchanges (for coordinators), newest first, at most `limit`.
pub async fn recent(
    db: &DatabaseConnection,
    limit: u64,
) -> Result<Vec<ListedExchange>, StorageError> {
    let rows = exchanges::Entity::find()
        .order_by_desc(exchanges::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    with_keys(db, rows).await
}

/// `(offer key, need key)` of every declined exchange a firm is a party to: pairs that are
/// not proposed to it again.
pub async fn declined_pairs(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<HashSet<(String, String)>, StorageError> {
    // One query: the matches page asks for this on every view.
    let mut query = pair_keys(Query::select().from(exchanges::Entity).to_owned());
    query
        .and_where(
            Expr::col((exchanges::Entity, exchanges::Column::Stage)).eq(Stage::Declined.as_str()),
        )
        .cond_where(
            Condition::any()
                .add(Expr::col((offers::Entity, offers::Column::CompanyId)).eq(company_id))
                .add(Expr::col((needs::Entity, needs::Column::CompanyId)).eq(company_id)),
        );
    let mut pairs = HashSet::new();
    for row in db.query_all(&query).await? {
        pairs.insert((row.try_get("", "offer_key")?, row.try_get("", "need_key")?));
    }
    Ok(pairs)
}

/// The rows with their flows' keys, found in two queries (not one full record per row: a
/// list needs no history or tonnes).
async fn with_keys(
    db: &DatabaseConnection,
    rows: Vec<exchanges::Model>,
) -> Result<Vec<ListedExchange>, StorageError> {
    let offers: HashMap<i64, offers::Model> = offers::Entity::find()
        .filter(offers::Column::Id.is_in(rows.iter().map(|r| r.offer_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let needs: HashMap<i64, needs::Model> = needs::Entity::find()
        .filter(needs::Column::Id.is_in(rows.iter().map(|r| r.need_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.id, n))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            let offer = offers.get(&row.offer_id)?;
            let need = needs.get(&row.need_id)?;
            Some(ListedExchange {
                id: ExchangeId(row.id),
                // An unreadable stage counts as the start, never as running.
                stage: Stage::parse(&row.stage).unwrap_or(Stage::Proposed),
                offer_key: offer.key.clone(),
                need_key: need.key.clone(),
                material: offer.material.clone(),
                offer_description: offer.description.clone(),
                need_description: need.description.clone(),
            })
        })
        .collect())
}
