//! Storage: the only module that speaks sea-orm. It maps rows to domain types and back, and
//! turns database failures into [`StorageError`]s that say what went wrong.

pub mod accounts;
mod browse;
pub mod cases;
pub mod contacts;
pub mod coordinator;
pub mod entities;
pub mod exchanges;
pub mod firm_profile;
pub mod flows;
pub mod housekeeping;
pub mod impact;
pub mod import_previews;
pub mod login_throttle;
pub mod market;
mod matcher_input;
pub mod notifications;
pub mod outbox;
pub mod partnerships;
pub mod password_resets;
pub mod photos;
pub mod plan_runs;
pub mod proposals;
mod read_models;
mod region;
pub mod rounds;
mod rows;
pub mod saved_searches;
mod transactions;

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr, SqlErr};

pub use browse::{FirmPage, FirmWithFlows, firm_page, firm_with_flows, municipalities};
pub use matcher_input::{MatcherInput, load_for_matching};
pub use read_models::{OwnFlows, RegionSummary, own_flows, region_summary};
pub use region::{
    ExistingKeys, ImportSummary, RegionCounts, counts, existing_keys, insert_region, load_region,
};
pub use transactions::{consistent_read, write_transaction};

use crate::domain::Problems;

/// What can go wrong between the application and its database.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// The database could not be reached or refused a statement.
    #[error("database error: {0}")]
    Database(#[from] DbErr),
    /// A record with the same identifier exists already.
    #[error("{what} \"{key}\" exists already")]
    Duplicate { what: &'static str, key: String },
    /// A flow names a firm that is not in the database.
    #[error("{what} \"{key}\" refers to firm \"{firm}\", which does not exist")]
    UnknownFirm {
        what: &'static str,
        key: String,
        firm: String,
    },
    /// A stored row no longer passes domain validation (edited outside Symbiose).
    #[error("stored {table} row \"{key}\" is invalid: {problems}")]
    Corrupt {
        table: &'static str,
        key: String,
        problems: Problems,
    },
}

impl StorageError {
    /// Classifies a database error: unique-key violations become [`StorageError::Duplicate`].
    pub(crate) fn from_db(err: DbErr, what: &'static str, key: impl Into<String>) -> Self {
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => StorageError::Duplicate {
                what,
                key: key.into(),
            },
            _ => StorageError::Database(err),
        }
    }
}

/// Connects to the database at `url` (`sqlite://…` or `postgres://…`) and applies every
/// pending migration.
pub async fn connect_and_migrate(url: &str) -> Result<DatabaseConnection, StorageError> {
    let db = connect(url).await?;
    migrate(&db).await?;
    Ok(db)
}

/// How long a SQLite writer waits for another one before giving up: longer than any write
/// transaction of the app takes (an import of a 10,000-firm region included).
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Connects without migrating.
pub async fn connect(url: &str) -> Result<DatabaseConnection, StorageError> {
    let mut options = ConnectOptions::new(url.to_string());
    // A single SQLite file serialises writers anyway; more connections only add lock waits.
    if url.starts_with("sqlite:") {
        options.max_connections(4);
        // Write-ahead log: a reader sees the database as of its transaction's first read and
        // neither waits for the writer nor holds it up (with the default rollback journal a
        // long region read blocks every commit). A writer that finds another one busy waits
        // for it instead of failing with "database is locked". The first connection switches
        // a new database file to WAL; the setting stays with the file.
        options.map_sqlx_sqlite_opts(|sqlite| {
            sqlite
                .journal_mode(SqliteJournalMode::Wal)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
        });
    } else {
        options.max_connections(16);
    }
    options.sqlx_logging(false);
    // Fail fast with a clear message when the server is down instead of retrying for 30 s.
    options.connect_timeout(Duration::from_secs(5));
    options.acquire_timeout(Duration::from_secs(5));
    Ok(Database::connect(options).await?)
}

/// Applies every pending migration; returns how many ran.
pub async fn migrate(db: &DatabaseConnection) -> Result<usize, StorageError> {
    let pending = Migrator::get_pending_migrations(db).await?.len();
    Migrator::up(db, None).await?;
    Ok(pending)
}
