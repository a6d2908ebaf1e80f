//! Password-reset links: stored as the SHA-256 of their token, used once, within their time.

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};

use super::StorageError;
use super::entities::{password_resets, sessions, users};
use super::outbox;

/// A stored reset link, as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResetRecord {
    pub user_id: i64,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

/// A new reset link for user `user_id`, and its mail in the outbox, in one transaction: a link
/// is never stored without its mail, nor mailed without being stored.
pub async fn create(
    db: &DatabaseConnection,
    user_id: i64,
    token_hash: &str,
    (at, expires_at): (NaiveDateTime, NaiveDateTime),
    (subject, body): (&str, &str),
) -> Result<(), StorageError> {
    let txn = db.begin().await?;
    password_resets::Entity::insert(password_resets::ActiveModel {
        token_hash: Set(token_hash.to_string()),
        user_id: Set(user_id),
        created_at: Set(at),
        expires_at: Set(expires_at),
        used_at: Set(None),
    })
    .exec_without_returning(&txn)
    .await?;
    outbox::queue(&txn, user_id, subject, body, at).await?;
    txn.commit().await?;
    Ok(())
}

/// The reset link whose token hashes to `token_hash`, if there is one.
pub async fn find(
    db: &DatabaseConnection,
    token_hash: &str,
) -> Result<Option<ResetRecord>, StorageError> {
    Ok(password_resets::Entity::find_by_id(token_hash.to_string())
        .one(db)
        .await?
        .map(|row| ResetRecord {
            user_id: row.user_id,
            expires_at: row.expires_at,
            used_at: row.used_at,
        }))
}

/// What a reset did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reset {
    pub user_id: i64,
    /// Sessions of the user that were ended.
    pub sessions_ended: u64,
}

/// Uses the link `token_hash` at `now` to set the user's password hash to `password_hash`, in
/// one transaction: the link is marked used only if it was unused and not expired (so two
/// parallel uses change the password once), every other open link of the user is closed too,
/// and every session of the user ends. `None` when the link was not usable.
pub async fn use_link(
    db: &DatabaseConnection,
    token_hash: &str,
    now: NaiveDateTime,
    password_hash: &str,
) -> Result<Option<Reset>, StorageError> {
    let txn = super::write_transaction(db).await?;
    let claimed = password_resets::Entity::update_many()
        .col_expr(password_resets::Column::UsedAt, Expr::value(Some(now)))
        .filter(password_resets::Column::TokenHash.eq(token_hash))
        .filter(password_resets::Column::UsedAt.is_null())
        .filter(password_resets::Column::ExpiresAt.gt(now))
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Ok(None);
    }
    let Some(link) = password_resets::Entity::find_by_id(token_hash.to_string())
        .one(&txn)
        .await?
    else {
        return Ok(None);
    };
    users::Entity::update_many()
        .col_expr(users::Column::PasswordHash, Expr::value(password_hash))
        .filter(users::Column::Id.eq(link.user_id))
        .exec(&txn)
        .await?;
    password_resets::Entity::update_many()
        .col_expr(password_resets::Column::UsedAt, Expr::value(Some(now)))
        .filter(password_resets::Column::UserId.eq(link.user_id))
        .filter(password_resets::Column::UsedAt.is_null())
        .exec(&txn)
        .await?;
    let sessions_ended = sessions::Entity::delete_many()
        .filter(sessions::Column::UserId.eq(link.user_id))
        .exec(&txn)
        .await?
        .rows_affected;
    txn.commit().await?;
    Ok(Some(Reset {
        user_id: link.user_id,
        sessions_ended,
    }))
}

/// Deletes links that expired before `before`: used or not, they open nothing any more.
pub async fn purge_expired_before(
    db: &DatabaseConnection,
    before: NaiveDateTime,
) -> Result<u64, StorageError> {
    Ok(password_resets::Entity::delete_many()
        .filter(password_resets::Column::ExpiresAt.lt(before))
        .exec(db)
        .await?
        .rows_affected)
}
