//! A partnership's row: small firms working together for borrowed size.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "partnerships")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    /// `joint-purchasing`, `shared-logistics`, `training`, `marketing`, `shared-collection`.
    pub kind: String,
    /// Why the firms belong together, as the coordinator started it.
    pub reason: String,
    /// The coordinator who started it; `None` once that account is gone.
    pub created_by: Option<i64>,
    pub created_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
