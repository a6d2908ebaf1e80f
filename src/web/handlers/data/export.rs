//! `/data/export.json` and `/data/export/{file}`: the whole region as `symbiose export` writes
//! it, as a download. Coordinator-only flows are included: the page says so.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::bulk::{csv_files, json_instance};
use crate::domain::Region;
use crate::storage;
use crate::web::auth::RequireCoordinator;
use crate::web::{AppError, AppState};

type Writer = fn(&Region, &mut Vec<u8>) -> std::io::Result<()>;

/// `GET /data/export.json`: the JSON instance format, as `symbiose export --format json`.
pub async fn json(
    State(app): State<AppState>,
    RequireCoordinator(_user): RequireCoordinator,
) -> Result<Response, AppError> {
    let body = written(&app, |region, out| {
        serde_json::to_writer_pretty(&mut *out, &json_instance::write_instance(region))?;
        out.push(b'\n');
        Ok(())
    })
    .await?;
    Ok(attachment("application/json", "symbiose-export.json", body))
}

/// `GET /data/export/companies.csv` (and `offers.csv`, `needs.csv`, `parameters.csv`): one
/// file of `symbiose export --format csv`, under the same name.
pub async fn csv(
    State(app): State<AppState>,
    RequireCoordinator(_user): RequireCoordinator,
    Path(file): Path<String>,
) -> Result<Response, AppError> {
    let write: Writer = match file.as_str() {
        "companies.csv" => |region, out| csv_files::write_companies(region, out),
        "offers.csv" => |region, out| csv_files::write_offers(region, out),
        "needs.csv" => |region, out| csv_files::write_needs(region, out),
        "parameters.csv" => |region, out| csv_files::write_parameters(region, out),
        _ => return Err(AppError::NotFound),
    };
    let body = written(&app, write).await?;
    Ok(attachment("text/csv; charset=utf-8", &file, body))
}

/// The region loaded and written off the async threads (a large region takes a while).
async fn written(app: &AppState, write: Writer) -> Result<Vec<u8>, AppError> {
    let region = storage::load_region(&app.db).await?;
    tokio::task::spawn_blocking(move || {
        let mut out = Vec::new();
        write(&region, &mut out).map(|()| out)
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
    .map_err(|e| AppError::Internal(e.to_string()))
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
