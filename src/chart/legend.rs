//! The legend: above the plot, in rows that wrap, so it never hides a bar.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::hatching::hatched_swatch;
use super::labels::{text_width, wrap_capped};
use super::palette::{series_color, DECREASE, FONT, INCREASE, TEXT};
use super::{drawing_error, Bar, ChartError, GroupedBarChart};

/// How a legend entry's swatch is drawn.
#[derive(Clone)]
pub(super) enum Swatch {
    Solid(RGBColor),
    Hatched(RGBColor),
}

/// One legend entry, laid out.
#[derive(Clone)]
pub(super) struct LegendItem {
    pub swatch: Swatch,
    /// The label in lines: more than one only when it is wider than the chart.
    pub lines: Vec<String>,
    pub width: u32,
}

/// The legend laid out for a chart `width` pixels wide.
pub(super) struct Legend {
    /// The entries, row by row.
    pub rows: Vec<Vec<LegendItem>>,
    /// Its height, including the space above the plot.
    pub height: u32,
}

/// The height of a legend row whose tallest item has `lines` lines.
fn row_height(lines: usize, font_size: u32) -> u32 {
    lines.max(1) as u32 * (font_size + 4) + 6
}

fn tallest(row: &[LegendItem]) -> usize {
    row.iter().map(|item| item.lines.len()).max().unwrap_or(1)
}

/// What the legend lists: the series (when there are several), the
/// waterfall's increase and decrease, and the disputed hatching, each only
/// when the chart has it.
fn entries(chart: &GroupedBarChart) -> Vec<(Swatch, String)> {
    let mut entries = Vec::new();
    if chart.show_series_legend {
        for (index, series) in chart.series.iter().enumerate() {
            entries.push((Swatch::Solid(series_color(index)), series.name.clone()));
        }
    }
    if chart.has_bar(|bar| matches!(bar, Bar::Step { .. })) {
        entries.push((Swatch::Solid(INCREASE), chart.step_legend.0.clone()));
        entries.push((Swatch::Solid(DECREASE), chart.step_legend.1.clone()));
    }
    if chart.has_bar(|bar| matches!(bar, Bar::Range(..))) {
        entries.push((
            Swatch::Hatched(series_color(0)),
            chart.disputed_legend.clone(),
        ));
    }
    entries
}

impl Legend {
    /// Lays the legend out in rows no wider than `width`; a label wider than
    /// the chart wraps.
    pub fn new(chart: &GroupedBarChart, width: u32, font_size: u32) -> Legend {
        let mut rows: Vec<Vec<LegendItem>> = Vec::new();
        let mut row_width = 0;
        let room = width.saturating_sub(16 + 38).max(40);
        for (swatch, label) in entries(chart) {
            let lines = if text_width(&label, font_size) > room {
                wrap_capped(&label, (room as f64 / (font_size as f64 * 0.56)) as usize)
            } else {
                vec![label]
            };
            let widest = lines
                .iter()
                .map(|line| text_width(line, font_size))
                .max()
                .unwrap_or(0);
            let item = LegendItem {
                swatch,
                lines,
                width: 14 + 6 + widest + 18,
            };
            if rows.is_empty() || row_width + item.width > width - 16 {
                rows.push(Vec::new());
                row_width = 0;
            }
            row_width += item.width;
            if let Some(row) = rows.last_mut() {
                row.push(item);
            }
        }
        let height = 8 + rows
            .iter()
            .map(|row| row_height(tallest(row), font_size))
            .sum::<u32>();
        Legend { rows, height }
    }

    /// Draws the legend into `area`, which is the legend's strip.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        font_size: u32,
    ) -> Result<(), ChartError> {
        let style = TextStyle::from((FONT, font_size).into_font())
            .color(&TEXT)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let mut row_top = 8;
        for row in &self.rows {
            let y = row_top + font_size as i32 / 2 + 2;
            let mut x = 8;
            for item in row {
                let corners = (x, y - 7, x + 14, y + 7);
                match item.swatch {
                    Swatch::Solid(color) => area
                        .draw(&Rectangle::new(
                            [(corners.0, corners.1), (corners.2, corners.3)],
                            color.filled(),
                        ))
                        .map_err(drawing_error)?,
                    Swatch::Hatched(color) => hatched_swatch(area, corners, color)?,
                }
                for (number, line) in item.lines.iter().enumerate() {
                    let line_y = y + number as i32 * (font_size as i32 + 4);
                    area.draw(&Text::new(line.clone(), (x + 20, line_y), style.clone()))
                        .map_err(drawing_error)?;
                }
                x += item.width as i32;
            }
            row_top += row_height(tallest(row), font_size) as i32;
        }
        Ok(())
    }
}
