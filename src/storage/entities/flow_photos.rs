//! A flow's photo: one re-encoded JPEG per offer or need.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "flow_photos")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub offer_id: Option<i64>,
    pub need_id: Option<i64>,
    pub jpeg: Vec<u8>,
    pub width: i32,
    pub height: i32,
    pub uploaded_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
