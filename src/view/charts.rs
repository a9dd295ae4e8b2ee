//! The two charts of the comparison: totals, and the breakdown by recipient.

use crate::analysis::{describe_comparison, describe_recipients, Comparison};
use crate::chart::{GroupedBarChart, Series};
use crate::i18n::{Lang, Text};
use crate::model::Value;

/// A chart ready to draw, with its heading and its text description.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartView {
    /// The heading above the chart.
    pub title: String,
    /// What the chart shows, in words: its accessible description.
    pub description: String,
    /// What to draw.
    pub chart: GroupedBarChart,
}

fn base(
    lang: Lang,
    groups: Vec<String>,
    series: Vec<Series>,
    show_series_legend: bool,
) -> GroupedBarChart {
    GroupedBarChart {
        y_axis: Text::AxisMillionKronor.get(lang).to_string(),
        groups,
        series,
        disputed_legend: Text::LegendDisputed.get(lang).to_string(),
        unknown_label: Text::UnknownShort.get(lang).to_string(),
        show_series_legend,
        lang,
    }
}

/// Each chosen year's total: one bar a year.
pub fn totals_chart(comparison: &Comparison, lang: Lang) -> ChartView {
    let groups = comparison.years.iter().map(u16::to_string).collect();
    let series = vec![Series {
        name: Text::TotalRow.get(lang).to_string(),
        values: comparison.totals.iter().copied().map(Some).collect(),
    }];
    ChartView {
        title: Text::TotalsChartTitle.get(lang).to_string(),
        description: describe_comparison(comparison, lang),
        chart: base(lang, groups, series, false),
    }
}

/// Recipients along the x axis, one bar per chosen year in each.
pub fn recipients_chart(comparison: &Comparison, lang: Lang) -> ChartView {
    let mut groups: Vec<String> = comparison
        .rows
        .iter()
        .map(|row| row.recipient.label(lang).to_string())
        .collect();
    groups.push(Text::NotBrokenDownRow.get(lang).to_string());
    let series = comparison
        .years
        .iter()
        .enumerate()
        .map(|(column, year)| {
            let mut values: Vec<Option<Value>> = comparison
                .rows
                .iter()
                .map(|row| row.cells[column].map(Value::Exact))
                .collect();
            values.push(Some(comparison.not_broken_down[column]));
            Series {
                name: year.to_string(),
                values,
            }
        })
        .collect();
    ChartView {
        title: Text::RecipientChartTitle.get(lang).to_string(),
        description: describe_recipients(comparison, lang),
        chart: base(lang, groups, series, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compare_by_recipient;
    use crate::view::tests_support::loaded;

    #[test]
    fn recipient_chart_has_a_series_per_year_and_a_group_per_recipient() {
        let all = loaded();
        let chosen: Vec<_> = all
            .iter()
            .filter(|l| [2016, 2018].contains(&l.agreement.year))
            .map(|l| &l.agreement)
            .collect();
        let view = recipients_chart(&compare_by_recipient(&chosen), Lang::En);
        assert_eq!(
            view.chart
                .series
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>(),
            ["2016", "2018"]
        );
        assert_eq!(
            view.chart.groups.last().map(String::as_str),
            Some("Not broken down in sources")
        );
        assert!(view.chart.groups.contains(&"Regions".to_string()));
        assert_eq!(
            view.chart.series[1].values[0],
            Some(Value::Exact(884_000_000))
        );
    }

    #[test]
    fn totals_chart_keeps_disputed_and_unknown_totals() {
        let all = loaded();
        let chosen: Vec<_> = all
            .iter()
            .filter(|l| [2013, 2015].contains(&l.agreement.year))
            .map(|l| &l.agreement)
            .collect();
        let view = totals_chart(&compare_by_recipient(&chosen), Lang::Sv);
        assert_eq!(
            view.chart.series[0].values,
            [
                Some(Value::Unknown),
                Some(Value::Range {
                    low: 696_000_000,
                    high: 844_000_000
                })
            ]
        );
        assert!(
            view.description.contains("2013: okänt."),
            "{}",
            view.description
        );
    }
}
