//! Delivery of the outbox: each mail counts its attempts, keeps the last error, waits until
//! `next_attempt_at` before it is tried again and is marked `failed_at` when the mail server
//! refused it for good. A mail need no longer belong to a notice (`notification_id` may be
//! empty): a password-reset link is mail about no notice.
//!
//! PostgreSQL drops the NOT NULL in place. SQLite cannot alter a column, so there the table
//! is rebuilt with the same rows and ids.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shared::belongs_to;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    UserId,
    NotificationId,
    Subject,
    Body,
    CreatedAt,
    SentAt,
    Attempts,
    LastError,
    NextAttemptAt,
    FailedAt,
}

#[derive(DeriveIden)]
enum OutboxRebuilt {
    Table,
}

/// The columns this migration adds, each in its own ALTER (SQLite takes one per statement).
fn delivery_columns() -> Vec<ColumnDef> {
    vec![
        integer(Outbox::Attempts).default(0).to_owned(),
        text_null(Outbox::LastError),
        timestamp_null(Outbox::NextAttemptAt),
        timestamp_null(Outbox::FailedAt),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Sqlite {
            return rebuild_on_sqlite(manager).await;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Outbox::Table)
                    .modify_column(big_integer_null(Outbox::NotificationId))
                    .to_owned(),
            )
            .await?;
        for mut column in delivery_columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(Outbox::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Mail about no notice cannot go back into a table that requires one.
        let conn = manager.get_connection();
        conn.execute_unprepared("DELETE FROM outbox WHERE notification_id IS NULL")
            .await?;
        for column in [
            Outbox::Attempts,
            Outbox::LastError,
            Outbox::NextAttemptAt,
            Outbox::FailedAt,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Outbox::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}

/// SQLite: a new table with the wanted columns, the rows copied with their ids, the old one
/// dropped, the new one renamed and the pending-mail index made again.
async fn rebuild_on_sqlite(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let mut table = Table::create();
    table
        .table(OutboxRebuilt::Table)
        .col(big_pk_auto(Outbox::Id))
        .col(big_integer(Outbox::UserId))
        .col(big_integer_null(Outbox::NotificationId))
        .col(string_len(Outbox::Subject, 300))
        .col(text(Outbox::Body))
        .col(timestamp(Outbox::CreatedAt))
        .col(timestamp_null(Outbox::SentAt));
    for mut column in delivery_columns() {
        table.col(&mut column);
    }
    table
        .foreign_key(&mut belongs_to(
            "fk_outbox_user",
            (OutboxRebuilt::Table, Outbox::UserId),
            (Users::Table, Users::Id),
        ))
        .foreign_key(&mut belongs_to(
            "fk_outbox_notification",
            (OutboxRebuilt::Table, Outbox::NotificationId),
            (Notifications::Table, Notifications::Id),
        ));
    manager.create_table(table.to_owned()).await?;
    // One batch, so that the copy, the drop and the rename run on one connection of the pool.
    manager
        .get_connection()
        .execute_unprepared(
            "INSERT INTO outbox_rebuilt (id, user_id, notification_id, subject, body, created_at, sent_at) \
             SELECT id, user_id, notification_id, subject, body, created_at, sent_at FROM outbox; \
             DROP TABLE outbox; \
             ALTER TABLE outbox_rebuilt RENAME TO outbox; \
             CREATE INDEX idx_outbox_pending ON outbox (sent_at, id);",
        )
        .await?;
    Ok(())
}
