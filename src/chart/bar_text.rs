//! How a bar's value is written on the chart: the same words for the label
//! beside the bar and for the axis that makes room for it.

use super::{Bar, GroupedBarChart};

/// The text written for a bar, as on the chart (no unit: the axis has it).
pub(super) fn bar_text(bar: Bar, chart: &GroupedBarChart) -> String {
    let label = |value: f64| chart.scale.label(value, chart.lang);
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
