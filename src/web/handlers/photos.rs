//! A flow's photo: its page for the owning firm (`GET /offers/{id}/photo`), uploading
//! (`POST …/photo`, multipart) and removing it (`POST …/photo/delete`), and the picture itself
//! (`GET /photos/offers/{id}`) for whoever may see the flow.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};

use super::flows::{Button, FlowRoute};
use super::home::viewer_of;
use crate::app::photos::{self, MAX_UPLOAD_MB, PhotoError, PhotoRefusal};
use crate::app::visibility::Viewer;
use crate::domain::{Confidentiality, Flow, FlowKind};
use crate::i18n::Lang;
use crate::i18n::format::{accepted_label, material_label};
use crate::t;
use crate::views::photos::{PhotoPage, page, segment};
use crate::web::auth::{MaybeSignedIn, RequireSignedIn, SignedIn};
use crate::web::forms::{SignedForm, refused};
use crate::web::upload::FirmUpload;
use crate::web::{AppError, AppState, language};

impl From<PhotoError> for AppError {
    fn from(error: PhotoError) -> AppError {
        match error {
            PhotoError::NotFound => AppError::NotFound,
            // A refused upload is shown again by its handler; this only reads as a message.
            PhotoError::Refused(refusal) => {
                AppError::Refused(refusal_text(language::current(), &refusal))
            }
            PhotoError::Internal(problem) => AppError::Internal(problem),
            PhotoError::Storage(error) => error.into(),
        }
    }
}

/// Why an upload was refused, in the reader's language.
fn refusal_text(lang: Lang, refusal: &PhotoRefusal) -> String {
    match refusal {
        PhotoRefusal::Empty => t!(lang, "photos-empty"),
        PhotoRefusal::TooLarge => t!(lang, "photos-too-large", mb = MAX_UPLOAD_MB as i64),
        PhotoRefusal::NotAPicture => t!(lang, "photos-not-a-picture"),
        PhotoRefusal::TooManyPixels => t!(lang, "photos-too-many-pixels"),
        PhotoRefusal::Damaged => t!(lang, "photos-damaged"),
    }
}

/// The firm of a signed-in user; staff accounts have none, so no flow of theirs is found.
fn own_company(user: &SignedIn) -> Result<i64, AppError> {
    user.account.company_id.ok_or(AppError::NotFound)
}

/// What the photo page calls the flow: its description, else its material.
fn title_of(flow: &Flow, lang: Lang) -> String {
    let description = flow.basics().description();
    if !description.trim().is_empty() {
        return description.to_string();
    }
    match flow {
        Flow::Offer(offer) => material_label(lang, &offer.material()),
        Flow::Need(need) => (need.accepts().iter())
            .map(|accepted| accepted_label(lang, accepted))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The photo page, with `problem` beside the upload field when the last upload was refused.
async fn photo_page(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    kind: FlowKind,
    id: &str,
    problem: Option<String>,
) -> Result<maud::Markup, AppError> {
    let company = own_company(&user)?;
    let own = photos::own_photo(app, company, kind, id).await?;
    let csrf = user.csrf.clone();
    let viewer = viewer_of(&Some(user), lang);
    let title = title_of(&own.flow, lang);
    Ok(page(&PhotoPage {
        viewer: &viewer,
        csrf: &csrf,
        kind,
        flow: id,
        title: &title,
        public: own.flow.basics().confidentiality() == Confidentiality::Public,
        uploaded: own.uploaded_at.map(|at| at.and_utc().timestamp()),
        problem,
    }))
}

/// `GET /offers/{id}/photo` and `GET /needs/{id}/photo`.
pub async fn show<K: FlowRoute>(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
    Path(id): Path<String>,
) -> Result<maud::Markup, AppError> {
    photo_page(&app, user, lang, K::KIND, &id, None).await
}

/// `POST /offers/{id}/photo`: stores the photo and shows the page again, or shows it with
/// the reason (422) and nothing changed.
pub async fn upload<K: FlowRoute>(
    State(app): State<AppState>,
    lang: Lang,
    Path(id): Path<String>,
    FirmUpload { user, upload }: FirmUpload,
) -> Result<Response, AppError> {
    let company = own_company(&user)?;
    let outcome = if upload.too_large {
        Err(PhotoError::Refused(PhotoRefusal::TooLarge))
    } else {
        let bytes = upload.files.into_iter().next().map(|(_, bytes)| bytes);
        photos::upload(&app, company, K::KIND, &id, bytes.unwrap_or_default()).await
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("/{}/{id}/photo", segment(K::KIND))).into_response()),
        Err(PhotoError::Refused(refusal)) => {
            let problem = Some(refusal_text(lang, &refusal));
            Ok(refused(
                photo_page(&app, user, lang, K::KIND, &id, problem).await?,
            ))
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /offers/{id}/photo/delete`.
pub async fn remove<K: FlowRoute>(
    State(app): State<AppState>,
    Path(id): Path<String>,
    SignedForm { user, .. }: SignedForm<Button>,
) -> Result<Response, AppError> {
    photos::remove(&app, own_company(&user)?, K::KIND, &id).await?;
    Ok(Redirect::to(&format!("/{}/{id}/photo", segment(K::KIND))).into_response())
}

/// `GET /photos/offers/{id}` and `GET /photos/needs/{id}`: the JPEG, for whoever may see the
/// flow; "not found" for everyone else and for a flow without a photo.
pub async fn picture<K: FlowRoute>(
    State(app): State<AppState>,
    MaybeSignedIn(user): MaybeSignedIn,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let viewer = user.as_ref().map(|user| Viewer::of(&user.account));
    let photo = photos::photo_for(&app, viewer.as_ref(), K::KIND, &id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/jpeg"),
            // Addresses carry the upload time (`?v=`): a new photo gets a new address.
            (header::CACHE_CONTROL, "private, max-age=86400"),
        ],
        photo.jpeg,
    )
        .into_response())
}
