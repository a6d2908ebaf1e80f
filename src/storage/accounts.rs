//! Users and sessions.

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait,
};

use super::StorageError;
use super::entities::{companies, sessions, users};
use super::rows::firm_to_row;
use crate::domain::{Email, Firm, Language, Role};

/// A signed-in user as pages need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub role: Role,
    /// The firm's database id, for firm users.
    pub company_id: Option<i64>,
    pub language: Language,
}

/// A user's stored credentials.
pub struct Credentials {
    pub account: Account,
    pub password_hash: String,
}

fn account_of(row: users::Model) -> Account {
    Account {
        id: row.id,
        email: row.email,
        role: Role::parse(&row.role).unwrap_or(Role::Firm),
        company_id: row.company_id,
        language: Language::parse(&row.language).unwrap_or_default(),
    }
}

async fn insert_user(
    db: &impl ConnectionTrait,
    email: &Email,
    password_hash: &str,
    role: Role,
    company_id: Option<i64>,
    language: Language,
    now: NaiveDateTime,
) -> Result<i64, StorageError> {
    let row = users::ActiveModel {
        id: NotSet,
        email: Set(email.to_string()),
        password_hash: Set(password_hash.to_string()),
        role: Set(role.as_str().to_string()),
        company_id: Set(company_id),
        language: Set(language.code().to_string()),
        created_at: Set(now),
    };
    let result = users::Entity::insert(row)
        .exec(db)
        .await
        .map_err(|e| StorageError::from_db(e, "account", email.as_str()))?;
    Ok(result.last_insert_id)
}

/// Registers a firm and its first user in one transaction; returns the user's id.
pub async fn register_firm(
    db: &DatabaseConnection,
    firm: &Firm,
    email: &Email,
    password_hash: &str,
    language: Language,
    now: NaiveDateTime,
) -> Result<i64, StorageError> {
    let txn = db.begin().await?;
    let company = companies::Entity::insert(firm_to_row(firm))
        .exec(&txn)
        .await
        .map_err(|e| StorageError::from_db(e, "firm", firm.id().as_str()))?;
    let user = insert_user(
        &txn,
        email,
        password_hash,
        Role::Firm,
        Some(company.last_insert_id),
        language,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(user)
}

/// Creates a user without a firm (a coordinator or an administrator).
pub async fn create_staff_user(
    db: &DatabaseConnection,
    email: &Email,
    password_hash: &str,
    role: Role,
    now: NaiveDateTime,
) -> Result<i64, StorageError> {
    insert_user(db, email, password_hash, role, None, Language::Dutch, now).await
}

/// The stored credentials of an address, if it has an account.
pub async fn credentials(
    db: &DatabaseConnection,
    email: &Email,
) -> Result<Option<Credentials>, StorageError> {
    Ok(users::Entity::find()
        .filter(users::Column::Email.eq(email.as_str()))
        .one(db)
        .await?
        .map(|row| Credentials {
            password_hash: row.password_hash.clone(),
            account: account_of(row),
        }))
}

/// The address of user `user_id`, if the user exists.
pub async fn email_of(
    db: &DatabaseConnection,
    user_id: i64,
) -> Result<Option<String>, StorageError> {
    Ok(users::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .map(|row| row.email))
}

/// Stores a new session, seen now.
pub async fn create_session(
    db: &DatabaseConnection,
    token_hash: &str,
    user_id: i64,
    csrf_token: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> Result<(), StorageError> {
    sessions::Entity::insert(sessions::ActiveModel {
        token_hash: Set(token_hash.to_string()),
        user_id: Set(user_id),
        csrf_token: Set(csrf_token.to_string()),
        expires_at: Set(expires_at),
        last_seen_at: Set(Some(now)),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// How often a live session's `last_seen_at` is written: often enough for an idle timeout of
/// hours, rarely enough that reading pages does not become a write per request.
const SEEN_REFRESH_MINUTES: i64 = 5;

/// The account and CSRF token of a live session. A session past its end, or unused for
/// `idle` or longer, is deleted and answers `None`.
pub async fn session(
    db: &DatabaseConnection,
    token_hash: &str,
    now: NaiveDateTime,
    idle: chrono::Duration,
) -> Result<Option<(Account, String)>, StorageError> {
    let Some(session) = sessions::Entity::find_by_id(token_hash.to_string())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    // Sessions from before the idle timeout existed count as seen at their start.
    let seen = session.last_seen_at.unwrap_or(now);
    if session.expires_at <= now || seen + idle <= now {
        delete_session(db, token_hash).await?;
        return Ok(None);
    }
    if session.last_seen_at.is_none()
        || now - seen >= chrono::Duration::minutes(SEEN_REFRESH_MINUTES)
    {
        sessions::Entity::update_many()
            .col_expr(sessions::Column::LastSeenAt, Expr::value(Some(now)))
            .filter(sessions::Column::TokenHash.eq(token_hash))
            .exec(db)
            .await?;
    }
    let user = users::Entity::find_by_id(session.user_id).one(db).await?;
    Ok(user.map(|row| (account_of(row), session.csrf_token)))
}

/// Ends a session.
pub async fn delete_session(db: &DatabaseConnection, token_hash: &str) -> Result<(), StorageError> {
    sessions::Entity::delete_by_id(token_hash.to_string())
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of a user ("sign out everywhere"); returns how many ended.
pub async fn delete_sessions_of_user(
    db: &DatabaseConnection,
    user_id: i64,
) -> Result<u64, StorageError> {
    Ok(sessions::Entity::delete_many()
        .filter(sessions::Column::UserId.eq(user_id))
        .exec(db)
        .await?
        .rows_affected)
}
