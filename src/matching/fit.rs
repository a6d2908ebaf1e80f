//! The technical fit of an offer to a need (issue #11 item 5): how well the material suits
//! what the receiver makes of it, beyond sharing a waste code. Four parts, each between 0 and
//! 1 and each shown in the reasons:
//!
//! - **class**: the offer's material class against the classes the need accepts;
//! - **spec**: the offer's known properties against the need's spec ranges;
//! - **text**: the two descriptions, stemmed in Dutch, English and German, with the class
//!   labels added so that a German text meets a Dutch one;
//! - **history**: how earlier exchanges of the same class to the same kind of need ended.
//!
//! A part nobody stated is *unknown* and counts as neutral (0.5): a pair known only by its code
//! keeps the fit it had before descriptors existed, above [`MIN_FIT`]. The hard rules
//! (`domain::hard_rules`) and the cross-border procedure decide legality; the fit only ranks
//! and filters what is legal.

pub mod text;

use crate::domain::descriptors::{
    NeedDescriptors, OfferDescriptors, SpecRange, Strength, TreatmentKind,
};
use crate::domain::material::Material;
use crate::domain::material_class::{MaterialClass, Taxonomy};

use self::text::{StemmedText, similarity};

/// Suggestions and the region plan leave out pairs below this fit.
pub const MIN_FIT: f64 = 0.35;

/// The value of a part nobody stated.
const NEUTRAL: f64 = 0.5;

/// How much each part weighs: class, spec, text, history (they add up to 1).
const WEIGHTS: [f64; 4] = [0.40, 0.25, 0.25, 0.10];

/// One part of the fit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part {
    /// Between 0 (does not fit) and 1 (fits fully).
    pub value: f64,
    /// False when nothing was stated to judge by (the value is then neutral).
    pub known: bool,
}

impl Part {
    fn known(value: f64) -> Part {
        Part {
            value: value.clamp(0.0, 1.0),
            known: true,
        }
    }

    /// A part nobody stated: neutral.
    pub const UNKNOWN: Part = Part {
        value: NEUTRAL,
        known: false,
    };
}

/// The technical fit of one pair, with its parts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    /// The weighted sum of the parts, between 0 and 1.
    pub score: f64,
    /// Class accepted?
    pub class: Part,
    /// Known properties inside the need's ranges?
    pub spec: Part,
    /// Descriptions alike?
    pub text: Part,
    /// Earlier exchanges of this kind completed?
    pub history: Part,
    /// The offer already came out of mechanical treatment (codes 19 12) and the receiver
    /// would treat it the same way again (R12): a second pass rarely recovers more, so the
    /// score is halved.
    pub second_pass: bool,
}

impl Fit {
    /// The fit of a pair known only by its code: every part unknown, score 0.5.
    pub const NEUTRAL: Fit = Fit {
        score: NEUTRAL,
        class: Part::UNKNOWN,
        spec: Part::UNKNOWN,
        text: Part::UNKNOWN,
        history: Part::UNKNOWN,
        second_pass: false,
    };

    /// True when something was stated to judge by (some part known, or a second pass).
    pub fn is_informed(&self) -> bool {
        self.second_pass
            || [self.class, self.spec, self.text, self.history]
                .iter()
                .any(|part| part.known)
    }

    /// True when the pair is good enough to suggest.
    pub fn is_enough(&self) -> bool {
        self.score >= MIN_FIT
    }
}

/// How earlier exchanges of the same class to the same kind of need ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CaseHistory {
    /// Exchanges that were completed.
    pub completed: u32,
    /// Exchanges that were declined or cancelled.
    pub declined: u32,
}

/// What the fit reads of an offer.
#[derive(Debug, Clone, Copy)]
pub struct OfferSide<'a> {
    /// The code.
    pub material: &'a Material,
    /// The material class, if stated.
    pub class: Option<&'a MaterialClass>,
    /// The descriptors.
    pub descriptors: &'a OfferDescriptors,
    /// The free description.
    pub text: &'a str,
}

/// What the fit reads of a need.
#[derive(Debug, Clone, Copy)]
pub struct NeedSide<'a> {
    /// The descriptors (accepted classes, specs, use).
    pub descriptors: &'a NeedDescriptors,
    /// The free description.
    pub text: &'a str,
}

/// The fit of `offer` to `need`.
pub fn fit(offer: OfferSide<'_>, need: NeedSide<'_>, history: CaseHistory) -> Fit {
    let texts = Texts {
        offer: &offer_text(offer.text, offer.class),
        need: &need_text(need.text, need.descriptors),
    };
    fit_stemmed(offer, need, texts, history)
}

/// Both sides' texts, stemmed once per flow by [`offer_text`] and [`need_text`].
#[derive(Debug, Clone, Copy)]
pub struct Texts<'a> {
    /// The offer's description with its class labels.
    pub offer: &'a StemmedText,
    /// The need's description with the labels of the classes it accepts.
    pub need: &'a StemmedText,
}

/// [`fit`] with the texts already stemmed (the live matcher stems each flow once, not each
/// pair); the `text` fields of the sides are not read again.
pub fn fit_stemmed(
    offer: OfferSide<'_>,
    need: NeedSide<'_>,
    texts: Texts<'_>,
    history: CaseHistory,
) -> Fit {
    let taxonomy = Taxonomy::get();
    let class = class_part(taxonomy, offer, need.descriptors);
    let spec = spec_part(offer.descriptors, &need.descriptors.specs);
    let text = text_part(texts);
    let history = history_part(history);
    let parts = [class, spec, text, history];
    let second_pass = is_second_pass(offer.material, need.descriptors);
    let weighted: f64 = parts
        .iter()
        .zip(WEIGHTS)
        .map(|(part, weight)| part.value * weight)
        .sum();
    Fit {
        score: if second_pass {
            weighted / 2.0
        } else {
            weighted
        },
        second_pass,
        class,
        spec,
        text,
        history,
    }
}

/// Residue of mechanical treatment (19 12) to a receiver whose operation is R12, the
/// preparatory sorting and shredding that produced it.
fn is_second_pass(material: &Material, need: &NeedDescriptors) -> bool {
    material.code().starts_with("19 12")
        && need
            .treatment
            .is_some_and(|t| t.kind() == TreatmentKind::Recovery && t.number() == 12)
}

/// 1 for a class the need names, 0.8 for one of a group it names, 0 for one it does not
/// accept; with the class unknown, the share of the code's candidate classes it accepts.
fn class_part(taxonomy: &Taxonomy, offer: OfferSide<'_>, need: &NeedDescriptors) -> Part {
    if need.accepted_classes.is_empty() {
        return Part::UNKNOWN;
    }
    let accepts = |class: &MaterialClass| -> f64 {
        need.accepted_classes
            .iter()
            .map(|key| match key.as_str() {
                exact if exact == class.key => 1.0,
                _ if key.covers(class) => 0.8,
                _ => 0.0,
            })
            .fold(0.0, f64::max)
    };
    if let Some(class) = offer.class {
        return Part::known(accepts(class));
    }
    let candidates = taxonomy.classes_for_code(offer.material.code());
    if candidates.is_empty() {
        return Part::UNKNOWN;
    }
    // An unstated class is a guess among the code's classes: never as good as a stated one.
    let share = candidates.iter().map(|c| accepts(c)).sum::<f64>() / candidates.len() as f64;
    Part::known(0.2 + 0.5 * share)
}

/// The mean over the need's ranges: 1 inside, falling to 0 as a soft range is missed by half
/// its bound, 0 for a missed hard range, neutral where the offer does not state the value.
fn spec_part(offer: &OfferDescriptors, specs: &[SpecRange]) -> Part {
    if specs.is_empty() {
        return Part::UNKNOWN;
    }
    let mut stated = false;
    let total: f64 = specs
        .iter()
        .map(|spec| match offer.properties.get(spec.property) {
            None => NEUTRAL,
            Some(value) => {
                stated = true;
                range_fit(spec, value)
            }
        })
        .sum();
    if stated {
        Part::known(total / specs.len() as f64)
    } else {
        Part::UNKNOWN
    }
}

fn range_fit(spec: &SpecRange, value: f64) -> f64 {
    if spec.admits(value) {
        return 1.0;
    }
    if spec.strength == Strength::Hard {
        return 0.0;
    }
    let missed_bound = [spec.min, spec.max]
        .into_iter()
        .flatten()
        .map(|bound| ((value - bound).abs(), bound.abs().max(1.0)))
        .min_by(|a, b| a.0.total_cmp(&b.0));
    match missed_bound {
        Some((distance, scale)) => (1.0 - 2.0 * distance / scale).max(0.0),
        None => 1.0,
    }
}

/// An offer's description, stemmed, with the labels of its class added so that a German
/// text meets a Dutch one.
pub fn offer_text(text: &str, class: Option<&MaterialClass>) -> StemmedText {
    let mut text = text.to_string();
    if let Some(class) = class {
        push_labels(&mut text, class);
    }
    StemmedText::of(&text)
}

/// A need's description, stemmed, with the labels of the classes it accepts added.
pub fn need_text(text: &str, need: &NeedDescriptors) -> StemmedText {
    let taxonomy = Taxonomy::get();
    let mut text = text.to_string();
    for key in &need.accepted_classes {
        if let Some(class) = taxonomy.class(key.as_str()) {
            push_labels(&mut text, class);
        }
    }
    StemmedText::of(&text)
}

/// Description similarity of the two stemmed texts.
fn text_part(texts: Texts<'_>) -> Part {
    match similarity(texts.offer, texts.need) {
        // Two short texts rarely share half their words; 0.5 overlap already reads as "alike".
        Some(overlap) => Part::known((overlap * 2.0).min(1.0)),
        None => Part::UNKNOWN,
    }
}

fn push_labels(text: &mut String, class: &MaterialClass) {
    for label in [&class.labels.nl, &class.labels.en, &class.labels.de] {
        text.push(' ');
        text.push_str(label);
    }
}

/// Laplace's rule of succession over earlier outcomes: one completed exchange of one gives
/// 2/3, not 1.
fn history_part(history: CaseHistory) -> Part {
    let total = history.completed + history.declined;
    if total == 0 {
        return Part::UNKNOWN;
    }
    Part::known((history.completed as f64 + 1.0) / (total as f64 + 2.0))
}

#[cfg(test)]
mod tests;
