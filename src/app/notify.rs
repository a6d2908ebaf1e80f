//! Telling firms about new matches: when a flow is added or changed, each firm whose flow it
//! now fits hears of it once, anonymously (sector and municipality, never a name).

use std::collections::{BTreeMap, HashSet};

use super::App;
use super::region::Snapshot;
use crate::domain::notification::{FlowKind, Notice};
use crate::matching::candidates::Rules;
use crate::matching::suggest::{FlowRef, Suggestion, suggest};
use crate::storage::{self, StorageError};

/// Counterparts of a new flow that are told about it at most: the best ones, as on `/matches`.
const TOLD_AT_MOST: usize = 10;

/// A counterpart of the new flow, seen from the side that is told.
struct Counterpart {
    firm_key: String,
    own_flow: String,
    own_kind: FlowKind,
}

/// What follows the saving of a flow (added or changed): the matcher's snapshot is
/// forgotten and firms whose flows now fit it hear of it. The flow is saved whatever happens
/// here, so a failure is logged and never answered as an error: a user who sees an error
/// tries again, and an added flow would be stored twice.
pub async fn flow_saved(app: &App, flow_id: &str) {
    app.snapshot.invalidate().await;
    if let Err(error) = notify_new_matches(app, flow_id).await {
        tracing::error!(
            %error,
            flow = flow_id,
            "telling firms of new matches failed; the flow itself is saved"
        );
    }
    if let Err(error) = super::market::saved::tell_fitting_searches(app, flow_id).await {
        tracing::error!(
            %error,
            flow = flow_id,
            "telling firms of saved searches failed; the flow itself is saved"
        );
    }
}

/// Tells every firm whose flow fits the flow `flow_id` (an offer's or a need's id), once per
/// firm, with its best fitting flow; returns how many firms were told. Call it after the flow
/// is saved and the snapshot invalidated. Flows that firms may not see (coordinator-only),
/// paused or left out of matching tell nobody; a firm that declined the pair, or was told of
/// it before (the flow was edited), is not told again.
pub async fn notify_new_matches(app: &App, flow_id: &str) -> Result<usize, StorageError> {
    let snapshot = app.region().await?;
    if snapshot.coordinator_only.contains(flow_id) {
        return Ok(0);
    }
    let rules = Rules {
        as_of: Some(app.today()),
        enforce_min_lot: true,
    };
    let (flow, is_offer) = match (
        snapshot.offer_index.get(flow_id),
        snapshot.need_index.get(flow_id),
    ) {
        (Some(&i), _) => (FlowRef::Offer(&snapshot.instance.offers[i]), true),
        (None, Some(&j)) => (FlowRef::Need(&snapshot.instance.needs[j]), false),
        // Paused, unconfirmed too long, or gone: it is not matched, so nobody is told.
        (None, None) => return Ok(0),
    };
    let found = suggest(
        &snapshot.instance,
        &snapshot.index,
        flow,
        rules,
        TOLD_AT_MOST,
    );
    // Suggestions come best first: the first of each firm is the one it hears of.
    let mut per_firm: BTreeMap<String, (Counterpart, Suggestion)> = BTreeMap::new();
    for suggestion in found {
        let counterpart = counterpart_of(&snapshot, &suggestion, is_offer);
        per_firm
            .entry(counterpart.firm_key.clone())
            .or_insert((counterpart, suggestion));
    }
    let keys: Vec<String> = per_firm.keys().cloned().collect();
    let companies = storage::notifications::company_ids(&app.db, &keys).await?;
    let now = app.now();
    let mut told = 0;
    for (firm_key, (counterpart, suggestion)) in per_firm {
        let Some(&company) = companies.get(&firm_key) else {
            continue;
        };
        let pair = (counterpart.own_flow.clone(), flow_id.to_string());
        if declined(app, company, &pair, is_offer).await? {
            continue;
        }
        let notice = new_match(&snapshot, flow_id, is_offer, counterpart, &suggestion);
        // A firm told of this pair before (the flow was edited) is not told again.
        if storage::notifications::notify_once(&app.db, company, &notice, now).await? {
            told += 1;
        }
    }
    Ok(told)
}

/// The firm and flow on the other side of a suggestion for the new flow.
fn counterpart_of(snapshot: &Snapshot, suggestion: &Suggestion, is_offer: bool) -> Counterpart {
    let instance = &snapshot.instance;
    let (firm, own_kind) = if is_offer {
        (instance.need_firm(suggestion.counterpart), FlowKind::Need)
    } else {
        (instance.offer_firm(suggestion.counterpart), FlowKind::Offer)
    };
    Counterpart {
        firm_key: firm.id.clone(),
        own_flow: suggestion.counterpart_id.clone(),
        own_kind,
    }
}

/// True when the told firm declined this pair.
async fn declined(
    app: &App,
    company: i64,
    (own_flow, new_flow): &(String, String),
    is_offer: bool,
) -> Result<bool, StorageError> {
    let offer_need = if is_offer {
        (new_flow.clone(), own_flow.clone())
    } else {
        (own_flow.clone(), new_flow.clone())
    };
    let declined: HashSet<(String, String)> =
        storage::exchanges::declined_pairs(&app.db, company).await?;
    Ok(declined.contains(&offer_need))
}

/// The notice for the told firm: the new flow's firm only by sector and municipality.
fn new_match(
    snapshot: &Snapshot,
    flow_id: &str,
    is_offer: bool,
    counterpart: Counterpart,
    suggestion: &Suggestion,
) -> Notice {
    let instance = &snapshot.instance;
    let (new_firm, offer) = if is_offer {
        let i = snapshot.offer_index[flow_id];
        (instance.offer_firm(i), &instance.offers[i])
    } else {
        let j = snapshot.need_index[flow_id];
        let i = suggestion.counterpart;
        (instance.need_firm(j), &instance.offers[i])
    };
    Notice::NewMatch {
        own_flow: counterpart.own_flow,
        own_kind: counterpart.own_kind,
        counterpart_flow: flow_id.to_string(),
        material: offer.material.code().to_string(),
        sector: new_firm.nace.as_deref().and_then(|n| n.chars().next()),
        municipality: new_firm.municipality.clone(),
        euro_per_year: suggestion.economics.benefit_eur_per_year,
    }
}
