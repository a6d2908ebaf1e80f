//! The whole region as `symbiose export` writes it, for download from the pages.
//! Coordinator-only flows are included.

use crate::app::App;
use crate::bulk::{csv_files, json_instance};
use crate::domain::Region;
use crate::storage::{self, StorageError};

/// A file of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFile {
    /// The JSON instance format, as `symbiose export --format json`.
    Json,
    Companies,
    Offers,
    Needs,
    Parameters,
}

impl ExportFile {
    /// The CSV file of `symbiose export --format csv` with this name (`offers.csv`).
    pub fn csv_named(name: &str) -> Option<ExportFile> {
        match name {
            "companies.csv" => Some(ExportFile::Companies),
            "offers.csv" => Some(ExportFile::Offers),
            "needs.csv" => Some(ExportFile::Needs),
            "parameters.csv" => Some(ExportFile::Parameters),
            _ => None,
        }
    }

    /// Writes the region as this file.
    fn write(self, region: &Region, out: &mut Vec<u8>) -> std::io::Result<()> {
        match self {
            ExportFile::Json => {
                serde_json::to_writer_pretty(&mut *out, &json_instance::write_instance(region))?;
                out.push(b'\n');
                Ok(())
            }
            ExportFile::Companies => csv_files::write_companies(region, out),
            ExportFile::Offers => csv_files::write_offers(region, out),
            ExportFile::Needs => csv_files::write_needs(region, out),
            ExportFile::Parameters => csv_files::write_parameters(region, out),
        }
    }
}

/// Why an export was not written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// Writing the file failed (or its thread did).
    #[error("writing the export failed: {0}")]
    Write(String),
}

/// The region as `file`, loaded and written off the async threads (a large region takes a
/// while).
pub async fn export(app: &App, file: ExportFile) -> Result<Vec<u8>, ExportError> {
    let region = storage::load_region(&app.db).await?;
    tokio::task::spawn_blocking(move || {
        let mut out = Vec::new();
        file.write(&region, &mut out).map(|()| out)
    })
    .await
    .map_err(|e| ExportError::Write(e.to_string()))?
    .map_err(|e| ExportError::Write(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_four_csv_files_of_the_command_line_are_named() {
        assert_eq!(
            ExportFile::csv_named("offers.csv"),
            Some(ExportFile::Offers)
        );
        assert_eq!(ExportFile::csv_named("../offers.csv"), None);
        assert_eq!(ExportFile::csv_named("export.json"), None);
    }
}
