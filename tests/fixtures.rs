//! Bad agreement files (`tests/fixtures/invalid/`) are refused with the error
//! `expected.json` names, by the app's reader and by the validator command;
//! the bundled data passes the command. (`tests/schema.test.mjs` checks the
//! same files against the JSON Schema.)

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use budget_explorer::catalog::Catalog;
use budget_explorer::i18n::Lang;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid")
}

fn expected() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(fixtures().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn every_fixture_is_listed_with_its_expected_error() {
    let on_disk: Vec<String> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "expected.json")
        .collect();
    let listed = expected();
    assert_eq!(on_disk.len(), listed.len());
    for name in on_disk {
        assert!(listed.contains_key(&name), "{name} has no expected error");
    }
}

#[test]
fn the_reader_refuses_each_fixture_with_its_expected_error_and_changes_nothing() {
    for (name, message) in expected() {
        let text = std::fs::read(fixtures().join(&name)).unwrap();
        let mut catalog = Catalog::default();
        let failure = catalog.add_own(&name, Ok(text)).expect_err(&name);
        assert!(catalog.own.is_empty(), "{name}: nothing is added");
        let lines = failure.details(Lang::En);
        assert!(
            lines.iter().any(|line| line.contains(&message)),
            "{name}: expected «{message}» in {lines:?}"
        );
        // The Swedish text names the same place.
        assert_eq!(failure.details(Lang::Sv).len(), lines.len(), "{name}");
    }
}

#[test]
fn the_validator_command_prints_the_same_errors_and_fails() {
    for (name, message) in expected() {
        let output = Command::new(env!("CARGO_BIN_EXE_validate"))
            .arg(fixtures().join(&name))
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(1), "{name}: {stdout}");
        assert!(
            stdout.contains(&message),
            "{name}: expected «{message}» in {stdout}"
        );
    }
}

#[test]
fn the_validator_command_passes_the_bundled_data_and_the_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new(env!("CARGO_BIN_EXE_validate"))
        .arg(root.join("public/data"))
        .arg(root.join("public/example-agreement.json"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("15 files ok, 0 with problems"), "{stdout}");
}

#[test]
fn the_validator_command_speaks_swedish_too() {
    let output = Command::new(env!("CARGO_BIN_EXE_validate"))
        .args(["--lang", "sv"])
        .arg(fixtures().join("negative-amount.json"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("allocations[0].amount.kronor: måste vara ett helt antal kronor ≥ 0"),
        "{stdout}"
    );
    let usage = Command::new(env!("CARGO_BIN_EXE_validate"))
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2));
}
