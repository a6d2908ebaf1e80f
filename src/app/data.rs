//! Import and export from the pages. An upload goes through the same reader and checks as
//! `symbiose import`; when it is valid it is kept as a preview under a random token until a
//! coordinator confirms it (then it is imported in one transaction, all or nothing, as the
//! command line does) or cancels it. Nothing is written to the region before that. The upload
//! and its preview read the files into an [`Overview`] (first rows and counts), not into
//! every record, so that they cost about twice the files' size in memory. Exports are in
//! [`export`].

pub mod export;

use std::collections::HashMap;

use super::App;
use crate::accounts::new_token;
use crate::bulk::{self, ImportProblem, Origin, Overview, OverviewReader, Refused};
use crate::domain::Region;
use crate::storage::import_previews::{self, FirmPlace, Preview};
use crate::storage::{self, StorageError};

/// Uploaded files as `(name, contents)`, in the order sent.
pub type Files = Vec<(String, Vec<u8>)>;
/// What an upload would add, or the problems found in it.
pub type Previewed = Result<Overview, Refused>;
/// Where the firms of an upload's flows sit when they are in the database, by firm id.
pub type Places = HashMap<String, FirmPlace>;

/// Why an upload was not kept as a preview; nothing was written.
#[derive(Debug)]
pub enum UploadRefused {
    /// The form held no file.
    NoFiles,
    /// A file is neither `.csv` nor `.json`: its name.
    NotCsvOrJson(String),
    /// The files were read and break the import's rules.
    Problems(Refused),
}

/// True for the file names the bulk reader understands: `.csv` and `.json`.
pub fn readable_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.ends_with(".csv") || lower.ends_with(".json")
}

/// Checks uploaded files as `symbiose import` does and keeps them as a preview of user
/// `uploaded_by`; its token. Writes nothing to the region.
pub async fn upload(
    app: &App,
    uploaded_by: i64,
    files: Files,
) -> Result<Result<String, UploadRefused>, StorageError> {
    if files.is_empty() {
        return Ok(Err(UploadRefused::NoFiles));
    }
    if let Some((name, _)) = files.iter().find(|(name, _)| !readable_name(name)) {
        return Ok(Err(UploadRefused::NotCsvOrJson(name.clone())));
    }
    let (previewed, files) = overview_of(app, files).await?;
    if let Err(refused) = previewed {
        return Ok(Err(UploadRefused::Problems(refused)));
    }
    let token = new_token();
    import_previews::create(&app.db, &token, uploaded_by, &files, app.now()).await?;
    Ok(Ok(token))
}

/// A stored upload as its preview page shows it.
#[derive(Debug)]
pub struct Shown {
    pub preview: Preview,
    /// What confirming it would add, checked against the database as it is now.
    pub previewed: Previewed,
    pub places: Places,
}

/// The preview under `token` (any coordinator's: they share the region) and what confirming
/// it would add now; `None` when there is no such preview or it is older than a day.
pub async fn preview(app: &App, token: &str) -> Result<Option<Shown>, StorageError> {
    let Some(preview) = import_previews::find(&app.db, token, app.now()).await? else {
        return Ok(None);
    };
    let files = contents(app, &preview).await?;
    let (previewed, _) = overview_of(app, files).await?;
    let places = places_of(app, previewed.as_ref().ok()).await?;
    Ok(Some(Shown {
        preview,
        previewed,
        places,
    }))
}

/// What a confirmed upload added.
#[derive(Debug)]
pub struct Added {
    pub overview: Overview,
    pub places: Places,
}

/// A confirmed upload that no longer fits the database: the preview, with why.
#[derive(Debug)]
pub struct NotImported {
    pub preview: Preview,
    pub refused: Refused,
}

/// What confirming a preview came to.
#[derive(Debug)]
pub enum Confirmed {
    /// Imported; the matcher's snapshot was forgotten.
    Added(Added),
    /// The database changed so that the upload no longer fits; nothing was written.
    Refused(NotImported),
    /// No such preview (unknown, older than a day, cancelled or confirmed meanwhile).
    NotFound,
}

/// Imports the preview under `token` in one transaction, all or nothing, and forgets it;
/// the upload is checked again against the database as it is now.
pub async fn confirm(app: &App, token: &str) -> Result<Confirmed, StorageError> {
    let Some(preview) = import_previews::find(&app.db, token, app.now()).await? else {
        return Ok(Confirmed::NotFound);
    };
    let files = contents(app, &preview).await?;
    let region = match region_of(app, files).await? {
        Ok(region) => region,
        Err(problems) => return Ok(not_imported(preview, problems)),
    };
    match import_previews::import(&app.db, token, &region).await {
        Ok(Some(_)) => {}
        Ok(None) => return Ok(Confirmed::NotFound),
        // Another import or a new firm took an identifier between the check and now.
        Err(e @ (StorageError::Duplicate { .. } | StorageError::UnknownFirm { .. })) => {
            let problems = vec![clash(&preview, &e)];
            return Ok(not_imported(preview, problems));
        }
        Err(e) => return Err(e),
    }
    app.snapshot.invalidate().await;
    let overview = Overview::of_region(&region);
    drop(region);
    let places = places_of(app, Some(&overview)).await?;
    Ok(Confirmed::Added(Added { overview, places }))
}

fn not_imported(preview: Preview, problems: Vec<ImportProblem>) -> Confirmed {
    Confirmed::Refused(NotImported {
        preview,
        refused: Refused::from(problems),
    })
}

/// Forgets the upload under `token`; false when there was none.
pub async fn cancel(app: &App, token: &str) -> Result<bool, StorageError> {
    import_previews::delete(&app.db, token).await
}

/// The stored files of a preview, read one after the other.
async fn contents(app: &App, preview: &Preview) -> Result<Files, StorageError> {
    let mut files = Vec::with_capacity(preview.files.len());
    for (place, file) in preview.files.iter().enumerate() {
        let content = import_previews::content(&app.db, preview, place).await?;
        files.push((file.name.clone(), content));
    }
    Ok(files)
}

/// Reads and checks the files as `symbiose import` does, against the identifiers in the
/// database now, keeping only an overview; the reading runs off the async threads. The files
/// are handed back.
async fn overview_of(app: &App, files: Files) -> Result<(Previewed, Files), StorageError> {
    let existing = storage::existing_keys(&app.db).await?;
    let today = app.today();
    tokio::task::spawn_blocking(move || {
        let mut reader = OverviewReader::new(&existing);
        for (name, bytes) in &files {
            reader.read(name, bytes, today);
        }
        (reader.finish(), files)
    })
    .await
    .map_err(joined)
}

/// Reads and checks the files into the region to import, as `symbiose import` does.
async fn region_of(
    app: &App,
    files: Files,
) -> Result<Result<Region, Vec<ImportProblem>>, StorageError> {
    let existing = storage::existing_keys(&app.db).await?;
    let today = app.today();
    tokio::task::spawn_blocking(move || bulk::read_owned_files(files, &existing, today))
        .await
        .map_err(joined)
}

/// A reading thread that panicked, as the failure it is.
fn joined(error: tokio::task::JoinError) -> StorageError {
    StorageError::Database(sea_orm::DbErr::Custom(error.to_string()))
}

/// Where the firms of the upload's flows sit when they are in the database, not the files.
async fn places_of(app: &App, overview: Option<&Overview>) -> Result<Places, StorageError> {
    let Some(overview) = overview else {
        return Ok(HashMap::new());
    };
    let keys: Vec<&str> = overview
        .by_outside_firm
        .keys()
        .map(String::as_str)
        .collect();
    import_previews::firm_places(&app.db, &keys).await
}

/// A clash found only while writing, as a problem of the upload as a whole.
fn clash(preview: &Preview, error: &StorageError) -> ImportProblem {
    let files: Vec<&str> = preview.files.iter().map(|f| f.name.as_str()).collect();
    ImportProblem {
        origin: Origin::new(&files.join(", "), "—"),
        field: "id".to_string(),
        reason: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_csv_and_json_files_are_readable_whatever_their_case() {
        assert!(readable_name("needs.CSV"));
        assert!(readable_name("regio.json"));
        assert!(!readable_name("bedrijven.xlsx"));
    }
}
