//! The full flows of one page of market results (or one listing), with their firms.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};

use crate::domain::{Firm, Flow, FlowKind};
use crate::storage::StorageError;
use crate::storage::entities::{companies, need_accepts, needs, offers};
use crate::storage::rows::{firm_from_row, need_from_row, offer_from_row};

/// A flow of the market with its firm, for a page of results or a listing.
#[derive(Debug, Clone)]
pub struct MarketFlow {
    pub flow: Flow,
    pub company_id: i64,
    pub firm: Firm,
    pub paused: bool,
}

/// The flows `keys` of `kind` with their firms, in no particular order; keys without a flow
/// are left out.
pub async fn market_flows(
    db: &DatabaseConnection,
    kind: FlowKind,
    keys: &[String],
) -> Result<Vec<MarketFlow>, StorageError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let txn = crate::storage::consistent_read(db).await?;
    let (offer_rows, need_rows) = match kind {
        FlowKind::Offer => (
            offers::Entity::find()
                .filter(offers::Column::Key.is_in(keys.iter().cloned()))
                .all(&txn)
                .await?,
            Vec::new(),
        ),
        FlowKind::Need => (
            Vec::new(),
            needs::Entity::find()
                .filter(needs::Column::Key.is_in(keys.iter().cloned()))
                .all(&txn)
                .await?,
        ),
    };
    let company_ids =
        (offer_rows.iter().map(|r| r.company_id)).chain(need_rows.iter().map(|r| r.company_id));
    let firm_rows = companies::Entity::find()
        .filter(companies::Column::Id.is_in(company_ids))
        .all(&txn)
        .await?;
    let accepted = accepted_by_need(&txn, &need_rows).await?;
    txn.commit().await?;
    let firms: HashMap<i64, Firm> = firm_rows
        .into_iter()
        .map(|row| Ok((row.id, firm_from_row(row)?)))
        .collect::<Result<_, StorageError>>()?;
    with_firms(&firms, offer_rows, need_rows, accepted)
}

/// The accepted entries of the needs `rows`, by need id, in their order.
async fn accepted_by_need(
    db: &impl ConnectionTrait,
    rows: &[needs::Model],
) -> Result<HashMap<i64, Vec<String>>, StorageError> {
    let mut accepted: HashMap<i64, Vec<String>> = HashMap::new();
    for row in need_accepts::Entity::find()
        .filter(need_accepts::Column::NeedId.is_in(rows.iter().map(|r| r.id)))
        .order_by_asc(need_accepts::Column::Position)
        .all(db)
        .await?
    {
        accepted.entry(row.need_id).or_default().push(row.code);
    }
    Ok(accepted)
}

/// The rows as flows with their firms; a row whose firm is gone is left out.
fn with_firms(
    firms: &HashMap<i64, Firm>,
    offer_rows: Vec<offers::Model>,
    need_rows: Vec<needs::Model>,
    mut accepted: HashMap<i64, Vec<String>>,
) -> Result<Vec<MarketFlow>, StorageError> {
    let key_of = |company: i64| firms.get(&company).map(|f| f.id().as_str().to_string());
    let mut found: Vec<(i64, bool, Flow)> = Vec::new();
    for row in offer_rows {
        let Some(firm_key) = key_of(row.company_id) else {
            continue;
        };
        let (company, paused) = (row.company_id, row.paused);
        found.push((company, paused, Flow::Offer(offer_from_row(row, firm_key)?)));
    }
    for row in need_rows {
        let Some(firm_key) = key_of(row.company_id) else {
            continue;
        };
        let (company, paused) = (row.company_id, row.paused);
        let codes = accepted.remove(&row.id).unwrap_or_default();
        found.push((
            company,
            paused,
            Flow::Need(need_from_row(row, firm_key, codes)?),
        ));
    }
    Ok(found
        .into_iter()
        .map(|(company_id, paused, flow)| MarketFlow {
            flow,
            company_id,
            firm: firms[&company_id].clone(),
            paused,
        })
        .collect())
}

/// The point of the firm `company_id` (latitude, longitude); `None` when there is no such firm.
pub async fn firm_point(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<Option<(f64, f64)>, StorageError> {
    Ok(companies::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .map(|row| (row.lat, row.lon)))
}
