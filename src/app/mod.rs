//! The application layer: every rule of the marketplace and every change of its data goes
//! through here. The web handlers and the CLI only parse what they are given, call one of
//! these functions and render or print the answer.
//!
//! [`App`] owns the database pool, the matcher's snapshot of the region with the read models
//! kept beside it (and forgets them itself after each change it makes), what is derived from
//! that snapshot ([`derived`]), the region plan's background runner, and the clock every
//! dated rule reads.

pub mod accounts;
pub mod calls;
pub mod clock;
pub mod contacts;
pub mod data;
pub mod derived;
pub mod exchanges;
pub mod firms;
pub mod flows;
pub mod hashing;
pub mod impact;
pub mod mail;
pub mod map;
pub mod market;
pub mod matches;
pub mod notices;
pub mod notify;
pub mod partnerships;
pub mod photos;
pub mod plan_rounds;
pub mod plan_runner;
pub mod proposals;
pub mod query;
pub mod region;
pub mod visibility;
pub mod workspace;

use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};
use sea_orm::DatabaseConnection;

use self::clock::{Clock, SystemClock};

/// The application: its data, its caches and its clock.
pub struct App {
    /// The database pool.
    pub db: DatabaseConnection,
    /// The matcher's view of the region and the busy pages' read models, rebuilt on demand
    /// after a change made through this layer.
    pub snapshot: region::SnapshotCache,
    /// The region plan's background run and its last result.
    pub plan: plan_runner::PlanRunner,
    /// What is derived from the snapshot and kept beside it (the ranking of next best calls,
    /// the suggested clusters), shared with the blocking threads that make it.
    pub derived: Arc<derived::DerivedCaches>,
    clock: Arc<dyn Clock>,
}

impl App {
    /// The app on a database, on the machine's clock.
    pub fn new(db: DatabaseConnection) -> App {
        App::with_clock(db, Arc::new(SystemClock))
    }

    /// The app on a database and a given clock (tests pass a fixed one).
    pub fn with_clock(db: DatabaseConnection, clock: Arc<dyn Clock>) -> App {
        App {
            db,
            snapshot: region::SnapshotCache::default(),
            plan: plan_runner::PlanRunner::default(),
            derived: Arc::default(),
            clock,
        }
    }

    /// The current instant (UTC), as stored in the database.
    pub fn now(&self) -> NaiveDateTime {
        self.clock.now()
    }

    /// Today on the region's calendar.
    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    /// The matcher's snapshot of the region as of today, built if there is none.
    pub async fn region(&self) -> Result<Arc<region::Snapshot>, crate::storage::StorageError> {
        self.snapshot.get(&self.db, self.today()).await
    }

    /// The clock, for work that outlives a request (the plan's background run).
    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }
}
