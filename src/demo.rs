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
    let text = shifted_to(today);
    let mut batch = bulk::json_instance::read_instance("fixtures/keyport-demo.json", &text, today);
    let region = bulk::check_batch(&mut batch, &existing).map_err(DemoError::Rejected)?;
    Ok(storage::insert_region(db, &region, &|_| {}).await?)
}

/// When a demo flow counts as confirmed on the day the demo is loaded. The fixture spreads the
/// confirmations of its current flows over the half year before it was written; they are
/// brought within the last three months (half their age), so that a freshly loaded demo shows
/// current flows, while the few planted long-outdated ones (older than half a year) keep their
/// age and stay outdated.
fn confirmed_on(written: NaiveDate, as_of: NaiveDate, today: NaiveDate, shift: i64) -> NaiveDate {
    let age = (as_of - written).num_days().max(0);
    let age = if age <= 180 { age / 2 } else { age };
    (as_of - chrono::Duration::days(age) + chrono::Duration::days(shift)).min(today)
}

/// The day the demo's confirmation dates were written for.
const DEMO_AS_OF: (i32, u32, u32) = (2026, 11, 20);

/// The demo with its `last_confirmed` dates moved by the days since it was written, so that a
/// demo loaded months later still shows current flows (and the few outdated ones it plants).
fn shifted_to(today: NaiveDate) -> String {
    let (y, m, d) = DEMO_AS_OF;
    let as_of = NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
    let shift = (today - as_of).num_days().max(0);
    let Ok(mut root) = serde_json::from_str::<serde_json::Value>(DEMO_JSON) else {
        return DEMO_JSON.to_string();
    };
    for list in ["offers", "needs"] {
        let Some(items) = root.get_mut(list).and_then(|v| v.as_array_mut()) else {
            continue;
        };
        for item in items {
            let moved = item
                .get("last_confirmed")
                .and_then(|v| v.as_str())
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .map(|d| confirmed_on(d, as_of, today, shift).to_string());
            if let Some(date) = moved {
                item["last_confirmed"] = serde_json::Value::String(date);
            }
        }
    }
    root.to_string()
}

#[cfg(test)]
mod confirmation_tests {
    use super::*;

    #[test]
    fn current_demo_flows_come_within_three_months_and_planted_old_ones_stay_old() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let as_of = day(2026, 11, 20);
        let today = day(2027, 1, 19);
        let shift = (today - as_of).num_days();
        // 120 days old when written: 60 days old on the day it is loaded.
        let recent = confirmed_on(as_of - chrono::Duration::days(120), as_of, today, shift);
        assert_eq!((today - recent).num_days(), 60);
        // Planted as outdated (over half a year): keeps its age.
        let planted = confirmed_on(as_of - chrono::Duration::days(260), as_of, today, shift);
        assert_eq!((today - planted).num_days(), 260);
    }
}
