//! The Keyport region's municipalities with the centre of their main town: the starting
//! location of a newly registered firm until it sets its own point.

/// `(municipality, latitude, longitude)`, west to east.
pub const MUNICIPALITIES: [(&str, f64, f64); 7] = [
    ("Cranendonck", 51.2733, 5.5742),
    ("Weert", 51.2517, 5.7069),
    ("Nederweert", 51.2858, 5.7486),
    ("Leudal", 51.2500, 5.8997),
    ("Maasgouw", 51.1500, 5.8917),
    ("Roermond", 51.1942, 5.9870),
    ("Roerdalen", 51.1417, 6.0000),
];

/// The centre of a municipality of the region.
pub fn centre(municipality: &str) -> Option<(f64, f64)> {
    MUNICIPALITIES
        .iter()
        .find(|(name, _, _)| *name == municipality)
        .map(|&(_, lat, lon)| (lat, lon))
}
