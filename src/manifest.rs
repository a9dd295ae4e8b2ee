//! The manifest `data/index.json`: which agreement files exist, so the app
//! never guesses file names.

use std::collections::HashSet;

use serde_json::Value;

use crate::model::json_path::join;
use crate::model::reader::{parse_json, Reader};
use crate::model::{Limits, LoadError, ProblemKind};

/// One agreement file listed in the manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ManifestEntry {
    /// The agreement's year.
    pub year: u16,
    /// The file's path relative to the data folder.
    pub file: String,
}

/// The list of data files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    /// Agreement files, in year order.
    pub agreements: Vec<ManifestEntry>,
    /// The consumer price index file.
    pub kpi: String,
    /// The population file.
    pub population: String,
    /// About the data as a whole: version, last check, licence.
    pub about: DataAbout,
}

/// What a visitor needs to cite and reuse the data.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataAbout {
    /// The data's version (`2.0`), for citing.
    pub version: Option<String>,
    /// When the figures were last checked against the sources (`2026-11-24`).
    pub last_checked: Option<String>,
    /// The data's licence, by its short name (`CC BY 4.0`).
    pub licence: Option<String>,
    /// Where the licence's text is.
    pub licence_url: Option<String>,
}

impl Manifest {
    /// Every listed year, ascending.
    pub fn years(&self) -> Vec<u16> {
        self.agreements.iter().map(|entry| entry.year).collect()
    }
}

/// Whether `path` is a plain relative path to a JSON file inside the data
/// folder: no scheme, no host, no `..`, so a manifest can only point at the
/// app's own files.
pub fn is_safe_data_path(path: &str) -> bool {
    !path.is_empty()
        && path.len() <= 200
        && path.ends_with(".json")
        && !path.starts_with('/')
        && path.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.' | b'/')
        })
        && path
            .split('/')
            .all(|segment| !segment.is_empty() && segment != "." && segment != "..")
}

/// Reads and validates the manifest.
pub fn parse_manifest(bytes: impl AsRef<[u8]>) -> Result<Manifest, LoadError> {
    let limits = Limits::default();
    let root = parse_json(bytes.as_ref(), &limits)?;
    let mut reader = Reader::new(limits);
    let manifest = read_manifest(&mut reader, &root);
    reader.finish(manifest)
}

fn read_manifest(reader: &mut Reader, root: &Value) -> Option<Manifest> {
    let object = reader.object(
        root,
        "",
        &[
            "$schema",
            "format_version",
            "agreements",
            "kpi",
            "population",
            "data_version",
            "last_checked",
            "licence",
            "licence_url",
        ],
    )?;
    let version_ok = reader.format_version(object);
    let agreements = reader.field(object, "", "agreements", |reader, value, _| {
        let max = reader.limits.max_list_items;
        let items = reader.array(value, "agreements", max)?;
        let mut seen = HashSet::new();
        let entries = reader.each(items, "agreements", |reader, item, path| {
            let entry = reader.object(item, path, &["year", "file"])?;
            let year = reader
                .required(entry, path, "year")
                .and_then(|v| reader.whole_number(v, &join(path, "year"), 1990, 2100))
                .map(|year| year as u16);
            let file = reader
                .required(entry, path, "file")
                .and_then(|v| data_path(reader, v, &join(path, "file")));
            if let Some(year) = year {
                if !seen.insert(year) {
                    reader.problem(
                        &join(path, "year"),
                        ProblemKind::DuplicateId {
                            id: year.to_string(),
                        },
                    );
                }
            }
            Some(ManifestEntry {
                year: year?,
                file: file?,
            })
        });
        let mut entries = entries?;
        entries.sort_by_key(|entry| entry.year);
        Some(entries)
    });
    let kpi = reader
        .required(object, "", "kpi")
        .and_then(|v| data_path(reader, v, "kpi"));
    let population = reader
        .required(object, "", "population")
        .and_then(|v| data_path(reader, v, "population"));
    let about = DataAbout {
        version: reader.optional_text(object, "", "data_version"),
        last_checked: reader.optional_text(object, "", "last_checked"),
        licence: reader.optional_text(object, "", "licence"),
        licence_url: reader
            .optional(object, "", "licence_url", Reader::http_url)
            .flatten(),
    };
    version_ok?;
    Some(Manifest {
        agreements: agreements?,
        kpi: kpi?,
        population: population?,
        about,
    })
}

fn data_path(reader: &mut Reader, value: &Value, path: &str) -> Option<String> {
    let text = reader.text(value, path)?;
    if !is_safe_data_path(&text) {
        reader.problem(
            path,
            ProblemKind::NotAllowed {
                allowed: &["agreements/<year>.json (relative path inside data/)"],
            },
        );
        return None;
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_paths_stay_inside_the_data_folder() {
        assert!(is_safe_data_path("agreements/2016.json"));
        assert!(is_safe_data_path("kpi.json"));
        for bad in [
            "../secret.json",
            "/etc/x.json",
            "https://evil.example/a.json",
            "a//b.json",
            "a/./b.json",
            "A.json",
            "x.js",
            "",
        ] {
            assert!(!is_safe_data_path(bad), "{bad}");
        }
    }

    #[test]
    fn manifest_lists_years_in_order_and_refuses_duplicates() {
        let text = r#"{"format_version": 1, "kpi": "kpi.json", "population": "population.json",
            "agreements": [{"year": 2018, "file": "agreements/2018.json"}, {"year": 2016, "file": "agreements/2016.json"}]}"#;
        assert_eq!(parse_manifest(text).unwrap().years(), [2016, 2018]);

        let duplicate = text.replace("2016, \"file", "2018, \"file");
        let Err(LoadError::Invalid { problems, .. }) = parse_manifest(&duplicate) else {
            panic!()
        };
        assert_eq!(problems[0].path, "agreements[1].year");
    }

    #[test]
    fn manifest_refuses_paths_outside_the_data_folder() {
        let text = r#"{"format_version": 1, "kpi": "../kpi.json", "population": "population.json", "agreements": []}"#;
        let Err(LoadError::Invalid { problems, .. }) = parse_manifest(text) else {
            panic!()
        };
        assert_eq!(problems[0].path, "kpi");
    }
}
