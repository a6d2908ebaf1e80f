//! The category axis of a bar chart: `count` equal slots, slot `i` spanning `i..i + 1`.
//!
//! plotters' segmented integer range is not used: it describes `n` categories as the range
//! `0..n - 1`, and for one category that range is a single point which plotters maps to a
//! spot outside the plot, so the lone bar came out with a negative width or height.

use std::ops::Range;

use plotters::coord::ranged1d::{KeyPointHint, NoDefaultFormatting, Ranged, ValueFormatter};

/// `count` slots of equal size along one axis; a value is a position in slot units.
#[derive(Debug, Clone, Copy)]
pub struct Slots {
    count: usize,
}

impl Slots {
    /// The axis of `count` categories (at least one slot, so an empty chart still scales).
    pub fn new(count: usize) -> Self {
        Self {
            count: count.max(1),
        }
    }

    /// The slot a position falls in, for the label formatter.
    pub fn index(position: f64) -> usize {
        position.max(0.0).floor() as usize
    }
}

impl Ranged for Slots {
    type FormatOption = NoDefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let share = value / self.count as f64;
        limit.0 + (f64::from(limit.1 - limit.0) * share).round() as i32
    }

    /// The slots' centres, every `step`-th when the hint allows fewer than all of them.
    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        let most = hint.max_num_points();
        if most == 0 {
            return Vec::new();
        }
        let step = self.count.div_ceil(most).max(1);
        (0..self.count)
            .step_by(step)
            .map(|i| i as f64 + 0.5)
            .collect()
    }

    fn range(&self) -> Range<f64> {
        0.0..self.count as f64
    }
}

impl ValueFormatter<f64> for Slots {
    /// No default text: each chart names its slots with its own formatter.
    fn format(_value: &f64) -> String {
        String::new()
    }
}
