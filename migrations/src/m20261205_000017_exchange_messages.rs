//! Messages inside an exchange: the two firms (and coordinators) write to each other once
//! both said interested. `exchange_messages` holds the thread, oldest first by id;
//! `exchange_message_reads` holds, per firm and exchange, the last message the firm has read,
//! so that the unread count is the messages of others after that mark.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_companies::Companies;
use crate::shared::belongs_to;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Exchanges {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ExchangeMessages {
    Table,
    Id,
    ExchangeId,
    UserId,
    CompanyId,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ExchangeMessageReads {
    Table,
    ExchangeId,
    CompanyId,
    LastReadId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ExchangeMessages::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ExchangeMessages::Id))
                    .col(big_integer(ExchangeMessages::ExchangeId))
                    .col(big_integer(ExchangeMessages::UserId))
                    // The sender's firm; NULL when a coordinator wrote it.
                    .col(big_integer_null(ExchangeMessages::CompanyId))
                    .col(text(ExchangeMessages::Body))
                    .col(timestamp(ExchangeMessages::CreatedAt))
                    .foreign_key(&mut belongs_to(
                        "fk_exchange_messages_exchange",
                        (ExchangeMessages::Table, ExchangeMessages::ExchangeId),
                        (Exchanges::Table, Exchanges::Id),
                    ))
                    .foreign_key(&mut belongs_to(
                        "fk_exchange_messages_user",
                        (ExchangeMessages::Table, ExchangeMessages::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_exchange_messages_exchange")
                    .table(ExchangeMessages::Table)
                    .col(ExchangeMessages::ExchangeId)
                    .col(ExchangeMessages::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ExchangeMessageReads::Table)
                    .if_not_exists()
                    .col(big_integer(ExchangeMessageReads::ExchangeId))
                    .col(big_integer(ExchangeMessageReads::CompanyId))
                    .col(big_integer(ExchangeMessageReads::LastReadId))
                    .primary_key(
                        Index::create()
                            .col(ExchangeMessageReads::ExchangeId)
                            .col(ExchangeMessageReads::CompanyId),
                    )
                    .foreign_key(&mut belongs_to(
                        "fk_exchange_message_reads_exchange",
                        (
                            ExchangeMessageReads::Table,
                            ExchangeMessageReads::ExchangeId,
                        ),
                        (Exchanges::Table, Exchanges::Id),
                    ))
                    .foreign_key(&mut belongs_to(
                        "fk_exchange_message_reads_company",
                        (ExchangeMessageReads::Table, ExchangeMessageReads::CompanyId),
                        (Companies::Table, Companies::Id),
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ExchangeMessageReads::Table.into_iden(),
            ExchangeMessages::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
