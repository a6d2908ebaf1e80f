//! Login throttling per client and idle sessions.
//!
//! `login_failures` counted failures per e-mail address with a read-then-write that parallel
//! guesses raced through, and that locked out the real owner when anyone guessed. It is
//! replaced by `login_throttle`: one leaky bucket per key (an address at one client, or one
//! client across addresses; keys are SHA-256 digests, so nobody's typed text is stored), updated
//! in one atomic upsert. Sessions get `last_seen_at` for the idle timeout.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LoginFailures {
    Table,
    Email,
    Failures,
    LastFailureAt,
}

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    Key,
    Level,
    UpdatedMs,
    Attempt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    LastSeenAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(LoginFailures::Table).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LoginThrottle::Table)
                    .if_not_exists()
                    .col(string_len(LoginThrottle::Key, 64).primary_key())
                    .col(double(LoginThrottle::Level))
                    .col(big_integer(LoginThrottle::UpdatedMs))
                    .col(string_len(LoginThrottle::Attempt, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Sessions::Table)
                    .add_column(timestamp_null(Sessions::LastSeenAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Sessions::Table)
                    .drop_column(Sessions::LastSeenAt)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(LoginThrottle::Table).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LoginFailures::Table)
                    .if_not_exists()
                    .col(string_len(LoginFailures::Email, 254).primary_key())
                    .col(integer(LoginFailures::Failures))
                    .col(timestamp(LoginFailures::LastFailureAt))
                    .to_owned(),
            )
            .await
    }
}
