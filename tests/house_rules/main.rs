//! The house's rules that a reader of the code relies on, checked on the
//! crate's own source: its layers point only down (`layers`), and no
//! function is longer than a screen (`function_length`). See
//! docs/architecture.md.

mod function_length;
mod layers;
mod source;

use source::{library_files, SourceFile};

fn crate_source(with_test_files: bool) -> Vec<SourceFile> {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    library_files(&src, with_test_files)
}

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile::new(path.to_owned(), text)
}

#[test]
fn every_arrow_between_modules_points_down_and_none_goes_round() {
    let files = crate_source(false);
    let arrows = layers::arrows(&files);
    assert!(
        arrows.len() > 100,
        "the crate's arrows are read: {}",
        arrows.len()
    );
    let violations = layers::violations(&arrows, &files);
    assert!(violations.is_empty(), "{violations:#?}");
}

#[test]
fn an_arrow_up_a_circle_and_a_module_in_no_layer_are_found() {
    let files = [
        file("format.rs", "use crate::messages::more_problems;\n"),
        file("messages/mod.rs", "mod errors;\n"),
        file("chart/axis.rs", "use super::bars::bar_text;\n"),
        file("chart/bars.rs", "fn f() { super::axis::Plot::new(); }\n"),
        file("chart/mod.rs", "use crate::format::count; // crate::ui\n"),
        file("nowhere.rs", "use crate::chart::axis;\n"),
    ];
    let violations = layers::violations(&layers::arrows(&files), &files);
    let said = |part: &str| violations.iter().any(|line| line.contains(part));
    assert!(
        said("format.rs:1: format uses messages, which is in a layer above"),
        "{violations:#?}"
    );
    assert!(
        said("a circle among the modules of chart"),
        "{violations:#?}"
    );
    assert!(
        said("nowhere.rs: the module nowhere is in no layer"),
        "{violations:#?}"
    );
    assert_eq!(
        violations.len(),
        4,
        "one up, two arrows of the circle, one lost module: {violations:#?}"
    );
}

#[test]
fn the_layers_are_the_ones_the_architecture_describes() {
    let architecture = include_str!("../../docs/architecture.md");
    let table: Vec<&str> = architecture
        .lines()
        .skip_while(|line| !line.starts_with("## The layers"))
        .skip(1)
        .take_while(|line| !line.starts_with("## "))
        .filter(|line| line.starts_with("| ") && !line.starts_with("| layer"))
        .collect();
    assert_eq!(
        table.len(),
        layers::LAYERS.len(),
        "a row a layer, bottom first"
    );
    for (row, (name, modules)) in table.iter().zip(layers::LAYERS) {
        assert!(
            row.starts_with(&format!("| {name} |")),
            "{row} should be the layer {name}"
        );
        for module in *modules {
            assert!(
                row.contains(&format!("`src/{module}")),
                "{row} should name src/{module}"
            );
        }
    }
}

#[test]
fn no_function_is_longer_than_a_screen_outside_flat_tables() {
    // Tests too: a test is read when it fails, and should fit a screen.
    let too_long = function_length::too_long(&crate_source(true));
    assert!(
        too_long.is_empty(),
        "split these along their concepts: {too_long:#?}"
    );
}

#[test]
fn each_listed_flat_table_is_there_and_needs_its_place_on_the_list() {
    let functions: Vec<function_length::Function> = crate_source(true)
        .iter()
        .flat_map(function_length::functions)
        .collect();
    for (name, why) in function_length::FLAT_TABLES {
        let listed = functions.iter().find(|function| function.name == *name);
        let lines = listed.map_or(0, |function| function.lines);
        assert!(
            lines > function_length::MAX_LINES,
            "{name} ({why}) is {lines} lines: take it off the list"
        );
    }
}

#[test]
fn a_long_function_is_found_and_a_short_one_is_not() {
    let long_body = "        let x = 1;\n".repeat(function_length::MAX_LINES);
    let text = [
        "pub fn short() { \"}\"; }",
        "",
        "impl<'a> Scan<'a> {",
        "    pub(crate) async fn long() {",
        &long_body,
        "    }",
        "}",
        "impl std::fmt::Display for Problem {",
        "    fn fmt() {}",
        "}",
        "fn declared();",
    ]
    .join("\n");
    let found = function_length::functions(&file("view/x.rs", &text));
    let lengths: Vec<(&str, usize)> = found.iter().map(|f| (f.name.as_str(), f.lines)).collect();
    assert_eq!(
        lengths,
        [
            ("view/x.rs: short", 1),
            ("view/x.rs: Scan::long", function_length::MAX_LINES + 3),
            ("view/x.rs: Problem::fmt", 1)
        ]
    );
    assert_eq!(
        function_length::too_long(&[file("view/x.rs", &text)]).len(),
        1
    );
}
