//! A chart as a place the keyboard can walk: every drawn bar is a point with
//! the sentence a screen reader says for it, built from the table cell the
//! bar is drawn from, so the chart and the table can never disagree.
//!
//! The model, the same in every view (the help under each chart says it):
//! ←/→ go to the previous and next bar of the same series, ↑/↓ to the
//! previous and next series at the same place, Home/End to the first and last
//! bar of the series, Page Up/Page Down to the largest and smallest value in
//! the chart, Enter opens the bar's sources.

use crate::analysis::Quantity;
use crate::chart::{Bar, GroupedBarChart};
use crate::i18n::{Lang, Text};
use crate::messages;
use crate::model::Status;

use super::{CellStatus, DataCell, DataTable, RowPlace};

/// Where the number behind a bar sits in the view's table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellAt {
    /// Body or footer.
    pub place: RowPlace,
    /// The row's index in its place.
    pub row: usize,
    /// The column's index.
    pub column: usize,
}

impl CellAt {
    /// The cell at `row` of `place` and `column`.
    pub fn new(place: RowPlace, row: usize, column: usize) -> CellAt {
        CellAt { place, row, column }
    }
}

/// One bar the keyboard can stop at.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    /// Its group along the category axis.
    pub group: usize,
    /// Its series.
    pub series: usize,
    /// The lowest and highest value it shows, in display units; `None`
    /// when unknown (never the largest or smallest).
    pub extent: Option<(f64, f64)>,
    /// What is announced when it is focused.
    pub sentence: String,
    /// The row's and the column's keys of its table cell, to open its sources.
    pub cell: Option<(RowPlace, String, String)>,
}

/// A key of the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalkKey {
    /// The next bar of the series (→).
    Next,
    /// The previous bar of the series (←).
    Previous,
    /// The next series at the same place (↓).
    NextSeries,
    /// The previous series at the same place (↑).
    PreviousSeries,
    /// The series' first bar (Home).
    First,
    /// The series' last bar (End).
    Last,
    /// The largest value in the chart (Page Up).
    Largest,
    /// The smallest value in the chart (Page Down).
    Smallest,
}

impl WalkKey {
    /// The walk key for a `KeyboardEvent.key`, if it is one.
    pub fn from_key(key: &str) -> Option<WalkKey> {
        Some(match key {
            "ArrowRight" => WalkKey::Next,
            "ArrowLeft" => WalkKey::Previous,
            "ArrowDown" => WalkKey::NextSeries,
            "ArrowUp" => WalkKey::PreviousSeries,
            "Home" => WalkKey::First,
            "End" => WalkKey::Last,
            "PageUp" => WalkKey::Largest,
            "PageDown" => WalkKey::Smallest,
            _ => return None,
        })
    }
}

/// Every bar of a chart in walking order (series by series, groups in order).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartWalk {
    /// The points.
    pub points: Vec<ChartPoint>,
}

impl ChartWalk {
    /// The point a key leads to from `from` (`None`: nothing focused yet,
    /// which any key but the extremes answers with the first bar). A key
    /// that leads nowhere stays where it is.
    pub fn step(&self, from: Option<usize>, key: WalkKey) -> Option<usize> {
        if self.points.is_empty() {
            return None;
        }
        let extreme = |largest: bool| {
            let value = |point: &ChartPoint| {
                point
                    .extent
                    .map(|(low, high)| if largest { high } else { low })
            };
            self.points
                .iter()
                .enumerate()
                .filter_map(|(index, point)| value(point).map(|value| (index, value)))
                .reduce(|best, next| {
                    let better = if largest {
                        next.1 > best.1
                    } else {
                        next.1 < best.1
                    };
                    if better {
                        next
                    } else {
                        best
                    }
                })
                .map(|(index, _)| index)
        };
        let Some(from) = from.filter(|&index| index < self.points.len()) else {
            return match key {
                WalkKey::Largest => extreme(true).or(Some(0)),
                WalkKey::Smallest => extreme(false).or(Some(0)),
                WalkKey::Last => self.step(Some(0), WalkKey::Last),
                _ => Some(0),
            };
        };
        let here = &self.points[from];
        let in_series = |series: usize| {
            self.points
                .iter()
                .enumerate()
                .filter(move |(_, point)| point.series == series)
        };
        let found = match key {
            WalkKey::Next => in_series(here.series)
                .find(|(_, point)| point.group > here.group)
                .map(|(index, _)| index),
            WalkKey::Previous => in_series(here.series)
                .rfind(|(_, point)| point.group < here.group)
                .map(|(index, _)| index),
            WalkKey::First => in_series(here.series).next().map(|(index, _)| index),
            WalkKey::Last => in_series(here.series).next_back().map(|(index, _)| index),
            WalkKey::NextSeries | WalkKey::PreviousSeries => {
                let forward = key == WalkKey::NextSeries;
                let series = self
                    .points
                    .iter()
                    .map(|point| point.series)
                    .filter(|&series| {
                        if forward {
                            series > here.series
                        } else {
                            series < here.series
                        }
                    })
                    .reduce(|a, b| if forward { a.min(b) } else { a.max(b) });
                series.and_then(|series| {
                    in_series(series)
                        .min_by_key(|(_, point)| point.group.abs_diff(here.group))
                        .map(|(index, _)| index)
                })
            }
            WalkKey::Largest => extreme(true),
            WalkKey::Smallest => extreme(false),
        };
        Some(found.unwrap_or(from))
    }

    /// The point drawn for `group` and `series`.
    pub fn at(&self, group: usize, series: usize) -> Option<usize> {
        self.points
            .iter()
            .position(|point| point.group == group && point.series == series)
    }
}

/// A bar by its group's and its series' names: what a toggle keeps (the
/// same year's bar, wherever it is drawn now).
pub type PointName = (String, String);

impl super::ChartView {
    /// The names of the point at `index`.
    pub fn point_name(&self, index: usize) -> Option<PointName> {
        let point = self.walk.points.get(index)?;
        Some((
            self.chart.groups.get(point.group)?.clone(),
            self.chart.series.get(point.series)?.name.clone(),
        ))
    }

    /// The point named `name`, if it is still drawn; else the first of its
    /// series, else the first of its group.
    pub fn find_point(&self, name: &PointName) -> Option<usize> {
        let group = |point: &ChartPoint| self.chart.groups.get(point.group) == Some(&name.0);
        let series = |point: &ChartPoint| {
            self.chart
                .series
                .get(point.series)
                .map(|series| &series.name)
                == Some(&name.1)
        };
        let points = &self.walk.points;
        points
            .iter()
            .position(|point| group(point) && series(point))
            .or_else(|| points.iter().position(series))
            .or_else(|| points.iter().position(group))
    }
}

/// How a bar is named in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Naming {
    /// By its column and its row: "2018, Regioner".
    ColumnAndRow,
    /// By its row alone: "2018" in the trend, "Kommuner" in a bridge (a
    /// footer row, a total, still by both: "2016, Totalt").
    Row,
}

/// The walk of `chart`, whose bar at (group, series) is drawn from the table
/// cell `cell_of` names. Each bar is said as its cell is written in the
/// table, with its status and its place among the series' bars; in a chart
/// of one series along the years, with the change from the bar before.
pub fn chart_walk(
    chart: &GroupedBarChart,
    table: &DataTable,
    naming: Naming,
    cell_of: impl Fn(usize, usize) -> Option<CellAt>,
) -> ChartWalk {
    let lang = chart.lang;
    let with_changes = chart.series.len() == 1
        && !chart
            .series
            .iter()
            .flat_map(|series| series.values.iter().flatten())
            .any(|bar| matches!(bar, Bar::Step { .. }));
    let mut points = Vec::new();
    for (series_index, series) in chart.series.iter().enumerate() {
        let drawn: Vec<(usize, Bar)> = series
            .values
            .iter()
            .enumerate()
            .filter_map(|(group, bar)| bar.map(|bar| (group, bar)))
            .filter(|(group, _)| *group < chart.groups.len())
            .collect();
        let mut before: Option<(String, Quantity)> = None;
        for (rank, (group, bar)) in drawn.iter().enumerate() {
            let SaidCell {
                name,
                value,
                status,
                cell,
                quantity,
            } = cell_of(*group, series_index)
                .and_then(|at| said_cell(table, at, naming, lang))
                // Not from the table: said as drawn.
                .unwrap_or_else(|| SaidCell {
                    name: chart.groups[*group].clone(),
                    value: chart.unknown_label.clone(),
                    status: None,
                    cell: None,
                    quantity: None,
                });
            let change = match (with_changes, &before, quantity) {
                (true, Some((name, Quantity::Exact(earlier))), Some(Quantity::Exact(now))) => {
                    Some((table.scale.format_signed(now - earlier, lang), name.clone()))
                }
                _ => None,
            };
            let sentence = messages::chart_point_sentence(
                &name,
                &value,
                status.as_deref(),
                (rank + 1, drawn.len()),
                change
                    .as_ref()
                    .map(|(amount, from)| (amount.as_str(), from.as_str())),
                lang,
            );
            if let Some(quantity) = quantity {
                before = Some((chart.groups[*group].clone(), quantity));
            }
            points.push(ChartPoint {
                group: *group,
                series: series_index,
                extent: extent(*bar),
                sentence,
                cell,
            });
        }
    }
    ChartWalk { points }
}

/// A bar's table cell, as its sentence says it.
struct SaidCell {
    name: String,
    value: String,
    status: Option<String>,
    cell: Option<(RowPlace, String, String)>,
    quantity: Option<Quantity>,
}

/// The cell at `at` of `table`, named as `naming` says: a footer row (a
/// total) is one per column, so it is named by both.
fn said_cell(table: &DataTable, at: CellAt, naming: Naming, lang: Lang) -> Option<SaidCell> {
    let row = match at.place {
        RowPlace::Body => table.rows.get(at.row),
        RowPlace::Footer => table.footer.get(at.row),
    }?;
    let column = table.columns.get(at.column)?;
    let cell = row.cells.get(at.column)?;
    Some(SaidCell {
        name: match (naming, at.place) {
            (Naming::Row, RowPlace::Body) => row.label.clone(),
            _ => format!("{}, {}", column.key, row.label),
        },
        value: cell.text.clone(),
        status: status_words(cell, lang),
        cell: Some((at.place, row.key.clone(), column.key.clone())),
        quantity: Some(cell.quantity),
    })
}

fn extent(bar: Bar) -> Option<(f64, f64)> {
    match bar {
        Bar::Value(value) => Some((value, value)),
        Bar::Range(low, high) => Some((low, high)),
        Bar::Step { start, end } => Some((end - start, end - start)),
        Bar::Unknown => None,
    }
}

/// How a cell's number is known, in words; `None` for a computed cell with
/// no status (a change) or an unknown one (its text says it).
fn status_words(cell: &DataCell, lang: Lang) -> Option<String> {
    match cell.status? {
        CellStatus::Figure(Status::Stated) => Some(Text::StatedInSource.get(lang).to_string()),
        CellStatus::Figure(Status::Disputed) => Some(Text::DisputedBothSides.get(lang).to_string()),
        CellStatus::Figure(Status::Unknown) => None,
        CellStatus::Figure(status) => Some(status.label(lang).to_string()),
        CellStatus::Step(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse_query;
    use crate::view::compare_view;
    use crate::view::tests_support::{catalog, every_chart, plain};

    fn walk(keys: &[WalkKey], walk: &ChartWalk) -> Vec<String> {
        let mut at = None;
        keys.iter()
            .map(|&key| {
                at = walk.step(at, key);
                plain(&walk.points[at.unwrap()].sentence)
            })
            .collect()
    }

    #[test]
    fn the_recipients_chart_is_said_as_the_table_writes_it() {
        let view = compare_view(&catalog(), &parse_query("").state);
        let walk_ = &view.recipients.walk;
        // Every drawn bar is a point, and each says its cell's text.
        let drawn: usize = view
            .recipients
            .chart
            .series
            .iter()
            .map(|s| s.values.iter().flatten().count())
            .sum();
        assert_eq!(walk_.points.len(), drawn);
        let regions = view.table.rows.iter().find(|r| r.key == "regions").unwrap();
        let index = view
            .table
            .rows
            .iter()
            .position(|r| r.key == "regions")
            .unwrap();
        let point = walk_
            .points
            .iter()
            .find(|p| p.cell == Some((RowPlace::Body, "regions".into(), "2018".into())))
            .unwrap();
        assert_eq!(point.group, index);
        let sentence = plain(&point.sentence);
        assert!(
            sentence.starts_with(&format!(
                "2018, {}: {}, härlett;",
                regions.label,
                plain(&regions.cells[2].text)
            )),
            "{sentence}"
        );
        assert!(sentence.contains(" av "), "{sentence}");
    }

    #[test]
    fn keys_walk_along_a_series_across_series_and_to_the_extremes() {
        let view = compare_view(&catalog(), &parse_query("").state);
        let totals = &view.totals.walk;
        let said = walk(
            &[
                WalkKey::Next,
                WalkKey::Next,
                WalkKey::Next,
                WalkKey::Next,
                WalkKey::Previous,
                WalkKey::First,
            ],
            totals,
        );
        assert_eq!(
            said,
            [
                "2015, Totalt: 696–844 mnkr, omstritt: källorna anger olika belopp; 1 av 3",
                "2016, Totalt: 845 mnkr, angivet i källan; 2 av 3",
                "2018, Totalt: 1 414 mnkr, angivet i källan; 3 av 3; +569 mnkr jämfört med 2016",
                "2018, Totalt: 1 414 mnkr, angivet i källan; 3 av 3; +569 mnkr jämfört med 2016",
                "2016, Totalt: 845 mnkr, angivet i källan; 2 av 3",
                "2015, Totalt: 696–844 mnkr, omstritt: källorna anger olika belopp; 1 av 3",
            ]
        );
        assert_eq!(totals.step(None, WalkKey::Largest), totals.at(2, 0));
        assert_eq!(totals.step(Some(2), WalkKey::Smallest), totals.at(0, 0));
        // One series: up and down stay.
        assert_eq!(totals.step(Some(1), WalkKey::NextSeries), Some(1));

        let recipients = &view.recipients.walk;
        let first = recipients.step(None, WalkKey::Next).unwrap();
        let down = recipients.step(Some(first), WalkKey::NextSeries).unwrap();
        assert_eq!(
            recipients.points[down].series,
            recipients.points[first].series + 1
        );
        let up = recipients
            .step(Some(down), WalkKey::PreviousSeries)
            .unwrap();
        assert_eq!(
            recipients.points[up].series,
            recipients.points[first].series
        );
        let last = recipients.step(Some(first), WalkKey::Last).unwrap();
        assert_eq!(recipients.step(Some(last), WalkKey::Next), Some(last));
    }

    #[test]
    fn every_view_says_every_bar_with_its_table_text() {
        for (chart, table) in every_chart(&catalog()) {
            let drawn: usize = chart
                .chart
                .series
                .iter()
                .map(|s| s.values.iter().flatten().count())
                .sum();
            assert_eq!(chart.walk.points.len(), drawn, "{}", chart.title);
            for point in &chart.walk.points {
                let (place, row, column) = point.cell.clone().expect("from the table");
                let (_, _, cell) = table.cell(place, &row, &column).unwrap();
                assert!(
                    point.sentence.contains(&format!(": {}", cell.text)),
                    "{} / {}",
                    point.sentence,
                    cell.text
                );
            }
        }
    }

    #[test]
    fn a_toggle_keeps_the_focused_years_bar_where_it_is_still_drawn() {
        let catalog = catalog();
        let before = compare_view(&catalog, &parse_query("years=2016,2018").state).recipients;
        let index = before
            .walk
            .points
            .iter()
            .position(|p| p.series == 1)
            .unwrap();
        let name = before.point_name(index).unwrap();
        assert_eq!(name.1, "2018");
        let after = compare_view(&catalog, &parse_query("years=2015,2016,2018").state).recipients;
        let found = after.find_point(&name).unwrap();
        assert_eq!(after.point_name(found), Some(name.clone()));
        assert_eq!(
            after.walk.points[found].series, 2,
            "2018 is now the third series"
        );
        // 2018 gone: the first bar of the same group.
        let without = compare_view(&catalog, &parse_query("years=2015,2016").state).recipients;
        let found = without.find_point(&name).unwrap();
        assert_eq!(without.point_name(found).unwrap().0, name.0);
    }

    #[test]
    fn english_sentences() {
        let view = compare_view(&catalog(), &parse_query("lang=en&years=2016,2018").state);
        let said = walk(&[WalkKey::Last], &view.totals.walk);
        assert_eq!(
            said,
            ["2018, Total: SEK 1,414 m, stated in the source; 2 of 2; +SEK 569 m compared with 2016"]
        );
    }
}
