//! `/matches`: the matcher's suggestions for each of the signed-in firm's flows.

use std::collections::{BTreeSet, HashSet};

use axum::extract::State;
use maud::Markup;

use super::home::viewer_of;
use crate::app::region::Snapshot;
use crate::domain::{Need, Offer};
use crate::i18n::Lang;
use crate::matching::candidates::Rules;
use crate::matching::instance::FirmSite;
use crate::matching::pools::Pool;
use crate::matching::suggest::{FlowRef, Suggestion, suggest_with_history};
use crate::storage;
use crate::t;
use crate::views::format::{material_label, quantity};
use crate::views::matches::{FlowMatches, MatchView, NotForUsRefusal, PoolView, page, unit_of};
use crate::web::auth::{RequireSignedIn, SignedIn};
use crate::web::{AppError, AppState};

/// Suggestions shown per flow.
const PER_FLOW: usize = 5;

/// `GET /matches`.
pub async fn show(
    State(app): State<AppState>,
    RequireSignedIn(user): RequireSignedIn,
    lang: Lang,
) -> Result<Markup, AppError> {
    render(&app, user, lang, None).await
}

/// The matches page, with a refused "not for us" next to its match when there is one.
pub async fn render(
    app: &AppState,
    user: SignedIn,
    lang: Lang,
    refusal: Option<NotForUsRefusal>,
) -> Result<Markup, AppError> {
    let company = user
        .account
        .company_id
        .ok_or_else(|| AppError::BadRequest(t!(lang, "matches-no-firm")))?;
    // The firm's flows are read once per change of the region, not per visit.
    let own_flows = app.snapshot.own_flows(&app.db, company).await?;
    let storage::OwnFlows { firm: own, paused } =
        Option::as_ref(&own_flows).ok_or(AppError::NotFound)?;
    let snapshot = app.region().await?;
    // A pair declined before ("not for us") is not proposed again.
    let declined = storage::exchanges::declined_pairs(&app.db, company).await?;
    let context = Context {
        snapshot: &snapshot,
        declined: &declined,
        paused,
        lang,
        rules: Rules {
            as_of: Some(chrono::Local::now().date_naive()),
            enforce_min_lot: true,
        },
    };
    let flows: Vec<FlowMatches> = (own.offers.iter())
        .filter_map(|offer| context.offer_matches(offer))
        .chain(
            own.needs
                .iter()
                .filter_map(|need| context.need_matches(need)),
        )
        .collect();
    let csrf = user.csrf.clone();
    Ok(page(
        &viewer_of(&Some(user), lang),
        &csrf,
        &flows,
        refusal.as_ref(),
    ))
}

/// What every flow's suggestions are looked up and shown with.
struct Context<'a> {
    snapshot: &'a Snapshot,
    declined: &'a HashSet<(String, String)>,
    /// The firm's paused flows: not in the snapshot, shown with a note instead.
    paused: &'a storage::flows::PausedFlows,
    lang: Lang,
    rules: Rules,
}

impl Context<'_> {
    /// An offer's receivers and the collection rounds it could join; `None` when the offer
    /// is left out of matching (unconfirmed too long), a note when it is paused.
    fn offer_matches(&self, offer: &Offer) -> Option<FlowMatches> {
        let snapshot = self.snapshot;
        let heading = format!(
            "{} — {}",
            material_label(self.lang, &offer.material()),
            quantity(self.lang, offer.quantity())
        );
        let Some(&offer_index) = snapshot.offer_index.get(offer.id().as_str()) else {
            return self.paused_note(self.paused.offer(offer.id().as_str()), true, heading);
        };
        let flow = &snapshot.instance.offers[offer_index];
        let found = self.suggest(FlowRef::Offer(flow));
        let pools = (snapshot.pools.iter())
            .filter_map(|pool| {
                let member = pool.members.iter().find(|m| m.offer == offer_index)?;
                Some(self.pool_view(pool, member.transport_eur_per_year))
            })
            .collect();
        let suggestions = self.visible(
            found,
            |s| snapshot.instance.need_firm(s.counterpart),
            |s| (offer.id().to_string(), s.counterpart_id.clone()),
        );
        Some(FlowMatches {
            heading,
            is_offer: true,
            paused: false,
            suggestions,
            pools,
        })
    }

    /// A need's suppliers and the collection rounds that would supply it.
    fn need_matches(&self, need: &Need) -> Option<FlowMatches> {
        let snapshot = self.snapshot;
        let amount = quantity(self.lang, need.quantity());
        let heading = if need.description().is_empty() {
            amount
        } else {
            format!("{} — {amount}", need.description())
        };
        let Some(&need_index) = snapshot.need_index.get(need.id().as_str()) else {
            return self.paused_note(self.paused.need(need.id().as_str()), false, heading);
        };
        let flow = &snapshot.instance.needs[need_index];
        let found = self.suggest(FlowRef::Need(flow));
        let pools = (snapshot.pools.iter())
            .filter(|pool| pool.need == need_index)
            .map(|pool| self.pool_view(pool, pool.cost_eur_per_year))
            .collect();
        let suggestions = self.visible(
            found,
            |s| snapshot.instance.offer_firm(s.counterpart),
            |s| (s.counterpart_id.clone(), need.id().to_string()),
        );
        Some(FlowMatches {
            heading,
            is_offer: false,
            paused: false,
            suggestions,
            pools,
        })
    }

    /// A paused own flow's section: a note instead of matches; `None` when not paused.
    fn paused_note(&self, paused: bool, is_offer: bool, heading: String) -> Option<FlowMatches> {
        paused.then(|| FlowMatches {
            heading,
            is_offer,
            paused: true,
            suggestions: Vec::new(),
            pools: Vec::new(),
        })
    }

    /// The best counterparts, pairs like those completed before first (the case history).
    fn suggest(&self, flow: FlowRef<'_>) -> Vec<Suggestion> {
        let snapshot = self.snapshot;
        suggest_with_history(
            &snapshot.instance,
            &snapshot.index,
            flow,
            self.rules,
            PER_FLOW * 2,
            &snapshot.history,
        )
    }

    /// A pool as a firm may see it: how many firms, how much, how far; the receiver named
    /// only when its need is public.
    fn pool_view(&self, pool: &Pool, cost_eur_per_year: f64) -> PoolView {
        let snapshot = self.snapshot;
        let receiver = snapshot.instance.need_firm(pool.need);
        let need_id = &snapshot.instance.needs[pool.need].id;
        PoolView {
            firms: (pool.members.iter().map(|m| m.firm))
                .collect::<BTreeSet<_>>()
                .len(),
            quantity: pool.quantity_per_year,
            unit: snapshot.instance.needs[pool.need].unit,
            round_km: pool.round_km,
            receiver_name: snapshot
                .public
                .contains(need_id)
                .then(|| receiver.name.clone()),
            receiver_nace: receiver.nace.clone(),
            receiver_municipality: receiver.municipality.clone(),
            cost_eur_per_year,
        }
    }

    /// Leaves out counterparts only coordinators may see and pairs declined before; names
    /// the firms of public flows and leaves the rest anonymous.
    fn visible<'s>(
        &'s self,
        found: Vec<Suggestion>,
        firm_of: impl Fn(&Suggestion) -> &'s FirmSite,
        pair_of: impl Fn(&Suggestion) -> (String, String),
    ) -> Vec<MatchView> {
        let snapshot = self.snapshot;
        let mut shown: Vec<Suggestion> = found
            .into_iter()
            .filter(|s| !snapshot.coordinator_only.contains(&s.counterpart_id))
            .filter(|s| !self.declined.contains(&pair_of(s)))
            .collect();
        // Outdated counterparts come after current ones (a stable sort keeps the benefit order).
        shown.sort_by_key(|s| snapshot.outdated.contains(&s.counterpart_id));
        (shown.into_iter().take(PER_FLOW))
            .map(|s| {
                let firm = firm_of(&s);
                let (offer, need) = pair_of(&s);
                MatchView {
                    offer,
                    need,
                    name: (snapshot.public.contains(&s.counterpart_id)).then(|| firm.name.clone()),
                    nace: firm.nace.clone(),
                    municipality: firm.municipality.clone(),
                    road_km: s.economics.road_km,
                    quantity: s.economics.quantity,
                    unit: unit_of(&s.reasons),
                    benefit_eur_per_year: s.economics.benefit_eur_per_year,
                    co2_net_kg_per_year: s.economics.co2_net_kg_per_year(),
                    reasons: s.reasons,
                }
            })
            .collect()
    }
}
