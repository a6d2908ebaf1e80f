//! `/matches`: the matcher's suggestions for each of the signed-in firm's flows.

use axum::extract::State;
use maud::Markup;

use super::home::viewer_of;
use crate::domain::Unit;
use crate::matching::candidates::Rules;
use crate::matching::pools::Pool;
use crate::matching::suggest::{FlowRef, Reason, Suggestion, suggest};
use crate::storage;
use crate::views::format::{material_label_nl, quantity_nl};
use crate::views::matches::{FlowMatches, MatchView, PoolView, page, sector_nl};
use crate::web::auth::RequireSignedIn;
use crate::web::snapshot::Snapshot;
use crate::web::{AppError, AppState};

/// Suggestions shown per flow.
const PER_FLOW: usize = 5;

/// `GET /matches`.
pub async fn show(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
) -> Result<Markup, AppError> {
    let company = user
        .account
        .company_id
        .ok_or_else(|| AppError::BadRequest("Dit account hoort niet bij een bedrijf.".into()))?;
    let own = storage::firm_with_flows(&app.db, company)
        .await?
        .ok_or(AppError::NotFound)?;
    let snapshot = app.snapshot.get(&app.db).await?;
    // A pair declined before ("not for us") is not proposed again.
    let declined = storage::exchanges::declined_pairs(&app.db, company).await?;
    let rules = Rules {
        as_of: Some(chrono::Local::now().date_naive()),
        enforce_min_lot: true,
    };
    let mut flows = Vec::new();
    for offer in &own.offers {
        // A flow left out of matching (unconfirmed too long) has no suggestions.
        let Some(&offer_index) = snapshot.offer_index.get(offer.id().as_str()) else {
            continue;
        };
        let flow = &snapshot.instance.offers[offer_index];
        let found = suggest(
            &snapshot.instance,
            &snapshot.index,
            FlowRef::Offer(flow),
            rules,
            PER_FLOW * 2,
        );
        let pools = snapshot
            .pools
            .iter()
            .filter_map(|pool| {
                let member = pool.members.iter().find(|m| m.offer == offer_index)?;
                Some(pool_view(&snapshot, pool, member.transport_eur_per_year))
            })
            .collect();
        flows.push(FlowMatches {
            pools,
            heading: format!(
                "{} — {}",
                material_label_nl(&offer.material()),
                quantity_nl(offer.quantity())
            ),
            is_offer: true,
            suggestions: visible(
                &snapshot,
                found,
                |s| snapshot.instance.need_firm(s.counterpart).id.clone(),
                |s| (offer.id().to_string(), s.counterpart_id.clone()),
                &declined,
            ),
        });
    }
    for need in &own.needs {
        let Some(&need_index) = snapshot.need_index.get(need.id().as_str()) else {
            continue;
        };
        let flow = &snapshot.instance.needs[need_index];
        let found = suggest(
            &snapshot.instance,
            &snapshot.index,
            FlowRef::Need(flow),
            rules,
            PER_FLOW * 2,
        );
        let heading = if need.description().is_empty() {
            quantity_nl(need.quantity())
        } else {
            format!("{} — {}", need.description(), quantity_nl(need.quantity()))
        };
        let pools = snapshot
            .pools
            .iter()
            .filter(|pool| pool.need == need_index)
            .map(|pool| pool_view(&snapshot, pool, pool.cost_eur_per_year))
            .collect();
        flows.push(FlowMatches {
            pools,
            heading,
            is_offer: false,
            suggestions: visible(
                &snapshot,
                found,
                |s| snapshot.instance.offer_firm(s.counterpart).id.clone(),
                |s| (s.counterpart_id.clone(), need.id().to_string()),
                &declined,
            ),
        });
    }
    let csrf = user.csrf.clone();
    Ok(page(
        &viewer_of(&Some(user), crate::web::language::current()),
        &csrf,
        &flows,
    ))
}

/// A pool as a firm may see it: how many firms, how much, how far; no names.
fn pool_view(snapshot: &Snapshot, pool: &Pool, cost_eur_per_year: f64) -> PoolView {
    let receiver = snapshot.instance.need_firm(pool.need);
    PoolView {
        firms: pool
            .members
            .iter()
            .map(|m| m.firm)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        quantity: pool.quantity_per_year,
        round_km: pool.round_km,
        receiver: format!(
            "{} in {}",
            sector_nl(receiver.nace.as_deref().and_then(|n| n.chars().next())),
            receiver.municipality
        ),
        cost_eur_per_year,
    }
}

/// Leaves out counterparts only coordinators may see, and anonymises the rest.
fn visible(
    snapshot: &Snapshot,
    found: Vec<Suggestion>,
    firm_of: impl Fn(&Suggestion) -> String,
    pair_of: impl Fn(&Suggestion) -> (String, String),
    declined: &std::collections::HashSet<(String, String)>,
) -> Vec<MatchView> {
    let mut shown: Vec<Suggestion> = found
        .into_iter()
        .filter(|s| !snapshot.coordinator_only.contains(&s.counterpart_id))
        .filter(|s| !declined.contains(&pair_of(s)))
        .collect();
    // Outdated counterparts come after current ones (a stable sort keeps the benefit order).
    shown.sort_by_key(|s| snapshot.outdated.contains(&s.counterpart_id));
    shown
        .into_iter()
        .take(PER_FLOW)
        .map(|s| {
            let firm = &snapshot.instance.firms[snapshot.firm_index[&firm_of(&s)]];
            let (offer, need) = pair_of(&s);
            MatchView {
                offer,
                need,
                sector: sector_nl(firm.nace.as_deref().and_then(|n| n.chars().next())).to_string(),
                municipality: firm.municipality.clone(),
                road_km: s.economics.road_km,
                quantity: s.economics.quantity,
                unit: unit_of(&s),
                benefit_eur_per_year: s.economics.benefit_eur_per_year,
                co2_net_kg_per_year: s.economics.co2_net_kg_per_year(),
                reasons: s.reasons,
            }
        })
        .collect()
}

/// The unit the suggestion's quantity is in (the reasons carry it).
fn unit_of(suggestion: &Suggestion) -> Unit {
    suggestion
        .reasons
        .iter()
        .find_map(|r| match r {
            Reason::Quantity { unit, .. } => Some(*unit),
            _ => None,
        })
        .unwrap_or(Unit::Tonnes)
}
