//! A collection round's row: one truck collecting several small producers' offers for a
//! receiver's need.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "collection_rounds")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The receiver's need the round delivers to.
    pub need_id: i64,
    pub created_at: DateTime,
    /// The coordinator who formed it; `None` once that account is gone.
    pub created_by: Option<i64>,
    pub state: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
