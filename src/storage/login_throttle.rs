//! Leaky buckets of login attempts, counted and decided in one atomic statement per bucket.
//!
//! Each attempt pours one unit into its bucket; the bucket drains by one unit every
//! `drain_seconds`. An attempt that would overflow the bucket is refused and pours nothing. The
//! whole decision is a single `INSERT … ON CONFLICT DO UPDATE … RETURNING`, so parallel guesses
//! are counted exactly (a read-then-write let 100 parallel guesses through and failed 43 of
//! them on the primary key). Whether this attempt got in is told by the `attempt` column: it
//! carries this attempt's random nonce only when the attempt was admitted.

use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DatabaseConnection, EntityTrait, QueryFilter,
    Statement, Value,
};

use super::StorageError;
use super::entities::login_throttle;
use crate::accounts::{Bucket, new_token};

/// What a bucket said about one attempt.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Admission {
    /// Go ahead (the attempt is counted).
    Admitted,
    /// Refused: the bucket is full for this many more seconds.
    Refused { wait_seconds: i64 },
}

/// The bucket's level after draining since its last update, as SQL over the stored row
/// (`login_throttle`) and the new one (`excluded`). A clock that went backwards drains nothing.
const DRAINED: &str = "(CASE WHEN login_throttle.level - \
    (CASE WHEN excluded.updated_ms > login_throttle.updated_ms \
      THEN excluded.updated_ms - login_throttle.updated_ms ELSE 0 END) / ? > 0 \
  THEN login_throttle.level - \
    (CASE WHEN excluded.updated_ms > login_throttle.updated_ms \
      THEN excluded.updated_ms - login_throttle.updated_ms ELSE 0 END) / ? \
  ELSE 0 END)";

/// Counts one attempt in the bucket `key` at `now_ms` (milliseconds since the epoch), unless
/// that would overflow it.
pub async fn admit(
    db: &DatabaseConnection,
    key: &str,
    bucket: Bucket,
    now_ms: i64,
) -> Result<Admission, StorageError> {
    let nonce = new_token();
    let drain_ms = bucket.drain_seconds * 1000.0;
    let sql = format!(
        "INSERT INTO login_throttle (key, level, updated_ms, attempt) VALUES (?, 1.0, ?, ?) \
         ON CONFLICT (key) DO UPDATE SET \
           level = CASE WHEN {DRAINED} + 1 <= ? THEN {DRAINED} + 1 ELSE {DRAINED} END, \
           attempt = CASE WHEN {DRAINED} + 1 <= ? THEN excluded.attempt ELSE login_throttle.attempt END, \
           updated_ms = excluded.updated_ms \
         RETURNING level, attempt"
    );
    // Parameters in the order their `?` appear: the row, then each DRAINED (two each) and the
    // capacity as the two CASE expressions use them.
    let drained = || [Value::from(drain_ms), Value::from(drain_ms)];
    let mut values = vec![key.into(), now_ms.into(), nonce.clone().into()];
    values.extend(drained());
    values.push(bucket.capacity.into());
    values.extend(drained());
    values.extend(drained());
    values.extend(drained());
    values.push(bucket.capacity.into());
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            numbered(backend, &sql),
            values,
        ))
        .await?
        .ok_or_else(|| {
            StorageError::Database(sea_orm::DbErr::RecordNotFound(
                "the throttle upsert returned no row".into(),
            ))
        })?;
    let level: f64 = row.try_get("", "level")?;
    let attempt: String = row.try_get("", "attempt")?;
    if attempt == nonce {
        return Ok(Admission::Admitted);
    }
    // Room for one more attempt comes when the level has drained to capacity − 1.
    let over = level + 1.0 - bucket.capacity;
    let wait_seconds = (over * bucket.drain_seconds).ceil().max(1.0) as i64;
    Ok(Admission::Refused { wait_seconds })
}

/// Takes one attempt back out of a bucket (a correct password is not a failure).
pub async fn refund(db: &DatabaseConnection, key: &str) -> Result<(), StorageError> {
    login_throttle::Entity::update_many()
        .col_expr(
            login_throttle::Column::Level,
            Expr::cust("CASE WHEN level >= 1 THEN level - 1 ELSE 0 END"),
        )
        .filter(login_throttle::Column::Key.eq(key))
        .exec(db)
        .await?;
    Ok(())
}

/// Empties a bucket.
pub async fn clear(db: &DatabaseConnection, key: &str) -> Result<(), StorageError> {
    login_throttle::Entity::delete_by_id(key.to_string())
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes buckets not touched since `before_ms`: by then every bucket has drained empty.
pub async fn purge_untouched_since(
    db: &DatabaseConnection,
    before_ms: i64,
) -> Result<u64, StorageError> {
    Ok(login_throttle::Entity::delete_many()
        .filter(login_throttle::Column::UpdatedMs.lt(before_ms))
        .exec(db)
        .await?
        .rows_affected)
}

/// `?` placeholders as the backend wants them: PostgreSQL numbers them.
fn numbered(backend: DatabaseBackend, sql: &str) -> String {
    if backend != DatabaseBackend::Postgres {
        return sql.to_string();
    }
    let mut out = String::with_capacity(sql.len() + 16);
    let mut n = 0;
    for c in sql.chars() {
        if c == '?' {
            n += 1;
            out.push_str(&format!("${n}"));
        } else {
            out.push(c);
        }
    }
    out
}
