//! The crate's layers point only down (docs/architecture.md, "The layers"):
//! every path a module names (`use crate::…`, `crate::…` and `super::…` in
//! code) is an arrow to the module it names, and
//! - an arrow between two top-level modules goes to the same layer or one
//!   below, and the top-level modules of one layer form no circle;
//! - the files of one folder form no circle (the folder's `mod.rs` aside: it
//!   is the folder's face, which its files may use and which may use them).

use std::collections::{BTreeMap, BTreeSet};

use crate::source::SourceFile;

/// The layers, bottom first, and the top-level modules in each. A module
/// may use the modules of its own layer and of the layers below.
pub const LAYERS: &[(&str, &[&str])] = &[
    ("foundation", &["keyed", "user_text"]),
    ("language and the string table", &["i18n"]),
    ("numbers", &["format"]),
    ("data", &["model", "manifest", "reference"]),
    ("analysis", &["analysis"]),
    ("drawing", &["chart"]),
    ("state", &["state"]),
    ("catalog", &["catalog"]),
    ("messages", &["messages"]),
    ("views", &["view", "embed", "prerendered"]),
    ("open data", &["open_data"]),
    ("UI", &["ui"]),
];

/// Arrows that are allowed against the rules, each with its reason. None
/// today; one added here must say why it cannot point down.
pub const EXCEPTIONS: &[(&str, &str, &str)] = &[];

/// One module naming another.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Arrow {
    /// The module that names, as `chart::axis`.
    pub from: String,
    /// The module named.
    pub to: String,
    /// Where: `file:line`.
    pub at: String,
}

/// Every arrow between two modules of `files` (a path that names a module
/// not among them, or the module itself, is no arrow).
pub fn arrows(files: &[SourceFile]) -> Vec<Arrow> {
    let modules: BTreeSet<Vec<String>> = files.iter().map(|file| file.module.clone()).collect();
    let mut found = BTreeSet::new();
    for file in files {
        for (number, line) in file.code.lines().enumerate() {
            for path in named_paths(line, &file.module) {
                let Some(target) = (1..=path.len())
                    .rev()
                    .map(|length| path[..length].to_vec())
                    .find(|prefix| modules.contains(prefix))
                else {
                    continue;
                };
                // A module's own items and its folders' faces (`super::Type`
                // from a mod.rs above it) are no arrow.
                if !file.module.starts_with(&target[..]) {
                    found.insert(Arrow {
                        from: file.module.join("::"),
                        to: target.join("::"),
                        at: format!("{}:{}", file.file, number + 1),
                    });
                }
            }
        }
    }
    found.into_iter().collect()
}

/// The module paths a line of code names, made absolute: `crate::a::b` and
/// `super::c` (from the module `module`, whose parent `super` is).
fn named_paths(line: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    for start in ["crate::", "super::"] {
        let mut rest = line;
        while let Some(found) = rest.find(start) {
            let before = rest[..found].chars().next_back();
            let tail = &rest[found..];
            rest = &rest[found + start.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let mut path: Vec<String> = if start == "crate::" {
                Vec::new()
            } else {
                module[..module.len().saturating_sub(1)].to_vec()
            };
            let segments = tail[start.len()..]
                .split("::")
                .map(|segment| {
                    segment
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect::<String>()
                })
                .take_while(|segment| !segment.is_empty() && segment != "super");
            path.extend(segments);
            paths.push(path);
        }
    }
    paths
}

/// The layer of a top-level module, by its place in [`LAYERS`].
fn layer_of(top: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&top))
}

/// What breaks the rules: arrows up, circles, modules in no layer.
pub fn violations(arrows: &[Arrow], files: &[SourceFile]) -> Vec<String> {
    let allowed = |arrow: &Arrow| {
        EXCEPTIONS
            .iter()
            .any(|(from, to, _)| *from == arrow.from && *to == arrow.to)
    };
    let arrows: Vec<&Arrow> = arrows.iter().filter(|arrow| !allowed(arrow)).collect();
    let mut found = Vec::new();
    for file in files {
        if let Some(top) = file.module.first() {
            if layer_of(top).is_none() {
                found.push(format!(
                    "{}: the module {top} is in no layer of LAYERS",
                    file.file
                ));
            }
        }
    }
    for arrow in &arrows {
        let (from, to) = (top_of(&arrow.from), top_of(&arrow.to));
        if let (Some(low), Some(high)) = (layer_of(from), layer_of(to)) {
            if high > low {
                found.push(format!(
                    "{}: {} uses {}, which is in a layer above ({} above {})",
                    arrow.at, arrow.from, arrow.to, LAYERS[high].0, LAYERS[low].0
                ));
            }
        }
    }
    let mut by_folder: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    for arrow in &arrows {
        if let Some((folder, from, to)) = within_one_folder(&arrow.from, &arrow.to) {
            by_folder
                .entry(folder)
                .or_default()
                .push((from, to, arrow.at.clone()));
        }
    }
    for (folder, edges) in by_folder {
        let among = if folder.is_empty() {
            "the top-level modules".to_owned()
        } else {
            format!("the modules of {folder}")
        };
        found.extend(circles(&edges, &among));
    }
    found
}

fn top_of(module: &str) -> &str {
    module.split("::").next().unwrap_or_default()
}

/// The folder two modules meet in and the two of its modules they are in:
/// `ui::browser::fetch` and `ui::start` meet in `ui`, as `ui::browser` and
/// `ui::start`. None when one is the folder's face (its mod.rs).
fn within_one_folder(from: &str, to: &str) -> Option<(String, String, String)> {
    let (from, to): (Vec<&str>, Vec<&str>) = (from.split("::").collect(), to.split("::").collect());
    let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    if shared >= from.len() || shared >= to.len() {
        return None;
    }
    Some((
        from[..shared].join("::"),
        from[..=shared].join("::"),
        to[..=shared].join("::"),
    ))
}

/// Each circle among `edges` (from, to, where), as one line naming its
/// modules and the places of its arrows.
fn circles(edges: &[(String, String, String)], among: &str) -> Vec<String> {
    let mut graph: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (from, to, _) in edges {
        graph.entry(from).or_default().insert(to);
    }
    let reaches = |start: &str, goal: &str| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start];
        while let Some(node) = stack.pop() {
            if node == goal {
                return true;
            }
            if seen.insert(node) {
                stack.extend(graph.get(node).into_iter().flatten().copied());
            }
        }
        false
    };
    let mut reported = BTreeSet::new();
    let mut found = Vec::new();
    for (from, to, at) in edges {
        if reaches(to, from) && reported.insert((from.clone(), to.clone())) {
            found.push(format!(
                "{at}: {from} uses {to}, and {to} leads back to {from}: a circle among {among}"
            ));
        }
    }
    found
}
