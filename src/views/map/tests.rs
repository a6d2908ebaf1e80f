//! The projection's geometry and the SVG's content.
use geo::{Distance, Haversine, Point};

use super::*;

fn region() -> MapFrame {
    MapFrame::region(640, 480)
}

/// Points spread over the region and a little beyond it.
fn sample_points() -> Vec<(f64, f64)> {
    let mut points = Vec::new();
    for i in 0..=10 {
        for j in 0..=10 {
            points.push((51.05 + 0.03 * i as f64, 5.45 + 0.065 * j as f64));
        }
    }
    points
}

#[test]
fn unproject_inverts_project_across_the_region() {
    for frame in [region(), MapFrame::around(51.25, 5.7, 4.0, 300, 500)] {
        for (lat, lon) in sample_points() {
            let (x, y) = frame.project(lat, lon);
            let (back_lat, back_lon) = frame.unproject(x, y);
            assert!((back_lat - lat).abs() < 1e-9, "{lat} → {back_lat}");
            assert!((back_lon - lon).abs() < 1e-9, "{lon} → {back_lon}");
        }
    }
}

#[test]
fn every_municipality_centre_lies_inside_the_region_frame() {
    let frame = region();
    for &(name, lat, lon) in &MUNICIPALITIES {
        assert!(frame.contains(lat, lon), "{name}");
        let (x, y) = frame.project(lat, lon);
        // The 6 km margin keeps each centre well away from the edges (at least 60 px here).
        assert!(
            x > 60.0 && x < 580.0 && y > 60.0 && y < 420.0,
            "{name}: {x}, {y}"
        );
    }
}

#[test]
fn west_is_left_and_north_is_up() {
    let frame = region();
    let (weert_x, _) = frame.project(51.2517, 5.7069);
    let (roermond_x, _) = frame.project(51.1942, 5.9870);
    assert!(weert_x < roermond_x);
    let (_, nederweert_y) = frame.project(51.2858, 5.7486);
    let (_, maasgouw_y) = frame.project(51.1500, 5.8917);
    assert!(nederweert_y < maasgouw_y);
}

#[test]
fn the_content_is_centred_and_the_aspect_ratio_kept() {
    // A tall image of a wide region: the spare height is shared above and below.
    let frame = MapFrame::region(400, 800);
    let bounds = GeoBounds::enclosing(MUNICIPALITIES.iter().map(|&(_, lat, lon)| (lat, lon)))
        .expect("municipalities");
    let (_, top) = frame.project(bounds.north, bounds.west);
    let (_, bottom) = frame.project(bounds.south, bounds.west);
    assert!((top - (800.0 - bottom)).abs() < 1e-6, "{top} vs {bottom}");
    // A kilometre east is as long on the image as a kilometre north.
    let (x0, y0) = frame.project(51.2, 5.8);
    let (x1, _) = frame.project(
        51.2,
        5.8 + 1.0 / (KM_PER_DEGREE * 51.2_f64.to_radians().cos()),
    );
    let (_, y1) = frame.project(51.2 + 1.0 / KM_PER_DEGREE, 5.8);
    assert!(((x1 - x0) / (y0 - y1) - 1.0).abs() < 0.01);
}

#[test]
fn the_scale_bar_is_five_km_long_within_one_percent() {
    let frame = region();
    let bar = frame.scale_bar();
    assert_eq!(bar.km, 5.0);
    assert_eq!(bar.label(), "5 km");
    let (lat1, lon1) = frame.unproject(bar.x, bar.y);
    let (lat2, lon2) = frame.unproject(bar.x + bar.length_px, bar.y);
    let metres = Haversine.distance(Point::new(lon1, lat1), Point::new(lon2, lat2));
    assert!((metres / 5000.0 - 1.0).abs() < 0.01, "{metres} m");
}

#[test]
fn a_zoomed_frame_shows_its_radius_and_a_shorter_scale_bar() {
    let frame = MapFrame::around(51.1942, 5.9870, 3.0, 400, 400);
    let north = frame.unproject(200.0, 0.0);
    let metres = Haversine.distance(Point::new(5.9870, 51.1942), Point::new(north.1, north.0));
    assert!((metres / 3000.0 - 1.0).abs() < 0.01, "{metres} m");
    assert!(frame.scale_bar().km < 5.0);
}

#[test]
fn a_single_point_still_gives_a_finite_frame() {
    let bounds = GeoBounds::enclosing([(51.2, 5.8)]).expect("one point");
    let frame = MapFrame::fit(bounds, 100, 100);
    let (x, y) = frame.project(51.2, 5.8);
    assert!((x - 50.0).abs() < 1e-9 && (y - 50.0).abs() < 1e-9);
}

fn svg(layers: &MapLayers) -> String {
    render_svg(&region(), layers, "Kaart van de regio").into_string()
}

#[test]
fn the_svg_names_every_municipality_and_carries_its_label() {
    let out = svg(&MapLayers::default());
    assert!(out.starts_with("<svg"), "{}", &out[..40]);
    assert!(out.ends_with("</svg>"));
    for &(name, _, _) in &MUNICIPALITIES {
        assert!(out.contains(&format!(">{name}</text>")), "{name}");
    }
    assert!(out.contains(r#"role="img""#));
    assert!(out.contains(r#"aria-label="Kaart van de regio""#));
    assert!(out.contains(r#"viewBox="0 0 640 480""#));
    assert!(out.contains(">5 km</text>"));
}

#[test]
fn titles_are_escaped_as_text() {
    let layers = MapLayers::default()
        .point(
            51.25,
            5.7,
            Tone::Sector('C'),
            "<script>alert(1)</script>",
            5.0,
        )
        .marker(51.2, 5.8, "Bakkerij \"De Gouden Korst\" & zn");
    let out = render_svg(&region(), &layers, "<b>label</b>").into_string();
    assert!(!out.contains("<script>"));
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(out.contains("Bakkerij &quot;De Gouden Korst&quot; &amp; zn"));
    assert!(!out.contains("<b>"));
}

#[test]
fn layers_are_drawn_in_order_with_their_classes() {
    let layers = MapLayers::default()
        .point(51.25, 5.7, Tone::Sector('e'), "Recycler", 5.0)
        .line(
            (51.25, 5.7),
            (51.19, 5.98),
            line_width_for_tonnes(100.0),
            Tone::Exchange,
        )
        .polyline(
            vec![(51.25, 5.7), (51.28, 5.75), (51.19, 5.98)],
            2.0,
            Tone::Pool,
        )
        .marker(51.2, 5.8, "Wij");
    let out = svg(&layers);
    let at = |needle: &str| {
        out.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing"))
    };
    assert!(at(r#"<line class="exchange""#) < at(r#"<polyline class="pool""#));
    assert!(at(r#"<polyline class="pool""#) < at(r#"<circle class="sector-e""#));
    assert!(at(r#"<circle class="sector-e""#) < at(r#"<g class="marker""#));
    assert!(out.contains(r#"stroke-width="3""#));
    assert!(out.contains(".sector-e{fill:#1b7837;stroke:#1b7837}"));
}

#[test]
fn numbers_have_at_most_one_decimal() {
    assert_eq!(num(12.34), "12.3");
    assert_eq!(num(12.96), "13");
    assert_eq!(num(-0.04), "0");
    assert_eq!(num(f64::NAN), "0");
    let out = svg(&MapLayers::default().point(51.2345678, 5.7654321, Tone::Firm, "", 4.0));
    // The style sheet's own constants (`0.75`) are not coordinates.
    let drawing = &out[out.find("</style>").expect("a style sheet")..];
    let long_decimal = drawing
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|token| token.matches('.').count() == 1 && !token.ends_with('.'))
        .any(|token| token.split('.').nth(1).is_some_and(|d| d.len() > 1));
    assert!(!long_decimal, "a coordinate with more than one decimal");
}

#[test]
fn the_svg_is_well_formed() {
    let layers = MapLayers::default()
        .point(51.25, 5.7, Tone::Offer, "a < b", 5.0)
        .marker(51.2, 5.8, "hier");
    let out = svg(&layers);
    let mut open: Vec<&str> = Vec::new();
    for tag in out.split('<').skip(1) {
        let tag = &tag[..tag.find('>').expect("every tag closes")];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name), "unbalanced </{name}>");
        } else {
            open.push(tag.split_whitespace().next().expect("a name"));
        }
    }
    assert!(open.is_empty(), "unclosed: {open:?}");
}
