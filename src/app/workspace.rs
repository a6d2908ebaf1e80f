//! The coordinator's workspace: the region's firms with filters, one firm's page (its flows
//! at every confidentiality level, its exchanges with the counterparts' names, its contact
//! log) and the region's exchanges with both firms' names and filters. Coordinators and
//! administrators only; anyone else finds nothing here.

use chrono::Duration;

use crate::app::App;
use crate::app::visibility::Viewer;
use crate::domain::exchange::Stage;
use crate::domain::material_search::{SearchLanguage, search_materials};
use crate::storage::contacts::{ContactRecord, NoteRecord};
use crate::storage::coordinator::{
    ExchangeFilter, ExchangeLineItem, FirmFilter, FirmLine, exchange_list, firm_lines,
};
use crate::storage::{self, FirmWithFlows, StorageError};

/// Rows of the firm list and of the exchange list per page.
pub const PAGE_SIZE: u64 = 50;
/// A firm "not contacted" has no note in its log for this many days.
pub const NOT_CONTACTED_DAYS: i64 = 90;
/// At most this many of a firm's exchanges on its page (newest first).
pub const FIRM_PAGE_EXCHANGES: u64 = 200;

/// Why a workspace page is not shown.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// No such firm, or a viewer who may not see the workspace.
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// The firm list's filters as asked.
#[derive(Debug, Clone, Default)]
pub struct FirmQuery {
    pub name: String,
    pub municipality: Option<String>,
    pub section: Option<char>,
    pub without_flows: bool,
    pub not_contacted: bool,
    /// From 1.
    pub page: u64,
}

/// One page of the firm list.
pub struct FirmListPage {
    pub firms: Vec<FirmLine>,
    /// Firms under the filters, over all pages.
    pub total: u64,
    /// The region's municipalities, for the filter.
    pub municipalities: Vec<String>,
}

/// A page of the region's firms under the filters.
pub async fn firm_list(
    app: &App,
    viewer: &Viewer,
    query: &FirmQuery,
) -> Result<FirmListPage, WorkspaceError> {
    staff_only(viewer)?;
    let filter = FirmFilter {
        name_words: words(&query.name),
        municipality: query.municipality.clone(),
        section: query.section,
        without_flows: query.without_flows,
        no_note_since: (query.not_contacted)
            .then(|| app.now() - Duration::days(NOT_CONTACTED_DAYS)),
    };
    let offset = query.page.saturating_sub(1) * PAGE_SIZE;
    let (firms, total) = firm_lines(&app.db, &filter, offset, PAGE_SIZE).await?;
    let municipalities = storage::municipalities(&app.db).await?;
    Ok(FirmListPage {
        firms,
        total,
        municipalities: municipalities.into_iter().map(|(name, _)| name).collect(),
    })
}

/// Everything the coordinator's page of one firm shows.
pub struct FirmPageData {
    pub firm: FirmWithFlows,
    pub exchanges: Vec<ExchangeLineItem>,
    pub contacts: Vec<ContactRecord>,
    pub notes: Vec<NoteRecord>,
}

/// The firm `key` with its flows (paused and coordinator-only ones too), exchanges and log.
pub async fn firm_page(
    app: &App,
    viewer: &Viewer,
    key: &str,
) -> Result<FirmPageData, WorkspaceError> {
    staff_only(viewer)?;
    let company = storage::contacts::firm_id(&app.db, key)
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    let firm = storage::firm_with_flows(&app.db, company)
        .await?
        .ok_or(WorkspaceError::NotFound)?;
    let filter = ExchangeFilter {
        company: Some(company),
        ..ExchangeFilter::default()
    };
    let (exchanges, _) = exchange_list(&app.db, &filter, 0, FIRM_PAGE_EXCHANGES).await?;
    Ok(FirmPageData {
        firm,
        exchanges,
        contacts: storage::contacts::contacts_of(&app.db, company).await?,
        notes: storage::contacts::notes_of(&app.db, company).await?,
    })
}

/// The exchange list's filters as asked.
#[derive(Debug, Clone, Default)]
pub struct ExchangeQuery {
    pub stage: Option<Stage>,
    pub municipality: Option<String>,
    pub firm: String,
    pub material: String,
    /// From 1.
    pub page: u64,
}

/// One page of the region's exchanges.
pub struct ExchangeListPage {
    pub exchanges: Vec<ExchangeLineItem>,
    pub total: u64,
    pub municipalities: Vec<String>,
}

/// A page of the region's exchanges under the filters, newest first. Material words find
/// the materials the flow form's search finds for them, and offers described with them.
pub async fn exchanges(
    app: &App,
    viewer: &Viewer,
    query: &ExchangeQuery,
    language: SearchLanguage,
) -> Result<ExchangeListPage, WorkspaceError> {
    staff_only(viewer)?;
    let filter = ExchangeFilter {
        stage: query.stage,
        municipality: query.municipality.clone(),
        firm_words: words(&query.firm),
        material_codes: material_codes(&query.material, language),
        material_words: words(&query.material),
        company: None,
    };
    let offset = query.page.saturating_sub(1) * PAGE_SIZE;
    let (exchanges, total) = exchange_list(&app.db, &filter, offset, PAGE_SIZE).await?;
    let municipalities = storage::municipalities(&app.db).await?;
    Ok(ExchangeListPage {
        exchanges,
        total,
        municipalities: municipalities.into_iter().map(|(name, _)| name).collect(),
    })
}

/// The stored codes of the best material hits of the words (those scoring at least half the
/// best, at most 8), as the map's material filter.
fn material_codes(text: &str, language: SearchLanguage) -> Vec<String> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    let hits = search_materials(text, language, 50);
    let best = hits.first().map_or(0, |hit| hit.score);
    (hits.into_iter())
        .filter(|hit| hit.score * 2 >= best)
        .take(8)
        .map(|hit| hit.material.code().to_string())
        .collect()
}

/// The words of a text field, lower-cased.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_lowercase).collect()
}

fn staff_only(viewer: &Viewer) -> Result<(), WorkspaceError> {
    if viewer.is_staff() {
        Ok(())
    } else {
        Err(WorkspaceError::NotFound)
    }
}
