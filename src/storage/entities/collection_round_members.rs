//! A member of a collection round: one offer collected, its firm, and its share of the cost.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "collection_round_members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub round_id: i64,
    pub offer_id: i64,
    /// The firm of the offer.
    pub company_id: i64,
    /// Its share of the round's transport cost, € per year.
    pub cost_share_eur_per_year: f64,
    /// Freight tonnes per year it delivers.
    pub tonnes_per_year: f64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
