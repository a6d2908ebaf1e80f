//! What the busiest pages read, each in one consistent transaction, in pieces small enough to
//! keep in memory between changes whatever the size of the region: the overview's figures,
//! a page of firms ([`super::firm_page`]), one firm's own flows.

use sea_orm::{DatabaseConnection, EntityTrait};

use super::browse::{FirmWithFlows, firms_with_flows};
use super::entities::companies;
use super::flows::{PausedFlows, paused_flows};
use super::{RegionCounts, StorageError, consistent_read, counts, municipalities};

/// The overview's figures.
#[derive(Debug, Clone, Default)]
pub struct RegionSummary {
    pub counts: RegionCounts,
    /// The municipalities with their number of firms, by name.
    pub municipalities: Vec<(String, i64)>,
}

/// Counts firms, offers and needs and lists the municipalities, as of one moment.
pub async fn region_summary(db: &DatabaseConnection) -> Result<RegionSummary, StorageError> {
    let txn = consistent_read(db).await?;
    let counts = counts(&txn).await?;
    let municipalities = municipalities(&txn).await?;
    txn.commit().await?;
    Ok(RegionSummary {
        counts,
        municipalities,
    })
}

/// One firm with all its flows and which of them are paused.
#[derive(Debug, Clone)]
pub struct OwnFlows {
    pub firm: FirmWithFlows,
    pub paused: PausedFlows,
}

/// The firm with database id `company_id`, its flows (paused ones too) and its paused flows,
/// as of one moment; `None` when there is no such firm.
pub async fn own_flows(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<Option<OwnFlows>, StorageError> {
    let txn = consistent_read(db).await?;
    let Some(row) = companies::Entity::find_by_id(company_id).one(&txn).await? else {
        return Ok(None);
    };
    let firm = firms_with_flows(&txn, vec![row], true).await?.pop();
    let paused = paused_flows(&txn, Some(company_id)).await?;
    txn.commit().await?;
    Ok(firm.map(|firm| OwnFlows { firm, paused }))
}
