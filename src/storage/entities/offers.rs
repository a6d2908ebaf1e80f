//! An offer's row.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "offers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub key: String,
    pub company_id: i64,
    pub material: String,
    pub declared_hazardous: Option<bool>,
    pub description: String,
    pub quantity: f64,
    pub unit: String,
    pub disposal_cost_eur_per_unit: f64,
    pub regularity: String,
    pub available_from: Option<Date>,
    pub available_until: Option<Date>,
    pub confidentiality: String,
    pub last_confirmed: Date,
    /// Paused by its firm: listed for the firm, left out of matching.
    pub paused: bool,
    /// Material class key (fixtures/material_classes.csv), if stated.
    pub material_class: Option<String>,
    /// `domain::descriptors::OfferDescriptors` as JSON; `{}` when all unknown.
    pub descriptors: String,
    /// Pickup terms (offers) or delivery terms (needs) as the firm wrote them, if any.
    pub pickup_terms: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
