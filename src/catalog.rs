//! What the app has loaded: the manifest, every agreement that read cleanly,
//! and every file that did not, with why. One failed file never takes the
//! others down with it.

use std::collections::BTreeMap;

use thiserror::Error;

use crate::analysis::Converter;
use crate::analysis::Units;
use crate::manifest::{Manifest, ManifestEntry};
use crate::model::{
    check_sums, parse_agreement, Agreement, Finding, Limits, LoadError, Problem, ProblemKind,
};
use crate::reference::{parse_series, Series};
use crate::user_text::isolate;

/// Why a file could not be fetched. Each cause has its own words: "are you
/// offline?" for a refusal by the site's security policy would send a
/// visitor looking for the wrong fault.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FetchError {
    /// The browser says it is offline.
    #[error("the browser is offline")]
    Offline,
    /// No answer: the server is unreachable, or the name does not exist.
    #[error("no answer from the server")]
    Network,
    /// The site's Content-Security-Policy does not allow the address.
    #[error("blocked by the site's security policy")]
    BlockedByPolicy,
    /// The other server answered but does not let other sites read the
    /// file (no CORS header).
    #[error("the other server does not allow other sites to read the file (CORS)")]
    CorsRefused,
    /// The server answered with an error status (404 and the like).
    #[error("the server answered with status {0}")]
    Status(u16),
    /// No complete answer within the time limit.
    #[error("no complete answer within {seconds} seconds")]
    TimedOut {
        /// The limit in seconds.
        seconds: u32,
    },
    /// The file is larger than the limit: its real size when the server
    /// said it, else only that reading stopped at the limit.
    #[error("the file is larger than {limit} bytes")]
    TooLarge {
        /// The size the server gave, in bytes.
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// The answer could not be read.
    #[error("the answer could not be read")]
    NotText,
    /// A build-time tool could not read the file from the disk: missing,
    /// not allowed, a folder, or another reason the system names.
    #[error("the file could not be read from the disk: {0}")]
    Disk(std::io::ErrorKind),
    /// The page carries its data inside it (the offline file) but not this
    /// file.
    #[error("the file is not among the data carried in the page")]
    NotInPage,
}

impl FetchError {
    /// The reason a file could not be read from the disk, by its kind.
    pub fn from_disk(error: &std::io::Error) -> FetchError {
        FetchError::Disk(error.kind())
    }
}

/// Why one file is missing from the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FailureReason {
    /// It could not be fetched.
    Fetch(FetchError),
    /// It was fetched but is not a valid file.
    Load(LoadError),
    /// The visitor has [`MAX_OWN_FILES`] of their own open already.
    TooManyOwnFiles {
        /// The most open at once.
        max: usize,
    },
}

/// The most files of the visitor's own open at once: each is a year in the
/// charts and a panel of sources, and past this many neither can be read
/// (nor would the page stay quick on a phone).
pub const MAX_OWN_FILES: usize = 20;

/// A visitor's file read and checked, apart from any catalog: the agreement
/// and its sum checks, or every problem (named `name`, cut short). Reading
/// is the slow part; [`Catalog::insert_own`] then adds it at once.
pub fn read_own(
    name: &str,
    text: Result<impl AsRef<[u8]>, FetchError>,
) -> Result<LoadedAgreement, LoadFailure> {
    let agreement = text
        .map_err(FailureReason::Fetch)
        .and_then(|text| parse_agreement(text, &Limits::default()).map_err(FailureReason::Load))
        .map_err(|reason| LoadFailure {
            file: crate::user_text::file_name(name, MAX_NAME_CHARS),
            year: None,
            reason,
        })?;
    let findings = check_sums(&agreement);
    Ok(LoadedAgreement {
        agreement,
        findings,
    })
}

/// A file that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadFailure {
    /// The file's path as the app asked for it.
    pub file: String,
    /// The year the manifest lists it under, if it is an agreement.
    pub year: Option<u16>,
    /// Why.
    pub reason: FailureReason,
}

/// One loaded agreement with its sum checks, computed once on load.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedAgreement {
    /// The agreement.
    pub agreement: Agreement,
    /// Its sum checks.
    pub findings: Vec<Finding>,
}

/// Where a visitor's own file came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileOrigin {
    /// Picked or dropped from the visitor's own device.
    Device,
    /// Fetched from an address the page's address named (`?data=`): the
    /// other site's host, or `None` for a path on this site.
    Address(Option<String>),
}

/// A visitor's own agreement file, read in the browser and never sent anywhere.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnFile {
    /// A number unique while the page is open.
    pub id: u32,
    /// Where it came from: a file from an address is set apart on the page,
    /// since whoever made the link chose it, not the visitor.
    pub origin: FileOrigin,
    /// The file's name (made unique among the loaded files).
    pub name: String,
    /// The agreement and its sum checks.
    pub loaded: LoadedAgreement,
}

impl OwnFile {
    /// The key and label it is shown under: `2026 · budget.json`. The name
    /// is isolated, so one in a right-to-left script keeps its place.
    pub fn key(&self) -> String {
        format!("{} · {}", self.loaded.agreement.year, isolate(&self.name))
    }
}

/// An agreement as shown in a comparison: a bundled year or a visitor's file.
#[derive(Clone, Copy, Debug)]
pub struct Shown<'a> {
    /// The agreement.
    pub loaded: &'a LoadedAgreement,
    /// The visitor's own file, if it is one.
    pub own: Option<&'a OwnFile>,
}

impl Shown<'_> {
    /// `2016`, or `2026 · budget.json` for an own file.
    pub fn key(&self) -> String {
        match self.own {
            Some(own) => own.key(),
            None => self.loaded.agreement.year.to_string(),
        }
    }
}

/// The longest own file name shown, in characters; longer ones end in "…".
pub const MAX_NAME_CHARS: usize = 40;

/// Everything loaded so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Catalog {
    /// The manifest, once read.
    pub manifest: Option<Manifest>,
    /// Agreements that read cleanly, by year.
    pub agreements: BTreeMap<u16, LoadedAgreement>,
    /// The consumer price index, once read.
    pub kpi: Option<Series>,
    /// Sweden's population, once read.
    pub population: Option<Series>,
    /// Files that did not.
    pub failures: Vec<LoadFailure>,
    /// The visitor's own files, in the order loaded.
    pub own: Vec<OwnFile>,
    /// The id the next own file gets.
    next_own_id: u32,
}

/// Which reference series a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesKind {
    /// KPI.
    Kpi,
    /// Population.
    Population,
}

impl Catalog {
    /// Records the manifest, or why it failed.
    pub fn add_manifest(&mut self, file: &str, text: Result<impl AsRef<[u8]>, FetchError>) {
        let result = text
            .map_err(FailureReason::Fetch)
            .and_then(|text| crate::manifest::parse_manifest(text).map_err(FailureReason::Load));
        match result {
            Ok(manifest) => self.manifest = Some(manifest),
            Err(reason) => self.failures.push(LoadFailure {
                file: file.to_string(),
                year: None,
                reason,
            }),
        }
    }

    /// Reads one agreement file listed in the manifest and records the
    /// agreement or the failure. A file whose year differs from the
    /// manifest's is refused: it would otherwise show under the wrong year.
    pub fn add_agreement(
        &mut self,
        entry: &ManifestEntry,
        text: Result<impl AsRef<[u8]>, FetchError>,
    ) {
        let result = text.map_err(FailureReason::Fetch).and_then(|text| {
            let agreement =
                parse_agreement(text, &Limits::default()).map_err(FailureReason::Load)?;
            if agreement.year != entry.year {
                let problem = Problem {
                    path: "year".into(),
                    kind: ProblemKind::YearMismatch {
                        expected: entry.year,
                    },
                };
                return Err(FailureReason::Load(LoadError::invalid(vec![problem])));
            }
            Ok(agreement)
        });
        match result {
            Ok(agreement) => {
                let findings = check_sums(&agreement);
                self.agreements.insert(
                    entry.year,
                    LoadedAgreement {
                        agreement,
                        findings,
                    },
                );
            }
            Err(reason) => self.failures.push(LoadFailure {
                file: entry.file.clone(),
                year: Some(entry.year),
                reason,
            }),
        }
    }

    /// Records a reference series, or why it failed.
    pub fn add_series(
        &mut self,
        kind: SeriesKind,
        file: &str,
        text: Result<impl AsRef<[u8]>, FetchError>,
    ) {
        let result = text
            .map_err(FailureReason::Fetch)
            .and_then(|text| parse_series(text).map_err(FailureReason::Load));
        match (result, kind) {
            (Ok(series), SeriesKind::Kpi) => self.kpi = Some(series),
            (Ok(series), SeriesKind::Population) => self.population = Some(series),
            (Err(reason), _) => self.failures.push(LoadFailure {
                file: file.to_string(),
                year: None,
                reason,
            }),
        }
    }

    /// A converter to `units` with the loaded series.
    pub fn converter(&self, units: Units) -> Converter<'_> {
        Converter::new(units, self.kpi.as_ref(), self.population.as_ref())
    }

    /// Refuses a file by its size, before it is read: a huge file costs
    /// nothing but this check. The same limit holds for every file, own or
    /// bundled, in the app and in the validator.
    pub fn check_file_size(name: &str, size: u64) -> Result<(), LoadFailure> {
        Limits::default()
            .check_size(size)
            .map_err(|error| LoadFailure {
                file: crate::user_text::file_name(name, MAX_NAME_CHARS),
                year: None,
                reason: FailureReason::Load(error),
            })
    }

    /// Reads a visitor's own file. On success it is shown beside the bundled
    /// agreements (a year that exists already becomes a series of its own);
    /// on failure nothing that is shown changes, and every problem is returned.
    pub fn add_own(
        &mut self,
        name: &str,
        text: Result<impl AsRef<[u8]>, FetchError>,
    ) -> Result<u32, LoadFailure> {
        self.add_own_from(name, FileOrigin::Device, text)
    }

    /// As [`add_own`](Self::add_own), for a file from `origin`.
    pub fn add_own_from(
        &mut self,
        name: &str,
        origin: FileOrigin,
        text: Result<impl AsRef<[u8]>, FetchError>,
    ) -> Result<u32, LoadFailure> {
        let loaded = read_own(name, text)?;
        self.insert_own(name, origin, loaded)
    }

    /// Adds a visitor's file read by [`read_own`], under a name of its own
    /// (two files of the same name stay apart); refused when
    /// [`MAX_OWN_FILES`] are open already.
    pub fn insert_own(
        &mut self,
        name: &str,
        origin: FileOrigin,
        loaded: LoadedAgreement,
    ) -> Result<u32, LoadFailure> {
        let name = crate::user_text::file_name(name, MAX_NAME_CHARS);
        if self.own.len() >= MAX_OWN_FILES {
            return Err(LoadFailure {
                file: name,
                year: None,
                reason: FailureReason::TooManyOwnFiles { max: MAX_OWN_FILES },
            });
        }
        let mut unique = name.clone();
        let mut copy = 2;
        while self.own.iter().any(|own| own.name == unique) {
            unique = format!("{name} ({copy})");
            copy += 1;
        }
        let id = self.next_own_id;
        self.next_own_id += 1;
        self.own.push(OwnFile {
            id,
            origin,
            name: unique,
            loaded,
        });
        Ok(id)
    }

    /// Removes an own file.
    pub fn remove_own(&mut self, id: u32) {
        self.own.retain(|own| own.id != id);
    }

    /// An own file by id.
    pub fn own_file(&self, id: u32) -> Option<&OwnFile> {
        self.own.iter().find(|own| own.id == id)
    }

    /// The chosen bundled years that are loaded, then every own file.
    pub fn shown<'a>(&'a self, years: &'a [u16]) -> Vec<Shown<'a>> {
        self.chosen(years)
            .into_iter()
            .map(|loaded| Shown { loaded, own: None })
            .chain(self.own.iter().map(|own| Shown {
                loaded: &own.loaded,
                own: Some(own),
            }))
            .collect()
    }

    /// Years listed in the manifest.
    pub fn listed_years(&self) -> Vec<u16> {
        self.manifest
            .as_ref()
            .map(Manifest::years)
            .unwrap_or_default()
    }

    /// Years between the first and the last listed one that have no agreement
    /// file: no amount has been found for them (2023). The year choice says
    /// so, rather than leave a silent gap.
    pub fn years_without_file(&self) -> Vec<u16> {
        let listed = self.listed_years();
        match (listed.iter().min(), listed.iter().max()) {
            (Some(&first), Some(&last)) => (first..=last)
                .filter(|year| !listed.contains(year))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the year is listed but failed to load.
    pub fn failed(&self, year: u16) -> bool {
        self.failures
            .iter()
            .any(|failure| failure.year == Some(year))
    }

    /// The loaded agreements among `years`, ascending.
    pub fn chosen<'a>(&'a self, years: &'a [u16]) -> Vec<&'a LoadedAgreement> {
        years
            .iter()
            .filter_map(|year| self.agreements.get(year))
            .collect()
    }
}

/// Where the app finds its manifest, relative to the page.
pub const MANIFEST_ADDRESS: &str = "data/index.json";

/// Reads the manifest and every file it lists through `read`, which is given
/// each file's address as the app fetches it (`data/index.json`,
/// `data/2018.json`, …). The build-time tools read a folder with it, the
/// browser app the files carried in its page: both get the same catalog, so
/// the page drawn at build time is what the app draws. Missing or broken
/// files are in [`Catalog::failures`].
pub fn read_all(read: impl Fn(&str) -> Result<Vec<u8>, FetchError>) -> Catalog {
    let mut reading = Reading::default();
    while reading.read_next(&read) {}
    reading.finish()
}

/// The app's files read one at a time, as [`read_all`] reads them: the
/// manifest, then each agreement it lists, then the reference series. For a
/// caller that pauses between files (the browser app, so that reading them
/// is not one long task on a phone).
#[derive(Default)]
pub struct Reading {
    catalog: Catalog,
    /// The files still to read, once the manifest is in.
    left: Option<std::collections::VecDeque<ListedFile>>,
}

/// A file the manifest lists.
enum ListedFile {
    Agreement(ManifestEntry),
    Series(SeriesKind, String),
}

impl Reading {
    /// Reads the next file through `read` (given each file's address as the
    /// app fetches it); `false` when there was none left.
    pub fn read_next(&mut self, read: &impl Fn(&str) -> Result<Vec<u8>, FetchError>) -> bool {
        let Some(left) = &mut self.left else {
            self.catalog
                .add_manifest(MANIFEST_ADDRESS, read(MANIFEST_ADDRESS));
            self.left = Some(self.catalog.manifest.as_ref().map_or_else(
                Default::default,
                |manifest| {
                    let agreements = manifest
                        .agreements
                        .iter()
                        .cloned()
                        .map(ListedFile::Agreement);
                    let series = [
                        (SeriesKind::Kpi, manifest.kpi.clone()),
                        (SeriesKind::Population, manifest.population.clone()),
                    ]
                    .into_iter()
                    .map(|(kind, file)| ListedFile::Series(kind, file));
                    agreements.chain(series).collect()
                },
            ));
            return true;
        };
        match left.pop_front() {
            Some(ListedFile::Agreement(entry)) => {
                let text = read(&format!("data/{}", entry.file));
                self.catalog.add_agreement(&entry, text);
            }
            Some(ListedFile::Series(kind, file)) => {
                let text = read(&format!("data/{file}"));
                self.catalog.add_series(kind, &file, text);
            }
            None => return false,
        }
        true
    }

    /// The catalog of what was read.
    pub fn finish(self) -> Catalog {
        self.catalog
    }
}

/// Reads a data folder (its `index.json` and every file it lists) as the app
/// reads the same files over the network. For the build-time tools (the
/// browser app never calls it); missing or broken files are in
/// [`Catalog::failures`].
pub fn read_folder(folder: &std::path::Path) -> Catalog {
    read_all(|address| {
        let name = address.strip_prefix("data/").unwrap_or(address);
        std::fs::read(folder.join(name)).map_err(|error| FetchError::from_disk(&error))
    })
}

/// Reads a data folder that must be whole, as the build-time tools need it:
/// the catalog, or every file that is missing or broken (a tool writes each
/// with [`LoadFailure::line`]). A folder without a manifest has that failure.
pub fn read_whole_folder(folder: &std::path::Path) -> Result<Catalog, Vec<LoadFailure>> {
    let mut catalog = read_folder(folder);
    if catalog.failures.is_empty() {
        Ok(catalog)
    } else {
        Err(std::mem::take(&mut catalog.failures))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn at_most_twenty_own_files_are_open_and_the_next_is_refused_with_why() {
        let mut catalog = read_folder(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data"
        )));
        let example = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/example-agreement.json"
        ))
        .unwrap();
        for number in 0..MAX_OWN_FILES {
            let added = catalog.add_own(
                &format!("utkast-{number}.json"),
                Ok::<_, FetchError>(&example),
            );
            assert!(added.is_ok(), "{number}: {added:?}");
        }
        let refused = catalog
            .add_own("en-till.json", Ok::<_, FetchError>(&example))
            .expect_err("one more than the most");
        assert_eq!(
            refused.reason,
            FailureReason::TooManyOwnFiles { max: MAX_OWN_FILES }
        );
        assert_eq!(refused.file, "en-till.json");
        assert!(refused.details(Lang::Sv)[0].starts_with("20 egna filer är redan öppna"));
        assert_eq!(catalog.own.len(), MAX_OWN_FILES, "nothing shown changed");
        // One removed, one more fits.
        let first = catalog.own[0].id;
        catalog.remove_own(first);
        assert!(catalog
            .add_own("en-till.json", Ok::<_, FetchError>(&example))
            .is_ok());
    }
    #[test]
    fn the_bundled_folder_is_whole_and_a_missing_one_is_named() {
        let bundled = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data"));
        let catalog = read_whole_folder(bundled).expect("the bundled data is whole");
        assert!(catalog.agreements.contains_key(&2018));
        let missing = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/no-such-folder"));
        let failures = read_whole_folder(missing).expect_err("nothing to read");
        assert_eq!(failures.len(), 1, "the manifest, and nothing after it");
        assert_eq!(
            failures[0].reason,
            FailureReason::Fetch(FetchError::Disk(std::io::ErrorKind::NotFound))
        );
        assert_eq!(
            failures[0].line(Lang::En),
            "data/index.json could not be read: the file is not in the folder"
        );
    }

    #[test]
    fn reading_one_file_a_step_reads_each_listed_file_once_in_order() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data");
        let asked = std::cell::RefCell::new(Vec::new());
        let read = |address: &str| {
            asked.borrow_mut().push(address.to_owned());
            let name = address.strip_prefix("data/").unwrap_or(address);
            std::fs::read(format!("{folder}/{name}")).map_err(|error| FetchError::from_disk(&error))
        };
        let mut reading = Reading::default();
        let mut steps = 0;
        while reading.read_next(&read) {
            steps += 1;
            assert_eq!(asked.borrow().len(), steps, "one file a step");
        }
        assert!(!reading.read_next(&read), "and nothing after the last");
        let catalog = reading.finish();
        let asked = asked.into_inner();
        assert_eq!(asked[0], MANIFEST_ADDRESS);
        let manifest = catalog.manifest.clone().expect("the manifest");
        assert_eq!(asked.len(), 1 + manifest.agreements.len() + 2);
        assert_eq!(asked[1], format!("data/{}", manifest.agreements[0].file));
        assert!(catalog.failures.is_empty());
        assert_eq!(catalog.agreements.len(), manifest.agreements.len());
        assert!(catalog.kpi.is_some() && catalog.population.is_some());
    }

    #[test]
    fn reading_without_a_manifest_is_one_step_and_says_why() {
        let mut reading = Reading::default();
        let missing = |_: &str| Err(FetchError::Status(404));
        assert!(reading.read_next(&missing));
        assert!(!reading.read_next(&missing));
        let catalog = reading.finish();
        assert!(catalog.manifest.is_none());
        assert_eq!(catalog.failures.len(), 1);
        assert_eq!(catalog.failures[0].file, MANIFEST_ADDRESS);
    }

    fn entry(year: u16) -> ManifestEntry {
        ManifestEntry {
            year,
            file: format!("agreements/{year}.json"),
        }
    }

    fn bundled(year: u16) -> String {
        std::fs::read_to_string(format!(
            "{}/public/data/agreements/{year}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    #[test]
    fn a_broken_file_is_recorded_and_the_others_still_load() {
        let mut catalog = Catalog::default();
        catalog.add_agreement(&entry(2015), Ok(bundled(2015)));
        catalog.add_agreement(&entry(2016), Ok("{ \"year\": 2016,"));
        catalog.add_agreement(&entry(2018), Ok(bundled(2018)));
        catalog.add_agreement(&entry(2017), Err::<&str, _>(FetchError::Status(404)));
        assert_eq!(
            catalog.agreements.keys().copied().collect::<Vec<_>>(),
            [2015, 2018]
        );
        assert!(catalog.failed(2016) && catalog.failed(2017) && !catalog.failed(2018));
        let broken = &catalog.failures[0];
        assert_eq!(
            broken.headline(Lang::En),
            "The 2016 agreement (agreements/2016.json) could not be read:"
        );
        assert!(
            broken.details(Lang::Sv)[0].starts_with("JSON-syntaxfel på rad 1"),
            "{:?}",
            broken.details(Lang::Sv)
        );
        assert_eq!(
            catalog.failures[1].details(Lang::Sv),
            ["filen finns inte (404)"]
        );
    }

    #[test]
    fn a_file_under_the_wrong_year_is_refused() {
        let mut catalog = Catalog::default();
        catalog.add_agreement(&entry(2017), Ok(bundled(2016)));
        assert!(catalog.agreements.is_empty());
        assert_eq!(
            catalog.failures[0].details(Lang::En),
            ["year: does not match the manifest, which lists year 2017"]
        );
    }

    #[test]
    fn own_files_are_added_beside_the_bundled_ones_and_removed() {
        let mut catalog = Catalog::default();
        catalog.add_agreement(&entry(2016), Ok(bundled(2016)));
        let first = catalog
            .add_own("mitt-2016.json", Ok(bundled(2016)))
            .unwrap();
        let second = catalog
            .add_own("mitt-2016.json", Ok(bundled(2018)))
            .unwrap();
        assert_eq!(catalog.own[1].name, "mitt-2016.json (2)");
        let shown: Vec<String> = catalog.shown(&[2016]).iter().map(Shown::key).collect();
        assert_eq!(
            shown,
            ["2016", "2016 · mitt-2016.json", "2018 · mitt-2016.json (2)"]
        );
        catalog.remove_own(first);
        assert_eq!(catalog.own.len(), 1);
        assert!(catalog.own_file(second).is_some());
    }

    #[test]
    fn a_bad_own_file_changes_nothing_and_says_why() {
        let mut catalog = Catalog::default();
        catalog.add_agreement(&entry(2016), Ok(bundled(2016)));
        let before = catalog.clone();
        let failure = catalog
            .add_own("trasig.json", Ok("{\"year\": 2016,"))
            .unwrap_err();
        assert_eq!(catalog, before);
        assert_eq!(failure.file, "trasig.json");
        assert!(failure.details(Lang::En)[0].starts_with("JSON syntax error at line 1"));
    }

    #[test]
    fn sum_checks_are_computed_on_load() {
        let mut catalog = Catalog::default();
        catalog.add_agreement(&entry(2020), Ok(bundled(2020)));
        let findings = &catalog.agreements[&2020].findings;
        // 1 694 to municipalities and regions, of which 1 120 is broken down.
        assert!(findings.iter().any(|f| f.parts_sum == 1_120_000_000
            && f.whole_value == crate::model::Value::Exact(1_694_000_000)));
    }

    #[test]
    fn years_without_a_file_are_the_gaps_in_the_listed_span() {
        let catalog = crate::view::tests_support::catalog();
        assert_eq!(catalog.years_without_file(), vec![2023]);
        assert!(Catalog::default().years_without_file().is_empty());
    }
}
