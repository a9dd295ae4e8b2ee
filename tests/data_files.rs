//! Every file in `public/data` is read as the app reads it, and its figures are
//! checked against sources v2 (`docs/sources.md`, the project's copy of
//! `shared/data/sources.md`, from which `scripts/build-data.py` builds them).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use budget_explorer::analysis::{breakdown_by_recipient, pieces};
use budget_explorer::manifest::parse_manifest;
use budget_explorer::model::{
    check_sums, is_http_url, parse_agreement, written_amount, Agreement, Figure, FindingKind,
    Limits, Recipient, SourceWords, SplitBy, Value,
};
use budget_explorer::reference::{parse_series, PointStatus};

const M: u64 = 1_000_000;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data")
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn agreements() -> Vec<Agreement> {
    let manifest = parse_manifest(read(&data_dir().join("index.json"))).expect("manifest is valid");
    manifest
        .agreements
        .iter()
        .map(|entry| {
            let agreement =
                parse_agreement(read(&data_dir().join(&entry.file)), &Limits::default())
                    .unwrap_or_else(|error| panic!("{}: {error}", entry.file));
            assert_eq!(
                agreement.year, entry.year,
                "{} is listed under another year",
                entry.file
            );
            agreement
        })
        .collect()
}

fn year(year: u16) -> Agreement {
    agreements()
        .into_iter()
        .find(|a| a.year == year)
        .unwrap_or_else(|| panic!("{year} is missing"))
}

#[test]
fn the_manifest_lists_exactly_the_agreement_files() {
    let manifest = parse_manifest(read(&data_dir().join("index.json"))).unwrap();
    let listed: BTreeSet<String> = manifest.agreements.iter().map(|e| e.file.clone()).collect();
    let on_disk: BTreeSet<String> = fs::read_dir(data_dir().join("agreements"))
        .unwrap()
        .map(|entry| {
            format!(
                "agreements/{}",
                entry.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    assert_eq!(listed, on_disk);
    // Every year sources.md lists: 2012–2022 and 2024 (2023 and 2025 were not found).
    let years: Vec<u16> = manifest.years();
    assert_eq!(
        years,
        [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2024]
    );
}

#[test]
fn every_agreement_reads_and_is_named_after_its_year() {
    for agreement in agreements() {
        let file = data_dir().join(format!("agreements/{}.json", agreement.year));
        assert!(
            file.exists(),
            "{} should be in {}",
            agreement.year,
            file.display()
        );
    }
}

#[test]
fn totals_are_the_sourced_figures() {
    let expect_exact = [
        (2016, 845),
        (2017, 885),
        (2018, 1414),
        (2020, 1716),
        (2021, 1680),
        (2022, 1635),
        (2024, 1560),
    ];
    for (y, msek) in expect_exact {
        assert_eq!(year(y).total.value(), Value::Exact(msek * M), "{y}");
        assert!(
            matches!(year(y).total, Figure::Stated { .. }),
            "{y} total is stated"
        );
    }
    for y in [2012, 2013, 2014] {
        assert_eq!(
            year(y).total.value(),
            Value::Unknown,
            "{y}: total not found, so unknown, not zero"
        );
    }
}

#[test]
fn the_disputed_years_keep_both_figures_with_their_own_sources() {
    for (y, figures) in [(2015, [696, 844]), (2019, [1774, 1744])] {
        let agreement = year(y);
        let Figure::Disputed { alternatives, .. } = &agreement.total else {
            panic!("{y} should be disputed")
        };
        let amounts: Vec<u64> = alternatives.iter().map(|a| a.kronor / M).collect();
        assert_eq!(amounts, figures, "{y}");
        let sources: BTreeSet<&str> = alternatives.iter().map(|a| a.source.as_str()).collect();
        assert_eq!(sources.len(), 2, "{y}: each side has its own source");
    }
}

#[test]
fn breakdown_of_2016_is_the_seed_780_plus_65() {
    let agreement = year(2016);
    let amount = |id: &str| {
        agreement
            .allocations
            .iter()
            .find(|a| a.id == id)
            .unwrap()
            .amount
            .value()
    };
    assert_eq!(amount("stimulus-funds"), Value::Exact(780 * M));
    assert_eq!(amount("regions-general"), Value::Exact(300 * M));
    assert_eq!(amount("municipalities-general"), Value::Exact(200 * M));
    assert_eq!(amount("regions-young-people"), Value::Exact(150 * M));
    assert_eq!(amount("youth-clinics"), Value::Exact(130 * M));
    assert_eq!(amount("skr-support"), Value::Exact(60 * M));
    assert_eq!(amount("skr-infrastructure-inquiry"), Value::Exact(5 * M));
    assert_eq!(
        check_sums(&agreement),
        [],
        "780 + 60 + 5 = 845 and the parts of 780 add up"
    );
}

#[test]
fn the_regions_884_in_2018_is_a_whole_with_an_unnamed_remainder() {
    let agreement = year(2018);
    // No made-up "remainder" allocation: the 64 MSEK is computed, never named.
    assert!(agreement
        .allocations
        .iter()
        .all(|a| !matches!(a.amount, Figure::Derived { .. })));
    let by_recipient = breakdown_by_recipient(&agreement);
    assert_eq!(
        by_recipient.get(Recipient::Regions),
        Some(Value::Exact(884 * M))
    );
}

#[test]
fn sum_checks_show_incomplete_breakdowns_and_no_contradictions() {
    for agreement in agreements() {
        for finding in check_sums(&agreement) {
            assert_ne!(
                finding.kind,
                FindingKind::PartsAboveWhole,
                "{}: {:?}",
                agreement.year,
                finding
            );
        }
    }
    // 2015: SKL's 630 + 66 matches SKL's side of the dispute; UPH's 844 leaves 148.
    let findings = check_sums(&year(2015));
    assert_eq!(
        findings[0].kind,
        FindingKind::PartsMatchAlternative {
            source: "skl-2015".into()
        }
    );
    assert_eq!(
        (findings[1].kind.clone(), findings[1].side.as_deref()),
        (FindingKind::PartsBelowWhole, Some("uph-lattlast"))
    );
    // 2020: the sources break down 1 120 of the 1 694 to municipalities and regions.
    assert!(check_sums(&year(2020))
        .iter()
        .any(|f| f.parts_sum == 1120 * M && f.kind == FindingKind::PartsBelowWhole));
}

/// Every number as written with its quote: figures, sides of disputes, and
/// the sources that confirm them.
fn written_figures(agreement: &Agreement) -> Vec<(String, u64, &SourceWords)> {
    let mut out = Vec::new();
    let figures = std::iter::once(("total".to_string(), &agreement.total)).chain(
        agreement
            .allocations
            .iter()
            .map(|a| (a.id.clone(), &a.amount)),
    );
    for (id, figure) in figures {
        match figure {
            Figure::Stated {
                kronor,
                words,
                confirmed_by,
                ..
            } => {
                out.push((id.clone(), *kronor, words));
                for other in confirmed_by {
                    out.push((
                        format!("{id} (confirmed by {})", other.source),
                        *kronor,
                        &other.words,
                    ));
                }
            }
            Figure::Disputed { alternatives, .. } => {
                for side in alternatives.iter().filter(|side| side.how.is_none()) {
                    out.push((format!("{id} ({})", side.source), side.kronor, &side.words));
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_stated_figure_is_written_in_its_quote_as_the_amount() {
    let mut checked = 0;
    let mut confirmations = 0;
    for agreement in agreements() {
        for (id, kronor, words) in written_figures(&agreement) {
            confirmations += usize::from(id.contains("(confirmed by"));
            let place = format!("{} {id}", agreement.year);
            let as_written = words
                .as_written
                .as_deref()
                .unwrap_or_else(|| panic!("{place}: no number as written"));
            let quote = words
                .quote
                .as_deref()
                .unwrap_or_else(|| panic!("{place}: no quote"));
            assert!(
                quote.contains(as_written),
                "{place}: {as_written:?} not in {quote:?}"
            );
            assert_eq!(
                written_amount(as_written),
                Some(kronor),
                "{place}: {as_written:?}"
            );
            checked += 1;
        }
    }
    // Every entry sources v2 marks "stated" is here, each checked above.
    let text = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sources.md"));
    let stated_in_sources = text
        .lines()
        .filter(|line| line.starts_with("- `") && line.contains(" · stated"))
        .count();
    assert_eq!(checked - confirmations, stated_in_sources);
    assert!(confirmations >= 4, "{confirmations}");
}

#[test]
fn every_source_has_an_address_or_names_its_seed_file() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    for agreement in agreements() {
        for source in &agreement.sources {
            match (&source.url, &source.seed) {
                (Some(url), _) => assert!(is_http_url(url), "{}: {url}", agreement.year),
                (None, Some(seed)) => {
                    let name = seed.strip_prefix("seeds/").expect("seeds/<file>");
                    assert!(name.ends_with(".txt") && !name.contains('/'), "{seed}");
                    // The seeds sit beside the checkout where the project's shared/ is.
                    if seeds.is_dir() {
                        assert!(seeds.join(name).is_file(), "{seed} is missing");
                    }
                }
                (None, None) => {
                    panic!("{}: {} has neither url nor seed", agreement.year, source.id)
                }
            }
        }
    }
}

/// The gaps of a year: each parent's unbroken remainder and what the parts
/// leave of the total, on every side of a disputed total, in millions.
fn gaps(agreement: &Agreement) -> Vec<(String, Option<u64>)> {
    let mut out = Vec::new();
    for side in agreement.sides() {
        let name = side.map(|s| format!("{} ", s.source)).unwrap_or_default();
        let pieces = pieces(agreement, SplitBy::Recipient, side);
        for piece in pieces.pieces.iter().filter(|p| p.rest) {
            out.push((
                format!("{name}{}", piece.allocation.id),
                Some(piece.kronor / M),
            ));
        }
        out.push((format!("{name}total"), pieces.rest.exact().map(|k| k / M)));
    }
    out
}

#[test]
fn the_gaps_are_the_parts_vs_total_of_sources_v2() {
    let expect = |y: u16, want: &[(&str, Option<u64>)]| {
        let found = gaps(&year(y));
        let want: Vec<(String, Option<u64>)> =
            want.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        assert_eq!(found, want, "{y}");
    };
    expect(2012, &[("total", None)]);
    expect(2013, &[("total", None)]);
    expect(
        2015,
        &[
            ("skl-2015 total", Some(0)),
            ("uph-lattlast total", Some(148)),
        ],
    );
    expect(2016, &[("total", Some(0))]);
    expect(2017, &[("total", Some(0))]);
    expect(2018, &[("regions", Some(64)), ("total", Some(0))]);
    expect(
        2019,
        &[
            ("skl-2019 municipalities-and-regions", Some(24)),
            ("skl-2019 total", Some(0)),
            ("esv-2019 municipalities-and-regions", Some(24)),
            ("esv-2019 total", Some(10)),
        ],
    );
    expect(
        2020,
        &[
            ("municipalities-and-regions", Some(574)),
            ("total", Some(0)),
        ],
    );
    expect(2021, &[("total", Some(1680))]);
    expect(2022, &[("total", Some(277))]);
    // 2024: the 1 527 is a part with no parts of its own; the 803 is never added.
    expect(2024, &[("total", Some(0))]);
    let a = year(2024);
    let p = pieces(&a, SplitBy::Recipient, None);
    assert_eq!(
        p.pieces.iter().map(|x| x.kronor / M).collect::<Vec<_>>(),
        [1527, 33]
    );
    assert!(a
        .allocations
        .iter()
        .any(|x| x.of_which && x.amount.value() == Value::Exact(803 * M)));
}

#[test]
fn the_gaps_sources_v2_names_in_bold_are_all_found() {
    // Each year's "Parts vs total" line states its gaps in bold: read them
    // from the project's copy of sources v2 and find each among the computed ones.
    let text = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sources.md"));
    for agreement in agreements() {
        let heading = format!("## {} — ", agreement.year);
        let section = text.split(&heading).nth(1).expect("year in sources.md");
        let line = section
            .lines()
            .find(|l| l.starts_with("**Parts vs total:**"))
            .expect("a Parts vs total line");
        let computed: Vec<u64> = gaps(&agreement)
            .into_iter()
            .filter_map(|(_, v)| v)
            .chain(
                pieces(&agreement, SplitBy::Recipient, None)
                    .pieces
                    .iter()
                    .map(|p| p.kronor / M),
            )
            .collect();
        for bold in line.split("**").skip(3).step_by(2) {
            let Some(number) = bold
                .split(" not broken down")
                .next()
                .filter(|_| bold.contains("not broken down") || bold.contains("unidentified"))
            else {
                continue;
            };
            let number = number.split(" unidentified").next().unwrap_or(number);
            let kronor: u64 = number
                .replace(' ', "")
                .parse()
                .unwrap_or_else(|_| panic!("{bold}"));
            assert!(
                computed.contains(&(kronor / M)),
                "{}: {bold} not among {computed:?}",
                agreement.year
            );
        }
    }
}

#[test]
fn every_listed_source_is_used_and_links_are_http() {
    for agreement in agreements() {
        let mut used: BTreeSet<&str> = agreement.total.source_ids().into_iter().collect();
        for allocation in &agreement.allocations {
            used.extend(allocation.amount.source_ids());
        }
        for source in &agreement.sources {
            assert!(
                used.contains(source.id.as_str()),
                "{}: {} is unused",
                agreement.year,
                source.id
            );
        }
    }
}

#[test]
fn kpi_and_population_cover_every_agreement_year() {
    let kpi = parse_series(read(&data_dir().join("kpi.json"))).expect("kpi.json is valid");
    let population =
        parse_series(read(&data_dir().join("population.json"))).expect("population.json is valid");
    for agreement in agreements() {
        assert!(
            kpi.point(agreement.year).is_some(),
            "KPI {}",
            agreement.year
        );
        assert!(
            population.point(agreement.year).is_some(),
            "population {}",
            agreement.year
        );
    }
    assert_eq!(kpi.point(2018).map(|p| p.value), Some(328.40));
    assert_eq!(
        kpi.point(2024).map(|p| p.status),
        Some(PointStatus::Provisional)
    );
    assert_eq!(population.point(2016).map(|p| p.value), Some(9_995_153.0));
    assert_eq!(
        population.point(2021).map(|p| p.status),
        Some(PointStatus::Stated)
    );
    assert_eq!(
        population.point(2023).map(|p| p.status),
        Some(PointStatus::Derived)
    );
    assert_eq!(
        population.point(2025),
        None,
        "2025 was not found in the sources"
    );
    for point in population.points.iter().chain(&kpi.points) {
        assert!(
            point.quote.is_some() || point.status == PointStatus::Provisional,
            "{}",
            point.year
        );
    }
}

#[test]
fn the_schema_names_the_same_keys_as_the_validator() {
    let schema: serde_json::Value =
        serde_json::from_str(&read(&data_dir().join("schema/agreement.schema.json"))).unwrap();
    let keys = |pointer: &str| -> Vec<String> {
        schema
            .pointer(pointer)
            .and_then(|v| v.as_array())
            .unwrap_or_else(|| panic!("{pointer}"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        keys("/$defs/allocation/properties/recipient/enum"),
        Recipient::KEYS
    );
    assert_eq!(
        keys("/$defs/allocation/properties/purpose/enum"),
        budget_explorer::model::Purpose::KEYS
    );
    assert_eq!(
        schema
            .pointer("/properties/format_version/enum")
            .and_then(|v| v.as_array())
            .and_then(|versions| versions.last())
            .and_then(|v| v.as_u64()),
        Some(u64::from(budget_explorer::model::FORMAT_VERSION))
    );
}
