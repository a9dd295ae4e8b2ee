//! Downloads of a view: its numbers as CSV and JSON (with units and sources),
//! and file names that say which view, years and unit they hold.

use serde_json::{json, Value as Json};

use crate::analysis::Quantity;
use crate::i18n::{Lang, Text};
use crate::keyed::keyed_enum;
use crate::messages;
use crate::state::{ViewKind, ViewState};

use super::{CellStatus, DataRow, DataTable};

keyed_enum! {
    /// A download; its key is the file ending.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum DownloadKind {
        /// The table as CSV.
        Csv = "csv",
        /// The table as JSON.
        Json = "json",
        /// The chart as SVG.
        Svg = "svg",
        /// The chart as PNG.
        Png = "png",
    }
}

impl DownloadKind {
    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            DownloadKind::Csv => "text/csv;charset=utf-8",
            DownloadKind::Json => "application/json",
            DownloadKind::Svg => "image/svg+xml",
            DownloadKind::Png => "image/png",
        }
    }
}

/// A file name that says what the file holds, in the page's language:
/// `psykisk-halsa_forandring_2016-2018_mnkr_lopande-priser.csv`,
/// `mental-health_bridge_2016-2018_msek_current-prices.csv`.
pub fn file_name(state: &ViewState, unit_key: &str, kind: DownloadKind) -> String {
    let lang = state.lang;
    let words = messages::file_name_words(lang);
    let years = match state.view {
        ViewKind::Bridge => format!(
            "{}-{}",
            state.from.unwrap_or(2016),
            state.to.unwrap_or(2018)
        ),
        ViewKind::Trend => words.all_years.to_string(),
        ViewKind::Compare | ViewKind::Breakdown => {
            if state.years.is_empty() {
                words.no_years.to_string()
            } else {
                state
                    .years
                    .iter()
                    .map(u16::to_string)
                    .collect::<Vec<_>>()
                    .join("-")
            }
        }
    };
    let mut parts = vec![
        words.subject.to_string(),
        messages::view_file_word(state.view, lang).to_string(),
        years,
    ];
    if state.view == ViewKind::Breakdown {
        parts.push(messages::dimension_file_word(state.dimension, lang).to_string());
        if state.measure == crate::state::Measure::Share {
            parts.push(words.share.to_string());
        }
    }
    if !(state.view == ViewKind::Breakdown && state.measure == crate::state::Measure::Share) {
        parts.push(unit_key.to_string());
    }
    let name: String = parts
        .join("_")
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            c if c.is_ascii_alphanumeric() || c == '-' || c == '_' => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    format!("{name}.{}", kind.key())
}

fn numbers(quantity: Quantity, table: &DataTable) -> (Option<f64>, Option<f64>, Option<f64>) {
    let shown = |value: f64| {
        let value = table.scale.display(value);
        // Round away float noise (1077.999999…), keeping six decimals.
        (value * 1e6).round() / 1e6
    };
    match quantity {
        Quantity::Exact(value) => (Some(shown(value)), Some(shown(value)), Some(shown(value))),
        Quantity::Range(low, high) => (None, Some(shown(low)), Some(shown(high))),
        _ => (None, None, None),
    }
}

/// A CSV text field: quoted when needed, and never read as a formula by a
/// spreadsheet. See [`csv_field_with`].
pub fn csv_field(text: &str) -> String {
    csv_field_with(text, ',')
}

/// Characters a spreadsheet may read as the start of a formula.
const FORMULA_START: [char; 4] = ['=', '+', '-', '@'];

/// A CSV text field for a file separated by `separator`. A spreadsheet that
/// guesses another separator than the file's (Excel in Swedish splits on
/// `;`, elsewhere on `,`) would cut a field at it, so a field is guarded as
/// if either could be the separator: quoted when it holds `,`, `;`, a tab,
/// a quote or a line break, and an apostrophe put before `= + - @` at its
/// start and after any of those separators. Control characters (which no
/// label may hold, and a hostile one would) become spaces.
pub fn csv_field_with(text: &str, separator: char) -> String {
    let mut guarded = String::with_capacity(text.len() + 2);
    let mut at_field_start = true;
    for c in text.chars() {
        let c = if c.is_control() && c != '\n' { ' ' } else { c };
        if at_field_start && FORMULA_START.contains(&c) {
            guarded.push('\'');
        }
        guarded.push(c);
        if matches!(c, ',' | ';' | '\t' | '\n') {
            at_field_start = true;
        } else if c != ' ' {
            at_field_start = false;
        }
    }
    if guarded.contains([separator, ',', ';', '\t', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// How a CSV download is written. Swedish spreadsheet programs expect `;`
/// between fields and a decimal comma (Excel in Swedish puts a comma-separated
/// file in one column); everyone else expects RFC 4180: `,` and a decimal
/// point. Both start with a byte-order mark, so the letters å, ä and ö survive
/// a double-click.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvDialect {
    /// `;` and decimal comma: for the page in Swedish.
    Swedish,
    /// `,` and decimal point: for the page in English.
    Standard,
}

impl CsvDialect {
    /// The dialect for the page's language.
    pub fn for_lang(lang: Lang) -> CsvDialect {
        lang.pick(CsvDialect::Swedish, CsvDialect::Standard)
    }

    fn separator(self) -> char {
        match self {
            CsvDialect::Swedish => ';',
            CsvDialect::Standard => ',',
        }
    }

    fn number(self, value: f64) -> String {
        crate::format::plain(
            value,
            match self {
                CsvDialect::Swedish => ',',
                CsvDialect::Standard => '.',
            },
        )
    }
}

/// The table as CSV, laid out as it is shown: a line per row (the footer's
/// too), a column per table column, then the unit and the row's kind, which
/// tells what may be added up (`item` and `not-broken-down` rows sum to the
/// `total`; `subtotal` and `of-which` rows are never summed). A column with a disputed
/// amount becomes two, the lowest and the highest figure, so a disputed total
/// is never an empty cell; an unknown amount is empty (unknown is not zero).
pub fn to_csv(table: &DataTable, dialect: CsvDialect, lang: Lang) -> String {
    let separator = dialect.separator();
    let field = |text: &str| csv_field_with(&text.replace(['\u{202F}', '\u{a0}'], " "), separator);
    let rows: Vec<&DataRow> = all_rows(table).collect();
    let split: Vec<bool> = (0..table.columns.len())
        .map(|column| {
            rows.iter().any(|row| {
                matches!(
                    row.cells.get(column).map(|cell| cell.quantity),
                    Some(Quantity::Range(..))
                )
            })
        })
        .collect();
    let mut header = vec![field(&table.corner)];
    for (column, split) in table.columns.iter().zip(&split) {
        if *split {
            header.push(field(&format!(
                "{} ({})",
                column.header,
                Text::CsvLowest.get(lang)
            )));
            header.push(field(&format!(
                "{} ({})",
                column.header,
                Text::CsvHighest.get(lang)
            )));
        } else {
            header.push(field(&column.header));
        }
    }
    header.push(field(Text::CsvUnit.get(lang)));
    header.push(field(Text::CsvRowKind.get(lang)));
    let mut out = String::from("\u{feff}");
    out.push_str(&header.join(&separator.to_string()));
    out.push_str("\r\n");
    for row in rows {
        let mut line = vec![field(&row.label)];
        for (cell, split) in row.cells.iter().zip(&split) {
            let (value, low, high) = numbers(cell.quantity, table);
            let write =
                |value: Option<f64>| value.map(|value| dialect.number(value)).unwrap_or_default();
            if *split {
                line.push(write(low));
                line.push(write(high));
            } else {
                line.push(write(value));
            }
        }
        line.push(field(&table.unit));
        line.push(field(row.kind.key()));
        out.push_str(&line.join(&separator.to_string()));
        out.push_str("\r\n");
    }
    out
}

fn all_rows(table: &DataTable) -> impl Iterator<Item = &DataRow> {
    table.rows.iter().chain(&table.footer)
}

/// The table as JSON, with each cell's figures and sources.
pub fn to_json(table: &DataTable, view: ViewKind, description: &str) -> String {
    let rows: Vec<Json> = all_rows(table)
        .map(|row| {
            let cells: Vec<Json> = table
                .columns
                .iter()
                .zip(&row.cells)
                .map(|(column, cell)| {
                    let (value, low, high) = numbers(cell.quantity, table);
                    let sources: Vec<Json> = cell
                        .figures
                        .iter()
                        .map(|figure| {
                            json!({
                                "figure": figure.label,
                                "status": figure.status.key(),
                                "amount": figure.amount.replace(['\u{202F}', '\u{a0}'], " "),
                                "how": figure.how,
                                "citations": figure.citations.iter().map(|c| json!({
                                    "claim": c.claim, "publisher": c.publisher, "title": c.title, "url": c.url, "seed": c.seed,
                                    "as_written": c.as_written, "quote": c.quote.as_ref().map(super::Quote::text),
                                })).collect::<Vec<_>>(),
                            })
                        })
                        .collect();
                    json!({
                        "column": column.key, "value": value, "low": low, "high": high,
                        "text": cell.text.replace(['\u{202F}', '\u{a0}'], " "), "status": cell.status.map(CellStatus::key), "sources": sources,
                    })
                })
                .collect();
            json!({ "key": row.key, "label": row.label, "kind": row.kind.key(), "cells": cells })
        })
        .collect();
    let document = json!({
        "view": view.key(),
        "title": table.title,
        "unit": table.unit,
        "description": description.replace(['\u{202F}', '\u{a0}'], " "),
        "columns": table.columns.iter().map(|c| json!({"key": c.key, "header": c.header})).collect::<Vec<_>>(),
        "rows": rows,
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse_query;
    use crate::view::tests_support::catalog;
    use crate::view::{bridge_view, compare_view};

    fn csv_lines(csv: &str) -> Vec<&str> {
        csv.trim_start_matches('\u{feff}').lines().collect()
    }

    #[test]
    fn csv_has_the_tables_rows_and_a_column_per_column() {
        let view = compare_view(&catalog(), &parse_query("").state);
        let csv = to_csv(&view.table, CsvDialect::Standard, Lang::Sv);
        assert!(
            csv.starts_with('\u{feff}'),
            "a byte-order mark for spreadsheets"
        );
        let lines = csv_lines(&csv);
        assert_eq!(
            lines.len(),
            1 + view.table.rows.len() + view.table.footer.len()
        );
        // 2015's total is disputed: its column is two, lowest and highest.
        assert_eq!(
            lines[0],
            "Mottagare,2015 (omstritt) (lägsta),2015 (omstritt) (högsta),2016 (lägsta),2016 (högsta),2018,Enhet,Radtyp"
        );
        let total = lines.iter().find(|l| l.starts_with("Totalt,")).unwrap();
        assert_eq!(
            total,
            &"Totalt,696,844,845,845,1414,\"miljoner kronor, löpande priser\",total"
        );
    }

    #[test]
    fn swedish_csv_uses_semicolons_and_decimal_commas() {
        let catalog = catalog();
        let state = parse_query("years=2015,2016,2018&prices=fixed&base=2023&per=inhabitant").state;
        let view = compare_view(&catalog, &state);
        let csv = to_csv(&view.table, CsvDialect::Swedish, Lang::Sv);
        let lines = csv_lines(&csv);
        assert!(lines[0].starts_with("Mottagare;2015 (omstritt) (lägsta);2015 (omstritt) (högsta);2016 (lägsta);2016 (högsta);2018;Enhet"), "{}", lines[0]);
        let total = lines.iter().find(|l| l.starts_with("Totalt;")).unwrap();
        let fields: Vec<&str> = total.split(';').collect();
        assert_eq!(fields.len(), 8, "{total}");
        assert!(
            fields[5].contains(',') && !fields[5].contains('.'),
            "decimal comma: {total}"
        );
        let english = to_csv(&view.table, CsvDialect::Standard, Lang::En);
        assert!(csv_lines(&english)[0]
            .starts_with("Mottagare,2015 (omstritt) (lowest),2015 (omstritt) (highest),"));
        assert_eq!(CsvDialect::for_lang(Lang::Sv), CsvDialect::Swedish);
        assert_eq!(CsvDialect::for_lang(Lang::En), CsvDialect::Standard);
    }

    #[test]
    fn json_keeps_numbers_statuses_and_citations() {
        let view = bridge_view(&catalog(), &parse_query("view=bridge").state);
        let table = view.table.unwrap();
        let parsed: Json = serde_json::from_str(&to_json(&table, ViewKind::Bridge, "d")).unwrap();
        assert_eq!(parsed["unit"], "miljoner kronor, löpande priser");
        let care = parsed["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == "regions-primary-care")
            .unwrap();
        assert_eq!(care["cells"][2]["value"], 220.0);
        assert_eq!(care["cells"][2]["status"], "only-later");
        let citation = &care["cells"][2]["sources"][0]["citations"][0];
        assert_eq!(
            citation["url"],
            "https://old-skr.skr.se/arkiv/aldrenyheter/arkiveradenyheter/1414miljonerkronorforbattrepsykiskhalsa.14493.html"
        );
        assert_eq!(citation["as_written"], "220 miljoner kronor");
    }

    #[test]
    fn csv_fields_are_quoted_and_never_formulas() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-5 mnkr"), "'-5 mnkr");
        assert_eq!(csv_field("plain"), "plain");
    }

    #[test]
    fn a_field_is_safe_whichever_separator_a_spreadsheet_guesses() {
        for separator in [',', ';'] {
            // Quoted, so a reader that knows the separator keeps one cell…
            assert_eq!(csv_field_with("x;=1+1", separator), "\"x;'=1+1\"");
            assert_eq!(csv_field_with("x, =1+1", separator), "\"x, '=1+1\"");
            // …and a formula after a separator is guarded for one that guesses wrong.
            assert_eq!(csv_field_with("a;@SUM(A1)", separator), "\"a;'@SUM(A1)\"");
            // A tab is a control character: a space, never a third separator.
            assert_eq!(csv_field_with("a\t-1", separator), "a -1");
            assert_eq!(csv_field_with("1 414 mnkr", separator), "1 414 mnkr");
            assert_eq!(csv_field_with("bell\u{7}", separator), "bell ");
        }
    }

    #[test]
    fn file_names_say_view_years_and_unit_in_the_pages_language() {
        let cases = [
            (
                "view=bridge&from=2016&to=2018",
                "mnkr_lopande-priser",
                DownloadKind::Csv,
                "psykisk-halsa_forandring_2016-2018_mnkr_lopande-priser.csv",
            ),
            (
                "view=bridge&from=2016&to=2018&lang=en",
                "msek_current-prices",
                DownloadKind::Csv,
                "mental-health_bridge_2016-2018_msek_current-prices.csv",
            ),
            (
                "view=breakdown&years=2015,2016&by=purpose&measure=share",
                "x",
                DownloadKind::Png,
                "psykisk-halsa_fordelning_2015-2016_andamal_andel.png",
            ),
            (
                "view=breakdown&years=2015,2016&by=purpose&measure=share&lang=en",
                "x",
                DownloadKind::Png,
                "mental-health_breakdown_2015-2016_purpose_share.png",
            ),
            (
                "",
                "kr-per-invanare_2023-ars-priser",
                DownloadKind::Svg,
                "psykisk-halsa_jamfor-ar_2015-2016-2018_kr-per-invanare_2023-ars-priser.svg",
            ),
        ];
        for (query, unit, kind, expected) in cases {
            assert_eq!(
                file_name(&parse_query(query).state, unit, kind),
                expected,
                "{query}"
            );
        }
    }
}
