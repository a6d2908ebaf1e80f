//! Partnerships: small firms that a coordinator brings together for borrowed size (joint
//! purchasing, shared logistics, training, marketing, shared collection), the firms invited
//! with their answers, and what the partnership did.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_companies::Companies;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Partnerships {
    Table,
    Id,
    Name,
    Kind,
    Reason,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PartnershipMembers {
    Table,
    Id,
    PartnershipId,
    CompanyId,
    State,
    InvitedAt,
    RespondedAt,
}

#[derive(DeriveIden)]
enum PartnershipActivities {
    Table,
    Id,
    PartnershipId,
    Day,
    Description,
    CreatedBy,
    CreatedAt,
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

/// The partnership's own row.
fn partnerships() -> TableCreateStatement {
    Table::create()
        .table(Partnerships::Table)
        .if_not_exists()
        .col(big_pk_auto(Partnerships::Id))
        .col(string_len(Partnerships::Name, 200))
        .col(string_len(Partnerships::Kind, 32))
        .col(text(Partnerships::Reason))
        .col(big_integer_null(Partnerships::CreatedBy))
        .col(timestamp(Partnerships::CreatedAt))
        // The partnership outlives the account of the coordinator who started it.
        .foreign_key(&mut foreign_key(
            "fk_partnerships_creator",
            (Partnerships::Table, Partnerships::CreatedBy),
            (Users::Table, Users::Id),
            ForeignKeyAction::SetNull,
        ))
        .to_owned()
}

/// One firm invited to a partnership, and its answer.
fn members() -> TableCreateStatement {
    Table::create()
        .table(PartnershipMembers::Table)
        .if_not_exists()
        .col(big_pk_auto(PartnershipMembers::Id))
        .col(big_integer(PartnershipMembers::PartnershipId))
        .col(big_integer(PartnershipMembers::CompanyId))
        .col(string_len(PartnershipMembers::State, 16))
        .col(timestamp(PartnershipMembers::InvitedAt))
        .col(timestamp_null(PartnershipMembers::RespondedAt))
        .foreign_key(&mut foreign_key(
            "fk_partnership_members_partnership",
            (PartnershipMembers::Table, PartnershipMembers::PartnershipId),
            (Partnerships::Table, Partnerships::Id),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut foreign_key(
            "fk_partnership_members_company",
            (PartnershipMembers::Table, PartnershipMembers::CompanyId),
            (Companies::Table, Companies::Id),
            ForeignKeyAction::Cascade,
        ))
        .to_owned()
}

/// Something a partnership did on a day.
fn activities() -> TableCreateStatement {
    Table::create()
        .table(PartnershipActivities::Table)
        .if_not_exists()
        .col(big_pk_auto(PartnershipActivities::Id))
        .col(big_integer(PartnershipActivities::PartnershipId))
        .col(date(PartnershipActivities::Day))
        .col(text(PartnershipActivities::Description))
        .col(big_integer_null(PartnershipActivities::CreatedBy))
        .col(timestamp(PartnershipActivities::CreatedAt))
        .foreign_key(&mut foreign_key(
            "fk_partnership_activities_partnership",
            (
                PartnershipActivities::Table,
                PartnershipActivities::PartnershipId,
            ),
            (Partnerships::Table, Partnerships::Id),
            ForeignKeyAction::Cascade,
        ))
        .foreign_key(&mut foreign_key(
            "fk_partnership_activities_creator",
            (
                PartnershipActivities::Table,
                PartnershipActivities::CreatedBy,
            ),
            (Users::Table, Users::Id),
            ForeignKeyAction::SetNull,
        ))
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(partnerships()).await?;
        manager.create_table(members()).await?;
        // A firm is invited to a partnership once; a second invitation updates that row.
        manager
            .create_index(
                Index::create()
                    .name("idx_partnership_members_pair")
                    .table(PartnershipMembers::Table)
                    .col(PartnershipMembers::PartnershipId)
                    .col(PartnershipMembers::CompanyId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // A firm's page asks which partnerships it is invited to.
        manager
            .create_index(
                Index::create()
                    .name("idx_partnership_members_company")
                    .table(PartnershipMembers::Table)
                    .col(PartnershipMembers::CompanyId)
                    .to_owned(),
            )
            .await?;
        manager.create_table(activities()).await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_partnership_activities_partnership")
                    .table(PartnershipActivities::Table)
                    .col(PartnershipActivities::PartnershipId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            PartnershipActivities::Table.into_iden(),
            PartnershipMembers::Table.into_iden(),
            Partnerships::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
