//! The comparison table: years as columns, recipients as rows, then the
//! money not broken down, the total, and the change between years.

use crate::analysis::{format_change, format_value, Comparison};
use crate::catalog::LoadedAgreement;
use crate::format;
use crate::i18n::{Lang, Text};
use crate::model::{Figure, Recipient};

/// One table cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The text shown.
    pub text: String,
    /// The status key (`stated`, `derived`, `disputed`, `unknown`), or `None`
    /// for cells without one (empty cells, changes).
    pub status: Option<&'static str>,
}

/// What a row holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A recipient's money.
    Recipient,
    /// Money the sources do not break down.
    NotBrokenDown,
    /// The agreement's total.
    Total,
    /// The change from the previous chosen year.
    Change,
}

/// One table row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The row header.
    pub label: String,
    /// What the row holds.
    pub kind: RowKind,
    /// One cell per year.
    pub cells: Vec<Cell>,
}

/// The whole table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableView {
    /// The caption.
    pub caption: String,
    /// The header of the row-label column.
    pub corner: String,
    /// Column headers.
    pub years: Vec<String>,
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// The note under the table.
    pub note: String,
}

fn empty_cell() -> Cell {
    Cell {
        text: "–".into(),
        status: None,
    }
}

/// The status of a recipient's sum in one year: derived if any part is.
fn recipient_status(loaded: &LoadedAgreement, recipient: Recipient) -> &'static str {
    let derived = loaded
        .agreement
        .leaves()
        .filter(|leaf| leaf.recipient == recipient)
        .any(|leaf| matches!(leaf.amount, Figure::Derived { .. }));
    if derived {
        "derived"
    } else {
        "stated"
    }
}

/// Builds the table for `comparison`, whose years are those of `chosen`.
pub fn comparison_table(
    comparison: &Comparison,
    chosen: &[&LoadedAgreement],
    lang: Lang,
) -> TableView {
    let mut rows: Vec<Row> = comparison
        .rows
        .iter()
        .map(|row| Row {
            label: row.recipient.label(lang).to_string(),
            kind: RowKind::Recipient,
            cells: row
                .cells
                .iter()
                .zip(chosen)
                .map(|(cell, loaded)| match cell {
                    Some(kronor) => Cell {
                        text: format::million_kronor(*kronor, lang),
                        status: Some(recipient_status(loaded, row.recipient)),
                    },
                    None => empty_cell(),
                })
                .collect(),
        })
        .collect();
    rows.push(Row {
        label: Text::NotBrokenDownRow.get(lang).to_string(),
        kind: RowKind::NotBrokenDown,
        cells: comparison
            .not_broken_down
            .iter()
            .map(|value| Cell {
                text: format_value(*value, lang),
                status: None,
            })
            .collect(),
    });
    rows.push(Row {
        label: Text::TotalRow.get(lang).to_string(),
        kind: RowKind::Total,
        cells: comparison
            .totals
            .iter()
            .zip(chosen)
            .map(|(value, loaded)| Cell {
                text: format_value(*value, lang),
                status: Some(loaded.agreement.total.status_key()),
            })
            .collect(),
    });
    if comparison.years.len() > 1 {
        rows.push(Row {
            label: Text::ChangeRow.get(lang).to_string(),
            kind: RowKind::Change,
            cells: comparison
                .changes
                .iter()
                .map(|change| match change {
                    Some(change) => Cell {
                        text: format_change(change, lang),
                        status: None,
                    },
                    None => empty_cell(),
                })
                .collect(),
        });
    }
    TableView {
        caption: Text::TableTitle.get(lang).to_string(),
        corner: Text::TableRowHeader.get(lang).to_string(),
        years: comparison
            .years
            .iter()
            .zip(&comparison.disputed)
            .map(|(year, disputed)| {
                if *disputed {
                    format!("{year} ({})", Text::DisputedMarker.get(lang))
                } else {
                    year.to_string()
                }
            })
            .collect(),
        rows,
        note: Text::TableNote.get(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compare_by_recipient;
    use crate::view::tests_support::loaded;

    fn plain(text: &str) -> String {
        text.replace(['\u{202F}', '\u{a0}'], " ")
    }

    #[test]
    fn default_table_has_the_sourced_numbers() {
        let all = loaded();
        let chosen: Vec<&LoadedAgreement> = all
            .iter()
            .filter(|l| [2015, 2016, 2018].contains(&l.agreement.year))
            .collect();
        let agreements: Vec<_> = chosen.iter().map(|l| &l.agreement).collect();
        let table = comparison_table(&compare_by_recipient(&agreements), &chosen, Lang::Sv);
        assert_eq!(table.years, ["2015 (omstritt)", "2016", "2018"]);
        let total = table
            .rows
            .iter()
            .find(|r| r.kind == RowKind::Total)
            .unwrap();
        let texts: Vec<String> = total.cells.iter().map(|c| plain(&c.text)).collect();
        assert_eq!(texts, ["696–844 mnkr", "845 mnkr", "1 414 mnkr"]);
        assert_eq!(total.cells[0].status, Some("disputed"));
        assert_eq!(total.cells[1].status, Some("stated"));
        let regions = table
            .rows
            .iter()
            .find(|r| r.label == "Regioner (landsting)")
            .unwrap();
        assert_eq!(
            regions.cells[0],
            Cell {
                text: "–".into(),
                status: None
            }
        );
        // 2018's regions include the derived remainder of 64 MSEK.
        assert_eq!(regions.cells[2].status, Some("derived"));
        let change = table.rows.last().unwrap();
        assert_eq!(change.kind, RowKind::Change);
        assert_eq!(plain(&change.cells[2].text), "+569 mnkr (+67,3 %)");
    }

    #[test]
    fn a_single_year_has_no_change_row() {
        let all = loaded();
        let chosen: Vec<&LoadedAgreement> =
            all.iter().filter(|l| l.agreement.year == 2013).collect();
        let agreements: Vec<_> = chosen.iter().map(|l| &l.agreement).collect();
        let table = comparison_table(&compare_by_recipient(&agreements), &chosen, Lang::En);
        assert!(table.rows.iter().all(|r| r.kind != RowKind::Change));
        let total = table
            .rows
            .iter()
            .find(|r| r.kind == RowKind::Total)
            .unwrap();
        assert_eq!(
            total.cells[0],
            Cell {
                text: "n/a".into(),
                status: Some("unknown")
            }
        );
    }
}
