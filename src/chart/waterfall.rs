//! A waterfall's steps: each floats from the level before to the level
//! after, green where it rises and red where it falls.

use plotters::prelude::*;

use super::palette::{DECREASE, INCREASE};

/// A step from `from` to `to`, across `start..end` along its group.
pub(super) fn step_bar<DB: DrawingBackend>(
    place: &dyn Fn(f64, f64) -> (f64, f64),
    (start, end): (f64, f64),
    from: f64,
    to: f64,
) -> DynElement<'static, DB, (f64, f64)> {
    let tone = if to >= from { INCREASE } else { DECREASE };
    Rectangle::new([place(start, from), place(end, to)], tone.filled()).into_dyn()
}
