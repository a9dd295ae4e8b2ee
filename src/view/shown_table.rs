//! What a table shows, header by header, row by row and cell by cell, as
//! keys. The page keeps an element as long as its key stays the same and
//! draws anew only the ones whose key changed: a year ticked adds one cell
//! to each row, and leaves every other cell, row and button as it was.

use crate::i18n::Lang;

use super::{CellStatus, Column, DataCell, DataRow, DataTable, RowKind, SortOrder};

/// Where a row sits: the body is sorted, the footer (totals, changes) stays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowPlace {
    /// The sortable rows.
    Body,
    /// The totals and changes under them.
    Footer,
}

/// A column header as shown: its label and whether the table is sorted by it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ShownColumn {
    /// The column's key (a year, `change`, …).
    pub key: String,
    /// The header text.
    pub header: String,
    /// The `aria-sort` value: `ascending`, `descending` or `none`.
    pub sort: &'static str,
}

/// A row as shown, without its cells (each of those is keyed on its own).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ShownRow {
    /// Body or footer.
    pub place: RowPlace,
    /// The row's key.
    pub key: String,
    /// The row header.
    pub label: String,
    /// What the row holds.
    pub kind: RowKind,
}

/// A cell as shown. What its dialog lists is looked up when it opens
/// ([`DataTable::cell`]), so it is not part of the key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ShownCell {
    /// The key of the cell's column.
    pub column: String,
    /// The text shown.
    pub text: String,
    /// How the figure is known, or the kind of a bridge step.
    pub status: Option<CellStatus>,
    /// The text with its status in words, for screen readers (the marks
    /// `*` `†` are for the eye); `None` where there is no mark.
    pub spoken: Option<String>,
    /// Whether the cell is a button that opens the figures behind it.
    pub opens: bool,
}

impl ShownColumn {
    /// The mark beside the header: the order the table is sorted in by this
    /// column, or that it can be (for the eye; `aria-sort` says it to a
    /// screen reader).
    pub fn mark(&self) -> &'static str {
        match self.sort {
            "descending" => "▼",
            "ascending" => "▲",
            _ => "↕",
        }
    }
}

impl ShownCell {
    fn of(cell: &DataCell, column: &Column, lang: Lang) -> ShownCell {
        let opens = !cell.figures.is_empty();
        let spoken = cell
            .status
            .filter(|_| opens)
            .and_then(|status| status.spoken(lang))
            .map(|word| format!("{} ({word})", cell.text));
        ShownCell {
            column: column.key.clone(),
            text: cell.text.clone(),
            status: cell.status,
            spoken,
            opens,
        }
    }
}

impl DataTable {
    /// The column headers, marked with `order`.
    pub fn shown_columns(&self, order: SortOrder) -> Vec<ShownColumn> {
        self.columns
            .iter()
            .enumerate()
            .map(|(index, column)| ShownColumn {
                key: column.key.clone(),
                header: column.header.clone(),
                sort: order.aria(index),
            })
            .collect()
    }

    /// The index of the column `key`.
    pub fn column_index(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|column| column.key == key)
    }

    /// The rows of `place`, the body in `order`.
    pub fn shown_rows(&self, place: RowPlace, order: SortOrder) -> Vec<ShownRow> {
        let rows = match place {
            RowPlace::Body => self.sorted_rows(order),
            RowPlace::Footer => self.footer.iter().collect(),
        };
        rows.into_iter()
            .map(|row| ShownRow {
                place,
                key: row.key.clone(),
                label: row.label.clone(),
                kind: row.kind,
            })
            .collect()
    }

    /// The row `key` of `place`.
    pub fn row(&self, place: RowPlace, key: &str) -> Option<&DataRow> {
        let rows = match place {
            RowPlace::Body => &self.rows,
            RowPlace::Footer => &self.footer,
        };
        rows.iter().find(|row| row.key == key)
    }

    /// The cells of the row `key` of `place`, in column order (none when
    /// the row is gone).
    pub fn shown_cells(&self, place: RowPlace, key: &str, lang: Lang) -> Vec<ShownCell> {
        self.row(place, key)
            .map(|row| {
                row.cells
                    .iter()
                    .zip(&self.columns)
                    .map(|(cell, column)| ShownCell::of(cell, column, lang))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// A cell with its row and column, by their keys.
    pub fn cell(
        &self,
        place: RowPlace,
        row: &str,
        column: &str,
    ) -> Option<(&DataRow, &Column, &DataCell)> {
        let row = self.row(place, row)?;
        let index = self.column_index(column)?;
        Some((row, self.columns.get(index)?, row.cells.get(index)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Quantity;
    use crate::format::Scale;
    use crate::model::Status;
    use crate::view::FigureEntry;

    fn column(year: &str) -> Column {
        Column {
            key: year.into(),
            header: year.into(),
        }
    }

    /// A cell of `millions` kronor.
    fn cell(millions: f64) -> DataCell {
        DataCell::of(
            Quantity::Exact(millions * 1e6),
            Scale::MillionKronor,
            Lang::Sv,
        )
    }

    fn row(key: &str, cells: Vec<DataCell>) -> DataRow {
        DataRow {
            key: key.into(),
            label: key.to_uppercase(),
            kind: RowKind::Item,
            cells,
        }
    }

    /// A table of `years`, two recipients, their value in a year the year's
    /// last two digits (and twice that), and a total.
    fn table(years: &[&str]) -> DataTable {
        let value = |year: &str| year[2..].parse::<f64>().unwrap();
        DataTable {
            columns: years.iter().map(|year| column(year)).collect(),
            rows: vec![
                row("a", years.iter().map(|year| cell(value(year))).collect()),
                row(
                    "b",
                    years.iter().map(|year| cell(2.0 * value(year))).collect(),
                ),
            ],
            footer: vec![row(
                "total",
                years.iter().map(|year| cell(3.0 * value(year))).collect(),
            )],
            ..DataTable::default()
        }
    }

    #[test]
    fn a_year_added_adds_one_cell_a_row_and_keeps_every_other() {
        let before = table(&["2015", "2018"]);
        let after = table(&["2015", "2016", "2018"]);
        for (place, key) in [
            (RowPlace::Body, "a"),
            (RowPlace::Body, "b"),
            (RowPlace::Footer, "total"),
        ] {
            let (old, new) = (
                before.shown_cells(place, key, Lang::Sv),
                after.shown_cells(place, key, Lang::Sv),
            );
            assert_eq!(new.len(), 3);
            assert!(
                old.iter().all(|cell| new.contains(cell)),
                "{key}: {old:?} {new:?}"
            );
            assert_eq!(new[1].column, "2016");
        }
        assert_eq!(
            before.shown_rows(RowPlace::Body, SortOrder::Natural),
            after.shown_rows(RowPlace::Body, SortOrder::Natural)
        );
        let headers = after.shown_columns(SortOrder::Natural);
        assert!(before
            .shown_columns(SortOrder::Natural)
            .iter()
            .all(|header| headers.contains(header)));
    }

    #[test]
    fn a_changed_number_changes_its_cell_only() {
        let before = table(&["2015", "2016"]);
        let mut after = before.clone();
        after.rows[0].cells[1] = cell(99.0);
        let (old, new) = (
            before.shown_cells(RowPlace::Body, "a", Lang::Sv),
            after.shown_cells(RowPlace::Body, "a", Lang::Sv),
        );
        assert_eq!(old[0], new[0]);
        assert_ne!(old[1], new[1]);
        assert_eq!(new[1].text, "99\u{a0}mnkr");
    }

    #[test]
    fn rows_follow_the_order_and_the_footer_stays() {
        let table = table(&["2015", "2016"]);
        let keys = |place, order| {
            table
                .shown_rows(place, order)
                .into_iter()
                .map(|row| row.key)
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(RowPlace::Body, SortOrder::Natural), ["a", "b"]);
        assert_eq!(keys(RowPlace::Body, SortOrder::Descending(0)), ["b", "a"]);
        assert_eq!(keys(RowPlace::Footer, SortOrder::Descending(0)), ["total"]);
        let sorted = table.shown_columns(SortOrder::Descending(1));
        assert_eq!(
            sorted.iter().map(|column| column.sort).collect::<Vec<_>>(),
            ["none", "descending"]
        );
        let marks = |order| {
            table
                .shown_columns(order)
                .iter()
                .map(ShownColumn::mark)
                .collect::<Vec<_>>()
        };
        assert_eq!(marks(SortOrder::Descending(1)), ["↕", "▼"]);
        assert_eq!(marks(SortOrder::Ascending(0)), ["▲", "↕"]);
    }

    #[test]
    fn a_cell_is_found_by_its_row_and_column_keys() {
        let table = table(&["2015", "2016"]);
        let (row, column, cell) = table.cell(RowPlace::Body, "b", "2016").unwrap();
        assert_eq!((row.label.as_str(), column.header.as_str()), ("B", "2016"));
        assert_eq!(cell.text, "32\u{a0}mnkr");
        assert!(table.cell(RowPlace::Footer, "b", "2016").is_none());
        assert!(table.cell(RowPlace::Body, "b", "2017").is_none());
        assert!(table
            .shown_cells(RowPlace::Body, "gone", Lang::Sv)
            .is_empty());
    }

    #[test]
    fn only_a_cell_with_figures_is_a_button_and_says_its_status() {
        let mut table = table(&["2015"]);
        let entry = FigureEntry {
            label: "A".into(),
            depth: 0,
            amount: "15".into(),
            status: Status::Derived,
            status_label: "derived",
            how: None,
            note: None,
            citations: vec![],
            inputs: vec![],
            of_which: false,
        };
        table.rows[0].cells[0] = cell(15.0)
            .with_status(Status::Derived)
            .with_figures(vec![entry]);
        table.rows[1].cells[0] = cell(30.0).with_status(Status::Derived);
        let a = &table.shown_cells(RowPlace::Body, "a", Lang::En)[0];
        let b = &table.shown_cells(RowPlace::Body, "b", Lang::En)[0];
        assert!(a.opens);
        assert_eq!(a.spoken.as_deref(), Some("15\u{a0}mnkr (derived)"));
        assert!(!b.opens);
        assert_eq!(b.spoken, None);
    }
}
