//! About the data: how complete each year is, what is not known, what the
//! statuses mean, how to cite the data and under which licence.

use crate::analysis::breakdown_by_recipient;
use crate::catalog::Catalog;
use crate::i18n::{Lang, Text};
use crate::manifest::DataAbout;
use crate::model::{Agreement, Recipient, Value};

/// How far a year's money is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Coverage {
    /// The year.
    pub year: u16,
    /// The total as shown (`1 414 mnkr`, `696–844 mnkr`, `okänt`).
    pub total: String,
    /// The total's status in words.
    pub total_status: &'static str,
    /// Whether the sources say who gets every krona, in words.
    pub recipients: String,
    /// `true` when every krona's recipient is known.
    pub complete: bool,
}

/// One year's open questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenQuestions {
    /// The year.
    pub year: u16,
    /// The questions, in the visitor's language.
    pub questions: Vec<String>,
}

/// Everything the "about the data" section shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AboutData {
    /// A row per bundled year.
    pub coverage: Vec<Coverage>,
    /// The years with open questions.
    pub open_questions: Vec<OpenQuestions>,
    /// `(status, what it means)`, for every status.
    pub statuses: Vec<(&'static str, &'static str)>,
    /// A citation to copy.
    pub citation: String,
    /// The data's licence and where its text is.
    pub licence: Option<(String, Option<String>)>,
    /// When the figures were last checked against the sources.
    pub last_checked: Option<String>,
}

/// The section for the bundled data; `address` is the app's address, for the citation.
pub fn about_data(catalog: &Catalog, address: &str, lang: Lang) -> AboutData {
    let open_questions = catalog
        .agreements
        .values()
        .filter(|loaded| !loaded.agreement.open_questions.is_empty())
        .map(|loaded| OpenQuestions {
            year: loaded.agreement.year,
            questions: loaded
                .agreement
                .open_questions
                .iter()
                .map(|question| question.get(lang).to_string())
                .collect(),
        })
        .collect();
    let statuses = [
        (Text::StatusStated, Text::AboutStated),
        (Text::StatusDerived, Text::AboutDerived),
        (Text::StatusDisputed, Text::AboutDisputed),
        (Text::StatusUnknown, Text::AboutUnknown),
    ]
    .iter()
    .map(|(status, meaning)| (status.get(lang), meaning.get(lang)))
    .collect();
    let about = catalog
        .manifest
        .as_ref()
        .map(|manifest| manifest.about.clone())
        .unwrap_or_default();
    AboutData {
        coverage: coverage(catalog, lang),
        open_questions,
        statuses,
        citation: citation(&about, address, lang),
        licence: about.licence.map(|licence| (licence, about.licence_url)),
        last_checked: about.last_checked,
    }
}

/// A row a year from the first file to the last: its total and how much of
/// it the sources give a recipient. A year inside the span with no file at
/// all (2023) says that no figure has been found.
fn coverage(catalog: &Catalog, lang: Lang) -> Vec<Coverage> {
    let mut coverage: Vec<Coverage> = catalog
        .agreements
        .values()
        .map(|loaded| year_coverage(&loaded.agreement, lang))
        .collect();
    let first = catalog.agreements.keys().next().copied();
    let last = catalog.agreements.keys().next_back().copied();
    if let (Some(first), Some(last)) = (first, last) {
        for year in first..=last {
            if !catalog.agreements.contains_key(&year) && !catalog.failed(year) {
                coverage.push(Coverage {
                    year,
                    total: Text::UnknownShort.get(lang).to_string(),
                    total_status: Text::StatusUnknown.get(lang),
                    recipients: Text::CoverageNoFigures.get(lang).to_string(),
                    complete: false,
                });
            }
        }
        coverage.sort_by_key(|row| row.year);
    }
    coverage
}

/// One agreement's coverage: every krona given a recipient, part of it, or
/// a total that is not known.
fn year_coverage(agreement: &Agreement, lang: Lang) -> Coverage {
    let by_recipient = breakdown_by_recipient(agreement);
    let unnamed = by_recipient.get(Recipient::Unspecified);
    let (recipients, complete) = match (by_recipient.total, by_recipient.not_broken_down) {
        (Value::Unknown, _) => (Text::CoverageTotalUnknown.get(lang).to_string(), false),
        (_, rest) if rest.high() == Some(0) && unnamed.is_none() => {
            (Text::CoverageComplete.get(lang).to_string(), true)
        }
        (_, rest) => {
            let open = unnamed.map_or(rest, |named| rest.plus(named));
            let text = Text::CoveragePartly
                .get(lang)
                .replace("{}", &open.written(lang));
            (text, false)
        }
    };
    Coverage {
        year: agreement.year,
        total: agreement.total.value().written(lang),
        total_status: agreement.total.status().label(lang),
        recipients,
        complete,
    }
}

/// How to cite the data: the app, the data's version and when it was last
/// checked, and the app's address.
fn citation(about: &DataAbout, address: &str, lang: Lang) -> String {
    let version = about.version.clone().unwrap_or_else(|| "–".into());
    let checked = about.last_checked.clone().unwrap_or_else(|| "–".into());
    Text::CiteAs
        .get(lang)
        .replacen("{}", Text::AppTitle.get(lang), 1)
        .replacen("{}", &version, 1)
        .replacen("{}", &checked, 1)
        .replacen("{}", address, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests_support::{catalog, plain};

    #[test]
    fn coverage_says_which_years_are_complete_and_what_is_missing() {
        let about = about_data(&catalog(), "https://example.org/", Lang::Sv);
        let row = |year: u16| about.coverage.iter().find(|c| c.year == year).unwrap();
        assert!(row(2016).complete && row(2017).complete && row(2018).complete);
        assert!(
            row(2020).complete,
            "574 of 1 694 is the municipalities' and regions' own"
        );
        assert!(!row(2022).complete);
        // 277 not broken down and 424 for items with no recipient given.
        assert_eq!(
            plain(&row(2022).recipients),
            "Delvis: mottagaren anges inte för 701 mnkr"
        );
        assert_eq!(
            plain(&row(2019).recipients),
            "Delvis: mottagaren anges inte för 0–10 mnkr"
        );
        assert_eq!(row(2013).recipients, "Totalen är okänd");
        assert_eq!(row(2023).recipients, "Inga belopp har hittats för året");
        assert_eq!(about.coverage.len(), 13);
        assert_eq!(plain(&row(2015).total), "696–844 mnkr");
        let years: Vec<u16> = about.open_questions.iter().map(|q| q.year).collect();
        assert!(years.contains(&2019) && years.contains(&2024), "{years:?}");
        assert!(about
            .open_questions
            .iter()
            .any(|q| q.questions.iter().any(|t| t.contains("24 mnkr"))));
        assert_eq!(about.statuses.len(), 4);
        assert!(about.citation.contains("version 2.0") && about.citation.contains("2026-11-24"));
        assert!(about.citation.ends_with("https://example.org/"));
        assert_eq!(
            about.licence.as_ref().map(|(name, _)| name.as_str()),
            Some("CC BY 4.0")
        );
    }
}
