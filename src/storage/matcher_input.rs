//! What the matcher's snapshot is built from, read in one consistent transaction.

use sea_orm::DatabaseConnection;

use super::flows::{PausedFlows, paused_flows};
use super::{StorageError, cases, consistent_read, region::read_region};
use crate::domain::Region;
use crate::matching::history::CaseHistory;

/// The region, its paused flows and the history of its cases, as of one moment.
pub struct MatcherInput {
    pub region: Region,
    pub paused: PausedFlows,
    pub history: CaseHistory,
}

/// Reads everything the matcher's snapshot needs in one [`consistent_read`]: a flow written
/// meanwhile is in it with its firm and accepted codes, or not at all, and a pause or a case
/// closed meanwhile agrees with the flows read.
pub async fn load_for_matching(db: &DatabaseConnection) -> Result<MatcherInput, StorageError> {
    let txn = consistent_read(db).await?;
    let region = read_region(&txn).await?;
    let paused = paused_flows(&txn, None).await?;
    let history = cases::history(&txn).await?;
    txn.commit().await?;
    Ok(MatcherInput {
        region,
        paused,
        history,
    })
}
