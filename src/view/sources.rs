//! The sources section: every figure of a year with its status, how it was
//! derived, and the sources' words and links.

use crate::analysis::Piece;
use crate::catalog::{Catalog, LoadedAgreement};
use crate::format::Scale;
use crate::i18n::{Lang, Text};
use crate::model::{is_http_url, Agreement, Allocation, Figure, SourceWords, SplitBy, Status};
use crate::state::{ViewKind, ViewState};

/// A quote split around the number as written, so that the number can be
/// marked without any markup in the data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Quote {
    /// The words before the number.
    pub before: String,
    /// The number as written (empty when the figure names none).
    pub marked: String,
    /// The words after it.
    pub after: String,
}

impl Quote {
    /// Splits `quote` at the first place `as_written` occurs in it.
    pub fn new(quote: &str, as_written: Option<&str>) -> Quote {
        let found = as_written
            .filter(|number| !number.is_empty())
            .and_then(|number| quote.find(number).map(|at| (at, number.len())));
        match found {
            Some((at, len)) => Quote {
                before: quote[..at].to_string(),
                marked: quote[at..at + len].to_string(),
                after: quote[at + len..].to_string(),
            },
            None => Quote {
                before: quote.to_string(),
                ..Quote::default()
            },
        }
    }

    /// The whole quote as one text.
    pub fn text(&self) -> String {
        format!("{}{}{}", self.before, self.marked, self.after)
    }
}

/// A source as cited for one figure.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Citation {
    /// For one side of a disputed figure: its amount (and how it was computed).
    pub claim: Option<String>,
    /// Who published it.
    pub publisher: String,
    /// The page's title.
    pub title: String,
    /// A link, only ever http(s).
    pub url: Option<String>,
    /// The project's seed file that holds the text, when there is no address.
    pub seed: Option<String>,
    /// The number as the source writes it.
    pub as_written: Option<String>,
    /// The source's words, with the number marked.
    pub quote: Option<Quote>,
}

/// A figure a derived one was computed from: shown as a button that opens it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct InputEntry {
    /// `Till regionerna: 884 mnkr`.
    pub summary: String,
    /// The figure with its own sources (its own inputs are not opened further).
    pub entry: FigureEntry,
}

/// One figure with everything that backs it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FigureEntry {
    /// What the figure is.
    pub label: String,
    /// How deep in the tree (0: the total and top-level allocations).
    pub depth: usize,
    /// The amount.
    pub amount: String,
    /// The status key, for styling and tests.
    pub status: Status,
    /// The status in words.
    pub status_label: &'static str,
    /// How a derived figure was computed.
    pub how: Option<String>,
    /// A note on the figure.
    pub note: Option<String>,
    /// Its sources.
    pub citations: Vec<Citation>,
    /// The figures a derived one was computed from.
    pub inputs: Vec<InputEntry>,
    /// An "of which" figure: shown, never summed.
    pub of_which: bool,
}

/// A sum check as shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FindingEntry {
    /// The sentence.
    pub message: String,
    /// Whether the figures contradict each other.
    pub contradiction: bool,
}

/// Everything the sources section shows for one year.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
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

fn citation(
    agreement: &Agreement,
    id: &str,
    claim: Option<String>,
    words: Option<&SourceWords>,
) -> Citation {
    let as_written = words.and_then(|words| words.as_written.clone());
    match agreement.source(id) {
        Some(source) => {
            // Format 1 kept one quote per source; format 2 one per figure.
            let quote = words
                .and_then(|words| words.quote.as_deref())
                .or(source.quote.as_deref())
                .map(|quote| Quote::new(quote, as_written.as_deref()));
            Citation {
                claim,
                publisher: source.publisher.clone(),
                title: source.title.clone(),
                // Validation already refuses other schemes; checked again where it becomes a link.
                url: source.url.clone().filter(|url| is_http_url(url)),
                seed: source.seed.clone(),
                as_written,
                quote,
            }
        }
        None => Citation {
            claim,
            publisher: id.to_string(),
            title: String::new(),
            url: None,
            seed: None,
            as_written,
            quote: None,
        },
    }
}

/// The label of the figure an input names: the total or an allocation.
fn input_label(agreement: &Agreement, id: &str, lang: Lang) -> String {
    match agreement.allocation(id) {
        Some(allocation) => allocation.label.get(lang).to_string(),
        None => Text::AgreementTotal.get(lang).to_string(),
    }
}

fn input_entries(
    agreement: &Agreement,
    inputs: &[String],
    lang: Lang,
    open: bool,
) -> Vec<InputEntry> {
    if !open {
        return Vec::new();
    }
    inputs
        .iter()
        .filter_map(|id| {
            let figure = agreement.figure(id)?;
            let label = input_label(agreement, id, lang);
            let entry = build_entry(agreement, label.clone(), 1, figure, lang, false);
            Some(InputEntry {
                summary: format!("{label}: {}", entry.amount),
                entry,
            })
        })
        .collect()
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
    build_entry(agreement, label, depth, figure, lang, true)
}

fn build_entry(
    agreement: &Agreement,
    label: String,
    depth: usize,
    figure: &Figure,
    lang: Lang,
    open_inputs: bool,
) -> FigureEntry {
    let mut inputs = input_entries(agreement, figure.inputs(), lang, open_inputs);
    let citations = match figure {
        Figure::Disputed { alternatives, .. } => alternatives
            .iter()
            .map(|alternative| {
                let mut claim = Scale::MillionKronor.kronor(alternative.kronor, lang);
                if let Some(how) = &alternative.how {
                    claim = format!("{claim} ({})", how.get(lang));
                }
                inputs.extend(input_entries(
                    agreement,
                    &alternative.inputs,
                    lang,
                    open_inputs,
                ));
                citation(
                    agreement,
                    &alternative.source,
                    Some(claim),
                    Some(&alternative.words),
                )
            })
            .collect(),
        Figure::Stated {
            source,
            words,
            confirmed_by,
            ..
        } => std::iter::once(citation(agreement, source, None, Some(words)))
            .chain(
                confirmed_by
                    .iter()
                    .map(|other| citation(agreement, &other.source, None, Some(&other.words))),
            )
            .collect(),
        _ => figure
            .source_ids()
            .into_iter()
            .map(|id| citation(agreement, id, None, None))
            .collect(),
    };
    FigureEntry {
        label,
        depth,
        amount: figure.value().written(lang),
        status: figure.status(),
        status_label: figure.status().label(lang),
        how: match figure {
            Figure::Derived { how, .. } => Some(how.get(lang).to_string()),
            _ => None,
        },
        note: figure.note().map(|note| note.get(lang).to_string()),
        citations,
        inputs,
        of_which: false,
    }
}

/// The remainder of a parent its parts leave, as a derived figure whose
/// inputs are the parent and its parts.
pub fn rest_entry(agreement: &Agreement, piece: &Piece, lang: Lang) -> FigureEntry {
    let parent = piece.allocation;
    let parts = piece.parts_of_parent(agreement);
    let amounts: Vec<String> = std::iter::once(&parent.amount)
        .chain(parts.iter().map(|part| &part.amount))
        .map(|figure| figure.value().written(lang))
        .collect();
    let how = format!(
        "{} = {}",
        amounts.join(" − "),
        Scale::MillionKronor.kronor(piece.kronor, lang)
    );
    let ids: Vec<String> = std::iter::once(parent.id.clone())
        .chain(parts.iter().map(|part| part.id.clone()))
        .collect();
    FigureEntry {
        label: Text::RestOf.get(lang).replace("{}", parent.label.get(lang)),
        depth: 1,
        amount: Scale::MillionKronor.kronor(piece.kronor, lang),
        status: Status::Derived,
        status_label: Text::StatusDerived.get(lang),
        how: Some(how),
        note: None,
        citations: Vec::new(),
        inputs: input_entries(agreement, &ids, lang, true),
        of_which: false,
    }
}

/// The figure behind a piece: the part itself, or the parent's remainder.
pub fn piece_entry(agreement: &Agreement, piece: &Piece, lang: Lang) -> FigureEntry {
    if piece.rest {
        rest_entry(agreement, piece, lang)
    } else {
        let allocation = piece.allocation;
        let label = allocation.label.get(lang).to_string();
        allocation_entry(agreement, allocation, label, 1, lang)
    }
}

/// An allocation's figure, saying when it is an "of which" figure or exists
/// under one side of a disputed total only.
fn allocation_entry(
    agreement: &Agreement,
    allocation: &Allocation,
    label: String,
    depth: usize,
    lang: Lang,
) -> FigureEntry {
    let mut entry = figure_entry(agreement, label, depth, &allocation.amount, lang);
    entry.of_which = allocation.of_which;
    let side = allocation
        .only_under
        .as_deref()
        .and_then(|id| match &agreement.total {
            Figure::Disputed { alternatives, .. } => {
                alternatives.iter().find(|a| a.id.as_deref() == Some(id))
            }
            _ => None,
        });
    if let Some(side) = side {
        let publisher = agreement
            .source(&side.source)
            .map_or(side.source.as_str(), |source| source.publisher.as_str());
        let only = Text::OnlyUnder
            .get(lang)
            .replacen("{}", publisher, 1)
            .replacen("{}", &Scale::MillionKronor.kronor(side.kronor, lang), 1);
        entry.note = Some(match entry.note.take() {
            Some(note) => format!("{note} {only}"),
            None => only,
        });
    }
    entry
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
        let mut label = format!(
            "{} · {}",
            allocation.label.get(lang),
            allocation.recipient.label(lang)
        );
        if allocation.of_which {
            label = format!("{} {label}", Text::OfWhich.get(lang));
        }
        if let Some(split) = allocation.split {
            let way = match split {
                SplitBy::Recipient => Text::SplitByRecipient,
                SplitBy::Purpose => Text::SplitByPurpose,
            };
            label = format!("{label} ({})", way.get(lang));
        }
        entries.push(allocation_entry(agreement, allocation, label, depth, lang));
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
        assert_eq!(total.status, Status::Disputed);
        assert_eq!(total.citations.len(), 2);
        assert!(total.citations[0]
            .claim
            .as_deref()
            .unwrap()
            .starts_with("696\u{a0}mnkr (630\u{a0}mnkr + 66\u{a0}mnkr"));
        // 696 is derived from SKL's two amounts: each is an input to open.
        assert_eq!(total.inputs.len(), 2);
        let skr = &total.inputs[1].entry;
        let quote = skr.citations[0].quote.as_ref().unwrap();
        assert_eq!(quote.marked, "66 miljoner kronor");
        assert!(quote.after.starts_with(" går till utvecklingsmedel"));
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
    fn derived_figures_say_how_and_open_their_inputs() {
        let sources = year_sources(&year(2020), Lang::Sv);
        let skr = sources
            .entries
            .iter()
            .find(|e| e.status == Status::Derived)
            .unwrap();
        assert_eq!(
            crate::view::tests_support::plain(skr.how.as_deref().unwrap()),
            "1 716 mnkr − 1 694 mnkr = 22 mnkr"
        );
        let inputs: Vec<String> = skr
            .inputs
            .iter()
            .map(|input| crate::view::tests_support::plain(&input.summary))
            .collect();
        assert_eq!(
            inputs,
            [
                "Totalt för överenskommelsen: 1 716 mnkr",
                "Stimulansmedel till kommuner och regioner: 1 694 mnkr"
            ]
        );
        // Each input carries its own quote, with its number marked.
        let quote = skr.inputs[1].entry.citations[0].quote.as_ref().unwrap();
        assert_eq!(quote.marked, "1 694 miljoner kronor");
    }

    #[test]
    fn a_parents_remainder_is_derived_from_the_parent_and_its_parts() {
        let catalog = crate::view::tests_support::catalog();
        let loaded = &catalog.agreements[&2018];
        let pieces = crate::analysis::pieces(&loaded.agreement, SplitBy::Recipient, None);
        let rest = pieces.pieces.iter().find(|p| p.rest).unwrap();
        let entry = rest_entry(&loaded.agreement, rest, Lang::Sv);
        assert_eq!(
            crate::view::tests_support::plain(entry.how.as_deref().unwrap()),
            "884 mnkr − 350 mnkr − 220 mnkr − 250 mnkr = 64 mnkr"
        );
        assert_eq!(entry.inputs.len(), 4);
        assert!(entry.label.starts_with("Till regionerna"));
    }

    #[test]
    fn a_part_of_one_side_only_says_so() {
        let sources = year_sources(&year(2019), Lang::Sv);
        let skr = sources
            .entries
            .iter()
            .find(|e| e.label.starts_with("SKL/SKR:s del"))
            .unwrap();
        assert_eq!(
            crate::view::tests_support::plain(skr.note.as_deref().unwrap()),
            "Finns bara med totalen enligt SKR (1 774 mnkr); med de andra uppgifterna om totalen anger ingen källa den här delen."
        );
    }

    #[test]
    fn a_quote_marks_the_number_as_written() {
        let quote = Quote::new(
            "Kommunerna fick rekvirera 350 miljoner, och",
            Some("350 miljoner"),
        );
        assert_eq!(
            (
                quote.before.as_str(),
                quote.marked.as_str(),
                quote.after.as_str()
            ),
            ("Kommunerna fick rekvirera ", "350 miljoner", ", och")
        );
        let unmarked = Quote::new("ingen siffra", Some("5"));
        assert_eq!(
            (unmarked.marked.as_str(), unmarked.text().as_str()),
            ("", "ingen siffra")
        );
    }
}
