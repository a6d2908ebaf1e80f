//! The words of the technical fit and the border procedure of a suggestion (issue #11), and
//! of the reasons a pair is not suggested, in the reader's language.

use crate::app::exchanges::legal::PairRefused;
use crate::domain::cross_border::{Classification, Country, NotificationCause};
use crate::domain::descriptors::LegalStatus;
use crate::domain::hard_rules::{FeedBlock, Infeasibility};
use crate::domain::material_class::Taxonomy;
use crate::i18n::{Lang, number};
use crate::matching::assess::Crossing;
use crate::matching::candidates::Infeasible;
use crate::matching::fit::{Fit, Part};
use crate::t;

/// `technische fit 0,72: klasse 1,00, specificatie onbekend, ...`.
pub fn fit(lang: Lang, fit: &Fit) -> String {
    let part = |part: &Part| {
        if part.known {
            number(lang, part.value, 2)
        } else {
            t!(lang, "matches-fit-unknown")
        }
    };
    let said = t!(
        lang,
        "matches-reason-fit",
        score = number(lang, fit.score, 2),
        class = part(&fit.class),
        spec = part(&fit.spec),
        text = part(&fit.text),
        history = part(&fit.history)
    );
    if fit.second_pass {
        format!("{said}{}", t!(lang, "matches-reason-fit-second-pass"))
    } else {
        said
    }
}

/// A country's name.
pub fn country(lang: Lang, country: Country) -> String {
    t!(lang, "matches-country", code = country.to_string())
}

/// The procedure a pair across the border needs, with its legal source and lead time.
pub fn crossing(lang: Lang, crossing: &Crossing) -> String {
    let route = t!(
        lang,
        "matches-border-route",
        from = country(lang, crossing.from),
        to = country(lang, crossing.to)
    );
    let c = &crossing.classification;
    let procedure = match c {
        Classification::SameCountry => t!(lang, "matches-border-same-country"),
        Classification::NotWaste { status } => {
            t!(
                lang,
                "matches-border-not-waste",
                status = status_key(*status)
            )
        }
        Classification::AnimalByProduct { category } => t!(
            lang,
            "matches-border-animal-by-product",
            category = category.number() as i64
        ),
        Classification::DisposalRefused => t!(lang, "matches-border-refused"),
        Classification::Notification { cause } => t!(
            lang,
            "matches-border-notification",
            cause = cause_key(*cause),
            days = c.lead_time_days().unwrap_or_default() as i64
        ),
        Classification::GreenListed { entry } => {
            t!(lang, "matches-border-green", entry = *entry)
        }
    };
    let source = t!(lang, "matches-legal-source", source = c.rule().source);
    format!("{route}: {procedure} ({source})")
}

fn status_key(status: LegalStatus) -> &'static str {
    status.as_str()
}

fn cause_key(cause: NotificationCause) -> &'static str {
    match cause {
        NotificationCause::Hazardous => "hazardous",
        NotificationCause::Unlisted => "unlisted",
        NotificationCause::Mixed => "mixed",
        NotificationCause::MixedMunicipal => "mixed-municipal",
        NotificationCause::StatusUnknown => "status-unknown",
        NotificationCause::TreatmentUnknown => "treatment-unknown",
    }
}

/// Why a pair is not suggested, for every reason the matcher has.
pub fn not_suggested(lang: Lang, why: &Infeasible) -> String {
    match why {
        Infeasible::HardRule(rule) => hard_rule(lang, rule),
        Infeasible::DisposalAcrossBorder { from, to } => t!(
            lang,
            "matches-not-suggested-disposal-abroad",
            from = country(lang, *from),
            to = country(lang, *to)
        ),
        Infeasible::LowFit(found) => t!(
            lang,
            "matches-not-suggested-low-fit",
            fit = fit(lang, found),
            min = number(lang, crate::matching::fit::MIN_FIT, 2)
        ),
        _ => older_reason(lang, why),
    }
}

/// The reasons of the code-only matcher (before issue #11).
fn older_reason(lang: Lang, why: &Infeasible) -> String {
    match why {
        // A listing's own firm sees no verdicts; the words are there so that no reason
        // is ever left without them.
        Infeasible::SameFirm => t!(lang, "matches-not-suggested-same-firm"),
        Infeasible::NotAccepted => t!(lang, "matches-not-suggested-code"),
        Infeasible::HazardousUnlicensed => t!(lang, "matches-not-suggested-hazardous"),
        Infeasible::UnitMismatch => t!(lang, "matches-not-suggested-unit"),
        Infeasible::NotAvailable => t!(lang, "matches-not-suggested-not-available"),
        Infeasible::TooFar {
            road_km,
            max_road_km,
        } => t!(
            lang,
            "matches-not-suggested-too-far",
            road = number(lang, *road_km, 1),
            max = number(lang, *max_road_km, 0)
        ),
        // The amount per unit comes from the other firm's prices, which no page shows.
        Infeasible::NoBenefit { .. } => t!(lang, "matches-not-suggested-no-benefit"),
        Infeasible::BelowMinLot { quantity, min_lot } => t!(
            lang,
            "matches-not-suggested-min-lot",
            quantity = number(lang, *quantity, 1),
            min = number(lang, *min_lot, 1)
        ),
        Infeasible::HardRule(_)
        | Infeasible::DisposalAcrossBorder { .. }
        | Infeasible::LowFit(_) => not_suggested(lang, why),
    }
}

/// A hard rule decided by the other firm's offer, told without its class, category or
/// values (its listing does not show them): only which of the reader's own wishes it misses.
pub fn not_suggested_hidden(lang: Lang, rule: &Infeasibility) -> String {
    let said = match rule {
        Infeasibility::ClassNotAccepted { .. } => t!(lang, "matches-not-suggested-hidden-class"),
        Infeasibility::AnimalByProductUnlicensed { .. } => {
            t!(lang, "matches-not-suggested-hidden-abp")
        }
        Infeasibility::NotFeedGrade { .. } => t!(lang, "matches-not-suggested-hidden-feed"),
        Infeasibility::HardSpecViolated { property, .. } => t!(
            lang,
            "matches-not-suggested-hidden-spec",
            property = t!(lang, "matches-property", property = property.key())
        ),
    };
    match rule.legal_source() {
        Some(source) => format!(
            "{said} ({})",
            t!(lang, "matches-legal-source", source = source)
        ),
        None => said,
    }
}

/// One hard rule, with its legal source when the law (not the receiver) sets it.
fn hard_rule(lang: Lang, rule: &Infeasibility) -> String {
    let said = match rule {
        Infeasibility::ClassNotAccepted { class } => {
            t!(
                lang,
                "matches-not-suggested-class",
                class = class_label(lang, class)
            )
        }
        Infeasibility::AnimalByProductUnlicensed { category, .. } => t!(
            lang,
            "matches-not-suggested-abp",
            category = category.number() as i64
        ),
        Infeasibility::NotFeedGrade { cause, .. } => {
            t!(lang, "matches-not-suggested-feed", cause = feed_key(*cause))
        }
        Infeasibility::HardSpecViolated {
            property, value, ..
        } => t!(
            lang,
            "matches-not-suggested-spec",
            property = t!(lang, "matches-property", property = property.key()),
            value = number(lang, *value, 1)
        ),
    };
    match rule.legal_source() {
        Some(source) => format!(
            "{said} ({})",
            t!(lang, "matches-legal-source", source = source)
        ),
        None => said,
    }
}

/// A class's label in the reader's language (its key when the taxonomy lacks it).
fn class_label(lang: Lang, key: &str) -> String {
    match Taxonomy::get().class(key) {
        Some(class) if lang == Lang::Dutch => class.labels.nl.clone(),
        Some(class) => class.labels.en.clone(),
        None => key.to_string(),
    }
}

fn feed_key(cause: FeedBlock) -> &'static str {
    match cause {
        FeedBlock::StatusIsWaste => "waste",
        FeedBlock::NotFoodGradeOrigin => "not-food-grade",
        FeedBlock::ClassNotFoodGrade => "class",
        FeedBlock::CateringWaste => "catering",
        FeedBlock::AbpCategory1Or2 => "abp",
        FeedBlock::OriginUnknown => "origin-unknown",
    }
}

#[cfg(test)]
mod tests;

/// Why no exchange is opened for a pair, in the reader's words; the receiver is not told the
/// offer's descriptors, which its listing does not show.
pub fn pair_not_allowed(lang: Lang, refused: &PairRefused) -> String {
    let reason = match &refused.why {
        Infeasible::HardRule(rule) if !refused.asked_by_supplier => {
            not_suggested_hidden(lang, rule)
        }
        why => not_suggested(lang, why),
    };
    t!(lang, "exchanges-pair-not-allowed", reason = reason)
}
