//! No function is longer than a screen (about 80 lines), outside flat match
//! tables: a long function is split along its concepts, so each part can be
//! read, named and tested on its own.

use crate::source::{braces, SourceFile};

/// The most lines a function may have, its signature and closing brace
/// included.
pub const MAX_LINES: usize = 80;

/// Functions that are flat tables (one `match` with an arm a case, or a
/// list of cases) and may be longer, each with why splitting it would not
/// help a reader.
pub const FLAT_TABLES: &[(&str, &str)] = &[
    (
        "messages/errors.rs: ProblemKind::message",
        "one arm a kind of problem, each a sentence in two languages",
    ),
    (
        "messages/notices.rs: Notice::message",
        "one arm a notice, each a sentence in two languages",
    ),
    (
        "messages/findings.rs: Finding::message",
        "one arm a kind of finding, each a sentence in two languages",
    ),
];

/// A function and its length.
#[derive(Debug, PartialEq, Eq)]
pub struct Function {
    /// `file: name`, or `file: Type::name` for a method, as in [`FLAT_TABLES`].
    pub name: String,
    /// Where it starts: `file:line`.
    pub at: String,
    /// Its lines, from `fn` to its closing brace.
    pub lines: usize,
}

/// Every function with a body in `file`, its tests' too.
pub fn functions(file: &SourceFile) -> Vec<Function> {
    let lines: Vec<&str> = file.code_with_tests.lines().collect();
    let mut found = Vec::new();
    let mut within: Option<String> = None;
    for (start, line) in lines.iter().enumerate() {
        if !line.starts_with(' ') && !line.trim().is_empty() {
            within = implemented_type(line);
        }
        let Some(name) = function_name(line) else {
            continue;
        };
        let name = match (&within, line.starts_with(' ')) {
            (Some(type_name), true) => format!("{type_name}::{name}"),
            _ => name,
        };
        if let Some(end) = body_end(&lines, start) {
            found.push(Function {
                name: format!("{}: {name}", file.file),
                at: format!("{}:{}", file.file, start + 1),
                lines: end - start + 1,
            });
        }
    }
    found
}

/// The type an `impl` line is for: `impl<'a> Scan<'a> {` → `Scan`,
/// `impl fmt::Display for Problem {` → `Problem`.
fn implemented_type(line: &str) -> Option<String> {
    let rest = line.strip_prefix("impl")?;
    let rest = rest.rsplit(" for ").next().unwrap_or(rest);
    let rest = if rest.starts_with('<') {
        rest.split_once('>').map_or(rest, |(_, after)| after)
    } else {
        rest
    };
    let path: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
        .collect();
    let name = path.rsplit("::").next().unwrap_or_default().to_owned();
    (!name.is_empty()).then_some(name)
}

/// The name of the function a line declares, if it declares one.
fn function_name(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|word| *word == "fn")?;
    let qualifiers_only = words[..at].iter().all(|word| {
        matches!(*word, "pub" | "const" | "async" | "unsafe" | "extern") || word.starts_with("pub(")
    });
    let name: String = words
        .get(at + 1)?
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (qualifiers_only && !name.is_empty()).then_some(name)
}

/// The line of the brace that closes the body opened after `start`; None
/// for a declaration without a body (`fn f();`).
fn body_end(lines: &[&str], start: usize) -> Option<usize> {
    let mut depth = 0;
    let mut opened = false;
    for (number, line) in lines.iter().enumerate().skip(start) {
        if !opened && line.contains(';') && !line.contains('{') {
            return None;
        }
        depth += braces(line);
        opened |= line.contains('{');
        if opened && depth <= 0 {
            return Some(number);
        }
    }
    None
}

/// The functions over [`MAX_LINES`] that are not listed flat tables.
pub fn too_long(files: &[SourceFile]) -> Vec<String> {
    files
        .iter()
        .flat_map(functions)
        .filter(|function| function.lines > MAX_LINES)
        .filter(|function| !FLAT_TABLES.iter().any(|(name, _)| *name == function.name))
        .map(|function| {
            format!(
                "{}: {} lines ({})",
                function.at, function.lines, function.name
            )
        })
        .collect()
}
