//! The chart in view as a CSV file in the format of SKR's web handbook
//! ("Diagram från CSV-fil", skr.se/webbhandboken), which skr.se's Sitevision
//! module draws as a line, bar, stacked bar or pie chart or a table:
//! fields separated by `;`, a decimal comma, text without quotes, UTF-8
//! (no byte-order mark). The categories are the first column, each series a
//! column; the first line names them.

use crate::chart::{Bar, BarLayout};
use crate::format::Scale;
use crate::i18n::Text;

use super::{ChartKey, ChartView, DataTable};

/// A file for SKR's chart module, and what had to change to fit it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SkrCsv {
    /// The file's text.
    pub text: String,
    /// Names changed to fit the format: `(as shown, as written)`.
    pub renamed: Vec<(String, String)>,
}

/// The SKR file for `chart`, whose table is `table`.
///
/// A series with a disputed amount becomes two columns, its lowest and its
/// highest figure (an exact amount is the same in both), so no side of a
/// dispute is lost; an unknown amount is an empty field (never 0); a bridge's
/// step is its change.
pub fn skr_csv(chart: &ChartView, table: &DataTable) -> SkrCsv {
    let drawn = &chart.chart;
    let lang = drawn.lang;
    let mut renamed = Vec::new();
    let mut name = |text: &str| {
        let safe = safe_text(text);
        if safe != text && !renamed.iter().any(|(shown, _)| shown == text) {
            renamed.push((text.to_string(), safe.clone()));
        }
        safe
    };
    let heading = match (chart.key, drawn.layout) {
        (ChartKey::Totals | ChartKey::Trend, _) | (_, BarLayout::Stacked) => {
            Text::YearColumn.get(lang).to_string()
        }
        (ChartKey::Bridge, _) => Text::ItemColumn.get(lang).to_string(),
        _ => table.corner.clone(),
    };
    let split: Vec<bool> = drawn
        .series
        .iter()
        .map(|series| {
            series
                .values
                .iter()
                .any(|bar| matches!(bar, Some(Bar::Range(..))))
        })
        .collect();
    let mut header = vec![name(&heading)];
    for (series, split) in drawn.series.iter().zip(&split) {
        if *split {
            for end in [Text::CsvLowest, Text::CsvHighest] {
                header.push(name(&format!("{} ({})", series.name, end.get(lang))));
            }
        } else {
            header.push(name(&series.name));
        }
    }
    let mut lines = vec![header.join(";")];
    for (group, group_name) in drawn.groups.iter().enumerate() {
        let mut fields = vec![name(group_name)];
        for (series, split) in drawn.series.iter().zip(&split) {
            let bar = series.values.get(group).copied().flatten();
            let (low, high) = match bar {
                Some(Bar::Value(value)) => (Some(value), Some(value)),
                Some(Bar::Range(low, high)) => (Some(low), Some(high)),
                Some(Bar::Step { start, end }) => (Some(end - start), Some(end - start)),
                Some(Bar::Unknown) | None => (None, None),
            };
            let number = |value: Option<f64>| {
                value
                    .map(|value| number(drawn.scale, value))
                    .unwrap_or_default()
            };
            fields.push(number(low));
            if *split {
                fields.push(number(high));
            }
        }
        lines.push(fields.join(";"));
    }
    let mut text = lines.join("\r\n");
    text.push_str("\r\n");
    SkrCsv { text, renamed }
}

/// The SKR file's name: the view's CSV name with the chart and `skr`:
/// `psykisk-halsa_jamfor_2015-2016-2018_mnkr_lopande-priser_totals_skr.csv`.
pub fn skr_file_name(csv_name: &str, chart: ChartKey) -> String {
    let stem = csv_name.strip_suffix(".csv").unwrap_or(csv_name);
    format!("{stem}_{}_skr.csv", chart.key())
}

/// Which of SKR's chart types to choose for `chart`.
pub fn skr_pick(chart: &ChartView) -> Text {
    match (chart.key, chart.chart.layout) {
        (ChartKey::Bridge, _) => Text::SkrPickBridge,
        (_, BarLayout::Stacked) => Text::SkrPickStacked,
        (ChartKey::Totals | ChartKey::Trend, _) => Text::SkrPickYears,
        _ => Text::SkrPickGrouped,
    }
}

/// The download button's label for the chart at `index` of a view's
/// `charts`: the chart's title follows when there are several.
pub fn skr_button_label(charts: &[ChartView], index: usize) -> String {
    let Some(chart) = charts.get(index) else {
        return String::new();
    };
    let label = Text::DownloadSkrCsv.get(chart.chart.lang);
    if charts.len() > 1 {
        format!("{label}: {}", chart.title)
    } else {
        label.to_string()
    }
}

/// What the SKR file is and which chart type to pick for a view's `charts`
/// (each type said once).
pub fn skr_note(charts: &[ChartView]) -> String {
    let Some(lang) = charts.first().map(|chart| chart.chart.lang) else {
        return String::new();
    };
    let mut picks: Vec<&str> = charts
        .iter()
        .map(|chart| skr_pick(chart).get(lang))
        .collect();
    picks.dedup();
    format!("{} {}", Text::SkrCsvNote.get(lang), picks.join(" "))
}

/// A number as the table writes it, with a decimal comma and no grouping.
fn number(scale: Scale, displayed: f64) -> String {
    scale.plain_shown(displayed, ',')
}

/// A name that cannot break the format: a `;` (which would start a field)
/// becomes `,`; a line break, a tab or another control character a space; a
/// quote (which a reader could take for quoting) a typographic one; and a
/// leading `=`, `+`, `-` or `@` (a formula to a spreadsheet) gets an
/// apostrophe before it. Spaces are then trimmed and runs of them made one.
fn safe_text(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            ';' => ',',
            '"' => '”',
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') => ' ',
            c => c,
        })
        .collect();
    let joined = mapped.split_whitespace().collect::<Vec<_>>().join(" ");
    match joined.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{joined}"),
        _ => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse_query;
    use crate::view::tests_support::{catalog, every_chart};
    use crate::view::{compare_view, RowPlace};

    /// Reads a file back by the handbook's rules: lines, `;`, decimal comma.
    fn read_back(text: &str) -> Vec<Vec<String>> {
        assert!(!text.starts_with('\u{feff}'), "no byte-order mark");
        assert!(!text.contains('"'), "no quotes");
        text.lines()
            .map(|line| line.split(';').map(str::to_string).collect())
            .collect()
    }

    /// The table's number for a cell text: "1 414 mnkr" → 1414, "696–844 mnkr" → (696, 844).
    fn table_numbers(text: &str) -> Vec<f64> {
        text.replace('\u{202F}', "")
            .replace('−', "-")
            .split(['–', ' ', '\u{a0}'])
            .filter_map(|part| part.replace(',', ".").parse::<f64>().ok())
            .collect()
    }

    #[test]
    fn the_buttons_name_their_chart_when_there_are_several_and_the_note_says_what_to_pick() {
        let view = compare_view(&catalog(), &parse_query("").state);
        let both = [view.totals.clone(), view.recipients.clone()];
        assert_eq!(
            skr_button_label(&both, 0),
            "CSV för SKR:s diagram: Total budget per år"
        );
        assert_eq!(skr_button_label(&both[1..], 0), "CSV för SKR:s diagram");
        let note = skr_note(&both);
        assert!(
            note.starts_with("”CSV för SKR:s diagram” följer SKR:s webbhandbok"),
            "{note}"
        );
        assert!(
            note.ends_with("välj Stapel eller Linje. I SKR:s modul: välj Stapel, enkel."),
            "{note}"
        );
        assert_eq!(skr_note(&[]), "");
        assert_eq!(
            crate::messages::skr_renamed_note(
                &[("a;b".into(), "a,b".into())],
                crate::i18n::Lang::Sv
            ),
            "Ändrat för formatet: «a;b» → «a,b»"
        );
        assert_eq!(
            crate::messages::skr_renamed_note(&[], crate::i18n::Lang::Sv),
            ""
        );
    }

    #[test]
    fn the_file_is_named_for_its_chart() {
        assert_eq!(
            skr_file_name("psykisk-halsa_jamfor_2016_mnkr.csv", ChartKey::Recipients),
            "psykisk-halsa_jamfor_2016_mnkr_recipients_skr.csv"
        );
    }

    #[test]
    fn the_default_views_totals_read_back_as_the_table_writes_them() {
        let view = compare_view(&catalog(), &parse_query("").state);
        let file = skr_csv(&view.totals, &view.table);
        let rows = read_back(&file.text);
        assert_eq!(rows[0], ["År", "Totalt (lägsta)", "Totalt (högsta)"]);
        assert_eq!(rows[1], ["2015", "696", "844"]);
        assert_eq!(rows[2], ["2016", "845", "845"]);
        assert_eq!(rows[3], ["2018", "1414", "1414"]);
        assert!(file.text.ends_with("\r\n"));
        assert!(file.renamed.is_empty());
    }

    #[test]
    fn every_number_of_every_view_is_the_tables() {
        for (chart, table) in every_chart(&catalog()) {
            let rows = read_back(&skr_csv(&chart, &table).text);
            let header = &rows[0];
            assert_eq!(rows.len(), chart.chart.groups.len() + 1, "{}", chart.title);
            // Each bar's number(s) in the file are its table cell's.
            for point in &chart.walk.points {
                let (place, row, column) = point.cell.clone().unwrap();
                let (_, _, cell) = table.cell(place, &row, &column).unwrap();
                let expected = table_numbers(&cell.text);
                let series = &chart.chart.series[point.series].name;
                let fields: Vec<f64> = header
                    .iter()
                    .enumerate()
                    .filter(|(_, name)| name == &series || name.starts_with(&format!("{series} (")))
                    .filter_map(|(index, _)| {
                        rows[point.group + 1][index].replace(',', ".").parse().ok()
                    })
                    .collect();
                let mut distinct = fields.clone();
                distinct.dedup();
                assert_eq!(
                    distinct, expected,
                    "{}: {} in {header:?}",
                    chart.title, cell.text
                );
                assert!(matches!(place, RowPlace::Body | RowPlace::Footer));
            }
        }
    }

    #[test]
    fn unknown_is_empty_and_names_that_would_break_the_format_are_changed_and_listed() {
        use crate::chart::Series;
        let mut view = compare_view(&catalog(), &parse_query("years=2016").state);
        view.totals.chart.groups = vec!["a;b\nc".into(), "=SUM(A1)".into(), "\"q\"".into()];
        view.totals.chart.series = vec![Series {
            name: "x".into(),
            values: vec![Some(Bar::Unknown), None, Some(Bar::Value(-1.5))],
        }];
        let file = skr_csv(&view.totals, &view.table);
        let rows = read_back(&file.text);
        assert_eq!(rows[1], ["a,b c", ""]);
        assert_eq!(rows[2], ["'=SUM(A1)", ""]);
        assert_eq!(rows[3], ["”q”", "-1,5"]);
        assert_eq!(file.renamed.len(), 3);
        assert_eq!(file.renamed[0], ("a;b\nc".to_string(), "a,b c".to_string()));
    }
}
