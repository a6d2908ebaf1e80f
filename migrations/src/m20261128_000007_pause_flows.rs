//! Paused flows: an offer or need its firm has paused stays listed for the firm but leaves
//! matching until it is resumed. Existing flows are not paused.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Offers {
    Table,
    Paused,
}

#[derive(DeriveIden)]
enum Needs {
    Table,
    Paused,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one change per ALTER TABLE, so each table gets its own statement.
        manager
            .alter_table(
                Table::alter()
                    .table(Offers::Table)
                    .add_column(boolean(Offers::Paused).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Needs::Table)
                    .add_column(boolean(Needs::Paused).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Offers::Table)
                    .drop_column(Offers::Paused)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Needs::Table)
                    .drop_column(Needs::Paused)
                    .to_owned(),
            )
            .await
    }
}
