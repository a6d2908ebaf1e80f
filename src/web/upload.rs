//! Reading an upload: the form's CSRF token and its files, within a size limit. An upload is
//! `multipart/form-data`, which the typed forms of [`crate::web::forms`] do not read: it comes
//! through [`CoordinatorUpload`] (data files) or [`FirmUpload`] (a flow's photo), which check
//! who sends it and its CSRF token once, before the handler runs, as those forms do.

use axum::extract::multipart::{Multipart, MultipartError};
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::app::photos::MAX_UPLOAD_MB;
use crate::t;
use crate::views::data::UPLOAD_LIMIT_MB;
use crate::web::auth::{RequireCoordinator, RequireSignedIn, SignedIn};
use crate::web::{AppError, AppState, language};

/// The most a data upload may hold, in bytes.
pub const UPLOAD_LIMIT_BYTES: usize = UPLOAD_LIMIT_MB * 1024 * 1024;

/// The most a photo upload may hold, in bytes.
pub const PHOTO_LIMIT_BYTES: usize = MAX_UPLOAD_MB * 1024 * 1024;

/// What an upload form sends: the name of its file field and the most it may hold.
#[derive(Debug, Clone, Copy)]
struct UploadForm {
    file_field: &'static str,
    limit: usize,
}

const DATA_FILES: UploadForm = UploadForm {
    file_field: "files",
    limit: UPLOAD_LIMIT_BYTES,
};

const PHOTO: UploadForm = UploadForm {
    file_field: "photo",
    limit: PHOTO_LIMIT_BYTES,
};

/// What a `multipart/form-data` upload held.
#[derive(Debug, Default)]
pub struct Upload {
    /// The form's CSRF token, when it had one.
    pub csrf: Option<String>,
    /// `(file name, contents)`, in the order sent; parts without a file are left out.
    pub files: Vec<(String, Vec<u8>)>,
    /// The upload exceeded its limit; `files` is then empty.
    pub too_large: bool,
}

/// An upload posted by a coordinator (or administrator), its CSRF token checked against the
/// session; a firm's user gets "not found", as for every coordinator page. A body that is no
/// multipart form is answered 400.
pub struct CoordinatorUpload {
    pub user: SignedIn,
    pub upload: Upload,
}

impl FromRequest<AppState> for CoordinatorUpload {
    type Rejection = Response;

    async fn from_request(request: Request, app: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let RequireCoordinator(user) =
            RequireCoordinator::from_request_parts(&mut parts, app).await?;
        let upload = checked_upload(&user, parts, body, app, DATA_FILES).await?;
        Ok(CoordinatorUpload { user, upload })
    }
}

/// A photo posted by a signed-in user (field `photo`, up to [`PHOTO_LIMIT_BYTES`]), its CSRF
/// token checked against the session; without a session the browser goes to the login page.
pub struct FirmUpload {
    pub user: SignedIn,
    pub upload: Upload,
}

impl FromRequest<AppState> for FirmUpload {
    type Rejection = Response;

    async fn from_request(request: Request, app: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let RequireSignedIn(user) = RequireSignedIn::from_request_parts(&mut parts, app).await?;
        let upload = checked_upload(&user, parts, body, app, PHOTO).await?;
        Ok(FirmUpload { user, upload })
    }
}

/// Reads the multipart body of `form` and checks its CSRF token against `user`'s session.
async fn checked_upload(
    user: &SignedIn,
    parts: axum::http::request::Parts,
    body: axum::body::Body,
    app: &AppState,
    form: UploadForm,
) -> Result<Upload, Response> {
    let announced = (parts.headers.get(header::CONTENT_LENGTH))
        .and_then(|length| length.to_str().ok()?.parse().ok());
    let bad_form =
        || AppError::BadRequest(t!(language::current(), "data-bad-form")).into_response();
    let multipart = Multipart::from_request(Request::from_parts(parts, body), app)
        .await
        .map_err(|_| bad_form())?;
    let upload = read_upload(multipart, announced, form)
        .await
        .map_err(|_| bad_form())?;
    user.check_csrf(upload.csrf.as_ref())
        .map_err(IntoResponse::into_response)?;
    Ok(upload)
}

/// Reads every part of the form, keeping the `csrf` field and the parts of `form`'s file
/// field. `announced` is the request's `Content-Length`, when it gave one.
async fn read_upload(
    mut multipart: Multipart,
    announced: Option<usize>,
    form: UploadForm,
) -> Result<Upload, MultipartError> {
    // Past the limit the rest is still read (and dropped), so that the browser, which is still
    // sending, receives the answer instead of a reset connection; but not forever.
    let drain_limit = 4 * form.limit;
    let mut upload = Upload::default();
    let mut received = 0usize;
    while let Some(mut field) = multipart.next_field().await? {
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(base_name);
        // Room for the rest of the request at once: grown by doubling instead, a 45 MB file
        // passes through buffers of 1, 2, … 32 MB, which the allocator keeps. Room that is not
        // written to costs address space, not memory.
        let room = match (&file_name, announced) {
            (Some(_), Some(total)) => total.saturating_sub(received).min(form.limit),
            _ => 0,
        };
        let mut bytes = Vec::with_capacity(room);
        while let Some(chunk) = field.chunk().await? {
            received += chunk.len();
            if received > drain_limit {
                upload.too_large = true;
                upload.files.clear();
                return Ok(upload);
            }
            upload.too_large |= received > form.limit;
            if !upload.too_large {
                bytes.extend_from_slice(&chunk);
            }
        }
        if upload.too_large {
            upload.files.clear();
            continue;
        }
        match (name.as_str(), file_name) {
            ("csrf", _) => upload.csrf = String::from_utf8(bytes).ok(),
            // A form sent without choosing a file still has one empty, nameless part.
            (field, Some(file))
                if field == form.file_field && !(file.is_empty() && bytes.is_empty()) =>
            {
                upload.files.push((file, bytes));
            }
            _ => {}
        }
    }
    Ok(upload)
}

/// The name without any directory some browsers send along (`C:\data\offers.csv`).
fn base_name(name: &str) -> String {
    name.rsplit(['/', '\\']).next().unwrap_or(name).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_directories() {
        assert_eq!(base_name(r"C:\data\offers.csv"), "offers.csv");
        assert_eq!(base_name("export/needs.CSV"), "needs.CSV");
    }
}
