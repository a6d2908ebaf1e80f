//! The suggested clusters of small firms on a coordinator's `/partnerships`, and starting a
//! partnership from one. Clusters come from the matcher ([`crate::matching::clusters`]) on the
//! live region's snapshot and are kept beside it ([`crate::app::derived`]); a posted
//! cluster is found again among them, so a hand-made form cannot invite firms the matcher did
//! not group.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::Error;
use crate::app::App;
use crate::app::region::Snapshot;
use crate::domain::partnership::{Kind, PartnershipName, TextProblem};
use crate::matching::Instance;
use crate::matching::clusters::{Cluster, ClusterPurpose, ClusterSettings, find_clusters};
use crate::storage::partnerships::{NewPartnership, PartnershipSummary};
use crate::storage::{self, StorageError};

/// Suggested clusters per page.
pub const PAGE_SIZE: usize = 10;

/// A cluster of small firms as the matcher suggests it.
#[derive(Debug, Clone)]
pub struct SuggestedCluster {
    /// Its place in the full list, from 1.
    pub number: usize,
    /// The kind of partnership its reason suggests.
    pub kind: Kind,
    pub firms: Vec<ClusterFirm>,
    /// The finest NACE code all its firms share (`C10.71`, else the division `C10`).
    pub sector: Option<String>,
    /// Largest crow-fly distance between two of its firms, km.
    pub spread_km: f64,
    /// The codes all its firms need (joint purchasing) or offer (shared collection).
    pub materials: Vec<String>,
    /// `(id, name)` of partnerships that include all its firms already.
    pub started: Vec<(i64, String)>,
}

/// A firm of a suggested cluster.
#[derive(Debug, Clone)]
pub struct ClusterFirm {
    /// The firm's key (`F068`): what the start form posts.
    pub key: String,
    pub name: String,
    pub nace: Option<String>,
    pub municipality: String,
    pub employees: u32,
}

/// The live region and its suggested clusters, largest first; found once per snapshot.
async fn clusters(app: &App) -> Result<(Arc<Snapshot>, Arc<Vec<Cluster>>), StorageError> {
    let snapshot = app.region().await?;
    if let Some(found) = app.derived.clusters.get(&snapshot) {
        return Ok((snapshot, found));
    }
    let region = snapshot.clone();
    // Finding clusters is CPU work: keep it off the async threads.
    let found = tokio::task::spawn_blocking(move || {
        find_clusters(&region.instance, ClusterSettings::default())
    })
    .await
    .map_err(|e| StorageError::Database(sea_orm::DbErr::Custom(e.to_string())))?;
    let found = app.derived.clusters.keep(&snapshot, found);
    Ok((snapshot, found))
}

/// The partnership a cluster suggests: the matcher's shared logistics is one collection
/// round for a residue all members offer.
fn kind_of(purpose: ClusterPurpose) -> Kind {
    match purpose {
        ClusterPurpose::JointPurchasing => Kind::JointPurchasing,
        ClusterPurpose::SharedLogistics => Kind::SharedCollection,
        ClusterPurpose::Training => Kind::Training,
        ClusterPurpose::Marketing => Kind::Marketing,
    }
}

/// A cluster as the page shows it: `number` counts from 1 in the full list.
fn suggested(
    instance: &Instance,
    cluster: &Cluster,
    number: usize,
    partnerships: &[PartnershipSummary],
) -> SuggestedCluster {
    let firms: Vec<ClusterFirm> = cluster
        .firms
        .iter()
        .map(|&f| {
            let firm = &instance.firms[f];
            ClusterFirm {
                key: firm.id.clone(),
                name: firm.name.clone(),
                nace: firm.nace.clone(),
                municipality: firm.municipality.clone(),
                employees: firm.employees,
            }
        })
        .collect();
    // The finest code all share says more: `C10.71` is bakeries where `C10` is food.
    let first = firms.first().and_then(|f| f.nace.clone());
    let sector = match first {
        Some(code) if firms.iter().all(|f| f.nace.as_ref() == Some(&code)) => Some(code),
        _ => cluster.shared_sector.clone(),
    };
    let started = partnerships
        .iter()
        .filter(|p| firms.iter().all(|f| p.member_keys.contains(&f.key)))
        .map(|p| (p.id, p.name.clone()))
        .collect();
    SuggestedCluster {
        number,
        kind: kind_of(cluster.purpose),
        sector,
        spread_km: cluster.spread_km,
        materials: cluster
            .shared_materials
            .iter()
            .map(|m| m.code().to_string())
            .collect(),
        firms,
        started,
    }
}

/// A coordinator's `/partnerships`: its partnerships and one page of suggested clusters.
#[derive(Debug)]
pub struct CoordinatorPage {
    pub partnerships: Vec<PartnershipSummary>,
    /// The clusters of this page.
    pub clusters: Vec<SuggestedCluster>,
    /// Clusters on all pages.
    pub total_clusters: usize,
    /// This page, from 1 (a page past the last shows the last).
    pub page: usize,
    pub pages: usize,
}

/// The partnerships and page `page` (from 1) of the suggested clusters.
pub async fn coordinator_page(app: &App, page: usize) -> Result<CoordinatorPage, StorageError> {
    let (snapshot, clusters) = clusters(app).await?;
    let partnerships = storage::partnerships::list(&app.db).await?;
    let pages = clusters.len().div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    let shown = clusters
        .iter()
        .enumerate()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|(k, cluster)| suggested(&snapshot.instance, cluster, k + 1, &partnerships))
        .collect();
    Ok(CoordinatorPage {
        partnerships,
        clusters: shown,
        total_clusters: clusters.len(),
        page,
        pages,
    })
}

/// The page of suggested clusters that shows cluster `number` (from 1).
pub fn page_of(number: usize) -> usize {
    number.saturating_sub(1) / PAGE_SIZE + 1
}

/// Why a partnership was not started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartRefused {
    /// The posted firms are no suggested cluster (any more).
    NotACluster,
    /// The cluster `number` (from 1) was found, but a firm of it is gone from the database.
    FirmGone { number: usize },
    /// The cluster `number` (from 1) was found; the kind is unknown or the name wrong.
    Fields {
        number: usize,
        unknown_kind: bool,
        name: Option<TextProblem>,
    },
}

/// The position of the cluster whose firms are exactly `posted`, if any: a firm left out,
/// added or named twice matches none.
fn posted_cluster(posted: &[String], instance: &Instance, clusters: &[Cluster]) -> Option<usize> {
    let wanted: BTreeSet<&str> = posted.iter().map(|key| key.trim()).collect();
    if posted.len() != wanted.len() {
        return None;
    }
    clusters.iter().position(|cluster| {
        cluster.firms.len() == wanted.len()
            && cluster
                .firms
                .iter()
                .all(|&f| wanted.contains(instance.firms[f].id.as_str()))
    })
}

/// What a coordinator posts to start a partnership.
#[derive(Debug, Clone, Copy)]
pub struct StartRequest<'a> {
    /// The ids of the cluster's firms (`F068`).
    pub firms: &'a [String],
    pub kind: &'a str,
    pub name: &'a str,
    /// The coordinator's user id.
    pub created_by: i64,
}

/// Starts a partnership of the firms of a cluster the matcher suggests now, inviting every
/// one of them, in one transaction; its id. Anything but exactly a suggested cluster's firms
/// is refused and nothing is written. `reason` words why the cluster's firms belong together
/// (stored with the partnership, in the coordinator's language).
pub async fn start(
    app: &App,
    request: StartRequest<'_>,
    reason: impl FnOnce(&SuggestedCluster) -> String,
) -> Result<i64, Error<StartRefused>> {
    let (snapshot, clusters) = clusters(app).await?;
    let instance = &snapshot.instance;
    let index = posted_cluster(request.firms, instance, &clusters)
        .ok_or(Error::Refused(StartRefused::NotACluster))?;
    let (kind, name) = match (
        Kind::parse(request.kind),
        PartnershipName::parse(request.name),
    ) {
        (Some(kind), Ok(name)) => (kind, name),
        (kind, name) => {
            return Err(Error::Refused(StartRefused::Fields {
                number: index + 1,
                unknown_kind: kind.is_none(),
                name: name.err(),
            }));
        }
    };
    let cluster = &clusters[index];
    let keys: Vec<String> = (cluster.firms.iter())
        .map(|&f| instance.firms[f].id.clone())
        .collect();
    let companies = storage::partnerships::company_ids(&app.db, &keys)
        .await?
        .ok_or(Error::Refused(StartRefused::FirmGone { number: index + 1 }))?;
    let reason = reason(&suggested(instance, cluster, index + 1, &[]));
    let new = NewPartnership {
        name: &name,
        kind,
        reason: &reason,
        created_by: request.created_by,
        at: app.now(),
    };
    Ok(storage::partnerships::create(&app.db, &new, &companies).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cluster_is_found_on_the_page_that_shows_it() {
        assert_eq!(page_of(1), 1);
        assert_eq!(page_of(PAGE_SIZE), 1);
        assert_eq!(page_of(PAGE_SIZE + 1), 2);
    }
}
