//! Pickup terms on offers and delivery terms on needs (issue #10, listings): free text such as
//! "ophalen ma–vr 7–16 u, laadperron". Both tables name the column `pickup_terms`; existing rows
//! get none, so old data reads as before.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Offers {
    Table,
    PickupTerms,
}

#[derive(DeriveIden)]
enum Needs {
    Table,
    PickupTerms,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one ADD COLUMN per ALTER TABLE, so each table is its own statement.
        manager
            .alter_table(
                Table::alter()
                    .table(Offers::Table)
                    .add_column(text_null(Offers::PickupTerms))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Needs::Table)
                    .add_column(text_null(Needs::PickupTerms))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Needs::Table)
                    .drop_column(Needs::PickupTerms)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Offers::Table)
                    .drop_column(Offers::PickupTerms)
                    .to_owned(),
            )
            .await
    }
}
