//! The crate's source as these checks read it: every `.rs` file of `src/`
//! (the binaries aside) with its module path, its comments and the insides
//! of its string and character literals blanked, and its test-only code
//! (`#[cfg(test)]` items and files) left out. Lines keep their numbers.

use std::path::Path;

/// One source file, as the checks see it.
pub struct SourceFile {
    /// The path below `src/`, as `chart/axis.rs`.
    pub file: String,
    /// The module path, as `["chart", "axis"]`; `[]` for `lib.rs`.
    pub module: Vec<String>,
    /// The code without comments, literals and tests, line for line.
    pub code: String,
    /// The same with its tests.
    pub code_with_tests: String,
}

/// Every file of the crate's library below `root` (its `src/`); with
/// `with_test_files`, the files that hold only tests too.
pub fn library_files(root: &Path, with_test_files: bool) -> Vec<SourceFile> {
    let mut paths = Vec::new();
    collect_rust_files(root, &mut paths);
    let files: Vec<(String, String)> = paths
        .into_iter()
        .map(|path| {
            let file = path
                .strip_prefix(root)
                .expect("below src")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            (file, text)
        })
        .filter(|(file, _)| !file.starts_with("bin/") && file != "main.rs")
        .collect();
    let test_only = test_only_modules(&files);
    files
        .into_iter()
        .map(|(file, text)| SourceFile::new(file, &text))
        .filter(|source| with_test_files || !test_only.contains(&source.module))
        .collect()
}

impl SourceFile {
    /// A file at `file` (below `src/`) with this text.
    pub fn new(file: String, text: &str) -> SourceFile {
        let code_with_tests = blank_comments_and_literals(text);
        SourceFile {
            module: module_path(&file),
            code: without_tests(&code_with_tests),
            code_with_tests,
            file,
        }
    }
}

fn collect_rust_files(folder: &Path, into: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .expect("a readable folder")
        .map(|entry| entry.expect("a folder entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_rust_files(&path, into);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            into.push(path);
        }
    }
}

/// `chart/axis.rs` → `["chart", "axis"]`, `chart/mod.rs` → `["chart"]`.
pub fn module_path(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_owned)
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The modules declared as `#[cfg(test)] mod name;`: whole files of tests.
fn test_only_modules(files: &[(String, String)]) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for (file, text) in files {
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for pair in lines.windows(2) {
            let declared = pair[1]
                .strip_prefix("mod ")
                .or_else(|| pair[1].strip_prefix("pub mod "))
                .and_then(|rest| rest.strip_suffix(';'));
            if let (true, Some(name)) = (pair[0] == "#[cfg(test)]", declared) {
                let mut module = module_path(file);
                module.push(name.to_owned());
                found.push(module);
            }
        }
    }
    found
}

/// The text with comments and the insides of string and character
/// literals replaced by spaces (newlines kept), so that a brace or a path
/// in a literal or a comment is not read as code.
pub fn blank_comments_and_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    while at < chars.len() {
        let end = literal_or_comment_end(&chars, at);
        if end == at {
            out.push(chars[at]);
            at += 1;
        } else {
            out.extend(
                chars[at..end]
                    .iter()
                    .map(|&c| if c == '\n' { '\n' } else { ' ' }),
            );
            at = end;
        }
    }
    out
}

/// Where the comment or literal that starts at `at` ends, or `at` if none
/// starts there.
fn literal_or_comment_end(chars: &[char], at: usize) -> usize {
    let rest = |offset: usize| chars.get(at + offset).copied();
    let previous_is_word = at > 0 && (chars[at - 1].is_alphanumeric() || chars[at - 1] == '_');
    match (chars[at], rest(1)) {
        ('/', Some('/')) => position_of(chars, at, "\n").unwrap_or(chars.len()),
        ('/', Some('*')) => position_of(chars, at + 2, "*/").map_or(chars.len(), |end| end + 2),
        ('"', _) => quoted_end(chars, at + 1, '"'),
        ('r', Some('"' | '#')) if !previous_is_word => raw_string_end(chars, at).unwrap_or(at),
        ('b', Some('"')) if !previous_is_word => quoted_end(chars, at + 2, '"'),
        ('\'', Some('\\')) => quoted_end(chars, at + 1, '\''),
        // A character literal like '{'; otherwise a lifetime ('a), left as code.
        ('\'', Some(_)) if rest(2) == Some('\'') => at + 3,
        _ => at,
    }
}

fn position_of(chars: &[char], from: usize, needle: &str) -> Option<usize> {
    let needle: Vec<char> = needle.chars().collect();
    (from..chars.len()).find(|&start| chars[start..].starts_with(&needle))
}

/// The end of a literal whose body starts at `from`, with `\` escapes.
fn quoted_end(chars: &[char], mut from: usize, quote: char) -> usize {
    while from < chars.len() {
        match chars[from] {
            '\\' => from += 2,
            c if c == quote => return from + 1,
            _ => from += 1,
        }
    }
    chars.len()
}

/// The end of `r"…"` or `r#"…"#`, if a raw string starts at `at`.
fn raw_string_end(chars: &[char], at: usize) -> Option<usize> {
    let hashes = chars[at + 1..].iter().take_while(|&&c| c == '#').count();
    if chars.get(at + 1 + hashes) != Some(&'"') {
        return None;
    }
    let closing: String = std::iter::once('"')
        .chain(std::iter::repeat_n('#', hashes))
        .collect();
    position_of(chars, at + 2 + hashes, &closing).map(|end| end + closing.len())
}

/// The code without its `#[cfg(test)]` items (a `mod tests { … }` block or
/// a one-line item); their lines stay, blank.
pub fn without_tests(code: &str) -> String {
    let mut out = Vec::new();
    let mut skipping: Option<i32> = None;
    let mut lines = code.lines().peekable();
    while let Some(line) = lines.next() {
        if let Some(depth) = skipping.as_mut() {
            *depth += braces(line);
            if *depth <= 0 {
                skipping = None;
            }
            out.push("");
            continue;
        }
        if line.trim() == "#[cfg(test)]" {
            out.push("");
            if let Some(next) = lines.next() {
                out.push("");
                let depth = braces(next);
                if depth > 0 {
                    skipping = Some(depth);
                }
            }
            continue;
        }
        out.push(line);
    }
    out.join("\n")
}

/// Opening minus closing braces on a line of blanked code.
pub fn braces(line: &str) -> i32 {
    line.chars()
        .map(|c| match c {
            '{' => 1,
            '}' => -1,
            _ => 0,
        })
        .sum()
}

#[test]
fn comments_literals_and_tests_are_not_code() {
    let text = "use crate::a; // crate::b\nlet s = \"crate::c {\";\nlet c = '{';\n/* crate::d */\nfn f<'a>() {}\n#[cfg(test)]\nmod tests {\n    use crate::e;\n}\nuse crate::f;\n";
    let code = without_tests(&blank_comments_and_literals(text));
    assert!(code.contains("crate::a") && code.contains("crate::f"));
    for hidden in ["crate::b", "crate::c", "crate::d", "crate::e"] {
        assert!(!code.contains(hidden), "{hidden} is not code");
    }
    assert_eq!(
        code.lines().count(),
        text.lines().count(),
        "lines keep their numbers"
    );
    assert!(code.contains("fn f<'a>() {}"), "a lifetime is code");
    let raw = blank_comments_and_literals("let r = r#\"a \"}\" b\"#; x");
    assert!(raw.ends_with("; x") && !raw.contains('}'));
}
