//! A mail to one user, rendered in their language, until the sender has sent it (or the mail
//! server refused it for good).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub user_id: i64,
    /// The notice the mail tells of; empty for mail about no notice (a password-reset link).
    pub notification_id: Option<i64>,
    pub subject: String,
    pub body: String,
    pub created_at: DateTime,
    pub sent_at: Option<DateTime>,
    /// How often sending was tried and failed.
    pub attempts: i32,
    /// What the last failed attempt answered.
    pub last_error: Option<String>,
    /// Not tried again before this instant (empty: as soon as possible).
    pub next_attempt_at: Option<DateTime>,
    /// The mail server refused the mail for good: it is not tried again.
    pub failed_at: Option<DateTime>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
