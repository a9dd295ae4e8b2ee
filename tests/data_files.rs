//! Every file in `public/data` is read as the app reads it, and its figures are
//! checked against `shared/data/sources.md` as transcribed here by hand.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use budget_explorer::manifest::parse_manifest;
use budget_explorer::model::{
    check_sums, parse_agreement, Agreement, Figure, FindingKind, Limits, Recipient, Value,
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
    let manifest =
        parse_manifest(&read(&data_dir().join("index.json"))).expect("manifest is valid");
    manifest
        .agreements
        .iter()
        .map(|entry| {
            let agreement =
                parse_agreement(&read(&data_dir().join(&entry.file)), &Limits::default())
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
    let manifest = parse_manifest(&read(&data_dir().join("index.json"))).unwrap();
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
fn breakdown_of_2018_adds_up_to_1414() {
    let agreement = year(2018);
    assert_eq!(check_sums(&agreement), []);
    let regions: u64 = agreement
        .leaves()
        .filter(|a| a.recipient == Recipient::Regions)
        .filter_map(|a| a.amount.value().exact())
        .sum();
    assert_eq!(regions, 884 * M);
    let derived: Vec<&str> = agreement
        .allocations
        .iter()
        .filter(|a| matches!(a.amount, Figure::Derived { .. }))
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(
        derived,
        ["regions-remainder"],
        "only the 64 MSEK remainder is derived"
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
    // 2015: SKL's 630 + 66 matches SKL's side of the dispute.
    assert_eq!(
        check_sums(&year(2015))[0].kind,
        FindingKind::PartsMatchAlternative {
            source: "skl-2015".into()
        }
    );
    // 2019: the listed items (1 660) plus SKL's derived 40 fall short of both totals.
    let findings = check_sums(&year(2019));
    assert_eq!(findings[0].kind, FindingKind::PartsBelowWhole);
    assert_eq!(findings[0].parts_sum, 1700 * M);
    // 2020: the sources break down 1 120 of the 1 694 to municipalities and regions.
    assert!(check_sums(&year(2020))
        .iter()
        .any(|f| f.parts_sum == 1120 * M));
}

/// The figure as digits without spaces, for finding it in a Swedish quote.
fn digits(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn stated_totals_appear_in_their_sources_quotes() {
    for agreement in agreements() {
        let mut claims: Vec<(u64, &str)> = Vec::new();
        match &agreement.total {
            Figure::Stated { kronor, source, .. } => claims.push((*kronor, source)),
            Figure::Disputed { alternatives, .. } => claims.extend(
                alternatives
                    .iter()
                    .filter(|a| a.how.is_none())
                    .map(|a| (a.kronor, a.source.as_str())),
            ),
            _ => {}
        }
        for (kronor, source) in claims {
            let quote = agreement
                .source(source)
                .and_then(|s| s.quote.as_deref())
                .unwrap_or("");
            let millions = (kronor / M).to_string();
            assert!(
                digits(quote).contains(&millions),
                "{}: {millions} not in the quote of {source}: {quote}",
                agreement.year
            );
        }
    }
}

#[test]
fn every_listed_source_is_used_and_links_are_https() {
    for agreement in agreements() {
        let mut used: BTreeSet<&str> = agreement.total.source_ids().into_iter().collect();
        for allocation in &agreement.allocations {
            used.extend(allocation.amount.source_ids());
        }
        for source in &agreement.sources {
            // The 2015 file keeps the seed that explains the dispute, cited in the total's note.
            let cited_in_note = agreement
                .total
                .note()
                .is_some_and(|n| n.sv.contains("150 miljoner"));
            assert!(
                used.contains(source.id.as_str()) || cited_in_note,
                "{}: {} is unused",
                agreement.year,
                source.id
            );
            if let Some(url) = &source.url {
                assert!(url.starts_with("https://"), "{}: {url}", agreement.year);
            }
        }
    }
}

#[test]
fn kpi_and_population_cover_every_agreement_year() {
    let kpi = parse_series(&read(&data_dir().join("kpi.json"))).expect("kpi.json is valid");
    let population =
        parse_series(&read(&data_dir().join("population.json"))).expect("population.json is valid");
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
        Some(PointStatus::Derived)
    );
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
            .pointer("/properties/format_version/const")
            .and_then(|v| v.as_u64()),
        Some(1)
    );
}
