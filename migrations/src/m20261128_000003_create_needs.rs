//! Needs: inputs a firm could take from residual flows, with their acceptance lists.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_companies::Companies;
use crate::shared::{belongs_to, create_indexes};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Needs {
    Table,
    Id,
    Key,
    CompanyId,
    Description,
    Quantity,
    Unit,
    MinLot,
    VirginPriceEurPerUnit,
    MaxDistanceKm,
    LicensedForHazardous,
    Regularity,
    Confidentiality,
    LastConfirmed,
}

/// One row per accepted code, in the order the need lists them.
#[derive(DeriveIden, Clone, Copy)]
enum NeedAccepts {
    Table,
    Id,
    NeedId,
    Position,
    Code,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Needs::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Needs::Id))
                    .col(string_len_uniq(Needs::Key, 64))
                    .col(big_integer(Needs::CompanyId))
                    .col(text(Needs::Description))
                    .col(double(Needs::Quantity))
                    .col(string_len(Needs::Unit, 8))
                    .col(double(Needs::MinLot))
                    .col(double(Needs::VirginPriceEurPerUnit))
                    .col(double(Needs::MaxDistanceKm))
                    .col(boolean(Needs::LicensedForHazardous))
                    .col(string_len(Needs::Regularity, 16))
                    .col(string_len(Needs::Confidentiality, 20))
                    .col(date(Needs::LastConfirmed))
                    .foreign_key(&mut belongs_to(
                        "fk_needs_company",
                        (Needs::Table, Needs::CompanyId),
                        (Companies::Table, Companies::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        let company_index = [("idx_needs_company", Needs::CompanyId)];
        create_indexes(manager, Needs::Table, company_index).await?;
        manager
            .create_table(
                Table::create()
                    .table(NeedAccepts::Table)
                    .if_not_exists()
                    .col(big_pk_auto(NeedAccepts::Id))
                    .col(big_integer(NeedAccepts::NeedId))
                    .col(integer(NeedAccepts::Position))
                    .col(string_len(NeedAccepts::Code, 16))
                    .foreign_key(&mut belongs_to(
                        "fk_need_accepts_need",
                        (NeedAccepts::Table, NeedAccepts::NeedId),
                        (Needs::Table, Needs::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        let indexes = [
            ("idx_need_accepts_need", NeedAccepts::NeedId),
            ("idx_need_accepts_code", NeedAccepts::Code),
        ];
        create_indexes(manager, NeedAccepts::Table, indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(NeedAccepts::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Needs::Table).to_owned())
            .await
    }
}
