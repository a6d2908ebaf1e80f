//! Import previews: files a coordinator uploaded on `/data`, checked and shown but not yet
//! imported. They wait here, under a random token, until a coordinator confirms or cancels.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ImportPreviews {
    Table,
    Id,
    Token,
    UserId,
    Files,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ImportPreviews::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ImportPreviews::Id))
                    .col(string_len_uniq(ImportPreviews::Token, 64))
                    .col(big_integer(ImportPreviews::UserId))
                    // The file names and contents as a JSON array: JSON escapes what a
                    // PostgreSQL text column cannot hold (NUL), and one row is one upload.
                    .col(text(ImportPreviews::Files))
                    .col(timestamp(ImportPreviews::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_import_previews_user")
                            .from(ImportPreviews::Table, ImportPreviews::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_import_previews_created_at")
                    .table(ImportPreviews::Table)
                    .col(ImportPreviews::CreatedAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ImportPreviews::Table).to_owned())
            .await
    }
}
