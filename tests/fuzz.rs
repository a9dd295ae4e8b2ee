//! Fuzzing by property: mutated agreement files (values replaced, fields
//! removed or added, text cut or bytes flipped) go through everything a
//! visitor's file goes through — reading, validation, sum checks, every view
//! in every unit, and chart drawing — and nothing may panic (a panic kills the
//! WASM app). `FUZZ_CASES` sets the number of inputs (default 2 000, as in
//! CI); the README records a run of a million.

use std::sync::OnceLock;

use budget_explorer::catalog::{Catalog, SeriesKind};
use budget_explorer::chart::render_svg;
use budget_explorer::manifest::parse_manifest;
use budget_explorer::state::{parse_query, BarLayout, Dimension, Measure, Prices, Units, ViewKind};
use budget_explorer::view::{
    breakdown_view, bridge_view, compare_view, to_csv, to_json, trend_view,
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
        let manifest = parse_manifest(&data("index.json")).unwrap();
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
        let manifest = parse_manifest(&data("index.json")).unwrap();
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
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), nasty_value()).prop_map(|(at, value)| Edit::Replace(at, value)),
        2 => any::<usize>().prop_map(Edit::Remove),
        1 => (any::<usize>(), "[a-z_]{1,10}", nasty_value()).prop_map(|(at, key, value)| Edit::Insert(at, key, value)),
        1 => any::<usize>().prop_map(Edit::DuplicateAllocation),
    ]
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
                    let _ = (
                        to_csv(
                            &view.table,
                            budget_explorer::view::CsvDialect::Swedish,
                            budget_explorer::i18n::Lang::Sv,
                        ),
                        to_json(&view.table, "compare", ""),
                    );
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
                        render_svg(&breakdown_view(&catalog, &state).chart.chart, 600).unwrap();
                    }
                }
            }
        }
    }
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

#[test]
fn raw_bytes_never_panic_the_reader() {
    let (mut runner, _) = runner();
    runner
        .run(&prop::collection::vec(any::<u8>(), 0..400), |bytes| {
            let text = String::from_utf8_lossy(&bytes);
            let mut catalog = Catalog::default();
            let _ = catalog.add_own("bytes.json", Ok(text.into_owned()));
            Ok(())
        })
        .unwrap();
}
