//! The coordinators' contact log: contact people and notes per firm. Each change names the
//! firm as well as the row, so that a form of one firm's page never changes another's.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use super::StorageError;
use super::entities::{companies, firm_contacts, firm_notes, users};
use crate::domain::contact::{Contact, NoteText};

/// A stored contact person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactRecord {
    pub id: i64,
    pub contact: Contact,
    pub updated_at: NaiveDateTime,
}

/// A stored note with its author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRecord {
    pub id: i64,
    /// The author's user id; `None` once that account is gone.
    pub author_id: Option<i64>,
    /// The author's e-mail address, how coordinators know each other here.
    pub author: Option<String>,
    pub text: String,
    pub at: NaiveDateTime,
}

/// The firm's contact people, by name.
pub async fn contacts_of(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<Vec<ContactRecord>, StorageError> {
    let rows = firm_contacts::Entity::find()
        .filter(firm_contacts::Column::CompanyId.eq(company_id))
        .order_by_asc(firm_contacts::Column::Name)
        .order_by_asc(firm_contacts::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|row| ContactRecord {
            id: row.id,
            contact: Contact {
                name: row.name,
                role: row.role,
                phone: row.phone,
                email: row.email,
            },
            updated_at: row.updated_at,
        })
        .collect())
}

/// Adds a contact person to a firm; its id.
pub async fn add_contact(
    db: &DatabaseConnection,
    company_id: i64,
    contact: &Contact,
    at: NaiveDateTime,
) -> Result<i64, StorageError> {
    let row = firm_contacts::ActiveModel {
        id: NotSet,
        company_id: Set(company_id),
        name: Set(contact.name.clone()),
        role: Set(contact.role.clone()),
        phone: Set(contact.phone.clone()),
        email: Set(contact.email.clone()),
        updated_at: Set(at),
    };
    Ok(firm_contacts::Entity::insert(row)
        .exec(db)
        .await?
        .last_insert_id)
}

/// Changes contact `id` of the firm; whether there was one.
pub async fn change_contact(
    db: &DatabaseConnection,
    company_id: i64,
    id: i64,
    contact: &Contact,
    at: NaiveDateTime,
) -> Result<bool, StorageError> {
    let changed = firm_contacts::Entity::update_many()
        .col_expr(firm_contacts::Column::Name, Expr::value(&contact.name))
        .col_expr(firm_contacts::Column::Role, Expr::value(&contact.role))
        .col_expr(firm_contacts::Column::Phone, Expr::value(&contact.phone))
        .col_expr(firm_contacts::Column::Email, Expr::value(&contact.email))
        .col_expr(firm_contacts::Column::UpdatedAt, Expr::value(at))
        .filter(firm_contacts::Column::Id.eq(id))
        .filter(firm_contacts::Column::CompanyId.eq(company_id))
        .exec(db)
        .await?;
    Ok(changed.rows_affected > 0)
}

/// Deletes contact `id` of the firm; whether there was one.
pub async fn delete_contact(
    db: &DatabaseConnection,
    company_id: i64,
    id: i64,
) -> Result<bool, StorageError> {
    let deleted = firm_contacts::Entity::delete_many()
        .filter(firm_contacts::Column::Id.eq(id))
        .filter(firm_contacts::Column::CompanyId.eq(company_id))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected > 0)
}

/// The firm's notes, newest first (the later id first within one second).
pub async fn notes_of(
    db: &DatabaseConnection,
    company_id: i64,
) -> Result<Vec<NoteRecord>, StorageError> {
    let rows = firm_notes::Entity::find()
        .filter(firm_notes::Column::CompanyId.eq(company_id))
        .order_by_desc(firm_notes::Column::At)
        .order_by_desc(firm_notes::Column::Id)
        .all(db)
        .await?;
    let authors: HashMap<i64, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(rows.iter().filter_map(|r| r.author_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|user| (user.id, user.email))
        .collect();
    Ok(rows
        .into_iter()
        .map(|row| NoteRecord {
            id: row.id,
            author_id: row.author_id,
            author: row.author_id.and_then(|id| authors.get(&id).cloned()),
            text: row.text,
            at: row.at,
        })
        .collect())
}

/// Adds a note to the firm's log; its id.
pub async fn add_note(
    db: &DatabaseConnection,
    company_id: i64,
    author_id: i64,
    text: &NoteText,
    at: NaiveDateTime,
) -> Result<i64, StorageError> {
    let row = firm_notes::ActiveModel {
        id: NotSet,
        company_id: Set(company_id),
        author_id: Set(Some(author_id)),
        text: Set(text.as_str().to_string()),
        at: Set(at),
    };
    Ok(firm_notes::Entity::insert(row)
        .exec(db)
        .await?
        .last_insert_id)
}

/// Deletes note `id` of the firm when `author_id` wrote it; whether it did.
pub async fn delete_own_note(
    db: &DatabaseConnection,
    company_id: i64,
    id: i64,
    author_id: i64,
) -> Result<bool, StorageError> {
    let deleted = firm_notes::Entity::delete_many()
        .filter(firm_notes::Column::Id.eq(id))
        .filter(firm_notes::Column::CompanyId.eq(company_id))
        .filter(firm_notes::Column::AuthorId.eq(author_id))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected > 0)
}

/// The database id of the firm with public key `key`.
pub async fn firm_id(db: &DatabaseConnection, key: &str) -> Result<Option<i64>, StorageError> {
    Ok(companies::Entity::find()
        .filter(companies::Column::Key.eq(key))
        .one(db)
        .await?
        .map(|row| row.id))
}
