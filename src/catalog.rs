//! What the app has loaded: the manifest, every agreement that read cleanly,
//! and every file that did not, with why. One failed file never takes the
//! others down with it.

use std::collections::BTreeMap;

use thiserror::Error;

use crate::analysis::Converter;
use crate::i18n::Lang;
use crate::manifest::{Manifest, ManifestEntry};
use crate::model::{
    check_sums, parse_agreement, Agreement, Finding, Limits, LoadError, Problem, ProblemKind,
};
use crate::reference::{parse_series, Series};
use crate::state::Units;

/// Why a file could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum FetchError {
    /// No answer: offline, or the server is unreachable.
    #[error("no answer from the server")]
    Network,
    /// The server answered with an error status (404 and the like).
    #[error("the server answered with status {0}")]
    Status(u16),
    /// The answer could not be read as text.
    #[error("the answer was not text")]
    NotText,
}

impl FetchError {
    /// The reason in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FetchError::Network => lang
                .pick(
                    "servern svarade inte (är du offline?)",
                    "the server did not answer (are you offline?)",
                )
                .to_string(),
            FetchError::Status(404) => lang
                .pick("filen finns inte (404)", "the file does not exist (404)")
                .to_string(),
            FetchError::Status(status) => lang.pick(
                format!("servern svarade med felkod {status}"),
                format!("the server answered with error status {status}"),
            ),
            FetchError::NotText => lang
                .pick(
                    "svaret gick inte att läsa som text",
                    "the answer could not be read as text",
                )
                .to_string(),
        }
    }
}

/// Why one file is missing from the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FailureReason {
    /// It could not be fetched.
    Fetch(FetchError),
    /// It was fetched but is not a valid file.
    Load(LoadError),
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

impl LoadFailure {
    /// A heading line naming the file, in `lang`.
    pub fn headline(&self, lang: Lang) -> String {
        match self.year {
            Some(year) => lang.pick(
                format!("Överenskommelsen {year} ({}) kunde inte läsas:", self.file),
                format!("The {year} agreement ({}) could not be read:", self.file),
            ),
            None => lang.pick(
                format!("{} kunde inte läsas:", self.file),
                format!("{} could not be read:", self.file),
            ),
        }
    }

    /// Every reason, one line each, in `lang`.
    pub fn details(&self, lang: Lang) -> Vec<String> {
        match &self.reason {
            FailureReason::Fetch(error) => vec![error.message(lang)],
            FailureReason::Load(error) => error.messages(lang),
        }
    }
}

/// One loaded agreement with its sum checks, computed once on load.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedAgreement {
    /// The agreement.
    pub agreement: Agreement,
    /// Its sum checks.
    pub findings: Vec<Finding>,
}

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
    pub fn add_manifest(&mut self, file: &str, text: Result<String, FetchError>) {
        let result = text
            .map_err(FailureReason::Fetch)
            .and_then(|text| crate::manifest::parse_manifest(&text).map_err(FailureReason::Load));
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
    pub fn add_agreement(&mut self, entry: &ManifestEntry, text: Result<String, FetchError>) {
        let result = text.map_err(FailureReason::Fetch).and_then(|text| {
            let agreement =
                parse_agreement(&text, &Limits::default()).map_err(FailureReason::Load)?;
            if agreement.year != entry.year {
                let problem = Problem {
                    path: "year".into(),
                    kind: ProblemKind::YearMismatch {
                        expected: entry.year,
                    },
                };
                return Err(FailureReason::Load(LoadError::Invalid(vec![problem])));
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
    pub fn add_series(&mut self, kind: SeriesKind, file: &str, text: Result<String, FetchError>) {
        let result = text
            .map_err(FailureReason::Fetch)
            .and_then(|text| parse_series(&text).map_err(FailureReason::Load));
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

    /// Years listed in the manifest.
    pub fn listed_years(&self) -> Vec<u16> {
        self.manifest
            .as_ref()
            .map(Manifest::years)
            .unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::*;

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
        catalog.add_agreement(&entry(2016), Ok("{ \"year\": 2016,".into()));
        catalog.add_agreement(&entry(2018), Ok(bundled(2018)));
        catalog.add_agreement(&entry(2017), Err(FetchError::Status(404)));
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
    fn sum_checks_are_computed_on_load() {
        let mut catalog = Catalog::default();
        catalog.add_agreement(&entry(2020), Ok(bundled(2020)));
        let findings = &catalog.agreements[&2020].findings;
        // 1 694 to municipalities and regions, of which 1 120 is broken down.
        assert!(findings.iter().any(|f| f.parts_sum == 1_120_000_000
            && f.whole_value == crate::model::Value::Exact(1_694_000_000)));
    }
}
