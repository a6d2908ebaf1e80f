//! A need's row; its acceptance list is in `need_accepts`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "needs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub key: String,
    pub company_id: i64,
    pub description: String,
    pub quantity: f64,
    pub unit: String,
    pub min_lot: f64,
    pub virgin_price_eur_per_unit: f64,
    pub max_distance_km: f64,
    pub licensed_for_hazardous: bool,
    pub regularity: String,
    pub confidentiality: String,
    pub last_confirmed: Date,
    /// Paused by its firm: listed for the firm, left out of matching.
    pub paused: bool,
    /// `domain::descriptors::NeedDescriptors` as JSON; `{}` when all unknown.
    pub descriptors: String,
    /// Pickup terms (offers) or delivery terms (needs) as the firm wrote them, if any.
    pub pickup_terms: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
