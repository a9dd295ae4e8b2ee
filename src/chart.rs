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

use crate::format;
use crate::model::Value;

/// The Okabe–Ito palette: distinguishable with the common colour-vision
/// deficiencies. Yellow is left out: it is too faint on white.
pub const PALETTE: [RGBColor; 7] = [
    RGBColor(0x00, 0x72, 0xB2),
    RGBColor(0xE6, 0x9F, 0x00),
    RGBColor(0x00, 0x9E, 0x73),
    RGBColor(0xCC, 0x79, 0xA7),
    RGBColor(0x56, 0xB4, 0xE9),
    RGBColor(0xD5, 0x5E, 0x00),
    RGBColor(0x33, 0x33, 0x33),
];

const FONT: &str = "sans-serif";
const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);

/// One series: a bar in every group.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Its name in the legend.
    pub name: String,
    /// One value per group: `None` draws nothing (no such item), `Unknown`
    /// writes the unknown label.
    pub values: Vec<Option<Value>>,
}

/// Everything a grouped bar chart shows, with its texts already in the
/// visitor's language.
#[derive(Clone, Debug, PartialEq)]
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
    /// Whether numbers use Swedish or English separators.
    pub lang: crate::i18n::Lang,
}

/// The drawing's size in pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartSize {
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

impl ChartSize {
    /// A size that suits a container `width` pixels wide: narrow screens get
    /// a taller aspect so bars stay readable.
    pub fn for_width(width: u32) -> ChartSize {
        let width = width.clamp(280, 1100);
        let height = if width < 600 { (width as f64 * 0.95) as u32 } else { (width as f64 * 0.5).max(340.0) as u32 };
        ChartSize { width, height }
    }
}

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

/// Draws the chart as an SVG document. The SVG is marked `aria-hidden`: the
/// element around it carries `role="img"` and the text description.
pub fn render_svg(chart: &GroupedBarChart, size: ChartSize) -> Result<String, ChartError> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (size.width, size.height)).into_drawing_area();
        draw(chart, &root, size)?;
        root.present().map_err(drawing_error)?;
    }
    Ok(svg.replacen("<svg ", "<svg aria-hidden=\"true\" focusable=\"false\" ", 1))
}

fn high_of(value: &Option<Value>) -> f64 {
    value.and_then(Value::high).map(|kronor| kronor as f64 / 1e6).unwrap_or(0.0)
}

/// A round upper bound for the y axis, in millions.
fn axis_top(max: f64) -> f64 {
    if max <= 0.0 {
        return 100.0;
    }
    let padded = max * 1.12;
    let magnitude = 10f64.powf(padded.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude / 10.0)
        .find(|step| (padded / step).ceil() <= 10.0)
        .unwrap_or(magnitude);
    (padded / step).ceil() * step
}

/// Splits a label into lines of about `max_chars`, at spaces.
fn wrap(label: &str, max_chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max_chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.truncate(3);
    lines
}

fn draw<DB: DrawingBackend>(chart: &GroupedBarChart, root: &DrawingArea<DB, Shift>, size: ChartSize) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(drawing_error)?;
    let lang = chart.lang;
    let narrow = size.width < 600;
    let font_size = if narrow { 12 } else { 14 };
    let group_count = chart.groups.len().max(1);
    let series_count = chart.series.len().max(1);
    let max = chart
        .series
        .iter()
        .flat_map(|series| series.values.iter().map(high_of))
        .fold(0.0, f64::max);
    let top = axis_top(max);

    let slot_pixels = (size.width as f64 - 80.0) / group_count as f64;
    let chars_per_line = ((slot_pixels / (font_size as f64 * 0.55)) as usize).max(4);
    let wrapped: Vec<Vec<String>> = chart.groups.iter().map(|group| wrap(group, chars_per_line)).collect();
    let label_lines = wrapped.iter().map(Vec::len).max().unwrap_or(1) as u32;

    let mut context = ChartBuilder::on(root)
        .margin_top(if chart.show_series_legend || has_range(chart) { 12 } else { 16 })
        .margin_right(12)
        .margin_left(8)
        .x_label_area_size(10 + label_lines * (font_size + 4))
        .y_label_area_size(if narrow { 52 } else { 64 })
        .build_cartesian_2d(0f64..group_count as f64, 0f64..top)
        .map_err(drawing_error)?;

    let y_formatter = |value: &f64| format::axis_million(*value, lang);
    context
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(if narrow { 5 } else { 8 })
        .y_label_formatter(&y_formatter)
        .y_desc(chart.y_axis.as_str())
        .axis_desc_style((FONT, font_size).into_font().color(&TEXT))
        .label_style((FONT, font_size).into_font().color(&TEXT))
        .light_line_style(RGBColor(0xEE, 0xEE, 0xEE))
        .bold_line_style(RGBColor(0xDD, 0xDD, 0xDD))
        .draw()
        .map_err(drawing_error)?;

    // Group labels, centred under each group, on up to three lines.
    let label_style = TextStyle::from((FONT, font_size).into_font())
        .color(&TEXT)
        .pos(Pos::new(HPos::Center, VPos::Top));
    for (group, lines) in wrapped.iter().enumerate() {
        let (x, y) = context.backend_coord(&(group as f64 + 0.5, 0.0));
        for (line_number, line) in lines.iter().enumerate() {
            let y = y + 8 + line_number as i32 * (font_size as i32 + 3);
            root.draw(&Text::new(line.clone(), (x, y), label_style.clone())).map_err(drawing_error)?;
        }
    }

    let band = 0.8 / series_count as f64;
    let value_labels = group_count * series_count <= 16 && slot_pixels / series_count as f64 >= 34.0;
    let value_style = TextStyle::from((FONT, font_size - 1).into_font())
        .color(&TEXT)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    let unknown_style = TextStyle::from((FONT, font_size - 1).into_font().style(FontStyle::Italic))
        .color(&RGBColor(0x55, 0x55, 0x55))
        .pos(Pos::new(HPos::Center, VPos::Bottom));

    for (index, series) in chart.series.iter().enumerate() {
        let color = series_color(index);
        let mut elements: Vec<DynElement<'static, DB, (f64, f64)>> = Vec::new();
        for (group, value) in series.values.iter().enumerate().take(group_count) {
            let x0 = group as f64 + 0.1 + index as f64 * band;
            let x1 = x0 + band * 0.9;
            let middle = (x0 + x1) / 2.0;
            match value {
                None => {}
                Some(Value::Exact(kronor)) => {
                    let height = *kronor as f64 / 1e6;
                    elements.push(Rectangle::new([(x0, 0.0), (x1, height)], color.filled()).into_dyn());
                    if value_labels {
                        elements.push(
                            Text::new(format::axis_million(height, lang), (middle, height), value_style.clone()).into_dyn(),
                        );
                    }
                }
                Some(Value::Range { low, high }) => {
                    let (low, high) = (*low as f64 / 1e6, *high as f64 / 1e6);
                    elements.extend(range_bar(x0, x1, low, high, color));
                    if value_labels {
                        let text = format!(
                            "{}{}{}",
                            format::axis_million(low, lang),
                            format::EN_DASH,
                            format::axis_million(high, lang)
                        );
                        elements.push(Text::new(text, (middle, high), value_style.clone()).into_dyn());
                    }
                }
                Some(Value::Unknown) => {
                    elements.push(
                        Text::new(chart.unknown_label.clone(), (middle, top * 0.02), unknown_style.clone()).into_dyn(),
                    );
                }
            }
        }
        let drawn = context.draw_series(elements).map_err(drawing_error)?;
        if chart.show_series_legend {
            drawn
                .label(series.name.as_str())
                .legend(move |(x, y)| Rectangle::new([(x, y - 6), (x + 12, y + 6)], color.filled()));
        }
    }

    if has_range(chart) {
        let color = series_color(0);
        context
            .draw_series(std::iter::empty::<Rectangle<(f64, f64)>>())
            .map_err(drawing_error)?
            .label(chart.disputed_legend.as_str())
            .legend(move |(x, y)| {
                EmptyElement::at((x, y))
                    + Rectangle::new([(0, -6), (12, 6)], color.mix(0.15).filled())
                    + Rectangle::new([(0, -6), (12, 6)], color.stroke_width(1))
                    + PathElement::new(vec![(0, 6), (12, -6)], color)
                    + PathElement::new(vec![(5, 6), (12, -1)], color)
                    + PathElement::new(vec![(0, 1), (7, -6)], color)
            });
    }

    if chart.show_series_legend || has_range(chart) {
        context
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperLeft)
            .margin(8)
            .label_font((FONT, font_size).into_font().color(&TEXT))
            .background_style(WHITE.mix(0.9))
            .border_style(RGBColor(0xCC, 0xCC, 0xCC))
            .draw()
            .map_err(drawing_error)?;
    }
    Ok(())
}

fn has_range(chart: &GroupedBarChart) -> bool {
    chart
        .series
        .iter()
        .any(|series| series.values.iter().any(|value| matches!(value, Some(Value::Range { .. }))))
}

/// A disputed amount: solid up to the lowest figure, a hatched and outlined
/// box from the lowest to the highest.
fn range_bar<DB: DrawingBackend>(x0: f64, x1: f64, low: f64, high: f64, color: RGBColor) -> Vec<DynElement<'static, DB, (f64, f64)>> {
    let mut parts: Vec<DynElement<'static, DB, (f64, f64)>> = vec![
        Rectangle::new([(x0, 0.0), (x1, low)], color.filled()).into_dyn(),
        Rectangle::new([(x0, low), (x1, high)], color.mix(0.15).filled()).into_dyn(),
        Rectangle::new([(x0, low), (x1, high)], color.stroke_width(2)).into_dyn(),
    ];
    // Parallel diagonals across the box, clipped to it.
    let lines = 6;
    for step in 1..lines {
        let t = step as f64 / lines as f64;
        parts.push(
            PathElement::new(vec![(x0 + t * (x1 - x0), low), (x1, low + (1.0 - t) * (high - low))], color.stroke_width(1))
                .into_dyn(),
        );
        parts.push(
            PathElement::new(vec![(x0, low + t * (high - low)), (x0 + (1.0 - t) * (x1 - x0), high)], color.stroke_width(1))
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
            lang: Lang::Sv,
        }
    }

    /// The texts of an SVG, trimmed (plotters puts each on its own line).
    fn texts(svg: &str) -> Vec<String> {
        svg.split("<text").skip(1).filter_map(|t| t.split_once('>')).map(|(_, rest)| rest.split("</text>").next().unwrap_or("").trim().to_string()).collect()
    }

    fn desktop() -> ChartSize {
        ChartSize { width: 800, height: 400 }
    }

    #[test]
    fn draws_a_bar_per_value_with_labels_and_legend() {
        let svg = render_svg(
            &chart(
                &["Totalt", "Regioner"],
                vec![
                    Series { name: "2016".into(), values: vec![Some(Value::Exact(845_000_000)), Some(Value::Exact(450_000_000))] },
                    Series { name: "2018".into(), values: vec![Some(Value::Exact(1_414_000_000)), None] },
                ],
            ),
            desktop(),
        )
        .unwrap();
        assert!(svg.starts_with("<svg aria-hidden=\"true\""));
        let texts = texts(&svg);
        for expected in ["Totalt", "Regioner", "2016", "2018", "845", "450", "1\u{202F}414", "miljoner kronor"] {
            assert!(texts.iter().any(|t| t == expected), "{expected} in {texts:?}");
        }
        // Three data bars in the two colours, plus two legend swatches.
        let blue = svg.matches("fill=\"#0072B2\"").count();
        let orange = svg.matches("fill=\"#E69F00\"").count();
        assert_eq!((blue, orange), (3, 2), "{svg}");
    }

    #[test]
    fn disputed_values_are_drawn_differently_and_explained() {
        let svg = render_svg(
            &chart(&["2015"], vec![Series { name: "x".into(), values: vec![Some(Value::Range { low: 696_000_000, high: 844_000_000 })] }]),
            desktop(),
        )
        .unwrap();
        assert!(svg.contains("omstritt"), "legend explains the hatching");
        assert!(svg.contains("696\u{2013}844"));
        assert!(svg.contains("<polyline"), "hatching lines are drawn");
    }

    #[test]
    fn unknown_values_are_written_not_drawn_as_zero() {
        let svg = render_svg(&chart(&["2013"], vec![Series { name: "x".into(), values: vec![Some(Value::Unknown)] }]), desktop())
            .unwrap();
        assert!(texts(&svg).iter().any(|t| t == "okänt"));
        assert_eq!(svg.matches("fill=\"#0072B2\"").count(), 1, "only the legend swatch");
    }

    #[test]
    fn text_from_data_stays_escaped() {
        let svg = render_svg(
            &chart(
                &["<script>alert(1)</script>", "A & B"],
                vec![Series { name: "\"><img src=x onerror=alert(1)>".into(), values: vec![Some(Value::Exact(1)), Some(Value::Exact(2))] }],
            ),
            desktop(),
        )
        .unwrap();
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(!svg.contains("<img"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("A &amp; B"));
    }

    #[test]
    fn empty_and_narrow_charts_still_draw() {
        assert!(render_svg(&chart(&[], vec![]), ChartSize::for_width(100)).is_ok());
        let size = ChartSize::for_width(360);
        assert_eq!(size.width, 360);
        assert!(size.height > 300);
    }

    #[test]
    fn axis_top_is_round_and_above_the_data() {
        assert_eq!(axis_top(1414.0), 1600.0);
        assert_eq!(axis_top(845.0), 1000.0);
        assert!(axis_top(0.0) > 0.0);
        for max in [0.5, 3.0, 77.0, 1774.0, 12345.0] {
            assert!(axis_top(max) > max);
        }
    }

    #[test]
    fn long_labels_wrap_at_spaces() {
        assert_eq!(wrap("Kommuner och regioner", 10), ["Kommuner", "och", "regioner"]);
        assert_eq!(wrap("Ej fördelat i källorna", 14), ["Ej fördelat i", "källorna"]);
    }
}
