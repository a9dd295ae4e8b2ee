//! Grouped bar charts drawn with plotters into an SVG string.
//!
//! One renderer serves every bar chart: groups along the x axis, one bar per
//! series in each group. Disputed amounts are drawn as a solid bar up to the
//! lowest figure and a hatched box up to the highest, so they can never be
//! mistaken for a plain bar; unknown amounts are written out, never drawn as 0.

use plotters::coord::Shift;
use plotters::prelude::*;
use thiserror::Error;

use crate::format::Scale;

mod axis;
mod bar_text;
mod bars;
mod frame;
mod hatching;
mod labels;
mod layout;
mod legend;
mod names;
mod palette;
mod waterfall;

use axis::Geometry;
use layout::Layout;

use crate::keyed::keyed_enum;

keyed_enum! {
    /// How a breakdown's bars are laid out.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum BarLayout {
        /// Side by side.
        #[default]
        Grouped = "grouped",
        /// On top of each other, one column a year.
        Stacked = "stacked",
    }
}

pub use frame::{framed_svg, ExportFrame};
pub use labels::MAX_LABEL_LINES;
pub use palette::{series_color, DECREASE, INCREASE, PALETTE};

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
    /// The highest value the bar reaches.
    fn top(self) -> f64 {
        match self {
            Bar::Value(value) => value,
            Bar::Range(_, high) => high,
            Bar::Step { start, end } => start.max(end),
            Bar::Unknown => 0.0,
        }
    }

    /// The lowest value the bar reaches (0 unless it goes below).
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
    /// Side by side, or stacked into one column a group.
    pub layout: BarLayout,
    /// How numbers are written on the axis and the bars.
    pub scale: Scale,
    /// Legend texts for waterfall increases and decreases.
    pub step_legend: (String, String),
    /// Whether numbers use Swedish or English separators.
    pub lang: crate::i18n::Lang,
}

impl GroupedBarChart {
    /// Every bar of every series.
    fn bars(&self) -> impl Iterator<Item = Bar> + '_ {
        self.series
            .iter()
            .flat_map(|series| series.values.iter().flatten().copied())
    }

    /// Whether any bar is of the kind `test` picks.
    fn has_bar(&self, test: impl Fn(&Bar) -> bool) -> bool {
        self.bars().any(|bar| test(&bar))
    }
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

/// Draws the chart as an SVG document for a container `width` pixels wide;
/// the height follows from the content. The SVG is marked `aria-hidden`: the
/// element around it carries `role="img"` and the text description.
///
/// Each bar also gets an invisible hit area carrying its readout
/// (`data-readout="Totalt · 2018: 1 414 mnkr"` and an SVG `<title>`), which
/// the page shows under the pointer; the same numbers are in the table for
/// keyboards and screen readers.
pub fn render_svg(chart: &GroupedBarChart, width: u32) -> Result<String, ChartError> {
    let layout = Layout::new(chart, width);
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
            (hit.right - hit.left).abs().max(bars::MIN_AREA),
            (hit.bottom - hit.top).abs().max(bars::MIN_AREA),
        );
        let text = frame::escape(&hit.text);
        // `data-point` names the bar for the keyboard walk (`group-series`).
        let point = hit
            .point
            .map(|(group, series)| format!(" data-point=\"{group}-{series}\""))
            .unwrap_or_default();
        areas.push_str(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" fill=\"transparent\"{point} data-readout=\"{text}\"><title>{text}</title></rect>\n"
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
    /// The bar's group and series; `None` for a cut name's full text.
    point: Option<(usize, usize)>,
}

/// Draws the whole chart into `root`: legend, axis, group names and bars.
/// Returns the hit areas, drawn last so that they lie on top.
fn draw<DB: DrawingBackend>(
    chart: &GroupedBarChart,
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
) -> Result<Vec<Hit>, ChartError> {
    root.fill(&WHITE).map_err(drawing_error)?;
    let (legend_area, plot_area) = root.split_vertically(layout.legend.height);
    layout.legend.draw(&legend_area, layout.font_size)?;
    let geometry = Geometry::new(chart, layout);
    let mut plot = geometry.plot(chart, layout, &plot_area)?;
    let mut hits = Vec::new();
    names::draw_group_names(chart, layout, geometry, &plot, root, &mut hits)?;
    bars::draw_bars(chart, layout, geometry, &mut plot, &mut hits)?;
    Ok(hits)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::labels::is_cut;
    use crate::i18n::Lang;

    fn chart(groups: &[&str], series: Vec<Series>) -> GroupedBarChart {
        GroupedBarChart {
            y_axis: "miljoner kronor".into(),
            groups: groups.iter().map(|g| g.to_string()).collect(),
            series,
            disputed_legend: "omstritt".into(),
            unknown_label: "okänt".into(),
            show_series_legend: true,
            layout: BarLayout::Grouped,
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

    /// A number attribute of one SVG element's text (`width`, `height`, …).
    fn attribute(element: &str, name: &str) -> f64 {
        element
            .split(&format!(" {name}=\""))
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .and_then(|value| value.parse().ok())
            .unwrap_or_else(|| panic!("{name} in {element}"))
    }

    const DESKTOP: u32 = 800;

    /// A stacked chart of 2016 and 2018, a segment a series.
    fn stacked(series: &[(&str, [Bar; 2])]) -> GroupedBarChart {
        let series = series
            .iter()
            .map(|(name, bars)| Series {
                name: (*name).into(),
                values: bars.iter().copied().map(Some).collect(),
            })
            .collect();
        let mut c = chart(&["2016", "2018"], series);
        c.layout = BarLayout::Stacked;
        c
    }

    /// The SVG's rectangles that carry `mark` (an attribute with its `=`).
    fn rects_with<'a>(svg: &'a str, mark: &str) -> Vec<&'a str> {
        svg.split("<rect")
            .filter(|rect| rect.contains(mark))
            .collect()
    }

    /// A finger's target: at least 24 × 24 px (WCAG 2.5.8).
    fn assert_touch_target(rect: &str) {
        assert!(
            attribute(rect, "width") >= 24.0 && attribute(rect, "height") >= 24.0,
            "{rect}"
        );
    }
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
            let layout = Layout::new(&c, width);
            assert!(layout.group_lines[0].len() <= MAX_LABEL_LINES);
            assert!(layout.group_lines[0].last().unwrap().ends_with('…'));
            assert_eq!(layout.group_lines[1], ["Kort"]);
            let legend_lines = &layout.legend.rows[0][0].lines;
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
        assert_eq!(Layout::new(&c, 360).orientation, Orientation::Horizontal);
        assert_eq!(Layout::new(&c, 800).orientation, Orientation::Vertical);
        let svg = render_svg(&c, 360).unwrap();
        assert!(svg.contains("width=\"360\""));
        let texts = texts(&svg);
        assert!(texts.iter().any(|t| t == "Kommuner och"), "{texts:?}");
        // A bar is wider than tall: it runs to the right.
        let bar = svg
            .split("<rect")
            .find(|r| r.contains("fill=\"#0D7DD4\"") && !r.contains("width=\"14\""))
            .unwrap();
        assert!(attribute(bar, "width") > attribute(bar, "height"), "{bar}");
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
        let narrow = Layout::new(&c, 360);
        assert!(narrow.legend.rows.len() > 1);
        assert_eq!(narrow.legend.rows.iter().map(Vec::len).sum::<usize>(), 13);
        assert!(Layout::new(&c, 1000).legend.rows.len() < narrow.legend.rows.len());
    }

    #[test]
    fn stacked_bars_share_one_column_per_group() {
        let c = stacked(&[
            ("Regioner", [Bar::Value(450.0), Bar::Value(884.0)]),
            ("Kommuner", [Bar::Value(200.0), Bar::Value(350.0)]),
        ]);
        assert_eq!(axis::extent(&c), (0.0, 1234.0));
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
    fn the_svg_declares_its_size() {
        let svg = render_svg(&chart(&["a"], vec![]), DESKTOP).unwrap();
        let (width, height) = svg_size(&svg).unwrap();
        assert_eq!(width, DESKTOP);
        assert!(height > 300);
        assert_eq!(svg_size("<svg>"), None);
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
        assert_eq!(Layout::new(&short, 1000).orientation, Orientation::Vertical);
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
        assert_eq!(
            Layout::new(&crowded, 1000).orientation,
            Orientation::Horizontal
        );
        assert_eq!(
            Layout::new(&chart(&groups, series), 360).orientation,
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
    fn on_a_phone_every_bars_target_is_at_least_24_px_each_way() {
        for series_count in [1, 3, 13] {
            let series: Vec<Series> = (0..series_count)
                .map(|i| Series {
                    name: format!("{}", 2012 + i),
                    values: vec![
                        Some(Bar::Value(1.0)),
                        Some(Bar::Value(900.0)),
                        Some(Bar::Unknown),
                    ],
                })
                .collect();
            let svg = render_svg(&chart(&["Regioner", "Kommuner", "SKR"], series), 360).unwrap();
            let targets = rects_with(&svg, "data-point=");
            assert_eq!(targets.len(), series_count * 3);
            for target in targets {
                assert_touch_target(target);
            }
        }
    }

    #[test]
    fn a_stacks_column_is_one_target_over_its_thin_segments_listing_each() {
        let c = stacked(&[
            ("Regioner", [Bar::Value(450.0), Bar::Value(884.0)]),
            ("SKR", [Bar::Value(1.0), Bar::Unknown]),
        ]);
        let svg = render_svg(&c, 360).unwrap();
        let hits = rects_with(&svg, "data-readout=");
        // Four segments (for the keyboard), then two columns on top of them.
        assert_eq!(hits.iter().filter(|r| r.contains("data-point=")).count(), 4);
        let columns: Vec<&&str> = hits.iter().filter(|r| !r.contains("data-point=")).collect();
        assert_eq!(columns.len(), 2);
        assert!(
            columns[0]
                .contains("data-readout=\"2016 · Regioner: 450\u{a0}mnkr; SKR: 1\u{a0}mnkr\""),
            "{}",
            columns[0]
        );
        assert!(columns[1].contains("SKR: okänt"), "{}", columns[1]);
        let last_segment = svg.rfind("data-point=").unwrap();
        assert!(
            svg.find(columns[0]).unwrap() > last_segment,
            "the columns lie on top"
        );
        for column in columns {
            assert_touch_target(column);
        }
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
