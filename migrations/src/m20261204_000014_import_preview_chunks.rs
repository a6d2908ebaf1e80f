//! The files of an import preview as they were uploaded, in chunks of at most a megabyte,
//! instead of inside one JSON text: writing and reading a 45 MB upload then holds one chunk
//! at a time beside the file, not several escaped copies of it. `import_previews.files` keeps
//! the file names and sizes only. Previews waiting in the old form are removed (they last a
//! day; the coordinator uploads again).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ImportPreviews {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ImportPreviewChunks {
    Table,
    Id,
    PreviewId,
    File,
    Seq,
    Bytes,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .exec_stmt(Query::delete().from_table(ImportPreviews::Table).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ImportPreviewChunks::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ImportPreviewChunks::Id))
                    .col(big_integer(ImportPreviewChunks::PreviewId))
                    // The file's place in the upload, and the chunk's place in the file.
                    .col(integer(ImportPreviewChunks::File))
                    .col(integer(ImportPreviewChunks::Seq))
                    .col(blob(ImportPreviewChunks::Bytes))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_import_preview_chunks_preview")
                            .from(ImportPreviewChunks::Table, ImportPreviewChunks::PreviewId)
                            .to(ImportPreviews::Table, ImportPreviews::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_import_preview_chunks_place")
                    .table(ImportPreviewChunks::Table)
                    .col(ImportPreviewChunks::PreviewId)
                    .col(ImportPreviewChunks::File)
                    .col(ImportPreviewChunks::Seq)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ImportPreviewChunks::Table).to_owned())
            .await
    }
}
