//! Bar charts drawn on the server as SVG with plotters: no JavaScript, nothing fetched. The
//! numbers are also in the table under each chart, which is what screen readers and
//! copy-paste use.

use maud::{Markup, PreEscaped, Render, html};
use plotters::prelude::*;

use crate::i18n::{Lang, number};

mod slots;
#[cfg(test)]
mod tests;

use slots::Slots;

/// The page's green, and the red of a loss (a negative bar).
const GAIN: RGBColor = RGBColor(0x1f, 0x6f, 0x4a);
const LOSS: RGBColor = RGBColor(0x9b, 0x2c, 0x1f);
/// The chart's width; a column chart with many columns grows wider so each keeps a width.
const WIDTH: u32 = 720;
/// The narrowest slot a column gets, in pixels.
const COLUMN_SLOT: u32 = 12;
/// Labels longer than this are cut with an ellipsis (the table has them whole).
const LABEL_CHARS: usize = 30;

/// One bar.
pub struct Bar {
    pub label: String,
    pub value: f64,
}

/// Bars standing on a time axis, or lying beside category names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Upright bars, left to right (months, years).
    Columns,
    /// Horizontal bars, first on top (municipalities, materials, sectors).
    Rows,
}

/// A bar chart with its title and value unit.
pub struct Chart {
    pub lang: Lang,
    pub title: String,
    pub unit: String,
    /// Decimals of the value axis' labels.
    pub decimals: usize,
    pub orientation: Orientation,
    pub bars: Vec<Bar>,
    /// Show the title under the chart (where a section has more than one chart).
    pub captioned: bool,
}

impl Render for Chart {
    fn render(&self) -> Markup {
        let Some(svg) = self.svg() else {
            // The table under the chart still has every number.
            return html! {};
        };
        html! {
            figure.chart role="img" aria-label=(self.title) {
                // plotters writes the SVG from our numbers and escapes every label and
                // attribute it prints (`<`, `>`, `&`, quotes), so no user text can break out.
                (PreEscaped(svg))
                @if self.captioned { figcaption { (self.title) } }
            }
        }
    }
}

impl Chart {
    /// The SVG text; `None` when plotters fails (it only writes into a string).
    fn svg(&self) -> Option<String> {
        let mut svg = String::new();
        let drawn = match self.orientation {
            Orientation::Columns => self.columns(&mut svg),
            Orientation::Rows => self.rows(&mut svg),
        };
        match drawn {
            Ok(()) => Some(svg),
            Err(error) => {
                tracing::warn!(%error, title = %self.title, "chart not drawn");
                None
            }
        }
    }

    /// The value axis' range: always including zero, a little room above the longest bar.
    fn range(&self) -> std::ops::Range<f64> {
        let low = self.bars.iter().map(Bar::height).fold(0.0, f64::min);
        let high = self.bars.iter().map(Bar::height).fold(0.0, f64::max);
        if low == 0.0 && high == 0.0 {
            return 0.0..1.0;
        }
        let pad = (high - low) * 0.08;
        (if low < 0.0 { low - pad } else { 0.0 })..(high + pad)
    }

    fn colour(value: f64) -> RGBColor {
        if value < 0.0 { LOSS } else { GAIN }
    }

    fn value_label(&self, value: f64) -> String {
        number(self.lang, value, self.decimals)
    }

    /// The SVG's width: [`WIDTH`], or wider when the columns would be too narrow.
    fn columns_width(&self) -> u32 {
        WIDTH.max(108 + COLUMN_SLOT * self.bars.len() as u32)
    }

    fn columns(&self, svg: &mut String) -> Result<(), Box<dyn std::error::Error>> {
        let n = self.bars.len();
        let width = self.columns_width();
        let root = SVGBackend::with_string(svg, (width, 280)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(72)
            .build_cartesian_2d(Slots::new(n), self.range())?;
        // Months side by side would overlap: label every `step`-th, about 64 px apart.
        let step = (n * 64).div_ceil(width as usize - 96).max(1);
        let label = |position: &f64| match Slots::index(*position) {
            i if i % step == 0 => self
                .bars
                .get(i)
                .map(|b| b.label.clone())
                .unwrap_or_default(),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(n)
            .x_label_formatter(&label)
            .y_labels(6)
            .y_label_formatter(&|v| self.value_label(*v))
            .y_desc(self.unit.as_str())
            .label_style(("sans-serif", 13))
            .light_line_style(TRANSPARENT)
            .draw()?;
        // Bars at most ~90 px wide: two years should not look like two walls.
        let slot_px = f64::from(chart.plotting_area().dim_in_pixel().0) / n.max(1) as f64;
        let inset = inset(slot_px, 90.0, 6.0);
        chart.draw_series(self.bars.iter().enumerate().map(|(i, bar)| {
            let left = i as f64;
            Rectangle::new(
                [(left + inset, 0.0), (left + 1.0 - inset, bar.height())],
                Self::colour(bar.height()).filled(),
            )
        }))?;
        root.present()?;
        Ok(())
    }

    fn rows(&self, svg: &mut String) -> Result<(), Box<dyn std::error::Error>> {
        let n = self.bars.len();
        let height = 56 + 30 * n.max(1) as u32;
        let root = SVGBackend::with_string(svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(230)
            .build_cartesian_2d(self.range(), Slots::new(n))?;
        // Slot 0 is at the bottom; the first bar belongs on top.
        let at = |i: usize| n.saturating_sub(1 + i);
        let label = |position: &f64| match Slots::index(*position) {
            i if i < n => shortened(&self.bars[at(i)].label),
            _ => String::new(),
        };
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(n)
            .y_label_formatter(&label)
            .x_labels(6)
            .x_label_formatter(&|v| self.value_label(*v))
            .x_desc(self.unit.as_str())
            .label_style(("sans-serif", 13))
            .light_line_style(TRANSPARENT)
            .draw()?;
        let slot_px = f64::from(chart.plotting_area().dim_in_pixel().1) / n.max(1) as f64;
        let inset = inset(slot_px, slot_px, 8.0);
        chart.draw_series(self.bars.iter().enumerate().map(|(i, bar)| {
            let bottom = at(i) as f64;
            Rectangle::new(
                [(0.0, bottom + inset), (bar.height(), bottom + 1.0 - inset)],
                Self::colour(bar.height()).filled(),
            )
        }))?;
        root.present()?;
        Ok(())
    }
}

impl Bar {
    /// The bar's value as drawn: a value that is not a number stands as zero.
    fn height(&self) -> f64 {
        if self.value.is_finite() {
            self.value
        } else {
            0.0
        }
    }
}

/// The space on each side of a bar, in slots: a gap of `gap` pixels between bars, or half
/// the slot where the slot is narrow, and a bar at most `widest` pixels thick.
fn inset(slot_px: f64, widest: f64, gap: f64) -> f64 {
    if slot_px <= 0.0 {
        return 0.0;
    }
    let bar = (slot_px - gap).max(slot_px / 2.0).min(widest);
    (slot_px - bar) / 2.0 / slot_px
}

/// A label cut to [`LABEL_CHARS`] characters.
fn shortened(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_string();
    }
    let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}
