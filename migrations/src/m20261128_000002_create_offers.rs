//! Offers: residual flows a firm wants to get rid of.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_companies::Companies;
use crate::shared::{belongs_to, create_indexes};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden, Clone, Copy)]
enum Offers {
    Table,
    Id,
    Key,
    CompanyId,
    Material,
    DeclaredHazardous,
    Description,
    Quantity,
    Unit,
    DisposalCostEurPerUnit,
    Regularity,
    AvailableFrom,
    AvailableUntil,
    Confidentiality,
    LastConfirmed,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Offers::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Offers::Id))
                    .col(string_len_uniq(Offers::Key, 64))
                    .col(big_integer(Offers::CompanyId))
                    .col(string_len(Offers::Material, 16))
                    .col(boolean_null(Offers::DeclaredHazardous))
                    .col(text(Offers::Description))
                    .col(double(Offers::Quantity))
                    .col(string_len(Offers::Unit, 8))
                    .col(double(Offers::DisposalCostEurPerUnit))
                    .col(string_len(Offers::Regularity, 16))
                    .col(date_null(Offers::AvailableFrom))
                    .col(date_null(Offers::AvailableUntil))
                    .col(string_len(Offers::Confidentiality, 20))
                    .col(date(Offers::LastConfirmed))
                    .foreign_key(&mut belongs_to(
                        "fk_offers_company",
                        (Offers::Table, Offers::CompanyId),
                        (Companies::Table, Companies::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        let indexes = [
            ("idx_offers_company", Offers::CompanyId),
            ("idx_offers_material", Offers::Material),
        ];
        create_indexes(manager, Offers::Table, indexes).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Offers::Table).to_owned())
            .await
    }
}
