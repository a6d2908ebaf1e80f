//! What no exchange may be opened for, whatever a form says: a pair that breaks a hard rule
//! of the descriptors (class not accepted, animal by-product to an unlicensed receiver, not
//! feed grade, a hard spec missed) or that would ship waste for disposal across the border.
//! `/matches` and the listing never offer such a pair; this check refuses a crafted form too.

use crate::app::App;
use crate::domain::cross_border::{Classification, Shipment, classify};
use crate::domain::hard_rules::infeasibilities;
use crate::domain::{Flow, FlowKind};
use crate::matching::candidates::Infeasible;
use crate::storage::{self, StorageError};

/// A pair the rules refuse, as one of its firms may be told.
#[derive(Debug, Clone, PartialEq)]
pub struct PairRefused {
    /// The first rule broken.
    pub why: Infeasible,
    /// True when the firm asking holds the offer (it may read the offer's descriptors);
    /// the receiver is told without them.
    pub asked_by_supplier: bool,
}

/// The rule that refuses the pair `offer_key` → `need_key` for `company`, if any. `None`
/// too when either flow is missing or the company holds neither (the caller answers "not
/// found" for those).
pub async fn refusal(
    app: &App,
    company: i64,
    offer_key: &str,
    need_key: &str,
) -> Result<Option<PairRefused>, StorageError> {
    let offers = [offer_key.to_string()];
    let needs = [need_key.to_string()];
    let supplier = storage::market::market_flows(&app.db, FlowKind::Offer, &offers).await?;
    let receiver = storage::market::market_flows(&app.db, FlowKind::Need, &needs).await?;
    let (Some(supplier), Some(receiver)) =
        (supplier.into_iter().next(), receiver.into_iter().next())
    else {
        return Ok(None);
    };
    if company != supplier.company_id && company != receiver.company_id {
        return Ok(None);
    }
    let (Flow::Offer(offer), Flow::Need(need)) = (&supplier.flow, &receiver.flow) else {
        return Ok(None);
    };
    let hard = infeasibilities(
        offer.material_class(),
        offer.descriptors(),
        need.descriptors(),
    );
    let why = if let Some(first) = hard.into_iter().next() {
        Infeasible::HardRule(Box::new(first))
    } else {
        let (from, to) = (supplier.firm.country(), receiver.firm.country());
        let shipment = Shipment {
            from,
            to,
            material: &offer.material(),
            class: offer.material_class(),
            offer: offer.descriptors(),
            treatment: need.descriptors().treatment,
        };
        if from == to || classify(&shipment) != Classification::DisposalRefused {
            return Ok(None);
        }
        Infeasible::DisposalAcrossBorder { from, to }
    };
    Ok(Some(PairRefused {
        why,
        asked_by_supplier: company == supplier.company_id,
    }))
}
