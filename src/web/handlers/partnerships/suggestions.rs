//! The suggested clusters of small firms on a coordinator's `/partnerships`, and `POST
//! /partnerships`, which starts a partnership from one. Clusters come from the matcher
//! ([`crate::matching::clusters`]) on the live region's snapshot; a posted cluster is found
//! again among them, so a hand-made form cannot invite firms the matcher did not group.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, Weak};

use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;

use super::membership::text_problem;
use super::{Fields, check_csrf, field};
use crate::app::region::Snapshot;
use crate::domain::partnership::{Kind, PartnershipName};
use crate::i18n::Lang;
use crate::matching::Instance;
use crate::matching::clusters::{Cluster, ClusterPurpose, ClusterSettings, find_clusters};
use crate::storage;
use crate::storage::partnerships::{NewPartnership, PartnershipSummary};
use crate::t;
use crate::views::partnerships::{
    ClusterFirm, CoordinatorList, FieldErrors, StartForm, SuggestedCluster, coordinator_list,
    reason_text,
};
use crate::web::auth::{RequireCoordinator, SignedIn};
use crate::web::handlers::home::viewer_of;
use crate::web::{AppError, AppState};

/// Suggested clusters per page.
pub const PAGE_SIZE: usize = 10;

/// The clusters of the last snapshot asked for. Finding clusters takes about a second on a
/// 100,000-firm region, so they are kept as long as the snapshot they came from; holding a
/// `Weak` of it both tells whether it is still the live one and keeps its address from being
/// reused by a later snapshot.
static LAST: Mutex<Option<Found>> = Mutex::new(None);

/// The clusters found on a snapshot.
type Found = (Weak<Snapshot>, Arc<Vec<Cluster>>);

/// The live region and its suggested clusters, largest first.
async fn clusters(app: &AppState) -> Result<(Arc<Snapshot>, Arc<Vec<Cluster>>), AppError> {
    let snapshot = app.region().await?;
    let cached = LAST.lock().ok().and_then(|last| match last.as_ref() {
        Some((of, found)) if std::ptr::eq(of.as_ptr(), Arc::as_ptr(&snapshot)) => {
            Some(found.clone())
        }
        _ => None,
    });
    if let Some(found) = cached {
        return Ok((snapshot, found));
    }
    let region = snapshot.clone();
    // Finding clusters is CPU work: keep it off the async threads.
    let found = tokio::task::spawn_blocking(move || {
        find_clusters(&region.instance, ClusterSettings::default())
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let found = Arc::new(found);
    if let Ok(mut last) = LAST.lock() {
        *last = Some((Arc::downgrade(&snapshot), found.clone()));
    }
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

/// The `pagina` parameter: 1 when absent.
pub(super) fn page_param(lang: Lang, params: &HashMap<String, String>) -> Result<usize, AppError> {
    match params.get("pagina").map(|p| p.trim()) {
        None | Some("") => Ok(1),
        Some(text) => text
            .parse::<usize>()
            .ok()
            .filter(|&p| p >= 1)
            .ok_or_else(|| AppError::BadRequest(t!(lang, "partnerships-bad-page", text = text))),
    }
}

/// What a refused start form brings back.
pub(super) enum Refusal {
    /// The posted firms are no suggested cluster (any more).
    Message(String),
    /// The cluster was found; its form's fields were not right.
    Form(StartForm),
}

/// A coordinator's `/partnerships`: its partnerships and one page of suggested clusters.
pub(super) async fn render(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    page: usize,
    refusal: Option<Refusal>,
) -> Result<Response, AppError> {
    let (snapshot, clusters) = clusters(app).await?;
    let partnerships = storage::partnerships::list(&app.db).await?;
    let pages = clusters.len().div_ceil(PAGE_SIZE).max(1);
    let page = page.min(pages);
    let shown: Vec<SuggestedCluster> = clusters
        .iter()
        .enumerate()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|(k, cluster)| suggested(&snapshot.instance, cluster, k + 1, &partnerships))
        .collect();
    let (message, form) = match refusal {
        None => (None, None),
        Some(Refusal::Message(message)) => (Some(message), None),
        Some(Refusal::Form(form)) => (None, Some(form)),
    };
    let status = if message.is_some() || form.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let body = coordinator_list(&CoordinatorList {
        viewer: viewer_of(&Some(user), lang),
        partnerships: &partnerships,
        clusters: &shown,
        total_clusters: clusters.len(),
        page,
        pages,
        message,
        form: form.as_ref(),
    });
    Ok((status, body).into_response())
}

/// The position of the cluster whose firms are exactly the posted `firm` ids, if any: a
/// firm left out, added or named twice matches none.
fn posted_cluster(fields: &Fields, instance: &Instance, clusters: &[Cluster]) -> Option<usize> {
    let posted: Vec<&str> = fields
        .iter()
        .filter(|(k, _)| k == "firm")
        .map(|(_, v)| v.trim())
        .collect();
    let wanted: BTreeSet<&str> = posted.iter().copied().collect();
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

/// The kind and name of a start form for cluster `number`, or the form with its messages.
fn kind_and_name(
    lang: Lang,
    fields: &Fields,
    number: usize,
) -> Result<(Kind, PartnershipName), StartForm> {
    let kind = Kind::parse(field(fields, "kind"));
    let name = PartnershipName::parse(field(fields, "name"));
    if let (Some(kind), Ok(name)) = (kind, &name) {
        return Ok((kind, name.clone()));
    }
    let mut errors = FieldErrors::new();
    if kind.is_none() {
        errors.insert("kind", t!(lang, "partnerships-kind-unknown"));
    }
    if let Err(problem) = name {
        let label = t!(lang, "partnerships-field-name");
        errors.insert("name", text_problem(lang, &label, problem));
    }
    Err(StartForm {
        number,
        kind: field(fields, "kind").to_string(),
        name: field(fields, "name").to_string(),
        errors,
    })
}

/// `POST /partnerships` with the cluster's `firm` ids, `kind` and `name`: starts the
/// partnership and invites every firm of the cluster. The firms must be exactly those of a
/// cluster the matcher suggests now; anything else is refused and nothing is written.
pub async fn create(
    State(app): State<AppState>,
    RequireCoordinator(user): RequireCoordinator,
    lang: Lang,
    Form(fields): Form<Fields>,
) -> Result<Response, AppError> {
    check_csrf(&user, &fields)?;
    let (snapshot, clusters) = clusters(&app).await?;
    let instance = &snapshot.instance;
    let not_a_cluster = || Refusal::Message(t!(lang, "partnerships-not-a-cluster"));
    let Some(index) = posted_cluster(&fields, instance, &clusters) else {
        return render(&app, user, lang, 1, Some(not_a_cluster())).await;
    };
    let (cluster, page) = (&clusters[index], index / PAGE_SIZE + 1);
    let (kind, name) = match kind_and_name(lang, &fields, index + 1) {
        Ok(valid) => valid,
        Err(form) => return render(&app, user, lang, page, Some(Refusal::Form(form))).await,
    };
    let keys: Vec<String> = cluster
        .firms
        .iter()
        .map(|&f| instance.firms[f].id.clone())
        .collect();
    let Some(companies) = storage::partnerships::company_ids(&app.db, &keys).await? else {
        return render(&app, user, lang, page, Some(not_a_cluster())).await;
    };
    let reason = reason_text(lang, &suggested(instance, cluster, index + 1, &[]));
    let new = NewPartnership {
        name: &name,
        kind,
        reason: &reason,
        created_by: user.account.id,
        at: Utc::now().naive_utc(),
    };
    let id = storage::partnerships::create(&app.db, &new, &companies).await?;
    Ok(Redirect::to(&format!("/partnerships/{id}")).into_response())
}
