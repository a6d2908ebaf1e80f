//! `/data`: import and export from the pages, for coordinators. The rules (what an upload
//! must be, the preview kept until it is confirmed or cancelled, the import all or nothing)
//! are in [`crate::app::data`]; here the forms are read and the pages shown.

mod export;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::Markup;
use serde::Deserialize;

pub use self::export::{csv as export_csv, json as export_json};
use super::home::viewer_of;
use crate::app::data::{self, Confirmed, Places, Previewed, UploadRefused};
use crate::bulk::Refused;
use crate::i18n::Lang;
use crate::storage::import_previews::Preview;
use crate::t;
use crate::views::data::{
    AddedPage, DataPage, Notice, PreviewPage, Summary, UPLOAD_LIMIT_MB, added_page, page,
    preview_page,
};
use crate::web::auth::{RequireCoordinator, SignedIn};
use crate::web::forms::{self, CoordinatorForm};
use crate::web::upload::CoordinatorUpload;
use crate::web::{AppError, AppState};

/// The query of `/data`.
#[derive(Debug, Default, Deserialize)]
pub struct DataQuery {
    /// Present after a preview was cancelled.
    cancelled: Option<String>,
}

/// The confirm and cancel forms: they carry their CSRF token only.
#[derive(Debug, Deserialize)]
pub struct TokenOnly {}

/// `GET /data`: the upload form and the exports.
pub async fn show(
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Query(query): Query<DataQuery>,
) -> Markup {
    let notice = query.cancelled.is_some().then_some(Notice::Cancelled);
    upload_page(user, lang, notice, None)
}

/// `POST /data` (multipart): checks the files and keeps them as a preview, or shows every
/// problem found; writes nothing to the region.
pub async fn upload(
    State(app): State<AppState>,
    lang: Lang,
    CoordinatorUpload { user, upload }: CoordinatorUpload,
) -> Result<Response, AppError> {
    if upload.too_large {
        let message = t!(lang, "data-too-large", megabytes = UPLOAD_LIMIT_MB);
        let page = upload_page(user, lang, Some(Notice::Refused(message)), None);
        return Ok((StatusCode::PAYLOAD_TOO_LARGE, page).into_response());
    }
    let refused = match data::upload(&app, user.account.id, upload.files).await? {
        Ok(token) => return Ok(Redirect::to(&format!("/data/{token}")).into_response()),
        Err(refused) => refused,
    };
    let page = match refused {
        UploadRefused::NoFiles => {
            let message = t!(lang, "data-no-files");
            upload_page(user, lang, Some(Notice::Refused(message)), None)
        }
        UploadRefused::NotCsvOrJson(file) => {
            let message = t!(lang, "data-not-csv-or-json", file = file);
            upload_page(user, lang, Some(Notice::Refused(message)), None)
        }
        UploadRefused::Problems(problems) => upload_page(user, lang, None, Some(&problems)),
    };
    Ok(forms::refused(page))
}

/// `GET /data/{token}`: what confirming the upload would add, checked against the database
/// as it is now.
pub async fn preview(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Path(token): Path<String>,
) -> Result<Markup, AppError> {
    let shown = data::preview(&app, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(preview_of(
        user,
        lang,
        &shown.preview,
        &shown.previewed,
        &shown.places,
    ))
}

/// `POST /data/{token}/confirm`: imports the upload in one transaction, all or nothing, and
/// shows what was added; when the database changed so that it no longer fits, shows why and
/// writes nothing.
pub async fn confirm(
    State(app): State<AppState>,
    lang: Lang,
    Path(token): Path<String>,
    CoordinatorForm { user, form: _ }: CoordinatorForm<TokenOnly>,
) -> Result<Response, AppError> {
    match data::confirm(&app, &token).await? {
        Confirmed::NotFound => Err(AppError::NotFound),
        Confirmed::Refused(not_imported) => {
            let refused = Err(not_imported.refused);
            let places = Places::new();
            let page = preview_of(user, lang, &not_imported.preview, &refused, &places);
            Ok(forms::refused(page))
        }
        Confirmed::Added(added) => {
            let summary = Summary {
                overview: &added.overview,
                places: &added.places,
            };
            let viewer = viewer_of(&Some(user), lang);
            Ok(added_page(&AddedPage { viewer, summary }).into_response())
        }
    }
}

/// `POST /data/{token}/cancel`: forgets the upload.
pub async fn cancel(
    State(app): State<AppState>,
    Path(token): Path<String>,
    CoordinatorForm { user: _, form: _ }: CoordinatorForm<TokenOnly>,
) -> Result<Redirect, AppError> {
    if !data::cancel(&app, &token).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/data?cancelled=1"))
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
    places: &Places,
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
