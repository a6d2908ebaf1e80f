//! Read models for pages: a page of firms with their flows.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use super::StorageError;
use super::entities::{companies, need_accepts, needs, offers};
use super::rows::{firm_from_row, need_from_row, offer_from_row};
use crate::domain::{Firm, Need, Offer};

/// A firm with its offers and needs.
#[derive(Debug, Clone)]
pub struct FirmWithFlows {
    pub firm: Firm,
    pub offers: Vec<Offer>,
    pub needs: Vec<Need>,
}

/// One page of firms, optionally of one municipality, ordered by name.
#[derive(Debug, Clone)]
pub struct FirmPage {
    pub firms: Vec<FirmWithFlows>,
    /// Firms matching the filter, over all pages.
    pub total: u64,
}

/// The municipalities present, with their number of firms, by name.
pub async fn municipalities(db: &impl ConnectionTrait) -> Result<Vec<(String, i64)>, StorageError> {
    Ok(companies::Entity::find()
        .select_only()
        .column(companies::Column::Municipality)
        .column_as(companies::Column::Id.count(), "firms")
        .group_by(companies::Column::Municipality)
        .order_by_asc(companies::Column::Municipality)
        .into_tuple()
        .all(db)
        .await?)
}

/// Firms `offset..offset + limit` by name, with their flows, as of one moment (a need is
/// never read without its accepted materials, even when deleted meanwhile).
pub async fn firm_page(
    db: &DatabaseConnection,
    municipality: Option<&str>,
    offset: u64,
    limit: u64,
) -> Result<FirmPage, StorageError> {
    let txn = super::consistent_read(db).await?;
    let mut query = companies::Entity::find();
    if let Some(municipality) = municipality {
        query = query.filter(companies::Column::Municipality.eq(municipality));
    }
    let total = query.clone().count(&txn).await?;
    let rows = query
        .order_by_asc(companies::Column::Name)
        .order_by_asc(companies::Column::Id)
        .offset(offset)
        .limit(limit)
        .all(&txn)
        .await?;
    // Paused flows are out of the marketplace until their firm resumes them.
    let firms = firms_with_flows(&txn, rows, false).await?;
    txn.commit().await?;
    Ok(FirmPage { firms, total })
}

/// The given firms with their offers and needs (paused ones too when asked), in the given
/// order.
pub(super) async fn firms_with_flows(
    db: &impl ConnectionTrait,
    rows: Vec<companies::Model>,
    with_paused: bool,
) -> Result<Vec<FirmWithFlows>, StorageError> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let keys: HashMap<i64, String> = rows.iter().map(|r| (r.id, r.key.clone())).collect();
    let mut offers_by_firm: HashMap<i64, Vec<Offer>> = HashMap::new();
    for row in offers::Entity::find()
        .filter(offers::Column::CompanyId.is_in(ids.clone()))
        .filter(paused_filter(with_paused, offers::Column::Paused))
        .order_by_asc(offers::Column::Id)
        .all(db)
        .await?
    {
        let company = row.company_id;
        let offer = offer_from_row(row, keys[&company].clone())?;
        offers_by_firm.entry(company).or_default().push(offer);
    }
    let need_rows = needs::Entity::find()
        .filter(needs::Column::CompanyId.is_in(ids))
        .filter(paused_filter(with_paused, needs::Column::Paused))
        .order_by_asc(needs::Column::Id)
        .all(db)
        .await?;
    let mut accepts: HashMap<i64, Vec<String>> = HashMap::new();
    for row in need_accepts::Entity::find()
        .filter(need_accepts::Column::NeedId.is_in(need_rows.iter().map(|n| n.id)))
        .order_by_asc(need_accepts::Column::NeedId)
        .order_by_asc(need_accepts::Column::Position)
        .all(db)
        .await?
    {
        accepts.entry(row.need_id).or_default().push(row.code);
    }
    let mut needs_by_firm: HashMap<i64, Vec<Need>> = HashMap::new();
    for row in need_rows {
        let company = row.company_id;
        let codes = accepts.remove(&row.id).unwrap_or_default();
        let need = need_from_row(row, keys[&company].clone(), codes)?;
        needs_by_firm.entry(company).or_default().push(need);
    }
    let firms = rows
        .into_iter()
        .map(|row| {
            let id = row.id;
            Ok(FirmWithFlows {
                firm: firm_from_row(row)?,
                offers: offers_by_firm.remove(&id).unwrap_or_default(),
                needs: needs_by_firm.remove(&id).unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>, StorageError>>()?;
    Ok(firms)
}

/// One firm with its flows (paused ones too), by database id, as of one moment.
pub async fn firm_with_flows(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<Option<FirmWithFlows>, StorageError> {
    let txn = super::consistent_read(db).await?;
    let Some(row) = companies::Entity::find_by_id(company_id).one(&txn).await? else {
        return Ok(None);
    };
    let page = firms_with_flows(&txn, vec![row], true).await?;
    txn.commit().await?;
    Ok(page.into_iter().next())
}

/// No condition when paused flows are wanted, else only the active ones.
fn paused_filter(with_paused: bool, column: impl ColumnTrait) -> sea_orm::Condition {
    if with_paused {
        sea_orm::Condition::all()
    } else {
        sea_orm::Condition::all().add(column.eq(false))
    }
}
