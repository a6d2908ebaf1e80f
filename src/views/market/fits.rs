//! "Past dit bij uw stromen?" on a listing: each of the signed-in firm's own flows of the
//! other kind, suggested on `/matches` (fit, net benefit, border procedure, the exchange or
//! the matches page) or not, with the reasons in the words `/matches` uses.

use maud::{Markup, html};

use crate::app::matches::OwnFlow;
use crate::app::matches::explain::{OwnFit, SuggestedPair, Verdict, WhyNot};
use crate::domain::cross_border::Classification;
use crate::domain::{Flow, FlowKind};
use crate::i18n::format::{accepted_label, material_label};
use crate::i18n::{Lang, number};
use crate::t;
use crate::views::matches::fit::{crossing, fit, not_suggested, not_suggested_hidden};
use crate::views::material::snippet;

/// The section, for a firm looking at another firm's listing of `listed` kind.
pub fn section(lang: Lang, listed: FlowKind, fits: &[OwnFit]) -> Markup {
    html! {
        section.pair-fit {
            h2 { (t!(lang, "market-fit-heading")) }
            @if fits.is_empty() {
                @match listed {
                    FlowKind::Offer => p.empty { (t!(lang, "market-fit-no-needs")) },
                    FlowKind::Need => p.empty { (t!(lang, "market-fit-no-offers")) },
                }
            } @else {
                p { (t!(lang, "market-fit-lead")) }
                ul.pair-fits {
                    @for one in fits { (own_fit(lang, one)) }
                }
            }
        }
    }
}

fn own_fit(lang: Lang, one: &OwnFit) -> Markup {
    html! {
        li.pair-fit {
            strong { (own_label(lang, &one.own)) }
            @match &one.verdict {
                Verdict::Suggested(pair) => (suggested(lang, pair)),
                Verdict::NotSuggested(reasons) => {
                    p.verdict.not-suggested { (t!(lang, "market-fit-not-suggested")) }
                    ul.reasons {
                        @for why in reasons { li { (why_not(lang, why)) } }
                    }
                }
            }
        }
    }
}

/// "Uw vraag: Substraat voor oesterzwammen", or its material when it has no description.
fn own_label(lang: Lang, own: &OwnFlow) -> String {
    let flow = match own {
        OwnFlow::Offer(offer) => Flow::Offer(offer.clone()),
        OwnFlow::Need(need) => Flow::Need(need.clone()),
    };
    let what = if flow.basics().description().is_empty() {
        match &flow {
            Flow::Offer(offer) => material_label(lang, &offer.material()),
            Flow::Need(need) => (need.accepts().iter())
                .map(|a| accepted_label(lang, a))
                .collect::<Vec<_>>()
                .join("; "),
        }
    } else {
        snippet(flow.basics().description())
    };
    match own {
        OwnFlow::Offer(_) => t!(lang, "market-fit-own-offer", what = what),
        OwnFlow::Need(_) => t!(lang, "market-fit-own-need", what = what),
    }
}

fn suggested(lang: Lang, pair: &SuggestedPair) -> Markup {
    let amber = pair
        .crossing
        .as_ref()
        .is_some_and(|c| matches!(c.classification, Classification::Notification { .. }));
    html! {
        p.verdict.suggested { (t!(lang, "market-fit-suggested")) }
        ul.reasons {
            li { @match &pair.fit {
                Some(found) => (fit(lang, found)),
                None => (t!(lang, "market-fit-code-only")),
            } }
            li { (t!(lang, "market-fit-benefit", amount = number(lang, pair.benefit_eur_per_year, 0))) }
            @if let Some(border) = &pair.crossing {
                li.border.amber[amber] { (crossing(lang, border)) }
            }
        }
        p {
            @match &pair.exchange {
                Some(exchange) => a href={ "/exchanges/" (exchange.id) } { (t!(lang, "market-fit-open-exchange")) },
                None => a href="/matches" { (t!(lang, "market-fit-open-matches")) },
            }
        }
    }
}

fn why_not(lang: Lang, why: &WhyNot) -> String {
    match why {
        WhyNot::Rule(rule) => not_suggested(lang, rule),
        WhyNot::Hidden(rule) => not_suggested_hidden(lang, rule),
        WhyNot::BelowTheirLot => t!(lang, "market-fit-their-lot"),
        WhyNot::Declined => t!(lang, "market-fit-declined"),
        WhyNot::LeftOut => t!(lang, "market-fit-left-out"),
        WhyNot::Outranked {
            benefit_eur_per_year,
        } => t!(
            lang,
            "market-fit-outranked",
            amount = number(lang, *benefit_eur_per_year, 0)
        ),
    }
}
