//! The last run kept across restarts. A finished run stores the region it saw (as an instance
//! document), when it ran and its stage timings; at start the app reads it back and computes
//! the plan again on that same region. The pipeline is deterministic, so the restored plan,
//! its proposals and their numbers are the ones shown before the restart, and forms shown
//! then (which name the run) still work.

use std::sync::Arc;

use super::{Finish, Laps, PlanResult, RunStage};
use crate::app::App;
use crate::app::region::Snapshot;
use crate::bulk::{self, json_instance};
use crate::matching::history::CaseHistory;
use crate::storage::ExistingKeys;
use crate::storage::plan_runs::{self, StoredRun};

/// Stores `result` as the last run; a failure is logged, the run itself stands.
pub(super) async fn keep(app: &App, result: &PlanResult) {
    let stored = StoredRun {
        run: result.run,
        started_at: result.started_at,
        finished_at: result.finished_at,
        today: result.snapshot.today,
        stage_seconds: (result.stage_seconds.iter())
            .filter_map(|(stage, secs)| {
                let number = RunStage::ALL.iter().position(|s| s == stage)?;
                Some((number, *secs))
            })
            .collect(),
        region_json: json_instance::write_instance(&result.snapshot.region).to_string(),
    };
    if let Err(error) = plan_runs::save_run(&app.db, &stored).await {
        tracing::warn!(%error, run = result.run, "the plan run could not be kept");
    }
}

/// Reads the kept run back and computes its plan again in the background, showing progress
/// as a run does. False when no run was kept or a run is going already.
pub async fn restore(app: &Arc<App>) -> bool {
    let stored = match plan_runs::last_run(&app.db).await {
        Ok(Some(stored)) => stored,
        Ok(None) => return false,
        Err(error) => {
            tracing::warn!(%error, "the kept plan run could not be read");
            return false;
        }
    };
    if !app.plan.begin_as(stored.run) {
        return false;
    }
    let app = app.clone();
    tokio::spawn(async move {
        let mut finish = Finish {
            app: app.clone(),
            outcome: None,
        };
        finish.outcome = recompute(app, stored).await;
    });
    true
}

async fn recompute(app: Arc<App>, stored: StoredRun) -> Option<PlanResult> {
    let worker = app.clone();
    let computed = tokio::task::spawn_blocking(move || {
        let mut batch =
            json_instance::read_instance("plan_runs", &stored.region_json, stored.today);
        let region = match bulk::check_batch(&mut batch, &ExistingKeys::default()) {
            Ok(region) => region,
            Err(problems) => {
                tracing::warn!(count = problems.len(), first = ?problems.first(),
                    "the kept plan run's region no longer reads; compute the plan again");
                return None;
            }
        };
        let snapshot = Arc::new(Snapshot::build(
            region,
            CaseHistory::default(),
            stored.today,
        ));
        // The kept run's own stage timings are shown, not those of this recomputation.
        let mut laps = Laps::new();
        let found = (worker.plan.find_on_own_threads(&snapshot, &mut laps))
            .inspect_err(|error| tracing::warn!(%error, "the kept plan run could not be solved"))
            .ok()?;
        let stage_seconds = (stored.stage_seconds.iter())
            .filter_map(|&(number, secs)| Some((*RunStage::ALL.get(number)?, secs)))
            .collect();
        Some(PlanResult {
            run: stored.run,
            started_at: stored.started_at,
            finished_at: stored.finished_at,
            stage_seconds,
            snapshot,
            found,
        })
    })
    .await;
    computed
        .inspect_err(|error| tracing::warn!(%error, "restoring the kept plan run stopped"))
        .ok()
        .flatten()
}
