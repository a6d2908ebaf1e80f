//! A firm invited to a partnership, and its answer.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "partnership_members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub partnership_id: i64,
    pub company_id: i64,
    /// `invited`, `accepted` or `declined`.
    pub state: String,
    /// The latest invitation.
    pub invited_at: DateTime,
    /// The answer to the latest invitation; `None` while it is open.
    pub responded_at: Option<DateTime>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
