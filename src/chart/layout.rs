//! Sizes that follow from a chart and the width it gets: which way the bars
//! run, the font, the legend, and the group names in lines.

use super::labels::{labels_fit, wrap_capped};
use super::legend::Legend;
use super::{BarLayout, GroupedBarChart, Orientation, HORIZONTAL_BELOW};

/// The chart laid out for one width.
pub(super) struct Layout {
    pub width: u32,
    pub height: u32,
    pub orientation: Orientation,
    pub font_size: u32,
    pub legend: Legend,
    /// Each group's name in lines.
    pub group_lines: Vec<Vec<String>>,
    /// The room for the group names: their height under vertical bars, their
    /// width beside horizontal ones.
    pub label_area: u32,
}

/// Pixels left and right of the plot that are not bars (axis and margins).
pub(super) const PLOT_INSET: f64 = 90.0;

/// Bands of bars in a group: one per series, or one column when stacked.
pub(super) fn bands(chart: &GroupedBarChart) -> usize {
    match chart.layout {
        BarLayout::Stacked => 1,
        BarLayout::Grouped => chart.series.len().max(1),
    }
}

impl Layout {
    /// Lays `chart` out for a container `width` pixels wide.
    pub fn new(chart: &GroupedBarChart, width: u32) -> Layout {
        let width = width.clamp(280, 1100);
        let group_count = chart.groups.len().max(1);
        // Vertical bars on wide screens, as long as every group name fits under
        // its bars whole; otherwise (phones, long names, many groups) horizontal
        // bars, whose names have a column of their own.
        let slot = (width as f64 - PLOT_INSET) / group_count as f64;
        let vertical_chars = ((slot / (18.0 * 0.56)) as usize).max(4);
        // Bars thinner than a line of text cannot carry an upright "unknown".
        let band_pixels = slot * 0.8 / bands(chart) as f64 * 0.9;
        let orientation = if width >= HORIZONTAL_BELOW
            && band_pixels >= 16.0
            && labels_fit(&chart.groups, vertical_chars)
        {
            Orientation::Vertical
        } else {
            Orientation::Horizontal
        };
        // plotters' SVG text comes out at about 0.8 of this size.
        let font_size = if width < HORIZONTAL_BELOW { 16 } else { 18 };
        let legend = Legend::new(chart, width, font_size);
        let line_height = font_size + 4;
        let (group_lines, label_area, height) = match orientation {
            Orientation::Vertical => {
                let lines = wrap_all(&chart.groups, vertical_chars);
                let height = ((width as f64 * 0.5) as u32).clamp(360, 520) + legend.height;
                (lines.1, 12 + lines.0 * line_height, height)
            }
            Orientation::Horizontal => {
                let share = if width < HORIZONTAL_BELOW { 0.4 } else { 0.3 };
                let label_width = (width as f64 * share) as u32;
                let chars = ((label_width as f64 / (font_size as f64 * 0.6)) as usize).max(6);
                let lines = wrap_all(&chart.groups, chars);
                // On a phone each bar's band (0.8 of the group over the
                // series) is at least 24 px across, a finger's target (WCAG
                // 2.5.8): (31 n + 16) × 0.8 / n > 24.8.
                let bar = if width < HORIZONTAL_BELOW { 31 } else { 22 };
                // One band a series side by side; a stack is one band.
                let group_height = (bands(chart) as u32 * bar + 16).max(lines.0 * line_height + 8);
                let height = legend.height + group_count as u32 * group_height + 70;
                (lines.1, label_width, height)
            }
        };
        Layout {
            width,
            height,
            orientation,
            font_size,
            legend,
            group_lines,
            label_area,
        }
    }
}

/// Every name wrapped to `chars` a line, and the most lines any took.
fn wrap_all(groups: &[String], chars: usize) -> (u32, Vec<Vec<String>>) {
    let lines: Vec<Vec<String>> = groups
        .iter()
        .map(|group| wrap_capped(group, chars))
        .collect();
    let most = lines.iter().map(Vec::len).max().unwrap_or(1) as u32;
    (most, lines)
}
