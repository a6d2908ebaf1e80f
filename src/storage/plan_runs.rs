//! The region plan's last run, kept so that a restart does not lose it: one row, replaced by
//! every run that finishes.

use chrono::{NaiveDate, NaiveDateTime};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder, TransactionTrait};

use super::StorageError;
use super::entities::plan_runs;

/// A finished run as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRun {
    /// The run's number.
    pub run: u64,
    /// When it started (UTC).
    pub started_at: NaiveDateTime,
    /// When it ended (UTC).
    pub finished_at: NaiveDateTime,
    /// The day its snapshot was built for.
    pub today: NaiveDate,
    /// `(stage number, seconds)` in the order the stages ran.
    pub stage_seconds: Vec<(usize, f64)>,
    /// The region it saw, as a symbiosis-instance JSON document.
    pub region_json: String,
}

/// Keeps `run` as the last run, in place of any earlier one.
pub async fn save_run(db: &DatabaseConnection, run: &StoredRun) -> Result<(), StorageError> {
    let txn = db.begin().await?;
    plan_runs::Entity::delete_many().exec(&txn).await?;
    plan_runs::Entity::insert(plan_runs::ActiveModel {
        id: NotSet,
        run: Set(run.run as i64),
        started_at: Set(run.started_at),
        finished_at: Set(run.finished_at),
        today: Set(run.today),
        stage_seconds: Set(serde_json::to_string(&run.stage_seconds).expect("numbers serialize")),
        region: Set(run.region_json.clone()),
    })
    .exec(&txn)
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The last run kept, if any. A row whose stage timings do not read is reported as corrupt.
pub async fn last_run(db: &DatabaseConnection) -> Result<Option<StoredRun>, StorageError> {
    let Some(row) = plan_runs::Entity::find()
        .order_by_desc(plan_runs::Column::Id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let stage_seconds =
        serde_json::from_str(&row.stage_seconds).map_err(|error| StorageError::Corrupt {
            table: "plan_runs",
            key: row.run.to_string(),
            problems: crate::domain::Problems(vec![crate::domain::problem::FieldProblem::new(
                "stage_seconds",
                error,
            )]),
        })?;
    Ok(Some(StoredRun {
        run: row.run as u64,
        started_at: row.started_at,
        finished_at: row.finished_at,
        today: row.today,
        stage_seconds,
        region_json: row.region,
    }))
}
