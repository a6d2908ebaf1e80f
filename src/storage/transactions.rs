//! The two kinds of transaction the app needs beyond a plain `BEGIN`, on either backend.

use sea_orm::{
    AccessMode, DatabaseConnection, DatabaseTransaction, DbBackend, IsolationLevel,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

use super::StorageError;

/// A read-only transaction whose every statement sees the database as of one moment, so that
/// rows read by separate queries (a need and its accepted codes, a flow and its firm) belong
/// together although others write meanwhile. PostgreSQL: REPEATABLE READ, which takes one
/// snapshot at the first statement. SQLite: any transaction reads one snapshot from its first
/// read on (in WAL mode, see [`connect`](super::connect), without holding writers up).
/// Commit it when done reading.
pub async fn consistent_read(db: &DatabaseConnection) -> Result<DatabaseTransaction, StorageError> {
    Ok(match db.get_database_backend() {
        DbBackend::Postgres => {
            db.begin_with_config(
                Some(IsolationLevel::RepeatableRead),
                Some(AccessMode::ReadOnly),
            )
            .await?
        }
        _ => db.begin().await?,
    })
}

/// A transaction that reads before it writes. On SQLite it takes the write lock at `BEGIN`
/// (`BEGIN IMMEDIATE`), waiting its turn behind other writers: a deferred transaction that
/// first reads and then writes fails at once with "database is locked" when another writer
/// committed in between, as SQLite cannot move its snapshot forward. On PostgreSQL a plain
/// transaction: row locks and constraints do that work there.
pub async fn write_transaction(
    db: &DatabaseConnection,
) -> Result<DatabaseTransaction, StorageError> {
    Ok(match db.get_database_backend() {
        DbBackend::Sqlite => {
            db.begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..TransactionOptions::default()
            })
            .await?
        }
        _ => db.begin().await?,
    })
}
