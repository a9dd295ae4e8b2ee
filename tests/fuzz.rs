//! Fuzzing by property, structure-aware: the bundled agreement files are
//! mutated field by field (valid amounts, statuses and hostile but valid
//! labels as well as wrong types, removed and added fields), or byte by byte
//! (broken UTF-8, repeated keys, byte-order marks), and go through everything
//! a visitor's file goes through — reading, validation, sum checks, every view
//! in every unit, chart drawing, exports. Nothing may panic (a panic kills the
//! WASM app), and what is accepted must come out right:
//! - every table's items add up to its total (in kronor, and in shares: 100 %);
//! - a bridge's steps add up to the change between its two totals;
//! - the CSV has a line per table row and a header, and every amount in the
//!   table is in it;
//! - broken UTF-8 is refused at the byte `from_utf8` names, a repeated key
//!   with its path;
//! - any address state written and read back is the same state.
//!
//! `FUZZ_CASES` sets the number of inputs (default 2 000, as in CI); the
//! README records a run of a million.

use std::sync::OnceLock;

use budget_explorer::analysis::{bridge, bridge_total, Prices, Quantity, Units};
use budget_explorer::catalog::{Catalog, SeriesKind};
use budget_explorer::chart::render_svg;
use budget_explorer::chart::BarLayout;
use budget_explorer::i18n::Lang;
use budget_explorer::manifest::parse_manifest;
use budget_explorer::model::{parse_agreement, Limits, LoadError, ProblemKind};
use budget_explorer::state::{parse_query, Dimension, Measure, ViewKind, ViewState};
use budget_explorer::view::{
    breakdown_view, bridge_view, compare_view, to_csv, to_json, trend_view, CsvDialect, DataTable,
    RowKind,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value};

fn data(file: &str) -> String {
    std::fs::read_to_string(format!("{}/public/data/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The bundled data, loaded once.
fn base() -> &'static Catalog {
    static BASE: OnceLock<Catalog> = OnceLock::new();
    BASE.get_or_init(|| {
        let mut catalog = Catalog::default();
        catalog.add_manifest("index.json", Ok(data("index.json")));
        let manifest = parse_manifest(data("index.json")).unwrap();
        for entry in &manifest.agreements {
            catalog.add_agreement(entry, Ok(data(&entry.file)));
        }
        catalog.add_series(SeriesKind::Kpi, "kpi.json", Ok(data("kpi.json")));
        catalog.add_series(
            SeriesKind::Population,
            "population.json",
            Ok(data("population.json")),
        );
        catalog
    })
}

fn seeds() -> &'static Vec<Value> {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let manifest = parse_manifest(data("index.json")).unwrap();
        manifest
            .agreements
            .iter()
            .map(|entry| serde_json::from_str(&data(&entry.file)).unwrap())
            .collect()
    })
}

/// Values that break things: wrong types, edges of numbers, hostile text.
fn nasty_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null)),
        prop_oneof![
            Just(0u64),
            Just(1),
            Just(999_999_999_999_999),
            Just(1_000_000_000_000_000),
            Just(u64::MAX)
        ]
        .prop_map(Value::from),
        prop_oneof![
            Just("".to_string()),
            Just("<script>alert(1)</script>".to_string()),
            Just("javascript:alert(1)".to_string()),
            Just("https://example.org/a?b=<c>".to_string()),
            Just("regions".to_string()),
            Just("disputed".to_string()),
            Just("skr-support".to_string()),
            Just("x".repeat(6000)),
            Just("\u{0}\u{202E}\u{FEFF}".to_string()),
            "[a-z-]{1,12}",
            ".{0,40}",
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z_]{1,10}", inner), 0..4)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

#[derive(Clone, Debug)]
enum Edit {
    Replace(usize, Value),
    Remove(usize),
    Insert(usize, String, Value),
    DuplicateAllocation(usize),
    /// A field that must hold an amount gets another valid amount.
    Amount(usize, u64),
    /// A text field gets another valid text (hostile, but one the format allows).
    Text(usize, String),
    /// A status becomes another valid status.
    Status(usize, &'static str),
}

/// Texts the format accepts that have tripped apps up: separators and
/// formula starts, right-to-left script, one very long word, entities.
fn valid_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("x;=1+1".to_string()),
        Just("=HYPERLINK(\"http://x\")".to_string()),
        Just("بودجه سلامت روان".to_string()),
        Just("a & b < c > d \" ' ;,".to_string()),
        Just("ord".repeat(1500)),
        Just("Regioner\n(landsting)".to_string()),
        "[A-Za-zåäö ]{1,30}",
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), nasty_value()).prop_map(|(at, value)| Edit::Replace(at, value)),
        2 => any::<usize>().prop_map(Edit::Remove),
        1 => (any::<usize>(), "[a-z_]{1,10}", nasty_value()).prop_map(|(at, key, value)| Edit::Insert(at, key, value)),
        1 => any::<usize>().prop_map(Edit::DuplicateAllocation),
        4 => (any::<usize>(), 0u64..5_000_000_000).prop_map(|(at, kronor)| Edit::Amount(at, kronor)),
        3 => (any::<usize>(), valid_text()).prop_map(|(at, text)| Edit::Text(at, text)),
        1 => (any::<usize>(), prop_oneof![Just("stated"), Just("derived"), Just("unknown")]).prop_map(|(at, status)| Edit::Status(at, status)),
    ]
}

/// The paths of the nodes that sit under a field called `name`.
fn fields_named(value: &Value, name: &str) -> Vec<Vec<PathStep>> {
    let mut all = Vec::new();
    paths(value, Vec::new(), &mut all);
    all.into_iter()
        .filter(|path| matches!(path.last(), Some(PathStep::Key(key)) if key == name))
        .collect()
}

/// Every node of a JSON tree, in a fixed order, as a path of steps.
fn paths(value: &Value, here: Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(here.clone());
    match value {
        Value::Array(items) => items.iter().enumerate().for_each(|(i, item)| {
            let mut next = here.clone();
            next.push(PathStep::Index(i));
            paths(item, next, out);
        }),
        Value::Object(map) => map.iter().for_each(|(key, item)| {
            let mut next = here.clone();
            next.push(PathStep::Key(key.clone()));
            paths(item, next, out);
        }),
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum PathStep {
    Index(usize),
    Key(String),
}

fn node<'a>(value: &'a mut Value, path: &[PathStep]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |value, step| match step {
        PathStep::Index(i) => value.get_mut(*i),
        PathStep::Key(key) => value.get_mut(key.as_str()),
    })
}

fn apply(document: &mut Value, edit: &Edit) {
    let mut all = Vec::new();
    paths(document, Vec::new(), &mut all);
    let pick = |at: usize| all[at % all.len()].clone();
    match edit {
        Edit::Replace(at, with) => {
            if let Some(target) = node(document, &pick(*at)) {
                *target = with.clone();
            }
        }
        Edit::Remove(at) => {
            let path = pick(*at);
            if let Some((last, parent)) = path.split_last() {
                match (node(document, parent), last) {
                    (Some(Value::Object(map)), PathStep::Key(key)) => {
                        map.remove(key);
                    }
                    (Some(Value::Array(items)), PathStep::Index(i)) if *i < items.len() => {
                        items.remove(*i);
                    }
                    _ => {}
                }
            }
        }
        Edit::Insert(at, key, value) => {
            if let Some(Value::Object(map)) = node(document, &pick(*at)) {
                map.insert(key.clone(), value.clone());
            }
        }
        Edit::Amount(at, kronor) => {
            let targets = fields_named(document, "kronor");
            if let Some(path) = targets.get(at % targets.len().max(1)) {
                if let Some(target) = node(document, path) {
                    *target = Value::from(*kronor);
                }
            }
        }
        Edit::Text(at, text) => {
            let mut targets = fields_named(document, "sv");
            targets.extend(fields_named(document, "en"));
            if let Some(path) = targets.get(at % targets.len().max(1)) {
                if let Some(target) = node(document, path) {
                    *target = Value::from(text.clone());
                }
            }
        }
        Edit::Status(at, status) => {
            let targets = fields_named(document, "status");
            if let Some(path) = targets.get(at % targets.len().max(1)) {
                if let Some(target) = node(document, path) {
                    *target = Value::from(*status);
                }
            }
        }
        Edit::DuplicateAllocation(at) => {
            if let Some(Value::Array(items)) = document.get_mut("allocations") {
                if !items.is_empty() {
                    let copy = items[at % items.len()].clone();
                    items.push(copy);
                }
            }
        }
    }
}

#[derive(Clone, Debug)]
enum TextEdit {
    None,
    Cut(usize),
    Flip(usize, u8),
}

/// Everything a loaded file goes through. Returns whether it was accepted.
fn run_everything(text: &str) -> bool {
    let mut catalog = base().clone();
    let Ok(id) = catalog.add_own("fuzz.json", Ok(text.to_string())) else {
        return false;
    };
    for query in [
        "years=2015,2016",
        "view=trend&prices=fixed",
        "view=breakdown&years=2018&per=inhabitant",
    ] {
        let mut state = parse_query(query).state;
        for units in [
            Units::default(),
            Units {
                prices: Prices::Fixed { base: Some(2016) },
                per_inhabitant: true,
            },
        ] {
            state.units = units;
            match state.view {
                ViewKind::Compare => {
                    let view = compare_view(&catalog, &state);
                    render_svg(&view.totals.chart, 800).unwrap();
                    render_svg(&view.recipients.chart, 360).unwrap();
                    check_table(&view.table, 100.0, false);
                    check_csv(&view.table);
                    let _ = to_json(&view.table, ViewKind::Compare, "");
                }
                ViewKind::Trend => {
                    render_svg(&trend_view(&catalog, &state).chart.chart, 800).unwrap();
                }
                _ => {
                    for (dimension, measure, layout) in [
                        (Dimension::Purpose, Measure::Share, BarLayout::Stacked),
                        (Dimension::Recipient, Measure::Amount, BarLayout::Grouped),
                    ] {
                        (state.dimension, state.measure, state.layout) =
                            (dimension, measure, layout);
                        let view = breakdown_view(&catalog, &state);
                        render_svg(&view.chart.chart, 600).unwrap();
                        check_table(&view.table, 100.0, measure == Measure::Share);
                        check_csv(&view.table);
                    }
                }
            }
        }
    }
    check_bridges(&catalog, id);
    let mut state = parse_query("view=bridge&from=2016").state;
    state.to_own = Some(id);
    if let Some(chart) = bridge_view(&catalog, &state).chart {
        render_svg(&chart.chart, 800).unwrap();
    }
    state.to_own = None;
    state.from_own = Some(id);
    if let Some(chart) = bridge_view(&catalog, &state).chart {
        render_svg(&chart.chart, 360).unwrap();
    }
    true
}

/// Items (and money not broken down) add up to the total, column by
/// column, where every one of them is a known, single number; in shares the
/// total is 100 %.
fn check_table(table: &DataTable, hundred: f64, shares: bool) {
    let rows: Vec<_> = table.rows.iter().chain(&table.footer).collect();
    let Some(total) = rows.iter().find(|row| row.kind == RowKind::Total) else {
        return;
    };
    for column in 0..table.columns.len() {
        let Some(Quantity::Exact(whole)) = total.cells.get(column).map(|cell| cell.quantity) else {
            continue;
        };
        let parts: Vec<Quantity> = rows
            .iter()
            .filter(|row| matches!(row.kind, RowKind::Item | RowKind::NotBrokenDown))
            .filter_map(|row| row.cells.get(column).map(|cell| cell.quantity))
            .collect();
        if parts.is_empty() || whole == 0.0 {
            continue;
        }
        let known: Option<f64> = parts
            .iter()
            .map(|part| match part {
                Quantity::Exact(value) => Some(*value),
                _ => None,
            })
            .sum();
        if let Some(sum) = known {
            assert!(
                (sum - whole).abs() <= 1e-6 * whole.abs().max(1.0),
                "{}: column {column}: items sum to {sum}, the total is {whole}",
                table.title
            );
        }
        if shares {
            assert!(
                (whole - hundred).abs() < 1e-6,
                "{}: shares total {whole}",
                table.title
            );
        }
    }
}

/// The CSV has a header and a line per table row, and every amount in the
/// table is in its row's line.
fn check_csv(table: &DataTable) {
    for (dialect, lang) in [
        (CsvDialect::Swedish, Lang::Sv),
        (CsvDialect::Standard, Lang::En),
    ] {
        let csv = to_csv(table, dialect, lang);
        let lines = csv_lines(csv.trim_start_matches('\u{feff}'));
        let rows: Vec<_> = table.rows.iter().chain(&table.footer).collect();
        assert_eq!(lines.len(), rows.len() + 1, "{}: {csv}", table.title);
        let separator = if dialect == CsvDialect::Swedish {
            ';'
        } else {
            ','
        };
        for (row, line) in rows.iter().zip(&lines[1..]) {
            let fields = split_fields(line, separator);
            let numbers: Vec<f64> = fields
                .iter()
                .filter_map(|field| field.replace(',', ".").parse::<f64>().ok())
                .collect();
            for cell in &row.cells {
                if let Quantity::Exact(value) = cell.quantity {
                    let shown = table.scale.display(value);
                    assert!(
                        numbers
                            .iter()
                            .any(|n| (n - shown).abs() <= 1e-6 * shown.abs().max(1.0)),
                        "{}: {shown} is not in the CSV line {line}",
                        table.title
                    );
                }
            }
        }
    }
}

/// Lines of a CSV text, a quoted field's line breaks kept inside it.
fn csv_lines(text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            '\n' if !quoted => {
                lines.push(current.trim_end_matches('\r').to_string());
                current.clear();
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// A CSV line's fields, unquoted.
fn split_fields(line: &str, separator: char) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            '"' => quoted = !quoted,
            c if c == separator && !quoted => fields.push(String::new()),
            c => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

/// A bridge's steps add up to the change between its totals, from and to
/// the visitor's file, on every side of a disputed total.
fn check_bridges(catalog: &Catalog, id: u32) {
    let Some(own) = catalog.own_file(id) else {
        return;
    };
    let own = &own.loaded.agreement;
    for year in [2015, 2016, 2018] {
        let Some(bundled) = catalog.agreements.get(&year) else {
            continue;
        };
        let bundled = &bundled.agreement;
        for (first, last) in [(bundled, own), (own, bundled)] {
            for first_side in first.sides() {
                let source = first_side.map(|side| side.source.as_str());
                let (Some(start), Some(end)) = (
                    bridge_total(&first.total, source),
                    bridge_total(&last.total, None),
                ) else {
                    continue;
                };
                let steps = bridge(first, last, start, end);
                let change: i128 = steps.steps.iter().map(|step| step.change()).sum();
                assert_eq!(
                    change,
                    i128::from(steps.end) - i128::from(steps.start),
                    "{} → {}: steps {:?}",
                    first.year,
                    last.year,
                    steps.steps
                );
            }
        }
    }
}

/// A runner for `FUZZ_CASES` inputs (2 000 unless set).
fn runner() -> (TestRunner, u32) {
    let cases: u32 = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000);
    (
        TestRunner::new(Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        }),
        cases,
    )
}

#[test]
fn mutated_files_never_panic_anything() {
    let (mut runner, cases) = runner();
    let strategy = (
        any::<usize>(),
        prop::collection::vec(edit(), 0..6),
        prop_oneof![
            6 => Just(TextEdit::None),
            1 => any::<usize>().prop_map(TextEdit::Cut),
            1 => (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| TextEdit::Flip(at, byte)),
        ],
    );
    let accepted = std::cell::Cell::new(0u32);
    let started = std::time::Instant::now();
    runner
        .run(&strategy, |(seed, edits, text_edit)| {
            let mut document = seeds()[seed % seeds().len()].clone();
            for edit in &edits {
                apply(&mut document, edit);
            }
            let mut bytes = serde_json::to_vec(&document).unwrap();
            match text_edit {
                TextEdit::None => {}
                TextEdit::Cut(at) => bytes.truncate(at % (bytes.len() + 1)),
                TextEdit::Flip(at, byte) => {
                    let at = at % bytes.len();
                    bytes[at] ^= byte;
                }
            }
            let text = String::from_utf8_lossy(&bytes);
            if run_everything(&text) {
                accepted.set(accepted.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    println!(
        "fuzz: {cases} inputs, {} accepted and drawn in every view, no panic, {:.1} s",
        accepted.get(),
        started.elapsed().as_secs_f64()
    );
    // A run where nothing is accepted would test only the error paths.
    assert!(
        accepted.get() > cases / 20,
        "only {} of {cases} inputs were valid",
        accepted.get()
    );
}

#[derive(Clone, Debug)]
enum ByteEdit {
    /// A byte that cannot start or continue UTF-8 here.
    Invalid(usize, u8),
    /// A key of an object written a second time.
    RepeatKey(usize),
    /// A byte-order mark in front.
    Mark(&'static [u8]),
    /// Bytes flipped.
    Flip(usize, u8),
}

/// Byte-level edits of a valid file: the reader must refuse each for its
/// own reason, never accept broken text, and never panic.
#[test]
fn broken_bytes_are_refused_for_what_they_are() {
    let (mut runner, _) = runner();
    let strategy = (
        any::<usize>(),
        prop_oneof![
            3 => (any::<usize>(), prop_oneof![Just(0x80u8), Just(0xC3), Just(0xE4), Just(0xFF), Just(0xF8)]).prop_map(|(at, byte)| ByteEdit::Invalid(at, byte)),
            3 => any::<usize>().prop_map(ByteEdit::RepeatKey),
            1 => prop_oneof![Just(&b"\xEF\xBB\xBF"[..]), Just(&b"\xFF\xFE"[..]), Just(&b"\xFE\xFF"[..])].prop_map(ByteEdit::Mark),
            2 => (any::<usize>(), 1u8..=255).prop_map(|(at, byte)| ByteEdit::Flip(at, byte)),
        ],
    );
    runner
        .run(&strategy, |(seed, edit)| {
            let document = &seeds()[seed % seeds().len()];
            let mut bytes = serde_json::to_vec_pretty(document).unwrap();
            let limits = Limits::default();
            match &edit {
                ByteEdit::Invalid(at, byte) => {
                    // Between two characters, so the byte alone is what breaks.
                    let text = std::str::from_utf8(&bytes).unwrap();
                    let mut at = at % bytes.len();
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    bytes.insert(at, *byte);
                    let offset = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
                    match parse_agreement(&bytes, &limits) {
                        Err(LoadError::NotUtf8 { offset: found, .. }) => {
                            prop_assert_eq!(found, offset)
                        }
                        other => {
                            prop_assert!(false, "broken UTF-8 read as {:?}", other.map(|a| a.year))
                        }
                    }
                }
                ByteEdit::RepeatKey(at) => {
                    // A line `"key": value,` written twice in a row.
                    let text = String::from_utf8(bytes.clone()).unwrap();
                    let lines: Vec<&str> = text.lines().collect();
                    let candidates: Vec<usize> = (0..lines.len())
                        .filter(|&i| {
                            let line = lines[i].trim_start();
                            // A member (not a text in a list) with a whole value on its line.
                            line.starts_with('"')
                                && line.contains("\": ")
                                && line.ends_with(',')
                                && !line.trim_end_matches(',').ends_with(['{', '['])
                        })
                        .collect();
                    if candidates.is_empty() {
                        return Ok(());
                    }
                    let line = candidates[at % candidates.len()];
                    let mut edited: Vec<&str> = lines.clone();
                    edited.insert(line, lines[line]);
                    let edited = edited.join("\n");
                    match parse_agreement(&edited, &limits) {
                        Err(LoadError::Invalid { problems, .. }) => prop_assert!(
                            problems
                                .iter()
                                .any(|problem| problem.kind == ProblemKind::DuplicateKey),
                            "{:?}",
                            problems
                        ),
                        other => prop_assert!(
                            false,
                            "a repeated key read as {:?}",
                            other.map(|a| a.year)
                        ),
                    }
                }
                ByteEdit::Mark(mark) => {
                    let mut marked = mark.to_vec();
                    marked.extend(&bytes);
                    let result = parse_agreement(&marked, &limits);
                    if mark.starts_with(b"\xEF") {
                        prop_assert!(result.is_ok(), "a UTF-8 mark is fine: {:?}", result.err());
                    } else {
                        let refused = matches!(result, Err(LoadError::WrongEncoding { .. }));
                        prop_assert!(refused, "another mark must be refused");
                    }
                }
                ByteEdit::Flip(at, byte) => {
                    let at = at % bytes.len();
                    bytes[at] ^= byte;
                    let result = parse_agreement(&bytes, &limits);
                    if std::str::from_utf8(&bytes).is_err() {
                        let refused = matches!(result, Err(LoadError::NotUtf8 { .. }));
                        prop_assert!(refused, "broken UTF-8 must be refused");
                    }
                    let mut catalog = base().clone();
                    let _ = catalog.add_own("flipped.json", Ok(bytes));
                }
            }
            Ok(())
        })
        .unwrap();
}

/// Any state the app can be in, as the address can express it.
fn view_state() -> impl Strategy<Value = ViewState> {
    let year = 1990u16..=2100;
    let source = prop_oneof![Just(None), "[a-z0-9-]{1,20}".prop_map(Some)];
    (
        prop_oneof![
            Just(ViewKind::Compare),
            Just(ViewKind::Trend),
            Just(ViewKind::Breakdown),
            Just(ViewKind::Bridge)
        ],
        prop::collection::btree_set(year.clone(), 0..8),
        (any::<bool>(), any::<bool>(), any::<bool>()),
        (
            prop::option::of(year.clone()),
            prop::option::of(year.clone()),
            source.clone(),
            source,
        ),
        (
            prop_oneof![
                Just(None),
                Just(Some(None)),
                prop::option::of(year).prop_map(Some)
            ],
            any::<bool>(),
        ),
        (
            any::<bool>(),
            prop::collection::vec(
                prop_oneof![
                    "https://[a-z]{1,10}\\.example/[a-z0-9/._-]{1,20}\\.json(\\?v=[0-9]{1,3})?",
                    "[a-z0-9_-]{1,10}/[a-z0-9._-]{1,12}\\.json",
                ],
                0..3,
            ),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                view,
                years,
                (by, layout, measure),
                (from, to, from_source, to_source),
                (prices, per),
                (english, data, embed),
            )| {
                let mut state = ViewState {
                    view,
                    years: years.into_iter().collect(),
                    from,
                    to,
                    from_source,
                    to_source,
                    data,
                    embed,
                    ..ViewState::default()
                };
                state.dimension = if by {
                    Dimension::Purpose
                } else {
                    Dimension::Recipient
                };
                state.layout = if layout {
                    BarLayout::Stacked
                } else {
                    BarLayout::Grouped
                };
                state.measure = if measure {
                    Measure::Share
                } else {
                    Measure::Amount
                };
                state.units = Units {
                    prices: match prices {
                        None => Prices::Current,
                        Some(base) => Prices::Fixed { base },
                    },
                    per_inhabitant: per,
                };
                state.lang = if english { Lang::En } else { Lang::Sv };
                state
            },
        )
}

/// What the address keeps of a state: only what its view uses.
fn as_the_address_keeps_it(mut state: ViewState) -> ViewState {
    let defaults = ViewState::default();
    if !matches!(state.view, ViewKind::Compare | ViewKind::Breakdown) {
        state.years = defaults.years.clone();
    }
    if state.view != ViewKind::Bridge {
        (state.from, state.to, state.from_source, state.to_source) = (None, None, None, None);
    }
    if state.view != ViewKind::Breakdown {
        (state.dimension, state.layout, state.measure) =
            (defaults.dimension, defaults.layout, defaults.measure);
    }
    if state.embed {
        // The embed rule: no outside files in an embedded chart.
        state.data.clear();
    }
    state.from_own = None;
    state.to_own = None;
    state
}

#[test]
fn the_address_written_for_any_state_reads_back_as_that_state() {
    let (mut runner, _) = runner();
    runner
        .run(&view_state(), |state| {
            let query = state.to_query();
            let parsed = parse_query(&query);
            let kept = as_the_address_keeps_it(state.clone());
            if state.embed && !state.data.is_empty() {
                prop_assert_eq!(parsed.notices.len(), state.data.len());
            } else {
                prop_assert!(parsed.notices.is_empty(), "{}: {:?}", query, parsed.notices);
            }
            prop_assert_eq!(parsed.state, kept, "{}", query);
            Ok(())
        })
        .unwrap();
}

/// Any query at all: never a panic, and what it reads as is a fixed point —
/// written back and read again, it is the same view, with nothing to notice.
#[test]
fn any_query_reads_as_a_view_whose_address_is_stable() {
    let (mut runner, _) = runner();
    let piece = prop_oneof![
        Just("years".to_string()),
        Just("view".to_string()),
        Just("from".to_string()),
        Just("to".to_string()),
        Just("base".to_string()),
        Just("prices".to_string()),
        Just("data".to_string()),
        Just("embed".to_string()),
        Just("lang".to_string()),
        Just("by".to_string()),
        Just("layout".to_string()),
        Just("measure".to_string()),
        Just("per".to_string()),
        Just("from_source".to_string()),
        "[a-z_%0-9]{0,8}",
        "(19|20)[0-9]{2}(,(19|20)[0-9]{2}){0,4}",
        ".{0,12}",
        Just("%E2%80%AE".to_string()),
        Just("%".to_string()),
        Just("%ZZ".to_string()),
        Just("%FF".to_string()),
    ];
    let query =
        prop::collection::vec((piece.clone(), piece, any::<bool>()), 0..70).prop_map(|pairs| {
            pairs
                .into_iter()
                .map(|(key, value, bare)| if bare { key } else { format!("{key}={value}") })
                .collect::<Vec<_>>()
                .join("&")
        });
    runner
        .run(&query, |query| {
            let first = parse_query(&query);
            for notice in &first.notices {
                let message = notice.message(Lang::Sv);
                prop_assert!(!message.contains('\u{202E}'), "{}", message);
            }
            let again = parse_query(&first.state.to_query());
            prop_assert!(
                again.notices.is_empty(),
                "{} → {}: {:?}",
                query,
                first.state.to_query(),
                again.notices
            );
            prop_assert_eq!(
                as_the_address_keeps_it(again.state),
                as_the_address_keeps_it(first.state)
            );
            Ok(())
        })
        .unwrap();
}
