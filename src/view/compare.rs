//! The default view: the chosen years' totals and their money by recipient,
//! with the change from one chosen year to the next.

use crate::analysis::Quantity;
use crate::catalog::Catalog;
use crate::chart::{BarLayout, Series};
use crate::i18n::{Lang, Text};
use crate::model::Recipient;
use crate::state::{Measure, ViewState};

use super::breakdown::breakdown_table;
use super::common::{bar, chart, table_chart, table_chart_walk, ChartKey, ChartView};
use super::summary::{describe_rows, describe_totals};
use super::{chart_walk, CellAt, Naming, RowPlace};
use super::{DataCell, DataRow, DataTable, RowKind};

/// Everything the compare view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareView {
    /// Totals per chosen year.
    pub totals: ChartView,
    /// Recipients per chosen year.
    pub recipients: ChartView,
    /// The numbers of both charts.
    pub table: DataTable,
}

/// The change of each column from the previous one (the first has none).
pub(super) fn change_row(
    totals: &[Quantity],
    table_scale: crate::format::Scale,
    lang: Lang,
) -> DataRow {
    let cells = totals
        .iter()
        .enumerate()
        .map(
            |(i, total)| match i.checked_sub(1).map(|p| total.minus(totals[p])) {
                Some(change @ (Quantity::Exact(_) | Quantity::Range(..))) => {
                    let mut cell = DataCell::change(change, table_scale, lang);
                    if let (Quantity::Exact(now), Quantity::Exact(before)) = (total, totals[i - 1])
                    {
                        if before > 0.0 {
                            let percent = (now / before - 1.0) * 100.0;
                            cell.text = format!(
                                "{} ({})",
                                cell.text,
                                crate::format::Scale::Percent.format_signed(percent, lang)
                            );
                        }
                    }
                    cell
                }
                _ => DataCell::empty(),
            },
        )
        .collect();
    DataRow {
        key: "change".into(),
        label: Text::ChangeRow.get(lang).to_string(),
        kind: RowKind::Change,
        cells,
    }
}

/// Builds the compare view: the breakdown by recipient in amounts, with the
/// change of the total from one shown year to the next.
pub fn compare_view(catalog: &Catalog, state: &ViewState) -> CompareView {
    let lang = state.lang;
    let amounts = ViewState {
        measure: Measure::Amount,
        ..state.clone()
    };
    let mut table = breakdown_table::<Recipient>(catalog, &amounts, Text::TableTitle);
    table.corner = Text::TableRowHeader.get(lang).into();
    let scale = table.scale;
    let unit = table.unit.clone();
    let total_row = table
        .footer
        .iter()
        .position(|row| row.kind == RowKind::Total);
    let totals: Vec<Quantity> = total_row
        .map(|row| {
            table.footer[row]
                .cells
                .iter()
                .map(|cell| cell.quantity)
                .collect()
        })
        .unwrap_or_default();
    if totals.len() > 1 {
        table.footer.push(change_row(&totals, scale, lang));
    }

    let years: Vec<String> = table
        .columns
        .iter()
        .map(|column| column.key.clone())
        .collect();
    let totals_chart = chart(
        lang,
        scale,
        unit.clone(),
        years.clone(),
        vec![Series {
            name: Text::TotalRow.get(lang).into(),
            values: totals.iter().map(|q| bar(*q, scale)).collect(),
        }],
        BarLayout::Grouped,
    );
    let chart_rows: Vec<&DataRow> = table
        .rows
        .iter()
        .chain(table.footer.iter().take(1))
        .collect();
    let recipients_chart = table_chart(&table, &chart_rows, lang, BarLayout::Grouped);
    let totals_walk = chart_walk(&totals_chart, &table, Naming::ColumnAndRow, |group, _| {
        total_row.map(|row| CellAt::new(RowPlace::Footer, row, group))
    });
    let recipients_walk = table_chart_walk(&recipients_chart, &table);
    CompareView {
        totals: ChartView {
            key: ChartKey::Totals,
            title: Text::TotalsChartTitle.get(lang).into(),
            description: describe_totals(&table, lang, Text::TotalsChartTitle),
            chart: totals_chart,
            walk: totals_walk,
        },
        recipients: ChartView {
            key: ChartKey::Recipients,
            title: Text::RecipientChartTitle.get(lang).into(),
            description: describe_rows(&table, &chart_rows, lang, Text::RecipientChartTitle),
            chart: recipients_chart,
            walk: recipients_walk,
        },
        table,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Prices, Units};
    use crate::model::Status;
    use crate::state::parse_query;
    use crate::view::tests_support::{catalog, plain};

    fn footer(view: &CompareView, kind: RowKind) -> &DataRow {
        view.table
            .footer
            .iter()
            .find(|row| row.kind == kind)
            .unwrap()
    }

    #[test]
    fn default_view_has_the_sourced_numbers() {
        let view = compare_view(&catalog(), &parse_query("").state);
        let headers: Vec<&str> = view
            .table
            .columns
            .iter()
            .map(|c| c.header.as_str())
            .collect();
        assert_eq!(headers, ["2015 (omstritt)", "2016", "2018"]);
        let total = footer(&view, RowKind::Total);
        let texts: Vec<String> = total.cells.iter().map(|c| plain(&c.text)).collect();
        assert_eq!(texts, ["696–844 mnkr", "845 mnkr", "1 414 mnkr"]);
        assert_eq!(total.cells[0].status, Some(Status::Disputed.into()));
        assert_eq!(
            total.cells[0].figures[0].citations.len(),
            2,
            "both sources of the dispute"
        );
        let regions = view.table.rows.iter().find(|r| r.key == "regions").unwrap();
        assert_eq!(regions.cells[0], DataCell::empty());
        assert_eq!(
            regions.cells[2].status,
            Some(Status::Derived.into()),
            "2018's regions include the derived 64"
        );
        assert_eq!(regions.cells[2].figures.len(), 4);
        assert_eq!(
            plain(&footer(&view, RowKind::Change).cells[2].text),
            "+569 mnkr (+67,3 %)"
        );
        // The recipient chart is drawn from the same rows, plus money not broken down.
        assert_eq!(
            view.recipients.chart.groups.len(),
            view.table.rows.len() + 1
        );
    }

    #[test]
    fn fixed_prices_change_every_number_and_the_labels() {
        let mut state = parse_query("years=2016,2018").state;
        state.units = Units {
            prices: Prices::Fixed { base: Some(2023) },
            per_inhabitant: false,
        };
        let view = compare_view(&catalog(), &state);
        let total = footer(&view, RowKind::Total);
        // 845 × 403.70 / 316.43 = 1 078.0 and 1 414 × 403.70 / 328.40 = 1 738.2 MSEK.
        assert_eq!(plain(&total.cells[0].text), "1 078 mnkr");
        assert_eq!(plain(&total.cells[1].text), "1 738 mnkr");
        assert_eq!(view.table.unit, "miljoner kronor i 2023 års priser");
        assert!(
            plain(&view.totals.description).contains("i 2023 års priser"),
            "{}",
            view.totals.description
        );
    }
}
