//! Uploads on `/data` waiting to be confirmed: the files as uploaded, under a random token,
//! with who uploaded them and when. A preview lasts a day; older ones are removed whenever a
//! new one is made, and are no longer found meanwhile. The files are stored as they came, in
//! chunks of at most [`CHUNK_BYTES`], and read back one file at a time: a 45 MB upload is
//! never held in several copies (escaped text, statement values, rows) while stored or read.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
    TransactionTrait,
};
use serde::{Deserialize, Serialize};

use super::StorageError;
use super::entities::{companies, import_preview_chunks, import_previews};
use super::region::ImportSummary;
use crate::domain::Region;
use crate::domain::{FieldProblem, Problems};

/// How long a preview waits for its confirmation, in hours.
pub const KEPT_FOR_HOURS: i64 = 24;

/// The most a stored piece of a file holds, in bytes.
pub const CHUNK_BYTES: usize = 1024 * 1024;

// Keys per `IN (…)` list: well under SQLite's limit of bound variables.
const KEYS_PER_QUERY: usize = 1000;

/// One uploaded file: its name as the browser sent it, and its size in bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedFile {
    pub name: String,
    pub size: usize,
}

/// A stored preview: who uploaded which files when; the contents are read with [`content`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The row's id, which the stored contents refer to.
    pub id: i64,
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

/// Stores an upload, `(name, contents)` per file, under `token`, first removing previews
/// older than a day; all in one transaction.
pub async fn create(
    db: &DatabaseConnection,
    token: &str,
    user_id: i64,
    files: &[(String, Vec<u8>)],
    now: NaiveDateTime,
) -> Result<(), StorageError> {
    let txn = db.begin().await?;
    let expired = import_previews::Column::CreatedAt.lt(expired_before(now));
    delete_where(&txn, expired).await?;
    let names: Vec<UploadedFile> = files
        .iter()
        .map(|(name, bytes)| UploadedFile {
            name: name.clone(),
            size: bytes.len(),
        })
        .collect();
    let names = serde_json::to_string(&names).map_err(|e| corrupt(token, e))?;
    let preview_id = import_previews::Entity::insert(import_previews::ActiveModel {
        id: NotSet,
        token: Set(token.to_string()),
        user_id: Set(user_id),
        files: Set(names),
        created_at: Set(now),
    })
    .exec(&txn)
    .await
    .map_err(|e| StorageError::from_db(e, "import preview", token))?
    .last_insert_id;
    for (file, (_, bytes)) in files.iter().enumerate() {
        for (seq, chunk) in bytes.chunks(CHUNK_BYTES).enumerate() {
            import_preview_chunks::Entity::insert(import_preview_chunks::ActiveModel {
                id: NotSet,
                preview_id: Set(preview_id),
                file: Set(index(file)),
                seq: Set(index(seq)),
                bytes: Set(chunk.to_vec()),
            })
            .exec_without_returning(&txn)
            .await?;
        }
    }
    txn.commit().await?;
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
        id: row.id,
        token: row.token,
        user_id: row.user_id,
        files,
        created_at: row.created_at,
    }))
}

/// The contents of the preview's file at `file` (its place in the upload), read one chunk
/// at a time into a buffer of the file's size.
pub async fn content(
    db: &DatabaseConnection,
    preview: &Preview,
    file: usize,
) -> Result<Vec<u8>, StorageError> {
    let size = preview.files.get(file).map_or(0, |f| f.size);
    let mut content = Vec::with_capacity(size);
    for seq in 0..size.div_ceil(CHUNK_BYTES) {
        let chunk: Option<Vec<u8>> = import_preview_chunks::Entity::find()
            .select_only()
            .column(import_preview_chunks::Column::Bytes)
            .filter(import_preview_chunks::Column::PreviewId.eq(preview.id))
            .filter(import_preview_chunks::Column::File.eq(index(file)))
            .filter(import_preview_chunks::Column::Seq.eq(index(seq)))
            .into_tuple()
            .one(db)
            .await?;
        match chunk {
            Some(chunk) => content.extend_from_slice(&chunk),
            None => break,
        }
    }
    if content.len() != size {
        let problem = FieldProblem::new(
            "files",
            format!("file {file} holds {} of {size} bytes", content.len()),
        );
        return Err(StorageError::Corrupt {
            table: "import_preview_chunks",
            key: preview.token.clone(),
            problems: Problems(vec![problem]),
        });
    }
    Ok(content)
}

/// Removes the preview stored under `token` with its files; false when there was none.
pub async fn delete(db: &DatabaseConnection, token: &str) -> Result<bool, StorageError> {
    let txn = db.begin().await?;
    let removed = delete_where(&txn, import_previews::Column::Token.eq(token)).await?;
    txn.commit().await?;
    Ok(removed > 0)
}

/// Imports `region` and removes the preview stored under `token` with its files, in one
/// transaction: all or nothing. `None`, and nothing written, when the preview is gone
/// (cancelled or confirmed meanwhile).
pub async fn import(
    db: &DatabaseConnection,
    token: &str,
    region: &Region,
) -> Result<Option<ImportSummary>, StorageError> {
    let txn = super::write_transaction(db).await?;
    if delete_where(&txn, import_previews::Column::Token.eq(token)).await? == 0 {
        return Ok(None);
    }
    let summary = super::region::write_region(&txn, region, &|_| {}).await?;
    txn.commit().await?;
    Ok(Some(summary))
}

/// Removes previews created before `before`, with their files; how many previews.
pub async fn purge_created_before(
    db: &DatabaseConnection,
    before: NaiveDateTime,
) -> Result<u64, StorageError> {
    let txn = db.begin().await?;
    let removed = delete_where(&txn, import_previews::Column::CreatedAt.lte(before)).await?;
    txn.commit().await?;
    Ok(removed)
}

/// Removes the previews matching `condition` and their files; how many previews.
async fn delete_where(
    txn: &impl ConnectionTrait,
    condition: sea_orm::sea_query::SimpleExpr,
) -> Result<u64, StorageError> {
    // The foreign key cascades too; deleting the chunks first does not depend on it.
    let previews = Query::select()
        .column(import_previews::Column::Id)
        .from(import_previews::Entity)
        .and_where(condition.clone())
        .to_owned();
    import_preview_chunks::Entity::delete_many()
        .filter(import_preview_chunks::Column::PreviewId.in_subquery(previews))
        .exec(txn)
        .await?;
    let result = import_previews::Entity::delete_many()
        .filter(condition)
        .exec(txn)
        .await?;
    Ok(result.rows_affected)
}

// Files of an upload and megabytes of a file are far fewer than 2 billion.
fn index(place: usize) -> i32 {
    i32::try_from(place).unwrap_or(i32::MAX)
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
