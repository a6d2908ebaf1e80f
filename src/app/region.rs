//! The matcher's view of the region, built from the database once and kept until a flow or a
//! firm changes: suggestion pages then cost microseconds (the spatial index answers one
//! flow's neighbourhood), not a reload of the region. Beside it, kept until the same changes,
//! what the busiest pages read: the overview's figures and pages of firms, each firm's own
//! flows (its matches page), the coordinator's counts of firms and flows.

mod memo;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use sea_orm::DatabaseConnection;
use tokio::sync::RwLock;

use self::memo::Memo;

use crate::domain::staleness::{Freshness, freshness};
use crate::domain::{Confidentiality, Region};
use crate::matching::Instance;
use crate::matching::history::CaseHistory;
use crate::matching::index::SpatialIndex;
use crate::matching::pools::{Pool, PoolSettings, find_pools};
use crate::storage::coordinator::Overview;
use crate::storage::{self, FirmPage, OwnFlows, RegionSummary, StorageError};

/// A region as the matcher sees it, with what pages need besides.
pub struct Snapshot {
    pub instance: Instance,
    pub index: SpatialIndex,
    /// Flows only coordinators may see: never shown to firms as counterparts.
    pub coordinator_only: HashSet<String>,
    /// Flows shown to other firms with their firm's name (the rest stay anonymous).
    pub public: HashSet<String>,
    /// Firm index by firm id.
    pub firm_index: HashMap<String, usize>,
    /// Offer index by offer id.
    pub offer_index: HashMap<String, usize>,
    /// Need index by need id.
    pub need_index: HashMap<String, usize>,
    /// Recurring flows not confirmed for a while: ranked after current ones.
    pub outdated: HashSet<String>,
    /// Collection rounds of small producers that reach a receiver's smallest lot together.
    pub pools: Vec<Pool>,
    /// What completed and declined exchanges teach the ranking of suggestions.
    pub history: CaseHistory,
    /// The day the snapshot was built for (freshness depends on it).
    pub today: NaiveDate,
    /// The region it was built from (paused and dropped flows left out): what a plan run
    /// stores to be restored after a restart.
    pub region: Region,
}

impl Snapshot {
    /// The snapshot of `region` (its paused and dropped flows already left out) as of `today`.
    /// CPU work: call it off the async workers. The plan runner rebuilds a stored run's
    /// snapshot with it after a restart.
    pub fn build(region: Region, history: CaseHistory, today: NaiveDate) -> Snapshot {
        let is_outdated =
            |regularity, confirmed| freshness(regularity, confirmed, today) == Freshness::Outdated;
        let outdated: HashSet<String> = (region.offers.iter())
            .filter(|o| is_outdated(o.regularity(), o.last_confirmed()))
            .map(|o| o.id().to_string())
            .chain(
                (region.needs.iter())
                    .filter(|n| is_outdated(n.regularity(), n.last_confirmed()))
                    .map(|n| n.id().to_string()),
            )
            .collect();
        let public = marked(&region, Confidentiality::Public);
        let coordinator_only = marked(&region, Confidentiality::CoordinatorOnly);
        let instance = Instance::from_region(&region);
        let index = SpatialIndex::build(&instance);
        let firm_index = (instance.firms.iter().enumerate())
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        let pools = find_pools(&instance, &index, PoolSettings::default());
        let offer_index = (instance.offers.iter().enumerate())
            .map(|(i, o)| (o.id.clone(), i))
            .collect();
        let need_index = (instance.needs.iter().enumerate())
            .map(|(j, n)| (n.id.clone(), j))
            .collect();
        Snapshot {
            instance,
            index,
            coordinator_only,
            public,
            firm_index,
            offer_index,
            need_index,
            outdated,
            pools,
            history,
            today,
            region,
        }
    }
}

/// The current snapshot and read models, rebuilt on demand after a change.
#[derive(Default)]
pub struct SnapshotCache {
    current: RwLock<Option<Arc<Snapshot>>>,
    /// Counts the changes: read models built before the latest one are stale.
    generation: AtomicU64,
    summary: Memo<(), RegionSummary>,
    /// Pages of firms by municipality (or none), offset and length.
    firm_pages: Memo<(Option<String>, u64, u64), FirmPage>,
    /// Each firm's own flows (`None`: no such firm), by database id.
    own_flows: Memo<i64, Option<OwnFlows>>,
    /// The coordinator's overview without its exchanges, for the day it was counted on.
    overview: Memo<NaiveDate, Overview>,
}

impl SnapshotCache {
    /// Forgets the snapshot and the read models: the next reader rebuilds them. Call it after
    /// every committed change of a firm or a flow.
    pub async fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        *self.current.write().await = None;
    }

    /// The region's counts and municipalities, as [`storage::region_summary`] reads them.
    pub async fn summary(
        &self,
        db: &DatabaseConnection,
    ) -> Result<Arc<RegionSummary>, StorageError> {
        let generation = self.generation.load(Ordering::SeqCst);
        self.summary
            .get_or_build(generation, (), || storage::region_summary(db))
            .await
    }

    /// A page of firms with their active flows, as [`storage::firm_page`] reads it.
    pub async fn firm_page(
        &self,
        db: &DatabaseConnection,
        municipality: Option<&str>,
        offset: u64,
        limit: u64,
    ) -> Result<Arc<FirmPage>, StorageError> {
        let generation = self.generation.load(Ordering::SeqCst);
        let key = (municipality.map(str::to_string), offset, limit);
        self.firm_pages
            .get_or_build(generation, key, || {
                storage::firm_page(db, municipality, offset, limit)
            })
            .await
    }

    /// A firm's flows and which are paused, as [`storage::own_flows`] reads them.
    pub async fn own_flows(
        &self,
        db: &DatabaseConnection,
        company_id: i64,
    ) -> Result<Arc<Option<OwnFlows>>, StorageError> {
        let generation = self.generation.load(Ordering::SeqCst);
        self.own_flows
            .get_or_build(generation, company_id, || {
                storage::own_flows(db, company_id)
            })
            .await
    }

    /// The region's firms and flows counted by municipality and sector on `today`, without
    /// exchanges (they change without the region changing: add them per request).
    pub async fn region_overview(
        &self,
        db: &DatabaseConnection,
        today: NaiveDate,
    ) -> Result<Arc<Overview>, StorageError> {
        let generation = self.generation.load(Ordering::SeqCst);
        self.overview
            .get_or_build(generation, today, || {
                storage::coordinator::region_overview(db, today)
            })
            .await
    }

    /// The snapshot as of `today`, built from the database if there is none for that day
    /// (freshness is counted in days, so a new day builds a new one).
    pub async fn get(
        &self,
        db: &DatabaseConnection,
        today: NaiveDate,
    ) -> Result<Arc<Snapshot>, StorageError> {
        if let Some(snapshot) = self.current.read().await.as_ref()
            && snapshot.today == today
        {
            return Ok(snapshot.clone());
        }
        let mut slot = self.current.write().await;
        if let Some(snapshot) = slot.as_ref()
            && snapshot.today == today
        {
            return Ok(snapshot.clone());
        }
        // One consistent read: a flow written meanwhile comes with its accepted codes and its
        // firm, or not at all.
        let storage::MatcherInput {
            mut region,
            paused,
            history,
        } = storage::load_for_matching(db).await?;
        // Paused flows leave matching for everyone until their firm resumes them.
        region.offers.retain(|o| !paused.offer(o.id().as_str()));
        region.needs.retain(|n| !paused.need(n.id().as_str()));
        // Flows unconfirmed for too long leave matching; outdated ones rank lower.
        region
            .offers
            .retain(|o| freshness(o.regularity(), o.last_confirmed(), today) != Freshness::Dropped);
        region
            .needs
            .retain(|n| freshness(n.regularity(), n.last_confirmed(), today) != Freshness::Dropped);
        // Building the index is CPU work: keep it off the async threads.
        let snapshot = tokio::task::spawn_blocking(move || Snapshot::build(region, history, today))
            .await
            .map_err(|e| StorageError::Database(sea_orm::DbErr::Custom(e.to_string())))?;
        let snapshot = Arc::new(snapshot);
        *slot = Some(snapshot.clone());
        Ok(snapshot)
    }
}

/// The ids of the offers and needs of a region marked with a confidentiality level.
fn marked(region: &Region, level: Confidentiality) -> HashSet<String> {
    let offers = region
        .offers
        .iter()
        .filter(|o| o.confidentiality() == level);
    let needs = region.needs.iter().filter(|n| n.confidentiality() == level);
    offers
        .map(|o| o.id().to_string())
        .chain(needs.map(|n| n.id().to_string()))
        .collect()
}
