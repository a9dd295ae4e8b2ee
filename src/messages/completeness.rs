//! Tests that the string table is whole: every fixed text and every sentence
//! template exists in both languages, and no sentence lives outside it.

use super::*;
use crate::analysis::{Converter, Gap, Prices, StepKind, Units};
use crate::catalog::{FailureReason, FetchError, LoadFailure};
use crate::i18n::*;
use crate::model::{
    Expected, Finding, FindingKind, LoadError, Localized, Problem, ProblemKind, Value,
};
use crate::state::{Notice, Parameter};

/// Fixed texts that are rightly the same in both languages.
const SAME_IN_BOTH: &[Text] = &[
    Text::SelectDefaultYears,
    Text::FooterData,
    Text::DownloadCsv,
    Text::DownloadJson,
    Text::CoverageTotal,
    Text::RecipientSkr,
];

/// Asserts that a text exists in both languages and that they differ.
fn both(name: &str, text: impl Fn(Lang) -> String) {
    let (sv, en) = (text(Lang::Sv), text(Lang::En));
    assert!(!sv.trim().is_empty(), "{name}: no Swedish");
    assert!(!en.trim().is_empty(), "{name}: no English");
    assert_ne!(sv, en, "{name}: the same in both languages");
}

#[test]
fn every_fixed_text_is_in_both_languages() {
    for &text in Text::ALL {
        let (sv, en) = (text.get(Lang::Sv), text.get(Lang::En));
        assert!(!sv.trim().is_empty() && !en.trim().is_empty(), "{text:?}");
        if !SAME_IN_BOTH.contains(&text) {
            assert_ne!(sv, en, "{text:?} is not translated");
        }
    }
}

fn problem_kinds() -> Vec<ProblemKind> {
    let id = || "x".to_string();
    vec![
        ProblemKind::Missing,
        ProblemKind::WrongType(Expected::Object),
        ProblemKind::WrongType(Expected::Array),
        ProblemKind::WrongType(Expected::Text),
        ProblemKind::WrongType(Expected::WholeNumber),
        ProblemKind::WrongType(Expected::Boolean),
        ProblemKind::NotWholeKronor,
        ProblemKind::AmountTooLarge { max: 1 },
        ProblemKind::OutOfRange { min: 1, max: 2 },
        ProblemKind::NotAllowed { allowed: &["a"] },
        ProblemKind::UnknownField,
        ProblemKind::EmptyText,
        ProblemKind::Markup,
        ProblemKind::TextTooLong { max: 1 },
        ProblemKind::TooManyItems { max: 1 },
        ProblemKind::BadId,
        ProblemKind::DuplicateId { id: id() },
        ProblemKind::UnknownParent { id: id() },
        ProblemKind::ParentCycle,
        ProblemKind::UnknownSource { id: id() },
        ProblemKind::TooFewAlternatives,
        ProblemKind::EmptyList,
        ProblemKind::NotHttpUrl,
        ProblemKind::UnknownInput { id: id() },
        ProblemKind::UnknownAlternative { id: id() },
        ProblemKind::NotInQuote,
        ProblemKind::WrittenAmountDiffers { written: 1 },
        ProblemKind::SplitMissing,
        ProblemKind::UnsupportedVersion { supported: 2 },
        ProblemKind::YearMismatch { expected: 2016 },
        ProblemKind::DuplicateKey,
        ProblemKind::ControlCharacter { code: 7 },
        ProblemKind::DirectionControl { code: 0x202E },
    ]
}

fn load_errors() -> Vec<LoadError> {
    vec![
        LoadError::TooLarge { size: 2, limit: 1 },
        LoadError::Syntax {
            line: 1,
            column: 2,
            detail: "expected value".into(),
        },
        LoadError::TooDeep { line: 1, column: 2 },
        LoadError::WrongEncoding { encoding: "UTF-16" },
        LoadError::NotUtf8 {
            offset: 1,
            line: 1,
            column: 2,
        },
        LoadError::TooManyValues { max: 1 },
        LoadError::Invalid {
            problems: vec![Problem {
                path: "total".into(),
                kind: ProblemKind::Missing,
            }],
            more: 3,
        },
    ]
}

fn fetch_errors() -> Vec<FetchError> {
    vec![
        FetchError::Offline,
        FetchError::Network,
        FetchError::BlockedByPolicy,
        FetchError::CorsRefused,
        FetchError::Status(404),
        FetchError::TimedOut { seconds: 20 },
        FetchError::TooLarge {
            size: Some(2),
            limit: 1,
        },
        FetchError::TooLarge {
            size: None,
            limit: 1,
        },
        FetchError::NotText,
        FetchError::Disk(std::io::ErrorKind::NotFound),
        FetchError::Disk(std::io::ErrorKind::PermissionDenied),
        FetchError::Disk(std::io::ErrorKind::IsADirectory),
        FetchError::Disk(std::io::ErrorKind::InvalidData),
        FetchError::NotInPage,
    ]
}

#[test]
fn every_error_is_written_in_both_languages() {
    for kind in problem_kinds() {
        both(&format!("{kind:?}"), |lang| kind.message(lang));
    }
    for error in load_errors() {
        both(&format!("{error:?}"), |lang| error.messages(lang).join(" "));
    }
    for error in fetch_errors() {
        both(&format!("{error:?}"), |lang| error.message(lang));
    }
    let failures = [
        FailureReason::Fetch(FetchError::Offline),
        FailureReason::Load(LoadError::TooManyValues { max: 1 }),
        FailureReason::TooManyOwnFiles { max: 20 },
    ];
    for reason in failures {
        let failure = LoadFailure {
            file: "a.json".into(),
            year: Some(2016),
            reason,
        };
        both("LoadFailure::headline", |lang| failure.headline(lang));
        both("LoadFailure::details", |lang| {
            failure.details(lang).join(" ")
        });
    }
}

#[test]
fn every_notice_is_written_in_both_languages() {
    let notices = [
        Notice::NotAYear("x".into()),
        Notice::UnknownYear(1999),
        Notice::UnknownLanguage("de".into()),
        Notice::TooManyValues,
        Notice::DefaultYearsShown,
        Notice::unknown_value(Parameter::View, "x"),
        Notice::TooManyParameters { skipped: 2 },
        Notice::UnknownParameter("x".into()),
        Notice::Repeated(Parameter::Lang),
        Notice::BrokenEncoding(Parameter::Data),
        Notice::BridgeEndUnavailable {
            year: 2013,
            shown: Some(2015),
        },
        Notice::BridgeEndUnavailable {
            year: 2013,
            shown: None,
        },
        Notice::UnknownSource {
            parameter: Parameter::FromSource,
            source: "x".into(),
        },
        Notice::UnknownPriceYear {
            year: 1990,
            shown: Some(2023),
        },
        Notice::UnknownPriceYear {
            year: 1990,
            shown: None,
        },
        Notice::OutsideFileNotEmbedded {
            host: Some("example.org".into()),
        },
        Notice::OutsideFileNotEmbedded { host: None },
        Notice::RepeatedYear(2016),
        Notice::RepeatedFile("egna/utkast.json".into()),
        Notice::PathLeavesSite {
            value: "/\\evil.test/x.json".into(),
            host: "evil.test".into(),
        },
    ];
    for notice in notices {
        both(&format!("{notice:?}"), |lang| notice.message(lang));
    }
}

#[test]
fn every_finding_is_in_both_languages() {
    let agreement = crate::analysis::tests_support::agreement_2016();
    let kinds = [
        FindingKind::PartsBelowWhole,
        FindingKind::PartsAboveWhole,
        FindingKind::PartsMatchAlternative { source: "x".into() },
        FindingKind::WholeUnknown,
    ];
    for kind in kinds {
        let finding = Finding {
            whole: Localized::of(Text::SumCheckWhole),
            whole_value: Value::Exact(845_000_000),
            parts_sum: 800_000_000,
            uncounted_parts: 1,
            kind,
            side: None,
            split: None,
        };
        both("Finding::message", |lang| finding.message(lang, &agreement));
    }
}

#[test]
fn every_unit_is_in_both_languages() {
    for gap in [Gap::Kpi(2011), Gap::Population(2011)] {
        both("Gap::short", |lang| gap.short(lang));
    }
    for prices in [
        Prices::Current,
        Prices::Fixed { base: Some(2018) },
        Prices::Fixed { base: None },
    ] {
        for per_inhabitant in [false, true] {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/kpi.json");
            let kpi = crate::reference::parse_series(std::fs::read(path).unwrap()).unwrap();
            let kpi = matches!(prices, Prices::Fixed { base: Some(_) }).then_some(&kpi);
            let converter = Converter::new(
                Units {
                    prices,
                    per_inhabitant,
                },
                kpi,
                None,
            );
            both("Converter::label", |lang| converter.label(lang));
            both("Converter::file_key", |lang| converter.file_key(lang));
        }
    }
}

#[test]
fn every_view_sentence_and_template_is_in_both_languages() {
    for kind in StepKind::ALL {
        both("bridge_step_kind", |lang| {
            bridge_step_kind(*kind, "2016", "2018", lang)
        });
    }
    for direction in [Direction::Up, Direction::Down, Direction::Same] {
        both("change_phrase", |lang| {
            change_phrase(direction, "1", "", "2016", lang)
        });
    }
    for view in crate::state::ViewKind::ALL {
        both("view_file_word", |lang| {
            view_file_word(*view, lang).to_string()
        });
    }
    for dimension in crate::state::Dimension::ALL {
        both("dimension_file_word", |lang| {
            dimension_file_word(*dimension, lang).to_string()
        });
    }
    let templates: [(&str, &dyn Fn(Lang) -> String); 17] = [
        ("bridge_summary", &|lang| {
            bridge_summary(("1", "2016"), ("2", "2018"), "u", "+1", lang)
        }),
        ("compared_with", &|lang| compared_with("1", "2016", lang)),
        ("disputed_amount", &|lang| {
            disputed_amount("2015", "1", lang)
        }),
        ("between", &|lang| between("1", "2", lang)),
        ("no_total_known", &|lang| no_total_known("2013", lang)),
        ("missing_years", &|lang| missing_years("2023", lang)),
        ("same_ends", &|lang| same_ends(2018, lang)),
        ("bridge_title", &|lang| bridge_title("2016", "2018", lang)),
        ("disputed_end_legend", &|lang| {
            disputed_end_legend(Some(2015), lang)
        }),
        ("file_name_words", &|lang| {
            let words = file_name_words(lang);
            [words.subject, words.all_years, words.no_years, words.share].join(" ")
        }),
        ("own_files_problems", &|lang| own_files_problems(2, lang)),
        ("reading_own_files", &|lang| reading_own_files(3, 50, lang)),
        ("file_origin", &|lang| {
            file_origin(Some("example.org"), lang) + &file_origin(None, lang)
        }),
        ("fetching_from", &|lang| fetching_from(None, lang)),
        ("outside_file_banner", &|lang| {
            outside_file_banner(Some("example.org"), "2024 · x.json", lang)
        }),
        ("more_problems", &|lang| more_problems(3, lang)),
        ("syntax_detail", &|lang| {
            syntax_detail("expected value", lang)
        }),
    ];
    for (name, template) in templates {
        both(name, template);
    }
}

/// Source files that may hold text in a language: parsing tables of
/// number words, and the open-data package's own bilingual metadata (read
/// by machines and catalogues, not shown in the app).
const MAY_HOLD_WORDS: &[&str] = &["model/written.rs", "open_data.rs"];

#[test]
fn no_sentence_lives_outside_the_string_table() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.clone()];
    let mut offenders = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            if path.ends_with("i18n") || path.ends_with("messages") {
                continue;
            }
            files.extend(
                std::fs::read_dir(&path)
                    .unwrap()
                    .map(|entry| entry.unwrap().path()),
            );
            continue;
        }
        let name = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if !name.ends_with(".rs") || MAY_HOLD_WORDS.contains(&name.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Tests may spell out what they expect.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let compact: String = code.split_whitespace().collect::<Vec<_>>().join(" ");
        for pattern in [".pick(\"", ".pick(format!", ".pick( \"", ".pick( format!"] {
            if compact.contains(pattern) {
                offenders.push(format!("{name}: a sentence picked by language"));
            }
        }
        for (number, line) in code.lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            let in_quotes = line.split('"').skip(1).step_by(2);
            if in_quotes
                .into_iter()
                .any(|text| text.contains(['å', 'ä', 'ö', 'Å', 'Ä', 'Ö']))
            {
                offenders.push(format!("{name}:{}: Swedish text", number + 1));
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "move these into src/i18n/ or src/messages/: {offenders:#?}"
    );
}
