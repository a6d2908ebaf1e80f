//! Saved searches: a firm keeps a market search under a name and hears of new flows that fit
//! it. The search is stored as its canonical query string (`?woorden=koffiedik&soort=offers`),
//! so the market's own parser reads it back and the page's link opens it again.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_companies::Companies;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SavedSearches {
    Table,
    Id,
    CompanyId,
    Name,
    Query,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SavedSearches::Table)
                    .if_not_exists()
                    .col(big_pk_auto(SavedSearches::Id))
                    .col(big_integer(SavedSearches::CompanyId))
                    .col(string_len(SavedSearches::Name, 100))
                    .col(text(SavedSearches::Query))
                    .col(timestamp(SavedSearches::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_saved_searches_company")
                            .from(SavedSearches::Table, SavedSearches::CompanyId)
                            .to(Companies::Table, Companies::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_saved_searches_company")
                    .table(SavedSearches::Table)
                    .col(SavedSearches::CompanyId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(SavedSearches::Table).to_owned())
            .await
    }
}
