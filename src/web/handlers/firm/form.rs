//! The profile form's fields: what a submission asks for (save, search a sector, place the
//! point by a click on the map), the values read into a draft for
//! [`crate::app::firms::update_profile`], and a message per refused field in the reader's
//! language.

use std::collections::HashMap;

use serde::Deserialize;

use crate::app::firms::too_far_from_region;
use crate::app::firms::{MAX_KM_FROM_REGION, PointDraft, ProfileDraft, ProfileProblem};
use crate::domain::limits::{MAX_ADDRESS, MAX_EMPLOYEES, MAX_FIRM_NAME};
use crate::domain::{Firm, Language};
use crate::i18n::{Lang, number};
use crate::t;
use crate::views::accounts::FormState;
use crate::views::firm::{coordinate_text, map_frame};

/// A submitted profile form. The map is an image button: a click on it sends the point
/// clicked as `map.x` and `map.y`, in the map's pixels.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ProfileFields {
    name: Option<String>,
    address: Option<String>,
    municipality: Option<String>,
    lat: Option<String>,
    lon: Option<String>,
    nace: Option<String>,
    employees: Option<String>,
    language: Option<String>,
    country: Option<String>,
    /// The sector search's words, and the words whose hits the form shows.
    sector: Option<String>,
    sector_shown: Option<String>,
    /// A sector chosen from the search's hits.
    nace_choice: Option<String>,
    action: Option<String>,
    #[serde(rename = "map.x")]
    map_x: Option<String>,
    #[serde(rename = "map.y")]
    map_y: Option<String>,
}

/// What the user asked for with the submit button they used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Intent {
    /// Check and store the profile.
    Save,
    /// Show the sectors matching the words in the search box.
    SearchSector,
    /// Put the point where the map was clicked, in the map's pixels.
    PlaceOnMap { x: f64, y: f64 },
}

/// A field's trimmed text; empty when it was not sent.
fn text(field: &Option<String>) -> &str {
    field.as_deref().map_or("", str::trim)
}

impl ProfileFields {
    /// The intent of a submission; `None` for a map click whose coordinates are not numbers.
    pub fn intent(&self) -> Option<Intent> {
        if let (Some(x), Some(y)) = (&self.map_x, &self.map_y) {
            let x = x.trim().parse::<f64>().ok().filter(|v| v.is_finite())?;
            let y = y.trim().parse::<f64>().ok().filter(|v| v.is_finite())?;
            return Some(Intent::PlaceOnMap { x, y });
        }
        let sector = text(&self.sector);
        Some(match text(&self.action) {
            "search-sector" => Intent::SearchSector,
            // Enter pressed in a field: words typed into the sector search but not yet
            // searched are a search; anything else saves.
            "default" if !sector.is_empty() && sector != text(&self.sector_shown) => {
                Intent::SearchSector
            }
            _ => Intent::Save,
        })
    }

    /// A sector chosen from the search's hits becomes the code field's value, so every later
    /// view of the form (and the save) has it where the user can see and change it.
    pub fn take_sector_choice(&mut self) {
        if let Some(code) = self.nace_choice.take().filter(|c| !c.trim().is_empty()) {
            self.nace = Some(code.trim().to_string());
        }
    }

    /// The profile as the application checks it.
    pub fn draft(&self) -> ProfileDraft {
        let (lat, lon) = (text(&self.lat), text(&self.lon));
        let point = if lat.is_empty() && lon.is_empty() {
            PointDraft::Centre
        } else {
            PointDraft::Typed {
                lat: parse_coordinate(lat),
                lon: parse_coordinate(lon),
            }
        };
        ProfileDraft {
            name: text(&self.name).to_string(),
            address: text(&self.address).to_string(),
            municipality: text(&self.municipality).to_string(),
            nace: text(&self.nace).to_string(),
            employees: text(&self.employees).parse::<i64>().ok(),
            point,
            language: text(&self.language).to_string(),
            country: text(&self.country).to_string(),
        }
    }

    /// The form's values as submitted, without the buttons and the map click's pixels.
    pub fn typed(&self) -> FormState {
        let fields = [
            ("name", &self.name),
            ("address", &self.address),
            ("municipality", &self.municipality),
            ("lat", &self.lat),
            ("lon", &self.lon),
            ("nace", &self.nace),
            ("employees", &self.employees),
            ("language", &self.language),
            ("country", &self.country),
            ("sector", &self.sector),
            ("sector_shown", &self.sector_shown),
        ];
        let values: HashMap<String, String> = fields
            .into_iter()
            .filter_map(|(name, value)| Some((name.to_string(), value.clone()?)))
            .collect();
        FormState {
            values,
            ..FormState::default()
        }
    }

    /// The form again with the point where the map was clicked, not yet saved; a click far
    /// outside the region gets a message instead.
    pub fn placed_on_map(&self, lang: Lang, x: f64, y: f64) -> FormState {
        let mut form = self.typed();
        let (lat, lon) = map_frame().unproject(x, y);
        match too_far_from_region(lat, lon) {
            Some(km) => {
                form.errors.insert("point".into(), far_message(lang, km));
            }
            None => {
                form.values.insert("lat".into(), coordinate_text(lang, lat));
                form.values.insert("lon".into(), coordinate_text(lang, lon));
            }
        }
        form
    }

    /// The form again with a message next to every field the rules refused.
    pub fn refused(&self, lang: Lang, problems: &[ProfileProblem]) -> FormState {
        let mut form = self.typed();
        for &problem in problems {
            form.errors
                .insert(problem.field().to_string(), message(lang, problem));
        }
        form
    }
}

/// A coordinate as typed: `51,2517` or `51.2517`.
pub fn parse_coordinate(text: &str) -> Option<f64> {
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// The stored profile as the form's starting values.
pub fn stored_values(lang: Lang, firm: &Firm, language: Language) -> FormState {
    let values = [
        ("name", firm.name().to_string()),
        ("address", firm.address().to_string()),
        ("municipality", firm.municipality().to_string()),
        ("lat", coordinate_text(lang, firm.location().lat())),
        ("lon", coordinate_text(lang, firm.location().lon())),
        (
            "nace",
            firm.nace()
                .map_or(String::new(), |n| n.as_str().to_string()),
        ),
        ("employees", firm.employees().to_string()),
        ("language", language.code().to_string()),
        ("country", firm.country().to_string()),
    ];
    FormState {
        values: values
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        ..FormState::default()
    }
}

/// The message for a point `km` from the region, beyond its reach.
fn far_message(lang: Lang, km: f64) -> String {
    t!(
        lang,
        "firm-error-far",
        km = number(lang, km, 0),
        max = number(lang, MAX_KM_FROM_REGION, 0)
    )
}

/// What the reader is told about a refused field.
fn message(lang: Lang, problem: ProfileProblem) -> String {
    match problem {
        ProfileProblem::Name => t!(lang, "firm-error-name", max = MAX_FIRM_NAME),
        ProfileProblem::Address => t!(lang, "firm-error-address", max = MAX_ADDRESS),
        ProfileProblem::Municipality => t!(lang, "firm-error-municipality"),
        ProfileProblem::MunicipalityAbroad {
            municipality,
            lies_in,
            chosen,
        } => {
            crate::web::handlers::accounts::municipality_abroad(lang, municipality, lies_in, chosen)
        }
        ProfileProblem::Employees => t!(
            lang,
            "firm-error-employees",
            max = number(lang, MAX_EMPLOYEES as f64, 0)
        ),
        ProfileProblem::Lat => t!(lang, "firm-error-lat"),
        ProfileProblem::Lon => t!(lang, "firm-error-lon"),
        ProfileProblem::Nace => t!(lang, "firm-error-nace"),
        ProfileProblem::Language => t!(lang, "firm-error-language"),
        ProfileProblem::Country => t!(lang, "desc-error-country"),
        ProfileProblem::FarFromRegion { km } => far_message(lang, km),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> ProfileFields {
        let body = serde_html_form::to_string(pairs).unwrap();
        serde_html_form::from_str(&body).unwrap()
    }

    #[test]
    fn enter_in_the_search_box_searches_and_elsewhere_saves() {
        let fresh = fields(&[
            ("action", "default"),
            ("sector", "metaal"),
            ("sector_shown", "bakkerij"),
        ]);
        let searched = fields(&[
            ("action", "default"),
            ("sector", "bakkerij"),
            ("sector_shown", "bakkerij"),
        ]);
        let empty = fields(&[("action", "default"), ("sector", "")]);
        assert_eq!(fresh.intent(), Some(Intent::SearchSector));
        assert_eq!(searched.intent(), Some(Intent::Save));
        assert_eq!(empty.intent(), Some(Intent::Save));
        let click = fields(&[("action", "save"), ("map.x", "10"), ("map.y", "20")]);
        assert_eq!(
            click.intent(),
            Some(Intent::PlaceOnMap { x: 10.0, y: 20.0 })
        );
        let no_number = fields(&[("map.x", "tien"), ("map.y", "20")]);
        assert_eq!(no_number.intent(), None);
    }

    #[test]
    fn coordinates_read_with_either_decimal_separator_and_show_in_the_readers() {
        assert_eq!(parse_coordinate(" 51,2517 "), Some(51.2517));
        assert_eq!(parse_coordinate("5.7069"), Some(5.7069));
        assert_eq!(parse_coordinate("noord"), None);
        assert_eq!(parse_coordinate("NaN"), None);
        assert_eq!(coordinate_text(Lang::Dutch, 51.2517), "51,25170");
        assert_eq!(coordinate_text(Lang::English, 5.7069), "5.70690");
    }
}
