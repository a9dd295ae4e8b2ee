//! Pieces every view shares: the chart a table is drawn as, and the figures
//! behind a year's cells.

use crate::analysis::{Converter, Piece, Quantity};
use crate::catalog::{LoadedAgreement, Shown};
use crate::chart::{Bar, BarLayout, GroupedBarChart, Series};
use crate::format::Scale;
use crate::i18n::{Lang, Text};
use crate::keyed::keyed_enum;
use crate::model::{Agreement, Status};

use super::{
    chart_walk, figure_entry, piece_entry, CellAt, ChartWalk, DataRow, DataTable, FigureEntry,
    Naming, RowPlace,
};

/// A chart ready to draw, with its heading and its text description.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartView {
    /// Which chart it is.
    pub key: ChartKey,
    /// The heading above the chart.
    pub title: String,
    /// What the chart shows, in words: its accessible description.
    pub description: String,
    /// What to draw.
    pub chart: GroupedBarChart,
    /// Its bars as the keyboard walks them, each said from its table cell.
    pub walk: ChartWalk,
}

keyed_enum! {
    /// Which chart a view draws; the key names it in the page (`data-chart`).
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum ChartKey {
        /// The compare view's totals.
        #[default]
        Totals = "totals",
        /// The compare view's recipients.
        Recipients = "recipients",
        /// The trend.
        Trend = "trend",
        /// The breakdown.
        Breakdown = "breakdown",
        /// The bridge.
        Bridge = "bridge",
    }
}

/// The bar for a quantity, in the scale's display unit.
pub fn bar(quantity: Quantity, scale: Scale) -> Option<Bar> {
    Some(match quantity {
        Quantity::Exact(value) => Bar::Value(scale.display(value)),
        Quantity::Range(low, high) => Bar::Range(scale.display(low), scale.display(high)),
        Quantity::Unknown | Quantity::NoReference(_) => Bar::Unknown,
    })
}

/// A chart with the texts every chart has.
pub fn chart(
    lang: Lang,
    scale: Scale,
    y_axis: String,
    groups: Vec<String>,
    series: Vec<Series>,
    layout: BarLayout,
) -> GroupedBarChart {
    GroupedBarChart {
        y_axis,
        groups,
        show_series_legend: series.len() > 1,
        series,
        disputed_legend: Text::LegendDisputed.get(lang).to_string(),
        unknown_label: Text::UnknownShort.get(lang).to_string(),
        layout,
        scale,
        step_legend: (
            Text::Increase.get(lang).to_string(),
            Text::Decrease.get(lang).to_string(),
        ),
        lang,
    }
}

/// A table's rows drawn as bars. Grouped: a group per row, a bar per column
/// in it. Stacked: a column per table column, the rows on top of each
/// other. Empty cells draw nothing; unknown ones are written out.
pub fn table_chart(
    table: &DataTable,
    rows: &[&DataRow],
    lang: Lang,
    layout: BarLayout,
) -> GroupedBarChart {
    let columns = || 0..table.columns.len();
    let (groups, series) = match layout {
        BarLayout::Grouped => (
            rows.iter().map(|row| row.label.clone()).collect(),
            columns()
                .map(|column| Series {
                    name: table.columns[column].key.clone(),
                    values: rows
                        .iter()
                        .map(|row| cell_bar(row, column, table.scale))
                        .collect(),
                })
                .collect(),
        ),
        BarLayout::Stacked => (
            table
                .columns
                .iter()
                .map(|column| column.key.clone())
                .collect(),
            rows.iter()
                .map(|row| Series {
                    name: row.label.clone(),
                    values: columns()
                        .map(|column| cell_bar(row, column, table.scale))
                        .collect(),
                })
                .collect(),
        ),
    };
    chart(
        lang,
        table.scale,
        table.unit.clone(),
        groups,
        series,
        layout,
    )
}

/// The walk of a chart [`table_chart`] drew from the table's rows followed
/// by its first footer rows.
pub fn table_chart_walk(chart: &GroupedBarChart, table: &DataTable) -> ChartWalk {
    let body = table.rows.len();
    chart_walk(chart, table, Naming::ColumnAndRow, |group, series| {
        let (row, column) = match chart.layout {
            BarLayout::Grouped => (group, series),
            BarLayout::Stacked => (series, group),
        };
        Some(if row < body {
            CellAt::new(RowPlace::Body, row, column)
        } else {
            CellAt::new(RowPlace::Footer, row - body, column)
        })
    })
}

fn cell_bar(row: &DataRow, column: usize, scale: Scale) -> Option<Bar> {
    let cell = row.cells.get(column)?;
    if cell.figures.is_empty()
        && cell.status.is_none()
        && cell.quantity == Quantity::Unknown
        && cell.text == "–"
    {
        return None;
    }
    bar(cell.quantity, scale)
}

/// The figures behind `pieces`.
pub fn piece_entries(agreement: &Agreement, pieces: &[Piece], lang: Lang) -> Vec<FigureEntry> {
    pieces
        .iter()
        .map(|piece| piece_entry(agreement, piece, lang))
        .collect()
}

/// The figure behind a year's total.
pub fn total_entry(loaded: &LoadedAgreement, lang: Lang) -> FigureEntry {
    let agreement = &loaded.agreement;
    figure_entry(
        agreement,
        format!("{} {}", Text::AgreementTotal.get(lang), agreement.year),
        0,
        &agreement.total,
        lang,
    )
}

/// A column header: the year (or own file), marked when its total is
/// disputed, its conversion rests on a provisional figure, or it is the
/// visitor's own file.
pub fn column_header(shown: &Shown, converter: &Converter, lang: Lang) -> String {
    let loaded = shown.loaded;
    let year = shown.key();
    let mut marks = Vec::new();
    if shown.own.is_some() {
        marks.push(Text::OwnFileMarker.get(lang));
    }
    if loaded.agreement.total.status() == Status::Disputed {
        marks.push(Text::DisputedMarker.get(lang));
    }
    if converter.is_provisional(loaded.agreement.year) {
        marks.push(Text::ProvisionalMarker.get(lang));
    }
    if marks.is_empty() {
        year.to_string()
    } else {
        format!("{year} ({})", marks.join(", "))
    }
}

/// The status of a sum of leaves: derived if any part is.
pub fn sum_status(entries: &[FigureEntry]) -> Status {
    if entries.iter().any(|entry| entry.status == Status::Derived) {
        Status::Derived
    } else {
        Status::Stated
    }
}
