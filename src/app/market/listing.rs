//! The listing page of one offer or need: shown to whoever may see it on the market (the same
//! rules, so a hand-typed address of a hidden flow is "not found"), with the firm's own flows
//! that could pair with it, each one "Interesse" away from an exchange.

use super::filter::{KindChoice, MarketFilter};
use super::{MarketHit, Seeker, full_hits, ranked};
use crate::app::App;
use crate::app::visibility::Viewer;
use crate::domain::{Flow, FlowKind};
use crate::storage::{self, StorageError};

/// A listing and what the viewer can do with it.
#[derive(Debug, Clone)]
pub struct Listing {
    pub hit: MarketHit,
    /// The viewer's own flow is listed.
    pub own: bool,
    /// The viewer firm's active flows that could pair with this one (needs accepting an
    /// offer's material, offers of a material a need accepts).
    pub pairs: Vec<Flow>,
}

/// The flow `key` of `kind` as `viewer` may see it; `None` when it may not (or there is none).
pub async fn listing(
    app: &App,
    viewer: Option<&Viewer>,
    kind: FlowKind,
    key: &str,
) -> Result<Option<Listing>, StorageError> {
    let seeker = Seeker::of(app, viewer).await?;
    let filter = MarketFilter {
        kind: match kind {
            FlowKind::Offer => KindChoice::Offers,
            FlowKind::Need => KindChoice::Needs,
        },
        ..MarketFilter::default()
    };
    let found = ranked(app, &seeker, &filter, Some(key)).await?;
    let chosen: Vec<_> = found.iter().collect();
    let Some(hit) = full_hits(app, &seeker, &chosen).await?.pop() else {
        return Ok(None);
    };
    let own = seeker.company == Some(hit.flow.company_id);
    let pairs = match seeker.company {
        Some(company) if !own => pairs_of(app, company, &hit.flow.flow).await?,
        _ => Vec::new(),
    };
    Ok(Some(Listing { hit, own, pairs }))
}

/// The firm's active flows on the other side that could pair with `listed`.
async fn pairs_of(app: &App, company: i64, listed: &Flow) -> Result<Vec<Flow>, StorageError> {
    let Some(own) = storage::own_flows(&app.db, company).await? else {
        return Ok(Vec::new());
    };
    let firm = own.firm;
    Ok(match listed {
        Flow::Offer(offer) => (firm.needs.into_iter())
            .filter(|need| !own.paused.need(need.id().as_str()))
            .filter(|need| need.accepts_material(&offer.material()))
            .map(Flow::Need)
            .collect(),
        Flow::Need(need) => (firm.offers.into_iter())
            .filter(|offer| !own.paused.offer(offer.id().as_str()))
            .filter(|offer| need.accepts_material(&offer.material()))
            .map(Flow::Offer)
            .collect(),
    })
}

/// The address of a flow's listing page: `/listings/offers/{key}`, `/listings/needs/{key}`.
pub fn listing_path(kind: FlowKind, key: &str) -> String {
    let kind = match kind {
        FlowKind::Offer => "offers",
        FlowKind::Need => "needs",
    };
    format!("/listings/{kind}/{key}")
}
