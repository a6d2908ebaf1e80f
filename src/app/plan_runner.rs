//! The region plan, run in the background for coordinators.
//!
//! `POST /plan/run` starts one run; it loads the matcher's view of the live region (the
//! snapshot the firms' matches use: paused and long-unconfirmed flows left out), then computes
//! the plan, loops and chains, pools and clusters on a blocking thread — the matcher is
//! CPU-bound and must never occupy the async workers that answer pages. The run reports its
//! stage as it goes; only one runs at a time; the last result stays in memory with when it was
//! computed and what data it saw, and is kept in the database: after a restart it is
//! computed again from the region it saw (see `kept`). The settings are those of
//! `symbiose match`.

mod kept;
mod laps;
mod reality;

use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Instant;

use chrono::NaiveDateTime;

pub use kept::restore;
pub use laps::Laps;
pub use reality::{PlanVsReality, against_reality, compare};

use super::App;
use super::region::Snapshot;
use crate::matching::flow::FlowError;
use crate::matching::pipeline::{self, Proposals, Stage};

/// The stages of a run, in order: loading the region, then the proposal pipeline's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RunStage {
    /// Loading the region's snapshot.
    Loading,
    /// A stage of the proposal pipeline.
    Matching(Stage),
}

impl RunStage {
    /// Every stage, in the order a run goes through them.
    pub const ALL: [RunStage; 1 + Stage::ALL.len()] = {
        let mut all = [RunStage::Loading; 1 + Stage::ALL.len()];
        let mut k = 0;
        while k < Stage::ALL.len() {
            all[k + 1] = RunStage::Matching(Stage::ALL[k]);
            k += 1;
        }
        all
    };
}

/// A finished run: the plan and the proposals beside it.
pub struct PlanResult {
    /// The run's number (1 for the first since the app started): forms name the run they
    /// were shown from, so that a proposal is never taken from a newer plan by mistake.
    pub run: u64,
    /// When the run started (UTC).
    pub started_at: NaiveDateTime,
    /// When the run ended (UTC).
    pub finished_at: NaiveDateTime,
    /// Seconds per stage, in order.
    pub stage_seconds: Vec<(RunStage, f64)>,
    /// The data the run saw: the region's firms, offers and needs at the time.
    pub snapshot: Arc<Snapshot>,
    /// What the pipeline found on the snapshot.
    pub found: Proposals,
}

impl PlanResult {
    /// Seconds the whole run took.
    pub fn seconds(&self) -> f64 {
        self.stage_seconds.iter().map(|(_, s)| s).sum()
    }
}

/// A run in progress.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Running {
    pub run: u64,
    pub stage: RunStage,
    /// Seconds since the run started.
    pub elapsed_s: f64,
}

/// What the plan page shows.
pub struct PlanStatus {
    pub running: Option<Running>,
    pub last: Option<Arc<PlanResult>>,
    /// The last run failed (the reason is in the log).
    pub failed: bool,
}

#[derive(Default)]
struct State {
    running: Option<(u64, RunStage, Instant)>,
    last: Option<Arc<PlanResult>>,
    failed: bool,
    runs: u64,
}

/// The background run and its last result, shared by every request.
#[derive(Default)]
pub struct PlanRunner {
    state: Mutex<State>,
    /// The threads runs compute on, started with the first run.
    threads: OnceLock<Option<rayon::ThreadPool>>,
}

impl PlanRunner {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock leaves plain data behind: still good to read.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The run in progress, if any, and the last result.
    pub fn status(&self) -> PlanStatus {
        let state = self.lock();
        PlanStatus {
            running: state.running.map(|(run, stage, started)| Running {
                run,
                stage,
                elapsed_s: started.elapsed().as_secs_f64(),
            }),
            last: state.last.clone(),
            failed: state.failed,
        }
    }

    /// The last finished result.
    pub fn last(&self) -> Option<Arc<PlanResult>> {
        self.lock().last.clone()
    }

    /// Claims the runner for a new run; `None` while another runs.
    fn begin(&self) -> Option<u64> {
        let mut state = self.lock();
        if state.running.is_some() {
            return None;
        }
        state.runs += 1;
        state.running = Some((state.runs, RunStage::Loading, Instant::now()));
        Some(state.runs)
    }

    /// Claims the runner to restore kept run `run`: later runs are numbered after it, so a
    /// form shown before the restart names the same run. False while another runs.
    fn begin_as(&self, run: u64) -> bool {
        let mut state = self.lock();
        if state.running.is_some() {
            return false;
        }
        state.runs = state.runs.max(run);
        state.running = Some((run, RunStage::Loading, Instant::now()));
        true
    }

    fn enter(&self, stage: RunStage) {
        if let Some((_, current, _)) = self.lock().running.as_mut() {
            *current = stage;
        }
    }

    fn finish(&self, outcome: Option<PlanResult>) {
        let mut state = self.lock();
        state.running = None;
        state.failed = outcome.is_none();
        if let Some(result) = outcome {
            state.last = Some(Arc::new(result));
        }
    }
}

/// Ends the run when dropped, so that a run that panicked does not block every later one.
struct Finish {
    app: Arc<App>,
    outcome: Option<PlanResult>,
}

impl Drop for Finish {
    fn drop(&mut self) {
        self.app.plan.finish(self.outcome.take());
    }
}

/// Starts a run in the background; false when one is running already.
pub fn start(app: &Arc<App>) -> bool {
    let Some(run) = app.plan.begin() else {
        return false;
    };
    let app = app.clone();
    tokio::spawn(async move {
        let mut finish = Finish {
            app: app.clone(),
            outcome: None,
        };
        finish.outcome = run_plan(app, run).await;
    });
    true
}

async fn run_plan(app: Arc<App>, run: u64) -> Option<PlanResult> {
    let started_at = app.now();
    let lap = Instant::now();
    let snapshot = match app.region().await {
        Ok(snapshot) => snapshot,
        Err(e) => {
            tracing::error!(error = %e, "the region plan could not load the region");
            return None;
        }
    };
    let loading = (RunStage::Loading, lap.elapsed().as_secs_f64());
    let worker = app.clone();
    let on = snapshot.clone();
    let computed = tokio::task::spawn_blocking(move || {
        let mut laps = Laps::new();
        let found = worker.plan.find_on_own_threads(&on, &mut laps);
        (found, laps.finish())
    })
    .await;
    match computed {
        Ok((Ok(found), mut stage_seconds)) => {
            stage_seconds.insert(0, loading);
            let result = PlanResult {
                run,
                started_at,
                finished_at: app.now(),
                stage_seconds,
                snapshot,
                found,
            };
            kept::keep(&app, &result).await;
            Some(result)
        }
        Ok((Err(e), _)) => {
            tracing::error!(error = %e, "the region plan could not be solved");
            None
        }
        Err(e) => {
            tracing::error!(error = %e, "the region plan's run stopped");
            None
        }
    }
}

impl PlanRunner {
    /// The threads a run computes on: one fewer than the machine's cores (at least one), so that
    /// the async workers answering pages keep a core while the matcher keeps the others busy.
    /// `None` when the threads could not be started: the run then uses rayon's shared pool.
    fn matcher_threads(&self) -> Option<&rayon::ThreadPool> {
        self.threads
            .get_or_init(|| {
                let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
                rayon::ThreadPoolBuilder::new()
                    .num_threads(cores.saturating_sub(1).max(1))
                    .thread_name(|k| format!("plan-{k}"))
                    .build()
                    .inspect_err(
                        |e| tracing::warn!(error = %e, "the plan runs on the shared threads"),
                    )
                    .ok()
            })
            .as_ref()
    }
}

impl PlanRunner {
    /// [`find`] on the runner's own threads (see [`PlanRunner::matcher_threads`]), or on
    /// rayon's shared pool when those could not be started. Blocking: call it off the async
    /// workers.
    fn find_on_own_threads(
        &self,
        snapshot: &Snapshot,
        laps: &mut Laps<RunStage>,
    ) -> Result<Proposals, FlowError> {
        let mut run = || find(snapshot, self, laps);
        match self.matcher_threads() {
            Some(threads) => threads.install(run),
            None => run(),
        }
    }
}

/// The pipeline on one snapshot, with the settings of `symbiose match`: each stage is told
/// to the runner (the page shows it) and timed.
fn find(
    snapshot: &Snapshot,
    runner: &PlanRunner,
    laps: &mut Laps<RunStage>,
) -> Result<Proposals, FlowError> {
    let settings = pipeline::Settings::default();
    pipeline::run(&snapshot.instance, &snapshot.index, settings, |stage| {
        let stage = RunStage::Matching(stage);
        laps.begin(stage);
        runner.enter(stage);
    })
}
