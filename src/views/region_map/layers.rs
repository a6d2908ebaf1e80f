//! The map's marks: a dot per firm coloured by sector (muted when a material filter passes it
//! by), a line per exchange weighted by tonnes, a path per collection round, each with a
//! tooltip in the reader's language.

use super::{FirmDot, RegionMap, Round};
use crate::domain::Material;
use crate::domain::exchange::Stage;
use crate::i18n::{Lang, number};
use crate::storage::coordinator::ExchangeLine;
use crate::t;
use crate::views::coordinator::section_name;
use crate::views::format::{material_label, unit};
use crate::views::map::{MapLayers, MapLine, MapPoint, MapPolyline, Tone, line_width_for_tonnes};

/// Open exchanges (proposed up to agreed): grey, since nothing moves yet.
pub const OPEN_TONE: Tone = Tone::Muted;
/// Running exchanges.
pub const RUNNING_TONE: Tone = Tone::Exchange;

/// Dot radii in pixels: plain, picked out by the filter, passed by it.
const RADIUS: f64 = 3.5;
const RADIUS_HIGHLIGHTED: f64 = 6.0;
const RADIUS_MUTED: f64 = 2.5;
/// A collection round's stroke.
const ROUND_WIDTH: f64 = 1.5;

/// The colour of a firm of a sector.
pub fn firm_tone(section: Option<char>) -> Tone {
    section.map_or(Tone::Firm, Tone::Sector)
}

/// Every mark of the map's switched-on layers.
pub fn layers(lang: Lang, map: &RegionMap) -> MapLayers {
    let mut layers = MapLayers::default();
    let shown = map.choice.layers;
    if shown.exchanges {
        layers.lines = map.exchanges.iter().map(|e| line(lang, e)).collect();
    }
    if shown.rounds {
        layers.polylines = map.rounds.iter().map(|r| round(lang, r)).collect();
    }
    if shown.firms {
        let filtered = map.filtered();
        layers.points = map.firms.iter().map(|f| dot(lang, f, filtered)).collect();
    }
    layers
}

fn dot(lang: Lang, firm: &FirmDot, filtered: bool) -> MapPoint {
    let (tone, radius) = match (filtered, firm.highlighted) {
        (false, _) => (firm_tone(firm.section), RADIUS),
        (true, true) => (firm_tone(firm.section), RADIUS_HIGHLIGHTED),
        (true, false) => (Tone::Muted, RADIUS_MUTED),
    };
    MapPoint {
        lat: firm.lat,
        lon: firm.lon,
        tone,
        title: t!(
            lang,
            "map-firm-title",
            name = &firm.name,
            sector = section_name(lang, firm.section),
            municipality = &firm.municipality
        ),
        radius,
    }
}

fn line(lang: Lang, exchange: &ExchangeLine) -> MapLine {
    let running = exchange.stage == Stage::Running;
    let amount = |value: f64| number(lang, value, 1);
    // A running exchange is drawn by what it actually moved, once anything is recorded.
    let (width, moved) = match (running, exchange.recorded_tonnes) {
        (true, Some(tonnes)) => (
            line_width_for_tonnes(tonnes),
            t!(lang, "map-exchange-recorded", tonnes = amount(tonnes)),
        ),
        _ => (
            line_width_for_tonnes(exchange.quantity_per_year),
            t!(
                lang,
                "quantity-per-year",
                amount = amount(exchange.quantity_per_year),
                unit = unit(lang, exchange.unit)
            ),
        ),
    };
    let title = t!(
        lang,
        "map-exchange-title",
        id = exchange.id.to_string(),
        running = if running { "yes" } else { "no" },
        supplier = &exchange.supplier.name,
        receiver = &exchange.receiver.name,
        material = material_name(lang, &exchange.material),
        amount = moved
    );
    MapLine {
        from: (exchange.supplier.lat, exchange.supplier.lon),
        to: (exchange.receiver.lat, exchange.receiver.lon),
        width,
        tone: if running { RUNNING_TONE } else { OPEN_TONE },
        title,
    }
}

/// `02 03 04 Koffiedik…`: the code with its name, or the code alone when unknown.
fn material_name(lang: Lang, code: &str) -> String {
    match Material::parse(code) {
        Ok(material) => format!("{code} {}", material_label(lang, &material)),
        Err(_) => code.to_string(),
    }
}

fn round(lang: Lang, round: &Round) -> MapPolyline {
    MapPolyline {
        points: round.stops.clone(),
        width: ROUND_WIDTH,
        tone: Tone::Pool,
        title: t!(
            lang,
            "map-round-title",
            receiver = &round.receiver,
            members = round.members,
            amount = t!(
                lang,
                "quantity-per-year",
                amount = number(lang, round.quantity_per_year, 1),
                unit = unit(lang, round.unit)
            ),
            km = number(lang, round.round_km, 1)
        ),
    }
}
