//! The chosen years side by side: totals, recipients, and the change between
//! neighbouring years. The table and the charts are both drawn from this.

use super::{breakdown_by_recipient, change_between, Change};
use crate::model::{Agreement, Recipient, Value};

/// One recipient's amounts across the chosen years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComparisonRow {
    /// The recipient.
    pub recipient: Recipient,
    /// One cell per year: `None` when no allocation of that year names this
    /// recipient (which is not the same as zero kronor).
    pub cells: Vec<Option<u64>>,
}

/// The chosen years compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The years, ascending.
    pub years: Vec<u16>,
    /// Each year's total.
    pub totals: Vec<Value>,
    /// Whether each year's total is disputed.
    pub disputed: Vec<bool>,
    /// Recipients that have money in at least one of the years.
    pub rows: Vec<ComparisonRow>,
    /// Money the sources do not break down, per year.
    pub not_broken_down: Vec<Value>,
    /// The change of the total from the previous chosen year (`None` for the
    /// first year and where a total is unknown).
    pub changes: Vec<Option<Change>>,
}

/// Compares the given agreements, which are sorted by year first.
pub fn compare_by_recipient(agreements: &[&Agreement]) -> Comparison {
    let mut sorted: Vec<&Agreement> = agreements.to_vec();
    sorted.sort_by_key(|agreement| agreement.year);
    let breakdowns: Vec<_> = sorted
        .iter()
        .map(|agreement| breakdown_by_recipient(agreement))
        .collect();
    let totals: Vec<Value> = breakdowns.iter().map(|breakdown| breakdown.total).collect();
    let rows = Recipient::ALL
        .iter()
        .map(|&recipient| ComparisonRow {
            recipient,
            cells: breakdowns
                .iter()
                .map(|breakdown| breakdown.get(recipient))
                .collect(),
        })
        .filter(|row| row.cells.iter().any(Option::is_some))
        .collect();
    let changes = (0..totals.len())
        .map(|i| {
            if i == 0 {
                None
            } else {
                change_between(totals[i - 1], totals[i])
            }
        })
        .collect();
    Comparison {
        years: sorted.iter().map(|agreement| agreement.year).collect(),
        disputed: sorted
            .iter()
            .map(|agreement| matches!(agreement.total.value(), Value::Range { .. }))
            .collect(),
        totals,
        rows,
        not_broken_down: breakdowns
            .iter()
            .map(|breakdown| breakdown.not_broken_down)
            .collect(),
        changes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::bundled;

    #[test]
    fn default_comparison_2015_2016_2018() {
        let all = bundled();
        let chosen: Vec<&Agreement> = all
            .iter()
            .filter(|a| [2018, 2015, 2016].contains(&a.year))
            .collect();
        let comparison = compare_by_recipient(&chosen);
        assert_eq!(comparison.years, [2015, 2016, 2018]);
        assert_eq!(
            comparison.totals,
            [
                Value::Range {
                    low: 696_000_000,
                    high: 844_000_000
                },
                Value::Exact(845_000_000),
                Value::Exact(1_414_000_000)
            ]
        );
        assert_eq!(comparison.disputed, [true, false, false]);
        // 2016 → 2018: +569 MSEK.
        let change = comparison.changes[2].unwrap();
        assert_eq!((change.low, change.high), (569_000_000, 569_000_000));
        // 2015 has no allocation to regions alone: an empty cell, not zero.
        let regions = comparison
            .rows
            .iter()
            .find(|row| row.recipient == Recipient::Regions)
            .unwrap();
        assert_eq!(regions.cells, [None, Some(450_000_000), Some(884_000_000)]);
        let skr = comparison
            .rows
            .iter()
            .find(|row| row.recipient == Recipient::Skr)
            .unwrap();
        assert_eq!(
            skr.cells,
            [Some(66_000_000), Some(65_000_000), Some(50_000_000)]
        );
    }

    #[test]
    fn every_row_plus_not_broken_down_adds_up_to_each_exact_total() {
        let all = bundled();
        let chosen: Vec<&Agreement> = all.iter().collect();
        let comparison = compare_by_recipient(&chosen);
        for (column, total) in comparison.totals.iter().enumerate() {
            let (Value::Exact(total), Value::Exact(rest)) =
                (total, comparison.not_broken_down[column])
            else {
                continue;
            };
            let rows: u64 = comparison
                .rows
                .iter()
                .filter_map(|row| row.cells[column])
                .sum();
            assert_eq!(rows + rest, *total, "year {}", comparison.years[column]);
        }
    }
}
