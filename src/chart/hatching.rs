//! The hatched box that marks a disputed amount, on a bar and in the legend:
//! it can never be mistaken for a plain bar.

use plotters::prelude::*;

use super::{drawing_error, ChartError};

/// A disputed amount: solid up to the lowest figure, a hatched and outlined
/// box from the lowest to the highest. `place` maps (along the groups, value)
/// to chart coordinates.
pub(super) fn range_bar<DB: DrawingBackend>(
    place: &dyn Fn(f64, f64) -> (f64, f64),
    (start, end): (f64, f64),
    (base, low, high): (f64, f64, f64),
    color: RGBColor,
) -> Vec<DynElement<'static, DB, (f64, f64)>> {
    let mut parts: Vec<DynElement<'static, DB, (f64, f64)>> = vec![
        Rectangle::new([place(start, base), place(end, low)], color.filled()).into_dyn(),
        Rectangle::new(
            [place(start, low), place(end, high)],
            color.mix(0.15).filled(),
        )
        .into_dyn(),
        Rectangle::new([place(start, low), place(end, high)], color.stroke_width(2)).into_dyn(),
    ];
    // Parallel diagonals across the box, clipped to it.
    let lines = 6;
    let (along, across) = (end - start, high - low);
    for step in 1..lines {
        let t = step as f64 / lines as f64;
        for points in [
            [
                place(start + t * along, low),
                place(end, low + (1.0 - t) * across),
            ],
            [
                place(start, low + t * across),
                place(start + (1.0 - t) * along, high),
            ],
        ] {
            parts.push(PathElement::new(points.to_vec(), color.stroke_width(1)).into_dyn());
        }
    }
    parts
}

/// The legend's small hatched swatch, in pixels.
pub(super) fn hatched_swatch<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    (x0, y0, x1, y1): (i32, i32, i32, i32),
    color: RGBColor,
) -> Result<(), ChartError> {
    area.draw(&Rectangle::new(
        [(x0, y0), (x1, y1)],
        color.mix(0.15).filled(),
    ))
    .map_err(drawing_error)?;
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color.stroke_width(1)))
        .map_err(drawing_error)?;
    for offset in [0, 5, 10] {
        for points in [
            [(x0 + offset, y1), (x1, y0 + offset)],
            [(x0, y1 - offset), (x1 - offset, y0)],
        ] {
            area.draw(&PathElement::new(points.to_vec(), color))
                .map_err(drawing_error)?;
        }
    }
    Ok(())
}
