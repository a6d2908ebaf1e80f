//! What the map draws from the snapshot: the frame, the firms as dots, the collection rounds,
//! the materials a filter stands for and the chapters to choose from.

use std::collections::BTreeSet;

use super::frame::{GeoBounds, MapFrame};
use super::{FirmDot, MapChoice, Round};
use crate::app::region::Snapshot;
use crate::domain::keyport::{self, MUNICIPALITIES};
use crate::domain::material_search::{SearchLanguage, search_materials};
use crate::domain::{Catalogue, Material};
use crate::i18n::Lang;
use crate::matching::MaterialKey;

/// The image's size in pixels: the region's own shape (about 3 : 2), as wide as the page.
const WIDTH: u32 = 1080;
const HEIGHT: u32 = 720;
/// Kilometres shown at least around a municipality's centre when zoomed to it: a town with
/// its outskirts and business parks.
const ZOOM_RADIUS_KM: f64 = 7.0;
/// Room around the outermost firms when they widen the region's frame.
const FIRM_MARGIN_KM: f64 = 1.0;
/// Firms drawn at most: beyond this a dot per firm only makes the file heavy; zooming in
/// shows the rest.
const MAX_DOTS: usize = 5000;
/// Materials a text filter stands for at most, and how close to the best a hit must score.
const MAX_MATERIALS: usize = 8;
const SCORE_SHARE: u32 = 2;

/// The frame of the whole region, or zoomed to a municipality.
pub(super) fn frame_of(snapshot: &Snapshot, municipality: Option<&str>) -> MapFrame {
    match municipality {
        None => region_frame(snapshot),
        Some(name) => {
            let (lat, lon) = centre_of(snapshot, name);
            MapFrame::around(lat, lon, ZOOM_RADIUS_KM, WIDTH, HEIGHT)
        }
    }
}

/// Every municipality of the region and of its firms, by name.
pub(super) fn municipalities(snapshot: &Snapshot) -> Vec<String> {
    let names: BTreeSet<&str> = (MUNICIPALITIES.iter().map(|(name, _, _)| *name))
        .chain(
            snapshot
                .instance
                .firms
                .iter()
                .map(|f| f.municipality.as_str()),
        )
        .collect();
    names.into_iter().map(str::to_string).collect()
}

/// The region's frame, widened when firms lie beyond it so that every firm is on the map.
fn region_frame(snapshot: &Snapshot) -> MapFrame {
    let region = MapFrame::region(WIDTH, HEIGHT);
    let firms = snapshot.instance.firms.iter().map(|f| (f.lat, f.lon));
    let Some(firms) = GeoBounds::enclosing(firms) else {
        return region;
    };
    let (shown, firms) = (region.bounds(), firms.padded(FIRM_MARGIN_KM));
    let corners = [
        (shown.south, shown.west),
        (shown.north, shown.east),
        (firms.south, firms.west),
        (firms.north, firms.east),
    ];
    match GeoBounds::enclosing(corners) {
        Some(all) if all != shown => MapFrame::fit(all, WIDTH, HEIGHT),
        _ => region,
    }
}

/// A municipality's centre: the region's own, or else the middle of its firms.
fn centre_of(snapshot: &Snapshot, name: &str) -> (f64, f64) {
    if let Some(centre) = keyport::centre(name) {
        return centre;
    }
    let firms: Vec<_> = (snapshot.instance.firms.iter())
        .filter(|f| f.municipality == name)
        .collect();
    let n = firms.len().max(1) as f64;
    (
        firms.iter().map(|f| f.lat).sum::<f64>() / n,
        firms.iter().map(|f| f.lon).sum::<f64>() / n,
    )
}

/// The materials of the filter: the best hits of the typed words (narrowed to the chapter
/// when one is chosen too), or the whole chapter. Also whether typed words found nothing.
pub(super) fn materials_of(lang: Lang, choice: &MapChoice) -> (Vec<Material>, bool) {
    let in_chapter = |m: &Material| match (&choice.chapter, m) {
        (None, _) => true,
        (Some(digits), Material::Waste(code)) => code.digits().starts_with(digits.as_str()),
        (Some(_), Material::Resource(_)) => false,
    };
    if choice.material_text.is_empty() {
        let Some(digits) = &choice.chapter else {
            return (Vec::new(), false);
        };
        let chapter = (Catalogue::get().entries().iter())
            .filter(|e| e.digits.starts_with(digits.as_str()))
            .filter_map(|e| Material::parse(&e.code).ok())
            .collect();
        return (chapter, false);
    }
    let language = match lang {
        Lang::Dutch => SearchLanguage::Dutch,
        Lang::English => SearchLanguage::English,
    };
    let hits = search_materials(&choice.material_text, language, 50);
    let best = hits.first().map_or(0, |h| h.score);
    let materials: Vec<Material> = (hits.into_iter())
        .filter(|h| h.score * SCORE_SHARE >= best)
        .map(|h| h.material)
        .filter(in_chapter)
        .take(MAX_MATERIALS)
        .collect();
    let not_found = materials.is_empty();
    (materials, not_found)
}

/// The firms on the image, those with a flow of the materials first, at most [`MAX_DOTS`];
/// and how many are on the image.
pub(super) fn firm_dots(
    snapshot: &Snapshot,
    frame: &MapFrame,
    keys: &BTreeSet<MaterialKey>,
) -> (Vec<FirmDot>, usize) {
    let instance = &snapshot.instance;
    let mut highlighted = vec![false; instance.firms.len()];
    if !keys.is_empty() {
        for offer in instance
            .offers
            .iter()
            .filter(|o| keys.contains(&o.material))
        {
            highlighted[offer.firm as usize] = true;
        }
        for need in (instance.needs.iter()).filter(|n| n.accepts.iter().any(|k| keys.contains(k))) {
            highlighted[need.firm as usize] = true;
        }
    }
    let mut dots: Vec<FirmDot> = (instance.firms.iter().zip(&highlighted))
        .filter(|(firm, _)| frame.contains(firm.lat, firm.lon))
        .map(|(firm, &highlighted)| FirmDot {
            name: firm.name.clone(),
            municipality: firm.municipality.clone(),
            section: (firm.nace.as_deref())
                .and_then(|n| n.chars().next())
                .map(|c| c.to_ascii_uppercase()),
            lat: firm.lat,
            lon: firm.lon,
            highlighted,
        })
        .collect();
    let in_frame = dots.len();
    // Highlighted first, so a cap never hides what the filter picked out; a stable sort keeps
    // the firms' order otherwise.
    dots.sort_by_key(|dot| !dot.highlighted);
    dots.truncate(MAX_DOTS);
    (dots, in_frame)
}

/// The snapshot's collection rounds (those with a member of the materials, when filtered).
pub(super) fn rounds(snapshot: &Snapshot, keys: &BTreeSet<MaterialKey>) -> Vec<Round> {
    let instance = &snapshot.instance;
    (snapshot.pools.iter())
        .filter(|pool| {
            keys.is_empty()
                || (pool.members.iter()).any(|m| keys.contains(&instance.offers[m.offer].material))
        })
        .map(|pool| Round {
            receiver: instance.need_firm(pool.need).name.clone(),
            stops: (pool.round.iter())
                .map(|&firm| (instance.firms[firm].lat, instance.firms[firm].lon))
                .collect(),
            members: (pool.members.iter().map(|m| m.firm))
                .collect::<BTreeSet<_>>()
                .len(),
            quantity_per_year: pool.quantity_per_year,
            unit: instance.needs[pool.need].unit,
            round_km: pool.round_km,
        })
        .collect()
}

/// Every chapter of the List of Waste with its title in the reader's language.
pub(super) fn chapters(lang: Lang) -> Vec<(String, String)> {
    let mut chapters: Vec<(String, String)> = Vec::new();
    for entry in Catalogue::get().entries() {
        let digits = &entry.digits[..2];
        if chapters.last().is_none_or(|(last, _)| last != digits) {
            let title = match lang {
                Lang::English => &entry.chapter_en,
                Lang::Dutch if entry.chapter_nl.is_empty() => &entry.chapter_en,
                Lang::Dutch => &entry.chapter_nl,
            };
            chapters.push((digits.to_string(), title.clone()));
        }
    }
    chapters
}
