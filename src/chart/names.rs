//! The group names: centred under vertical bars, right-aligned beside
//! horizontal ones. A name cut short gets a hit area with the whole name.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axis::{Geometry, Plot};
use super::labels::{is_cut, text_width};
use super::palette::{FONT, TEXT};
use super::{drawing_error, ChartError, GroupedBarChart, Hit, Layout};

/// Draws each group's name in `root` beside its place on `plot`.
pub(super) fn draw_group_names<DB: DrawingBackend>(
    chart: &GroupedBarChart,
    layout: &Layout,
    geometry: Geometry,
    plot: &Plot<'_, DB>,
    root: &DrawingArea<DB, Shift>,
    hits: &mut Vec<Hit>,
) -> Result<(), ChartError> {
    let font_size = layout.font_size;
    let line_height = font_size as i32 + 3;
    let anchor = if geometry.horizontal {
        Pos::new(HPos::Right, VPos::Center)
    } else {
        Pos::new(HPos::Center, VPos::Top)
    };
    let style = TextStyle::from((FONT, font_size).into_font())
        .color(&TEXT)
        .pos(anchor);
    for (group, lines) in layout.group_lines.iter().enumerate() {
        let (x, y) = plot.backend_coord(&geometry.place(group as f64 + 0.5, 0.0));
        let count = lines.len() as i32;
        // The first line's position; each next one is a line lower.
        let (first_x, first_y) = if geometry.horizontal {
            (x - 8, y - (count - 1) * line_height / 2)
        } else {
            (x, y + 8)
        };
        if let (true, Some(full)) = (is_cut(lines), chart.groups.get(group)) {
            // The whole name, under the pointer and for the `<title>`.
            let widest = lines
                .iter()
                .map(|line| text_width(line, font_size) as i32)
                .max()
                .unwrap_or(0);
            let (left, top) = if geometry.horizontal {
                (x - 8 - widest, y - count * line_height / 2)
            } else {
                (x - widest / 2, y + 8)
            };
            hits.push(Hit {
                left,
                top,
                right: left + widest,
                bottom: top + count * line_height,
                text: full.clone(),
                point: None,
            });
        }
        for (number, line) in lines.iter().enumerate() {
            let position = (first_x, first_y + number as i32 * line_height);
            root.draw(&Text::new(line.clone(), position, style.clone()))
                .map_err(drawing_error)?;
        }
    }
    Ok(())
}
