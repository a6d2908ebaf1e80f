//! Purges what has no use any more, so stored data does not grow without bound: sessions past
//! their end or idle timeout, import previews nobody confirmed, drained login buckets and
//! password-reset links a day past their end.

use chrono::{Duration, NaiveDateTime};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};

use super::StorageError;
use super::entities::sessions;
use super::{import_previews, login_throttle, password_resets};

/// How long an unconfirmed import preview is kept.
pub const PREVIEW_HOURS: i64 = 24;

/// How long an untouched login bucket is kept; far longer than any bucket takes to drain.
pub const THROTTLE_KEEP_HOURS: i64 = 24;

/// What one purge removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Purged {
    pub sessions: u64,
    pub previews: u64,
    pub login_buckets: u64,
    pub reset_links: u64,
}

/// Removes sessions that ended or sat idle for `idle`, previews older than
/// [`PREVIEW_HOURS`], login buckets untouched for [`THROTTLE_KEEP_HOURS`] and reset links
/// expired as long ago.
pub async fn purge(
    db: &DatabaseConnection,
    now: NaiveDateTime,
    idle: Duration,
) -> Result<Purged, StorageError> {
    let sessions = sessions::Entity::delete_many()
        .filter(
            Condition::any()
                .add(sessions::Column::ExpiresAt.lte(now))
                .add(sessions::Column::LastSeenAt.lte(now - idle)),
        )
        .exec(db)
        .await?
        .rows_affected;
    let previews =
        import_previews::purge_created_before(db, now - Duration::hours(PREVIEW_HOURS)).await?;
    let cutoff = now - Duration::hours(THROTTLE_KEEP_HOURS);
    let login_buckets =
        login_throttle::purge_untouched_since(db, cutoff.and_utc().timestamp_millis()).await?;
    let reset_links = password_resets::purge_expired_before(db, cutoff).await?;
    Ok(Purged {
        sessions,
        previews,
        login_buckets,
        reset_links,
    })
}
