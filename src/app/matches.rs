//! The matcher's suggestions for each of a firm's own flows, as the firm may see them: the
//! best counterparts (named only where their flow is public, never a coordinator-only one,
//! never a pair the firm declined) and the collection rounds the flow could join.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use super::App;
use super::region::Snapshot;
use super::visibility::Viewer;
use crate::domain::exchange::{ExchangeId, Stage};
use crate::domain::{Need, Offer, Unit};
use crate::matching::candidates::Rules;
use crate::matching::instance::FirmSite;
use crate::matching::pools::Pool;
use crate::matching::suggest::{FlowRef, Reason, Suggestion, suggest_with_history};
use crate::storage::{self, FirmWithFlows, StorageError};

/// Suggestions shown per flow.
const PER_FLOW: usize = 5;

/// Why a firm's matches are not shown.
#[derive(Debug, thiserror::Error)]
pub enum MatchesError {
    /// The viewer has no firm (coordinators see the region's calls elsewhere).
    #[error("the account has no firm")]
    NoFirm,
    /// The viewer's firm no longer exists.
    #[error("not found")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// One suggested counterpart as a firm may see it: never contact details.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchShown {
    /// The offer and need of the pair, for the "interested" form.
    pub offer: String,
    pub need: String,
    /// The counterpart firm's name, only when its flow is public.
    pub name: Option<String>,
    /// The counterpart firm's NACE code, for its sector.
    pub nace: Option<String>,
    pub municipality: String,
    pub road_km: f64,
    pub quantity: f64,
    pub unit: Unit,
    pub benefit_eur_per_year: f64,
    pub co2_net_kg_per_year: f64,
    pub reasons: Vec<Reason>,
    /// The pair's exchange when it has one (at any stage but declined): shown instead of
    /// the "interested" and "not for us" forms.
    pub exchange: Option<ExistingExchange>,
}

/// A pair's exchange, as the matches page links to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExistingExchange {
    pub id: ExchangeId,
    pub stage: Stage,
}

/// A collection round the flow takes part in, as a firm may see it.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolShown {
    pub firms: usize,
    pub quantity: f64,
    pub unit: Unit,
    pub round_km: f64,
    /// The receiver's name, only when its need is public.
    pub receiver_name: Option<String>,
    pub receiver_nace: Option<String>,
    pub receiver_municipality: String,
    /// This firm's share of the round's cost, or the whole cost for the receiver.
    pub cost_eur_per_year: f64,
}

/// One of the firm's own flows.
#[derive(Debug, Clone, PartialEq)]
pub enum OwnFlow {
    Offer(Offer),
    Need(Need),
}

/// One own flow with its suggestions.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowMatches {
    pub flow: OwnFlow,
    /// Paused by the firm: left out of matching, so shown with a note and nothing else.
    pub paused: bool,
    pub suggestions: Vec<MatchShown>,
    pub pools: Vec<PoolShown>,
}

impl FlowMatches {
    /// True for an offer, false for a need.
    pub fn is_offer(&self) -> bool {
        matches!(self.flow, OwnFlow::Offer(_))
    }
}

/// The viewer's firm's flows, offers first, each with what it may see of its matches today.
/// Flows left out of matching (unconfirmed too long) are left out here too.
pub async fn for_firm(app: &App, viewer: &Viewer) -> Result<Vec<FlowMatches>, MatchesError> {
    let company = viewer.company.ok_or(MatchesError::NoFirm)?;
    let loaded = Loaded::read(app, company).await?;
    let (context, own) = loaded.context(app)?;
    Ok((own.offers.iter())
        .filter_map(|offer| context.offer_matches(offer))
        .chain(
            own.needs
                .iter()
                .filter_map(|need| context.need_matches(need)),
        )
        .collect())
}

/// What a firm's matches are looked up with, read once per page.
struct Loaded {
    own_flows: Arc<Option<storage::OwnFlows>>,
    snapshot: Arc<Snapshot>,
    declined: HashSet<(String, String)>,
    existing: HashMap<(String, String), ExistingExchange>,
}

impl Loaded {
    /// The firm's flows, the region's snapshot and the firm's exchanges.
    async fn read(app: &App, company: i64) -> Result<Loaded, MatchesError> {
        // The firm's flows are read once per change of the region, not per visit.
        let own_flows = app.snapshot.own_flows(&app.db, company).await?;
        let snapshot = app.region().await?;
        // A pair declined before ("not for us") is not proposed again; a pair with an
        // exchange links to it instead of offering "interested" once more.
        let mut declined = HashSet::new();
        let mut existing = HashMap::new();
        for listed in storage::exchanges::for_company(&app.db, company).await? {
            let pair = (listed.offer_key, listed.need_key);
            if listed.stage == Stage::Declined {
                declined.insert(pair);
            } else {
                let (id, stage) = (listed.id, listed.stage);
                existing.insert(pair, ExistingExchange { id, stage });
            }
        }
        Ok(Loaded {
            own_flows,
            snapshot,
            declined,
            existing,
        })
    }

    /// The context suggestions are found in, and the firm with its flows.
    fn context(&self, app: &App) -> Result<(Context<'_>, &FirmWithFlows), MatchesError> {
        let storage::OwnFlows { firm: own, paused } =
            Option::as_ref(&self.own_flows).ok_or(MatchesError::NotFound)?;
        let context = Context {
            snapshot: &self.snapshot,
            declined: &self.declined,
            existing: &self.existing,
            paused,
            rules: Rules {
                as_of: Some(app.today()),
                enforce_min_lot: true,
            },
        };
        Ok((context, own))
    }
}

/// What every flow's suggestions are looked up and shown with.
struct Context<'a> {
    snapshot: &'a Snapshot,
    declined: &'a HashSet<(String, String)>,
    /// The firm's pairs with an exchange that is not declined.
    existing: &'a HashMap<(String, String), ExistingExchange>,
    /// The firm's paused flows: not in the snapshot, shown with a note instead.
    paused: &'a storage::flows::PausedFlows,
    rules: Rules,
}

impl Context<'_> {
    /// An offer's receivers and the collection rounds it could join; `None` when the offer
    /// is left out of matching (unconfirmed too long), a note when it is paused.
    fn offer_matches(&self, offer: &Offer) -> Option<FlowMatches> {
        let snapshot = self.snapshot;
        let flow = OwnFlow::Offer(offer.clone());
        let Some(&offer_index) = snapshot.offer_index.get(offer.id().as_str()) else {
            return self.paused_note(self.paused.offer(offer.id().as_str()), flow);
        };
        let found = self.suggest(FlowRef::Offer(&snapshot.instance.offers[offer_index]));
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
            flow,
            paused: false,
            suggestions,
            pools,
        })
    }

    /// A need's suppliers and the collection rounds that would supply it.
    fn need_matches(&self, need: &Need) -> Option<FlowMatches> {
        let snapshot = self.snapshot;
        let flow = OwnFlow::Need(need.clone());
        let Some(&need_index) = snapshot.need_index.get(need.id().as_str()) else {
            return self.paused_note(self.paused.need(need.id().as_str()), flow);
        };
        let found = self.suggest(FlowRef::Need(&snapshot.instance.needs[need_index]));
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
            flow,
            paused: false,
            suggestions,
            pools,
        })
    }

    /// A paused own flow's section: a note instead of matches; `None` when not paused.
    fn paused_note(&self, paused: bool, flow: OwnFlow) -> Option<FlowMatches> {
        paused.then(|| FlowMatches {
            flow,
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
    fn pool_view(&self, pool: &Pool, cost_eur_per_year: f64) -> PoolShown {
        let snapshot = self.snapshot;
        let receiver = snapshot.instance.need_firm(pool.need);
        let need_id = &snapshot.instance.needs[pool.need].id;
        PoolShown {
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
    ) -> Vec<MatchShown> {
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
                let exchange = self.existing.get(&(offer.clone(), need.clone())).copied();
                MatchShown {
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
                    exchange,
                }
            })
            .collect()
    }
}

/// The unit a suggestion's quantity is in (its reasons carry it).
fn unit_of(reasons: &[Reason]) -> Unit {
    reasons
        .iter()
        .find_map(|r| match r {
            Reason::Quantity { unit, .. } => Some(*unit),
            _ => None,
        })
        .unwrap_or(Unit::Tonnes)
}

pub mod explain;
