//! Reads an agreement file into an [`Agreement`], reporting every problem.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::json_path::{index, join};
use super::reader::{parse_json, Reader};
use super::{
    Agreement, Allocation, Alternative, Confirmation, Figure, Limits, LoadError, Localized,
    ProblemKind, Purpose, Recipient, Source, SourceWords, SplitBy, Status,
};

/// The data format version this app writes. It reads every version from 1 up
/// to this one: each version only adds optional fields to the one before.
pub const FORMAT_VERSION: u32 = 2;

/// Reads and validates one agreement file.
///
/// Never panics, whatever the bytes are. Reads strictly: the file must be
/// UTF-8 and every key unique in its object, and the size, list lengths,
/// nesting and number of values are checked before anything is built.
/// Returns the problems found (up to [`MAX_PROBLEMS`](super::error::MAX_PROBLEMS),
/// then their number), each with the JSON path where it is; a syntax error
/// gives line and column instead.
///
/// ```
/// use budget_explorer::model::{parse_agreement, Limits, LoadError};
/// let error = parse_agreement("{\"year\": 2016}", &Limits::default()).unwrap_err();
/// let LoadError::Invalid { problems, .. } = error else { unreachable!() };
/// assert!(problems.iter().any(|p| p.path == "total"));
/// ```
pub fn parse_agreement(bytes: impl AsRef<[u8]>, limits: &Limits) -> Result<Agreement, LoadError> {
    let root = parse_json(bytes.as_ref(), limits)?;
    let mut reader = Reader::new(*limits);
    let agreement = read_agreement(&mut reader, &root);
    reader.finish(agreement)
}

/// A place that names a source, checked once all sources are known.
struct SourceReference {
    path: String,
    id: String,
}

const AGREEMENT_FIELDS: &[&str] = &[
    "$schema",
    "format_version",
    "year",
    "title",
    "parties",
    "total",
    "allocations",
    "sources",
    "note",
    "open_questions",
];

fn read_agreement(reader: &mut Reader, root: &Value) -> Option<Agreement> {
    let object = reader.object(root, "", AGREEMENT_FIELDS)?;
    let mut references = Vec::new();

    let format_version = reader.format_version(object);
    let year = reader
        .field(object, "", "year", |reader, value, path| {
            reader.whole_number(value, path, 1990, 2100)
        })
        .map(|year| year as u16);
    let title = reader.field(object, "", "title", Reader::localized);
    let parties = reader.field(object, "", "parties", |reader, value, _| {
        read_parties(reader, value)
    });
    let sources = reader.field(object, "", "sources", |reader, value, _| {
        read_sources(reader, value)
    });
    let total = reader.field(object, "", "total", |reader, value, path| {
        read_figure(reader, value, path, &mut references)
    });
    let allocations = reader.field(object, "", "allocations", |reader, value, _| {
        read_allocations(reader, value, &mut references)
    });
    let note = reader.optional_localized(object, "", "note");
    let open_questions = match object.get("open_questions") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(value) => read_localized_list(reader, value, "open_questions"),
    };

    if let (Some(total), Some(allocations)) = (&total, &allocations) {
        check_links(reader, total, allocations);
    }

    if let Some(sources) = &sources {
        let known: HashSet<&str> = sources.iter().map(|source| source.id.as_str()).collect();
        for reference in &references {
            if !known.contains(reference.id.as_str()) {
                reader.problem(
                    &reference.path,
                    ProblemKind::UnknownSource {
                        id: reference.id.clone(),
                    },
                );
            }
        }
    }

    Some(Agreement {
        format_version: format_version?,
        year: year?,
        title: title?,
        parties: parties?,
        total: total?,
        allocations: allocations?,
        sources: sources?,
        note,
        open_questions: open_questions?,
    })
}

fn read_localized_list(reader: &mut Reader, value: &Value, path: &str) -> Option<Vec<Localized>> {
    let max = reader.limits.max_list_items;
    let items = reader.array(value, path, max)?;
    reader.each(items, path, Reader::localized)
}

/// What ids inside figures and allocations name must exist: `inputs` name
/// `total` or an allocation, `only_under` an alternative of a disputed total.
fn check_links(reader: &mut Reader, total: &Figure, allocations: &[Allocation]) {
    let known = |id: &str| id == "total" || allocations.iter().any(|a| a.id == id);
    let check_inputs = |reader: &mut Reader, figure: &Figure, path: &str| {
        let lists: Vec<(String, &[String])> = match figure {
            Figure::Derived { inputs, .. } => vec![(join(path, "inputs"), inputs.as_slice())],
            Figure::Disputed { alternatives, .. } => alternatives
                .iter()
                .enumerate()
                .map(|(position, alternative)| {
                    let item = index(&join(path, "alternatives"), position);
                    (join(&item, "inputs"), alternative.inputs.as_slice())
                })
                .collect(),
            _ => Vec::new(),
        };
        for (list_path, inputs) in lists {
            for (position, input) in inputs.iter().enumerate() {
                if !known(input) {
                    reader.problem(
                        &index(&list_path, position),
                        ProblemKind::UnknownInput { id: input.clone() },
                    );
                }
            }
        }
    };
    check_inputs(reader, total, "total");
    for (position, allocation) in allocations.iter().enumerate() {
        let path = index("allocations", position);
        check_inputs(reader, &allocation.amount, &join(&path, "amount"));
        if let Some(id) = &allocation.only_under {
            let exists = matches!(total, Figure::Disputed { alternatives, .. }
                if alternatives.iter().any(|a| a.id.as_deref() == Some(id.as_str())));
            if !exists {
                reader.problem(
                    &join(&path, "only_under"),
                    ProblemKind::UnknownAlternative { id: id.clone() },
                );
            }
        }
    }
}

fn read_parties(reader: &mut Reader, value: &Value) -> Option<Vec<String>> {
    let max = reader.limits.max_list_items;
    let items = reader.array(value, "parties", max)?;
    reader.each(items, "parties", Reader::text)
}

fn read_sources(reader: &mut Reader, value: &Value) -> Option<Vec<Source>> {
    let max = reader.limits.max_list_items;
    let items = reader.array(value, "sources", max)?;
    let mut first_use: HashMap<String, usize> = HashMap::new();
    let mut sources = Vec::with_capacity(items.len());
    for (position, item) in items.iter().enumerate() {
        let path = index("sources", position);
        let source = read_source(reader, item, &path);
        if let Some(source) = &source {
            if first_use.insert(source.id.clone(), position).is_some() {
                reader.problem(
                    &join(&path, "id"),
                    ProblemKind::DuplicateId {
                        id: source.id.clone(),
                    },
                );
            }
        }
        sources.push(source);
    }
    sources.into_iter().collect()
}

fn read_source(reader: &mut Reader, value: &Value, path: &str) -> Option<Source> {
    let object = reader.object(
        value,
        path,
        &["id", "publisher", "title", "url", "seed", "quote"],
    )?;
    let id = reader.field(object, path, "id", Reader::id);
    let publisher = reader.field(object, path, "publisher", Reader::text);
    let title = reader.field(object, path, "title", Reader::text);
    let url = reader.optional(object, path, "url", Reader::http_url);
    let seed = reader.optional_text(object, path, "seed");
    let quote = reader.optional_text(object, path, "quote");
    Some(Source {
        id: id?,
        publisher: publisher?,
        title: title?,
        url: url?,
        seed,
        quote,
    })
}

/// A figure: its status first, which decides the fields that belong, then
/// the figure of that status.
fn read_figure(
    reader: &mut Reader,
    value: &Value,
    path: &str,
    references: &mut Vec<SourceReference>,
) -> Option<Figure> {
    let status_value = value.as_object().and_then(|object| object.get("status"));
    let status = match status_value {
        Some(status) => reader.key(
            status,
            &join(path, "status"),
            Status::KEYS,
            Status::from_key,
        ),
        None => {
            if value.is_object() {
                reader.problem(&join(path, "status"), ProblemKind::Missing);
            }
            None
        }
    };
    let object = reader.object(value, path, figure_fields(status))?;
    let note = reader.optional_localized(object, path, "note");
    match status? {
        Status::Stated => read_stated(reader, object, path, references, note),
        Status::Derived => read_derived(reader, object, path, references, note),
        Status::Disputed => {
            let alternatives = read_alternatives(reader, object, path, references);
            Some(Figure::Disputed {
                alternatives: alternatives?,
                note,
            })
        }
        Status::Unknown => Some(Figure::Unknown { note }),
    }
}

/// The fields a figure of `status` may have. Without a known status, any
/// field could belong: none is flagged.
fn figure_fields(status: Option<Status>) -> &'static [&'static str] {
    match status {
        Some(Status::Stated) => &[
            "status",
            "kronor",
            "source",
            "as_written",
            "quote",
            "confirmed_by",
            "note",
        ],
        Some(Status::Derived) => &["status", "kronor", "how", "sources", "inputs", "note"],
        Some(Status::Disputed) => &["status", "alternatives", "note"],
        Some(Status::Unknown) => &["status", "note"],
        None => &[
            "status",
            "kronor",
            "source",
            "as_written",
            "quote",
            "confirmed_by",
            "how",
            "sources",
            "inputs",
            "alternatives",
            "note",
        ],
    }
}

/// A stated figure: its amount, its source, the source's words (which must
/// hold the number), and the sources that confirm it.
fn read_stated(
    reader: &mut Reader,
    object: &Map<String, Value>,
    path: &str,
    references: &mut Vec<SourceReference>,
    note: Option<Localized>,
) -> Option<Figure> {
    let kronor = read_kronor(reader, object, path);
    let source = read_reference(reader, object, path, "source", references);
    let words = read_words(reader, object, path);
    check_written(reader, path, &words, kronor);
    let confirmed_by = match object.get("confirmed_by") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(_) => read_confirmations(reader, object, path, references),
    };
    Some(Figure::Stated {
        kronor: kronor?,
        source: source?,
        words,
        confirmed_by: confirmed_by?,
        note,
    })
}

/// A derived figure: its amount, how it was computed, from which sources
/// and which other figures.
fn read_derived(
    reader: &mut Reader,
    object: &Map<String, Value>,
    path: &str,
    references: &mut Vec<SourceReference>,
    note: Option<Localized>,
) -> Option<Figure> {
    let kronor = read_kronor(reader, object, path);
    let how = reader.field(object, path, "how", Reader::localized);
    let sources = read_reference_list(reader, object, path, "sources", references);
    let inputs = read_inputs(reader, object, path);
    Some(Figure::Derived {
        kronor: kronor?,
        how: how?,
        sources: sources?,
        inputs: inputs?,
        note,
    })
}

/// The number as written and the quote. A quote that does not contain the
/// number as written is refused: the promise is that the number can be found
/// in the source's own words.
fn read_words(reader: &mut Reader, object: &Map<String, Value>, path: &str) -> SourceWords {
    let as_written = reader.optional_text(object, path, "as_written");
    let quote = reader.optional_text(object, path, "quote");
    if let (Some(as_written), Some(quote)) = (&as_written, &quote) {
        if !quote.contains(as_written.as_str()) {
            reader.problem(&join(path, "as_written"), ProblemKind::NotInQuote);
        }
    }
    SourceWords { as_written, quote }
}

/// A number as written that reads as another amount than the figure's is
/// refused; one in a form the reader does not know is left as it is.
fn check_written(reader: &mut Reader, path: &str, words: &SourceWords, kronor: Option<u64>) {
    let written = words.as_written.as_deref().and_then(super::written_amount);
    if let (Some(written), Some(kronor)) = (written, kronor) {
        if written != kronor {
            reader.problem(
                &join(path, "as_written"),
                ProblemKind::WrittenAmountDiffers { written },
            );
        }
    }
}

fn read_inputs(
    reader: &mut Reader,
    object: &Map<String, Value>,
    path: &str,
) -> Option<Vec<String>> {
    let Some(value) = object.get("inputs").filter(|value| !value.is_null()) else {
        return Some(Vec::new());
    };
    let list_path = join(path, "inputs");
    let items = reader.array(value, &list_path, reader.limits.max_list_items)?;
    reader.each(items, &list_path, Reader::id)
}

/// `confirmed_by`: format 1 lists source ids, format 2 objects with the
/// source's own words; either is read.
fn read_confirmations(
    reader: &mut Reader,
    object: &Map<String, Value>,
    path: &str,
    references: &mut Vec<SourceReference>,
) -> Option<Vec<Confirmation>> {
    let (list_path, items) = required_list(
        reader,
        object,
        path,
        "confirmed_by",
        1,
        ProblemKind::EmptyList,
    )?;
    reader.each(items, &list_path, |reader, item, item_path| {
        if item.is_string() {
            let id = reader.id(item, item_path)?;
            return Some(Confirmation {
                source: note_reference(references, item_path, id),
                words: SourceWords::default(),
            });
        }
        let entry = reader.object(item, item_path, &["source", "as_written", "quote"])?;
        let source = read_reference(reader, entry, item_path, "source", references);
        let words = read_words(reader, entry, item_path);
        Some(Confirmation {
            source: source?,
            words,
        })
    })
}

fn read_kronor(reader: &mut Reader, object: &Map<String, Value>, path: &str) -> Option<u64> {
    reader.field(object, path, "kronor", Reader::kronor)
}

fn read_reference(
    reader: &mut Reader,
    object: &Map<String, Value>,
    path: &str,
    field: &str,
    references: &mut Vec<SourceReference>,
) -> Option<String> {
    let id = reader.field(object, path, field, Reader::id)?;
    Some(note_reference(references, &join(path, field), id))
}

/// Notes that the source `id` is named at `path` (each is checked against
/// the file's sources once all are read), and gives the id back.
fn note_reference(references: &mut Vec<SourceReference>, path: &str, id: String) -> String {
    references.push(SourceReference {
        path: path.to_owned(),
        id: id.clone(),
    });
    id
}

/// A required list of at least `min` items, with its path; a shorter one is
/// the problem `short`.
fn required_list<'v>(
    reader: &mut Reader,
    object: &'v Map<String, Value>,
    path: &str,
    field: &str,
    min: usize,
    short: ProblemKind,
) -> Option<(String, &'v Vec<Value>)> {
    let list_path = join(path, field);
    let max = reader.limits.max_list_items;
    let items = reader.field(object, path, field, |reader, value, list_path| {
        reader.array(value, list_path, max)
    })?;
    if items.len() < min {
        reader.problem(&list_path, short);
        return None;
    }
    Some((list_path, items))
}

fn read_reference_list(
    reader: &mut Reader,
    object: &Map<String, Value>,
    path: &str,
    field: &str,
    references: &mut Vec<SourceReference>,
) -> Option<Vec<String>> {
    let (list_path, items) = required_list(reader, object, path, field, 1, ProblemKind::EmptyList)?;
    reader.each(items, &list_path, |reader, item, item_path| {
        let id = reader.id(item, item_path)?;
        Some(note_reference(references, item_path, id))
    })
}

fn read_alternatives(
    reader: &mut Reader,
    object: &Map<String, Value>,
    path: &str,
    references: &mut Vec<SourceReference>,
) -> Option<Vec<Alternative>> {
    let (list_path, items) = required_list(
        reader,
        object,
        path,
        "alternatives",
        2,
        ProblemKind::TooFewAlternatives,
    )?;
    reader.each(items, &list_path, |reader, item, item_path| {
        let object = reader.object(
            item,
            item_path,
            &[
                "id",
                "kronor",
                "source",
                "as_written",
                "quote",
                "how",
                "inputs",
            ],
        )?;
        let id = reader.optional(object, item_path, "id", Reader::id);
        let kronor = read_kronor(reader, object, item_path);
        let source = read_reference(reader, object, item_path, "source", references);
        let words = read_words(reader, object, item_path);
        check_written(reader, item_path, &words, kronor);
        let how = reader.optional_localized(object, item_path, "how");
        let inputs = read_inputs(reader, object, item_path);
        Some(Alternative {
            id: id?,
            kronor: kronor?,
            source: source?,
            words,
            how,
            inputs: inputs?,
        })
    })
}

fn read_allocations(
    reader: &mut Reader,
    value: &Value,
    references: &mut Vec<SourceReference>,
) -> Option<Vec<Allocation>> {
    let max = reader.limits.max_allocations;
    let items = reader.array(value, "allocations", max)?;
    let allocations = reader.each(items, "allocations", |reader, item, path| {
        read_allocation(reader, item, path, references)
    })?;
    check_tree(reader, &allocations);
    Some(allocations)
}

fn read_allocation(
    reader: &mut Reader,
    value: &Value,
    path: &str,
    references: &mut Vec<SourceReference>,
) -> Option<Allocation> {
    let object = reader.object(
        value,
        path,
        &[
            "id",
            "parent",
            "label",
            "recipient",
            "purpose",
            "amount",
            "split",
            "of_which",
            "only_under",
        ],
    )?;
    let id = reader.field(object, path, "id", Reader::id);
    let parent = reader.optional(object, path, "parent", Reader::id);
    let label = reader.field(object, path, "label", Reader::localized);
    let recipient = reader.field(object, path, "recipient", |reader, value, path| {
        reader.key(value, path, Recipient::KEYS, Recipient::from_key)
    });
    let purpose = reader.field(object, path, "purpose", |reader, value, path| {
        reader.key(value, path, Purpose::KEYS, Purpose::from_key)
    });
    let amount = reader.field(object, path, "amount", |reader, value, path| {
        read_figure(reader, value, path, references)
    });
    let split = reader.optional(object, path, "split", |reader, v, p| {
        reader.key(v, p, SplitBy::KEYS, SplitBy::from_key)
    });
    let of_which = reader.optional(object, path, "of_which", Reader::boolean);
    let only_under = reader.optional(object, path, "only_under", Reader::id);
    Some(Allocation {
        id: id?,
        parent: parent?,
        label: label?,
        recipient: recipient?,
        purpose: purpose?,
        amount: amount?,
        split: split?,
        of_which: of_which?.unwrap_or(false),
        only_under: only_under?,
    })
}

/// Ids are unique, parents exist, no allocation is its own ancestor, and the
/// parts of one parent either all name their split or none does.
fn check_tree(reader: &mut Reader, allocations: &[Allocation]) {
    for (position, allocation) in allocations.iter().enumerate() {
        let summed = |other: &Allocation| other.parent == allocation.parent && !other.of_which;
        if !allocation.of_which
            && allocation.split.is_none()
            && allocations
                .iter()
                .any(|other| summed(other) && other.split.is_some())
        {
            reader.problem(
                &join(&index("allocations", position), "split"),
                ProblemKind::SplitMissing,
            );
        }
    }
    let mut position_of: HashMap<&str, usize> = HashMap::new();
    for (position, allocation) in allocations.iter().enumerate() {
        if position_of
            .insert(allocation.id.as_str(), position)
            .is_some()
        {
            reader.problem(
                &join(&index("allocations", position), "id"),
                ProblemKind::DuplicateId {
                    id: allocation.id.clone(),
                },
            );
        }
    }
    for (position, allocation) in allocations.iter().enumerate() {
        let Some(parent) = &allocation.parent else {
            continue;
        };
        let path = join(&index("allocations", position), "parent");
        if !position_of.contains_key(parent.as_str()) {
            reader.problem(&path, ProblemKind::UnknownParent { id: parent.clone() });
            continue;
        }
        // Walk up at most as many steps as there are allocations: a longer walk is a cycle.
        let mut current = Some(parent.as_str());
        let mut steps = 0;
        while let Some(id) = current {
            if id == allocation.id || steps > allocations.len() {
                reader.problem(&path, ProblemKind::ParentCycle);
                break;
            }
            steps += 1;
            current = position_of
                .get(id)
                .and_then(|&p| allocations[p].parent.as_deref());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Problem;
    use serde_json::json;

    fn valid() -> Value {
        json!({
            "format_version": 1,
            "year": 2016,
            "title": {"sv": "Stöd 2016", "en": "Support 2016"},
            "parties": ["Staten", "SKL"],
            "total": {"status": "stated", "kronor": 845000000, "source": "a"},
            "allocations": [
                {"id": "stimulus", "parent": null, "label": {"sv": "Stimulans", "en": "Stimulus"},
                 "recipient": "both", "purpose": "stimulus-funds",
                 "amount": {"status": "stated", "kronor": 780000000, "source": "a"}},
                {"id": "regions", "parent": "stimulus", "label": {"sv": "Regioner", "en": "Regions"},
                 "recipient": "regions", "purpose": "action-plans",
                 "amount": {"status": "derived", "kronor": 780000000, "how": {"sv": "x", "en": "x"}, "sources": ["a"]}}
            ],
            "sources": [{"id": "a", "publisher": "SKL", "title": "T", "url": "https://skr.se", "quote": "845 000 000 kronor"}]
        })
    }

    fn problems(value: &Value) -> Vec<Problem> {
        match parse_agreement(value.to_string(), &Limits::default()) {
            Err(LoadError::Invalid { problems, .. }) => problems,
            other => panic!("expected problems, got {other:?}"),
        }
    }

    fn paths(value: &Value) -> Vec<String> {
        problems(value)
            .into_iter()
            .map(|problem| problem.path)
            .collect()
    }

    #[test]
    fn a_valid_file_reads_into_the_model() {
        let agreement = parse_agreement(valid().to_string(), &Limits::default()).unwrap();
        assert_eq!(agreement.year, 2016);
        assert_eq!(agreement.total.value().exact(), Some(845_000_000));
        assert_eq!(agreement.allocations[1].parent.as_deref(), Some("stimulus"));
        assert_eq!(
            agreement
                .children(Some("stimulus"))
                .map(|a| a.id.as_str())
                .collect::<Vec<_>>(),
            ["regions"]
        );
    }

    #[test]
    fn a_negative_amount_is_named_by_its_path() {
        let mut value = valid();
        value["allocations"][1]["amount"]["kronor"] = json!(-5);
        let found = problems(&value);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].to_string(),
            "allocations[1].amount.kronor: must be a whole number of kronor ≥ 0"
        );
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut value = valid();
        value["year"] = json!("2016");
        value["title"]["en"] = json!("");
        value["allocations"][0]["recipient"] = json!("kommunerna");
        value["allocations"][1]["amount"]["kronor"] = json!(1.5);
        value["sources"][0]["url"] = json!("javascript:alert(1)");
        assert_eq!(
            paths(&value),
            [
                "year",
                "title.en",
                "sources[0].url",
                "allocations[0].recipient",
                "allocations[1].amount.kronor"
            ]
        );
    }

    #[test]
    fn missing_and_unknown_fields_are_named() {
        let mut value = valid();
        value.as_object_mut().unwrap().remove("total");
        value["allocations"][0]["amonut"] = json!(1);
        let found = problems(&value);
        assert!(found.contains(&Problem {
            path: "total".into(),
            kind: ProblemKind::Missing
        }));
        assert!(found.contains(&Problem {
            path: "allocations[0].amonut".into(),
            kind: ProblemKind::UnknownField
        }));
    }

    #[test]
    fn references_must_resolve() {
        let mut value = valid();
        value["total"]["source"] = json!("nowhere");
        value["allocations"][1]["parent"] = json!("nobody");
        let found = problems(&value);
        assert!(found.contains(&Problem {
            path: "total.source".into(),
            kind: ProblemKind::UnknownSource {
                id: "nowhere".into()
            }
        }));
        assert!(found.contains(&Problem {
            path: "allocations[1].parent".into(),
            kind: ProblemKind::UnknownParent {
                id: "nobody".into()
            }
        }));
    }

    #[test]
    fn duplicate_ids_and_parent_cycles_are_found() {
        let mut value = valid();
        value["allocations"][0]["parent"] = json!("regions");
        let found = problems(&value);
        assert!(found
            .iter()
            .any(|p| p.path == "allocations[0].parent" && p.kind == ProblemKind::ParentCycle));
        assert!(found
            .iter()
            .any(|p| p.path == "allocations[1].parent" && p.kind == ProblemKind::ParentCycle));

        let mut value = valid();
        value["allocations"][1]["id"] = json!("stimulus");
        value["allocations"][1]["parent"] = json!(null);
        assert_eq!(paths(&value), ["allocations[1].id"]);
    }

    #[test]
    fn disputed_needs_two_alternatives_each_with_a_source() {
        let mut value = valid();
        value["total"] =
            json!({"status": "disputed", "alternatives": [{"kronor": 1, "source": "a"}]});
        assert_eq!(problems(&value)[0].kind, ProblemKind::TooFewAlternatives);

        value["total"] = json!({"status": "disputed", "alternatives": [
            {"kronor": 696000000, "source": "a", "how": {"sv": "630 + 66", "en": "630 + 66"}},
            {"kronor": 844000000, "source": "a"}
        ]});
        let agreement = parse_agreement(value.to_string(), &Limits::default()).unwrap();
        assert_eq!(agreement.total.value().high(), Some(844_000_000));
    }

    #[test]
    fn a_figure_may_name_sources_that_confirm_it() {
        let mut value = valid();
        value["total"]["confirmed_by"] = json!(["a"]);
        let agreement = parse_agreement(value.to_string(), &Limits::default()).unwrap();
        assert_eq!(agreement.total.source_ids(), ["a", "a"]);
        value["total"]["confirmed_by"] = json!(["b"]);
        assert_eq!(paths(&value), ["total.confirmed_by[0]"]);
        value["total"]["confirmed_by"] = json!([]);
        assert_eq!(problems(&value)[0].kind, ProblemKind::EmptyList);
    }

    #[test]
    fn unsupported_format_version_is_explained() {
        let mut value = valid();
        value["format_version"] = json!(3);
        assert_eq!(
            problems(&value)[0].kind,
            ProblemKind::UnsupportedVersion { supported: 2 }
        );
        // Version 1 files still read: version 2 only adds optional fields.
        value["format_version"] = json!(1);
        assert!(parse_agreement(value.to_string(), &Limits::default()).is_ok());
    }

    #[test]
    fn the_number_as_written_must_be_in_the_quote_and_be_the_amount() {
        let mut value = valid();
        value["total"]["as_written"] = json!("845 000 000 kronor");
        value["total"]["quote"] = json!("För 2016 avsätter regeringen 845 000 000 kronor.");
        let agreement = parse_agreement(value.to_string(), &Limits::default()).unwrap();
        let Figure::Stated { words, .. } = &agreement.total else {
            panic!()
        };
        assert_eq!(words.as_written.as_deref(), Some("845 000 000 kronor"));
        value["total"]["quote"] = json!("För 2016 avsätter regeringen 845 miljoner.");
        assert_eq!(problems(&value)[0].kind, ProblemKind::NotInQuote);
        value["total"]["as_written"] = json!("854 miljoner");
        value["total"]["quote"] = json!("854 miljoner");
        assert_eq!(
            problems(&value)[0].kind,
            ProblemKind::WrittenAmountDiffers {
                written: 854_000_000
            }
        );
    }

    #[test]
    fn splits_of_which_inputs_and_sides_are_checked() {
        let mut value = valid();
        value["allocations"][1]["split"] = json!("recipient");
        value["allocations"].as_array_mut().unwrap().push(json!(
            {"id": "other", "parent": "stimulus", "label": {"sv": "x", "en": "x"}, "recipient": "both",
             "purpose": "unspecified", "amount": {"status": "unknown"}}));
        // One part of "stimulus" names its split, the other does not.
        assert_eq!(paths(&value), ["allocations[2].split"]);
        value["allocations"][2]["of_which"] = json!(true);
        assert!(parse_agreement(value.to_string(), &Limits::default()).is_ok());
        value["allocations"][2]["of_which"] = json!("yes");
        assert_eq!(paths(&value), ["allocations[2].of_which"]);
        value["allocations"][2]["of_which"] = json!(false);
        value["allocations"][2]["split"] = json!("purpose");
        value["allocations"][1]["amount"]["inputs"] = json!(["total", "nowhere"]);
        value["allocations"][2]["only_under"] = json!("total-x");
        assert_eq!(
            paths(&value),
            [
                "allocations[1].amount.inputs[1]",
                "allocations[2].only_under"
            ]
        );
    }

    #[test]
    fn fields_of_another_status_are_flagged() {
        let mut value = valid();
        value["total"] = json!({"status": "unknown", "kronor": 5});
        assert_eq!(paths(&value), ["total.kronor"]);
        value["total"] = json!({"status": "guessed"});
        assert_eq!(paths(&value), ["total.status"]);
    }

    #[test]
    fn too_many_allocations_are_refused_before_reading_them() {
        let mut value = valid();
        let limits = Limits {
            max_allocations: 1,
            ..Limits::default()
        };
        value["allocations"][1]["amount"]["kronor"] = json!(-1);
        let Err(LoadError::Invalid {
            problems: found, ..
        }) = parse_agreement(value.to_string(), &limits)
        else {
            panic!()
        };
        // Only the limit is reported: the items were never read.
        assert_eq!(
            found,
            [Problem {
                path: "allocations".into(),
                kind: ProblemKind::TooManyItems { max: 1 }
            }]
        );
    }

    #[test]
    fn non_objects_at_the_top_are_refused() {
        for text in ["[]", "null", "42", "\"x\""] {
            let Err(LoadError::Invalid {
                problems: found, ..
            }) = parse_agreement(text, &Limits::default())
            else {
                panic!("{text}")
            };
            assert_eq!(found[0].path, "");
        }
    }
}
