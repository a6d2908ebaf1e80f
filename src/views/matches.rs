//! `/matches`: for each of the firm's flows, the best counterparts, anonymised.

use maud::{Markup, html};

use super::format::{number_nl, unit_nl};
use super::layout::{self, Viewer};
use crate::domain::Unit;
use crate::matching::suggest::Reason;

/// One suggested counterpart as a firm may see it: never a name or contact.
pub struct MatchView {
    /// The offer and need of the pair, for the "interested" form.
    pub offer: String,
    pub need: String,
    pub sector: String,
    pub municipality: String,
    pub road_km: f64,
    pub quantity: f64,
    pub unit: Unit,
    pub benefit_eur_per_year: f64,
    pub co2_net_kg_per_year: f64,
    pub reasons: Vec<Reason>,
}

/// A collection round the flow takes part in.
pub struct PoolView {
    pub firms: usize,
    pub quantity: f64,
    pub round_km: f64,
    /// The receiver's sector and municipality (anonymised).
    pub receiver: String,
    /// This firm's share of the round's cost, or the whole cost for the receiver.
    pub cost_eur_per_year: f64,
}

/// One own flow with its suggestions.
pub struct FlowMatches {
    pub heading: String,
    pub is_offer: bool,
    pub suggestions: Vec<MatchView>,
    pub pools: Vec<PoolView>,
}

/// Dutch name of a NACE section.
pub fn sector_nl(section: Option<char>) -> &'static str {
    match section {
        Some('A') => "Landbouw",
        Some('B') => "Delfstoffenwinning",
        Some('C') => "Industrie",
        Some('D') => "Energievoorziening",
        Some('E') => "Water, afval en recycling",
        Some('F') => "Bouw en installatie",
        Some('G') => "Handel",
        Some('H') => "Vervoer en opslag",
        Some('I') => "Horeca en recreatie",
        Some('J') => "Informatie en communicatie",
        Some('K') | Some('L') | Some('M') | Some('N') => "Zakelijke dienstverlening",
        Some('O') | Some('P') => "Overheid en onderwijs",
        Some('Q') => "Zorg",
        Some('R') => "Cultuur, sport en recreatie",
        Some(_) => "Overige dienstverlening",
        None => "Sector onbekend",
    }
}

/// A reason in Dutch.
pub fn reason_nl(reason: &Reason) -> String {
    match reason {
        Reason::Accepted {
            material,
            hazardous: false,
        } => format!("de ontvanger neemt {material}"),
        Reason::Accepted {
            material,
            hazardous: true,
        } => {
            format!("de ontvanger neemt {material} en heeft een vergunning voor gevaarlijk afval")
        }
        Reason::Distance {
            road_km,
            max_road_km,
        } => format!(
            "{} km over de weg (ontvanger haalt op tot {} km)",
            number_nl(*road_km, 1),
            number_nl(*max_road_km, 0)
        ),
        Reason::Quantity {
            fits,
            offered,
            needed,
            unit,
        } => format!(
            "{} {u}/jaar past (aangeboden {}, gevraagd {})",
            number_nl(*fits, 1),
            number_nl(*offered, 1),
            number_nl(*needed, 1),
            u = unit_nl(*unit)
        ),
        Reason::Money {
            disposal,
            virgin,
            transport,
            benefit,
            unit,
        } => format!(
            "€ {} afvoer bespaard + € {} nieuwe grondstof vervangen − € {} transport = € {} per {}",
            number_nl(*disposal, 2),
            number_nl(*virgin, 2),
            number_nl(*transport, 2),
            number_nl(*benefit, 2),
            unit_nl(*unit)
        ),
        Reason::Co2 {
            avoided_kg,
            transport_kg,
        } => format!(
            "CO₂: {} t/jaar vermeden, {} t/jaar uitgestoten door transport",
            number_nl(avoided_kg / 1000.0, 1),
            number_nl(transport_kg / 1000.0, 1)
        ),
    }
}

/// The matches page.
pub fn page(viewer: &Viewer, csrf: &str, flows: &[FlowMatches]) -> Markup {
    layout::page(
        "Mijn matches",
        viewer,
        html! {
            h1 { "Mijn matches" }
            p { "De andere partij blijft anoniem (sector, gemeente, afstand) tot u beiden interesse tonen." }
            @if flows.is_empty() { p.none { "U heeft nog geen stromen. " a href="/offers/new" { "Voeg een reststroom toe" } "." } }
            @for flow in flows {
                section.flow-matches {
                    h2 { (if flow.is_offer { "Uw reststroom: " } else { "Uw vraag: " }) (flow.heading) }
                    @for pool in &flow.pools {
                        p.pool {
                            strong { "Samen ophalen: " }
                            (pool.firms) " kleine bedrijven leveren samen " (number_nl(pool.quantity, 1)) " t/jaar aan "
                            (pool.receiver) ", op één ophaalronde van " (number_nl(pool.round_km, 1)) " km; "
                            @if flow.is_offer { "uw deel van de transportkosten: € " } @else { "transportkosten van de ronde: € " }
                            (number_nl(pool.cost_eur_per_year, 0)) " per jaar."
                        }
                    }
                    @if flow.suggestions.is_empty() && flow.pools.is_empty() { p.none { "Nog geen passende partij in de regio." } }
                    ol { @for m in &flow.suggestions {
                        li.match {
                            strong { (m.sector) " in " (m.municipality) }
                            " · " (number_nl(m.road_km, 1)) " km"
                            " · " (number_nl(m.quantity, 1)) " " (unit_nl(m.unit)) "/jaar"
                            " · € " (number_nl(m.benefit_eur_per_year, 0)) " per jaar"
                            " · CO₂ " (number_nl(m.co2_net_kg_per_year / 1000.0, 1)) " t/jaar netto vermeden"
                            ul.reasons { @for r in &m.reasons { li { (reason_nl(r)) } } }
                            form.inline method="post" action="/exchanges" {
                                input type="hidden" name="csrf" value=(csrf);
                                input type="hidden" name="offer" value=(m.offer);
                                input type="hidden" name="need" value=(m.need);
                                button type="submit" { "Interesse" }
                            }
                            form.inline method="post" action="/exchanges/decline" {
                                input type="hidden" name="csrf" value=(csrf);
                                input type="hidden" name="offer" value=(m.offer);
                                input type="hidden" name="need" value=(m.need);
                                label { "Niet voor ons, omdat " input name="reason" type="text" required; }
                                button type="submit" { "Niet voor ons" }
                            }
                        }
                    } }
                }
            }
        },
    )
}
