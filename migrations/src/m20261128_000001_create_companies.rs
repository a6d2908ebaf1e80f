//! Firms: one row per company, with its location.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
pub(crate) enum Companies {
    Table,
    Id,
    Key,
    Name,
    Nace,
    Employees,
    Address,
    Municipality,
    Lat,
    Lon,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Companies::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Companies::Id))
                    .col(string_len_uniq(Companies::Key, 64))
                    .col(string_len(Companies::Name, 200))
                    .col(string_len_null(Companies::Nace, 8))
                    .col(integer(Companies::Employees))
                    .col(string_len(Companies::Address, 300))
                    .col(string_len(Companies::Municipality, 100))
                    .col(double(Companies::Lat))
                    .col(double(Companies::Lon))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_companies_municipality")
                    .table(Companies::Table)
                    .col(Companies::Municipality)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Companies::Table).to_owned())
            .await
    }
}
