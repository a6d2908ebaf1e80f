//! `/data`: import and export from the pages, for coordinators. An upload goes through the
//! same reader and checks as `symbiose import`; when it is valid it is kept as a preview under
//! a random token until a coordinator confirms it (then it is imported in one transaction,
//! all or nothing, as the command line does) or cancels it. Nothing is written before that.
//! The upload and its preview read the files into an [`Overview`] (first rows and counts),
//! not into every record, so that they cost about twice the files' size in memory.

mod export;
mod upload;

use std::collections::HashMap;

use axum::Form;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDateTime, Utc};
use maud::Markup;

pub use self::export::{csv as export_csv, json as export_json};
use self::upload::{Upload, read_upload, readable_name};
use super::home::viewer_of;
use crate::accounts::new_token;
use crate::bulk::{self, ImportProblem, Origin, Overview, OverviewReader, Refused};
use crate::domain::Region;
use crate::i18n::Lang;
use crate::storage::import_previews::{self, FirmPlace, Preview};
use crate::storage::{self, StorageError};
use crate::t;
use crate::views::data::{
    AddedPage, DataPage, Notice, PreviewPage, Summary, UPLOAD_LIMIT_MB, added_page, page,
    preview_page,
};
use crate::web::auth::{RequireCoordinator, SignedIn};
use crate::web::{AppError, AppState};

type Fields = HashMap<String, String>;
/// Uploaded files as `(name, contents)`.
type Files = Vec<(String, Vec<u8>)>;
/// The region an upload would add, or every problem found in it.
type Checked = Result<Region, Vec<ImportProblem>>;
/// What an upload would add, or the problems found in it.
type Previewed = Result<Overview, Refused>;

/// `GET /data`: the upload form and the exports.
pub async fn show(
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(params): Query<Fields>,
) -> Markup {
    let notice = params
        .contains_key("cancelled")
        .then_some(Notice::Cancelled);
    upload_page(user, lang, notice, None)
}

/// `POST /data` (multipart): checks the files and keeps them as a preview, or shows every
/// problem found; writes nothing to the region.
pub async fn upload(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let bad_form = || AppError::BadRequest(t!(lang, "data-bad-form"));
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|length| length.to_str().ok()?.parse().ok());
    let upload = read_upload(multipart.map_err(|_| bad_form())?, announced)
        .await
        .map_err(|_| bad_form())?;
    user.check_csrf(upload.csrf.as_ref())?;
    if let Some((status, message)) = refusal(lang, &upload) {
        let page = upload_page(user, lang, Some(Notice::Refused(message)), None);
        return Ok((status, page).into_response());
    }
    let (previewed, files) = overview_of(&app, upload.files).await?;
    if let Err(refused) = previewed {
        let page = upload_page(user, lang, None, Some(&refused));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let token = new_token();
    import_previews::create(&app.db, &token, user.account.id, &files, now()).await?;
    Ok(Redirect::to(&format!("/data/{token}")).into_response())
}

/// Why an upload is refused before its files are read, with the status to answer.
fn refusal(lang: Lang, upload: &Upload) -> Option<(StatusCode, String)> {
    if upload.too_large {
        let message = t!(lang, "data-too-large", megabytes = UPLOAD_LIMIT_MB);
        return Some((StatusCode::PAYLOAD_TOO_LARGE, message));
    }
    if upload.files.is_empty() {
        return Some((StatusCode::UNPROCESSABLE_ENTITY, t!(lang, "data-no-files")));
    }
    let (name, _) = upload.files.iter().find(|(name, _)| !readable_name(name))?;
    let message = t!(lang, "data-not-csv-or-json", file = name);
    Some((StatusCode::UNPROCESSABLE_ENTITY, message))
}

/// `GET /data/{token}`: what confirming the upload would add, checked against the database
/// as it is now.
pub async fn preview(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Path(token): Path<String>,
) -> Result<Markup, AppError> {
    let preview = stored(&app, &token).await?;
    let files = contents(&app, &preview).await?;
    let (previewed, _) = overview_of(&app, files).await?;
    let places = places_of(&app, previewed.as_ref().ok()).await?;
    Ok(preview_of(user, lang, &preview, &previewed, &places))
}

/// `POST /data/{token}/confirm`: imports the upload in one transaction, all or nothing, and
/// shows what was added; when the database changed so that it no longer fits, shows why and
/// writes nothing.
pub async fn confirm(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Path(token): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    let preview = stored(&app, &token).await?;
    let files = contents(&app, &preview).await?;
    let checked = region_of(&app, files).await?;
    let written = match checked {
        Ok(region) => match storage::insert_region(&app.db, &region, &|_| {}).await {
            Ok(_) => Ok(region),
            // Another import or a new firm took an identifier between the check and now.
            Err(e @ (StorageError::Duplicate { .. } | StorageError::UnknownFirm { .. })) => {
                Err(vec![clash(&preview, &e)])
            }
            Err(e) => return Err(e.into()),
        },
        Err(problems) => Err(problems),
    };
    let region = match written {
        Ok(region) => region,
        Err(problems) => {
            let refused = Err(Refused::from(problems));
            let page = preview_of(user, lang, &preview, &refused, &HashMap::new());
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    import_previews::delete(&app.db, &token).await?;
    app.snapshot.invalidate().await;
    let overview = Overview::of_region(&region);
    drop(region);
    let places = places_of(&app, Some(&overview)).await?;
    let summary = Summary {
        overview: &overview,
        places: &places,
    };
    let viewer = viewer_of(&Some(user), lang);
    Ok(added_page(&AddedPage { viewer, summary }).into_response())
}

/// `POST /data/{token}/cancel`: forgets the upload.
pub async fn cancel(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    Path(token): Path<String>,
    Form(fields): Form<Fields>,
) -> Result<Redirect, AppError> {
    user.check_csrf(fields.get("csrf"))?;
    if !import_previews::delete(&app.db, &token).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/data?cancelled=1"))
}

fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// The preview under `token`: any coordinator's (they share the region), else not found.
async fn stored(app: &AppState, token: &str) -> Result<Preview, AppError> {
    import_previews::find(&app.db, token, now())
        .await?
        .ok_or(AppError::NotFound)
}

/// The stored files of a preview, read one after the other.
async fn contents(app: &AppState, preview: &Preview) -> Result<Files, AppError> {
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
async fn overview_of(app: &AppState, files: Files) -> Result<(Previewed, Files), AppError> {
    let existing = storage::existing_keys(&app.db).await?;
    let today = chrono::Local::now().date_naive();
    tokio::task::spawn_blocking(move || {
        let mut reader = OverviewReader::new(&existing);
        for (name, bytes) in &files {
            reader.read(name, bytes, today);
        }
        (reader.finish(), files)
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))
}

/// Reads and checks the files into the region to import, as `symbiose import` does.
async fn region_of(app: &AppState, files: Files) -> Result<Checked, AppError> {
    let existing = storage::existing_keys(&app.db).await?;
    let today = chrono::Local::now().date_naive();
    tokio::task::spawn_blocking(move || bulk::read_owned_files(files, &existing, today))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))
}

/// Where the firms of the upload's flows sit when they are in the database, not the files.
async fn places_of(
    app: &AppState,
    overview: Option<&Overview>,
) -> Result<HashMap<String, FirmPlace>, AppError> {
    let Some(overview) = overview else {
        return Ok(HashMap::new());
    };
    let keys: Vec<&str> = overview
        .by_outside_firm
        .keys()
        .map(String::as_str)
        .collect();
    Ok(import_previews::firm_places(&app.db, &keys).await?)
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

fn upload_page(
    user: SignedIn,
    lang: Lang,
    notice: Option<Notice>,
    refused: Option<&Refused>,
) -> Markup {
    let csrf = user.csrf.clone();
    page(&DataPage {
        viewer: viewer_of(&Some(user), lang),
        csrf: &csrf,
        notice,
        refused,
    })
}

fn preview_of(
    user: SignedIn,
    lang: Lang,
    preview: &Preview,
    previewed: &Previewed,
    places: &HashMap<String, FirmPlace>,
) -> Markup {
    let csrf = user.csrf.clone();
    preview_page(&PreviewPage {
        viewer: viewer_of(&Some(user), lang),
        csrf: &csrf,
        token: &preview.token,
        file_names: preview.files.iter().map(|f| f.name.as_str()).collect(),
        uploaded_at: preview.created_at,
        outcome: match previewed {
            Ok(overview) => Ok(Summary { overview, places }),
            Err(refused) => Err(refused),
        },
    })
}
