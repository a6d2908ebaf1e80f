//! The Keyport demo region, compiled into the binary so that a newcomer's first start lands in a
//! living marketplace. Source: `fixtures/keyport-demo.json` (see `fixtures/demo/README.md`).

use chrono::NaiveDate;
use sea_orm::DatabaseConnection;

use crate::bulk::{self, ImportProblem};
use crate::storage::{self, ImportSummary, StorageError};

/// The demo region in the instance format.
pub const DEMO_JSON: &str = include_str!("../fixtures/keyport-demo.json");

/// A firm of the demo region whose presence shows the demo was loaded before.
const DEMO_MARKER_FIRM: &str = "F001";

/// Why the demo could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The database holds the demo's firms already.
    #[error("the demo region is already in this database; nothing was written")]
    AlreadyLoaded,
    /// The embedded file is invalid or clashes with data already in the database.
    #[error("the demo region cannot be loaded:\n{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Rejected(Vec<ImportProblem>),
    /// The database refused it.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Loads the demo region into the database in one transaction.
pub async fn load_demo(
    db: &DatabaseConnection,
    today: NaiveDate,
) -> Result<ImportSummary, DemoError> {
    let existing = storage::existing_keys(db).await?;
    if existing.firms.contains(DEMO_MARKER_FIRM) {
        return Err(DemoError::AlreadyLoaded);
    }
    let mut batch =
        bulk::json_instance::read_instance("fixtures/keyport-demo.json", DEMO_JSON, today);
    let region = bulk::check_batch(&mut batch, &existing).map_err(DemoError::Rejected)?;
    Ok(storage::insert_region(db, &region, &|_| {}).await?)
}
