//! A firm's own profile: read it, and change it together with its user's language.

use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter};

use super::StorageError;
use super::entities::{companies, users};
use super::rows::{firm_from_row, firm_to_row};
use crate::domain::{Firm, Language};

/// The firm stored under the database id `company_id`, if there is one.
pub async fn firm(
    db: &impl ConnectionTrait,
    company_id: i64,
) -> Result<Option<Firm>, StorageError> {
    companies::Entity::find_by_id(company_id)
        .one(db)
        .await?
        .map(firm_from_row)
        .transpose()
}

/// Replaces the profile of the firm `company_id` by `firm`'s values and stores `language` as
/// the user `user_id`'s language, in the caller's transaction. The firm's external id is not
/// touched, so files and links that name it stay valid. Returns whether the user belongs to
/// that firm; when not, the caller must not commit (a firm's row may have changed).
pub async fn update_profile(
    txn: &DatabaseTransaction,
    company_id: i64,
    user_id: i64,
    firm: &Firm,
    language: Language,
) -> Result<bool, StorageError> {
    let mut row = firm_to_row(firm);
    row.key = NotSet;
    let companies_changed = companies::Entity::update_many()
        .set(row)
        .filter(companies::Column::Id.eq(company_id))
        .exec(txn)
        .await?
        .rows_affected;
    // The user must be one of this firm's: a mismatch is not to be committed.
    let users_changed = users::Entity::update_many()
        .set(users::ActiveModel {
            language: Set(language.code().to_string()),
            ..Default::default()
        })
        .filter(users::Column::Id.eq(user_id))
        .filter(users::Column::CompanyId.eq(company_id))
        .exec(txn)
        .await?
        .rows_affected;
    Ok(companies_changed == 1 && users_changed == 1)
}
