//! The sources section: every figure of a year with its status, how it was
//! derived, and the sources' words and links.

use crate::analysis::format_value;
use crate::catalog::{Catalog, LoadedAgreement};
use crate::format;
use crate::i18n::{Lang, Text};
use crate::model::{is_http_url, Agreement, Figure};
use crate::state::{ViewKind, ViewState};

/// A source as cited for one figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// For one side of a disputed figure: its amount (and how it was computed).
    pub claim: Option<String>,
    /// Who published it.
    pub publisher: String,
    /// The page's title.
    pub title: String,
    /// A link, only ever http(s).
    pub url: Option<String>,
    /// The source's words.
    pub quote: Option<String>,
}

/// One figure with everything that backs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureEntry {
    /// What the figure is.
    pub label: String,
    /// How deep in the tree (0: the total and top-level allocations).
    pub depth: usize,
    /// The amount.
    pub amount: String,
    /// The status key, for styling and tests.
    pub status_key: &'static str,
    /// The status in words.
    pub status_label: &'static str,
    /// How a derived figure was computed.
    pub how: Option<String>,
    /// A note on the figure.
    pub note: Option<String>,
    /// Its sources.
    pub citations: Vec<Citation>,
}

/// A sum check as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingEntry {
    /// The sentence.
    pub message: String,
    /// Whether the figures contradict each other.
    pub contradiction: bool,
}

/// Everything the sources section shows for one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearSources {
    /// The year.
    pub year: u16,
    /// The agreement's name.
    pub title: String,
    /// The parties.
    pub parties: String,
    /// A note on the year.
    pub note: Option<String>,
    /// The total first, then every allocation in tree order.
    pub entries: Vec<FigureEntry>,
    /// The year's sum checks.
    pub findings: Vec<FindingEntry>,
}

fn citation(agreement: &Agreement, id: &str, claim: Option<String>) -> Citation {
    match agreement.source(id) {
        Some(source) => Citation {
            claim,
            publisher: source.publisher.clone(),
            title: source.title.clone(),
            // Validation already refuses other schemes; checked again where it becomes a link.
            url: source.url.clone().filter(|url| is_http_url(url)),
            quote: source.quote.clone(),
        },
        None => Citation {
            claim,
            publisher: id.to_string(),
            title: String::new(),
            url: None,
            quote: None,
        },
    }
}

/// One figure with its status and sources, as shown in the sources section
/// and behind a table cell.
pub fn figure_entry(
    agreement: &Agreement,
    label: String,
    depth: usize,
    figure: &Figure,
    lang: Lang,
) -> FigureEntry {
    let citations = match figure {
        Figure::Disputed { alternatives, .. } => alternatives
            .iter()
            .map(|alternative| {
                let mut claim = format::million_kronor(alternative.kronor, lang);
                if let Some(how) = &alternative.how {
                    claim = format!("{claim} ({})", how.get(lang));
                }
                citation(agreement, &alternative.source, Some(claim))
            })
            .collect(),
        _ => figure
            .source_ids()
            .into_iter()
            .map(|id| citation(agreement, id, None))
            .collect(),
    };
    FigureEntry {
        label,
        depth,
        amount: format_value(figure.value(), lang),
        status_key: figure.status_key(),
        status_label: figure.status_label(lang),
        how: match figure {
            Figure::Derived { how, .. } => Some(how.get(lang).to_string()),
            _ => None,
        },
        note: figure.note().map(|note| note.get(lang).to_string()),
        citations,
    }
}

/// Allocations in tree order (each parent followed by its children), with depth.
fn tree_order(agreement: &Agreement) -> Vec<(usize, &crate::model::Allocation)> {
    fn visit<'a>(
        agreement: &'a Agreement,
        parent: Option<&'a str>,
        depth: usize,
        out: &mut Vec<(usize, &'a crate::model::Allocation)>,
    ) {
        // Validation guarantees no cycles; the depth bound is a second guard.
        if depth > 64 {
            return;
        }
        for child in agreement.children(parent) {
            out.push((depth, child));
            visit(agreement, Some(child.id.as_str()), depth + 1, out);
        }
    }
    let mut out = Vec::with_capacity(agreement.allocations.len());
    visit(agreement, None, 1, &mut out);
    out
}

/// The sources section for one loaded year.
pub fn year_sources(loaded: &LoadedAgreement, lang: Lang) -> YearSources {
    let agreement = &loaded.agreement;
    let mut entries = vec![figure_entry(
        agreement,
        Text::AgreementTotal.get(lang).to_string(),
        0,
        &agreement.total,
        lang,
    )];
    for (depth, allocation) in tree_order(agreement) {
        let label = format!(
            "{} · {}",
            allocation.label.get(lang),
            allocation.recipient.label(lang)
        );
        entries.push(figure_entry(
            agreement,
            label,
            depth,
            &allocation.amount,
            lang,
        ));
    }
    YearSources {
        year: agreement.year,
        title: agreement.title.get(lang).to_string(),
        parties: agreement.parties.join(" · "),
        note: agreement
            .note
            .as_ref()
            .map(|note| note.get(lang).to_string()),
        entries,
        findings: loaded
            .findings
            .iter()
            .map(|finding| FindingEntry {
                message: finding.message(lang, agreement),
                contradiction: finding.is_contradiction(),
            })
            .collect(),
    }
}

/// The sources section of a view: the chosen years (compare, breakdown),
/// every year (trend), or the bridge's two ends (which may be own files; the
/// others' figures are in the own files panel).
pub fn sources_in_view(catalog: &Catalog, state: &ViewState) -> Vec<YearSources> {
    let loaded: Vec<&LoadedAgreement> = match state.view {
        ViewKind::Compare | ViewKind::Breakdown => catalog.chosen(&state.years),
        ViewKind::Trend => catalog.agreements.values().collect(),
        ViewKind::Bridge => {
            let ends = super::bridge_endpoints(catalog, state);
            [ends.from, ends.to]
                .into_iter()
                .flatten()
                .map(|end| end.loaded)
                .collect()
        }
    };
    loaded
        .into_iter()
        .map(|loaded| year_sources(loaded, state.lang))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests_support::loaded;

    fn year(year: u16) -> LoadedAgreement {
        loaded()
            .into_iter()
            .find(|l| l.agreement.year == year)
            .unwrap()
    }

    #[test]
    fn disputed_2015_cites_both_sources_with_their_figures() {
        let sources = year_sources(&year(2015), Lang::Sv);
        let total = &sources.entries[0];
        assert_eq!(total.status_key, "disputed");
        assert_eq!(total.citations.len(), 2);
        assert!(total.citations[0]
            .claim
            .as_deref()
            .unwrap()
            .starts_with("696\u{a0}mnkr (630 + 66"));
        assert!(total.citations[0]
            .quote
            .as_deref()
            .unwrap()
            .contains("66 miljoner kronor går till utvecklingsmedel"));
        assert_eq!(
            total.citations[1].url.as_deref(),
            Some("https://www.uppdragpsykiskhalsa.se/lattlast/")
        );
        assert!(total
            .note
            .as_deref()
            .unwrap()
            .contains("ökning med 150 miljoner"));
        // 630 + 66 matches SKL's figure: the sum check says so.
        assert!(
            sources.findings[0]
                .message
                .contains("stämmer med uppgiften från SKL"),
            "{:?}",
            sources.findings
        );
    }

    #[test]
    fn allocations_follow_the_tree_with_depth() {
        let sources = year_sources(&year(2016), Lang::En);
        let labels: Vec<(usize, &str)> = sources
            .entries
            .iter()
            .map(|e| (e.depth, e.label.split(" · ").next().unwrap()))
            .collect();
        assert_eq!(labels[0], (0, "Agreement total"));
        assert_eq!(labels[1].0, 1);
        assert!(labels[1].1.starts_with("Stimulus funds"));
        assert_eq!(labels[2].0, 2);
        assert_eq!(sources.entries.len(), 8);
    }

    #[test]
    fn each_view_lists_the_sources_of_what_it_shows() {
        let catalog = crate::view::tests_support::catalog();
        let years = |query: &str| -> Vec<u16> {
            sources_in_view(&catalog, &crate::state::parse_query(query).state)
                .iter()
                .map(|s| s.year)
                .collect()
        };
        assert_eq!(years(""), [2015, 2016, 2018]);
        assert_eq!(years("view=trend").len(), 12);
        assert_eq!(years("view=bridge&from=2017&to=2020"), [2017, 2020]);
    }

    #[test]
    fn derived_figures_say_how() {
        let sources = year_sources(&year(2018), Lang::Sv);
        let remainder = sources
            .entries
            .iter()
            .find(|e| e.status_key == "derived")
            .unwrap();
        assert_eq!(
            remainder.how.as_deref(),
            Some("884 − 350 − 220 − 250 = 64 mnkr.")
        );
        assert_eq!(remainder.citations.len(), 2);
    }
}
