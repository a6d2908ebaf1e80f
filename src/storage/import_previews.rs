//! Uploads on `/data` waiting to be confirmed: the files as uploaded, under a random token,
//! with who uploaded them and when. A preview lasts a day; older ones are removed whenever a
//! new one is made, and are no longer found meanwhile.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use serde::{Deserialize, Serialize};

use super::StorageError;
use super::entities::{companies, import_previews};
use crate::domain::{FieldProblem, Problems};

/// How long a preview waits for its confirmation, in hours.
pub const KEPT_FOR_HOURS: i64 = 24;

// Keys per `IN (…)` list: well under SQLite's limit of bound variables.
const KEYS_PER_QUERY: usize = 1000;

/// One uploaded file: its name as the browser sent it, and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedFile {
    pub name: String,
    pub content: String,
}

/// A stored preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    pub token: String,
    /// The user who uploaded the files.
    pub user_id: i64,
    pub files: Vec<UploadedFile>,
    pub created_at: NaiveDateTime,
}

/// Where a firm already in the database sits: for counting a preview's flows of such firms
/// by municipality and sector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirmPlace {
    pub municipality: String,
    /// The NACE code as stored (`C10.71`), when the firm has one.
    pub nace: Option<String>,
}

fn expired_before(now: NaiveDateTime) -> NaiveDateTime {
    now - Duration::hours(KEPT_FOR_HOURS)
}

/// Stores an upload under `token`, first removing previews older than a day.
pub async fn create(
    db: &DatabaseConnection,
    token: &str,
    user_id: i64,
    files: &[UploadedFile],
    now: NaiveDateTime,
) -> Result<(), StorageError> {
    import_previews::Entity::delete_many()
        .filter(import_previews::Column::CreatedAt.lt(expired_before(now)))
        .exec(db)
        .await?;
    let files = serde_json::to_string(files).map_err(|e| corrupt(token, e))?;
    import_previews::Entity::insert(import_previews::ActiveModel {
        id: NotSet,
        token: Set(token.to_string()),
        user_id: Set(user_id),
        files: Set(files),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await
    .map_err(|e| StorageError::from_db(e, "import preview", token))?;
    Ok(())
}

/// The preview stored under `token`, unless it is unknown or older than a day.
pub async fn find(
    db: &DatabaseConnection,
    token: &str,
    now: NaiveDateTime,
) -> Result<Option<Preview>, StorageError> {
    let Some(row) = import_previews::Entity::find()
        .filter(import_previews::Column::Token.eq(token))
        .filter(import_previews::Column::CreatedAt.gte(expired_before(now)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let files = serde_json::from_str(&row.files).map_err(|e| corrupt(token, e))?;
    Ok(Some(Preview {
        token: row.token,
        user_id: row.user_id,
        files,
        created_at: row.created_at,
    }))
}

/// Removes the preview stored under `token`; false when there was none.
pub async fn delete(db: &DatabaseConnection, token: &str) -> Result<bool, StorageError> {
    let result = import_previews::Entity::delete_many()
        .filter(import_previews::Column::Token.eq(token))
        .exec(db)
        .await?;
    Ok(result.rows_affected > 0)
}

/// The municipality and sector of each firm in `keys` that the database holds.
pub async fn firm_places(
    db: &DatabaseConnection,
    keys: &[&str],
) -> Result<HashMap<String, FirmPlace>, StorageError> {
    let mut places = HashMap::new();
    for chunk in keys.chunks(KEYS_PER_QUERY) {
        let rows: Vec<(String, String, Option<String>)> = companies::Entity::find()
            .select_only()
            .column(companies::Column::Key)
            .column(companies::Column::Municipality)
            .column(companies::Column::Nace)
            .filter(companies::Column::Key.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        for (key, municipality, nace) in rows {
            places.insert(key, FirmPlace { municipality, nace });
        }
    }
    Ok(places)
}

fn corrupt(token: &str, error: serde_json::Error) -> StorageError {
    StorageError::Corrupt {
        table: "import_previews",
        key: token.to_string(),
        problems: Problems(vec![FieldProblem::new("files", error)]),
    }
}
