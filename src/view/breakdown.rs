//! The chosen years side by side, by recipient or by purpose, in kronor or as
//! shares of each year's total, grouped or stacked.

use crate::analysis::{
    breakdown_by_purpose, breakdown_by_recipient, Breakdown, Converter, Piece, Quantity,
};
use crate::catalog::{Catalog, LoadedAgreement};
use crate::format::Scale;
use crate::i18n::{Lang, Text};
use crate::model::{Purpose, Recipient, Value};
use crate::state::{Dimension, Measure, ViewState};

use super::common::{
    column_header, piece_entries, sum_status, table_chart, table_chart_walk, total_entry, ChartKey,
    ChartView,
};
use super::summary::describe_rows;
use super::{figure_entry, Column, DataCell, DataRow, DataTable, RowKind};

/// Everything the breakdown view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakdownView {
    /// The chart.
    pub chart: ChartView,
    /// Its numbers.
    pub table: DataTable,
}

/// One key of a breakdown: a recipient or a purpose.
pub(super) trait Key: Copy + PartialEq + 'static {
    fn heading(lang: Lang) -> &'static str;
    fn all() -> &'static [Self];
    fn key(self) -> &'static str;
    fn label(self, lang: Lang) -> &'static str;
    fn breakdown(agreement: &crate::model::Agreement) -> Breakdown<'_, Self>;
    /// Keys that also get a row of their sum, and its name.
    fn subtotal() -> Option<(&'static [Self], Text)> {
        None
    }
}

impl Key for Recipient {
    fn heading(lang: Lang) -> &'static str {
        Text::DimensionRecipient.get(lang)
    }
    fn all() -> &'static [Self] {
        Recipient::ALL
    }
    fn key(self) -> &'static str {
        Recipient::key(self)
    }
    fn label(self, lang: Lang) -> &'static str {
        Recipient::label(self, lang)
    }
    fn breakdown(agreement: &crate::model::Agreement) -> Breakdown<'_, Self> {
        breakdown_by_recipient(agreement)
    }
    fn subtotal() -> Option<(&'static [Self], Text)> {
        // What goes to municipalities and regions in all, however the sources split it.
        const LOCAL: &[Recipient] = &[
            Recipient::Regions,
            Recipient::Municipalities,
            Recipient::Both,
        ];
        Some((LOCAL, Text::MunicipalitiesAndRegionsSubtotal))
    }
}

impl Key for Purpose {
    fn heading(lang: Lang) -> &'static str {
        Text::DimensionPurpose.get(lang)
    }
    fn all() -> &'static [Self] {
        Purpose::ALL
    }
    fn key(self) -> &'static str {
        Purpose::key(self)
    }
    fn label(self, lang: Lang) -> &'static str {
        Purpose::label(self, lang)
    }
    fn breakdown(agreement: &crate::model::Agreement) -> Breakdown<'_, Self> {
        breakdown_by_purpose(agreement)
    }
}

/// Builds the breakdown view.
pub fn breakdown_view(catalog: &Catalog, state: &ViewState) -> BreakdownView {
    match state.dimension {
        Dimension::Recipient => build::<Recipient>(catalog, state, Text::RecipientChartTitle),
        Dimension::Purpose => build::<Purpose>(catalog, state, Text::PurposeChartTitle),
    }
}

fn build<K: Key>(catalog: &Catalog, state: &ViewState, title: Text) -> BreakdownView {
    let lang = state.lang;
    let table = breakdown_table::<K>(catalog, state, title);
    let chart_rows: Vec<&DataRow> = table
        .rows
        .iter()
        .chain(table.footer.iter().take(1))
        .collect();
    let chart = table_chart(&table, &chart_rows, lang, state.layout);
    BreakdownView {
        chart: ChartView {
            key: ChartKey::Breakdown,
            title: title.get(lang).into(),
            description: describe_rows(&table, &chart_rows, lang, title),
            walk: table_chart_walk(&chart, &table),
            chart,
        },
        table,
    }
}

/// The table of a breakdown: a row per key that has money in a shown year,
/// then the money not broken down and the total, in the chosen units or as
/// shares. The compare view's table is this, by recipient, in amounts.
pub(super) fn breakdown_table<K: Key>(
    catalog: &Catalog,
    state: &ViewState,
    title: Text,
) -> DataTable {
    let lang = state.lang;
    let shown = catalog.shown(&state.years);
    let columns = YearColumns::<K>::new(
        catalog,
        state,
        shown.iter().map(|shown| shown.loaded).collect(),
    );
    let rows = columns.item_rows();
    let footer = std::iter::once(columns.rest_row())
        .chain(columns.subtotal_row(&rows))
        .chain(std::iter::once(columns.total_row()))
        .chain(columns.of_which_rows())
        .collect();
    DataTable {
        title: title.get(lang).into(),
        corner: K::heading(lang).into(),
        unit: if columns.share {
            Text::ShareAxis.get(lang).to_string()
        } else {
            columns.converter.label(lang)
        },
        scale: columns.scale,
        columns: shown
            .iter()
            .map(|shown| Column {
                key: shown.key(),
                header: column_header(shown, &columns.converter, lang),
            })
            .collect(),
        rows,
        footer,
        note: Text::TableNote.get(lang).into(),
    }
}

/// The shown years of a breakdown table, a column each: each year's
/// agreement and its breakdown by `K`, and how a cell is measured.
struct YearColumns<'a, K> {
    lang: Lang,
    converter: Converter<'a>,
    /// Shares of each year's total, not amounts.
    share: bool,
    scale: Scale,
    chosen: Vec<&'a LoadedAgreement>,
    breakdowns: Vec<Breakdown<'a, K>>,
}

impl<'a, K: Key> YearColumns<'a, K> {
    fn new(catalog: &'a Catalog, state: &ViewState, chosen: Vec<&'a LoadedAgreement>) -> Self {
        let converter = catalog.converter(state.units);
        let share = state.measure == Measure::Share;
        YearColumns {
            lang: state.lang,
            scale: if share {
                Scale::Percent
            } else {
                converter.scale()
            },
            converter,
            share,
            breakdowns: chosen
                .iter()
                .map(|loaded| K::breakdown(&loaded.agreement))
                .collect(),
            chosen,
        }
    }

    /// `value` of a year whose total is `total`, in the table's measure.
    /// Shares are of the nominal total: a ratio is the same in any prices.
    fn measure(&self, year: u16, value: Value, total: Value) -> Quantity {
        if self.share {
            let nominal =
                |value: Value| Converter::new(Default::default(), None, None).convert(year, value);
            nominal(value).share_of(nominal(total))
        } else {
            self.converter.convert(year, value)
        }
    }

    /// A row with a cell a year, each made by `cell` from the year's
    /// agreement and breakdown.
    fn row(
        &self,
        key: String,
        label: String,
        kind: RowKind,
        cell: impl Fn(&LoadedAgreement, &Breakdown<'a, K>) -> DataCell,
    ) -> DataRow {
        let cells = self
            .chosen
            .iter()
            .zip(&self.breakdowns)
            .map(|(loaded, breakdown)| cell(loaded, breakdown))
            .collect();
        DataRow {
            key,
            label,
            kind,
            cells,
        }
    }

    /// A cell of `value`, made of `pieces`: its status and figures are theirs.
    fn pieces_cell(
        &self,
        loaded: &LoadedAgreement,
        breakdown: &Breakdown<'a, K>,
        value: Value,
        pieces: &[Piece],
    ) -> DataCell {
        let entries = piece_entries(&loaded.agreement, pieces, self.lang);
        let quantity = self.measure(loaded.agreement.year, value, breakdown.total);
        DataCell::of(quantity, self.scale, self.lang)
            .with_status(sum_status(&entries))
            .with_figures(entries)
    }

    /// A row per key that has money in a shown year.
    fn item_rows(&self) -> Vec<DataRow> {
        K::all()
            .iter()
            .filter(|key| {
                self.breakdowns
                    .iter()
                    .any(|breakdown| breakdown.get(**key).is_some())
            })
            .map(|&key| {
                self.row(
                    key.key().into(),
                    key.label(self.lang).into(),
                    RowKind::Item,
                    |loaded, breakdown| match breakdown.get(key) {
                        Some(value) => {
                            self.pieces_cell(loaded, breakdown, value, breakdown.pieces(key))
                        }
                        None => DataCell::empty(),
                    },
                )
            })
            .collect()
    }

    /// The money the sources do not break down by `K`.
    fn rest_row(&self) -> DataRow {
        let label = Text::NotBrokenDownRow.get(self.lang).into();
        self.row(
            "not-broken-down".into(),
            label,
            RowKind::NotBrokenDown,
            |loaded, breakdown| {
                let quantity = self.measure(
                    loaded.agreement.year,
                    breakdown.not_broken_down,
                    breakdown.total,
                );
                DataCell::of(quantity, self.scale, self.lang)
                    .with_figures(vec![total_entry(loaded, self.lang)])
            },
        )
    }

    /// The sum of `K`'s subtotal keys among `rows`, when more than one is
    /// there (one key alone is its own row already).
    fn subtotal_row(&self, rows: &[DataRow]) -> Option<DataRow> {
        let (keys, name) = K::subtotal()?;
        let present: Vec<K> = keys
            .iter()
            .copied()
            .filter(|key| rows.iter().any(|row| row.key == key.key()))
            .collect();
        if present.len() < 2 {
            return None;
        }
        let label = name.get(self.lang).into();
        Some(self.row(
            "subtotal".into(),
            label,
            RowKind::Subtotal,
            |loaded, breakdown| {
                let values: Vec<Value> = present
                    .iter()
                    .filter_map(|key| breakdown.get(*key))
                    .collect();
                if values.is_empty() {
                    return DataCell::empty();
                }
                let value = values.into_iter().fold(Value::Exact(0), Value::plus);
                let pieces: Vec<Piece> = present
                    .iter()
                    .flat_map(|key| breakdown.pieces(*key).iter().copied())
                    .collect();
                self.pieces_cell(loaded, breakdown, value, &pieces)
            },
        ))
    }

    /// Each year's total.
    fn total_row(&self) -> DataRow {
        let label = Text::TotalRow.get(self.lang).into();
        self.row(
            "total".into(),
            label,
            RowKind::Total,
            |loaded, breakdown| {
                let quantity =
                    self.measure(loaded.agreement.year, breakdown.total, breakdown.total);
                DataCell::of(quantity, self.scale, self.lang)
                    .with_status(loaded.agreement.total.status())
                    .with_figures(vec![total_entry(loaded, self.lang)])
            },
        )
    }

    /// A row per "of which" figure of the total: shown under the total,
    /// never summed and never drawn as a part.
    fn of_which_rows(&self) -> Vec<DataRow> {
        let lang = self.lang;
        let mut ids: Vec<&str> = Vec::new();
        for loaded in &self.chosen {
            for part in loaded.agreement.of_which(None) {
                if !ids.contains(&part.id.as_str()) {
                    ids.push(&part.id);
                }
            }
        }
        ids.into_iter()
            .map(|id| {
                let name = self
                    .chosen
                    .iter()
                    .find_map(|loaded| loaded.agreement.allocation(id))
                    .map(|part| part.label.get(lang).to_string())
                    .unwrap_or_default();
                let label = format!("{} {name}", Text::OfWhich.get(lang));
                self.row(
                    format!("of-which:{id}"),
                    label,
                    RowKind::OfWhich,
                    |loaded, breakdown| {
                        let Some(part) = loaded.agreement.of_which(None).find(|part| part.id == id)
                        else {
                            return DataCell::empty();
                        };
                        let quantity = self.measure(
                            loaded.agreement.year,
                            part.amount.value(),
                            breakdown.total,
                        );
                        let entry = figure_entry(
                            &loaded.agreement,
                            part.label.get(lang).into(),
                            1,
                            &part.amount,
                            lang,
                        );
                        DataCell::of(quantity, self.scale, lang)
                            .with_status(part.amount.status())
                            .with_figures(vec![entry])
                    },
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse_query;
    use crate::view::tests_support::{catalog, plain};

    #[test]
    fn shares_of_every_year_add_up_to_100_percent() {
        let view = breakdown_view(
            &catalog(),
            &parse_query("view=breakdown&years=2016,2018,2020,2024&measure=share").state,
        );
        assert_eq!(view.table.scale, Scale::Percent);
        for column in 0..view.table.columns.len() {
            let sum: f64 = view
                .table
                .rows
                .iter()
                .chain(view.table.footer.iter().take(1))
                .filter_map(|row| row.cells[column].quantity.low())
                .sum();
            assert!(
                (sum - 100.0).abs() < 1e-9,
                "{}: {sum}",
                view.table.columns[column].key
            );
        }
        let regions = view.table.rows.iter().find(|r| r.key == "regions").unwrap();
        // 450 of 845 = 53.3 %.
        assert_eq!(plain(&regions.cells[0].text), "53,3 %");
    }

    #[test]
    fn by_purpose_groups_the_same_purpose_across_years() {
        let view = breakdown_view(
            &catalog(),
            &parse_query("view=breakdown&years=2016,2018&by=purpose").state,
        );
        let youth = view
            .table
            .rows
            .iter()
            .find(|r| r.key == "youth-clinics")
            .unwrap();
        assert_eq!(
            youth
                .cells
                .iter()
                .map(|c| plain(&c.text))
                .collect::<Vec<_>>(),
            ["130 mnkr", "130 mnkr"]
        );
        assert_eq!(view.table.corner, "Ändamål");
        assert_eq!(view.chart.title, "Fördelning per ändamål");
    }

    #[test]
    fn stacked_layout_has_a_column_per_year_and_a_segment_per_row() {
        let view = breakdown_view(
            &catalog(),
            &parse_query("view=breakdown&years=2016,2018&layout=stacked").state,
        );
        assert_eq!(view.chart.chart.layout, crate::chart::BarLayout::Stacked);
        assert_eq!(view.chart.chart.groups, ["2016", "2018"]);
        assert_eq!(view.chart.chart.series.len(), view.table.rows.len() + 1);
    }

    #[test]
    fn a_disputed_total_gives_share_ranges() {
        let view = breakdown_view(
            &catalog(),
            &parse_query("view=breakdown&years=2015&measure=share").state,
        );
        let skr = view.table.rows.iter().find(|r| r.key == "skr").unwrap();
        // 66 of 696–844 MSEK: 7.8–9.5 %.
        assert_eq!(plain(&skr.cells[0].text), "7,8–9,5 %");
    }
}
