//! The value axis: how far it runs, round numbers at its ends, and the plot
//! area with its grid and tick labels.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;

use super::bar_text::bar_text;
use super::labels::text_width;
use super::palette::{FONT, TEXT};
use super::{drawing_error, BarLayout, ChartError, GroupedBarChart, Layout, Orientation};

/// The plot: plotters' chart context, with groups along one axis and values
/// along the other.
pub(super) type Plot<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Where things go on the plot, in chart coordinates: group `g` spans
/// `g..g+1` along the group axis; horizontally the first group is at the top.
#[derive(Clone, Copy)]
pub(super) struct Geometry {
    pub horizontal: bool,
    pub group_count: usize,
    /// The value axis's lowest value (0, or below for negative bars).
    pub bottom: f64,
    /// The value axis's highest value.
    pub top: f64,
}

impl Geometry {
    /// Works out the value axis for `chart` laid out as `layout`.
    pub fn new(chart: &GroupedBarChart, layout: &Layout) -> Geometry {
        let horizontal = layout.orientation == Orientation::Horizontal;
        let (lowest, highest) = extent(chart);
        // Horizontally, the value is written past the end of its bar: the axis
        // must leave room for the longest such text.
        let top = if horizontal {
            let plot = layout.width.saturating_sub(layout.label_area + 40).max(80) as f64;
            let value_font = layout.font_size - 2;
            let needed = chart
                .bars()
                .map(|bar| {
                    let text = bar_text(bar, chart);
                    let room = plot - text_width(&text, value_font) as f64 - 10.0;
                    bar.top().max(0.0) * plot / room.max(plot * 0.2)
                })
                .fold(highest * 1.05, f64::max);
            axis_top(needed)
        } else {
            axis_top(highest)
        };
        let bottom = if lowest < 0.0 {
            -axis_top(-lowest)
        } else {
            0.0
        };
        Geometry {
            horizontal,
            group_count: chart.groups.len().max(1),
            bottom,
            top,
        }
    }

    /// A point given along the groups and along the values, in chart coordinates.
    pub fn place(&self, along: f64, value: f64) -> (f64, f64) {
        if self.horizontal {
            (value, self.group_count as f64 - along)
        } else {
            (along, value)
        }
    }

    /// Builds the plot in `area` and draws its grid, ticks and axis title.
    pub fn plot<'a, DB: DrawingBackend>(
        &self,
        chart: &GroupedBarChart,
        layout: &Layout,
        area: &'a DrawingArea<DB, Shift>,
    ) -> Result<Plot<'a, DB>, ChartError> {
        let font_size = layout.font_size;
        let groups = 0f64..self.group_count as f64;
        let values = self.bottom..self.top;
        let mut builder = ChartBuilder::on(area);
        builder
            .margin_top(6)
            .margin_right(if self.horizontal { 22 } else { 14 })
            .margin_left(6);
        let mut plot = if self.horizontal {
            builder
                .x_label_area_size(font_size * 2 + 16)
                .y_label_area_size(layout.label_area)
                .build_cartesian_2d(values, groups)
        } else {
            builder
                .x_label_area_size(layout.label_area)
                .y_label_area_size(if layout.width < 700 { 56 } else { 72 })
                .build_cartesian_2d(groups, values)
        }
        .map_err(drawing_error)?;
        let ticks = |value: &f64| chart.scale.axis(*value, chart.lang);
        let mut mesh = plot.configure_mesh();
        mesh.axis_desc_style((FONT, font_size).into_font().color(&TEXT))
            .label_style((FONT, font_size).into_font().color(&TEXT))
            // A line at each labelled value only: the light lines between
            // them were two in five of a chart's elements, each laid out
            // and styled anew on every toggle, for little the eye uses.
            .max_light_lines(0)
            .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD));
        if self.horizontal {
            mesh.disable_y_mesh()
                .y_labels(0)
                .x_labels(4)
                .x_label_formatter(&ticks)
                .x_desc(chart.y_axis.as_str());
        } else {
            mesh.disable_x_mesh()
                .x_labels(0)
                .y_labels(8)
                .y_label_formatter(&ticks)
                .y_desc(chart.y_axis.as_str());
        }
        mesh.draw().map_err(drawing_error)?;
        Ok(plot)
    }
}

/// The value axis's extent: the highest bar (or stack), and the lowest bar
/// below zero if any.
pub(super) fn extent(chart: &GroupedBarChart) -> (f64, f64) {
    let bottom = chart.bars().map(|bar| bar.bottom()).fold(0.0, f64::min);
    let top = match chart.layout {
        BarLayout::Stacked => {
            let groups = chart
                .series
                .iter()
                .map(|series| series.values.len())
                .max()
                .unwrap_or(0);
            (0..groups)
                .map(|group| {
                    chart
                        .series
                        .iter()
                        .filter_map(|series| series.values.get(group).copied().flatten())
                        .map(|bar| bar.top().max(0.0))
                        .sum::<f64>()
                })
                .fold(0.0, f64::max)
        }
        BarLayout::Grouped => chart.bars().map(|bar| bar.top()).fold(0.0, f64::max),
    };
    (bottom, top)
}

/// A round upper bound for the value axis.
pub(super) fn axis_top(max: f64) -> f64 {
    if max <= 0.0 {
        return 100.0;
    }
    let padded = max * 1.08;
    let magnitude = 10f64.powf(padded.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude / 10.0)
        .find(|step| (padded / step).ceil() <= 10.0)
        .unwrap_or(magnitude);
    (padded / step).ceil() * step
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn axis_top_is_round_and_above_the_data() {
        assert_eq!(axis_top(1414.0), 1600.0);
        assert_eq!(axis_top(1774.0), 2000.0);
        assert_eq!(axis_top(845.0), 1000.0);
        assert!(axis_top(0.0) > 0.0);
        for max in [0.5, 3.0, 77.0, 1774.0, 12345.0] {
            assert!(axis_top(max) > max);
        }
    }
}
