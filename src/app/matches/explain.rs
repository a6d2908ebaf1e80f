//! "Past dit bij uw stromen?" on a listing: for the signed-in firm and one listed flow of
//! another firm, each of the firm's own active flows of the opposite kind with its verdict —
//! suggested on `/matches` (with the fit, the net benefit, the border procedure and the
//! exchange when there is one) or not, and why. It asks the same snapshot, rules and
//! suggestions as `/matches`, so the two pages never disagree.
//!
//! Confidentiality: a reason never tells a value of the other firm's flow that its listing
//! does not show. The listing shows neither an offer's class and descriptors nor a need's
//! smallest lot; such reasons come as [`WhyNot::Hidden`] or [`WhyNot::BelowTheirLot`], whose
//! words leave the other side's values out.

use super::{Context, ExistingExchange, Loaded, MatchShown, MatchesError, OwnFlow};
use crate::app::App;
use crate::app::market::listing::Listing;
use crate::app::visibility::Viewer;
use crate::domain::hard_rules::{Infeasibility, infeasibilities};
use crate::domain::{Flow, FlowKind, Need, Offer};
use crate::matching::assess::{Crossing, assess};
use crate::matching::candidates::{Infeasible, check_pair};
use crate::matching::fit::{self, Fit};
use crate::matching::history::section_of;
use crate::matching::suggest::Reason;

/// One of the firm's own flows beside the listed one.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnFit {
    pub own: OwnFlow,
    pub verdict: Verdict,
}

impl OwnFit {
    /// True when a hard rule or the border refuses the pair: no exchange may be opened for
    /// it (see [`crate::app::exchanges::legal`]), so the listing offers no "Interesse".
    pub fn refused_by_rule(&self) -> bool {
        let Verdict::NotSuggested(reasons) = &self.verdict else {
            return false;
        };
        reasons.iter().any(|why| {
            matches!(
                why,
                WhyNot::Hidden(_)
                    | WhyNot::Rule(Infeasible::HardRule(_))
                    | WhyNot::Rule(Infeasible::DisposalAcrossBorder { .. })
            )
        })
    }

    /// The key of the firm's own flow.
    pub fn own_key(&self) -> &str {
        match &self.own {
            OwnFlow::Offer(offer) => offer.id().as_str(),
            OwnFlow::Need(need) => need.id().as_str(),
        }
    }
}

/// Whether `/matches` suggests the pair.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Suggested(SuggestedPair),
    /// Not suggested, with every reason found (at least one).
    NotSuggested(Vec<WhyNot>),
}

/// A suggested pair as `/matches` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestedPair {
    /// The technical fit; `None` for a pair known only by its code (neutral fit).
    pub fit: Option<Fit>,
    pub benefit_eur_per_year: f64,
    /// The border procedure, for firms in different countries.
    pub crossing: Option<Crossing>,
    /// The pair's exchange, when one is under way.
    pub exchange: Option<ExistingExchange>,
}

/// Why a pair is not suggested.
#[derive(Debug, Clone, PartialEq)]
pub enum WhyNot {
    /// A rule of the matcher, with only values the viewer may know.
    Rule(Infeasible),
    /// A hard rule decided by the listed offer's descriptors, which its listing does not
    /// show: told without the offer's class, category or values.
    Hidden(Infeasibility),
    /// The viewer's offer is below the listed need's smallest lot (not shown on its listing).
    BelowTheirLot,
    /// The firm declined this pair before ("not for us").
    Declined,
    /// One of the two flows is left out of matching (not confirmed for too long).
    LeftOut,
    /// Feasible, but other counterparts rank higher on `/matches`.
    Outranked { benefit_eur_per_year: f64 },
}

/// The verdicts for `viewer`'s firm on `listing`: empty for a visitor, a coordinator and
/// the listing's own firm; the firm's paused flows are left out.
pub async fn fit_with_own_flows(
    app: &App,
    viewer: Option<&Viewer>,
    listing: &Listing,
) -> Result<Vec<OwnFit>, MatchesError> {
    let Some(company) = viewer.and_then(|v| v.company) else {
        return Ok(Vec::new());
    };
    if listing.own {
        return Ok(Vec::new());
    }
    let loaded = Loaded::read(app, company).await?;
    let (context, own) = loaded.context(app)?;
    Ok(match &listing.hit.flow.flow {
        Flow::Offer(offer) => (own.needs.iter())
            .filter(|need| !context.paused.need(need.id().as_str()))
            .map(|need| OwnFit {
                own: OwnFlow::Need(need.clone()),
                verdict: context.judge(offer, need, FlowKind::Need),
            })
            .collect(),
        Flow::Need(need) => (own.offers.iter())
            .filter(|offer| !context.paused.offer(offer.id().as_str()))
            .map(|offer| OwnFit {
                own: OwnFlow::Offer(offer.clone()),
                verdict: context.judge(offer, need, FlowKind::Offer),
            })
            .collect(),
    })
}

impl Context<'_> {
    /// The verdict on one pair; `own` says which of the two is the viewer's.
    fn judge(&self, offer: &Offer, need: &Need, own: FlowKind) -> Verdict {
        let pair = (offer.id().to_string(), need.id().to_string());
        let matches = match own {
            FlowKind::Offer => self.offer_matches(offer),
            FlowKind::Need => self.need_matches(need),
        };
        let shown = matches.map(|m| m.suggestions).unwrap_or_default();
        if let Some(found) = shown
            .into_iter()
            .find(|m| (&m.offer, &m.need) == (&pair.0, &pair.1))
        {
            return Verdict::Suggested(suggested(found));
        }
        Verdict::NotSuggested(self.why_not(offer, need, own))
    }

    /// The reasons a pair is missing from `/matches`, in the order the matcher checks them.
    fn why_not(&self, offer: &Offer, need: &Need, own: FlowKind) -> Vec<WhyNot> {
        let snapshot = self.snapshot;
        let (Some(&o), Some(&n)) = (
            snapshot.offer_index.get(offer.id().as_str()),
            snapshot.need_index.get(need.id().as_str()),
        ) else {
            return vec![WhyNot::LeftOut];
        };
        match check_pair(&snapshot.instance, o, n, self.rules) {
            Err(Infeasible::HardRule(first)) => all_hard_rules(offer, need, *first)
                .into_iter()
                .map(|rule| told(Infeasible::HardRule(Box::new(rule)), own))
                .collect(),
            Err(why) => vec![told(why, own)],
            Ok(_)
                if self
                    .declined
                    .contains(&(offer.id().to_string(), need.id().to_string())) =>
            {
                vec![WhyNot::Declined]
            }
            Ok(economics) => match self.assess_with_history(o, n) {
                Err(why) => vec![told(why, own)],
                Ok(()) => vec![WhyNot::Outranked {
                    benefit_eur_per_year: economics.benefit_eur_per_year,
                }],
            },
        }
    }

    /// The fit with what earlier exchanges of this kind say, as the suggestions weigh it:
    /// declined cases may pull a feasible pair below the minimum fit.
    fn assess_with_history(&self, o: usize, n: usize) -> Result<(), Infeasible> {
        let instance = &self.snapshot.instance;
        let (offer, need) = (&instance.offers[o], &instance.needs[n]);
        let sector = |firm: u32| section_of(instance.firms[firm as usize].nace.as_deref());
        let record = (self.snapshot.history)
            .verdict_of_pair(
                (offer.id.as_str(), need.id.as_str()),
                offer.material,
                sector(offer.firm),
                sector(need.firm),
            )
            .map_or_else(fit::CaseHistory::default, |v| fit::CaseHistory {
                completed: v.same_material.completed,
                declined: v.same_material.declined,
            });
        assess(instance, offer, need, record).map(|_| ())
    }
}

/// Every hard rule the pair breaks (the matcher stops at the first).
fn all_hard_rules(offer: &Offer, need: &Need, first: Infeasibility) -> Vec<Infeasibility> {
    let all = infeasibilities(
        offer.material_class(),
        offer.descriptors(),
        need.descriptors(),
    );
    if all.is_empty() { vec![first] } else { all }
}

/// A reason with the other firm's hidden values left out.
fn told(why: Infeasible, own: FlowKind) -> WhyNot {
    match (why, own) {
        // The viewer's need against a listed offer: the offer's descriptors are not listed.
        (Infeasible::HardRule(rule), FlowKind::Need) => WhyNot::Hidden(*rule),
        // The viewer's offer against a listed need: the need's smallest lot is not listed.
        (Infeasible::BelowMinLot { .. }, FlowKind::Offer) => WhyNot::BelowTheirLot,
        (why, _) => WhyNot::Rule(why),
    }
}

/// A suggestion of `/matches` as the listing tells it.
fn suggested(shown: MatchShown) -> SuggestedPair {
    let fit = shown.reasons.iter().find_map(|r| match r {
        Reason::Fit(fit) => Some(*fit),
        _ => None,
    });
    let crossing = shown.reasons.iter().find_map(|r| match r {
        Reason::CrossBorder(crossing) => Some(*crossing),
        _ => None,
    });
    SuggestedPair {
        fit,
        benefit_eur_per_year: shown.benefit_eur_per_year,
        crossing,
        exchange: shown.exchange,
    }
}
