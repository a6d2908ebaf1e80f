//! Where a firm may register: Keyport's own municipalities ([`super::keyport`], the
//! Netherlands) and those just across the border in Belgium and Germany
//! (`fixtures/border-municipalities.csv`, approximate town centres), each with its country
//! and the point a new firm starts at.

use std::sync::LazyLock;

use super::cross_border::Country;
use super::keyport::MUNICIPALITIES;

/// A municipality a firm may sit in.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    pub country: Country,
    /// The centre of its main town.
    pub lat: f64,
    pub lon: f64,
}

const BORDER_CSV: &str = include_str!("../../fixtures/border-municipalities.csv");

static PLACES: LazyLock<Vec<Place>> = LazyLock::new(|| {
    let keyport = MUNICIPALITIES.iter().map(|&(name, lat, lon)| Place {
        name: name.to_string(),
        country: Country::NL,
        lat,
        lon,
    });
    keyport.chain(border_places(BORDER_CSV)).collect()
});

/// The rows of the border file; a malformed row is a bug in a shipped file, so it panics
/// (the tests read every row).
fn border_places(csv: &str) -> impl Iterator<Item = Place> + '_ {
    (csv.lines())
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            let [country, name, _district, lat, lon] = cells[..] else {
                panic!("border municipality row with {} cells: {line}", cells.len());
            };
            Place {
                name: name.to_string(),
                country: Country::parse(country).expect("a country of the region"),
                lat: lat.parse().expect("a latitude"),
                lon: lon.parse().expect("a longitude"),
            }
        })
}

/// Every municipality a firm may sit in: Keyport's (west to east), then Belgium's and
/// Germany's by name.
pub fn all() -> &'static [Place] {
    &PLACES
}

/// The municipality called `name` (exactly as listed).
pub fn find(name: &str) -> Option<&'static Place> {
    PLACES.iter().find(|place| place.name == name)
}

/// The municipalities of one country, in the order of [`all`].
pub fn of_country(country: Country) -> impl Iterator<Item = &'static Place> {
    PLACES.iter().filter(move |place| place.country == country)
}

/// Where a firm of `country` in `municipality` starts: the town's centre, or why not.
pub fn locate(municipality: &str, country: Country) -> Result<&'static Place, PlaceProblem> {
    let place = find(municipality).ok_or(PlaceProblem::Unknown)?;
    if place.country == country {
        Ok(place)
    } else {
        Err(PlaceProblem::OtherCountry {
            lies_in: place.country,
        })
    }
}

/// Why a municipality cannot be a firm's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceProblem {
    /// Not a municipality of the region or just across its border.
    Unknown,
    /// It lies in another country than the one chosen.
    OtherCountry { lies_in: Country },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_border_file_lists_belgian_and_german_towns_near_keyport() {
        assert_eq!(of_country(Country::NL).count(), MUNICIPALITIES.len());
        assert_eq!(of_country(Country::BE).count(), 11);
        assert_eq!(of_country(Country::DE).count(), 12);
        let bocholt = find("Bocholt").unwrap();
        assert_eq!(
            (bocholt.country, bocholt.lat, bocholt.lon),
            (Country::BE, 51.1717, 5.5789)
        );
        assert_eq!(find("Übach-Palenberg").unwrap().country, Country::DE);
        for place in all() {
            // Within about 30 km of Keyport: 50.9–51.3 N, 5.3–6.35 E.
            assert!((50.9..51.3).contains(&place.lat), "{place:?}");
            assert!((5.3..6.35).contains(&place.lon), "{place:?}");
        }
    }

    #[test]
    fn a_town_must_lie_in_the_chosen_country() {
        assert_eq!(locate("Weert", Country::NL).unwrap().name, "Weert");
        assert_eq!(
            locate("Heinsberg", Country::NL),
            Err(PlaceProblem::OtherCountry {
                lies_in: Country::DE
            })
        );
        assert_eq!(locate("Utrecht", Country::NL), Err(PlaceProblem::Unknown));
    }
}
