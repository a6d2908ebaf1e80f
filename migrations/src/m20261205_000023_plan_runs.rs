//! The region plan's last run, kept across restarts: when it ran, how long each stage took
//! and the region it saw (as a symbiosis-instance JSON document). The matcher is
//! deterministic, so the region is all it takes to give the same plan again.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PlanRuns {
    Table,
    Id,
    Run,
    StartedAt,
    FinishedAt,
    Today,
    StageSeconds,
    Region,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PlanRuns::Table)
                    .if_not_exists()
                    .col(big_pk_auto(PlanRuns::Id))
                    .col(big_integer(PlanRuns::Run))
                    .col(timestamp(PlanRuns::StartedAt))
                    .col(timestamp(PlanRuns::FinishedAt))
                    .col(date(PlanRuns::Today))
                    .col(text(PlanRuns::StageSeconds))
                    .col(text(PlanRuns::Region))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(PlanRuns::Table).to_owned())
            .await
    }
}
