//! A photo per offer or need (issue #10, listings): the re-encoded JPEG in the database, so a
//! backup of the database holds it and no directory has to be kept in step. Deleting the flow
//! deletes its photo.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FlowPhotos {
    Table,
    Id,
    OfferId,
    NeedId,
    Jpeg,
    Width,
    Height,
    UploadedAt,
}

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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FlowPhotos::Table)
                    .if_not_exists()
                    .col(big_pk_auto(FlowPhotos::Id))
                    .col(big_integer_null(FlowPhotos::OfferId).unique_key())
                    .col(big_integer_null(FlowPhotos::NeedId).unique_key())
                    .col(blob(FlowPhotos::Jpeg))
                    .col(integer(FlowPhotos::Width))
                    .col(integer(FlowPhotos::Height))
                    .col(timestamp(FlowPhotos::UploadedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_flow_photos_offer")
                            .from(FlowPhotos::Table, FlowPhotos::OfferId)
                            .to(Offers::Table, Offers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_flow_photos_need")
                            .from(FlowPhotos::Table, FlowPhotos::NeedId)
                            .to(Needs::Table, Needs::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FlowPhotos::Table).to_owned())
            .await
    }
}
