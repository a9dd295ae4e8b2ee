//! One table model for every view: the chart is drawn from the same rows, so
//! the table always has exactly the chart's numbers. Rows can be sorted by
//! any column; footer rows (totals, changes) stay put.

use crate::analysis::{Quantity, StepKind};
use crate::format::Scale;
use crate::i18n::{Lang, Text};
use crate::keyed::keyed_enum;
use crate::messages;
use crate::model::Status;

use super::FigureEntry;

keyed_enum! {
    /// What a row holds; the key is its CSS hook and its kind in exports.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum RowKind {
        /// An item: a recipient, a purpose, a year, a bridge step.
        Item = "item",
        /// Money the sources do not break down.
        NotBrokenDown = "not-broken-down",
        /// A sum of item rows shown beside them (never drawn, never summed).
        Subtotal = "subtotal",
        /// A total.
        Total = "total",
        /// An "of which" figure of the total: part of it, placed in no row.
        OfWhich = "of-which",
        /// A change between columns.
        Change = "change",
    }
}

/// What a cell's number is beyond its value: how the figure behind it is
/// known, or, in a bridge, what kind of change it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CellStatus {
    /// The status of the figure (or, for a sum, the weakest of its parts).
    Figure(Status),
    /// A bridge step's kind.
    Step(StepKind),
}

impl CellStatus {
    /// The key: a CSS hook (`data-status`) and the status in exports.
    pub fn key(self) -> &'static str {
        match self {
            CellStatus::Figure(status) => status.key(),
            CellStatus::Step(kind) => kind.key(),
        }
    }

    /// The status in words, for those who cannot see the cell's mark (* †);
    /// `None` where there is no mark.
    pub fn spoken(self, lang: Lang) -> Option<&'static str> {
        match self {
            CellStatus::Figure(status @ (Status::Disputed | Status::Derived)) => {
                Some(status.label(lang))
            }
            _ => None,
        }
    }
}

impl From<Status> for CellStatus {
    fn from(status: Status) -> Self {
        CellStatus::Figure(status)
    }
}

impl From<StepKind> for CellStatus {
    fn from(kind: StepKind) -> Self {
        CellStatus::Step(kind)
    }
}

/// One cell: its number, its text, its status and the figures behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct DataCell {
    /// The number, in the table's unit.
    pub quantity: Quantity,
    /// The text shown.
    pub text: String,
    /// How the number is known, or `None` for computed cells.
    pub status: Option<CellStatus>,
    /// The figures the number comes from, with their sources.
    pub figures: Vec<FigureEntry>,
}

impl DataCell {
    /// A cell with nothing in it (no such item that year).
    pub fn empty() -> DataCell {
        DataCell {
            quantity: Quantity::Unknown,
            text: "–".into(),
            status: None,
            figures: Vec::new(),
        }
    }

    /// A cell showing `quantity` in `scale`.
    pub fn of(quantity: Quantity, scale: Scale, lang: Lang) -> DataCell {
        DataCell {
            quantity,
            text: quantity_text(quantity, scale, lang, false),
            status: None,
            figures: Vec::new(),
        }
    }

    /// A signed cell (a change).
    pub fn change(quantity: Quantity, scale: Scale, lang: Lang) -> DataCell {
        DataCell {
            quantity,
            text: quantity_text(quantity, scale, lang, true),
            status: None,
            figures: Vec::new(),
        }
    }

    /// With a status.
    pub fn with_status(mut self, status: impl Into<CellStatus>) -> DataCell {
        self.status = Some(status.into());
        self
    }

    /// With the figures behind it.
    pub fn with_figures(mut self, figures: Vec<FigureEntry>) -> DataCell {
        self.figures = figures;
        self
    }
}

/// A quantity as text in `scale`.
pub fn quantity_text(quantity: Quantity, scale: Scale, lang: Lang, signed: bool) -> String {
    match quantity {
        Quantity::Exact(value) if signed => scale.format_signed(value, lang),
        Quantity::Exact(value) => scale.format(value, lang),
        Quantity::Range(low, high) if signed => messages::between(
            &scale.format_signed(low, lang),
            &scale.format_signed(high, lang),
            lang,
        ),
        Quantity::Range(low, high) => scale.format_range(low, high, lang),
        Quantity::Unknown => Text::UnknownShort.get(lang).to_string(),
        Quantity::NoReference(gap) => gap.short(lang),
    }
}

/// One row.
#[derive(Clone, Debug, PartialEq)]
pub struct DataRow {
    /// A stable key (an allocation id, a recipient key, a year).
    pub key: String,
    /// The row header.
    pub label: String,
    /// What the row holds.
    pub kind: RowKind,
    /// One cell per column.
    pub cells: Vec<DataCell>,
}

/// A column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// A stable key (a year, `change`, …).
    pub key: String,
    /// The header shown.
    pub header: String,
}

/// A table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataTable {
    /// The heading.
    pub title: String,
    /// The header of the row-label column.
    pub corner: String,
    /// The unit, in words.
    pub unit: String,
    /// How numbers are written.
    pub scale: Scale,
    /// Value columns.
    pub columns: Vec<Column>,
    /// Body rows (sortable).
    pub rows: Vec<DataRow>,
    /// Footer rows (never sorted).
    pub footer: Vec<DataRow>,
    /// A note under the table.
    pub note: String,
}

/// How the body is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// As the data orders it.
    #[default]
    Natural,
    /// By a column, smallest first.
    Ascending(usize),
    /// By a column, largest first.
    Descending(usize),
}

impl SortOrder {
    /// The next order when a column's header is clicked: largest first, then
    /// smallest first, then back to the natural order.
    pub fn next(self, column: usize) -> SortOrder {
        match self {
            SortOrder::Descending(current) if current == column => SortOrder::Ascending(column),
            SortOrder::Ascending(current) if current == column => SortOrder::Natural,
            _ => SortOrder::Descending(column),
        }
    }

    /// The `aria-sort` value for `column`.
    pub fn aria(self, column: usize) -> &'static str {
        match self {
            SortOrder::Ascending(current) if current == column => "ascending",
            SortOrder::Descending(current) if current == column => "descending",
            _ => "none",
        }
    }
}

impl DataTable {
    /// Body rows in `order`. Cells without a number sort last either way.
    pub fn sorted_rows(&self, order: SortOrder) -> Vec<&DataRow> {
        let mut rows: Vec<&DataRow> = self.rows.iter().collect();
        let (column, descending) = match order {
            SortOrder::Natural => return rows,
            SortOrder::Ascending(column) => (column, false),
            SortOrder::Descending(column) => (column, true),
        };
        rows.sort_by(|a, b| {
            let key = |row: &DataRow| row.cells.get(column).and_then(|cell| cell.quantity.low());
            match (key(a), key(b)) {
                (Some(x), Some(y)) if descending => y.total_cmp(&x),
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        });
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, values: &[Option<f64>]) -> DataRow {
        DataRow {
            key: label.into(),
            label: label.into(),
            kind: RowKind::Item,
            cells: values
                .iter()
                .map(|value| match value {
                    Some(value) => {
                        DataCell::of(Quantity::Exact(*value), Scale::MillionKronor, Lang::Sv)
                    }
                    None => DataCell::empty(),
                })
                .collect(),
        }
    }

    fn table() -> DataTable {
        DataTable {
            title: "t".into(),
            corner: "c".into(),
            unit: "u".into(),
            scale: Scale::MillionKronor,
            columns: vec![],
            rows: vec![
                row("a", &[Some(2.0), None]),
                row("b", &[None, Some(1.0)]),
                row("c", &[Some(3.0), Some(0.5)]),
            ],
            footer: vec![],
            note: String::new(),
        }
    }

    fn labels(rows: Vec<&DataRow>) -> Vec<&str> {
        rows.into_iter().map(|row| row.label.as_str()).collect()
    }

    #[test]
    fn sorting_puts_empty_cells_last_both_ways() {
        let table = table();
        assert_eq!(
            labels(table.sorted_rows(SortOrder::Natural)),
            ["a", "b", "c"]
        );
        assert_eq!(
            labels(table.sorted_rows(SortOrder::Descending(0))),
            ["c", "a", "b"]
        );
        assert_eq!(
            labels(table.sorted_rows(SortOrder::Ascending(0))),
            ["a", "c", "b"]
        );
        assert_eq!(
            labels(table.sorted_rows(SortOrder::Ascending(1))),
            ["c", "b", "a"]
        );
        assert_eq!(
            labels(table.sorted_rows(SortOrder::Descending(7))),
            ["a", "b", "c"]
        );
    }

    #[test]
    fn clicking_a_header_cycles_largest_smallest_natural() {
        let order = SortOrder::Natural.next(1);
        assert_eq!(order, SortOrder::Descending(1));
        assert_eq!(order.aria(1), "descending");
        assert_eq!(order.aria(0), "none");
        assert_eq!(order.next(1), SortOrder::Ascending(1));
        assert_eq!(order.next(1).next(1), SortOrder::Natural);
        assert_eq!(order.next(0), SortOrder::Descending(0));
    }
}
