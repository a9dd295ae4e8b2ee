//! Reads an agreement file into an [`Agreement`], reporting every problem.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::reader::{index, join, parse_json, Reader};
use super::{
    Agreement, Allocation, Alternative, Figure, Limits, LoadError, ProblemKind, Purpose, Recipient,
    Source,
};

/// The data format version this app reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// Reads and validates one agreement file.
///
/// Never panics, whatever `text` is. Returns every problem found, each with the
/// JSON path where it is; a syntax error gives line and column instead.
///
/// ```
/// use budget_explorer::model::{parse_agreement, Limits, LoadError};
/// let error = parse_agreement("{\"year\": 2016}", &Limits::default()).unwrap_err();
/// let LoadError::Invalid(problems) = error else { unreachable!() };
/// assert!(problems.iter().any(|p| p.path == "total"));
/// ```
pub fn parse_agreement(text: &str, limits: &Limits) -> Result<Agreement, LoadError> {
    let root = parse_json(text, limits)?;
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
];

fn read_agreement(reader: &mut Reader, root: &Value) -> Option<Agreement> {
    let object = reader.object(root, "", AGREEMENT_FIELDS)?;
    let mut references = Vec::new();

    let format_version = reader.format_version(object);
    let year = reader
        .required(object, "", "year")
        .and_then(|value| reader.whole_number(value, "year", 1990, 2100))
        .map(|year| year as u16);
    let title = reader
        .required(object, "", "title")
        .and_then(|value| reader.localized(value, "title"));
    let parties = reader
        .required(object, "", "parties")
        .and_then(|value| read_parties(reader, value));
    let sources = reader
        .required(object, "", "sources")
        .and_then(|value| read_sources(reader, value));
    let total = reader
        .required(object, "", "total")
        .and_then(|value| read_figure(reader, value, "total", &mut references));
    let allocations = reader
        .required(object, "", "allocations")
        .and_then(|value| read_allocations(reader, value, &mut references));
    let note = reader.optional_localized(object, "", "note");

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
    })
}

fn read_parties(reader: &mut Reader, value: &Value) -> Option<Vec<String>> {
    let max = reader.limits.max_list_items;
    let items = reader.array(value, "parties", max)?;
    let parties: Vec<Option<String>> = items
        .iter()
        .enumerate()
        .map(|(position, item)| reader.text(item, &index("parties", position)))
        .collect();
    parties.into_iter().collect()
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
    let object = reader.object(value, path, &["id", "publisher", "title", "url", "quote"])?;
    let id = reader
        .required(object, path, "id")
        .and_then(|v| reader.id(v, &join(path, "id")));
    let publisher = reader
        .required(object, path, "publisher")
        .and_then(|v| reader.text(v, &join(path, "publisher")));
    let title = reader
        .required(object, path, "title")
        .and_then(|v| reader.text(v, &join(path, "title")));
    let url = reader.optional(object, path, "url", Reader::http_url);
    let quote = reader.optional_text(object, path, "quote");
    Some(Source {
        id: id?,
        publisher: publisher?,
        title: title?,
        url: url?,
        quote,
    })
}

fn read_figure(
    reader: &mut Reader,
    value: &Value,
    path: &str,
    references: &mut Vec<SourceReference>,
) -> Option<Figure> {
    const STATUSES: &[&str] = &["stated", "derived", "disputed", "unknown"];
    // Read the status first: it decides which other fields belong.
    let status_value = value.as_object().and_then(|object| object.get("status"));
    let status = match status_value {
        Some(status) => reader.key(status, &join(path, "status"), STATUSES, |key| {
            STATUSES.iter().copied().find(|status| *status == key)
        }),
        None => {
            if value.is_object() {
                reader.problem(&join(path, "status"), ProblemKind::Missing);
            }
            None
        }
    };
    let allowed: &[&str] = match status {
        Some("stated") => &["status", "kronor", "source", "confirmed_by", "note"],
        Some("derived") => &["status", "kronor", "how", "sources", "note"],
        Some("disputed") => &["status", "alternatives", "note"],
        Some("unknown") => &["status", "note"],
        // Without a known status, any field could belong: do not flag them.
        _ => &[
            "status",
            "kronor",
            "source",
            "confirmed_by",
            "how",
            "sources",
            "alternatives",
            "note",
        ],
    };
    let object = reader.object(value, path, allowed)?;
    let note = reader.optional_localized(object, path, "note");
    match status? {
        "stated" => {
            let kronor = read_kronor(reader, object, path);
            let source = read_reference(reader, object, path, "source", references);
            let confirmed_by = match object.get("confirmed_by") {
                None | Some(Value::Null) => Some(Vec::new()),
                Some(_) => read_reference_list(reader, object, path, "confirmed_by", references),
            };
            Some(Figure::Stated {
                kronor: kronor?,
                source: source?,
                confirmed_by: confirmed_by?,
                note,
            })
        }
        "derived" => {
            let kronor = read_kronor(reader, object, path);
            let how = reader
                .required(object, path, "how")
                .and_then(|v| reader.localized(v, &join(path, "how")));
            let sources = read_reference_list(reader, object, path, "sources", references);
            Some(Figure::Derived {
                kronor: kronor?,
                how: how?,
                sources: sources?,
                note,
            })
        }
        "disputed" => {
            let alternatives = read_alternatives(reader, object, path, references);
            Some(Figure::Disputed {
                alternatives: alternatives?,
                note,
            })
        }
        _ => Some(Figure::Unknown { note }),
    }
}

fn read_kronor(reader: &mut Reader, object: &Map<String, Value>, path: &str) -> Option<u64> {
    reader
        .required(object, path, "kronor")
        .and_then(|v| reader.kronor(v, &join(path, "kronor")))
}

fn read_reference(
    reader: &mut Reader,
    object: &Map<String, Value>,
    path: &str,
    field: &str,
    references: &mut Vec<SourceReference>,
) -> Option<String> {
    let field_path = join(path, field);
    let id = reader
        .required(object, path, field)
        .and_then(|v| reader.id(v, &field_path))?;
    references.push(SourceReference {
        path: field_path,
        id: id.clone(),
    });
    Some(id)
}

fn read_reference_list(
    reader: &mut Reader,
    object: &Map<String, Value>,
    path: &str,
    field: &str,
    references: &mut Vec<SourceReference>,
) -> Option<Vec<String>> {
    let list_path = join(path, field);
    let max = reader.limits.max_list_items;
    let items = reader
        .required(object, path, field)
        .and_then(|v| reader.array(v, &list_path, max))?;
    if items.is_empty() {
        reader.problem(&list_path, ProblemKind::EmptyList);
        return None;
    }
    let ids: Vec<Option<String>> = items
        .iter()
        .enumerate()
        .map(|(position, item)| {
            let item_path = index(&list_path, position);
            let id = reader.id(item, &item_path)?;
            references.push(SourceReference {
                path: item_path,
                id: id.clone(),
            });
            Some(id)
        })
        .collect();
    ids.into_iter().collect()
}

fn read_alternatives(
    reader: &mut Reader,
    object: &Map<String, Value>,
    path: &str,
    references: &mut Vec<SourceReference>,
) -> Option<Vec<Alternative>> {
    let list_path = join(path, "alternatives");
    let max = reader.limits.max_list_items;
    let items = reader
        .required(object, path, "alternatives")
        .and_then(|v| reader.array(v, &list_path, max))?;
    if items.len() < 2 {
        reader.problem(&list_path, ProblemKind::TooFewAlternatives);
        return None;
    }
    let alternatives: Vec<Option<Alternative>> = items
        .iter()
        .enumerate()
        .map(|(position, item)| {
            let item_path = index(&list_path, position);
            let object = reader.object(item, &item_path, &["kronor", "source", "how"])?;
            let kronor = read_kronor(reader, object, &item_path);
            let source = read_reference(reader, object, &item_path, "source", references);
            let how = reader.optional_localized(object, &item_path, "how");
            Some(Alternative {
                kronor: kronor?,
                source: source?,
                how,
            })
        })
        .collect();
    alternatives.into_iter().collect()
}

fn read_allocations(
    reader: &mut Reader,
    value: &Value,
    references: &mut Vec<SourceReference>,
) -> Option<Vec<Allocation>> {
    let max = reader.limits.max_allocations;
    let items = reader.array(value, "allocations", max)?;
    let allocations: Vec<Option<Allocation>> = items
        .iter()
        .enumerate()
        .map(|(position, item)| {
            read_allocation(reader, item, &index("allocations", position), references)
        })
        .collect();
    let allocations: Option<Vec<Allocation>> = allocations.into_iter().collect();
    let allocations = allocations?;
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
        &["id", "parent", "label", "recipient", "purpose", "amount"],
    )?;
    let id = reader
        .required(object, path, "id")
        .and_then(|v| reader.id(v, &join(path, "id")));
    let parent = reader.optional(object, path, "parent", Reader::id);
    let label = reader
        .required(object, path, "label")
        .and_then(|v| reader.localized(v, &join(path, "label")));
    let recipient = reader.required(object, path, "recipient").and_then(|v| {
        reader.key(
            v,
            &join(path, "recipient"),
            Recipient::KEYS,
            Recipient::from_key,
        )
    });
    let purpose = reader
        .required(object, path, "purpose")
        .and_then(|v| reader.key(v, &join(path, "purpose"), Purpose::KEYS, Purpose::from_key));
    let amount = reader
        .required(object, path, "amount")
        .and_then(|v| read_figure(reader, v, &join(path, "amount"), references));
    Some(Allocation {
        id: id?,
        parent: parent?,
        label: label?,
        recipient: recipient?,
        purpose: purpose?,
        amount: amount?,
    })
}

/// Ids are unique, parents exist, and no allocation is its own ancestor.
fn check_tree(reader: &mut Reader, allocations: &[Allocation]) {
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
        match parse_agreement(&value.to_string(), &Limits::default()) {
            Err(LoadError::Invalid(problems)) => problems,
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
        let agreement = parse_agreement(&valid().to_string(), &Limits::default()).unwrap();
        assert_eq!(agreement.year, 2016);
        assert_eq!(agreement.total.value().exact(), Some(845_000_000));
        assert_eq!(agreement.allocations[1].parent.as_deref(), Some("stimulus"));
        assert_eq!(
            agreement
                .leaves()
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
        let agreement = parse_agreement(&value.to_string(), &Limits::default()).unwrap();
        assert_eq!(agreement.total.value().high(), Some(844_000_000));
    }

    #[test]
    fn a_figure_may_name_sources_that_confirm_it() {
        let mut value = valid();
        value["total"]["confirmed_by"] = json!(["a"]);
        let agreement = parse_agreement(&value.to_string(), &Limits::default()).unwrap();
        assert_eq!(agreement.total.source_ids(), ["a", "a"]);
        value["total"]["confirmed_by"] = json!(["b"]);
        assert_eq!(paths(&value), ["total.confirmed_by[0]"]);
        value["total"]["confirmed_by"] = json!([]);
        assert_eq!(problems(&value)[0].kind, ProblemKind::EmptyList);
    }

    #[test]
    fn unsupported_format_version_is_explained() {
        let mut value = valid();
        value["format_version"] = json!(2);
        assert_eq!(
            problems(&value)[0].kind,
            ProblemKind::UnsupportedVersion { supported: 1 }
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
        let Err(LoadError::Invalid(found)) = parse_agreement(&value.to_string(), &limits) else {
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
            let Err(LoadError::Invalid(found)) = parse_agreement(text, &Limits::default()) else {
                panic!("{text}")
            };
            assert_eq!(found[0].path, "");
        }
    }
}
