//! Materials beyond the waste code (issue #11): a firm's country (NL, BE or DE; the region
//! borders Belgium and Germany), an offer's material class, and each flow's descriptors as
//! JSON (`domain::descriptors::{OfferDescriptors, NeedDescriptors}`). Existing rows get
//! `NL`, no class and `{}`: every descriptor unknown, so old data behaves as before.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Companies {
    Table,
    Country,
}

#[derive(DeriveIden)]
enum Offers {
    Table,
    MaterialClass,
    Descriptors,
}

#[derive(DeriveIden)]
enum Needs {
    Table,
    Descriptors,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite takes one ADD COLUMN per ALTER TABLE, so each column is its own statement.
        manager
            .alter_table(
                Table::alter()
                    .table(Companies::Table)
                    .add_column(string_len(Companies::Country, 2).default("NL"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Offers::Table)
                    .add_column(string_len_null(Offers::MaterialClass, 64))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Offers::Table)
                    .add_column(text(Offers::Descriptors).default("{}"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Needs::Table)
                    .add_column(text(Needs::Descriptors).default("{}"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Needs::Table)
                    .drop_column(Needs::Descriptors)
                    .to_owned(),
            )
            .await?;
        for column in [Offers::Descriptors, Offers::MaterialClass] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Offers::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Companies::Table)
                    .drop_column(Companies::Country)
                    .to_owned(),
            )
            .await
    }
}
