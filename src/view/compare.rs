//! The default view: the chosen years' totals and their money by recipient,
//! with the change from one chosen year to the next.

use crate::analysis::{breakdown_by_recipient, Converter, Quantity};
use crate::catalog::{Catalog, LoadedAgreement};
use crate::chart::Series;
use crate::i18n::{Lang, Text};
use crate::model::Recipient;
use crate::state::ViewState;

use super::common::{
    bar, chart, column_header, leaf_entries, rows_as_groups, sum_status, total_entry, ChartView,
};
use super::summary::{describe_rows, describe_totals};
use super::{Column, DataCell, DataRow, DataTable, RowKind};

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

/// Each chosen year's total as a quantity, converted.
pub(super) fn converted_totals(
    chosen: &[&LoadedAgreement],
    converter: &Converter,
) -> Vec<Quantity> {
    chosen
        .iter()
        .map(|loaded| converter.convert(loaded.agreement.year, loaded.agreement.total.value()))
        .collect()
}

/// The change of each column from the previous one (the first has none).
pub(super) fn change_row(
    totals: &[Quantity],
    table_scale: crate::analysis::Scale,
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
                                crate::format::percent(percent, lang, true)
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

/// Builds the compare view.
pub fn compare_view(catalog: &Catalog, state: &ViewState) -> CompareView {
    let lang = state.lang;
    let converter = catalog.converter(state.units);
    let scale = converter.scale();
    let shown = catalog.shown(&state.years);
    let chosen: Vec<&crate::catalog::LoadedAgreement> =
        shown.iter().map(|shown| shown.loaded).collect();
    let breakdowns: Vec<_> = chosen
        .iter()
        .map(|loaded| breakdown_by_recipient(&loaded.agreement))
        .collect();

    let rows: Vec<DataRow> = Recipient::ALL
        .iter()
        .filter(|recipient| {
            breakdowns
                .iter()
                .any(|breakdown| breakdown.get(**recipient).is_some())
        })
        .map(|&recipient| DataRow {
            key: recipient.key().into(),
            label: recipient.label(lang).into(),
            kind: RowKind::Item,
            cells: chosen
                .iter()
                .zip(&breakdowns)
                .map(|(loaded, breakdown)| match breakdown.get(recipient) {
                    Some(kronor) => {
                        let year = loaded.agreement.year;
                        let entries = leaf_entries(
                            &loaded.agreement,
                            |leaf| leaf.recipient == recipient,
                            lang,
                        );
                        let quantity = converter.convert(year, crate::model::Value::Exact(kronor));
                        DataCell::of(quantity, scale, lang)
                            .with_status(sum_status(&entries))
                            .with_figures(entries)
                    }
                    None => DataCell::empty(),
                })
                .collect(),
        })
        .collect();
    let rest = DataRow {
        key: "not-broken-down".into(),
        label: Text::NotBrokenDownRow.get(lang).into(),
        kind: RowKind::NotBrokenDown,
        cells: chosen
            .iter()
            .zip(&breakdowns)
            .map(|(loaded, breakdown)| {
                let quantity = converter.convert(loaded.agreement.year, breakdown.not_broken_down);
                DataCell::of(quantity, scale, lang).with_figures(vec![total_entry(loaded, lang)])
            })
            .collect(),
    };
    let totals = converted_totals(&chosen, &converter);
    let total = DataRow {
        key: "total".into(),
        label: Text::TotalRow.get(lang).into(),
        kind: RowKind::Total,
        cells: chosen
            .iter()
            .zip(&totals)
            .map(|(loaded, quantity)| {
                DataCell::of(*quantity, scale, lang)
                    .with_status(loaded.agreement.total.status_key())
                    .with_figures(vec![total_entry(loaded, lang)])
            })
            .collect(),
    };
    let mut footer = vec![rest, total];
    if chosen.len() > 1 {
        footer.push(change_row(&totals, scale, lang));
    }
    let unit = converter.label(lang);
    let table = DataTable {
        title: Text::TableTitle.get(lang).into(),
        corner: Text::TableRowHeader.get(lang).into(),
        unit: unit.clone(),
        scale,
        columns: shown
            .iter()
            .map(|shown| Column {
                key: shown.key(),
                header: column_header(shown, &converter, lang),
            })
            .collect(),
        rows,
        footer,
        note: Text::TableNote.get(lang).into(),
    };

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
        false,
    );
    let chart_rows: Vec<&DataRow> = table
        .rows
        .iter()
        .chain(table.footer.iter().take(1))
        .collect();
    let recipients_chart = rows_as_groups(&table, &chart_rows, lang, false);
    CompareView {
        totals: ChartView {
            key: "totals",
            title: Text::TotalsChartTitle.get(lang).into(),
            description: describe_totals(&table, lang, Text::TotalsChartTitle),
            chart: totals_chart,
        },
        recipients: ChartView {
            key: "recipients",
            title: Text::RecipientChartTitle.get(lang).into(),
            description: describe_rows(&table, &chart_rows, lang, Text::RecipientChartTitle),
            chart: recipients_chart,
        },
        table,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{parse_query, Prices, Units};
    use crate::view::tests_support::catalog;

    fn plain(text: &str) -> String {
        text.replace(['\u{202F}', '\u{a0}'], " ")
    }

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
        assert_eq!(total.cells[0].status, Some("disputed"));
        assert_eq!(
            total.cells[0].figures[0].citations.len(),
            2,
            "both sources of the dispute"
        );
        let regions = view.table.rows.iter().find(|r| r.key == "regions").unwrap();
        assert_eq!(regions.cells[0], DataCell::empty());
        assert_eq!(
            regions.cells[2].status,
            Some("derived"),
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
