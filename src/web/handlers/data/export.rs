//! `/data/export.json` and `/data/export/{file}`: the whole region as `symbiose export` writes
//! it, as a download ([`crate::app::data::export`]). Coordinator-only flows are included: the
//! page says so.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::app::data::export::{ExportError, ExportFile, export};
use crate::web::auth::RequireCoordinator;
use crate::web::{AppError, AppState};

/// `GET /data/export.json`: the JSON instance format, as `symbiose export --format json`.
pub async fn json(
    State(app): State<AppState>,
    RequireCoordinator(_user): RequireCoordinator,
) -> Result<Response, AppError> {
    let body = written(&app, ExportFile::Json).await?;
    Ok(attachment("application/json", "symbiose-export.json", body))
}

/// `GET /data/export/companies.csv` (and `offers.csv`, `needs.csv`, `parameters.csv`): one
/// file of `symbiose export --format csv`, under the same name.
pub async fn csv(
    State(app): State<AppState>,
    RequireCoordinator(_user): RequireCoordinator,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let export_file = ExportFile::csv_named(&file).ok_or(AppError::NotFound)?;
    let body = written(&app, export_file).await?;
    Ok(attachment("text/csv; charset=utf-8", &file, body))
}

async fn written(app: &AppState, file: ExportFile) -> Result<Vec<u8>, AppError> {
    export(app, file).await.map_err(|error| match error {
        ExportError::Storage(error) => AppError::Storage(error),
        ExportError::Write(message) => AppError::Internal(message),
    })
}

fn attachment(content_type: &'static str, file_name: &str, body: Vec<u8>) -> Response {
    let disposition = format!("attachment; filename=\"{file_name}\"");
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}
