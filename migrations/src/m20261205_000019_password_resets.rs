//! Password resets: one row per mailed link. Only the SHA-256 of the link's token is stored
//! (a leaked table opens no account); a link is good until `expires_at` and once
//! (`used_at`).

use sea_orm_migration::{prelude::*, schema::*};

use crate::shared::{belongs_to, create_indexes};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum PasswordResets {
    Table,
    TokenHash,
    UserId,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PasswordResets::Table)
                    .if_not_exists()
                    .col(string_len(PasswordResets::TokenHash, 64).primary_key())
                    .col(big_integer(PasswordResets::UserId))
                    .col(timestamp(PasswordResets::CreatedAt))
                    .col(timestamp(PasswordResets::ExpiresAt))
                    .col(timestamp_null(PasswordResets::UsedAt))
                    .foreign_key(&mut belongs_to(
                        "fk_password_resets_user",
                        (PasswordResets::Table, PasswordResets::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        create_indexes(
            manager,
            PasswordResets::Table,
            [
                ("idx_password_resets_user", PasswordResets::UserId),
                ("idx_password_resets_expires", PasswordResets::ExpiresAt),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PasswordResets::Table).to_owned())
            .await
    }
}
