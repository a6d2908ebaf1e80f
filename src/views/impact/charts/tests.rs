//! The geometry of the drawn bars: every bar keeps a thickness, never has a negative size,
//! and stays inside the SVG, for one, two and many categories, zero and equal values.

use super::{Bar, Chart, Orientation};
use crate::i18n::Lang;

/// A drawn rectangle: x, y, width, height.
#[derive(Debug, Clone, Copy)]
struct Rect {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
}

fn attribute(tag: &str, name: &str) -> String {
    let start = tag.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
    tag[start..start + tag[start..].find('"').expect("closing quote")].to_string()
}

fn number(tag: &str, name: &str) -> f64 {
    attribute(tag, name).parse().expect("a number")
}

/// The SVG's size and its bars (rectangles not filled white).
fn drawn(chart: &Chart) -> ((f64, f64), Vec<Rect>) {
    let svg = chart.svg().expect("the chart draws");
    let head = &svg[svg.find("<svg").unwrap()..];
    let size = (number(head, "width"), number(head, "height"));
    let bars = svg
        .split("<rect")
        .skip(1)
        .map(|rest| &rest[..rest.find('>').unwrap()])
        .filter(|tag| !attribute(tag, "fill").eq_ignore_ascii_case("#FFFFFF"))
        .map(|tag| Rect {
            x: number(tag, "x"),
            y: number(tag, "y"),
            width: number(tag, "width"),
            height: number(tag, "height"),
        })
        .collect();
    (size, bars)
}

fn chart(orientation: Orientation, values: &[f64]) -> Chart {
    Chart {
        lang: Lang::Dutch,
        title: "Ton per maand".into(),
        unit: "ton".into(),
        decimals: 1,
        orientation,
        bars: values
            .iter()
            .enumerate()
            .map(|(i, value)| Bar {
                label: format!("2026-{:02}", i % 12 + 1),
                value: *value,
            })
            .collect(),
        captioned: false,
    }
}

/// The value sets every chart is drawn with.
fn cases() -> Vec<Vec<f64>> {
    let many: Vec<f64> = (0..60).map(|i| f64::from(i % 7) * 3.5).collect();
    vec![
        vec![6.3],
        vec![0.0],
        vec![6.3, 80.0],
        vec![0.0, 0.0],
        vec![5.0, 5.0],
        vec![4.0, 4.0, 4.0, 4.0, 4.0],
        vec![-2.0, 3.0],
        vec![-2.0],
        many,
        vec![12.5; 150],
    ]
}

fn assert_geometry(orientation: Orientation, values: &[f64]) {
    let ((width, height), bars) = drawn(&chart(orientation, values));
    let case = format!("{orientation:?} {values:?}");
    assert_eq!(bars.len(), values.len(), "a bar per category: {case}");
    for bar in &bars {
        let (thickness, length) = match orientation {
            Orientation::Columns => (bar.width, bar.height),
            Orientation::Rows => (bar.height, bar.width),
        };
        assert!(thickness > 0.0, "{bar:?} has no thickness: {case}");
        assert!(length >= 0.0, "{bar:?} has a negative length: {case}");
        assert!(
            bar.x >= 0.0 && bar.y >= 0.0,
            "{bar:?} starts outside: {case}"
        );
        assert!(
            bar.x + bar.width <= width,
            "{bar:?} ends right of {width}: {case}"
        );
        assert!(
            bar.y + bar.height <= height,
            "{bar:?} ends below {height}: {case}"
        );
    }
}

#[test]
fn column_bars_keep_a_width_and_stay_inside_for_any_number_of_categories() {
    for values in cases() {
        assert_geometry(Orientation::Columns, &values);
    }
}

#[test]
fn row_bars_keep_a_height_and_stay_inside_for_any_number_of_categories() {
    for values in cases() {
        assert_geometry(Orientation::Rows, &values);
    }
}

#[test]
fn a_bigger_value_draws_a_longer_bar_and_equal_values_equal_bars() {
    for orientation in [Orientation::Columns, Orientation::Rows] {
        let (_, bars) = drawn(&chart(orientation, &[2.0, 8.0, 8.0]));
        let length = |bar: &Rect| match orientation {
            Orientation::Columns => bar.height,
            Orientation::Rows => bar.width,
        };
        assert!(
            length(&bars[1]) > length(&bars[0]),
            "{orientation:?}: {bars:?}"
        );
        assert_eq!(
            length(&bars[1]),
            length(&bars[2]),
            "{orientation:?}: {bars:?}"
        );
    }
}

#[test]
fn one_category_gets_a_bar_of_at_most_ninety_pixels_not_the_whole_width() {
    let (_, bars) = drawn(&chart(Orientation::Columns, &[6.3]));
    assert!(bars[0].width > 0.0 && bars[0].width <= 90.0, "{bars:?}");
}
