//! Downloads of a view: its numbers as CSV and JSON (with units and sources),
//! and file names that say which view, years and unit they hold.

use serde_json::{json, Value as Json};

use crate::analysis::Quantity;
use crate::state::{ViewKind, ViewState};

use super::{DataCell, DataRow, DataTable};

/// What is downloaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DownloadKind {
    /// The table as CSV.
    Csv,
    /// The table as JSON.
    Json,
    /// The chart as SVG.
    Svg,
    /// The chart as PNG.
    Png,
}

impl DownloadKind {
    /// The file ending.
    pub fn extension(self) -> &'static str {
        match self {
            DownloadKind::Csv => "csv",
            DownloadKind::Json => "json",
            DownloadKind::Svg => "svg",
            DownloadKind::Png => "png",
        }
    }

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

/// A file name that says what the file holds:
/// `psykisk-halsa_bridge_2016-2018_mnkr_lopande-priser.csv`.
pub fn file_name(state: &ViewState, chart: &str, unit_key: &str, kind: DownloadKind) -> String {
    let years = match state.view {
        ViewKind::Bridge => format!(
            "{}-{}",
            state.from.unwrap_or(2016),
            state.to.unwrap_or(2018)
        ),
        ViewKind::Trend => "alla-ar".to_string(),
        ViewKind::Compare | ViewKind::Breakdown => {
            if state.years.is_empty() {
                "inga-ar".to_string()
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
    let mut parts = vec!["psykisk-halsa".to_string(), chart.to_string(), years];
    if state.view == ViewKind::Breakdown {
        parts.push(state.dimension.key().to_string());
        if state.measure == crate::state::Measure::Share {
            parts.push("andel".to_string());
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
    format!("{name}.{}", kind.extension())
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

fn sources_text(cell: &DataCell) -> String {
    let mut seen: Vec<String> = Vec::new();
    for figure in &cell.figures {
        for citation in &figure.citations {
            let mut text = format!("{}: {}", citation.publisher, citation.title);
            if let Some(url) = &citation.url {
                text.push_str(&format!(" <{url}>"));
            }
            if !seen.contains(&text) {
                seen.push(text);
            }
        }
    }
    seen.join(" | ")
}

/// A CSV field: quoted when needed, and never read as a formula by a
/// spreadsheet (text starting with `= + - @` gets a leading apostrophe).
pub fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn number(value: Option<f64>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

fn all_rows(table: &DataTable) -> impl Iterator<Item = &DataRow> {
    table.rows.iter().chain(&table.footer)
}

/// The table as CSV, one line per cell: view, row, the row's kind, column,
/// value (or low and high for a range), unit, status, the text shown, and the
/// sources. The kind tells what may be added up: `item` and `not-broken-down`
/// rows sum to the `total`; `subtotal` and `of-which` rows are never summed.
pub fn to_csv(table: &DataTable, view: &str) -> String {
    let mut out =
        String::from("view,row_key,row_kind,row,column,value,low,high,unit,status,text,sources\n");
    for row in all_rows(table) {
        for (column, cell) in table.columns.iter().zip(&row.cells) {
            let (value, low, high) = numbers(cell.quantity, table);
            let line = [
                csv_field(view),
                csv_field(&row.key),
                csv_field(row.kind.key()),
                csv_field(&row.label),
                csv_field(&column.key),
                number(value),
                number(low),
                number(high),
                csv_field(&table.unit),
                csv_field(cell.status.unwrap_or("")),
                csv_field(&cell.text.replace(['\u{202F}', '\u{a0}'], " ")),
                csv_field(&sources_text(cell)),
            ];
            out.push_str(&line.join(","));
            out.push('\n');
        }
    }
    out
}

/// The table as JSON, with each cell's figures and sources.
pub fn to_json(table: &DataTable, view: &str, description: &str) -> String {
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
                                "status": figure.status_key,
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
                        "text": cell.text.replace(['\u{202F}', '\u{a0}'], " "), "status": cell.status, "sources": sources,
                    })
                })
                .collect();
            json!({ "key": row.key, "label": row.label, "kind": row.kind.key(), "cells": cells })
        })
        .collect();
    let document = json!({
        "view": view,
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

    #[test]
    fn csv_has_a_line_per_cell_with_unit_status_and_sources() {
        let view = compare_view(&catalog(), &parse_query("").state);
        let csv = to_csv(&view.table, "compare");
        let lines: Vec<&str> = csv.lines().collect();
        let cells: usize = view
            .table
            .rows
            .iter()
            .chain(&view.table.footer)
            .map(|r| r.cells.len())
            .sum();
        assert_eq!(lines.len(), cells + 1);
        let total_2016 = lines
            .iter()
            .find(|l| l.starts_with("compare,total,total,Totalt,2016,"))
            .unwrap();
        assert!(total_2016.starts_with("compare,total,total,Totalt,2016,845,845,845,\"miljoner kronor, löpande priser\",stated,845 mnkr,"), "{total_2016}");
        assert!(total_2016.contains("Uppdrag Psykisk Hälsa"));
        let total_2015 = lines
            .iter()
            .find(|l| l.starts_with("compare,total,total,Totalt,2015,"))
            .unwrap();
        assert!(
            total_2015.starts_with("compare,total,total,Totalt,2015,,696,844,"),
            "a range has no single value: {total_2015}"
        );
        assert!(total_2015.contains("<https://www.uppdragpsykiskhalsa.se/lattlast/>"));
    }

    #[test]
    fn json_keeps_numbers_statuses_and_citations() {
        let view = bridge_view(&catalog(), &parse_query("view=bridge").state);
        let table = view.table.unwrap();
        let parsed: Json = serde_json::from_str(&to_json(&table, "bridge", "d")).unwrap();
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
    fn file_names_say_view_years_and_unit() {
        let state = parse_query("view=bridge&from=2016&to=2018").state;
        assert_eq!(
            file_name(&state, "bridge", "mnkr_lopande-priser", DownloadKind::Csv),
            "psykisk-halsa_bridge_2016-2018_mnkr_lopande-priser.csv"
        );
        let state = parse_query("view=breakdown&years=2015,2016&by=purpose&measure=share").state;
        assert_eq!(
            file_name(&state, "breakdown", "x", DownloadKind::Png),
            "psykisk-halsa_breakdown_2015-2016_purpose_andel.png"
        );
        let state = parse_query("").state;
        assert_eq!(
            file_name(
                &state,
                "totals",
                "kr-per-invanare_2023-ars-priser",
                DownloadKind::Svg
            ),
            "psykisk-halsa_totals_2015-2016-2018_kr-per-invanare_2023-ars-priser.svg"
        );
    }
}
