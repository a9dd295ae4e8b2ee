//! The bars: one band per series in each group (or one stacked column), the
//! value written where it fits, and a readout for every bar.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::axis::{Geometry, Plot};
use super::bar_text::bar_text;
use super::hatching::range_bar;
use super::labels::text_width;
use super::layout::{bands, PLOT_INSET};
use super::palette::{series_color, FONT, MUTED, TEXT};
use super::waterfall::step_bar;
use super::{drawing_error, Bar, BarLayout, ChartError, GroupedBarChart, Hit, Layout};

/// A drawn element in chart coordinates.
pub(super) type Element<DB> = DynElement<'static, DB, (f64, f64)>;

/// Where one bar goes along its group, and where it starts (the top of the
/// stack below it, or 0).
#[derive(Clone, Copy)]
pub(super) struct Slot {
    pub start: f64,
    pub end: f64,
    pub base: f64,
}

impl Slot {
    pub fn middle(self) -> f64 {
        (self.start + self.end) / 2.0
    }
}

/// How values and "unknown" are written on the bars.
pub(super) struct ValueTexts {
    geometry: Geometry,
    /// Values are written on grouped bars; a stack's readouts have them.
    shown: bool,
    /// A vertical bar's width in pixels: a value is written only where it fits.
    band_pixels: f64,
    font: u32,
    usual: TextStyle<'static>,
    /// For a value too wide for its bar in the usual size.
    small: TextStyle<'static>,
    unknown: TextStyle<'static>,
    /// Where "unknown" is wider than its bar, it runs up the bar's place instead.
    unknown_upright: TextStyle<'static>,
}

impl ValueTexts {
    fn new(chart: &GroupedBarChart, layout: &Layout, geometry: Geometry) -> ValueTexts {
        let font = layout.font_size - 2;
        let slot_pixels = if geometry.horizontal {
            f64::INFINITY
        } else {
            (layout.width as f64 - PLOT_INSET) / geometry.group_count as f64
        };
        let anchor = if geometry.horizontal {
            Pos::new(HPos::Left, VPos::Center)
        } else {
            Pos::new(HPos::Center, VPos::Bottom)
        };
        let italic = (FONT, font).into_font().style(FontStyle::Italic);
        ValueTexts {
            geometry,
            shown: chart.layout == BarLayout::Grouped,
            band_pixels: slot_pixels * 0.8 / bands(chart) as f64 * 0.9,
            font,
            usual: TextStyle::from((FONT, font).into_font())
                .color(&TEXT)
                .pos(anchor),
            small: TextStyle::from((FONT, font - 3).into_font())
                .color(&TEXT)
                .pos(anchor),
            unknown: TextStyle::from(italic.clone()).color(&MUTED).pos(anchor),
            unknown_upright: TextStyle::from(italic)
                .color(&MUTED)
                .transform(FontTransform::Rotate270)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        }
    }

    fn fits(&self, text: &str, size: u32) -> bool {
        self.geometry.horizontal || (text_width(text, size) as f64) <= self.band_pixels + 4.0
    }

    /// A value's text, just past the end of its bar, if it is written at all:
    /// in the usual size, else smaller, else left to the readout and table.
    pub fn value<DB: DrawingBackend>(
        &self,
        text: String,
        along: f64,
        value: f64,
    ) -> Option<Element<DB>> {
        let style = if !self.shown {
            return None;
        } else if self.fits(&text, self.font) {
            self.usual.clone()
        } else if self.fits(&text, self.font - 3) {
            self.small.clone()
        } else {
            return None;
        };
        Some(Text::new(text, self.label_at(along, value), style).into_dyn())
    }

    /// "Unknown", written where the bar would be.
    fn unknown<DB: DrawingBackend>(&self, text: &str, along: f64) -> Element<DB> {
        let style = if self.fits(text, self.font) {
            self.unknown.clone()
        } else {
            self.unknown_upright.clone()
        };
        Text::new(
            text.to_string(),
            self.label_at(along, self.geometry.top * 0.01),
            style,
        )
        .into_dyn()
    }

    fn label_at(&self, along: f64, value: f64) -> (f64, f64) {
        let nudge = self.geometry.top * if self.geometry.horizontal { 0.015 } else { 0.0 };
        self.geometry.place(along, value + nudge)
    }
}

/// Draws every series' bars on `plot`, adding each bar's hit area to `hits`.
pub(super) fn draw_bars<DB: DrawingBackend>(
    chart: &GroupedBarChart,
    layout: &Layout,
    geometry: Geometry,
    plot: &mut Plot<'_, DB>,
    hits: &mut Vec<Hit>,
) -> Result<(), ChartError> {
    let texts = ValueTexts::new(chart, layout, geometry);
    let stacked = chart.layout == BarLayout::Stacked;
    let band = 0.8 / bands(chart) as f64;
    // Where the next stacked segment starts, per group.
    let mut stack_base = vec![0.0f64; geometry.group_count];
    for (index, series) in chart.series.iter().enumerate() {
        let mut elements: Vec<Element<DB>> = Vec::new();
        for (group, value) in series.values.iter().enumerate().take(geometry.group_count) {
            let Some(bar) = *value else { continue };
            let start = group as f64 + 0.1 + if stacked { 0.0 } else { index as f64 * band };
            let slot = Slot {
                start,
                end: start + band * 0.9,
                base: if stacked { stack_base[group] } else { 0.0 },
            };
            // Across, the hit area takes the bar's whole band (its gap too),
            // so neighbours never overlap and a finger has the most room.
            let across = (start, start + if stacked { band * 0.9 } else { band });
            hits.push(hit(
                plot,
                geometry,
                (slot, across),
                stacked,
                bar,
                (group, index),
                readout_text(chart, index, group, bar),
            ));
            // Stacked, one unknown label per column is enough.
            if bar != Bar::Unknown || !stacked || index == 0 {
                elements.extend(bar_elements(chart, &texts, slot, bar, series_color(index)));
            }
            if stacked {
                stack_base[group] += match bar {
                    Bar::Value(length) => length.max(0.0),
                    Bar::Range(_, high) => high.max(0.0),
                    Bar::Step { .. } | Bar::Unknown => 0.0,
                };
            }
        }
        plot.draw_series(elements).map_err(drawing_error)?;
    }
    if stacked {
        column_hits(chart, geometry, plot, &stack_base, hits);
    }
    Ok(())
}

/// A stack's segments can be thinner than a finger: over each column lies
/// one more hit area, the whole column (at least [`MIN_HIT`] long), whose
/// readout lists every segment. It is drawn last, so a pointer or a tap
/// finds it; the segments' own areas stay beneath, for the keyboard.
fn column_hits<DB: DrawingBackend>(
    chart: &GroupedBarChart,
    geometry: Geometry,
    plot: &Plot<'_, DB>,
    tops: &[f64],
    hits: &mut Vec<Hit>,
) {
    for (group, top) in tops.iter().enumerate() {
        let parts: Vec<String> = chart
            .series
            .iter()
            .filter_map(|series| {
                let bar = series.values.get(group).copied().flatten()?;
                Some(format!("{}: {}", series.name, value_text(chart, bar)))
            })
            .collect();
        if parts.is_empty() {
            continue;
        }
        let start = group as f64 + 0.1;
        let slot = Slot {
            start,
            end: start + 0.8 * 0.9,
            base: 0.0,
        };
        let mut column = hit(
            plot,
            geometry,
            (slot, (slot.start, slot.end)),
            false,
            Bar::Value(top.max(0.0)),
            (group, 0),
            format!(
                "{} · {}",
                chart.groups.get(group).map(String::as_str).unwrap_or(""),
                parts.join("; ")
            ),
        );
        // Over every segment's own area too (a thin one's is MIN_AREA, which
        // reaches past the stack), and that much beyond the top.
        for segment in hits
            .iter()
            .filter(|hit| hit.point.is_some_and(|(g, _)| g == group))
        {
            column.left = column.left.min(segment.left);
            column.top = column.top.min(segment.top);
            column.right = column.right.max(segment.right.max(segment.left + MIN_AREA));
            column.bottom = column
                .bottom
                .max(segment.bottom.max(segment.top + MIN_AREA));
        }
        if geometry.horizontal {
            column.right += MIN_AREA;
        } else {
            column.top -= MIN_AREA;
        }
        column.point = None;
        hits.push(column);
    }
}

/// What one bar is drawn as.
fn bar_elements<DB: DrawingBackend>(
    chart: &GroupedBarChart,
    texts: &ValueTexts,
    slot: Slot,
    bar: Bar,
    color: RGBColor,
) -> Vec<Element<DB>> {
    let place = |along: f64, value: f64| texts.geometry.place(along, value);
    let Slot { start, end, base } = slot;
    let mut elements: Vec<Element<DB>> = Vec::new();
    let label_top = match bar {
        Bar::Value(length) => {
            let corners = [place(start, base), place(end, base + length)];
            elements.push(Rectangle::new(corners, color.filled()).into_dyn());
            if chart.layout == BarLayout::Stacked {
                // A thin white edge keeps neighbouring segments apart.
                elements.push(Rectangle::new(corners, WHITE.stroke_width(1)).into_dyn());
            }
            base + length
        }
        Bar::Range(low, high) => {
            elements.extend(range_bar(
                &place,
                (start, end),
                (base, base + low, base + high),
                color,
            ));
            base + high
        }
        Bar::Step {
            start: from,
            end: to,
        } => {
            elements.push(step_bar(&place, (start, end), from, to));
            from.max(to)
        }
        Bar::Unknown => {
            elements.push(texts.unknown(&chart.unknown_label, slot.middle()));
            return elements;
        }
    };
    elements.extend(texts.value(bar_text(bar, chart), slot.middle(), label_top));
    elements
}

/// A bar's hit area in pixels; an unknown bar's is its label's place.
fn hit<DB: DrawingBackend>(
    plot: &Plot<'_, DB>,
    geometry: Geometry,
    (slot, across): (Slot, (f64, f64)),
    stacked: bool,
    bar: Bar,
    point: (usize, usize),
    text: String,
) -> Hit {
    let (low, high) = match bar {
        Bar::Value(length) => (slot.base, slot.base + length),
        Bar::Range(_, high) => (slot.base, slot.base + high),
        Bar::Step { start, end } => (start.min(end), start.max(end)),
        Bar::Unknown => (0.0, geometry.top * 0.12),
    };
    let a = plot.backend_coord(&geometry.place(across.0, low));
    let b = plot.backend_coord(&geometry.place(across.1, high));
    let (left, mut top, mut right, bottom) =
        (a.0.min(b.0), a.1.min(b.1), a.0.max(b.0), a.1.max(b.1));
    // Along its length a short bar's area still reaches MIN_HIT pixels
    // (WCAG 2.5.8's 24 px), from its base outwards; not in a stack, whose
    // segments touch (its column is the finger's target: `column_hits`).
    if !stacked {
        if geometry.horizontal {
            right = right.max(left + MIN_HIT);
        } else {
            top = top.min(bottom - MIN_HIT);
        }
    }
    Hit {
        left,
        top,
        right,
        bottom,
        text,
        point: Some(point),
    }
}

/// The least length of a bar's hit area outside a stack, in pixels (the SVG
/// is drawn at the CSS width of its box, so these are CSS pixels).
pub(super) const MIN_HIT: i32 = 24;

/// The least size of any hit area each way, in pixels: a zero or unknown
/// bar's area still has room for a pointer.
pub(super) const MIN_AREA: i32 = 6;

/// A bar's value in a readout, with the unit: `1 414 mnkr`,
/// `696–844 mnkr (omstritt)`, `okänt`.
fn value_text(chart: &GroupedBarChart, bar: Bar) -> String {
    let written = bar_text(bar, chart);
    match bar {
        Bar::Unknown => written,
        Bar::Range(..) => format!(
            "{} ({})",
            chart.scale.with_unit(&written, chart.lang),
            chart.disputed_legend
        ),
        _ => chart.scale.with_unit(&written, chart.lang),
    }
}

/// What a bar's readout says: its group, its series (when there are
/// several) and its value with the unit.
fn readout_text(chart: &GroupedBarChart, series: usize, group: usize, bar: Bar) -> String {
    let value = value_text(chart, bar);
    let group = chart.groups.get(group).map(String::as_str).unwrap_or("");
    match chart.series.get(series) {
        Some(series) if chart.series.len() > 1 => format!("{group} · {}: {value}", series.name),
        _ => format!("{group}: {value}"),
    }
}
