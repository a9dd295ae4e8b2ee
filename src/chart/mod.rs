//! Grouped bar charts drawn with plotters into an SVG string.
//!
//! One renderer serves every bar chart: groups along the x axis, one bar per
//! series in each group. Disputed amounts are drawn as a solid bar up to the
//! lowest figure and a hatched box up to the highest, so they can never be
//! mistaken for a plain bar; unknown amounts are written out, never drawn as 0.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use thiserror::Error;

use crate::format::Scale;

mod frame;
pub use frame::{framed_svg, ExportFrame};

/// Twelve series colours, one per agreement year, none repeated. Each has a
/// relative luminance near 0.2, so a bar stands out at 3:1 or more on the
/// white page and about that on the dark one as well; neighbours differ in
/// hue and lightness, so the first few stay apart with common colour-vision
/// deficiencies too (blue, orange, green, purple first, as in Okabe–Ito).
pub const PALETTE: [RGBColor; 12] = [
    RGBColor(0x0D, 0x7D, 0xD4),
    RGBColor(0xDA, 0x72, 0x0D),
    RGBColor(0x20, 0xA0, 0x4E),
    RGBColor(0xBA, 0x5D, 0xB3),
    RGBColor(0x13, 0xA5, 0xB2),
    RGBColor(0xCE, 0x51, 0x4D),
    RGBColor(0x92, 0x93, 0x00),
    RGBColor(0x7B, 0x65, 0xD1),
    RGBColor(0x8A, 0x8A, 0x8A),
    RGBColor(0xA0, 0x70, 0x3C),
    RGBColor(0xE2, 0x7B, 0xB1),
    RGBColor(0x79, 0x97, 0xFE),
];

const FONT: &str = "sans-serif";
const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);

/// Increases in a waterfall: green.
pub const INCREASE: RGBColor = RGBColor(0x20, 0xA0, 0x4E);
/// Decreases in a waterfall: red.
pub const DECREASE: RGBColor = RGBColor(0xCE, 0x51, 0x4D);

/// One bar, in the chart's display unit (millions of kronor, kronor, percent).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bar {
    /// From zero to the value.
    Value(f64),
    /// A disputed amount: solid to the low figure, hatched to the high one.
    Range(f64, f64),
    /// A waterfall step floating from `start` to `end`; drawn as an increase
    /// or a decrease, labelled with the signed difference.
    Step {
        /// The level before.
        start: f64,
        /// The level after.
        end: f64,
    },
    /// Not known: the unknown label is written, nothing is drawn.
    Unknown,
}

impl Bar {
    fn top(self) -> f64 {
        match self {
            Bar::Value(value) => value,
            Bar::Range(_, high) => high,
            Bar::Step { start, end } => start.max(end),
            Bar::Unknown => 0.0,
        }
    }

    fn bottom(self) -> f64 {
        match self {
            Bar::Value(value) => value.min(0.0),
            Bar::Range(low, _) => low.min(0.0),
            Bar::Step { start, end } => start.min(end).min(0.0),
            Bar::Unknown => 0.0,
        }
    }
}

/// One series: a bar in every group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    /// Its name in the legend.
    pub name: String,
    /// One value per group: `None` draws nothing (no such item).
    pub values: Vec<Option<Bar>>,
}

/// Everything a grouped bar chart shows, with its texts already in the
/// visitor's language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupedBarChart {
    /// The y axis title.
    pub y_axis: String,
    /// Group names along the x axis.
    pub groups: Vec<String>,
    /// The series.
    pub series: Vec<Series>,
    /// Legend text for the hatched disputed range.
    pub disputed_legend: String,
    /// Text written where a value is unknown.
    pub unknown_label: String,
    /// Whether the legend lists the series (off when there is only one).
    pub show_series_legend: bool,
    /// Whether a group's series are stacked into one column.
    pub stacked: bool,
    /// How numbers are written on the axis and the bars.
    pub scale: Scale,
    /// Legend texts for waterfall increases and decreases.
    pub step_legend: (String, String),
    /// Whether numbers use Swedish or English separators.
    pub lang: crate::i18n::Lang,
}

/// Which way the bars run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Groups along the x axis, bars upwards: for wide screens.
    Vertical,
    /// Groups down the y axis, bars to the right: for phones, where group
    /// names would not fit side by side.
    Horizontal,
}

/// Screens narrower than this get horizontal bars.
pub const HORIZONTAL_BELOW: u32 = 600;

/// Why a chart could not be drawn.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ChartError {
    /// plotters reported a drawing error.
    #[error("the chart could not be drawn: {0}")]
    Drawing(String),
}

fn drawing_error<E: std::fmt::Debug>(error: E) -> ChartError {
    ChartError::Drawing(format!("{error:?}"))
}

/// The colour of the series at `index`.
pub fn series_color(index: usize) -> RGBColor {
    PALETTE[index % PALETTE.len()]
}

/// Sizes that follow from the chart and the width it gets.
struct Layout {
    width: u32,
    height: u32,
    orientation: Orientation,
    font_size: u32,
    legend_rows: Vec<Vec<LegendItem>>,
    legend_height: u32,
    group_lines: Vec<Vec<String>>,
    label_area: u32,
}

#[derive(Clone)]
enum Swatch {
    Solid(RGBColor),
    Hatched(RGBColor),
}

#[derive(Clone)]
struct LegendItem {
    swatch: Swatch,
    label: String,
    /// The label in lines: more than one only when it is wider than the chart.
    lines: Vec<String>,
    width: u32,
}

/// The height of a legend row whose tallest item has `lines` lines.
fn legend_row_height(lines: usize, font_size: u32) -> u32 {
    lines.max(1) as u32 * (font_size + 4) + 6
}

/// Rough text width: plotters measures for real in the browser, but the
/// layout must be known before drawing and be the same natively.
fn text_width(text: &str, font_size: u32) -> u32 {
    (text.chars().count() as f64 * font_size as f64 * 0.56).ceil() as u32
}

fn layout(chart: &GroupedBarChart, width: u32) -> Layout {
    let width = width.clamp(280, 1100);
    let group_count = chart.groups.len().max(1);
    // Vertical bars on wide screens, as long as every group name fits under
    // its bars whole; otherwise (phones, long names, many groups) horizontal
    // bars, whose names have a column of their own.
    let vertical_chars = {
        let slot = (width as f64 - 90.0) / group_count as f64;
        ((slot / (18.0 * 0.56)) as usize).max(4)
    };
    // Bars thinner than a line of text cannot carry an upright "unknown".
    let bands = if chart.stacked {
        1
    } else {
        chart.series.len().max(1)
    };
    let band_pixels = (width as f64 - 90.0) / group_count as f64 * 0.8 / bands as f64 * 0.9;
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
    let series_count = chart.series.len().max(1);

    // The legend sits above the plot, in rows that wrap, so it never hides a bar.
    let mut items: Vec<LegendItem> = Vec::new();
    if chart.show_series_legend {
        for (index, series) in chart.series.iter().enumerate() {
            items.push(LegendItem {
                swatch: Swatch::Solid(series_color(index)),
                label: series.name.clone(),
                lines: Vec::new(),
                width: 0,
            });
        }
    }
    if has_steps(chart) {
        items.push(LegendItem {
            swatch: Swatch::Solid(INCREASE),
            label: chart.step_legend.0.clone(),
            lines: Vec::new(),
            width: 0,
        });
        items.push(LegendItem {
            swatch: Swatch::Solid(DECREASE),
            label: chart.step_legend.1.clone(),
            lines: Vec::new(),
            width: 0,
        });
    }
    if has_range(chart) {
        items.push(LegendItem {
            swatch: Swatch::Hatched(series_color(0)),
            label: chart.disputed_legend.clone(),
            lines: Vec::new(),
            width: 0,
        });
    }
    let mut legend_rows: Vec<Vec<LegendItem>> = Vec::new();
    let mut row_width = 0;
    for mut item in items {
        let room = width.saturating_sub(16 + 38).max(40);
        item.lines = if text_width(&item.label, font_size) > room {
            wrap_capped(
                &item.label,
                (room as f64 / (font_size as f64 * 0.56)) as usize,
            )
        } else {
            vec![item.label.clone()]
        };
        let widest = item
            .lines
            .iter()
            .map(|line| text_width(line, font_size))
            .max()
            .unwrap_or(0);
        item.width = 14 + 6 + widest + 18;
        if legend_rows.is_empty() || row_width + item.width > width - 16 {
            legend_rows.push(Vec::new());
            row_width = 0;
        }
        row_width += item.width;
        if let Some(row) = legend_rows.last_mut() {
            row.push(item);
        }
    }
    let legend_height = 8 + legend_rows
        .iter()
        .map(|row| {
            legend_row_height(
                row.iter().map(|item| item.lines.len()).max().unwrap_or(1),
                font_size,
            )
        })
        .sum::<u32>();

    let (group_lines, label_area, height) = match orientation {
        Orientation::Vertical => {
            let lines: Vec<Vec<String>> = chart
                .groups
                .iter()
                .map(|group| wrap_capped(group, vertical_chars))
                .collect();
            let line_count = lines.iter().map(Vec::len).max().unwrap_or(1) as u32;
            let height = ((width as f64 * 0.5) as u32).clamp(360, 520) + legend_height;
            (lines, 12 + line_count * (font_size + 4), height)
        }
        Orientation::Horizontal => {
            let label_width = if width < HORIZONTAL_BELOW {
                (width as f64 * 0.4) as u32
            } else {
                (width as f64 * 0.3) as u32
            };
            let chars = ((label_width as f64 / (font_size as f64 * 0.6)) as usize).max(6);
            let lines: Vec<Vec<String>> = chart
                .groups
                .iter()
                .map(|group| wrap_capped(group, chars))
                .collect();
            let bar = 22;
            let group_height = (series_count as u32 * bar + 16)
                .max(lines.iter().map(Vec::len).max().unwrap_or(1) as u32 * (font_size + 4) + 8);
            let height = legend_height + group_count as u32 * group_height + 70;
            (lines, label_width, height)
        }
    };
    Layout {
        width,
        height,
        orientation,
        font_size,
        legend_rows,
        legend_height,
        group_lines,
        label_area,
    }
}

/// Draws the chart as an SVG document for a container `width` pixels wide;
/// the height follows from the content. The SVG is marked `aria-hidden`: the
/// element around it carries `role="img"` and the text description.
///
/// Each bar also gets an invisible hit area carrying its readout
/// (`data-readout="Totalt · 2018: 1 414 mnkr"` and an SVG `<title>`), which
/// the page shows under the pointer; the same numbers are in the table for
/// keyboards and screen readers.
pub fn render_svg(chart: &GroupedBarChart, width: u32) -> Result<String, ChartError> {
    let layout = layout(chart, width);
    let mut svg = String::new();
    let hits;
    {
        let root =
            SVGBackend::with_string(&mut svg, (layout.width, layout.height)).into_drawing_area();
        hits = draw(chart, &root, &layout)?;
        root.present().map_err(drawing_error)?;
    }
    let mut areas = String::from("<g class=\"hits\">\n");
    for hit in hits {
        let (x, y) = (hit.left.min(hit.right), hit.top.min(hit.bottom));
        let (width, height) = (
            (hit.right - hit.left).abs().max(6),
            (hit.bottom - hit.top).abs().max(6),
        );
        let text = frame::escape(&hit.text);
        areas.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" fill=\"transparent\" data-readout=\"{text}\"><title>{text}</title></rect>\n"
        ));
    }
    areas.push_str("</g>\n</svg>");
    let svg = match svg.rfind("</svg>") {
        Some(end) => format!("{}{areas}", &svg[..end]),
        None => svg,
    };
    // Characters XML cannot hold (which the reader refuses in files) must
    // not make a download ill-formed, whatever a chart was given.
    let svg: String = svg
        .chars()
        .filter(|&c| !crate::user_text::is_forbidden_control(c))
        .collect();
    Ok(svg.replacen("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", 1))
}

/// A bar's hit area in pixels, and what it reads out.
struct Hit {
    left: i32,
    top: i32,
    right: i32,
    bottom: i32,
    text: String,
}

/// The value axis's extent: the highest bar (or stack), and the lowest bar
/// below zero if any.
fn extent(chart: &GroupedBarChart) -> (f64, f64) {
    let bars = || {
        chart
            .series
            .iter()
            .flat_map(|series| series.values.iter().flatten())
    };
    let bottom = bars().map(|bar| bar.bottom()).fold(0.0, f64::min);
    let top = if chart.stacked {
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
    } else {
        bars().map(|bar| bar.top()).fold(0.0, f64::max)
    };
    (bottom, top)
}

/// The width and height an SVG drawn here declares.
pub fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let root = svg.split('>').next()?;
    let attribute = |name: &str| -> Option<u32> {
        root.split(&format!(" {name}=\""))
            .nth(1)?
            .split('"')
            .next()?
            .parse()
            .ok()
    };
    Some((attribute("width")?, attribute("height")?))
}

/// A round upper bound for the value axis, in millions.
fn axis_top(max: f64) -> f64 {
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

/// Splits a label into lines of about `max_chars`, at spaces, keeping every
/// word: a word longer than a line is broken after a hyphen or slash it has,
/// or else with a hyphen added. Nothing is cut off.
/// The most lines a chart label takes; a longer one ends in "…" and its whole
/// text is in the chart's `<title>` for that label (and in the table).
pub const MAX_LABEL_LINES: usize = 4;

/// A label wrapped to `max_chars` a line, at most [`MAX_LABEL_LINES`] lines.
fn wrap_capped(label: &str, max_chars: usize) -> Vec<String> {
    let mut lines = wrap(label, max_chars);
    if lines.len() > MAX_LABEL_LINES {
        lines.truncate(MAX_LABEL_LINES);
        if let Some(last) = lines.last_mut() {
            let keep = max_chars.max(4).saturating_sub(1);
            let mut short: String = last.chars().take(keep).collect();
            short = short.trim_end_matches(['-', ' ']).to_string();
            short.push('…');
            *last = short;
        }
    }
    lines
}

/// Whether the lines drawn for `label` leave some of it out.
fn is_cut(lines: &[String]) -> bool {
    lines.last().is_some_and(|line| line.ends_with('…'))
}

fn wrap(label: &str, max_chars: usize) -> Vec<String> {
    let max_chars = max_chars.max(4);
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        for piece in word_pieces(word, max_chars) {
            match lines.last_mut() {
                Some(line)
                    if !line.ends_with('-')
                        && !line.ends_with('/')
                        && line.chars().count() + 1 + piece.chars().count() <= max_chars =>
                {
                    line.push(' ');
                    line.push_str(&piece);
                }
                Some(line)
                    if (line.ends_with('-') || line.ends_with('/'))
                        && line.chars().count() + piece.chars().count() <= max_chars =>
                {
                    line.push_str(&piece);
                }
                _ => lines.push(piece),
            }
        }
    }
    lines
}

/// A word in pieces of at most `max_chars`.
fn word_pieces(word: &str, max_chars: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest: Vec<char> = word.chars().collect();
    while rest.len() > max_chars {
        // Prefer the word's own break points: "Barn-och" → "Barn-", "och".
        let own = rest[..max_chars]
            .iter()
            .rposition(|c| *c == '-' || *c == '/' || *c == '–')
            .filter(|&at| at > 0);
        let cut = match own {
            Some(at) => at + 1,
            None => max_chars - 1,
        };
        let mut piece: String = rest[..cut].iter().collect();
        if own.is_none() {
            piece.push('-');
        }
        pieces.push(piece);
        rest = rest[cut..].to_vec();
    }
    pieces.push(rest.into_iter().collect());
    pieces
}

/// Whether every word of every label fits a line of `max_chars` unbroken,
/// in at most three lines: then vertical bars can carry the labels below.
fn labels_fit(groups: &[String], max_chars: usize) -> bool {
    groups.iter().all(|group| {
        group
            .split_whitespace()
            .all(|word| word.chars().count() <= max_chars)
            && wrap(group, max_chars).len() <= 3
    })
}

fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    layout: &Layout,
) -> Result<(), ChartError> {
    let style = TextStyle::from((FONT, layout.font_size).into_font())
        .color(&TEXT)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let mut row_top = 8;
    for row in &layout.legend_rows {
        let y = row_top + layout.font_size as i32 / 2 + 2;
        let mut x = 8;
        for item in row {
            let (x0, y0, x1, y1) = (x, y - 7, x + 14, y + 7);
            match item.swatch {
                Swatch::Solid(color) => {
                    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))
                        .map_err(drawing_error)?;
                }
                Swatch::Hatched(color) => {
                    area.draw(&Rectangle::new(
                        [(x0, y0), (x1, y1)],
                        color.mix(0.15).filled(),
                    ))
                    .map_err(drawing_error)?;
                    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], color.stroke_width(1)))
                        .map_err(drawing_error)?;
                    for offset in [0, 5, 10] {
                        area.draw(&PathElement::new(
                            vec![(x0 + offset, y1), (x1, y0 + offset)],
                            color,
                        ))
                        .map_err(drawing_error)?;
                        area.draw(&PathElement::new(
                            vec![(x0, y1 - offset), (x1 - offset, y0)],
                            color,
                        ))
                        .map_err(drawing_error)?;
                    }
                }
            }
            for (number, line) in item.lines.iter().enumerate() {
                let line_y = y + number as i32 * (layout.font_size as i32 + 4);
                area.draw(&Text::new(line.clone(), (x + 20, line_y), style.clone()))
                    .map_err(drawing_error)?;
            }
            x += item.width as i32;
        }
        let tallest = row.iter().map(|item| item.lines.len()).max().unwrap_or(1);
        row_top += legend_row_height(tallest, layout.font_size) as i32;
    }
    Ok(())
}

fn draw<DB: DrawingBackend>(
    chart: &GroupedBarChart,
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
) -> Result<Vec<Hit>, ChartError> {
    root.fill(&WHITE).map_err(drawing_error)?;
    let (legend_area, plot_area) = root.split_vertically(layout.legend_height);
    draw_legend(&legend_area, layout)?;

    let font_size = layout.font_size;
    let horizontal = layout.orientation == Orientation::Horizontal;
    let group_count = chart.groups.len().max(1);
    let series_count = chart.series.len().max(1);
    let (bottom, max) = extent(chart);
    let lang = chart.lang;
    let label = |value: f64| chart.scale.label(value, lang);
    let value_font = font_size - 2;
    // Horizontally, the value is written past the end of its bar: the axis
    // must leave room for the longest such text.
    let top = if horizontal {
        let plot = layout.width.saturating_sub(layout.label_area + 40).max(80) as f64;
        let needed = chart
            .series
            .iter()
            .flat_map(|series| series.values.iter().flatten())
            .map(|bar| {
                let text = bar_text(*bar, chart, &label);
                let room = plot - text_width(&text, value_font) as f64 - 10.0;
                bar.top().max(0.0) * plot / room.max(plot * 0.2)
            })
            .fold(max * 1.05, f64::max);
        axis_top(needed)
    } else {
        axis_top(max)
    };
    let bottom = if bottom < 0.0 {
        -axis_top(-bottom)
    } else {
        0.0
    };
    // Group `g` spans g..g+1 on the group axis; horizontally the first group is at the top.
    let place = |along: f64, value: f64| -> (f64, f64) {
        if horizontal {
            (value, group_count as f64 - along)
        } else {
            (along, value)
        }
    };

    let mut builder = ChartBuilder::on(&plot_area);
    builder
        .margin_top(6)
        .margin_right(if horizontal { 22 } else { 14 })
        .margin_left(6);
    let value_formatter = |value: &f64| chart.scale.axis(*value, lang);
    let mut context = if horizontal {
        builder
            .x_label_area_size(font_size * 2 + 16)
            .y_label_area_size(layout.label_area)
            .build_cartesian_2d(bottom..top, 0f64..group_count as f64)
            .map_err(drawing_error)?
    } else {
        builder
            .x_label_area_size(layout.label_area)
            .y_label_area_size(if layout.width < 700 { 56 } else { 72 })
            .build_cartesian_2d(0f64..group_count as f64, bottom..top)
            .map_err(drawing_error)?
    };

    {
        let mut mesh = context.configure_mesh();
        mesh.axis_desc_style((FONT, font_size).into_font().color(&TEXT))
            .label_style((FONT, font_size).into_font().color(&TEXT))
            .light_line_style(RGBColor(0xEE, 0xEE, 0xEE))
            .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD));
        if horizontal {
            mesh.disable_y_mesh()
                .y_labels(0)
                .x_labels(4)
                .x_label_formatter(&value_formatter)
                .x_desc(chart.y_axis.as_str());
        } else {
            mesh.disable_x_mesh()
                .x_labels(0)
                .y_labels(8)
                .y_label_formatter(&value_formatter)
                .y_desc(chart.y_axis.as_str());
        }
        mesh.draw().map_err(drawing_error)?;
    }

    // Group names: centred under each group, or right-aligned beside it.
    let line_height = font_size as i32 + 3;
    let mut hits = Vec::new();
    for (group, lines) in layout.group_lines.iter().enumerate() {
        let (x, y) = context.backend_coord(&place(group as f64 + 0.5, 0.0));
        let count = lines.len() as i32;
        if let (true, Some(full)) = (is_cut(lines), chart.groups.get(group)) {
            // The whole name, under the pointer and for the `<title>`.
            let widest = lines
                .iter()
                .map(|line| text_width(line, font_size) as i32)
                .max()
                .unwrap_or(0);
            let (left, top) = if horizontal {
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
            });
        }
        for (line_number, line) in lines.iter().enumerate() {
            let (position, anchor) = if horizontal {
                let top_line = y - (count - 1) * line_height / 2;
                (
                    (x - 8, top_line + line_number as i32 * line_height),
                    Pos::new(HPos::Right, VPos::Center),
                )
            } else {
                (
                    (x, y + 8 + line_number as i32 * line_height),
                    Pos::new(HPos::Center, VPos::Top),
                )
            };
            let style = TextStyle::from((FONT, font_size).into_font())
                .color(&TEXT)
                .pos(anchor);
            root.draw(&Text::new(line.clone(), position, style))
                .map_err(drawing_error)?;
        }
    }

    // Stacked: one column per group; grouped: one band per series.
    let bands = if chart.stacked { 1 } else { series_count };
    let band = 0.8 / bands as f64;
    let slot_pixels = if horizontal {
        f64::INFINITY
    } else {
        (layout.width as f64 - 90.0) / group_count as f64
    };
    // A value is written on a vertical bar only where it fits the bar's
    // width; the readout and the table have every value.
    let band_pixels = slot_pixels * band * 0.9;
    let fits_at =
        |text: &str, size: u32| horizontal || (text_width(text, size) as f64) <= band_pixels + 4.0;
    let fits = |text: &str| fits_at(text, value_font);
    let value_labels = !chart.stacked;
    let value_anchor = if horizontal {
        Pos::new(HPos::Left, VPos::Center)
    } else {
        Pos::new(HPos::Center, VPos::Bottom)
    };
    let value_style = TextStyle::from((FONT, value_font).into_font())
        .color(&TEXT)
        .pos(value_anchor);
    let unknown_style = TextStyle::from((FONT, value_font).into_font().style(FontStyle::Italic))
        .color(&RGBColor(0x55, 0x55, 0x55))
        .pos(value_anchor);
    // A value too wide for its bar in the usual size gets a smaller one; if
    // that does not fit either, it is left to the readout and the table.
    let small_value_style = TextStyle::from((FONT, value_font - 3).into_font())
        .color(&TEXT)
        .pos(value_anchor);
    let value_text_style = |text: &str| {
        if !value_labels {
            None
        } else if fits(text) {
            Some(value_style.clone())
        } else if fits_at(text, value_font - 3) {
            Some(small_value_style.clone())
        } else {
            None
        }
    };
    // Where "unknown" is wider than its bar, it runs up the bar's place instead.
    let unknown_upright = TextStyle::from((FONT, value_font).into_font().style(FontStyle::Italic))
        .color(&RGBColor(0x55, 0x55, 0x55))
        .transform(FontTransform::Rotate270)
        .pos(Pos::new(HPos::Left, VPos::Center));
    // Where a value label goes: just past the end of the bar.
    let label_at = |along: f64, value: f64| -> (f64, f64) {
        let nudge = top * if horizontal { 0.015 } else { 0.0 };
        place(along, value + nudge)
    };
    // Bars after the cut names (their areas are drawn later, so on top).

    // Where the next stacked segment starts, per group.
    let mut stack_base = vec![0.0f64; group_count];
    for (index, series) in chart.series.iter().enumerate() {
        let color = series_color(index);
        let mut elements: Vec<DynElement<'static, DB, (f64, f64)>> = Vec::new();
        for (group, value) in series.values.iter().enumerate().take(group_count) {
            let band_index = if chart.stacked { 0 } else { index };
            let start = group as f64 + 0.1 + band_index as f64 * band;
            let end = start + band * 0.9;
            let middle = (start + end) / 2.0;
            let base = if chart.stacked {
                stack_base[group]
            } else {
                0.0
            };
            if let Some(bar) = value {
                let (low, high) = match *bar {
                    Bar::Value(length) => (base, base + length),
                    Bar::Range(_, high) => (base, base + high),
                    Bar::Step {
                        start: from,
                        end: to,
                    } => (from.min(to), from.max(to)),
                    // An unknown bar's hit area is its label's place.
                    Bar::Unknown => (0.0, top * 0.12),
                };
                let (a, b) = (
                    context.backend_coord(&place(start, low)),
                    context.backend_coord(&place(end, high)),
                );
                hits.push(Hit {
                    left: a.0.min(b.0),
                    top: a.1.min(b.1),
                    right: a.0.max(b.0),
                    bottom: a.1.max(b.1),
                    text: readout_text(chart, index, group, *bar),
                });
            }
            match value {
                None => {}
                Some(Bar::Value(length)) => {
                    elements.push(
                        Rectangle::new(
                            [place(start, base), place(end, base + length)],
                            color.filled(),
                        )
                        .into_dyn(),
                    );
                    if chart.stacked {
                        // A thin white edge keeps neighbouring segments apart.
                        elements.push(
                            Rectangle::new(
                                [place(start, base), place(end, base + length)],
                                WHITE.stroke_width(1),
                            )
                            .into_dyn(),
                        );
                        stack_base[group] += length.max(0.0);
                    }
                    let text = bar_text(Bar::Value(*length), chart, &label);
                    if let Some(style) = value_text_style(&text) {
                        elements.push(Text::new(text, label_at(middle, *length), style).into_dyn());
                    }
                }
                Some(Bar::Range(low, high)) => {
                    elements.extend(range_bar(
                        &place,
                        start,
                        end,
                        base + low,
                        base + high,
                        base,
                        color,
                    ));
                    if chart.stacked {
                        stack_base[group] += high.max(0.0);
                    }
                    let text = bar_text(Bar::Range(*low, *high), chart, &label);
                    if let Some(style) = value_text_style(&text) {
                        elements.push(Text::new(text, label_at(middle, *high), style).into_dyn());
                    }
                }
                Some(Bar::Step {
                    start: from,
                    end: to,
                }) => {
                    let tone = if to >= from { INCREASE } else { DECREASE };
                    elements.push(
                        Rectangle::new([place(start, *from), place(end, *to)], tone.filled())
                            .into_dyn(),
                    );
                    let text = bar_text(
                        Bar::Step {
                            start: *from,
                            end: *to,
                        },
                        chart,
                        &label,
                    );
                    if let Some(style) = value_text_style(&text) {
                        elements.push(
                            Text::new(text, label_at(middle, from.max(*to)), style).into_dyn(),
                        );
                    }
                }
                // Stacked, one unknown label per column is enough.
                Some(Bar::Unknown) if !chart.stacked || index == 0 => {
                    let style = if fits(&chart.unknown_label) {
                        unknown_style.clone()
                    } else {
                        unknown_upright.clone()
                    };
                    elements.push(
                        Text::new(
                            chart.unknown_label.clone(),
                            label_at(middle, top * 0.01),
                            style,
                        )
                        .into_dyn(),
                    );
                }
                Some(Bar::Unknown) => {}
            }
        }
        context.draw_series(elements).map_err(drawing_error)?;
    }
    Ok(hits)
}

/// The text written for a bar, as on the chart.
fn bar_text(bar: Bar, chart: &GroupedBarChart, label: &dyn Fn(f64) -> String) -> String {
    match bar {
        Bar::Value(value) => label(value),
        Bar::Range(low, high) => format!("{}{}{}", label(low), crate::format::EN_DASH, label(high)),
        Bar::Step { start, end } => {
            let sign = if end > start { "+" } else { "" };
            format!("{sign}{}", label(end - start))
        }
        Bar::Unknown => chart.unknown_label.clone(),
    }
}

/// What a bar's readout says: its group, its series (when there are
/// several) and its value with the unit.
fn readout_text(chart: &GroupedBarChart, series: usize, group: usize, bar: Bar) -> String {
    let lang = chart.lang;
    let label = |value: f64| chart.scale.label(value, lang);
    let written = bar_text(bar, chart, &label);
    let value = match bar {
        Bar::Unknown => written,
        Bar::Range(..) => format!(
            "{} ({})",
            chart.scale.with_unit(&written, lang),
            chart.disputed_legend
        ),
        _ => chart.scale.with_unit(&written, lang),
    };
    let group = chart.groups.get(group).map(String::as_str).unwrap_or("");
    match chart.series.get(series) {
        Some(series) if chart.series.len() > 1 => format!("{group} · {}: {value}", series.name),
        _ => format!("{group}: {value}"),
    }
}

fn has_steps(chart: &GroupedBarChart) -> bool {
    chart.series.iter().any(|series| {
        series
            .values
            .iter()
            .any(|value| matches!(value, Some(Bar::Step { .. })))
    })
}

fn has_range(chart: &GroupedBarChart) -> bool {
    chart.series.iter().any(|series| {
        series
            .values
            .iter()
            .any(|value| matches!(value, Some(Bar::Range(..))))
    })
}

/// A disputed amount: solid up to the lowest figure, a hatched and outlined
/// box from the lowest to the highest.
fn range_bar<DB: DrawingBackend>(
    place: &dyn Fn(f64, f64) -> (f64, f64),
    start: f64,
    end: f64,
    low: f64,
    high: f64,
    base: f64,
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
    for step in 1..lines {
        let t = step as f64 / lines as f64;
        let (along, across) = (end - start, high - low);
        parts.push(
            PathElement::new(
                vec![
                    place(start + t * along, low),
                    place(end, low + (1.0 - t) * across),
                ],
                color.stroke_width(1),
            )
            .into_dyn(),
        );
        parts.push(
            PathElement::new(
                vec![
                    place(start, low + t * across),
                    place(start + (1.0 - t) * along, high),
                ],
                color.stroke_width(1),
            )
            .into_dyn(),
        );
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn chart(groups: &[&str], series: Vec<Series>) -> GroupedBarChart {
        GroupedBarChart {
            y_axis: "miljoner kronor".into(),
            groups: groups.iter().map(|g| g.to_string()).collect(),
            series,
            disputed_legend: "omstritt".into(),
            unknown_label: "okänt".into(),
            show_series_legend: true,
            stacked: false,
            scale: Scale::MillionKronor,
            step_legend: ("ökning".into(), "minskning".into()),
            lang: Lang::Sv,
        }
    }

    /// The texts of an SVG, trimmed (plotters puts each on its own line).
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text")
            .skip(1)
            .filter_map(|t| t.split_once('>'))
            .map(|(_, rest)| {
                rest.split("</text>")
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_string()
            })
            .collect()
    }

    const DESKTOP: u32 = 800;

    #[test]
    fn draws_a_bar_per_value_with_labels_and_legend() {
        let svg = render_svg(
            &chart(
                &["Totalt", "Regioner"],
                vec![
                    Series {
                        name: "2016".into(),
                        values: vec![Some(Bar::Value(845.0)), Some(Bar::Value(450.0))],
                    },
                    Series {
                        name: "2018".into(),
                        values: vec![Some(Bar::Value(1414.0)), None],
                    },
                ],
            ),
            DESKTOP,
        )
        .unwrap();
        assert!(svg.starts_with("<svg aria-hidden=\"true\""));
        let texts = texts(&svg);
        for expected in [
            "Totalt",
            "Regioner",
            "2016",
            "2018",
            "845",
            "450",
            "1\u{202F}414",
            "miljoner kronor",
        ] {
            assert!(
                texts.iter().any(|t| t == expected),
                "{expected} in {texts:?}"
            );
        }
        // Three data bars in the two colours, plus two legend swatches.
        let blue = svg.matches("fill=\"#0D7DD4\"").count();
        let orange = svg.matches("fill=\"#DA720D\"").count();
        assert_eq!((blue, orange), (3, 2), "{svg}");
    }

    #[test]
    fn disputed_values_are_drawn_differently_and_explained() {
        let svg = render_svg(
            &chart(
                &["2015"],
                vec![Series {
                    name: "x".into(),
                    values: vec![Some(Bar::Range(696.0, 844.0))],
                }],
            ),
            DESKTOP,
        )
        .unwrap();
        assert!(svg.contains("omstritt"), "legend explains the hatching");
        assert!(svg.contains("696\u{2013}844"));
        assert!(svg.contains("<polyline"), "hatching lines are drawn");
    }

    #[test]
    fn unknown_values_are_written_not_drawn_as_zero() {
        let svg = render_svg(
            &chart(
                &["2013"],
                vec![Series {
                    name: "x".into(),
                    values: vec![Some(Bar::Unknown)],
                }],
            ),
            DESKTOP,
        )
        .unwrap();
        assert!(texts(&svg).iter().any(|t| t == "okänt"));
        assert_eq!(
            svg.matches("fill=\"#0D7DD4\"").count(),
            1,
            "only the legend swatch"
        );
    }

    #[test]
    fn a_label_too_long_for_four_lines_ends_in_an_ellipsis_with_the_whole_text_in_a_title() {
        let long = format!("{} {}", "Mycket lång rubrik ".repeat(30), "x".repeat(500));
        for width in [360, DESKTOP] {
            let c = chart(
                &[long.as_str(), "Kort"],
                vec![Series {
                    name: "y".repeat(400),
                    values: vec![Some(Bar::Value(1.0)), Some(Bar::Value(2.0))],
                }],
            );
            let layout = layout(&c, width);
            assert!(layout.group_lines[0].len() <= MAX_LABEL_LINES);
            assert!(layout.group_lines[0].last().unwrap().ends_with('…'));
            assert_eq!(layout.group_lines[1], ["Kort"]);
            let legend_lines = &layout.legend_rows[0][0].lines;
            assert!(legend_lines.len() <= MAX_LABEL_LINES && is_cut(legend_lines));
            let svg = render_svg(&c, width).unwrap();
            assert!(svg.contains(&format!("<title>{}</title>", long)), "{width}");
            // No text wider than the chart.
            let (svg_width, _) = svg_size(&svg).unwrap();
            assert!(svg_width <= width);
        }
    }

    #[test]
    fn characters_xml_cannot_hold_never_reach_the_svg() {
        let svg = render_svg(
            &chart(
                &["a\u{1}b\u{FFFE}"],
                vec![Series {
                    name: "c\u{1F}".into(),
                    values: vec![Some(Bar::Value(1.0))],
                }],
            ),
            DESKTOP,
        )
        .unwrap();
        assert!(!svg.chars().any(crate::user_text::is_forbidden_control));
    }

    #[test]
    fn text_from_data_stays_escaped() {
        let svg = render_svg(
            &chart(
                &["<script>alert(1)</script>", "A & B"],
                vec![Series {
                    name: "\"><img src=x onerror=alert(1)>".into(),
                    values: vec![Some(Bar::Value(1e-06)), Some(Bar::Value(2e-06))],
                }],
            ),
            DESKTOP,
        )
        .unwrap();
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(!svg.contains("<img"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("A &amp; B"));
    }

    #[test]
    fn empty_and_tiny_charts_still_draw() {
        assert!(render_svg(&chart(&[], vec![]), 100).is_ok());
        assert!(render_svg(&chart(&["a"], vec![]), 5000).is_ok());
    }

    #[test]
    fn phones_get_horizontal_bars_with_whole_group_names() {
        let groups = [
            "Regioner (landsting)",
            "Kommuner",
            "Kommuner och regioner",
            "SKL/SKR",
            "Ej fördelat i källorna",
        ];
        let series = vec![Series {
            name: "2016".into(),
            values: vec![Some(Bar::Value(450.0)); 5],
        }];
        let c = chart(&groups, series);
        assert_eq!(layout(&c, 360).orientation, Orientation::Horizontal);
        assert_eq!(layout(&c, 800).orientation, Orientation::Vertical);
        let svg = render_svg(&c, 360).unwrap();
        assert!(svg.contains("width=\"360\""));
        let texts = texts(&svg);
        assert!(texts.iter().any(|t| t == "Kommuner och"), "{texts:?}");
        // A bar is wider than tall: it runs to the right.
        let bar = svg
            .split("<rect")
            .find(|r| r.contains("fill=\"#0D7DD4\"") && !r.contains("width=\"14\""))
            .unwrap();
        let number = |name: &str| -> f64 {
            bar.split(&format!("{name}=\""))
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        };
        assert!(number("width") > number("height"), "{bar}");
    }

    #[test]
    fn the_legend_sits_above_the_plot_and_wraps() {
        let series: Vec<Series> = (2012..2025)
            .map(|year| Series {
                name: year.to_string(),
                values: vec![Some(Bar::Value(1e-06))],
            })
            .collect();
        let c = chart(&["a"], series);
        let narrow = layout(&c, 360);
        assert!(narrow.legend_rows.len() > 1);
        assert_eq!(narrow.legend_rows.iter().map(Vec::len).sum::<usize>(), 13);
        assert!(layout(&c, 1000).legend_rows.len() < narrow.legend_rows.len());
    }

    #[test]
    fn stacked_bars_share_one_column_per_group() {
        let mut c = chart(
            &["2016", "2018"],
            vec![
                Series {
                    name: "Regioner".into(),
                    values: vec![Some(Bar::Value(450.0)), Some(Bar::Value(884.0))],
                },
                Series {
                    name: "Kommuner".into(),
                    values: vec![Some(Bar::Value(200.0)), Some(Bar::Value(350.0))],
                },
            ],
        );
        c.stacked = true;
        assert_eq!(extent(&c), (0.0, 1234.0));
        let svg = render_svg(&c, DESKTOP).unwrap();
        assert!(
            texts(&svg).iter().any(|t| t == "Kommuner"),
            "the legend names each segment"
        );
    }

    #[test]
    fn waterfall_steps_float_and_show_their_sign() {
        let c = chart(
            &["2016", "Kommuner", "SKR", "2018"],
            vec![Series {
                name: "bro".into(),
                values: vec![
                    Some(Bar::Value(845.0)),
                    Some(Bar::Step {
                        start: 845.0,
                        end: 995.0,
                    }),
                    Some(Bar::Step {
                        start: 995.0,
                        end: 985.0,
                    }),
                    Some(Bar::Value(985.0)),
                ],
            }],
        );
        let svg = render_svg(&c, DESKTOP).unwrap();
        let texts = texts(&svg);
        for expected in ["+150", "\u{2212}10", "ökning", "minskning"] {
            assert!(
                texts.iter().any(|t| t == expected),
                "{expected} in {texts:?}"
            );
        }
        assert!(svg.contains("fill=\"#20A04E\"") && svg.contains("fill=\"#CE514D\""));
    }

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

    #[test]
    fn the_svg_declares_its_size() {
        let svg = render_svg(&chart(&["a"], vec![]), DESKTOP).unwrap();
        let (width, height) = svg_size(&svg).unwrap();
        assert_eq!(width, DESKTOP);
        assert!(height > 300);
        assert_eq!(svg_size("<svg>"), None);
    }

    #[test]
    fn long_labels_wrap_at_spaces() {
        assert_eq!(
            wrap("Kommuner och regioner", 10),
            ["Kommuner", "och", "regioner"]
        );
        assert_eq!(
            wrap("Primärvård (landsting)", 12),
            ["Primärvård", "(landsting)"]
        );
        assert_eq!(
            wrap("Ej fördelat i källorna", 14),
            ["Ej fördelat i", "källorna"]
        );
    }

    #[test]
    fn wrapping_keeps_every_letter() {
        for (label, width) in [
            ("Barn- och ungdomspsykiatri", 8),
            ("Kunskapsbaserad vård", 6),
            ("Primärvård (landsting)", 10),
            ("Samsjuklighet beroende–psykiatri", 7),
        ] {
            let lines = wrap(label, width);
            assert!(
                lines.iter().all(|line| line.chars().count() <= width),
                "{lines:?}"
            );
            let joined: String = lines.concat().replace(['-', ' '], "");
            assert_eq!(joined, label.replace(['-', ' '], ""), "{lines:?}");
        }
        assert_eq!(wrap("Barn-och", 6), ["Barn-", "och"]);
    }

    #[test]
    fn twelve_series_get_twelve_colours() {
        let mut seen: Vec<RGBColor> = (0..12).map(series_color).collect();
        seen.sort_by_key(|c| (c.0, c.1, c.2));
        seen.dedup();
        assert_eq!(seen.len(), 12);
    }

    #[test]
    fn names_too_long_for_vertical_bars_get_horizontal_ones() {
        let groups = [
            "Samsjuklighet beroende–psykiatri",
            "Kunskapsbaserad vård",
            "Traumavård",
        ];
        let series = vec![Series {
            name: "2016".into(),
            values: vec![Some(Bar::Value(10.0)); 3],
        }];
        let short = chart(&["Totalt", "Regioner", "Kommuner"], series.clone());
        assert_eq!(layout(&short, 1000).orientation, Orientation::Vertical);
        let many: Vec<String> = (0..14)
            .map(|i| format!("Kunskapsbaserad vård {i}"))
            .collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let crowded = chart(
            &many,
            vec![Series {
                name: "x".into(),
                values: vec![Some(Bar::Value(1.0)); 14],
            }],
        );
        assert_eq!(layout(&crowded, 1000).orientation, Orientation::Horizontal);
        assert_eq!(
            layout(&chart(&groups, series), 360).orientation,
            Orientation::Horizontal
        );
    }

    #[test]
    fn every_bar_has_a_readout() {
        let c = chart(
            &["Totalt", "Regioner"],
            vec![
                Series {
                    name: "2015".into(),
                    values: vec![Some(Bar::Range(696.0, 844.0)), Some(Bar::Unknown)],
                },
                Series {
                    name: "2018".into(),
                    values: vec![Some(Bar::Value(1414.0)), None],
                },
            ],
        );
        let svg = render_svg(&c, DESKTOP).unwrap();
        assert_eq!(svg.matches("data-readout=").count(), 3);
        assert!(
            svg.contains("data-readout=\"Totalt · 2018: 1\u{202F}414\u{a0}mnkr\""),
            "{svg}"
        );
        assert!(svg.contains("Totalt · 2015: 696\u{2013}844\u{a0}mnkr (omstritt)"));
        assert!(svg.contains("Regioner · 2015: okänt"));
        assert!(svg.trim_end().ends_with("</svg>"));
    }

    #[test]
    fn values_are_written_only_where_they_fit() {
        // Twelve bars in a group at desktop width: a range label is too wide.
        let series: Vec<Series> = (0..12)
            .map(|i| Series {
                name: format!("{}", 2012 + i),
                values: vec![Some(Bar::Range(696.0, 844.0)), Some(Bar::Unknown)],
            })
            .collect();
        let svg = render_svg(&chart(&["Totalt", "Regioner"], series), DESKTOP).unwrap();
        assert!(
            !texts(&svg).iter().any(|t| t == "696\u{2013}844"),
            "no label wider than its bar"
        );
        // Unknown labels run upright instead of over each other.
        assert!(svg.contains("rotate("), "upright unknown labels");
    }
}
