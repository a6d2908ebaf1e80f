//! The coordinator's contact log: contact people per firm (name, role, phone, e-mail) and
//! dated notes about the firm. Both are the coordinators' own records; no firm ever reads
//! them.

use sea_orm_migration::{prelude::*, schema::*};

use crate::m20261128_000001_create_companies::Companies;
use crate::shared::{belongs_to, create_indexes};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden, Clone, Copy)]
enum FirmContacts {
    Table,
    Id,
    CompanyId,
    Name,
    Role,
    Phone,
    Email,
    UpdatedAt,
}

#[derive(DeriveIden, Clone, Copy)]
enum FirmNotes {
    Table,
    Id,
    CompanyId,
    AuthorId,
    Text,
    At,
}

/// One contact person of a firm.
fn contacts() -> TableCreateStatement {
    Table::create()
        .table(FirmContacts::Table)
        .if_not_exists()
        .col(big_pk_auto(FirmContacts::Id))
        .col(big_integer(FirmContacts::CompanyId))
        .col(string_len(FirmContacts::Name, 100))
        .col(string_len(FirmContacts::Role, 100))
        .col(string_len(FirmContacts::Phone, 40))
        .col(string_len(FirmContacts::Email, 254))
        .col(timestamp(FirmContacts::UpdatedAt))
        .foreign_key(&mut belongs_to(
            "fk_firm_contacts_company",
            (FirmContacts::Table, FirmContacts::CompanyId),
            (Companies::Table, Companies::Id),
        ))
        .to_owned()
}

/// One dated note of the log.
fn notes() -> TableCreateStatement {
    Table::create()
        .table(FirmNotes::Table)
        .if_not_exists()
        .col(big_pk_auto(FirmNotes::Id))
        .col(big_integer(FirmNotes::CompanyId))
        .col(big_integer_null(FirmNotes::AuthorId))
        .col(text(FirmNotes::Text))
        .col(timestamp(FirmNotes::At))
        .foreign_key(&mut belongs_to(
            "fk_firm_notes_company",
            (FirmNotes::Table, FirmNotes::CompanyId),
            (Companies::Table, Companies::Id),
        ))
        // The log outlives the account of the coordinator who wrote a note.
        .foreign_key(
            ForeignKey::create()
                .name("fk_firm_notes_author")
                .from(FirmNotes::Table, FirmNotes::AuthorId)
                .to(Users::Table, Users::Id)
                .on_delete(ForeignKeyAction::SetNull),
        )
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(contacts()).await?;
        manager.create_table(notes()).await?;
        create_indexes(
            manager,
            FirmContacts::Table,
            [("idx_firm_contacts_company", FirmContacts::CompanyId)],
        )
        .await?;
        // "Not contacted for 90 days" asks for each firm's latest note.
        create_indexes(
            manager,
            FirmNotes::Table,
            [("idx_firm_notes_company", FirmNotes::CompanyId)],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            FirmNotes::Table.into_iden(),
            FirmContacts::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
