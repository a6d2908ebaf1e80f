//! Flow photos: one JPEG per offer or need, replaced on upload, deleted with its flow.

use chrono::NaiveDateTime;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};

use super::StorageError;
use super::entities::{flow_photos, needs, offers};
use crate::domain::{Confidentiality, FlowKind};

/// Who a flow belongs to and who may see it: what serving its photo depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowAccess {
    /// The flow's database id.
    pub id: i64,
    /// The firm that owns it.
    pub company_id: i64,
    /// Its confidentiality level.
    pub confidentiality: Confidentiality,
    /// Paused by its firm (then only the firm and the coordinators see it).
    pub paused: bool,
}

/// A stored photo.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredPhoto {
    /// The JPEG bytes.
    pub jpeg: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// When it was uploaded (UTC).
    pub uploaded_at: NaiveDateTime,
}

/// The flow `key` of `kind`, with its owner and visibility; `None` when there is none.
pub async fn flow_access(
    db: &impl ConnectionTrait,
    kind: FlowKind,
    key: &str,
) -> Result<Option<FlowAccess>, StorageError> {
    let row: Option<(i64, i64, String, bool)> = match kind {
        FlowKind::Offer => {
            offers::Entity::find()
                .select_only()
                .columns([
                    offers::Column::Id,
                    offers::Column::CompanyId,
                    offers::Column::Confidentiality,
                    offers::Column::Paused,
                ])
                .filter(offers::Column::Key.eq(key))
                .into_tuple()
                .one(db)
                .await?
        }
        FlowKind::Need => {
            needs::Entity::find()
                .select_only()
                .columns([
                    needs::Column::Id,
                    needs::Column::CompanyId,
                    needs::Column::Confidentiality,
                    needs::Column::Paused,
                ])
                .filter(needs::Column::Key.eq(key))
                .into_tuple()
                .one(db)
                .await?
        }
    };
    let Some((id, company_id, confidentiality, paused)) = row else {
        return Ok(None);
    };
    let confidentiality =
        Confidentiality::parse(&confidentiality).map_err(|problem| StorageError::Corrupt {
            table: "flows",
            key: key.to_string(),
            problems: crate::domain::problem::Problems(vec![problem]),
        })?;
    Ok(Some(FlowAccess {
        id,
        company_id,
        confidentiality,
        paused,
    }))
}

fn of_flow(kind: FlowKind, flow_id: i64) -> sea_orm::Condition {
    let column = match kind {
        FlowKind::Offer => flow_photos::Column::OfferId,
        FlowKind::Need => flow_photos::Column::NeedId,
    };
    sea_orm::Condition::all().add(column.eq(flow_id))
}

/// The photo of flow `flow_id` of `kind`, if it has one.
pub async fn photo(
    db: &impl ConnectionTrait,
    kind: FlowKind,
    flow_id: i64,
) -> Result<Option<StoredPhoto>, StorageError> {
    Ok(flow_photos::Entity::find()
        .filter(of_flow(kind, flow_id))
        .one(db)
        .await?
        .map(|row| StoredPhoto {
            jpeg: row.jpeg,
            width: row.width as u32,
            height: row.height as u32,
            uploaded_at: row.uploaded_at,
        }))
}

/// When the photo of flow `flow_id` of `kind` was uploaded; `None` when it has none. Reads
/// no bytes.
pub async fn uploaded_at(
    db: &impl ConnectionTrait,
    kind: FlowKind,
    flow_id: i64,
) -> Result<Option<NaiveDateTime>, StorageError> {
    Ok(flow_photos::Entity::find()
        .select_only()
        .column(flow_photos::Column::UploadedAt)
        .filter(of_flow(kind, flow_id))
        .into_tuple()
        .one(db)
        .await?)
}

/// Stores `photo` as the photo of flow `flow_id`, replacing any earlier one in one statement.
pub async fn put_photo(
    db: &impl ConnectionTrait,
    kind: FlowKind,
    flow_id: i64,
    photo: StoredPhoto,
) -> Result<(), StorageError> {
    let (offer_id, need_id, target) = match kind {
        FlowKind::Offer => (Some(flow_id), None, flow_photos::Column::OfferId),
        FlowKind::Need => (None, Some(flow_id), flow_photos::Column::NeedId),
    };
    let row = flow_photos::ActiveModel {
        id: NotSet,
        offer_id: Set(offer_id),
        need_id: Set(need_id),
        jpeg: Set(photo.jpeg),
        width: Set(photo.width as i32),
        height: Set(photo.height as i32),
        uploaded_at: Set(photo.uploaded_at),
    };
    flow_photos::Entity::insert(row)
        .on_conflict(
            OnConflict::column(target)
                .update_columns([
                    flow_photos::Column::Jpeg,
                    flow_photos::Column::Width,
                    flow_photos::Column::Height,
                    flow_photos::Column::UploadedAt,
                ])
                .to_owned(),
        )
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes the photo of flow `flow_id`; returns whether there was one.
pub async fn delete_photo(
    db: &impl ConnectionTrait,
    kind: FlowKind,
    flow_id: i64,
) -> Result<bool, StorageError> {
    let result = flow_photos::Entity::delete_many()
        .filter(of_flow(kind, flow_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}
