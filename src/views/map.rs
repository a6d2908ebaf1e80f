//! A map of the region drawn on the server as SVG: no tile server, no JavaScript.
//!
//! The image is self-contained (its own styles), because it is shown through `<img>` or
//! `<input type="image" src="/firm/map.svg" name="map">`, where the page's stylesheet does not
//! reach. A click on such an input submits `map.x` and `map.y` in image pixels, and since the
//! `<svg>` sets `width` and `height` equal to its `viewBox`, those are the frame's pixels:
//! `MapFrame::unproject(x, y)` turns them back into a latitude and longitude (the handler
//! must rebuild the same frame, e.g. `MapFrame::region(640, 480)`).
//!
//! Drawing order, bottom to top: background, graticule, municipality centres, then the
//! caller's layers (lines, polylines, points), the municipality names (above the dots, so a
//! busy town keeps its name legible), the highlighted marker, then the scale bar.
//! Every text goes through maud, which escapes it.

mod style;
#[cfg(test)]
mod tests;

use maud::{Markup, html};

pub use crate::app::map::frame::{GeoBounds, KM_PER_DEGREE, MapFrame, ScaleBar};
pub use style::Tone;

use crate::domain::keyport::MUNICIPALITIES;

/// A dot: a firm, an offer, a receiver.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPoint {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Its colour.
    pub tone: Tone,
    /// Tooltip text; none when empty.
    pub title: String,
    /// Radius in pixels.
    pub radius: f64,
}

/// A straight line between two `(lat, lon)` points: an exchange.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLine {
    /// `(lat, lon)` of one end.
    pub from: (f64, f64),
    /// `(lat, lon)` of the other end.
    pub to: (f64, f64),
    /// Stroke width in pixels; see `line_width_for_tonnes`.
    pub width: f64,
    /// Its colour.
    pub tone: Tone,
    /// Tooltip text; none when empty.
    pub title: String,
}

/// A path through several `(lat, lon)` points: a collection round.
#[derive(Debug, Clone, PartialEq)]
pub struct MapPolyline {
    /// `(lat, lon)` of each stop, in order.
    pub points: Vec<(f64, f64)>,
    /// Stroke width in pixels.
    pub width: f64,
    /// Its colour.
    pub tone: Tone,
    /// Tooltip text; none when empty.
    pub title: String,
}

/// The one highlighted place: the firm's own location.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Tooltip text; none when empty.
    pub title: String,
}

/// What the caller draws over the base map, in the order it is drawn: lines, polylines,
/// points, then the marker on top.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapLayers {
    /// Straight lines, drawn first.
    pub lines: Vec<MapLine>,
    /// Paths, over the lines.
    pub polylines: Vec<MapPolyline>,
    /// Dots, over lines and paths.
    pub points: Vec<MapPoint>,
    /// The highlighted place, on top of everything.
    pub marker: Option<Marker>,
}

impl MapLayers {
    /// Adds a dot.
    pub fn point(mut self, lat: f64, lon: f64, tone: Tone, title: &str, radius: f64) -> Self {
        let title = title.to_string();
        self.points.push(MapPoint {
            lat,
            lon,
            tone,
            title,
            radius,
        });
        self
    }

    /// Adds a straight line.
    pub fn line(mut self, from: (f64, f64), to: (f64, f64), width: f64, tone: Tone) -> Self {
        let title = String::new();
        self.lines.push(MapLine {
            from,
            to,
            width,
            tone,
            title,
        });
        self
    }

    /// Adds a path through several points.
    pub fn polyline(mut self, points: Vec<(f64, f64)>, width: f64, tone: Tone) -> Self {
        let title = String::new();
        self.polylines.push(MapPolyline {
            points,
            width,
            tone,
            title,
        });
        self
    }

    /// Sets the highlighted marker.
    pub fn marker(mut self, lat: f64, lon: f64, title: &str) -> Self {
        let title = title.to_string();
        self.marker = Some(Marker { lat, lon, title });
        self
    }
}

/// A stroke width for an exchange of `tonnes` a year: growing with the square root, so a
/// 1,000 t flow stands out from a 10 t one without hiding everything around it (1–10 px).
pub fn line_width_for_tonnes(tonnes: f64) -> f64 {
    (1.0 + tonnes.max(0.0).sqrt() / 5.0).min(10.0)
}

/// The complete `<svg>` element: base map, the caller's layers and a scale bar. `aria_label`
/// names the image for screen readers and as its tooltip, in the page's language.
pub fn render_svg(frame: &MapFrame, layers: &MapLayers, aria_label: &str) -> Markup {
    let (width, height) = (frame.width(), frame.height());
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {width} {height}"))
            width=(width) height=(height) role="img" aria-label=(aria_label) {
            title { (aria_label) }
            // Only our own constant rules: no user text reaches the style sheet.
            style { (style::STYLE_SHEET.as_str()) }
            rect.background width=(width) height=(height) {}
            (graticule(frame))
            (municipalities(frame))
            (lines(frame, &layers.lines))
            (polylines(frame, &layers.polylines))
            (points(frame, &layers.points))
            (municipality_names(frame))
            @if let Some(marker) = &layers.marker { (marker_pin(frame, marker)) }
            (scale_bar(frame))
        }
    }
}

/// A coordinate with at most one decimal: enough for a pixel, and a small file.
fn num(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_string();
    }
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == rounded.trunc() {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

fn graticule(frame: &MapFrame) -> Markup {
    let (lats, lons) = frame.graticule();
    let (width, height) = (frame.width(), frame.height());
    html! {
        g.graticule {
            @for lat in lats {
                @let y = num(frame.project(lat, 0.0).1);
                line x1="0" y1=(y) x2=(width) y2=(y) {}
            }
            @for lon in lons {
                @let x = num(frame.project(0.0, lon).0);
                line x1=(x) y1="0" x2=(x) y2=(height) {}
            }
        }
    }
}

fn municipalities(frame: &MapFrame) -> Markup {
    html! {
        g.municipalities {
            @for &(_, lat, lon) in &MUNICIPALITIES {
                @let (x, y) = frame.project(lat, lon);
                rect x=(num(x - 3.0)) y=(num(y - 3.0)) width="6" height="6" {}
            }
        }
    }
}

fn municipality_names(frame: &MapFrame) -> Markup {
    html! {
        g.municipality-names {
            @for &(name, lat, lon) in &MUNICIPALITIES {
                @let (x, y) = frame.project(lat, lon);
                // Names sit right of the square; the frame's margin leaves room for them.
                text x=(num(x + 6.0)) y=(num(y + 4.0)) { (name) }
            }
        }
    }
}

fn lines(frame: &MapFrame, lines: &[MapLine]) -> Markup {
    html! {
        g.lines {
            @for segment in lines {
                @let (x1, y1) = frame.project(segment.from.0, segment.from.1);
                @let (x2, y2) = frame.project(segment.to.0, segment.to.1);
                line class=(segment.tone.class()) x1=(num(x1)) y1=(num(y1)) x2=(num(x2)) y2=(num(y2))
                    stroke-width=(num(segment.width)) {
                    @if !segment.title.is_empty() { title { (segment.title) } }
                }
            }
        }
    }
}

fn polylines(frame: &MapFrame, polylines: &[MapPolyline]) -> Markup {
    html! {
        g.polylines {
            @for round in polylines {
                @let path = round.points.iter().map(|&(lat, lon)| {
                    let (x, y) = frame.project(lat, lon);
                    format!("{},{}", num(x), num(y))
                }).collect::<Vec<_>>().join(" ");
                polyline class=(round.tone.class()) points=(path)
                    stroke-width=(num(round.width)) {
                    @if !round.title.is_empty() { title { (round.title) } }
                }
            }
        }
    }
}

fn points(frame: &MapFrame, points: &[MapPoint]) -> Markup {
    html! {
        g.points {
            // Points off the image would only make the file bigger.
            @for point in points.iter().filter(|p| frame.contains(p.lat, p.lon)) {
                @let (x, y) = frame.project(point.lat, point.lon);
                circle class=(point.tone.class()) cx=(num(x)) cy=(num(y)) r=(num(point.radius)) {
                    @if !point.title.is_empty() { title { (point.title) } }
                }
            }
        }
    }
}

/// A ring with a cross through it: unmistakable on any background, and its centre exact.
fn marker_pin(frame: &MapFrame, marker: &Marker) -> Markup {
    let (x, y) = frame.project(marker.lat, marker.lon);
    let arms = [
        (-15.0, 0.0, -4.0, 0.0),
        (4.0, 0.0, 15.0, 0.0),
        (0.0, -15.0, 0.0, -4.0),
        (0.0, 4.0, 0.0, 15.0),
    ];
    html! {
        g.marker {
            @if !marker.title.is_empty() { title { (marker.title) } }
            circle cx=(num(x)) cy=(num(y)) r="9" {}
            @for (dx1, dy1, dx2, dy2) in arms {
                line x1=(num(x + dx1)) y1=(num(y + dy1)) x2=(num(x + dx2)) y2=(num(y + dy2)) {}
            }
            circle.dot cx=(num(x)) cy=(num(y)) r="2" {}
        }
    }
}

fn scale_bar(frame: &MapFrame) -> Markup {
    let bar = frame.scale_bar();
    let (x1, x2, y) = (bar.x, bar.x + bar.length_px, bar.y);
    html! {
        g.scale {
            line x1=(num(x1)) y1=(num(y)) x2=(num(x2)) y2=(num(y)) {}
            line x1=(num(x1)) y1=(num(y - 4.0)) x2=(num(x1)) y2=(num(y + 4.0)) {}
            line x1=(num(x2)) y1=(num(y - 4.0)) x2=(num(x2)) y2=(num(y + 4.0)) {}
            text x=(num((x1 + x2) / 2.0)) y=(num(y - 6.0)) text-anchor="middle" { (bar.label()) }
        }
    }
}
