//! The change bridge from one year to another, as a waterfall and a table.

use crate::analysis::{
    bridge, bridge_total, pieces, Bridge, BridgeStep, Converter, Pieces, Quantity, StepKind,
};
use crate::catalog::{Catalog, LoadedAgreement};
use crate::chart::{Bar, BarLayout, Series};
use crate::format::Scale;
use crate::i18n::{Lang, Text};
use crate::messages;
use crate::model::{Figure, SplitBy, Value};
use crate::state::{BridgeEnd, EndpointChoice, ViewState};

use super::common::{chart, total_entry, ChartKey, ChartView};
use super::{
    chart_walk, piece_entry, CellAt, CellStatus, Column, DataCell, DataRow, DataTable, FigureEntry,
    Naming, RowKind, RowPlace,
};

/// A side of a disputed total the visitor can start or end the bridge from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TotalChoice {
    /// The source id (goes into the address).
    pub source: String,
    /// `696 mnkr (SKL)`.
    pub label: String,
    /// Whether the bridge uses it.
    pub chosen: bool,
}

/// Everything the bridge view shows.
#[derive(Clone, Debug, PartialEq)]
pub struct BridgeView {
    /// The years a bridge can start or end at (those with a known total).
    pub years: Vec<u16>,
    /// Every start or end to choose from: `(value, label)`, the bundled years
    /// (`"2016"`) then the visitor's own files (`"own-3"`).
    pub options: Vec<(String, String)>,
    /// The first year used.
    pub from: Option<u16>,
    /// The last year used.
    pub to: Option<u16>,
    /// The option value of the start used.
    pub from_value: Option<String>,
    /// The option value of the end used.
    pub to_value: Option<String>,
    /// Choices for a disputed first year's total.
    pub from_choices: Vec<TotalChoice>,
    /// Choices for a disputed last year's total.
    pub to_choices: Vec<TotalChoice>,
    /// The waterfall, when both totals are known.
    pub chart: Option<ChartView>,
    /// Its numbers.
    pub table: Option<DataTable>,
    /// Said when both ends are the same agreement: a bridge from a year to
    /// itself shows no change, which is easy to take for a fault.
    pub same_ends: Option<String>,
}

impl BridgeView {
    /// The year used at `end`.
    pub fn year(&self, end: BridgeEnd) -> Option<u16> {
        match end {
            BridgeEnd::From => self.from,
            BridgeEnd::To => self.to,
        }
    }

    /// The option value of what is used at `end`.
    pub fn selected(&self, end: BridgeEnd) -> Option<&str> {
        match end {
            BridgeEnd::From => self.from_value.as_deref(),
            BridgeEnd::To => self.to_value.as_deref(),
        }
    }

    /// The choices for `end`'s disputed total (none if it is not disputed).
    pub fn choices(&self, end: BridgeEnd) -> &[TotalChoice] {
        match end {
            BridgeEnd::From => &self.from_choices,
            BridgeEnd::To => &self.to_choices,
        }
    }
}

fn choices(loaded: &LoadedAgreement, chosen: Option<&str>, lang: Lang) -> Vec<TotalChoice> {
    let Figure::Disputed { alternatives, .. } = &loaded.agreement.total else {
        return Vec::new();
    };
    let used = bridge_total(&loaded.agreement.total, chosen)
        .and_then(|(_, side)| side)
        .map(|side| side.source.as_str());
    alternatives
        .iter()
        .map(|alternative| {
            let publisher = loaded
                .agreement
                .source(&alternative.source)
                .map(|source| source.publisher.as_str())
                .unwrap_or(&alternative.source);
            TotalChoice {
                source: alternative.source.clone(),
                label: format!(
                    "{} ({publisher})",
                    Scale::MillionKronor.kronor(alternative.kronor, lang)
                ),
                chosen: used == Some(alternative.source.as_str()),
            }
        })
        .collect()
}

/// One end of a bridge.
#[derive(Clone, Debug)]
pub struct Endpoint<'a> {
    /// The select's value: `"2016"`, or `"own-3"` for an own file.
    pub value: String,
    /// The name shown: `2016`, or `2026 · budget.json`.
    pub name: String,
    /// The agreement.
    pub loaded: &'a LoadedAgreement,
}

/// What a bridge can start and end at, and what it does.
#[derive(Clone, Debug)]
pub struct Endpoints<'a> {
    /// Bundled years with a known total.
    pub years: Vec<u16>,
    /// Every choice as `(value, label)`: those years, then own files with a known total.
    pub options: Vec<(String, String)>,
    /// The start used.
    pub from: Option<Endpoint<'a>>,
    /// The end used.
    pub to: Option<Endpoint<'a>>,
}

/// The years a bridge would show now, for [`ViewState::switch_view`] to
/// write into the address.
pub fn default_bridge_years(catalog: &Catalog, state: &ViewState) -> (Option<u16>, Option<u16>) {
    let ends = bridge_endpoints(catalog, state);
    let year = |end: Option<Endpoint>| end.map(|end| end.loaded.agreement.year);
    (year(ends.from), year(ends.to))
}

/// Resolves the bridge's ends: an own file when chosen and still loaded, else
/// the year in the address when it has a known total, else 2016 and 2018, else
/// the first and last years with a known total. Cheap: builds no bridge.
pub fn bridge_endpoints<'a>(catalog: &'a Catalog, state: &ViewState) -> Endpoints<'a> {
    let lang = state.lang;
    let years: Vec<u16> = catalog
        .agreements
        .values()
        .filter(|loaded| loaded.agreement.total.value().low().is_some())
        .map(|loaded| loaded.agreement.year)
        .collect();
    let pick = |wanted: Option<u16>, fallback: u16, last: bool| -> Option<u16> {
        let wanted = wanted.unwrap_or(fallback);
        if years.contains(&wanted) {
            Some(wanted)
        } else if last {
            years.last().copied()
        } else {
            years.first().copied()
        }
    };
    let mut options: Vec<(String, String)> = years
        .iter()
        .map(|year| (year.to_string(), year.to_string()))
        .collect();
    options.extend(
        catalog
            .own
            .iter()
            .filter(|own| own.loaded.agreement.total.value().low().is_some())
            .map(|own| {
                (
                    EndpointChoice::Own(own.id).value(),
                    format!("{} ({})", own.key(), Text::OwnFileMarker.get(lang)),
                )
            }),
    );
    let endpoint = |own: Option<u32>, wanted: Option<u16>, fallback: u16, last: bool| match own
        .and_then(|id| catalog.own_file(id))
    {
        Some(own) => Some(Endpoint {
            value: EndpointChoice::Own(own.id).value(),
            name: own.key(),
            loaded: &own.loaded,
        }),
        None => {
            let year = pick(wanted, fallback, last)?;
            Some(Endpoint {
                value: year.to_string(),
                name: year.to_string(),
                loaded: catalog.agreements.get(&year)?,
            })
        }
    };
    Endpoints {
        from: endpoint(state.from_own, state.from, 2016, false),
        to: endpoint(state.to_own, state.to, 2018, true),
        years,
        options,
    }
}

/// Builds the bridge view. Without `from`/`to` in the address it bridges
/// 2016 to 2018 (or the first and last years that have a known total).
pub fn bridge_view(catalog: &Catalog, state: &ViewState) -> BridgeView {
    let lang = state.lang;
    let ends = bridge_endpoints(catalog, state);
    let mut view = BridgeView {
        years: ends.years,
        options: ends.options,
        from: ends.from.as_ref().map(|end| end.loaded.agreement.year),
        to: ends.to.as_ref().map(|end| end.loaded.agreement.year),
        from_value: ends.from.as_ref().map(|end| end.value.clone()),
        to_value: ends.to.as_ref().map(|end| end.value.clone()),
        from_choices: Vec::new(),
        to_choices: Vec::new(),
        chart: None,
        table: None,
        same_ends: None,
    };
    let (Some(start), Some(end)) = (ends.from, ends.to) else {
        return view;
    };
    if start.value == end.value && state.from_source == state.to_source {
        let year = start.loaded.agreement.year;
        view.same_ends = Some(messages::same_ends(year, lang));
    }
    view.from_choices = choices(start.loaded, state.from_source.as_deref(), lang);
    view.to_choices = choices(end.loaded, state.to_source.as_deref(), lang);
    let Some(waterfall) = Waterfall::new(catalog, state, start, end) else {
        return view;
    };
    let drawn = waterfall.steps();
    let table = waterfall.table(drawn.rows);
    view.chart = Some(waterfall.chart(&table, drawn.bars, view.same_ends.as_deref()));
    view.table = Some(table);
    view
}

/// A bridge between two ends with known totals, in the visitor's units:
/// what its table and its waterfall are built from.
struct Waterfall<'a> {
    lang: Lang,
    converter: Converter<'a>,
    scale: Scale,
    /// The two ends' names (`2016`, or an own file's) and agreements.
    from_name: String,
    to_name: String,
    first: &'a LoadedAgreement,
    last: &'a LoadedAgreement,
    /// Each item's change, and the pieces of each end it is made of.
    bridge: Bridge,
    first_pieces: Pieces<'a>,
    last_pieces: Pieces<'a>,
}

/// The steps' table rows, and the bars drawn from them: the start, each
/// step that changes what is drawn, the end; each with the table cell it is
/// drawn from.
struct Steps {
    rows: Vec<DataRow>,
    bars: Vec<(String, Option<Bar>, CellAt)>,
}

impl<'a> Waterfall<'a> {
    /// The bridge from `start` to `end` under the sides of their totals the
    /// address chose; `None` when either total is unknown.
    fn new(
        catalog: &'a Catalog,
        state: &ViewState,
        start: Endpoint<'a>,
        end: Endpoint<'a>,
    ) -> Option<Waterfall<'a>> {
        let (first, last) = (start.loaded, end.loaded);
        let start_side = bridge_total(&first.agreement.total, state.from_source.as_deref())?;
        let end_side = bridge_total(&last.agreement.total, state.to_source.as_deref())?;
        let converter = catalog.converter(state.units);
        Some(Waterfall {
            lang: state.lang,
            scale: converter.scale(),
            converter,
            from_name: start.name,
            to_name: end.name,
            first,
            last,
            bridge: bridge(&first.agreement, &last.agreement, start_side, end_side),
            first_pieces: pieces(&first.agreement, SplitBy::Recipient, start_side.1),
            last_pieces: pieces(&last.agreement, SplitBy::Recipient, end_side.1),
        })
    }

    /// An amount of a year in the visitor's units; a side without the item is 0.
    fn at(&self, year: u16, kronor: Option<i128>) -> Quantity {
        match kronor {
            Some(kronor) => self.converter.convert_signed(year, kronor),
            None => Quantity::Exact(0.0),
        }
    }

    /// A year's total in the visitor's units.
    fn total(&self, loaded: &LoadedAgreement, kronor: u64) -> Quantity {
        self.converter
            .convert(loaded.agreement.year, Value::Exact(kronor))
    }

    /// The figures behind the item `key` in one end, named with their year.
    fn item_entries(
        &self,
        loaded: &LoadedAgreement,
        items: &Pieces,
        key: &str,
    ) -> Vec<FigureEntry> {
        items
            .pieces
            .iter()
            .filter(|piece| piece.key() == key)
            .map(|piece| {
                let mut entry = piece_entry(&loaded.agreement, piece, self.lang);
                entry.label = format!("{} {}", entry.label, loaded.agreement.year);
                entry
            })
            .collect()
    }

    /// The table row of one step: its amount in each end and its change,
    /// with the figures it comes from.
    fn step_row(&self, step: &BridgeStep) -> DataRow {
        let (lang, scale) = (self.lang, self.scale);
        let before = self.at(self.first.agreement.year, step.from);
        let after = self.at(self.last.agreement.year, step.to);
        let figures = if step.kind == StepKind::NotBrokenDown {
            vec![total_entry(self.first, lang), total_entry(self.last, lang)]
        } else {
            let mut figures = self.item_entries(self.first, &self.first_pieces, &step.key);
            figures.extend(self.item_entries(self.last, &self.last_pieces, &step.key));
            figures
        };
        let cell = |quantity: Quantity, present: bool| {
            if present {
                DataCell::of(quantity, scale, lang)
            } else {
                DataCell::empty()
            }
        };
        DataRow {
            key: step.key.clone(),
            label: if step.rest {
                Text::RestOf.get(lang).replace("{}", step.label.get(lang))
            } else {
                step.label.get(lang).to_string()
            },
            kind: if step.kind == StepKind::NotBrokenDown {
                RowKind::NotBrokenDown
            } else {
                RowKind::Item
            },
            cells: vec![
                cell(before, step.from.is_some()),
                cell(after, step.to.is_some()),
                DataCell::change(after.minus(before), scale, lang)
                    .with_status(step.kind)
                    .with_figures(figures),
            ],
        }
    }

    /// Every step's row, and the bars: the start, each step from the level
    /// the steps before reached, the end.
    fn steps(&self) -> Steps {
        let scale = self.scale;
        let start = scale.display(
            self.total(self.first, self.bridge.start)
                .low()
                .unwrap_or(0.0),
        );
        let mut bars = vec![(
            self.from_name.clone(),
            Some(Bar::Value(start)),
            CellAt::new(RowPlace::Footer, 0, FROM),
        )];
        let mut rows = Vec::with_capacity(self.bridge.steps.len());
        let mut level = start;
        for step in &self.bridge.steps {
            let row = self.step_row(step);
            let change = row.cells.get(CHANGE).map(|cell| cell.quantity);
            // Unchanged items are in the table; a zero-height step would say nothing on the chart.
            if let Some(Quantity::Exact(change)) = change {
                let shown = scale.display(change);
                if shown.abs() > 1e-9 {
                    let bar = Bar::Step {
                        start: level,
                        end: level + shown,
                    };
                    bars.push((
                        row.label.clone(),
                        Some(bar),
                        CellAt::new(RowPlace::Body, rows.len(), CHANGE),
                    ));
                    level += shown;
                }
            }
            rows.push(row);
        }
        let end = self.total(self.last, self.bridge.end);
        bars.push((
            self.to_name.clone(),
            Some(Bar::Value(scale.display(end.low().unwrap_or(0.0)))),
            CellAt::new(RowPlace::Footer, 0, TO),
        ));
        Steps { rows, bars }
    }

    /// The bridge's table: the steps' rows under the two ends and the
    /// change, and the totals' row.
    fn table(&self, rows: Vec<DataRow>) -> DataTable {
        let (lang, scale) = (self.lang, self.scale);
        let start = self.total(self.first, self.bridge.start);
        let end = self.total(self.last, self.bridge.end);
        let column = |key: &str, header: &str| Column {
            key: key.to_owned(),
            header: header.to_owned(),
        };
        let end_cell = |quantity: Quantity, loaded: &LoadedAgreement| {
            DataCell::of(quantity, scale, lang)
                .with_status(loaded.agreement.total.status())
                .with_figures(vec![total_entry(loaded, lang)])
        };
        DataTable {
            title: messages::bridge_title(&self.from_name, &self.to_name, lang),
            corner: Text::ItemColumn.get(lang).into(),
            unit: self.converter.label(lang),
            scale,
            columns: vec![
                column(&self.from_name, &self.from_name),
                column(&self.to_name, &self.to_name),
                column("change", Text::ChangeColumn.get(lang)),
            ],
            rows,
            footer: vec![DataRow {
                key: "total".into(),
                label: Text::TotalRow.get(lang).into(),
                kind: RowKind::Total,
                cells: vec![
                    end_cell(start, self.first),
                    end_cell(end, self.last),
                    DataCell::change(end.minus(start), scale, lang),
                ],
            }],
            note: Text::BridgeNote.get(lang).into(),
        }
    }

    /// The waterfall of `bars`, described in words from `table` (after
    /// `same_ends`, when both ends are one agreement).
    fn chart(
        &self,
        table: &DataTable,
        bars: Vec<(String, Option<Bar>, CellAt)>,
        same_ends: Option<&str>,
    ) -> ChartView {
        let description = match same_ends {
            Some(same) => format!("{same} {}", describe_bridge(table, self.lang)),
            None => describe_bridge(table, self.lang),
        };
        let (groups, values, cells): (Vec<String>, Vec<Option<Bar>>, Vec<CellAt>) =
            bars.into_iter().fold(
                Default::default(),
                |(mut groups, mut values, mut cells), (group, bar, cell)| {
                    groups.push(group);
                    values.push(bar);
                    cells.push(cell);
                    (groups, values, cells)
                },
            );
        let drawn = chart(
            self.lang,
            self.scale,
            table.unit.clone(),
            groups,
            vec![Series {
                name: Text::ChangeColumn.get(self.lang).into(),
                values,
            }],
            BarLayout::Grouped,
        );
        ChartView {
            key: ChartKey::Bridge,
            title: table.title.clone(),
            description,
            walk: chart_walk(&drawn, table, Naming::Row, |group, _| {
                cells.get(group).cloned()
            }),
            chart: drawn,
        }
    }
}

/// The bridge table's columns: the first year, the last year, the change.
const FROM: usize = 0;
const TO: usize = 1;
const CHANGE: usize = 2;

/// The bridge in words: from what to what, then the items by kind of change.
fn describe_bridge(table: &DataTable, lang: Lang) -> String {
    let (Some(total), Some(from), Some(to)) = (
        table.footer.first(),
        table.columns.get(FROM),
        table.columns.get(TO),
    ) else {
        return String::new();
    };
    let text = |row: &DataRow, column: usize| {
        row.cells
            .get(column)
            .map(|cell| cell.text.clone())
            .unwrap_or_default()
    };
    let mut sentences = vec![messages::bridge_summary(
        (&text(total, FROM), &from.key),
        (&text(total, TO), &to.key),
        &table.unit,
        &text(total, CHANGE),
        lang,
    )];
    for kind in [
        StepKind::Grew,
        StepKind::Shrank,
        StepKind::OnlyLater,
        StepKind::OnlyEarlier,
        StepKind::NotBrokenDown,
    ] {
        let items: Vec<String> = table
            .rows
            .iter()
            .filter(|row| {
                row.cells.get(CHANGE).and_then(|cell| cell.status) == Some(CellStatus::Step(kind))
            })
            // The money not broken down is one row, named by the sentence itself.
            .map(|row| match kind {
                StepKind::NotBrokenDown => text(row, CHANGE),
                _ => format!("{} {}", row.label, text(row, CHANGE)),
            })
            .collect();
        if !items.is_empty() {
            let heading = messages::bridge_step_kind(kind, &from.key, &to.key, lang);
            sentences.push(format!("{heading}: {}.", items.join("; ")));
        }
    }
    sentences.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse_query;
    use crate::view::tests_support::{catalog, plain};

    /// The bridge view of the bundled data at `query`.
    fn bridge_at(query: &str) -> BridgeView {
        bridge_view(&catalog(), &parse_query(query).state)
    }

    /// The sum of the steps' changes, which the totals' change must equal.
    fn sum_of_changes(table: &DataTable) -> f64 {
        table
            .rows
            .iter()
            .filter_map(|row| row.cells[CHANGE].quantity.low())
            .sum()
    }

    #[test]
    fn the_default_bridge_is_2016_to_2018_and_adds_up() {
        let view = bridge_at("view=bridge");
        assert_eq!((view.from, view.to), (Some(2016), Some(2018)));
        let table = view.table.unwrap();
        let change_sum = sum_of_changes(&table);
        assert!((change_sum - 569e6).abs() < 1e-3, "{change_sum}");
        assert_eq!(plain(&table.footer[0].cells[2].text), "+569 mnkr");
        let chart = view.chart.unwrap();
        assert_eq!(chart.chart.groups.first().map(String::as_str), Some("2016"));
        assert_eq!(chart.chart.groups.last().map(String::as_str), Some("2018"));
        // Youth clinics did not change: in the table, not on the chart.
        assert!(table.rows.iter().any(|r| r.key == "youth-clinics"));
        assert!(!chart
            .chart
            .groups
            .iter()
            .any(|g| g == "Ungdomsmottagningar"));
        let text = plain(&chart.description);
        assert!(text.starts_with("Från 845 mnkr 2016 till 1 414 mnkr 2018 (miljoner kronor, löpande priser): +569 mnkr."), "{text}");
        // Listed in one year's sources only: said so, never "new" or "ended".
        assert!(
            text.contains("Bara listade i källorna för 2018: Primärvårdens insatser vid psykisk ohälsa (regionerna) +220 mnkr"),
            "{text}"
        );
        assert!(
            text.contains("Bara listade i källorna för 2016: SKL: utredning om nationell infrastruktur −5 mnkr"),
            "{text}"
        );
        assert!(
            !text.contains("Nya") && !text.contains("Upphörde"),
            "{text}"
        );
        let rest = table
            .rows
            .iter()
            .find(|r| r.key == "regions:not-broken-down")
            .unwrap();
        assert_eq!(
            rest.label,
            "Till regionerna (att rekvirera): ej nedbrutet vidare i källorna"
        );
        assert_eq!(plain(&rest.cells[2].text), "+64 mnkr");
    }

    #[test]
    fn a_disputed_start_offers_both_figures_and_uses_the_chosen_one() {
        let view = bridge_at("view=bridge&from=2015&to=2016&from_source=uph-lattlast");
        assert_eq!(view.from_choices.len(), 2);
        assert!(view.from_choices[1].chosen && !view.from_choices[0].chosen);
        assert_eq!(
            plain(&view.from_choices[1].label),
            "844 mnkr (Uppdrag Psykisk Hälsa (SKL))"
        );
        let table = view.table.unwrap();
        assert_eq!(plain(&table.footer[0].cells[2].text), "+1 mnkr");
        // 630 + 66 are broken down in 2015, so 148 of the 844 is not: its own step.
        let rest = table
            .rows
            .iter()
            .find(|r| r.kind == RowKind::NotBrokenDown)
            .unwrap();
        assert_eq!(plain(&rest.cells[0].text), "148 mnkr");
    }

    #[test]
    fn fixed_prices_bridge_still_adds_up() {
        let view = bridge_at("view=bridge&from=2017&to=2022&prices=fixed");
        let table = view.table.unwrap();
        let change_sum = sum_of_changes(&table);
        let total = table.footer[0].cells[2].quantity.low().unwrap();
        assert!((change_sum - total).abs() < 1e-3);
    }

    #[test]
    fn an_own_file_can_start_or_end_a_bridge() {
        let mut catalog = catalog();
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data/agreements/2018.json"
        ))
        .unwrap();
        let id = catalog.add_own("utkast.json", Ok(text)).unwrap();
        let mut state = parse_query("view=bridge&from=2016").state;
        state.to_own = Some(id);
        let view = bridge_view(&catalog, &state);
        assert_eq!(view.to_value.as_deref(), Some("own-0"));
        assert!(view
            .options
            .iter()
            .any(|(value, label)| value == "own-0" && label == "2018 · utkast.json (egen fil)"));
        let table = view.table.unwrap();
        assert_eq!(table.columns[1].key, "2018 · utkast.json");
        assert_eq!(plain(&table.footer[0].cells[2].text), "+569 mnkr");
    }

    #[test]
    fn years_without_a_total_cannot_be_bridged() {
        let view = bridge_at("view=bridge&from=2013&to=2018");
        assert!(!view.years.contains(&2013));
        assert_eq!(
            view.from,
            Some(2015),
            "falls back to the first year with a total"
        );
    }

    #[test]
    fn a_bridge_from_a_year_to_itself_says_so() {
        let view = bridge_at("view=bridge&from=2018&to=2018");
        assert!(view
            .same_ends
            .as_deref()
            .is_some_and(|note| note.starts_with("Båda ändarna är 2018")));
        assert!(view
            .chart
            .unwrap()
            .description
            .starts_with("Båda ändarna är 2018"));
        let view = bridge_at("view=bridge&from=2016&to=2018");
        assert_eq!(view.same_ends, None);
    }

    #[test]
    fn the_money_not_broken_down_is_named_once() {
        let catalog = catalog();
        let years: Vec<u16> = catalog.agreements.keys().copied().collect();
        let mut with_sentence = 0;
        for from in &years {
            for to in &years {
                let query = format!("view=bridge&from={from}&to={to}");
                let Some(chart) = bridge_view(&catalog, &parse_query(&query).state).chart else {
                    continue;
                };
                let description = plain(&chart.description);
                assert!(
                    !description.contains("Ej fördelat i källorna: Ej fördelat"),
                    "{description}"
                );
                with_sentence += usize::from(description.contains("Ej fördelat i källorna: "));
            }
        }
        assert!(with_sentence > 0, "some bridge has money not broken down");
    }
}
