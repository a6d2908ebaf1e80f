//! The region on a map for its coordinators, from the matcher's snapshot (firms, the flows in
//! matching, collection rounds) and the stored exchanges: what a query asks to see (a
//! municipality to zoom to, a material filter, the layers) and what is drawn for it. The
//! drawing itself is in the views (`views::region_map`); the projection is [`frame`].

pub mod frame;
mod marks;

use std::collections::BTreeSet;

use serde::Deserialize;

use self::frame::MapFrame;
use super::App;
use super::query::given;
use crate::domain::{Catalogue, Material, Unit};
use crate::i18n::Lang;
use crate::matching::MaterialKey;
use crate::storage::coordinator::ExchangeLine;
use crate::storage::{self, StorageError};

/// `/map?gemeente=Weert&materiaal=karton&hoofdstuk=15&lagen=1&bedrijven=1`: each field as
/// typed; empty ones count as absent.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MapQuery {
    /// A municipality to zoom to.
    pub gemeente: Option<String>,
    /// Material words to filter by.
    pub materiaal: Option<String>,
    /// A List-of-Waste chapter, two digits.
    pub hoofdstuk: Option<String>,
    /// Present when the form's layer boxes were shown (unticked boxes send nothing).
    pub lagen: Option<String>,
    pub bedrijven: Option<String>,
    pub uitwisselingen: Option<String>,
    pub rondes: Option<String>,
}

/// Which layers are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layers {
    pub firms: bool,
    pub exchanges: bool,
    pub rounds: bool,
}

impl Default for Layers {
    fn default() -> Layers {
        Layers {
            firms: true,
            exchanges: true,
            rounds: true,
        }
    }
}

/// What the visitor asked for, as it goes back into links and the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MapChoice {
    /// Zoomed to this municipality.
    pub municipality: Option<String>,
    /// The material words typed.
    pub material_text: String,
    /// A List-of-Waste chapter, two digits.
    pub chapter: Option<String>,
    pub layers: Layers,
}

impl MapChoice {
    /// The choice as query pairs: the same map again, e.g. as the download's address.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(m) = &self.municipality {
            pairs.push(("gemeente", m.clone()));
        }
        if !self.material_text.is_empty() {
            pairs.push(("materiaal", self.material_text.clone()));
        }
        if let Some(c) = &self.chapter {
            pairs.push(("hoofdstuk", c.clone()));
        }
        if self.layers != Layers::default() {
            pairs.push(("lagen", "1".to_string()));
            for (on, name) in [
                (self.layers.firms, "bedrijven"),
                (self.layers.exchanges, "uitwisselingen"),
                (self.layers.rounds, "rondes"),
            ] {
                if on {
                    pairs.push((name, "1".to_string()));
                }
            }
        }
        pairs
    }
}

/// A firm on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct FirmDot {
    pub name: String,
    pub municipality: String,
    /// The NACE section letter, when known.
    pub section: Option<char>,
    pub lat: f64,
    pub lon: f64,
    /// It has an offer or a need of the filtered materials.
    pub highlighted: bool,
}

/// A collection round: from the receiver past its members and back.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    pub receiver: String,
    /// `(lat, lon)` of each stop, starting and ending at the receiver.
    pub stops: Vec<(f64, f64)>,
    pub members: usize,
    pub quantity_per_year: f64,
    pub unit: Unit,
    pub round_km: f64,
}

/// Everything the map page draws and offers.
pub struct RegionMap {
    pub frame: MapFrame,
    pub choice: MapChoice,
    /// Every municipality to zoom to, by name.
    pub municipalities: Vec<String>,
    /// Every List-of-Waste chapter: `(two digits, title in the reader's language)`.
    pub chapters: Vec<(String, String)>,
    /// The materials the filter stands for; empty without a filter.
    pub materials: Vec<Material>,
    /// Words were typed but matched no material: the map is drawn without a filter.
    pub material_not_found: bool,
    /// The firms drawn (those on the image, highlighted ones first, up to a limit).
    pub firms: Vec<FirmDot>,
    /// Firms on the image, drawn or not.
    pub firms_in_frame: usize,
    pub exchanges: Vec<ExchangeLine>,
    pub rounds: Vec<Round>,
}

impl RegionMap {
    /// True when a material filter picks out firms.
    pub fn filtered(&self) -> bool {
        !self.materials.is_empty()
    }
}

/// A query the map refuses: it names what the region does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapRefused {
    /// No municipality of the region or its firms has this name.
    UnknownMunicipality(String),
    /// Not two digits of a chapter of the List of Waste.
    UnknownChapter(String),
}

/// The map the query asks for, in the reader's language (material words are searched in it,
/// chapters titled in it).
pub async fn region_map(
    app: &App,
    lang: Lang,
    query: &MapQuery,
) -> Result<Result<RegionMap, MapRefused>, StorageError> {
    let snapshot = app.region().await?;
    let municipalities = marks::municipalities(&snapshot);
    let choice = match choice_of(query, &municipalities) {
        Ok(choice) => choice,
        Err(refused) => return Ok(Err(refused)),
    };
    let frame = marks::frame_of(&snapshot, choice.municipality.as_deref());
    let (materials, material_not_found) = marks::materials_of(lang, &choice);
    let keys: BTreeSet<MaterialKey> = materials.iter().map(MaterialKey::of).collect();
    let (firms, firms_in_frame) = marks::firm_dots(&snapshot, &frame, &keys);
    let mut exchanges = storage::coordinator::exchange_lines(&app.db).await?;
    exchanges.retain(|e| {
        keys.is_empty()
            || Material::parse(&e.material).is_ok_and(|m| keys.contains(&MaterialKey::of(&m)))
    });
    Ok(Ok(RegionMap {
        frame,
        municipalities,
        chapters: marks::chapters(lang),
        materials,
        material_not_found,
        firms,
        firms_in_frame,
        exchanges,
        rounds: marks::rounds(&snapshot, &keys),
        choice,
    }))
}

/// The query read into a choice; an unknown municipality or chapter is refused.
pub fn choice_of(query: &MapQuery, municipalities: &[String]) -> Result<MapChoice, MapRefused> {
    let municipality = given(&query.gemeente);
    if let Some(name) = &municipality
        && !municipalities.contains(name)
    {
        return Err(MapRefused::UnknownMunicipality(name.clone()));
    }
    let chapter = given(&query.hoofdstuk);
    if let Some(digits) = &chapter
        && !(digits.len() == 2
            && digits.bytes().all(|b| b.is_ascii_digit())
            && Catalogue::get().has_prefix(digits))
    {
        return Err(MapRefused::UnknownChapter(digits.clone()));
    }
    // Unticked boxes send nothing, so the form's hidden `lagen` says the boxes were shown.
    let layers = match given(&query.lagen) {
        None => Layers::default(),
        Some(_) => Layers {
            firms: given(&query.bedrijven).is_some(),
            exchanges: given(&query.uitwisselingen).is_some(),
            rounds: given(&query.rondes).is_some(),
        },
    };
    Ok(MapChoice {
        municipality,
        material_text: given(&query.materiaal).unwrap_or_default(),
        chapter,
        layers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &str) -> MapQuery {
        serde_html_form::from_str(pairs).unwrap()
    }

    #[test]
    fn a_query_becomes_a_choice_that_gives_the_same_query_back() {
        let towns = vec!["Weert".to_string()];
        let asked = query("gemeente=+Weert+&materiaal=karton&hoofdstuk=15&lagen=1&rondes=1");
        let choice = choice_of(&asked, &towns).unwrap();
        assert_eq!(choice.municipality.as_deref(), Some("Weert"));
        assert_eq!(choice.chapter.as_deref(), Some("15"));
        let only_rounds = Layers {
            firms: false,
            exchanges: false,
            rounds: true,
        };
        assert_eq!(choice.layers, only_rounds);
        let again = serde_html_form::to_string(choice.pairs()).unwrap();
        assert_eq!(choice_of(&query(&again), &towns).unwrap(), choice);
        assert_eq!(choice_of(&query(""), &towns).unwrap(), MapChoice::default());
    }

    #[test]
    fn an_unknown_municipality_or_chapter_is_refused_by_name() {
        let towns = vec!["Weert".to_string()];
        assert_eq!(
            choice_of(&query("gemeente=Atlantis"), &towns),
            Err(MapRefused::UnknownMunicipality("Atlantis".into()))
        );
        assert_eq!(
            choice_of(&query("hoofdstuk=99"), &towns),
            Err(MapRefused::UnknownChapter("99".into()))
        );
    }
}
