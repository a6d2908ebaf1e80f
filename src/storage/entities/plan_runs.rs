//! The region plan's last run, as kept across restarts.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_runs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub run: i64,
    pub started_at: DateTime,
    pub finished_at: DateTime,
    pub today: Date,
    /// `[[stage number, seconds], …]` as JSON.
    pub stage_seconds: String,
    /// The region the run saw, as a symbiosis-instance JSON document.
    pub region: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
