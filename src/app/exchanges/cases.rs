//! The knowledge base of completed and declined exchanges, for coordinators: the cases a
//! filter selects, a page at a time, with the totals over all of them.

use super::super::App;
use crate::app::visibility::Viewer;
use crate::outcomes::case::{Case, CaseFilter, CaseSummary, summary};
use crate::storage::{self, StorageError};

/// Cases per page.
pub const PAGE_SIZE: usize = 25;

/// One page of the cases a filter selects.
#[derive(Debug, Clone, PartialEq)]
pub struct CasesPage {
    /// Cases in the knowledge base.
    pub total: usize,
    /// Cases the filter selects, and the totals over them (not only this page).
    pub matching: usize,
    pub summary: CaseSummary,
    /// This page's cases, newest first.
    pub cases: Vec<Case>,
    /// This page's number (from 1) and the number of pages (at least 1).
    pub page: usize,
    pub pages: usize,
}

/// Why a page of cases is not shown.
#[derive(Debug, thiserror::Error)]
pub enum CasesError {
    /// Only coordinators read the knowledge base.
    #[error("not found")]
    NotFound,
    /// The page asked for is beyond the last one (or zero).
    #[error("there is no page {page}")]
    NoSuchPage { page: usize },
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Page `page` (from 1) of the cases `filter` selects.
pub async fn cases_page(
    app: &App,
    viewer: &Viewer,
    filter: &CaseFilter,
    page: usize,
) -> Result<CasesPage, CasesError> {
    if !viewer.is_staff() {
        return Err(CasesError::NotFound);
    }
    let cases = storage::cases::all(&app.db).await?;
    paged(cases, filter, page)
}

/// The page of the selected cases (pure: the rule of paging, tested apart).
fn paged(cases: Vec<Case>, filter: &CaseFilter, page: usize) -> Result<CasesPage, CasesError> {
    let total = cases.len();
    let selected: Vec<Case> = cases.into_iter().filter(|c| filter.matches(c)).collect();
    let pages = selected.len().div_ceil(PAGE_SIZE).max(1);
    if page == 0 || page > pages {
        return Err(CasesError::NoSuchPage { page });
    }
    let totals = summary(selected.iter());
    let matching = selected.len();
    let start = (page - 1) * PAGE_SIZE;
    Ok(CasesPage {
        total,
        matching,
        summary: totals,
        cases: selected.into_iter().skip(start).take(PAGE_SIZE).collect(),
        page,
        pages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_knowledge_base_has_one_empty_page_and_no_second() {
        let first = paged(Vec::new(), &CaseFilter::default(), 1).unwrap();

        assert_eq!((first.total, first.matching, first.pages), (0, 0, 1));
        assert!(first.cases.is_empty());
        assert!(matches!(
            paged(Vec::new(), &CaseFilter::default(), 2),
            Err(CasesError::NoSuchPage { page: 2 })
        ));
        assert!(paged(Vec::new(), &CaseFilter::default(), 0).is_err());
    }
}
