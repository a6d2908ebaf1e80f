//! Exchanges: a suggestion with a life (stages, who did what when, tonnes moved).

use sea_orm_migration::{prelude::*, schema::*};

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
enum Exchanges {
    Table,
    Id,
    OfferId,
    NeedId,
    Stage,
    SupplierInterested,
    ReceiverInterested,
    DeclineReason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ExchangeEvents {
    Table,
    Id,
    ExchangeId,
    UserId,
    Step,
    FromStage,
    ToStage,
    Note,
    At,
}

#[derive(DeriveIden)]
enum ExchangeTonnes {
    Table,
    Id,
    ExchangeId,
    Period,
    Tonnes,
    UserId,
    At,
}

fn cascade(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Exchanges::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Exchanges::Id))
                    .col(big_integer(Exchanges::OfferId))
                    .col(big_integer(Exchanges::NeedId))
                    .col(string_len(Exchanges::Stage, 16))
                    .col(boolean(Exchanges::SupplierInterested))
                    .col(boolean(Exchanges::ReceiverInterested))
                    .col(text_null(Exchanges::DeclineReason))
                    .col(timestamp(Exchanges::CreatedAt))
                    .foreign_key(&mut cascade(
                        "fk_exchanges_offer",
                        (Exchanges::Table, Exchanges::OfferId),
                        (Offers::Table, Offers::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_exchanges_need",
                        (Exchanges::Table, Exchanges::NeedId),
                        (Needs::Table, Needs::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_exchanges_pair")
                    .table(Exchanges::Table)
                    .col(Exchanges::OfferId)
                    .col(Exchanges::NeedId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExchangeEvents::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ExchangeEvents::Id))
                    .col(big_integer(ExchangeEvents::ExchangeId))
                    .col(big_integer_null(ExchangeEvents::UserId))
                    .col(string_len(ExchangeEvents::Step, 32))
                    .col(string_len(ExchangeEvents::FromStage, 16))
                    .col(string_len(ExchangeEvents::ToStage, 16))
                    .col(text(ExchangeEvents::Note))
                    .col(timestamp(ExchangeEvents::At))
                    .foreign_key(&mut cascade(
                        "fk_exchange_events_exchange",
                        (ExchangeEvents::Table, ExchangeEvents::ExchangeId),
                        (Exchanges::Table, Exchanges::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExchangeTonnes::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ExchangeTonnes::Id))
                    .col(big_integer(ExchangeTonnes::ExchangeId))
                    .col(string_len(ExchangeTonnes::Period, 7))
                    .col(double(ExchangeTonnes::Tonnes))
                    .col(big_integer_null(ExchangeTonnes::UserId))
                    .col(timestamp(ExchangeTonnes::At))
                    .foreign_key(&mut cascade(
                        "fk_exchange_tonnes_exchange",
                        (ExchangeTonnes::Table, ExchangeTonnes::ExchangeId),
                        (Exchanges::Table, Exchanges::Id),
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ExchangeTonnes::Table.into_iden(),
            ExchangeEvents::Table.into_iden(),
            Exchanges::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
