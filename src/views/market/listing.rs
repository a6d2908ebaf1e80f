//! The listing page of one offer or need: what, how much, how often, where, when, who (or
//! "anonymous firm"), its photo where the viewer may see it, and "Interesse / contact" for a signed-in firm.

use maud::{Markup, html};

use super::card::{what, who};
use crate::app::market::listing::Listing;
use crate::app::matches::explain::OwnFit;
use crate::domain::{Flow, Regularity};
use crate::i18n::format::{material_label, quantity};
use crate::i18n::notices::sector_label;
use crate::i18n::{Lang, date, number};
use crate::t;
use crate::views::layout::{self, Viewer};
use crate::views::material::snippet;
use crate::views::photos::photo_src;

/// What the listing page shows.
pub struct ListingView<'a> {
    pub viewer: Viewer,
    pub listing: &'a Listing,
    /// The viewer is a firm (may show interest).
    pub is_firm: bool,
    /// The session's CSRF token, for the interest forms.
    pub csrf: Option<String>,
    /// When the flow's photo was uploaded (as seconds), if it has one the viewer may see.
    pub photo: Option<i64>,
    /// "Past dit bij uw stromen?": the firm's own flows with the matcher's verdict; `None`
    /// hides the section (a visitor, a coordinator, the listing's own firm).
    pub fits: Option<&'a [OwnFit]>,
}

/// The listing page.
pub fn listing_page(view: &ListingView<'_>) -> Markup {
    let lang = view.viewer.lang;
    let hit = &view.listing.hit;
    let flow = &hit.flow.flow;
    let title = match flow {
        Flow::Offer(offer) => t!(
            lang,
            "market-listing-offer-title",
            material = material_label(lang, &offer.material())
        ),
        Flow::Need(need) => t!(
            lang,
            "market-listing-need-title",
            material = snippet(need.description())
        ),
    };
    layout::page(
        &title,
        &view.viewer,
        html! {
            p { a href="/market" { (t!(lang, "market-listing-back")) } }
            h1 { (title) }
            (facts(lang, view))
            section.photos {
                h2 { (t!(lang, "market-listing-photos")) }
                @match view.photo {
                    Some(uploaded) => figure.flow-photo {
                        img src=(photo_src(flow.kind(), flow.basics().id().as_str(), uploaded))
                            alt=(title);
                    },
                    None => p.empty { (t!(lang, "market-listing-no-photos")) },
                }
            }
            @if let Some(fits) = view.fits {
                (super::fits::section(lang, flow.kind(), fits))
            }
            (interest(lang, view))
        },
    )
}

fn facts(lang: Lang, view: &ListingView<'_>) -> Markup {
    let hit = &view.listing.hit;
    let (flow, firm) = (&hit.flow.flow, &hit.flow.firm);
    let basics = flow.basics();
    let section = firm.nace().and_then(|nace| nace.as_str().chars().next());
    html! {
        dl.facts {
            dt { @match flow { Flow::Offer(_) => (t!(lang, "market-listing-material")), Flow::Need(_) => (t!(lang, "market-listing-accepts")) } }
            dd { (what(lang, flow)) }
            @if !basics.description().is_empty() {
                dt { (t!(lang, "market-listing-description")) }
                dd { (basics.description()) }
            }
            dt { (t!(lang, "market-listing-quantity")) }
            dd { (quantity(lang, basics.quantity())) }
            dt { (t!(lang, "market-listing-regularity")) }
            dd { (regularity(lang, basics.regularity())) }
            @if let Flow::Offer(offer) = flow {
                dt { (t!(lang, "market-listing-available")) }
                dd { (availability(lang, offer.available_from(), offer.available_until())) }
            }
            @if let Flow::Need(need) = flow {
                dt { (t!(lang, "market-listing-reach")) }
                dd { (t!(lang, "home-up-to-km", km = number(lang, need.max_distance_km(), 0))) }
            }
            // Shown with the quantity: whoever may read how much may read how it moves.
            @if let Some(terms) = basics.pickup_terms() {
                dt { @match flow { Flow::Offer(_) => (t!(lang, "market-listing-pickup-terms")), Flow::Need(_) => (t!(lang, "market-listing-delivery-terms")) } }
                dd.terms { (terms) }
            }
            dt { (t!(lang, "market-listing-municipality")) }
            dd { (firm.municipality()) }
            dt { (t!(lang, "market-listing-firm")) }
            dd { (who(lang, firm, hit.firm_named)) }
            dt { (t!(lang, "market-listing-sector")) }
            dd { (sector_label(lang, section)) }
            @if let Some(km) = hit.road_km {
                dt { (t!(lang, "market-listing-distance")) }
                dd { (t!(lang, "market-km", km = number(lang, km, 1))) }
            }
        }
    }
}

fn regularity(lang: Lang, regularity: Regularity) -> String {
    match regularity {
        Regularity::OneOff => t!(lang, "flows-regularity-one-off"),
        _ => t!(lang, "flows-regularity-recurring"),
    }
}

/// "vanaf 1 maart 2027 tot en met 30 juni 2027", or "direct beschikbaar" without dates, in
/// the reader's language.
pub fn availability(
    lang: Lang,
    from: Option<chrono::NaiveDate>,
    until: Option<chrono::NaiveDate>,
) -> String {
    let mut parts = Vec::new();
    if let Some(from) = from {
        parts.push(t!(
            lang,
            "market-listing-available-from",
            from = date(lang, from)
        ));
    }
    if let Some(until) = until {
        parts.push(t!(
            lang,
            "market-listing-available-until",
            until = date(lang, until)
        ));
    }
    if parts.is_empty() {
        t!(lang, "market-listing-available-always")
    } else {
        parts.join(" ")
    }
}

/// "Interesse / contact": the firm's fitting flows, each with a button that opens an exchange
/// (the same form as on `/matches`).
fn interest(lang: Lang, view: &ListingView<'_>) -> Markup {
    let listing = view.listing;
    let flow = &listing.hit.flow.flow;
    let listed = flow.basics().id().as_str();
    let pairable = pairable(view);
    html! {
        section.interest {
            h2 { (t!(lang, "market-listing-interest-heading")) }
            @if listing.own {
                p { (t!(lang, "market-listing-own")) " "
                    a href={ "/" (kind_path(flow)) "/" (listed) "/edit" } { (t!(lang, "market-listing-edit")) } }
            } @else if !view.is_firm {
                @if view.csrf.is_none() { p { a href="/login" { (t!(lang, "market-listing-login")) } } }
            } @else if pairable.is_empty() && !listing.pairs.is_empty() {
                p { (t!(lang, "market-listing-all-refused")) }
            } @else if pairable.is_empty() {
                @match flow {
                    Flow::Offer(_) => p { (t!(lang, "market-listing-no-pair-offer")) " " a href="/needs/new" { (t!(lang, "market-listing-add-need")) } },
                    Flow::Need(_) => p { (t!(lang, "market-listing-no-pair-need")) " " a href="/offers/new" { (t!(lang, "market-listing-add-offer")) } },
                }
            } @else {
                p { (t!(lang, "market-listing-interest-lead")) }
                @for own in &pairable {
                    (interest_form(lang, view, flow, own))
                }
            }
        }
    }
}

/// The viewer's flows that could pair with the listed one, less those a hard rule or the
/// border refuses (the section above says why).
fn pairable<'a>(view: &'a ListingView<'_>) -> Vec<&'a Flow> {
    let refused: Vec<&str> = (view.fits.unwrap_or_default().iter())
        .filter(|fit| fit.refused_by_rule())
        .map(|fit| fit.own_key())
        .collect();
    (view.listing.pairs.iter())
        .filter(|own| !refused.contains(&own.basics().id().as_str()))
        .collect()
}

fn interest_form(lang: Lang, view: &ListingView<'_>, listed: &Flow, own: &Flow) -> Markup {
    let (offer, need) = match listed {
        Flow::Offer(_) => (listed, own),
        Flow::Need(_) => (own, listed),
    };
    let kind = match own {
        Flow::Offer(_) => "offer",
        Flow::Need(_) => "need",
    };
    let described = if own.basics().description().is_empty() {
        match own {
            Flow::Offer(offer) => material_label(lang, &offer.material()),
            Flow::Need(need) => (need.accepts().iter())
                .map(|a| crate::i18n::format::accepted_label(lang, a))
                .collect::<Vec<_>>()
                .join("; "),
        }
    } else {
        snippet(own.basics().description())
    };
    html! {
        form.interest method="post" action="/exchanges" {
            input type="hidden" name="csrf" value=(view.csrf.clone().unwrap_or_default());
            input type="hidden" name="offer" value=(offer.basics().id().as_str());
            input type="hidden" name="need" value=(need.basics().id().as_str());
            button type="submit" { (t!(lang, "market-listing-interest")) }
            " " span { (t!(lang, "market-listing-with", kind = kind, what = described)) }
        }
    }
}

fn kind_path(flow: &Flow) -> &'static str {
    match flow {
        Flow::Offer(_) => "offers",
        Flow::Need(_) => "needs",
    }
}
