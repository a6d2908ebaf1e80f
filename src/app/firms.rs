//! A firm's own profile: the rules a change must meet (a known municipality, a sensible
//! number of employees, a point inside the region…) and the change itself, stored with the
//! user's language in one transaction. The firm is always the session's own.

use geo::{Distance, Haversine, Point};

use super::App;
use crate::app::accounts::chosen_country;
use crate::domain::cross_border::Country;
use crate::domain::keyport::MUNICIPALITIES;
use crate::domain::limits::MAX_EMPLOYEES;
use crate::domain::places;
use crate::domain::{Firm, FirmDraft, Language, NaceCode};
use crate::storage::{self, StorageError};

/// Farthest a firm's point may lie from the nearest municipality centre of the region, in km.
pub const MAX_KM_FROM_REGION: f64 = 30.0;

/// True when a firm may say it has `employees` people: at least one, at most the domain's
/// bound ([`MAX_EMPLOYEES`]). Registration and the profile both ask this.
pub fn employees_allowed(employees: i64) -> bool {
    (1..=MAX_EMPLOYEES).contains(&employees)
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

/// The distance to the region, in km, of a point too far from every municipality of it.
pub fn too_far_from_region(lat: f64, lon: f64) -> Option<f64> {
    let km = km_from_region(lat, lon);
    (km > MAX_KM_FROM_REGION).then_some(km)
}

/// Where the firm's point is, as the form gave it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PointDraft {
    /// Both coordinates left empty: the municipality's centre.
    Centre,
    /// Coordinates typed (or clicked); `None` where one is not a number.
    Typed { lat: Option<f64>, lon: Option<f64> },
}

/// A profile as the form gives it, numbers read, not yet checked.
#[derive(Debug, Clone)]
pub struct ProfileDraft {
    pub name: String,
    pub address: String,
    pub municipality: String,
    /// A NACE code, or empty for none.
    pub nace: String,
    /// `None` when not a whole number.
    pub employees: Option<i64>,
    pub point: PointDraft,
    /// The user's language code (`nl`, `en`).
    pub language: String,
    /// `NL`, `BE` or `DE`; empty = NL.
    pub country: String,
}

/// A rule a profile breaks, by field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ProfileProblem {
    Name,
    Address,
    Municipality,
    /// The municipality lies in another country than the one chosen.
    MunicipalityAbroad {
        municipality: &'static str,
        lies_in: Country,
        chosen: Country,
    },
    Employees,
    Nace,
    Language,
    /// Not a country of the border region.
    Country,
    Lat,
    Lon,
    /// The point lies this many km from the region, beyond [`MAX_KM_FROM_REGION`].
    FarFromRegion {
        km: f64,
    },
}

impl ProfileProblem {
    /// The form field the problem belongs to.
    pub fn field(self) -> &'static str {
        match self {
            ProfileProblem::Name => "name",
            ProfileProblem::Address => "address",
            ProfileProblem::Municipality | ProfileProblem::MunicipalityAbroad { .. } => {
                "municipality"
            }
            ProfileProblem::Employees => "employees",
            ProfileProblem::Nace => "nace",
            ProfileProblem::Language => "language",
            ProfileProblem::Country => "country",
            ProfileProblem::Lat => "lat",
            ProfileProblem::Lon => "lon",
            ProfileProblem::FarFromRegion { .. } => "point",
        }
    }
}

/// Why a profile was not changed.
#[derive(Debug, thiserror::Error)]
pub enum FirmError {
    /// The profile breaks these rules.
    #[error("the profile breaks {} rule(s)", .0.len())]
    Refused(Vec<ProfileProblem>),
    /// The user's firm is not there (or the user is not one of its users).
    #[error("no such firm")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// A profile that meets every rule: the firm (its id unchanged) and the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub firm: Firm,
    pub language: Language,
}

/// The firm with database id `company_id`, as stored.
pub async fn own_firm(app: &App, company_id: i64) -> Result<Firm, FirmError> {
    storage::firm_profile::firm(&app.db, company_id)
        .await?
        .ok_or(FirmError::NotFound)
}

/// Changes the profile of the firm `company_id` and the language of its user `user_id`: the
/// stored profile is read, checked against and replaced in one write transaction. The
/// matcher looks again, as distances to every other firm changed.
pub async fn update_profile(
    app: &App,
    company_id: i64,
    user_id: i64,
    draft: &ProfileDraft,
) -> Result<Profile, FirmError> {
    let txn = storage::write_transaction(&app.db).await?;
    let stored = storage::firm_profile::firm(&txn, company_id)
        .await?
        .ok_or(FirmError::NotFound)?;
    let profile = check_profile(draft, &stored).map_err(FirmError::Refused)?;
    let (firm, language) = (&profile.firm, profile.language);
    let changed =
        storage::firm_profile::update_profile(&txn, company_id, user_id, firm, language).await?;
    if !changed {
        // Dropped uncommitted: nothing changes.
        return Err(FirmError::NotFound);
    }
    txn.commit().await.map_err(StorageError::from)?;
    app.snapshot.invalidate().await;
    Ok(profile)
}

/// The profile `draft` describes for the firm `stored` (whose id it keeps), or every rule it
/// breaks.
pub fn check_profile(draft: &ProfileDraft, stored: &Firm) -> Result<Profile, Vec<ProfileProblem>> {
    let mut problems = Vec::new();
    let municipality = draft.municipality.trim();
    let place = places::find(municipality);
    let centre = required(
        place.map(|p| (p.lat, p.lon)),
        ProfileProblem::Municipality,
        &mut problems,
    );
    if let (Some(place), Some(chosen)) = (place, chosen_country(&draft.country))
        && place.country != chosen
    {
        problems.push(ProfileProblem::MunicipalityAbroad {
            municipality: &place.name,
            lies_in: place.country,
            chosen,
        });
    }
    let employees = draft.employees.filter(|&n| employees_allowed(n));
    let employees = required(employees, ProfileProblem::Employees, &mut problems);
    let nace = required(
        nace_of(draft.nace.trim()),
        ProfileProblem::Nace,
        &mut problems,
    );
    let language = Language::parse(&draft.language);
    let language = required(language, ProfileProblem::Language, &mut problems);
    let point = point_of(draft.point, stored, centre, &mut problems);
    let firm = Firm::parse(FirmDraft {
        id: stored.id().to_string(),
        name: draft.name.trim().to_string(),
        nace: nace.flatten(),
        employees: employees.unwrap_or(1),
        address: Some(draft.address.trim().to_string()),
        municipality: municipality.to_string(),
        lat: point.map_or(0.0, |p| p.0),
        lon: point.map_or(0.0, |p| p.1),
        country: Some(draft.country.clone()),
    });
    if let Err(found) = &firm {
        // Fields checked above already carry their own problem.
        for problem in &found.0 {
            match problem.field.as_str() {
                "name" => problems.push(ProfileProblem::Name),
                "address" => problems.push(ProfileProblem::Address),
                "country" => problems.push(ProfileProblem::Country),
                _ => {}
            }
        }
    }
    match (firm, language) {
        (Ok(firm), Some(language)) if problems.is_empty() && point.is_some() => {
            Ok(Profile { firm, language })
        }
        _ => Err(problems),
    }
}

/// `value`, or `problem` noted when there is none.
fn required<T>(
    value: Option<T>,
    problem: ProfileProblem,
    problems: &mut Vec<ProfileProblem>,
) -> Option<T> {
    if value.is_none() {
        problems.push(problem);
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

/// The point the profile gives: both coordinates typed, or the municipality's centre.
fn point_of(
    draft: PointDraft,
    stored: &Firm,
    centre: Option<(f64, f64)>,
    problems: &mut Vec<ProfileProblem>,
) -> Option<(f64, f64)> {
    let PointDraft::Typed { lat, lon } = draft else {
        return centre;
    };
    let lat = lat.filter(|v| (-90.0..=90.0).contains(v));
    let lon = lon.filter(|v| (-180.0..=180.0).contains(v));
    for (value, problem) in [(lat, ProfileProblem::Lat), (lon, ProfileProblem::Lon)] {
        if value.is_none() {
            problems.push(problem);
        }
    }
    let (lat, lon) = (lat?, lon?);
    if let Some(km) = too_far_from_region(lat, lon) {
        problems.push(ProfileProblem::FarFromRegion { km });
        return None;
    }
    // A firm that never set its own point sits at its municipality's centre; when it moves
    // to another municipality, the point follows instead of staying in the old town.
    let old = (stored.location().lat(), stored.location().lon());
    let unchanged = same_point((lat, lon), old);
    let at_old_centre =
        places::find(stored.municipality()).is_some_and(|c| same_point((c.lat, c.lon), old));
    match centre {
        Some(new) if unchanged && at_old_centre => Some(new),
        _ => Some((lat, lon)),
    }
}

/// Equal to the form's precision of five decimals.
fn same_point(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 5e-6 && (a.1 - b.1).abs() < 5e-6
}

#[cfg(test)]
mod tests;
