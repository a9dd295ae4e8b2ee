//! Checks agreement files the way the app does, for data authors and CI.
//!
//! ```text
//! cargo run --bin validate -- [--lang sv|en] PATH…
//! ```
//!
//! PATH is an agreement file, or a data folder with an `index.json`: then the
//! manifest, every agreement it lists, and the KPI and population files are
//! checked. Every problem is printed with its file and JSON path, in the words
//! the app shows; the exit status is 1 if there is any, 2 for a usage error.

use std::path::Path;
use std::process::ExitCode;

use budget_explorer::catalog::{Catalog, FailureReason, FetchError, LoadFailure, SeriesKind};
use budget_explorer::i18n::Lang;
use budget_explorer::model::check_sums;

/// Reads a file's bytes, refusing one over the size limit before reading it.
/// The bytes are decoded by the reader, strictly, as the app does.
fn read(path: &Path) -> Result<Vec<u8>, LoadFailure> {
    let name = path.display().to_string();
    let failure = |reason| LoadFailure {
        file: name.clone(),
        year: None,
        reason,
    };
    let size = std::fs::metadata(path)
        .map_err(|error| failure(FailureReason::Fetch(FetchError::from_disk(&error))))?
        .len();
    Catalog::check_file_size(&name, size)?;
    std::fs::read(path)
        .map_err(|error| failure(FailureReason::Fetch(FetchError::from_disk(&error))))
}

fn as_fetch(result: Result<Vec<u8>, LoadFailure>) -> Result<Vec<u8>, FetchError> {
    result.map_err(|failure| match failure.reason {
        FailureReason::Fetch(error) => error,
        // Too large: reported as such by the caller; the catalog sees no text.
        FailureReason::Load(_) | FailureReason::TooManyOwnFiles { .. } => FetchError::NotText,
    })
}

/// Checks a data folder as the app loads it. Returns the failures and the
/// number of files that passed.
fn check_folder(folder: &Path) -> (Vec<LoadFailure>, usize) {
    let mut catalog = Catalog::default();
    let manifest_path = folder.join("index.json");
    catalog.add_manifest(
        &manifest_path.display().to_string(),
        as_fetch(read(&manifest_path)),
    );
    let Some(manifest) = catalog.manifest.clone() else {
        return (catalog.failures, 0);
    };
    let mut passed = 1;
    for entry in &manifest.agreements {
        let path = folder.join(&entry.file);
        let mut listed = entry.clone();
        listed.file = path.display().to_string();
        match read(&path) {
            Ok(text) => catalog.add_agreement(&listed, Ok(text)),
            Err(failure) => catalog.failures.push(LoadFailure {
                year: Some(entry.year),
                ..failure
            }),
        }
    }
    for (kind, file) in [
        (SeriesKind::Kpi, &manifest.kpi),
        (SeriesKind::Population, &manifest.population),
    ] {
        let path = folder.join(file);
        catalog.add_series(kind, &path.display().to_string(), as_fetch(read(&path)));
    }
    passed += catalog.agreements.len()
        + usize::from(catalog.kpi.is_some())
        + usize::from(catalog.population.is_some());
    (catalog.failures, passed)
}

/// Checks one agreement file as the app reads a visitor's own file.
fn check_file(path: &Path) -> Result<Vec<String>, LoadFailure> {
    let text = read(path)?;
    let mut catalog = Catalog::default();
    catalog
        .add_own(&path.display().to_string(), Ok(text))
        // The app cuts long names for the page; here the whole path is wanted.
        .map_err(|failure| LoadFailure {
            file: path.display().to_string(),
            ..failure
        })?;
    // Sum checks are findings, not errors: shown, never failing the file.
    let own = &catalog.own[0];
    Ok(check_sums(&own.loaded.agreement)
        .iter()
        .map(|finding| finding.message(Lang::En, &own.loaded.agreement))
        .collect())
}

fn main() -> ExitCode {
    let mut lang = Lang::En;
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => match args.next().as_deref().and_then(Lang::from_code) {
                Some(chosen) => lang = chosen,
                None => {
                    eprintln!("--lang takes sv or en");
                    return ExitCode::from(2);
                }
            },
            "-h" | "--help" => {
                println!("usage: validate [--lang sv|en] PATH…  (an agreement file, or a data folder with index.json)");
                return ExitCode::SUCCESS;
            }
            _ => paths.push(arg),
        }
    }
    if paths.is_empty() {
        eprintln!("usage: validate [--lang sv|en] PATH…  (an agreement file, or a data folder with index.json)");
        return ExitCode::from(2);
    }
    let mut problems = 0;
    for path in paths.iter().map(Path::new) {
        if path.is_dir() {
            let (failures, passed) = check_folder(path);
            for failure in &failures {
                problems += 1;
                print_failure(failure, lang);
            }
            println!(
                "{}: {passed} files ok, {} with problems",
                path.display(),
                failures.len()
            );
        } else {
            match check_file(path) {
                Ok(findings) => {
                    println!("ok: {}", path.display());
                    for finding in findings {
                        println!("  note: {finding}");
                    }
                }
                Err(failure) => {
                    problems += 1;
                    print_failure(&failure, lang);
                }
            }
        }
    }
    if problems > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn print_failure(failure: &LoadFailure, lang: Lang) {
    for line in failure.details(lang) {
        println!("{}: {line}", failure.file);
    }
}
