//! A firm's dashboard: its notices (new matches, steps of its exchanges, invitations),
//! unread ones first, its situation in numbers, and marking notices as read. Only the firm's
//! own notices are ever shown or marked.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::App;
use super::visibility::Viewer;
use crate::domain::exchange::{ExchangeId, Stage};
use crate::domain::staleness::{Freshness, freshness};
use crate::storage::notifications::{NotificationRecord, Which};
use crate::storage::{self, FirmWithFlows, StorageError};

/// Notices shown at most (unread ones first).
const SHOWN: u64 = 30;

/// Why the dashboard or a "read" is refused.
#[derive(Debug, thiserror::Error)]
pub enum NoticesError {
    /// The viewer has no firm, or named a notice that is not its firm's.
    #[error("not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// A firm in numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirmSummary {
    pub name: String,
    pub offers: usize,
    pub needs: usize,
    /// Recurring flows not confirmed for a while (outdated or already left out of matching).
    pub to_confirm: usize,
    /// Exchanges per stage, in the order of an exchange's life; stages without any left out.
    pub exchanges: Vec<(Stage, usize)>,
}

/// What a firm's dashboard shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    /// Newest unread first, then read ones; at most [`SHOWN`].
    pub notices: Vec<NotificationRecord>,
    pub unread: u64,
    pub firm: FirmSummary,
    /// Exchanges with messages of others the firm has not read, and how many, newest
    /// exchange first.
    pub unread_messages: Vec<(ExchangeId, u64)>,
}

/// The viewer's firm's dashboard; `None` for an account without a firm.
pub async fn dashboard(app: &App, viewer: &Viewer) -> Result<Option<Dashboard>, NoticesError> {
    let Some(company) = viewer.company else {
        return Ok(None);
    };
    let own = storage::firm_with_flows(&app.db, company)
        .await?
        .ok_or(NoticesError::NotFound)?;
    let notices = storage::notifications::for_company(&app.db, company, SHOWN).await?;
    let unread = storage::notifications::unread_count(&app.db, company).await?;
    let listed = storage::exchanges::for_company(&app.db, company).await?;
    let stages: Vec<Stage> = listed.iter().map(|l| l.stage).collect();
    let counts = super::exchanges::messages::unread(app, viewer, &listed).await?;
    let unread_messages = (listed.iter())
        .filter_map(|l| Some((l.id, *counts.get(&l.id)?)))
        .collect();
    Ok(Some(Dashboard {
        notices,
        unread,
        firm: summary(&own, &stages, app.today()),
        unread_messages,
    }))
}

/// Marks the notices `ids` as read, or all of the firm's notices when `ids` is empty. A
/// notice of another firm is "not found" and nothing changes. Returns how many were unread.
pub async fn mark_read(app: &App, viewer: &Viewer, ids: &[i64]) -> Result<u64, NoticesError> {
    let company = viewer.company.ok_or(NoticesError::NotFound)?;
    let which = if ids.is_empty() {
        Which::All
    } else {
        Which::Ids(ids)
    };
    storage::notifications::mark_read(&app.db, company, which, app.now())
        .await?
        .ok_or(NoticesError::NotFound)
}

/// The firm in numbers, from its flows and the stages of its exchanges, as of `today`.
fn summary(own: &FirmWithFlows, stages: &[Stage], today: NaiveDate) -> FirmSummary {
    let needs_confirming =
        |regularity, confirmed| freshness(regularity, confirmed, today) != Freshness::Current;
    let to_confirm = (own.offers.iter())
        .filter(|o| needs_confirming(o.regularity(), o.last_confirmed()))
        .count()
        + (own.needs.iter())
            .filter(|n| needs_confirming(n.regularity(), n.last_confirmed()))
            .count();
    FirmSummary {
        name: own.firm.name().to_string(),
        offers: own.offers.len(),
        needs: own.needs.len(),
        to_confirm,
        exchanges: per_stage(stages),
    }
}

/// How many exchanges are in each stage, in [`Stage::ALL`] order, empty stages left out.
fn per_stage(stages: &[Stage]) -> Vec<(Stage, usize)> {
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for stage in stages {
        if let Some(position) = Stage::ALL.iter().position(|s| s == stage) {
            *counts.entry(position).or_default() += 1;
        }
    }
    (counts.into_iter())
        .map(|(position, count)| (Stage::ALL[position], count))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exchanges_are_counted_per_stage_in_the_order_of_their_life() {
        let stages = [Stage::Declined, Stage::Running, Stage::Declined];

        assert_eq!(
            per_stage(&stages),
            vec![(Stage::Running, 1), (Stage::Declined, 2)]
        );
        assert!(per_stage(&[]).is_empty());
    }
}
