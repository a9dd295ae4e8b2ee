//! Every year's total on one chart, from the first agreement year to the
//! last. Years with no known total are gaps, written out, never zeros.

use crate::analysis::{Converter, Quantity};
use crate::catalog::Catalog;
use crate::chart::{BarLayout, Series};
use crate::i18n::{Lang, Text};
use crate::messages;
use crate::state::ViewState;

use super::common::{bar, chart, total_entry, ChartKey, ChartView};
use super::summary::amount_sentence;
use super::{chart_walk, CellAt, Column, DataCell, DataRow, DataTable, Naming, RowKind, RowPlace};
use crate::model::Status;

/// Everything the trend view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct TrendView {
    /// The chart.
    pub chart: ChartView,
    /// Its numbers: a row a year.
    pub table: DataTable,
}

/// Builds the trend view.
pub fn trend_view(catalog: &Catalog, state: &ViewState) -> TrendView {
    let lang = state.lang;
    let converter = catalog.converter(state.units);
    let scale = converter.scale();
    let mut rows = year_rows(catalog, &converter, lang);
    rows.extend(own_rows(catalog, &converter, lang));
    let table = DataTable {
        title: Text::TrendTitle.get(lang).into(),
        corner: Text::YearColumn.get(lang).into(),
        unit: converter.label(lang),
        scale,
        columns: vec![
            Column {
                key: "total".into(),
                header: Text::TotalColumn.get(lang).into(),
            },
            Column {
                key: "change".into(),
                header: Text::ChangeColumn.get(lang).into(),
            },
        ],
        rows,
        footer: Vec::new(),
        note: Text::TableNote.get(lang).into(),
    };
    TrendView {
        chart: trend_chart(&table, lang),
        table,
    }
}

/// A row a year from the first listed to the last, each with its total and
/// the change from the year before; a year without a file (or whose file
/// failed) is unknown, not zero.
fn year_rows(catalog: &Catalog, converter: &Converter, lang: Lang) -> Vec<DataRow> {
    let scale = converter.scale();
    let listed = catalog.listed_years();
    let years: Vec<u16> = match (listed.first(), listed.last()) {
        (Some(first), Some(last)) => (*first..=*last).collect(),
        _ => Vec::new(),
    };
    let mut previous: Option<Quantity> = None;
    let mut rows = Vec::with_capacity(years.len());
    for year in years {
        let (total, change) = match catalog.agreements.get(&year) {
            Some(loaded) => {
                let quantity = converter.convert(year, loaded.agreement.total.value());
                let total = DataCell::of(quantity, scale, lang)
                    .with_status(loaded.agreement.total.status())
                    .with_figures(vec![total_entry(loaded, lang)]);
                let change = match previous.map(|before| quantity.minus(before)) {
                    Some(change @ (Quantity::Exact(_) | Quantity::Range(..))) => {
                        DataCell::change(change, scale, lang)
                    }
                    _ => DataCell::empty(),
                };
                (total, change)
            }
            // Listed years that failed to load, and years between with no agreement file.
            None => (
                DataCell::of(Quantity::Unknown, scale, lang).with_status(Status::Unknown),
                DataCell::empty(),
            ),
        };
        previous = Some(total.quantity);
        let label = if converter.is_provisional(year) {
            format!("{year} ({})", Text::ProvisionalMarker.get(lang))
        } else {
            year.to_string()
        };
        rows.push(DataRow {
            key: year.to_string(),
            label,
            kind: RowKind::Item,
            cells: vec![total, change],
        });
    }
    rows
}

/// The visitor's own files, each a row of its own after the bundled years.
fn own_rows(catalog: &Catalog, converter: &Converter, lang: Lang) -> Vec<DataRow> {
    let scale = converter.scale();
    catalog
        .own
        .iter()
        .map(|own| {
            let agreement = &own.loaded.agreement;
            let quantity = converter.convert(agreement.year, agreement.total.value());
            let total = DataCell::of(quantity, scale, lang)
                .with_status(agreement.total.status())
                .with_figures(vec![total_entry(&own.loaded, lang)]);
            DataRow {
                key: own.key(),
                label: format!("{} ({})", own.key(), Text::OwnFileMarker.get(lang)),
                kind: RowKind::Item,
                cells: vec![total, DataCell::empty()],
            }
        })
        .collect()
}

/// The trend chart: a bar a row, each drawn from the row's total.
fn trend_chart(table: &DataTable, lang: Lang) -> ChartView {
    let series = vec![Series {
        name: Text::TotalRow.get(lang).into(),
        values: table
            .rows
            .iter()
            .map(|row| bar(row.cells[0].quantity, table.scale))
            .collect(),
    }];
    let groups = table.rows.iter().map(|row| row.key.clone()).collect();
    let drawn = chart(
        lang,
        table.scale,
        table.unit.clone(),
        groups,
        series,
        BarLayout::Grouped,
    );
    ChartView {
        key: ChartKey::Trend,
        title: Text::TrendTitle.get(lang).into(),
        description: describe_trend(table, lang),
        walk: chart_walk(&drawn, table, Naming::Row, |group, _| {
            Some(CellAt::new(RowPlace::Body, group, 0))
        }),
        chart: drawn,
    }
}

fn describe_trend(table: &DataTable, lang: Lang) -> String {
    let (Some(first), Some(last)) = (table.rows.first(), table.rows.last()) else {
        return Text::Loading.get(lang).into();
    };
    let mut sentences = vec![format!(
        "{} {}–{}, {}.",
        Text::TrendTitle.get(lang),
        first.key,
        last.key,
        table.unit
    )];
    let unknown: Vec<&str> = table
        .rows
        .iter()
        .filter(|row| row.cells[0].quantity.low().is_none())
        .map(|row| row.key.as_str())
        .collect();
    if !unknown.is_empty() {
        sentences.push(messages::no_total_known(&unknown.join(", "), lang));
    }
    let mut previous: Option<&DataRow> = None;
    for row in &table.rows {
        let cell = &row.cells[0];
        if cell.quantity.low().is_none() {
            continue;
        }
        let before = previous.map(|row: &DataRow| (row.key.as_str(), row.cells[0].quantity));
        sentences.push(amount_sentence(&row.key, cell, before, table, lang));
        previous = Some(row);
    }
    sentences.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse_query;
    use crate::view::tests_support::{catalog, plain};

    #[test]
    fn every_year_from_2012_to_2024_with_gaps_not_zeros() {
        let view = trend_view(&catalog(), &parse_query("view=trend").state);
        let years: Vec<&str> = view.table.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(years.len(), 13);
        assert_eq!(years[11], "2023");
        let values = &view.chart.chart.series[0].values;
        assert_eq!(
            values[11],
            Some(crate::chart::Bar::Unknown),
            "2023: no agreement file, a gap"
        );
        assert_eq!(
            values[0],
            Some(crate::chart::Bar::Unknown),
            "2012: total not found"
        );
        assert_eq!(values[4], Some(crate::chart::Bar::Value(845.0)));
        assert_eq!(values[3], Some(crate::chart::Bar::Range(696.0, 844.0)));
        assert_eq!(view.table.rows[11].cells[0].text, "okänt");
        let text = plain(&view.chart.description);
        assert!(
            text.contains("Totalbelopp saknas i källorna för 2012, 2013, 2014, 2023."),
            "{text}"
        );
        assert!(
            text.contains("2018: 1 414 mnkr, 529 mnkr (59,8 %) mer än 2017."),
            "{text}"
        );
        // The change after a gap is not computed across it.
        assert_eq!(view.table.rows[12].cells[1], DataCell::empty());
    }

    #[test]
    fn a_year_converted_with_provisional_kpi_is_marked() {
        let view = trend_view(&catalog(), &parse_query("view=trend&prices=fixed").state);
        assert_eq!(view.table.rows[12].label, "2024 (preliminär KPI)");
        assert_eq!(view.table.rows[4].label, "2016");
        assert_eq!(view.chart.chart.groups[12], "2024");
    }

    #[test]
    fn per_inhabitant_trend_in_kronor() {
        let view = trend_view(&catalog(), &parse_query("view=trend&per=inhabitant").state);
        let row = view.table.rows.iter().find(|r| r.label == "2016").unwrap();
        // 845 000 000 / 9 995 153 = 84.54 kr.
        assert_eq!(plain(&row.cells[0].text), "84,54 kr");
        assert_eq!(view.table.unit, "kronor per invånare, löpande priser");
    }
}
