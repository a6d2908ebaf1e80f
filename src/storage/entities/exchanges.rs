//! An exchange's row.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "exchanges")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub offer_id: i64,
    pub need_id: i64,
    pub stage: String,
    pub supplier_interested: bool,
    pub receiver_interested: bool,
    pub decline_reason: Option<String>,
    /// The side that confirmed the next step, waiting for the other ("supplier"/"receiver").
    pub confirmed_by: Option<String>,
    pub created_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
