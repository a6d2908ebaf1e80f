//! The projection between latitude/longitude and the map's pixels.
//!
//! Equirectangular with the longitude scaled by the cosine of the frame's middle latitude: over
//! a region some 40 km across this keeps distances true to well under 1 % in every direction,
//! and it is trivially invertible, which the clickable map needs.

use std::f64::consts::PI;

use crate::domain::keyport::MUNICIPALITIES;

/// Kilometres per degree of latitude on the mean Earth sphere (radius 6371.0088 km, the one
/// `geo::Haversine` uses), so the scale bar agrees with the distances the matcher computes.
pub const KM_PER_DEGREE: f64 = 6371.0088 * PI / 180.0;

/// Margin around the municipality centres in the region frame: the towns' outskirts and the
/// firms on them stay on the map.
const REGION_MARGIN_KM: f64 = 6.0;
/// The smallest geographic span a frame shows (about 110 m), so a single point still gives a
/// usable frame instead of an infinite scale.
const MIN_SPAN_DEGREES: f64 = 0.001;
/// Scale bar lengths to choose from, in km.
const SCALE_BAR_KM: [f64; 11] = [0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0];
/// The scale bar takes at most this share of the width: 5 km on a whole-region map.
const SCALE_BAR_SHARE: f64 = 0.2;
/// Graticule spacings to choose from, in degrees, and the most lines one direction may have.
const GRATICULE_DEGREES: [f64; 8] = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0];
const GRATICULE_MAX_LINES: f64 = 8.0;

/// A rectangle of latitudes and longitudes, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoBounds {
    /// Smallest latitude.
    pub south: f64,
    /// Smallest longitude.
    pub west: f64,
    /// Largest latitude.
    pub north: f64,
    /// Largest longitude.
    pub east: f64,
}

impl GeoBounds {
    /// The smallest bounds holding every `(lat, lon)`; `None` when there are none.
    pub fn enclosing(points: impl IntoIterator<Item = (f64, f64)>) -> Option<GeoBounds> {
        points.into_iter().fold(None, |bounds, (lat, lon)| {
            let b = bounds.unwrap_or(GeoBounds {
                south: lat,
                west: lon,
                north: lat,
                east: lon,
            });
            Some(GeoBounds {
                south: b.south.min(lat),
                west: b.west.min(lon),
                north: b.north.max(lat),
                east: b.east.max(lon),
            })
        })
    }

    /// The bounds grown by `km` on every side.
    pub fn padded(self, km: f64) -> GeoBounds {
        let dlat = km / KM_PER_DEGREE;
        let mid = (self.south + self.north) / 2.0;
        let dlon = km / (KM_PER_DEGREE * cos_of(mid));
        GeoBounds {
            south: self.south - dlat,
            west: self.west - dlon,
            north: self.north + dlat,
            east: self.east + dlon,
        }
    }
}

/// The projection of one map image: `width` × `height` pixels showing at least the bounds it
/// was made for, centred, with the same scale across and down.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapFrame {
    width: u32,
    height: u32,
    /// Longitude of the left edge and latitude of the top edge.
    west: f64,
    north: f64,
    /// Pixels per degree of latitude; a degree of longitude is `cos_lat` times that.
    px_per_degree: f64,
    cos_lat: f64,
}

/// A scale bar: where it starts, how long it is and how many km that is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaleBar {
    /// The length the bar stands for.
    pub km: f64,
    /// Left end of the bar, in pixels.
    pub x: f64,
    /// Height of the bar's line, in pixels from the top.
    pub y: f64,
    /// The bar's length in pixels.
    pub length_px: f64,
}

impl ScaleBar {
    /// `5 km`, or `500 m` below a kilometre.
    pub fn label(&self) -> String {
        if self.km < 1.0 {
            format!("{} m", (self.km * 1000.0).round())
        } else {
            format!("{} km", self.km)
        }
    }
}

impl MapFrame {
    /// A frame of `width` × `height` pixels showing all of `bounds`, centred; the spare room
    /// along one axis shows more of the surroundings rather than distorting the map.
    pub fn fit(bounds: GeoBounds, width: u32, height: u32) -> MapFrame {
        let (width, height) = (width.max(1), height.max(1));
        let mid_lat = (bounds.south + bounds.north) / 2.0;
        let cos_lat = cos_of(mid_lat);
        let span_lat = (bounds.north - bounds.south).max(MIN_SPAN_DEGREES);
        let span_across = ((bounds.east - bounds.west) * cos_lat).max(MIN_SPAN_DEGREES);
        let px_per_degree = (width as f64 / span_across).min(height as f64 / span_lat);
        let centre_lon = (bounds.west + bounds.east) / 2.0;
        MapFrame {
            width,
            height,
            west: centre_lon - width as f64 / 2.0 / (px_per_degree * cos_lat),
            north: mid_lat + height as f64 / 2.0 / px_per_degree,
            px_per_degree,
            cos_lat,
        }
    }

    /// The whole Keyport region: every municipality centre with about 6 km to spare.
    pub fn region(width: u32, height: u32) -> MapFrame {
        let centres = MUNICIPALITIES.iter().map(|&(_, lat, lon)| (lat, lon));
        let bounds = GeoBounds::enclosing(centres).expect("the region has municipalities");
        MapFrame::fit(bounds.padded(REGION_MARGIN_KM), width, height)
    }

    /// At least `radius_km` around a point, e.g. to zoom to one municipality.
    pub fn around(lat: f64, lon: f64, radius_km: f64, width: u32, height: u32) -> MapFrame {
        let point = GeoBounds {
            south: lat,
            west: lon,
            north: lat,
            east: lon,
        };
        MapFrame::fit(point.padded(radius_km.max(0.1)), width, height)
    }

    /// Width of the image in pixels.
    pub fn width(&self) -> u32 {
        self.width
    }

    /// Height of the image in pixels.
    pub fn height(&self) -> u32 {
        self.height
    }

    /// The pixel `(x, y)` of a point; x grows to the east, y to the south.
    pub fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        let x = (lon - self.west) * self.px_per_degree * self.cos_lat;
        let y = (self.north - lat) * self.px_per_degree;
        (x, y)
    }

    /// The `(lat, lon)` at a pixel: the exact inverse of `project`, for a click on the map.
    pub fn unproject(&self, x: f64, y: f64) -> (f64, f64) {
        let lon = self.west + x / (self.px_per_degree * self.cos_lat);
        let lat = self.north - y / self.px_per_degree;
        (lat, lon)
    }

    /// Whether a point falls on the image.
    pub fn contains(&self, lat: f64, lon: f64) -> bool {
        let (x, y) = self.project(lat, lon);
        (0.0..=self.width as f64).contains(&x) && (0.0..=self.height as f64).contains(&y)
    }

    /// Everything the image shows.
    pub fn bounds(&self) -> GeoBounds {
        let (south, east) = self.unproject(self.width as f64, self.height as f64);
        GeoBounds {
            south,
            west: self.west,
            north: self.north,
            east,
        }
    }

    /// Pixels per kilometre, the same across and down.
    pub fn px_per_km(&self) -> f64 {
        self.px_per_degree / KM_PER_DEGREE
    }

    /// The longest round length that fits a fifth of the width, in the bottom-left corner.
    pub fn scale_bar(&self) -> ScaleBar {
        let room = self.width as f64 * SCALE_BAR_SHARE;
        let km = SCALE_BAR_KM
            .iter()
            .rev()
            .copied()
            .find(|km| km * self.px_per_km() <= room)
            .unwrap_or(SCALE_BAR_KM[0]);
        ScaleBar {
            km,
            x: 12.0,
            y: self.height as f64 - 14.0,
            length_px: km * self.px_per_km(),
        }
    }

    /// The latitudes and longitudes of the graticule's lines: round values, a handful each way.
    pub fn graticule(&self) -> (Vec<f64>, Vec<f64>) {
        let b = self.bounds();
        (
            lines_between(b.south, b.north),
            lines_between(b.west, b.east),
        )
    }
}

/// Round multiples of the first spacing that gives at most a handful of lines.
fn lines_between(from: f64, to: f64) -> Vec<f64> {
    let step = GRATICULE_DEGREES
        .iter()
        .copied()
        .find(|step| (to - from) / step <= GRATICULE_MAX_LINES)
        .unwrap_or(GRATICULE_DEGREES[GRATICULE_DEGREES.len() - 1]);
    let (first, last) = ((from / step).ceil() as i64, (to / step).floor() as i64);
    (first..=last).map(|k| k as f64 * step).collect()
}

/// The cosine of a latitude, kept away from zero so a frame near a pole stays finite.
fn cos_of(lat: f64) -> f64 {
    lat.to_radians().cos().max(0.01)
}
