//! The region's firms with their flows, read at once so that the web app can keep them in
//! memory between changes: the overview page and a firm's matches page then read no rows.

use std::collections::HashMap;

use sea_orm::{DatabaseConnection, EntityTrait};

use super::browse::{FirmPage, FirmWithFlows, Flows, firms_with_flows, in_name_order};
use super::entities::companies;
use super::flows::{PausedFlows, paused_flows};
use super::{RegionCounts, StorageError, consistent_read, municipalities};

/// Every firm with all its flows, as of one moment.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    /// By name, as the database orders names, then by id; paused flows included.
    firms: Vec<FirmWithFlows>,
    /// The position in `firms` of each firm's database id.
    positions: HashMap<i64, usize>,
    paused: PausedFlows,
    /// The municipalities with their number of firms, as the database orders names.
    municipalities: Vec<(String, i64)>,
}

/// Reads the whole directory in one [`consistent_read`].
pub async fn load_directory(db: &DatabaseConnection) -> Result<Directory, StorageError> {
    let txn = consistent_read(db).await?;
    let rows = in_name_order(companies::Entity::find()).all(&txn).await?;
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let firms = firms_with_flows(&txn, rows, Flows::Everything).await?;
    let paused = paused_flows(&txn, None).await?;
    let municipalities = municipalities(&txn).await?;
    txn.commit().await?;
    Ok(Directory {
        positions: ids.into_iter().enumerate().map(|(k, id)| (id, k)).collect(),
        firms,
        paused,
        municipalities,
    })
}

impl Directory {
    /// How many firms, offers and needs there are (paused flows included).
    pub fn counts(&self) -> RegionCounts {
        RegionCounts {
            firms: self.firms.len() as u64,
            offers: self.firms.iter().map(|f| f.offers.len() as u64).sum(),
            needs: self.firms.iter().map(|f| f.needs.len() as u64).sum(),
        }
    }

    /// The municipalities with their number of firms, by name.
    pub fn municipalities(&self) -> &[(String, i64)] {
        &self.municipalities
    }

    /// What [`super::firm_page`] reads: firms `offset..offset + limit` by name, optionally
    /// of one municipality, with their flows that are not paused.
    pub fn firm_page(&self, municipality: Option<&str>, offset: u64, limit: u64) -> FirmPage {
        let chosen = self
            .firms
            .iter()
            .filter(|f| municipality.is_none_or(|m| f.firm.municipality() == m));
        let total = chosen.clone().count() as u64;
        let firms = chosen
            .skip(usize::try_from(offset).unwrap_or(usize::MAX))
            .take(usize::try_from(limit).unwrap_or(usize::MAX))
            .map(|f| FirmWithFlows {
                firm: f.firm.clone(),
                offers: (f.offers.iter())
                    .filter(|o| !self.paused.offer(o.id().as_str()))
                    .cloned()
                    .collect(),
                needs: (f.needs.iter())
                    .filter(|n| !self.paused.need(n.id().as_str()))
                    .cloned()
                    .collect(),
            })
            .collect();
        FirmPage { firms, total }
    }

    /// What [`super::firm_with_flows`] reads: one firm with all its flows, by database id.
    pub fn firm_with_flows(&self, company_id: i64) -> Option<&FirmWithFlows> {
        self.positions.get(&company_id).map(|&k| &self.firms[k])
    }

    /// The paused flows of one firm, by database id.
    pub fn paused_of(&self, company_id: i64) -> PausedFlows {
        let Some(firm) = self.firm_with_flows(company_id) else {
            return PausedFlows::default();
        };
        PausedFlows {
            offers: (firm.offers.iter())
                .map(|o| o.id().to_string())
                .filter(|id| self.paused.offer(id))
                .collect(),
            needs: (firm.needs.iter())
                .map(|n| n.id().to_string())
                .filter(|id| self.paused.need(id))
                .collect(),
        }
    }
}
