//! The profile form's fields: what a submission asks for (save, search a sector, place the
//! point by a click on the map), the values read into a validated [`Firm`], and a message per
//! refused field in the reader's language.

use std::collections::HashMap;

use geo::{Distance, Haversine, Point};

use crate::domain::keyport::{self, MUNICIPALITIES};
use crate::domain::limits::{MAX_ADDRESS, MAX_EMPLOYEES, MAX_FIRM_NAME};
use crate::domain::{Firm, FirmDraft, Language, NaceCode};
use crate::i18n::{Lang, number};
use crate::t;
use crate::views::accounts::FormState;
use crate::views::firm::{coordinate_text, map_frame};

/// A submitted form's fields by name.
pub type Fields = HashMap<String, String>;

/// Farthest a firm's point may lie from the nearest municipality centre of the region, in km.
pub const MAX_KM_FROM_REGION: f64 = 30.0;

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

/// The intent of a submission; `None` for a map click whose coordinates are not numbers.
pub fn intent(fields: &Fields) -> Option<Intent> {
    if let (Some(x), Some(y)) = (fields.get("map.x"), fields.get("map.y")) {
        let x = x.trim().parse::<f64>().ok().filter(|v| v.is_finite())?;
        let y = y.trim().parse::<f64>().ok().filter(|v| v.is_finite())?;
        return Some(Intent::PlaceOnMap { x, y });
    }
    let text = |name: &str| fields.get(name).map_or("", |v| v.trim());
    Some(match text("action") {
        "search-sector" => Intent::SearchSector,
        // Enter pressed in a field: words typed into the sector search but not yet searched
        // are a search; anything else saves.
        "default" if !text("sector").is_empty() && text("sector") != text("sector_shown") => {
            Intent::SearchSector
        }
        _ => Intent::Save,
    })
}

/// A sector chosen from the search's hits becomes the code field's value, so every later
/// view of the form (and the save) has it where the user can see and change it.
pub fn take_sector_choice(fields: &mut Fields) {
    if let Some(code) = fields
        .remove("nace_choice")
        .filter(|c| !c.trim().is_empty())
    {
        fields.insert("nace".into(), code.trim().to_string());
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

/// Kilometres from a point to the nearest municipality centre of the region.
pub fn km_from_region(lat: f64, lon: f64) -> f64 {
    MUNICIPALITIES
        .iter()
        .map(|&(_, c_lat, c_lon)| {
            Haversine.distance(Point::new(lon, lat), Point::new(c_lon, c_lat))
        })
        .fold(f64::INFINITY, f64::min)
        / 1000.0
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
    ];
    FormState {
        values: values
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        ..FormState::default()
    }
}

/// The form again with the point where the map was clicked, not yet saved; a click far
/// outside the region gets a message instead.
pub fn placed_on_map(lang: Lang, fields: &Fields, x: f64, y: f64) -> FormState {
    let mut form = typed(fields);
    let (lat, lon) = map_frame().unproject(x, y);
    match far_from_region(lang, lat, lon) {
        Some(message) => {
            form.errors.insert("point".into(), message);
        }
        None => {
            form.values.insert("lat".into(), coordinate_text(lang, lat));
            form.values.insert("lon".into(), coordinate_text(lang, lon));
        }
    }
    form
}

/// The form's values as submitted, without the map click's pixels.
pub fn typed(fields: &Fields) -> FormState {
    let mut values = fields.clone();
    values.retain(|key, _| !key.starts_with("map.") && key != "csrf" && key != "action");
    FormState {
        values,
        ..FormState::default()
    }
}

/// A validated profile: the firm (with its id unchanged) and the user's language.
pub struct Profile {
    pub firm: Firm,
    pub language: Language,
}

/// The profile the form describes, or the form again with a message next to every refused
/// field. `stored` is the firm as it is now: its id stays, and its point moves along with a
/// changed municipality when it never left the old municipality's centre.
pub fn profile_of(lang: Lang, fields: &Fields, stored: &Firm) -> Result<Profile, FormState> {
    let mut form = typed(fields);
    let text = |name: &str| fields.get(name).map_or("", |v| v.trim());
    let centre = keyport::centre(text("municipality"));
    let centre = checked(lang, &mut form, "municipality", centre);
    let employees = text("employees").parse::<i64>().ok();
    let employees = employees.filter(|n| (1..=MAX_EMPLOYEES).contains(n));
    let employees = checked(lang, &mut form, "employees", employees);
    let nace = checked(lang, &mut form, "nace", nace_of(text("nace")));
    let language = Language::parse(text("language"));
    let language = checked(lang, &mut form, "language", language);
    let point = point_of(lang, fields, stored, centre, &mut form);
    let firm = Firm::parse(FirmDraft {
        id: stored.id().to_string(),
        name: text("name").to_string(),
        nace: nace.flatten(),
        employees: employees.unwrap_or(1),
        address: Some(text("address").to_string()),
        municipality: text("municipality").to_string(),
        lat: point.map_or(0.0, |p| p.0),
        lon: point.map_or(0.0, |p| p.1),
    });
    if let Err(problems) = &firm {
        for problem in &problems.0 {
            // Fields checked above already carry their own message.
            if matches!(problem.field.as_str(), "name" | "address") {
                form.errors
                    .insert(problem.field.clone(), message(lang, &problem.field));
            }
        }
    }
    match (firm, language) {
        (Ok(firm), Some(language)) if form.errors.is_empty() && point.is_some() => {
            Ok(Profile { firm, language })
        }
        _ => Err(form),
    }
}

/// `value`, or a message at `field` when there is none.
fn checked<T>(lang: Lang, form: &mut FormState, field: &str, value: Option<T>) -> Option<T> {
    if value.is_none() {
        form.errors.insert(field.to_string(), message(lang, field));
    }
    value
}

/// The code field: `Some(None)` when left empty, `None` when it is not a NACE code.
fn nace_of(text: &str) -> Option<Option<String>> {
    match text {
        "" => Some(None),
        code => NaceCode::parse(code)
            .ok()
            .map(|code| Some(code.as_str().to_string())),
    }
}

/// The point the form gives: both coordinates typed, or both left empty for the
/// municipality's centre. Refusals go into `form`.
fn point_of(
    lang: Lang,
    fields: &Fields,
    stored: &Firm,
    centre: Option<(f64, f64)>,
    form: &mut FormState,
) -> Option<(f64, f64)> {
    let text = |name: &str| fields.get(name).map_or("", |v| v.trim());
    if text("lat").is_empty() && text("lon").is_empty() {
        return centre;
    }
    let lat = parse_coordinate(text("lat")).filter(|v| (-90.0..=90.0).contains(v));
    let lon = parse_coordinate(text("lon")).filter(|v| (-180.0..=180.0).contains(v));
    for (field, value) in [("lat", lat), ("lon", lon)] {
        if value.is_none() {
            form.errors.insert(field.into(), message(lang, field));
        }
    }
    let (lat, lon) = (lat?, lon?);
    if let Some(message) = far_from_region(lang, lat, lon) {
        form.errors.insert("point".into(), message);
        return None;
    }
    // A firm that never set its own point sits at its municipality's centre; when it moves
    // to another municipality, the point follows instead of staying in the old town.
    let old = (stored.location().lat(), stored.location().lon());
    let unchanged = same_point((lat, lon), old);
    let at_old_centre = keyport::centre(stored.municipality()).is_some_and(|c| same_point(c, old));
    match centre {
        Some(new) if unchanged && at_old_centre => Some(new),
        _ => Some((lat, lon)),
    }
}

/// Equal to the form's precision of five decimals.
fn same_point(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 5e-6 && (a.1 - b.1).abs() < 5e-6
}

/// The message for a point too far from every municipality of the region, if it is.
fn far_from_region(lang: Lang, lat: f64, lon: f64) -> Option<String> {
    let km = km_from_region(lat, lon);
    (km > MAX_KM_FROM_REGION).then(|| {
        t!(
            lang,
            "firm-error-far",
            km = number(lang, km, 0),
            max = number(lang, MAX_KM_FROM_REGION, 0)
        )
    })
}

/// What the reader is told about a refused field.
fn message(lang: Lang, field: &str) -> String {
    match field {
        "name" => t!(lang, "firm-error-name", max = MAX_FIRM_NAME),
        "address" => t!(lang, "firm-error-address", max = MAX_ADDRESS),
        "municipality" => t!(lang, "firm-error-municipality"),
        "employees" => t!(
            lang,
            "firm-error-employees",
            max = number(lang, MAX_EMPLOYEES as f64, 0)
        ),
        "lat" => t!(lang, "firm-error-lat"),
        "lon" => t!(lang, "firm-error-lon"),
        "nace" => t!(lang, "firm-error-nace"),
        "language" => t!(lang, "firm-error-language"),
        _ => t!(lang, "firm-error-field"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
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
        assert_eq!(intent(&fresh), Some(Intent::SearchSector));
        assert_eq!(intent(&searched), Some(Intent::Save));
        assert_eq!(intent(&empty), Some(Intent::Save));
        assert_eq!(
            intent(&fields(&[
                ("action", "save"),
                ("map.x", "10"),
                ("map.y", "20")
            ])),
            Some(Intent::PlaceOnMap { x: 10.0, y: 20.0 })
        );
        assert_eq!(intent(&fields(&[("map.x", "tien"), ("map.y", "20")])), None);
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

    #[test]
    fn the_region_reaches_thirty_km_beyond_its_municipality_centres() {
        assert!(km_from_region(51.2517, 5.7069) < 0.001);
        // Eindhoven is some 25 km west of Cranendonck's centre; Amsterdam is far away.
        assert!(km_from_region(51.4416, 5.4697) < MAX_KM_FROM_REGION);
        assert!(km_from_region(52.3676, 4.9041) > MAX_KM_FROM_REGION);
    }
}
