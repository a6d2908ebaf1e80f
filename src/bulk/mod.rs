//! Bulk data: whole regions in and out, as JSON (the benchmark instance format with our
//! extensions) and as CSV. Reading reports every problem as `file:place: field: reason`;
//! nothing is written unless the whole input is valid.

pub mod csv_files;
mod fields;
pub mod json_instance;
pub mod json_settings;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::{Firm, Need, Offer, Parameters, Problems, Region};
use crate::storage::ExistingKeys;

/// Where a record came from: a file and a line (CSV) or an element path (JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub place: String,
}

impl Origin {
    /// An origin in `file` at `place`.
    pub fn new(file: &str, place: impl Into<String>) -> Origin {
        Origin {
            file: file.to_string(),
            place: place.into(),
        }
    }
}

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub origin: Origin,
    pub field: String,
    pub reason: String,
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.origin.file, self.origin.place, self.field, self.reason
        )
    }
}

/// A record with the place it was read from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    pub origin: Origin,
    pub value: T,
}

/// Records read from one or more files, not yet checked against each other.
#[derive(Debug, Default)]
pub struct Batch {
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    pub parameters: Option<Located<Parameters>>,
    pub firms: Vec<Located<Firm>>,
    pub offers: Vec<Located<Offer>>,
    pub needs: Vec<Located<Need>>,
    pub problems: Vec<ImportProblem>,
    /// Ids of companies that were refused: their flows are not reported again as naming an
    /// unknown company.
    pub refused_firms: std::collections::HashSet<String>,
}

impl Batch {
    /// Records every problem of one record at `origin`.
    pub(crate) fn report(&mut self, origin: &Origin, problems: Problems) {
        for problem in problems.0 {
            self.problems.push(ImportProblem {
                origin: origin.clone(),
                field: problem.field,
                reason: problem.reason,
            });
        }
    }

    /// Records one problem at `origin`.
    pub(crate) fn problem(&mut self, origin: &Origin, field: &str, reason: impl fmt::Display) {
        self.problems.push(ImportProblem {
            origin: origin.clone(),
            field: field.to_string(),
            reason: reason.to_string(),
        });
    }

    fn absorb(&mut self, other: Batch) {
        if other.meta.is_some() {
            self.meta = other.meta;
        }
        if other.parameters.is_some() {
            self.parameters = other.parameters;
        }
        self.firms.extend(other.firms);
        self.offers.extend(other.offers);
        self.needs.extend(other.needs);
        self.problems.extend(other.problems);
        self.refused_firms.extend(other.refused_firms);
    }
}

/// Reads every file (a directory stands for the CSV and JSON files in it), checks the records
/// against each other and against the identifiers already in the database, and returns the
/// region to insert — or every problem found.
pub fn read_files(
    paths: &[PathBuf],
    existing: &ExistingKeys,
    today: NaiveDate,
) -> Result<Region, Vec<ImportProblem>> {
    let mut batch = Batch::default();
    for path in expand_directories(paths, &mut batch) {
        batch.absorb(read_file(&path, today));
    }
    check_batch(&mut batch, existing)
}

/// Checks the records of a batch against each other and the database, and turns it into a
/// region when no problem was found anywhere.
pub fn check_batch(
    batch: &mut Batch,
    existing: &ExistingKeys,
) -> Result<Region, Vec<ImportProblem>> {
    check_references(batch, existing);
    let batch = std::mem::take(batch);
    if batch.problems.is_empty() {
        Ok(Region {
            meta: batch.meta,
            parameters: batch.parameters.map(|p| p.value),
            firms: batch.firms.into_iter().map(|f| f.value).collect(),
            offers: batch.offers.into_iter().map(|o| o.value).collect(),
            needs: batch.needs.into_iter().map(|n| n.value).collect(),
        })
    } else {
        Err(batch.problems)
    }
}

fn expand_directories(paths: &[PathBuf], batch: &mut Batch) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut found: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| matches!(extension(p).as_str(), "csv" | "json"))
                    .collect();
                found.sort();
                if found.is_empty() {
                    let origin = Origin::new(&path.display().to_string(), "0");
                    batch.problem(&origin, "file", "the directory holds no .csv or .json file");
                }
                files.extend(found);
            }
            Err(e) => {
                let origin = Origin::new(&path.display().to_string(), "0");
                batch.problem(&origin, "file", e);
            }
        }
    }
    files
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// Reads one file; its format follows from the extension (`.csv`, else JSON).
pub fn read_file(path: &Path, today: NaiveDate) -> Batch {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(&name, &bytes, today),
        Err(e) => {
            let mut batch = Batch::default();
            batch.problem(&Origin::new(&name, "0"), "file", e);
            batch
        }
    }
}

/// Reads one file's contents held in memory (an upload); like [`read_file`], the format
/// follows from the name's extension (`.csv`, else JSON).
pub fn read_bytes(name: &str, bytes: &[u8], today: NaiveDate) -> Batch {
    let Ok(text) = std::str::from_utf8(bytes) else {
        let mut batch = Batch::default();
        batch.problem(&Origin::new(name, "0"), "file", "is not UTF-8 text");
        return batch;
    };
    if extension(Path::new(name)) == "csv" {
        csv_files::read_csv(name, text, today)
    } else {
        json_instance::read_instance(name, text, today)
    }
}

/// Reads files held in memory as `(name, contents)` and checks them as [`read_files`] does.
pub fn read_in_memory(
    files: &[(String, Vec<u8>)],
    existing: &ExistingKeys,
    today: NaiveDate,
) -> Result<Region, Vec<ImportProblem>> {
    let mut batch = Batch::default();
    for (name, bytes) in files {
        batch.absorb(read_bytes(name, bytes, today));
    }
    check_batch(&mut batch, existing)
}

/// Unique identifiers, and flows that name a firm that exists (in the input or the database).
fn check_references(batch: &mut Batch, existing: &ExistingKeys) {
    let mut problems = Vec::new();
    let mut seen_firms: HashMap<&str, &Origin> = HashMap::with_capacity(batch.firms.len());
    for firm in &batch.firms {
        let key = firm.value.id().as_str();
        check_unique(
            &mut problems,
            "firm",
            key,
            &firm.origin,
            &mut seen_firms,
            &existing.firms,
        );
    }
    let mut seen_offers: HashMap<&str, &Origin> = HashMap::with_capacity(batch.offers.len());
    for offer in &batch.offers {
        let key = offer.value.id().as_str();
        check_unique(
            &mut problems,
            "offer",
            key,
            &offer.origin,
            &mut seen_offers,
            &existing.offers,
        );
        check_firm(
            &mut problems,
            offer.value.firm().as_str(),
            &offer.origin,
            &seen_firms,
            existing,
            &batch.refused_firms,
        );
    }
    let mut seen_needs: HashMap<&str, &Origin> = HashMap::with_capacity(batch.needs.len());
    for need in &batch.needs {
        let key = need.value.id().as_str();
        check_unique(
            &mut problems,
            "need",
            key,
            &need.origin,
            &mut seen_needs,
            &existing.needs,
        );
        check_firm(
            &mut problems,
            need.value.firm().as_str(),
            &need.origin,
            &seen_firms,
            existing,
            &batch.refused_firms,
        );
    }
    batch.problems.extend(problems);
}

fn check_unique<'a>(
    problems: &mut Vec<ImportProblem>,
    what: &str,
    key: &'a str,
    origin: &'a Origin,
    seen: &mut HashMap<&'a str, &'a Origin>,
    existing: &std::collections::HashSet<String>,
) {
    let reason = if let Some(first) = seen.get(key) {
        format!(
            "{what} \"{key}\" appears twice (first at {}:{})",
            first.file, first.place
        )
    } else if existing.contains(key) {
        format!("{what} \"{key}\" exists already in the database")
    } else {
        seen.insert(key, origin);
        return;
    };
    problems.push(ImportProblem {
        origin: origin.clone(),
        field: "id".into(),
        reason,
    });
}

fn check_firm(
    problems: &mut Vec<ImportProblem>,
    firm: &str,
    origin: &Origin,
    seen_firms: &HashMap<&str, &Origin>,
    existing: &ExistingKeys,
    refused: &std::collections::HashSet<String>,
) {
    if !seen_firms.contains_key(firm) && !existing.firms.contains(firm) && !refused.contains(firm) {
        problems.push(ImportProblem {
            origin: origin.clone(),
            field: "company".into(),
            reason: format!("\"{firm}\" is not a known company id"),
        });
    }
}
