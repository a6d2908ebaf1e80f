//! The outbox: mail waiting to be sent, with its delivery record. Notices put their mail here
//! ([`super::notifications::notify`]), and so does mail about no notice ([`queue`], the
//! password-reset link). The sender takes what is [`due`], then marks each mail sent,
//! postponed after a failure that may pass, or failed for good.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use super::StorageError;
use super::entities::{outbox, users};

/// A mail waiting in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingMail {
    /// The outbox row, to pass to [`mark_sent`] once sent.
    pub id: i64,
    /// The recipient's address.
    pub to: String,
    pub subject: String,
    /// Plain text; links in it start with [`crate::mail::links::SITE`], which the sender
    /// replaces with the site's public address.
    pub body: String,
    pub created_at: NaiveDateTime,
    /// How often sending it failed before.
    pub attempts: i32,
}

/// Puts a mail to user `user_id` that tells of no notice in the outbox; returns its id.
pub async fn queue(
    conn: &impl ConnectionTrait,
    user_id: i64,
    subject: &str,
    body: &str,
    at: NaiveDateTime,
) -> Result<i64, StorageError> {
    let inserted = outbox::Entity::insert(outbox::ActiveModel {
        id: NotSet,
        user_id: Set(user_id),
        notification_id: Set(None),
        subject: Set(subject.to_string()),
        body: Set(body.to_string()),
        created_at: Set(at),
        ..Default::default()
    })
    .exec(conn)
    .await?;
    Ok(inserted.last_insert_id)
}

fn unsent() -> Condition {
    Condition::all()
        .add(outbox::Column::SentAt.is_null())
        .add(outbox::Column::FailedAt.is_null())
}

/// Mail not sent yet (nor refused for good), oldest first, at most `limit`, whether or not it
/// is due for another attempt. A mail stays pending until marked, so a sender that stops
/// half-way sends the rest next time.
pub async fn pending_mail(
    db: &DatabaseConnection,
    limit: u64,
) -> Result<Vec<PendingMail>, StorageError> {
    let rows = outbox::Entity::find()
        .filter(unsent())
        .order_by_asc(outbox::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    with_addresses(db, rows).await
}

/// The pending mail due at `now` (never tried, or its wait after a failure is over), oldest
/// first, at most `limit`: what the sender sends next.
pub async fn due(
    db: &DatabaseConnection,
    now: NaiveDateTime,
    limit: u64,
) -> Result<Vec<PendingMail>, StorageError> {
    let rows = outbox::Entity::find()
        .filter(unsent())
        .filter(
            Condition::any()
                .add(outbox::Column::NextAttemptAt.is_null())
                .add(outbox::Column::NextAttemptAt.lte(now)),
        )
        .order_by_asc(outbox::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    with_addresses(db, rows).await
}

/// The rows as mail, each with its recipient's address (a row whose user is gone is left out;
/// the row itself goes with the user).
async fn with_addresses(
    db: &DatabaseConnection,
    rows: Vec<outbox::Model>,
) -> Result<Vec<PendingMail>, StorageError> {
    let addresses: HashMap<i64, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(rows.iter().map(|r| r.user_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|user| (user.id, user.email))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|row| {
            Some(PendingMail {
                to: addresses.get(&row.user_id)?.clone(),
                id: row.id,
                subject: row.subject,
                body: row.body,
                created_at: row.created_at,
                attempts: row.attempts,
            })
        })
        .collect())
}

/// Records that the outbox mails `ids` were sent at `at`; returns how many were pending.
pub async fn mark_sent(
    db: &DatabaseConnection,
    ids: &[i64],
    at: NaiveDateTime,
) -> Result<u64, StorageError> {
    let result = outbox::Entity::update_many()
        .col_expr(outbox::Column::SentAt, Expr::value(Some(at)))
        .filter(outbox::Column::Id.is_in(ids.iter().copied()))
        .filter(unsent())
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// What became of one attempt that did not send a mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure<'a> {
    /// It may pass (no connection, a 4xx answer): try again from `retry_at`.
    Postponed {
        error: &'a str,
        retry_at: NaiveDateTime,
    },
    /// The server refused the mail for good (a 5xx answer): it is not tried again.
    Refused { error: &'a str, at: NaiveDateTime },
}

/// Records a failed attempt on the outbox mail `id`: one more attempt, the error, and either
/// when to try again or that it failed for good.
pub async fn record_failure(
    db: &DatabaseConnection,
    id: i64,
    failure: Failure<'_>,
) -> Result<(), StorageError> {
    let (error, retry_at, failed_at) = match failure {
        Failure::Postponed { error, retry_at } => (error, Some(retry_at), None),
        Failure::Refused { error, at } => (error, None, Some(at)),
    };
    // Long server answers are cut: the column is for a person reading why.
    let error: String = error.chars().take(1000).collect();
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::Attempts,
            Expr::col(outbox::Column::Attempts).add(1),
        )
        .col_expr(outbox::Column::LastError, Expr::value(Some(error)))
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(retry_at))
        .col_expr(outbox::Column::FailedAt, Expr::value(failed_at))
        .filter(outbox::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}
