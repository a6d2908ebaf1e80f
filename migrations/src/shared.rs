//! Pieces several migrations build their tables from.

use sea_orm_migration::prelude::*;

/// A foreign key `name` from `from` (table, column) to `to` (table, column): the row goes
/// when the row it belongs to is deleted.
pub fn belongs_to<T, C, P, I>(name: &str, from: (T, C), to: (P, I)) -> ForeignKeyCreateStatement
where
    T: IntoTableRef,
    C: IdenList,
    P: IntoTableRef,
    I: IdenList,
{
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// Creates one single-column index on `table` per `(name, column)`.
pub async fn create_indexes<T, C>(
    manager: &SchemaManager<'_>,
    table: T,
    indexes: impl IntoIterator<Item = (&str, C)>,
) -> Result<(), DbErr>
where
    T: IntoTableRef + Clone,
    C: IntoIndexColumn,
{
    for (name, column) in indexes {
        manager
            .create_index(
                Index::create()
                    .name(name)
                    .table(table.clone())
                    .col(column)
                    .to_owned(),
            )
            .await?;
    }
    Ok(())
}
