//! The data as open data in the ecosystem's format: a tidy `figures.csv`
//! (one row per figure) and a Frictionless Data Package `datapackage.json`
//! describing it. Built from the loaded [`Catalog`] by the same code the app
//! uses, at build time (`cargo run --bin export_data`), never by hand.

use serde_json::json;

use crate::catalog::Catalog;
use crate::model::{is_http_url, Agreement, Alternative, Figure, SourceWords};
use crate::view::csv_field as field;

/// The CSV's columns, in order, each with its type and description.
pub const COLUMNS: &[(&str, &str, &str)] = &[
    ("year", "integer", "The agreement's budget year."),
    ("id", "string", "The figure's id: `total`, an allocation's stable id (the same across years for the same kind of money), or a side of a disputed total (`total-uph`)."),
    ("parent", "string", "The id of the figure this one is part of (empty at the top). Only the parts of one parent, in one split, add up to it."),
    ("role", "string", "`total`; `part` (an allocation); `alternative` (one side of a disputed total, never added to the other); `of-which` (part of its parent but placed among no other part: never summed)."),
    ("split", "string", "When a parent is split two ways, which split this part belongs to (`recipient` or `purpose`); parts of different splits are the same money."),
    ("only_under", "string", "The side of a disputed total under which alone this part exists."),
    ("label_sv", "string", "What the money is, in Swedish."),
    ("label_en", "string", "What the money is, in English."),
    ("recipient", "string", "regions, municipalities, both, skr, other or unspecified."),
    ("purpose", "string", "The purpose, from a fixed vocabulary (docs/data-format.md)."),
    ("kronor", "integer", "Whole kronor. Empty when unknown, and for a disputed total (see its `alternative` rows). Unknown is not zero."),
    ("status", "string", "stated, derived, disputed or unknown."),
    ("as_written", "string", "The number exactly as the source writes it."),
    ("source_id", "string", "The source (for a derived figure: the sources of its inputs, space-separated)."),
    ("source_url", "string", "The source's address (space-separated for several); empty when it has none."),
    ("source_seed", "string", "The project's seed text that holds the source, when it has no address."),
    ("quote", "string", "The source's Swedish words, verbatim, containing as_written."),
    ("how", "string", "For a derived figure: how it was computed (Swedish)."),
    ("inputs", "string", "For a derived figure: the ids it was computed from, space-separated."),
    ("confirmed_by", "string", "Other sources that state the same figure, space-separated."),
];

struct Row<'a> {
    agreement: &'a Agreement,
    id: String,
    parent: String,
    role: &'static str,
    split: &'static str,
    only_under: String,
    label: (String, String),
    recipient: &'static str,
    purpose: &'static str,
    figure: &'a Figure,
    side: Option<(u64, &'a str, &'a SourceWords)>,
}

/// Where a row's figure comes from: its amount, status, words and sources.
struct Provenance<'a> {
    kronor: String,
    status: &'static str,
    words: Option<&'a SourceWords>,
    sources: Vec<&'a str>,
    how: String,
    inputs: String,
    confirmed: String,
}

impl<'a> Provenance<'a> {
    /// A figure with no amount and no sources: only its status.
    fn bare(status: &'static str) -> Provenance<'a> {
        Provenance {
            kronor: String::new(),
            status,
            words: None,
            sources: Vec::new(),
            how: String::new(),
            inputs: String::new(),
            confirmed: String::new(),
        }
    }

    /// The provenance of `figure`, or of its `side` (a disputed total's
    /// alternative: its amount, source and words).
    fn of(figure: &'a Figure, side: Option<(u64, &'a str, &'a SourceWords)>) -> Provenance<'a> {
        match (side, figure) {
            (Some((kronor, source, words)), Figure::Disputed { alternatives, .. }) => {
                Provenance::side(alternatives, kronor, source, words)
            }
            (
                _,
                Figure::Stated {
                    kronor,
                    source,
                    words,
                    confirmed_by,
                    ..
                },
            ) => Provenance {
                kronor: kronor.to_string(),
                words: Some(words),
                sources: vec![source.as_str()],
                confirmed: confirmed_by
                    .iter()
                    .map(|confirmation| confirmation.source.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
                ..Provenance::bare("stated")
            },
            (
                _,
                Figure::Derived {
                    kronor,
                    how,
                    sources,
                    inputs,
                    ..
                },
            ) => Provenance {
                kronor: kronor.to_string(),
                sources: sources.iter().map(String::as_str).collect(),
                how: how.sv.clone(),
                inputs: inputs.join(" "),
                ..Provenance::bare("derived")
            },
            (_, Figure::Disputed { .. }) => Provenance::bare("disputed"),
            (_, Figure::Unknown { .. }) => Provenance::bare("unknown"),
        }
    }

    /// One side of a disputed total: stated by its source, or derived by it.
    fn side(
        alternatives: &'a [Alternative],
        kronor: u64,
        source: &'a str,
        words: &'a SourceWords,
    ) -> Provenance<'a> {
        let alternative = alternatives
            .iter()
            .find(|alternative| alternative.source == source && alternative.kronor == kronor);
        let how = alternative
            .and_then(|alternative| alternative.how.as_ref())
            .map(|how| how.sv.clone())
            .unwrap_or_default();
        Provenance {
            kronor: kronor.to_string(),
            status: if how.is_empty() { "stated" } else { "derived" },
            words: Some(words),
            sources: vec![source],
            inputs: alternative
                .map(|alternative| alternative.inputs.join(" "))
                .unwrap_or_default(),
            how,
            confirmed: String::new(),
        }
    }
}

/// The addresses (http only) and the seed texts of the sources `ids`, each
/// list space-separated.
fn source_places(agreement: &Agreement, ids: &[&str]) -> (String, String) {
    let mut urls = Vec::new();
    let mut seeds = Vec::new();
    for id in ids {
        if let Some(source) = agreement.source(id) {
            urls.extend(source.url.iter().filter(|url| is_http_url(url)).cloned());
            seeds.extend(source.seed.iter().cloned());
        }
    }
    (urls.join(" "), seeds.join(" "))
}

impl Row<'_> {
    /// The row's cells, in the order of [`COLUMNS`], quoted for CSV.
    fn cells(&self) -> Vec<String> {
        let agreement = self.agreement;
        let provenance = Provenance::of(self.figure, self.side);
        let (url, seed) = source_places(agreement, &provenance.sources);
        let words = provenance.words;
        let quote = words.and_then(|words| words.quote.clone()).or_else(|| {
            // Format 1 files keep one quote per source.
            provenance
                .sources
                .first()
                .and_then(|id| agreement.source(id))
                .and_then(|source| source.quote.clone())
        });
        [
            agreement.year.to_string(),
            self.id.clone(),
            self.parent.clone(),
            self.role.to_string(),
            self.split.to_string(),
            self.only_under.clone(),
            self.label.0.clone(),
            self.label.1.clone(),
            self.recipient.to_string(),
            self.purpose.to_string(),
            provenance.kronor,
            provenance.status.to_string(),
            words
                .and_then(|words| words.as_written.clone())
                .unwrap_or_default(),
            provenance.sources.join(" "),
            url,
            seed,
            quote.unwrap_or_default(),
            provenance.how,
            provenance.inputs,
            provenance.confirmed,
        ]
        .iter()
        .map(|cell| field(cell))
        .collect()
    }
}

/// A row of the agreement's total: the total itself (`side` none), or one
/// side of a disputed total.
fn total_row<'a>(
    agreement: &'a Agreement,
    id: String,
    role: &'static str,
    side: Option<(u64, &'a str, &'a SourceWords)>,
) -> Row<'a> {
    Row {
        agreement,
        id,
        parent: String::new(),
        role,
        split: "",
        only_under: String::new(),
        label: (
            format!("Överenskommelsens total {}", agreement.year),
            format!("Agreement total {}", agreement.year),
        ),
        recipient: "",
        purpose: "",
        figure: &agreement.total,
        side,
    }
}

/// The agreement's rows: its total, each side of a disputed total, then
/// each allocation.
fn rows(agreement: &Agreement) -> Vec<Row<'_>> {
    let mut out = vec![total_row(agreement, "total".into(), "total", None)];
    if let Figure::Disputed { alternatives, .. } = &agreement.total {
        for (position, alternative) in alternatives.iter().enumerate() {
            let id = alternative
                .id
                .clone()
                .unwrap_or_else(|| format!("total-{}", position + 1));
            let side = (
                alternative.kronor,
                alternative.source.as_str(),
                &alternative.words,
            );
            out.push(total_row(agreement, id, "alternative", Some(side)));
        }
    }
    for allocation in &agreement.allocations {
        out.push(Row {
            agreement,
            id: allocation.id.clone(),
            parent: allocation.parent.clone().unwrap_or_default(),
            role: if allocation.of_which {
                "of-which"
            } else {
                "part"
            },
            split: allocation.split.map(|s| s.key()).unwrap_or(""),
            only_under: allocation.only_under.clone().unwrap_or_default(),
            label: (allocation.label.sv.clone(), allocation.label.en.clone()),
            recipient: allocation.recipient.key(),
            purpose: allocation.purpose.key(),
            figure: &allocation.amount,
            side: None,
        });
    }
    out
}

/// `figures.csv`: a header, then one row per figure of every loaded year.
pub fn figures_csv(catalog: &Catalog) -> String {
    let header: Vec<&str> = COLUMNS.iter().map(|(name, _, _)| *name).collect();
    let mut out = header.join(",");
    out.push('\n');
    for loaded in catalog.agreements.values() {
        for row in rows(&loaded.agreement) {
            out.push_str(&row.cells().join(","));
            out.push('\n');
        }
    }
    out
}

/// `datapackage.json`: the package's description, with the CSV's schema.
pub fn datapackage_json(catalog: &Catalog) -> String {
    let about = catalog
        .manifest
        .as_ref()
        .map(|m| m.about.clone())
        .unwrap_or_default();
    let fields: Vec<serde_json::Value> = COLUMNS
        .iter()
        .map(|(name, kind, description)| json!({"name": name, "type": kind, "description": description}))
        .collect();
    let mut sources: Vec<serde_json::Value> = Vec::new();
    for loaded in catalog.agreements.values() {
        for source in &loaded.agreement.sources {
            if let Some(url) = source.url.as_ref().filter(|url| is_http_url(url)) {
                let entry = json!({"title": format!("{}: {}", source.publisher, source.title), "path": url});
                if !sources.contains(&entry) {
                    sources.push(entry);
                }
            }
        }
    }
    let package = json!({
        "profile": "tabular-data-package",
        "name": "uppdrag-psykisk-halsa-budgets",
        "title": "Statens överenskommelser med SKL/SKR om psykisk hälsa: budgetar 2012–2024 / The Swedish state's agreements with SKL/SKR on mental health: budgets 2012–2024",
        "description": "Every figure of the yearly agreements, each with its status (stated, derived, disputed, unknown), the number as the source writes it and a verbatim Swedish quote. Unknown is not zero; disputed totals keep every side. Each year's agreement file (agreements/<year>.json, format in docs/data-format.md) holds the same figures with notes and open questions.",
        "version": about.version.unwrap_or_default(),
        "licenses": about.licence_url.map(|url| vec![json!({"name": "CC-BY-4.0", "path": url, "title": about.licence.unwrap_or_default()})]).unwrap_or_default(),
        "sources": sources,
        "resources": [{
            "name": "figures",
            "path": "figures.csv",
            "profile": "tabular-data-resource",
            "title": "Every figure, one row each",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": fields,
                "missingValues": [""],
                "primaryKey": ["year", "id"],
            },
        }],
    });
    let mut text = serde_json::to_string_pretty(&package).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests_support::catalog;

    fn parse_csv_line(line: &str) -> Vec<String> {
        let mut cells = vec![String::new()];
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    cells.last_mut().unwrap().push('"');
                }
                ('"', _) => quoted = !quoted,
                (',', false) => cells.push(String::new()),
                (c, _) => cells.last_mut().unwrap().push(c),
            }
        }
        cells
    }

    #[test]
    fn one_row_per_figure_with_its_words() {
        let catalog = catalog();
        let csv = figures_csv(&catalog);
        let lines: Vec<Vec<String>> = csv.lines().map(parse_csv_line).collect();
        assert!(lines.iter().all(|cells| cells.len() == COLUMNS.len()));
        let figures: usize = catalog
            .agreements
            .values()
            .map(|l| {
                let alternatives = match &l.agreement.total {
                    Figure::Disputed { alternatives, .. } => alternatives.len(),
                    _ => 0,
                };
                1 + alternatives + l.agreement.allocations.len()
            })
            .sum();
        assert_eq!(lines.len(), figures + 1);
        let row = |year: &str, id: &str| {
            lines
                .iter()
                .find(|c| c[0] == year && c[1] == id)
                .unwrap()
                .clone()
        };
        let skr = row("2016", "skr-infrastructure-inquiry");
        assert_eq!(
            (skr[10].as_str(), skr[11].as_str(), skr[12].as_str()),
            ("5000000", "stated", "fem miljoner")
        );
        assert!(skr[16].contains("fem miljoner"));
        assert!(skr[14].starts_with("https://www.uppdragpsykiskhalsa.se/"));
        // A disputed total has no single amount; its sides are their own rows.
        let total = row("2019", "total");
        assert_eq!((total[10].as_str(), total[11].as_str()), ("", "disputed"));
        assert_eq!(row("2019", "total-esv")[10], "1744000000");
        assert_eq!(row("2019", "skr-support")[5], "total-skr");
        assert_eq!(row("2024", "children-young-people")[3], "of-which");
        assert_eq!(row("2012", "stimulus-extensive-needs")[4], "purpose");
        assert_eq!(row("2013", "total")[11], "unknown");
        // The 2018 seed has no address: it is named instead.
        assert!(row("2018", "total")[19].contains("kvalitetsvard-2018"));
    }

    #[test]
    fn the_package_describes_the_csv_it_sits_beside() {
        let package: serde_json::Value =
            serde_json::from_str(&datapackage_json(&catalog())).unwrap();
        let fields = package["resources"][0]["schema"]["fields"]
            .as_array()
            .unwrap();
        assert_eq!(fields.len(), COLUMNS.len());
        assert_eq!(package["licenses"][0]["name"], "CC-BY-4.0");
        assert_eq!(package["version"], "2.0");
    }
}
