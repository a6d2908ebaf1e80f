//! One flow of the market as a card: kind, material, quantity, where, who (or "anonymous
//! firm"), distance, and the link to its listing page.

use maud::{Markup, Render, html};

use crate::app::market::MarketHit;
use crate::app::market::listing::listing_path;
use crate::domain::{Firm, Flow};
use crate::i18n::format::quantity;
use crate::i18n::notices::sector_label;
use crate::i18n::{Lang, number};
use crate::t;
use crate::views::material::{accepted, material, snippet};

/// A card of the market.
pub struct Card<'a> {
    pub hit: &'a MarketHit,
    pub lang: Lang,
}

impl Render for Card<'_> {
    fn render(&self) -> Markup {
        let (lang, hit) = (self.lang, self.hit);
        let flow = &hit.flow.flow;
        let path = listing_path(flow.kind(), flow.basics().id().as_str());
        html! {
            article.listing-card {
                p.kind {
                    @match flow {
                        Flow::Offer(_) => span.badge.offer { (t!(lang, "market-offer")) },
                        Flow::Need(_) => span.badge.need { (t!(lang, "market-need")) },
                    }
                }
                h2 { a href=(path) { (what(lang, flow)) } }
                @if !flow.basics().description().is_empty() {
                    p.description { (snippet(flow.basics().description())) }
                }
                p.meta {
                    (quantity(lang, flow.basics().quantity()))
                    " · " (hit.flow.firm.municipality())
                    " · " (who(lang, &hit.flow.firm, hit.firm_named))
                    @if let Some(km) = hit.road_km {
                        " · " (t!(lang, "market-km", km = number(lang, km, 1)))
                    }
                }
            }
        }
    }
}

/// What moves: an offer's material, or what a need accepts.
pub fn what(lang: Lang, flow: &Flow) -> Markup {
    html! {
        @match flow {
            Flow::Offer(offer) => (material(lang, &offer.material())),
            Flow::Need(need) => {
                @for (i, entry) in need.accepts().iter().enumerate() {
                    @if i > 0 { "; " }
                    (accepted(lang, entry))
                }
            }
        }
    }
}

/// The firm's name when the viewer may see it, else "anonymous firm" with its sector.
pub fn who(lang: Lang, firm: &Firm, named: bool) -> String {
    if named {
        return firm.name().to_string();
    }
    let section = firm.nace().and_then(|nace| nace.as_str().chars().next());
    format!(
        "{} ({})",
        t!(lang, "market-anonymous-firm"),
        sector_label(lang, section)
    )
}
