//! Saved searches: a firm keeps a market search under a name, sees its searches and deletes
//! one; when a flow comes on the market (added, or changed so that others may see it or it now
//! fits), each firm with a search it fits is told once per search and flow, on the dashboard
//! and by mail. A firm is never told of its own flows, nor of flows it may not see.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::filter::{self, FormContext, MarketFilter, MarketQuery};
use super::{Seeker, ranked};
use crate::app::App;
use crate::domain::notification::Notice;
use crate::domain::{Flow, FlowKind};
use crate::i18n::Lang;
use crate::storage::saved_searches::{self as stored, SavedSearch};
use crate::storage::{self, StorageError};

/// Longest name of a saved search, in characters.
pub const NAME_MAX: usize = 100;
/// Searches a firm may keep.
pub const SEARCHES_MAX: u64 = 50;

/// Why a search is not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("the name is empty")]
    NoName,
    #[error("the name is longer than {NAME_MAX} characters")]
    NameTooLong,
    #[error("the firm keeps {SEARCHES_MAX} searches already")]
    TooMany,
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Saves `filter` as the firm's search `name`; returns its id.
pub async fn save(
    app: &App,
    company_id: i64,
    name: &str,
    filter: &MarketFilter,
) -> Result<i64, SaveError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SaveError::NoName);
    }
    if name.chars().count() > NAME_MAX {
        return Err(SaveError::NameTooLong);
    }
    if stored::count(&app.db, company_id).await? >= SEARCHES_MAX {
        return Err(SaveError::TooMany);
    }
    let query = filter.query_string();
    Ok(stored::add(&app.db, company_id, name, &query, app.now()).await?)
}

/// The firm's saved searches, newest first.
pub async fn list(app: &App, company_id: i64) -> Result<Vec<SavedSearch>, StorageError> {
    stored::of_company(&app.db, company_id).await
}

/// Deletes the firm's search `id`; `false` when the firm has no such search.
pub async fn delete(app: &App, company_id: i64, id: i64) -> Result<bool, StorageError> {
    stored::delete(&app.db, company_id, id).await
}

/// Tells every other firm whose saved search the flow `key` fits (and who may see it) about
/// it, once per search; returns how many searches told their firm.
pub async fn tell_fitting_searches(app: &App, key: &str) -> Result<usize, StorageError> {
    let Some((kind, owner)) = stored::flow_owner(&app.db, key).await? else {
        return Ok(0);
    };
    let searches = stored::of_other_firms(&app.db, owner).await?;
    if searches.is_empty() {
        return Ok(0);
    }
    let municipalities: Vec<String> = (storage::municipalities(&app.db).await?)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    let mut told = 0;
    // One firm often keeps several searches: its view of the market is built once.
    let mut seekers: HashMap<i64, Seeker> = HashMap::new();
    for search in searches {
        let Some(filter) = stored_filter(&search, &municipalities) else {
            continue;
        };
        // The cheap check first: a search told of this flow before is not searched again.
        if stored::told_before(&app.db, search.company_id, search.id, key).await? {
            continue;
        }
        let seeker = match seekers.entry(search.company_id) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(slot) => slot.insert(Seeker::firm(app, search.company_id).await?),
        };
        if !fits(app, seeker, &filter, kind, key).await? {
            continue;
        }
        let notice = notice_of(app, &search, kind, key).await?;
        storage::notifications::notify(&app.db, search.company_id, &notice, app.now()).await?;
        told += 1;
    }
    Ok(told)
}

/// The stored query read back; a search that no longer reads (a municipality gone from the
/// region) is skipped.
fn stored_filter(search: &SavedSearch, municipalities: &[String]) -> Option<MarketFilter> {
    let query: MarketQuery = serde_html_form::from_str(&search.query).ok()?;
    let context = FormContext {
        lang: Lang::English,
        municipalities,
        has_firm: true,
    };
    filter::read(&query, &context)
        .ok()
        .map(|(filter, _)| filter)
}

/// True when the market as `seeker` sees it, filtered by the search, holds the flow.
async fn fits(
    app: &App,
    seeker: &Seeker,
    filter: &MarketFilter,
    kind: FlowKind,
    key: &str,
) -> Result<bool, StorageError> {
    let wanted = match filter.kind {
        super::filter::KindChoice::Both => true,
        super::filter::KindChoice::Offers => kind == FlowKind::Offer,
        super::filter::KindChoice::Needs => kind == FlowKind::Need,
    };
    if !wanted {
        return Ok(false);
    }
    let found = ranked(app, seeker, filter, Some(key)).await?;
    Ok(found.iter().any(|r| r.row.kind == kind))
}

async fn notice_of(
    app: &App,
    search: &SavedSearch,
    kind: FlowKind,
    key: &str,
) -> Result<Notice, StorageError> {
    let flows = storage::market::market_flows(&app.db, kind, &[key.to_string()]).await?;
    let material = match flows.first().map(|f| &f.flow) {
        Some(Flow::Offer(offer)) => offer.material().code().to_string(),
        Some(Flow::Need(need)) => need
            .accepts()
            .first()
            .map(|a| a.to_code())
            .unwrap_or_default(),
        None => String::new(),
    };
    Ok(Notice::SavedSearchFit {
        search_id: search.id,
        search_name: search.name.clone(),
        flow: key.to_string(),
        flow_kind: kind,
        material,
    })
}
