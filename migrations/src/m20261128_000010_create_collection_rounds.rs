//! Collection rounds: a coordinator turns a pool of small producers into one round that
//! collects their offers for a receiver's need, each member paying its share of the round.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_companies::Companies;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Offers {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Needs {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CollectionRounds {
    Table,
    Id,
    NeedId,
    CreatedAt,
    CreatedBy,
    State,
}

#[derive(DeriveIden)]
enum CollectionRoundMembers {
    Table,
    Id,
    RoundId,
    OfferId,
    CompanyId,
    CostShareEurPerYear,
    TonnesPerYear,
}

fn foreign_key(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CollectionRounds::Table)
                    .if_not_exists()
                    .col(big_pk_auto(CollectionRounds::Id))
                    .col(big_integer(CollectionRounds::NeedId))
                    .col(timestamp(CollectionRounds::CreatedAt))
                    .col(big_integer_null(CollectionRounds::CreatedBy))
                    .col(string_len(CollectionRounds::State, 16))
                    // A round without its receiver's need has nowhere to deliver.
                    .foreign_key(&mut foreign_key(
                        "fk_collection_rounds_need",
                        (CollectionRounds::Table, CollectionRounds::NeedId),
                        (Needs::Table, Needs::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    // The round outlives the account of the coordinator who formed it.
                    .foreign_key(&mut foreign_key(
                        "fk_collection_rounds_creator",
                        (CollectionRounds::Table, CollectionRounds::CreatedBy),
                        (Users::Table, Users::Id),
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_collection_rounds_need")
                    .table(CollectionRounds::Table)
                    .col(CollectionRounds::NeedId)
                    // One round per receiver's need: pressing twice never forms a second.
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CollectionRoundMembers::Table)
                    .if_not_exists()
                    .col(big_pk_auto(CollectionRoundMembers::Id))
                    .col(big_integer(CollectionRoundMembers::RoundId))
                    .col(big_integer(CollectionRoundMembers::OfferId))
                    .col(big_integer(CollectionRoundMembers::CompanyId))
                    .col(double(CollectionRoundMembers::CostShareEurPerYear))
                    .col(double(CollectionRoundMembers::TonnesPerYear))
                    .foreign_key(&mut foreign_key(
                        "fk_collection_round_members_round",
                        (
                            CollectionRoundMembers::Table,
                            CollectionRoundMembers::RoundId,
                        ),
                        (CollectionRounds::Table, CollectionRounds::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_collection_round_members_offer",
                        (
                            CollectionRoundMembers::Table,
                            CollectionRoundMembers::OfferId,
                        ),
                        (Offers::Table, Offers::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut foreign_key(
                        "fk_collection_round_members_company",
                        (
                            CollectionRoundMembers::Table,
                            CollectionRoundMembers::CompanyId,
                        ),
                        (Companies::Table, Companies::Id),
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_collection_round_members_offer")
                    .table(CollectionRoundMembers::Table)
                    .col(CollectionRoundMembers::RoundId)
                    .col(CollectionRoundMembers::OfferId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // A firm's page asks which rounds it is a member of.
        manager
            .create_index(
                Index::create()
                    .name("idx_collection_round_members_company")
                    .table(CollectionRoundMembers::Table)
                    .col(CollectionRoundMembers::CompanyId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CollectionRoundMembers::Table.into_iden(),
            CollectionRounds::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
