//! Agreeing, starting and completing an exchange need both sides: `confirmed_by` holds the
//! side ("supplier" or "receiver") that already confirmed the next step, NULL when none did.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Exchanges {
    Table,
    ConfirmedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Exchanges::Table)
                    .add_column(string_len_null(Exchanges::ConfirmedBy, 16))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Exchanges::Table)
                    .drop_column(Exchanges::ConfirmedBy)
                    .to_owned(),
            )
            .await
    }
}
