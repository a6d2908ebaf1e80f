//! The market: every offer and need the viewer may see, searched and filtered (words, kind,
//! material chapter, municipality, road distance from the viewer's firm, quantity), ranked by
//! relevance then distance, a page at a time; and the listing page of one flow.
//!
//! Who sees what: coordinators and administrators every flow; everyone else the flows that
//! are not coordinator-only (an anonymous flow without its firm's name), and a firm all of its
//! own. Paused flows are off the market. The database applies every filter it can
//! ([`storage::market`]); the words are then scored here with the material search's stemming
//! (a whole word before the start of one, before a piece of a compound) and the distance
//! measured exactly.

pub mod filter;
pub mod listing;
pub mod saved;

use std::collections::HashMap;

use self::filter::{Chapter, KindChoice, MarketFilter};
use super::App;
use super::visibility::Viewer;
use crate::domain::material_search::free_text::{like_pieces, query_words, text_score};
use crate::domain::material_search::{SearchLanguage, search_materials};
use crate::domain::{Accepted, FlowKind, Material};
use crate::matching::Params;
use crate::matching::economics::crow_km;
use crate::storage::market::{
    Area, Audience, ChapterSelection, MarketFlow, MarketRow, MarketSelection, WordSelection,
};
use crate::storage::{self, StorageError};

/// Flows per page.
pub const PAGE_SIZE: usize = 20;
/// Materials the words may name at most, and the share of the best material's score a
/// material needs to count (a whole word, not a piece of one that merely looks alike).
const MATERIALS_AT_MOST: usize = 30;
const MATERIAL_SHARE: f64 = 0.5;

/// One flow found, with why it ranks where it does.
#[derive(Debug, Clone)]
pub struct MarketHit {
    pub flow: MarketFlow,
    /// How well the words fit (0 without words).
    pub relevance: u32,
    /// Road km from the viewer's firm, when it is a firm.
    pub road_km: Option<f64>,
    /// The viewer may see the firm's name: the flow is public, its own, or the viewer is staff.
    pub firm_named: bool,
}

/// One page of the market.
#[derive(Debug, Clone)]
pub struct MarketPage {
    pub hits: Vec<MarketHit>,
    /// Flows found over all pages.
    pub total: usize,
    pub page: usize,
    pub pages: usize,
}

/// Whose market it is: the audience and, for a firm, the point distances start from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Seeker {
    audience: Audience,
    company: Option<i64>,
    origin: Option<(f64, f64)>,
    road_factor: f64,
}

impl Seeker {
    async fn of(app: &App, viewer: Option<&Viewer>) -> Result<Seeker, StorageError> {
        let company = viewer.and_then(|v| v.company);
        let audience = match viewer {
            Some(v) if v.is_staff() => Audience::Staff,
            _ => Audience::Firms(company),
        };
        Seeker::with(app, audience, company).await
    }

    /// The market as the firm `company` sees it.
    async fn firm(app: &App, company: i64) -> Result<Seeker, StorageError> {
        Seeker::with(app, Audience::Firms(Some(company)), Some(company)).await
    }

    async fn with(
        app: &App,
        audience: Audience,
        company: Option<i64>,
    ) -> Result<Seeker, StorageError> {
        let origin = match company {
            Some(id) => storage::market::firm_point(&app.db, id).await?,
            None => None,
        };
        let parameters = storage::impact::region_parameters(&app.db).await?;
        let params = parameters
            .as_ref()
            .map_or_else(Params::default, Params::from_parameters);
        Ok(Seeker {
            audience,
            company,
            origin,
            road_factor: params.road_factor,
        })
    }

    fn names_firm(&self, flow: &MarketFlow) -> bool {
        self.audience == Audience::Staff
            || self.company == Some(flow.company_id)
            || flow.flow.basics().confidentiality() == crate::domain::Confidentiality::Public
    }
}

/// The page `page` (from 1) of the flows `filter` finds for `viewer` (`None`: a visitor). A
/// page past the last is empty.
pub async fn search(
    app: &App,
    viewer: Option<&Viewer>,
    filter: &MarketFilter,
    page: usize,
) -> Result<MarketPage, StorageError> {
    let seeker = Seeker::of(app, viewer).await?;
    let ranked = ranked(app, &seeker, filter, None).await?;
    let total = ranked.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let chosen: Vec<&Ranked> = ranked
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .collect();
    let hits = full_hits(app, &seeker, &chosen).await?;
    Ok(MarketPage {
        hits,
        total,
        page,
        pages,
    })
}

/// A light row with its score and distance.
struct Ranked {
    row: MarketRow,
    relevance: u32,
    road_km: Option<f64>,
}

/// Every flow the filter finds for the seeker, best first: relevance, then distance, then
/// offers before needs and older before newer.
async fn ranked(
    app: &App,
    seeker: &Seeker,
    filter: &MarketFilter,
    only_key: Option<&str>,
) -> Result<Vec<Ranked>, StorageError> {
    let words = filter.words.as_deref().map(query_words).unwrap_or_default();
    let materials = named_materials(filter.words.as_deref());
    let selection = selection_of(seeker, filter, &words, &materials, only_key);
    let rows = storage::market::market_rows(&app.db, &selection).await?;
    let mut ranked: Vec<Ranked> = rows
        .into_iter()
        .filter_map(|row| {
            let road_km = seeker
                .origin
                .map(|(lat, lon)| crow_km(lat, lon, row.lat, row.lon) * seeker.road_factor);
            if let (Some(limit), Some(km)) = (filter.within_km, road_km)
                && km > limit
            {
                return None;
            }
            let relevance = if filter.words.is_some() {
                relevance(&row, &words, &materials)?
            } else {
                0
            };
            Some(Ranked {
                row,
                relevance,
                road_km,
            })
        })
        .collect();
    ranked.sort_by(|a, b| {
        (b.relevance.cmp(&a.relevance))
            .then(
                a.road_km
                    .unwrap_or(0.0)
                    .total_cmp(&b.road_km.unwrap_or(0.0)),
            )
            .then((a.row.kind == FlowKind::Need).cmp(&(b.row.kind == FlowKind::Need)))
    });
    Ok(ranked)
}

/// The materials the words name, with their search scores (the best first).
fn named_materials(words: Option<&str>) -> Vec<(Material, u32)> {
    let Some(words) = words else {
        return Vec::new();
    };
    let hits = search_materials(words, SearchLanguage::Dutch, MATERIALS_AT_MOST);
    let best = hits.first().map_or(0, |hit| hit.score);
    hits.into_iter()
        .filter(|hit| f64::from(hit.score) >= f64::from(best) * MATERIAL_SHARE)
        .map(|hit| (hit.material, hit.score))
        .collect()
}

/// How well a flow fits the words: its description's score plus its material's; `None` when
/// neither fits.
fn relevance(row: &MarketRow, words: &[String], materials: &[(Material, u32)]) -> Option<u32> {
    let in_text = text_score(words, &row.description);
    let by_material = materials
        .iter()
        .filter(|(material, _)| {
            row.materials.iter().any(|code| match row.kind {
                FlowKind::Offer => code == material.code(),
                FlowKind::Need => Accepted::parse(code).is_ok_and(|a| a.covers(material)),
            })
        })
        .map(|(_, score)| *score)
        .max();
    match (in_text, by_material) {
        (None, None) => None,
        (text, material) => Some(text.unwrap_or(0) + material.unwrap_or(0)),
    }
}

/// The filter in the database's terms.
fn selection_of(
    seeker: &Seeker,
    filter: &MarketFilter,
    words: &[String],
    materials: &[(Material, u32)],
    only_key: Option<&str>,
) -> MarketSelection {
    let area = match (filter.within_km, seeker.origin) {
        (Some(km), Some((lat, lon))) => Some(area_around(lat, lon, km / seeker.road_factor)),
        _ => None,
    };
    MarketSelection {
        audience: seeker.audience,
        offers: filter.kind != KindChoice::Needs,
        needs: filter.kind != KindChoice::Offers,
        chapter: filter.chapter.map(|chapter| match chapter {
            Chapter::Waste(n) => ChapterSelection::Waste(format!("{n:02}")),
            Chapter::Resources => ChapterSelection::Resources,
        }),
        municipality: filter.municipality.clone(),
        area,
        quantity_min: filter.quantity_min,
        quantity_max: filter.quantity_max,
        words: filter
            .words
            .as_ref()
            .map(|_| word_selection(words, materials)),
        only_key: only_key.map(str::to_string),
    }
}

fn word_selection(words: &[String], materials: &[(Material, u32)]) -> WordSelection {
    let mut accepted = Vec::new();
    for (material, _) in materials {
        let code = material.code();
        accepted.push(code.to_string());
        if let Material::Waste(ewc) = material {
            let digits = ewc.digits();
            accepted.push(digits[..2].to_string());
            accepted.push(format!("{} {}", &digits[..2], &digits[2..4]));
        }
    }
    accepted.sort();
    accepted.dedup();
    WordSelection {
        pieces: like_pieces(words),
        materials: materials
            .iter()
            .map(|(m, _)| m.code().to_string())
            .collect(),
        accepted,
    }
}

/// A box holding every point within `km` (straight line) of the point, a little generous.
fn area_around(lat: f64, lon: f64, km: f64) -> Area {
    const KM_PER_DEGREE: f64 = 111.0;
    let dlat = km / KM_PER_DEGREE * 1.01;
    let dlon = dlat / lat.to_radians().cos().max(0.01);
    Area {
        lat: (lat - dlat, lat + dlat),
        lon: (lon - dlon, lon + dlon),
    }
}

/// The full flows of a page, in the page's order.
async fn full_hits(
    app: &App,
    seeker: &Seeker,
    chosen: &[&Ranked],
) -> Result<Vec<MarketHit>, StorageError> {
    let mut full: HashMap<(bool, String), MarketFlow> = HashMap::new();
    for kind in [FlowKind::Offer, FlowKind::Need] {
        let keys: Vec<String> = (chosen.iter())
            .filter(|r| r.row.kind == kind)
            .map(|r| r.row.key.clone())
            .collect();
        for flow in storage::market::market_flows(&app.db, kind, &keys).await? {
            let key = flow.flow.basics().id().as_str().to_string();
            full.insert((kind == FlowKind::Offer, key), flow);
        }
    }
    Ok(chosen
        .iter()
        .filter_map(|r| {
            let flow = full.remove(&(r.row.kind == FlowKind::Offer, r.row.key.clone()))?;
            Some(MarketHit {
                firm_named: seeker.names_firm(&flow),
                flow,
                relevance: r.relevance,
                road_km: r.road_km,
            })
        })
        .collect())
}
