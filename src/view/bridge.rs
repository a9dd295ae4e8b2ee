//! The change bridge from one year to another, as a waterfall and a table.

use crate::analysis::{bridge, bridge_total, pieces, Pieces, Quantity, StepKind};
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
    let (Some(start_end), Some(end_end)) = (ends.from, ends.to) else {
        return view;
    };
    if start_end.value == end_end.value && state.from_source == state.to_source {
        let year = start_end.loaded.agreement.year;
        view.same_ends = Some(messages::same_ends(year, lang));
    }
    let (from_name, first, to_name, last) = (
        start_end.name,
        start_end.loaded,
        end_end.name,
        end_end.loaded,
    );
    let (from, to) = (first.agreement.year, last.agreement.year);
    view.from_choices = choices(first, state.from_source.as_deref(), lang);
    view.to_choices = choices(last, state.to_source.as_deref(), lang);
    let (Some(start_side), Some(end_side)) = (
        bridge_total(&first.agreement.total, state.from_source.as_deref()),
        bridge_total(&last.agreement.total, state.to_source.as_deref()),
    ) else {
        return view;
    };
    let (start, end) = (start_side.0, end_side.0);
    let steps = bridge(&first.agreement, &last.agreement, start_side, end_side);
    let first_pieces = pieces(&first.agreement, SplitBy::Recipient, start_side.1);
    let last_pieces = pieces(&last.agreement, SplitBy::Recipient, end_side.1);
    let converter = catalog.converter(state.units);
    let scale = converter.scale();
    let at = |year: u16, kronor: Option<i128>| -> Quantity {
        match kronor {
            Some(kronor) => converter.convert_signed(year, kronor),
            None => Quantity::Exact(0.0),
        }
    };
    let item_entries = |loaded: &LoadedAgreement, items: &Pieces, key: &str| -> Vec<FigureEntry> {
        items
            .pieces
            .iter()
            .filter(|piece| piece.key() == key)
            .map(|piece| {
                let mut entry = piece_entry(&loaded.agreement, piece, lang);
                entry.label = format!("{} {}", entry.label, loaded.agreement.year);
                entry
            })
            .collect()
    };

    let mut rows = Vec::with_capacity(steps.steps.len());
    let mut bars = vec![Some(Bar::Value(
        scale.display(
            converter
                .convert(from, Value::Exact(start))
                .low()
                .unwrap_or(0.0),
        ),
    ))];
    let mut groups = vec![from_name.clone()];
    // The table cell each bar is drawn from: the ends are the footer's
    // total, the steps their rows' changes.
    let mut cells = vec![CellAt::new(RowPlace::Footer, 0, 0)];
    let mut level = bars[0]
        .map(|bar| if let Bar::Value(v) = bar { v } else { 0.0 })
        .unwrap_or(0.0);
    for step in &steps.steps {
        let before = at(from, step.from);
        let after = at(to, step.to);
        let change = after.minus(before);
        let mut figures = item_entries(first, &first_pieces, &step.key);
        figures.extend(item_entries(last, &last_pieces, &step.key));
        if step.kind == StepKind::NotBrokenDown {
            figures = vec![total_entry(first, lang), total_entry(last, lang)];
        }
        let cell = |quantity: Quantity, present: bool| {
            if present {
                DataCell::of(quantity, scale, lang)
            } else {
                DataCell::empty()
            }
        };
        let label = if step.rest {
            Text::RestOf.get(lang).replace("{}", step.label.get(lang))
        } else {
            step.label.get(lang).to_string()
        };
        let row = DataRow {
            key: step.key.clone(),
            label,
            kind: if step.kind == StepKind::NotBrokenDown {
                RowKind::NotBrokenDown
            } else {
                RowKind::Item
            },
            cells: vec![
                cell(before, step.from.is_some()),
                cell(after, step.to.is_some()),
                DataCell::change(change, scale, lang)
                    .with_status(step.kind)
                    .with_figures(figures),
            ],
        };
        if let Quantity::Exact(change) = change {
            let shown = scale.display(change);
            // Unchanged items are in the table; a zero-height step would say nothing on the chart.
            if shown.abs() > 1e-9 {
                groups.push(row.label.clone());
                cells.push(CellAt::new(RowPlace::Body, rows.len(), 2));
                bars.push(Some(Bar::Step {
                    start: level,
                    end: level + shown,
                }));
                level += shown;
            }
        }
        rows.push(row);
    }
    let start_quantity = converter.convert(from, Value::Exact(start));
    let end_quantity = converter.convert(to, Value::Exact(end));
    groups.push(to_name.clone());
    cells.push(CellAt::new(RowPlace::Footer, 0, 1));
    bars.push(Some(Bar::Value(
        scale.display(end_quantity.low().unwrap_or(0.0)),
    )));
    let total_change = end_quantity.minus(start_quantity);
    let table = DataTable {
        title: messages::bridge_title(&from_name, &to_name, lang),
        corner: Text::ItemColumn.get(lang).into(),
        unit: converter.label(lang),
        scale,
        columns: vec![
            Column {
                key: from_name.clone(),
                header: from_name.clone(),
            },
            Column {
                key: to_name.clone(),
                header: to_name.clone(),
            },
            Column {
                key: "change".into(),
                header: Text::ChangeColumn.get(lang).into(),
            },
        ],
        rows,
        footer: vec![DataRow {
            key: "total".into(),
            label: Text::TotalRow.get(lang).into(),
            kind: RowKind::Total,
            cells: vec![
                DataCell::of(start_quantity, scale, lang)
                    .with_status(first.agreement.total.status())
                    .with_figures(vec![total_entry(first, lang)]),
                DataCell::of(end_quantity, scale, lang)
                    .with_status(last.agreement.total.status())
                    .with_figures(vec![total_entry(last, lang)]),
                DataCell::change(total_change, scale, lang),
            ],
        }],
        note: Text::BridgeNote.get(lang).into(),
    };
    let description = match &view.same_ends {
        Some(same) => format!("{same} {}", describe_bridge(&table, lang)),
        None => describe_bridge(&table, lang),
    };
    let title = table.title.clone();
    let drawn = chart(
        lang,
        scale,
        table.unit.clone(),
        groups,
        vec![Series {
            name: Text::ChangeColumn.get(lang).into(),
            values: bars,
        }],
        BarLayout::Grouped,
    );
    view.chart = Some(ChartView {
        key: ChartKey::Bridge,
        title,
        description,
        walk: chart_walk(&drawn, &table, Naming::Row, |group, _| {
            cells.get(group).cloned()
        }),
        chart: drawn,
    });
    view.table = Some(table);
    view
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

    #[test]
    fn the_default_bridge_is_2016_to_2018_and_adds_up() {
        let view = bridge_view(&catalog(), &parse_query("view=bridge").state);
        assert_eq!((view.from, view.to), (Some(2016), Some(2018)));
        let table = view.table.unwrap();
        let change_sum: f64 = table
            .rows
            .iter()
            .filter_map(|row| row.cells[2].quantity.low())
            .sum();
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
        let view = bridge_view(
            &catalog(),
            &parse_query("view=bridge&from=2015&to=2016&from_source=uph-lattlast").state,
        );
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
        let view = bridge_view(
            &catalog(),
            &parse_query("view=bridge&from=2017&to=2022&prices=fixed").state,
        );
        let table = view.table.unwrap();
        let change_sum: f64 = table
            .rows
            .iter()
            .filter_map(|row| row.cells[2].quantity.low())
            .sum();
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
        let view = bridge_view(
            &catalog(),
            &parse_query("view=bridge&from=2013&to=2018").state,
        );
        assert!(!view.years.contains(&2013));
        assert_eq!(
            view.from,
            Some(2015),
            "falls back to the first year with a total"
        );
    }

    #[test]
    fn a_bridge_from_a_year_to_itself_says_so() {
        let view = bridge_view(
            &catalog(),
            &parse_query("view=bridge&from=2018&to=2018").state,
        );
        assert!(view
            .same_ends
            .as_deref()
            .is_some_and(|note| note.starts_with("Båda ändarna är 2018")));
        assert!(view
            .chart
            .unwrap()
            .description
            .starts_with("Båda ändarna är 2018"));
        let view = bridge_view(
            &catalog(),
            &parse_query("view=bridge&from=2016&to=2018").state,
        );
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
