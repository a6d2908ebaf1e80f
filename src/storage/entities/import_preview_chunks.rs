//! A piece of an uploaded file waiting on `/data`: at most a megabyte, in order.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "import_preview_chunks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub preview_id: i64,
    /// The file's place in the upload.
    pub file: i32,
    /// The chunk's place in the file.
    pub seq: i32,
    #[sea_orm(column_type = "Blob")]
    pub bytes: Vec<u8>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
