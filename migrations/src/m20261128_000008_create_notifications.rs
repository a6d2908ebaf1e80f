//! Notifications: what a firm is told on its dashboard (kind and facts, rendered in the
//! reader's language when shown), and an outbox of the same notices as mail, rendered in each
//! user's language, for a mail sender to drain later.

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
enum Exchanges {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    CompanyId,
    Kind,
    ExchangeId,
    Params,
    CreatedAt,
    ReadAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    UserId,
    NotificationId,
    Subject,
    Body,
    CreatedAt,
    SentAt,
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
                    .table(Notifications::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Notifications::Id))
                    .col(big_integer(Notifications::CompanyId))
                    .col(string_len(Notifications::Kind, 32))
                    .col(big_integer_null(Notifications::ExchangeId))
                    .col(text(Notifications::Params))
                    .col(timestamp(Notifications::CreatedAt))
                    .col(timestamp_null(Notifications::ReadAt))
                    .foreign_key(&mut cascade(
                        "fk_notifications_company",
                        (Notifications::Table, Notifications::CompanyId),
                        (Companies::Table, Companies::Id),
                    ))
                    // A notice about an exchange that no longer exists has nothing to show.
                    .foreign_key(&mut cascade(
                        "fk_notifications_exchange",
                        (Notifications::Table, Notifications::ExchangeId),
                        (Exchanges::Table, Exchanges::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_notifications_company")
                    .table(Notifications::Table)
                    .col(Notifications::CompanyId)
                    .col(Notifications::ReadAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Outbox::Id))
                    .col(big_integer(Outbox::UserId))
                    .col(big_integer(Outbox::NotificationId))
                    .col(string_len(Outbox::Subject, 300))
                    .col(text(Outbox::Body))
                    .col(timestamp(Outbox::CreatedAt))
                    .col(timestamp_null(Outbox::SentAt))
                    .foreign_key(&mut cascade(
                        "fk_outbox_user",
                        (Outbox::Table, Outbox::UserId),
                        (Users::Table, Users::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_outbox_notification",
                        (Outbox::Table, Outbox::NotificationId),
                        (Notifications::Table, Notifications::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_pending")
                    .table(Outbox::Table)
                    .col(Outbox::SentAt)
                    .col(Outbox::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Outbox::Table.into_iden(), Notifications::Table.into_iden()] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
