//! What a pair's descriptors and countries decide beyond its code (issue #11 items 3–5):
//! the hard rules (`domain::hard_rules`), the border procedure (`domain::cross_border`) and
//! the technical fit ([`super::fit`]). [`super::candidates::check_flows`] refuses a pair any
//! of them rules out; suggestions show what they found.
//!
//! A pair known only by its code (neither side described) between firms of one country
//! skips all three and keeps the neutral fit 0.5, so that every ranking of such pairs stays
//! what it was before descriptors existed. The text part counts only when a side states
//! descriptors: free text alone never moves a code-only pair.

use std::sync::LazyLock;

use super::candidates::Infeasible;
use super::fit::text::StemmedText;
use super::fit::{CaseHistory, Fit, NeedSide, OfferSide, Texts, fit_stemmed};
use super::instance::{Instance, NeedFlow, OfferFlow};
use crate::domain::Material;
use crate::domain::cross_border::{Classification, Country, Shipment, classify};
use crate::domain::descriptors::{NeedDescriptors, OfferDescriptors};
use crate::domain::hard_rules::infeasibilities;
use crate::domain::material_class::MaterialClass;

/// A pair across a border: the countries and the procedure it needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Crossing {
    /// The offer's firm's country.
    pub from: Country,
    /// The need's firm's country.
    pub to: Country,
    /// The procedure: never silently allowed; a notification is amber with its lead time.
    pub classification: Classification,
}

/// What the descriptors and countries say of a lawful pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assessment {
    /// The technical fit (neutral for a pair known only by its code).
    pub fit: Fit,
    /// The border procedure, for firms in different countries.
    pub crossing: Option<Crossing>,
}

impl Assessment {
    /// A pair known only by its code, within one country.
    pub const CODE_ONLY: Assessment = Assessment {
        fit: Fit::NEUTRAL,
        crossing: None,
    };
}

static NO_OFFER_DESCRIPTORS: LazyLock<OfferDescriptors> = LazyLock::new(OfferDescriptors::default);
static NO_NEED_DESCRIPTORS: LazyLock<NeedDescriptors> = LazyLock::new(NeedDescriptors::default);
static NO_TEXT: LazyLock<StemmedText> = LazyLock::new(StemmedText::default);

/// The offer side as the rules read it; an offer without traits is known by its code only.
struct OfferView<'a> {
    material: Material,
    class: Option<&'static MaterialClass>,
    descriptors: &'a OfferDescriptors,
    text: &'a StemmedText,
}

fn offer_view(o: &OfferFlow) -> OfferView<'_> {
    match o.traits.as_deref() {
        Some(t) => OfferView {
            material: t.material,
            class: t.class,
            descriptors: &t.descriptors,
            text: &t.text,
        },
        None => OfferView {
            material: Material::parse(o.material.code()).expect("a key names a material"),
            class: None,
            descriptors: &NO_OFFER_DESCRIPTORS,
            text: &NO_TEXT,
        },
    }
}

/// Applies the hard rules, the border procedure and the minimum fit to a pair whose code is
/// accepted; `history` is what earlier exchanges of this kind say (empty for the plan).
pub fn assess(
    instance: &Instance,
    o: &OfferFlow,
    n: &NeedFlow,
    history: CaseHistory,
) -> Result<Assessment, Infeasible> {
    let from = instance.firms[o.firm as usize].country;
    let to = instance.firms[n.firm as usize].country;
    let described = o.is_described() || n.is_described();
    if !described && from == to {
        return Ok(Assessment::CODE_ONLY);
    }
    let offer = offer_view(o);
    let (need, need_text) = match n.traits.as_deref() {
        Some(t) => (&t.descriptors, &t.text),
        None => (&*NO_NEED_DESCRIPTORS, &*NO_TEXT),
    };
    if described
        && let Some(first) = infeasibilities(offer.class, offer.descriptors, need)
            .into_iter()
            .next()
    {
        return Err(Infeasible::HardRule(Box::new(first)));
    }
    let crossing = (from != to).then(|| Crossing {
        from,
        to,
        classification: classify(&Shipment {
            from,
            to,
            material: &offer.material,
            class: offer.class,
            offer: offer.descriptors,
            treatment: need.treatment,
        }),
    });
    if let Some(Crossing {
        classification: Classification::DisposalRefused,
        ..
    }) = crossing
    {
        return Err(Infeasible::DisposalAcrossBorder { from, to });
    }
    if !described {
        return Ok(Assessment {
            fit: Fit::NEUTRAL,
            crossing,
        });
    }
    let fit = fit_stemmed(
        OfferSide {
            material: &offer.material,
            class: offer.class,
            descriptors: offer.descriptors,
            text: "",
        },
        NeedSide {
            descriptors: need,
            text: "",
        },
        Texts {
            offer: offer.text,
            need: need_text,
        },
        history,
    );
    if !fit.is_enough() {
        return Err(Infeasible::LowFit(fit));
    }
    Ok(Assessment { fit, crossing })
}

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

#[cfg(test)]
mod by_class;
