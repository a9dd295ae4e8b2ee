//! Strict reading of a file's bytes before any JSON value is built.
//!
//! Browsers and `serde_json` are lenient where a budget explorer must not be:
//! a browser decodes broken UTF-8 into replacement characters, and a JSON
//! object with the same key twice keeps the last one silently, so a file could
//! say two things while the visitor sees one. And a parser builds the whole
//! document before the format's limits can be checked, which for a hostile
//! file costs hundreds of megabytes of memory that WebAssembly never returns.
//!
//! So the bytes are checked first, in one pass that allocates little more
//! than the keys of the objects it is inside: encoding ([`decode`]), then
//! structure ([`check_structure`]): duplicate keys, list lengths, nesting and
//! the number of values. Syntax errors are left to `serde_json`, which names
//! them with line and column: the scan stops quietly where it cannot follow.

use std::collections::HashSet;

use super::error::MAX_PROBLEMS;
use super::json_path::{index, join};
use super::{Limits, LoadError, Problem, ProblemKind};

/// The deepest nesting read; deeper files are refused (as `serde_json` would).
pub const MAX_DEPTH: usize = 128;

/// The bytes as text: the size checked first, a UTF-8 byte-order mark
/// skipped, any other byte-order mark or invalid UTF-8 refused with the byte
/// offset where it is.
pub fn decode<'b>(bytes: &'b [u8], limits: &Limits) -> Result<&'b str, LoadError> {
    if bytes.len() > limits.max_bytes {
        return Err(LoadError::TooLarge {
            size: bytes.len(),
            limit: limits.max_bytes,
        });
    }
    let (mark, bytes) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    if let Some(encoding) = other_encoding(bytes) {
        return Err(LoadError::WrongEncoding { encoding });
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let offset = error.valid_up_to();
        let (line, column) = line_and_column(bytes, offset);
        LoadError::NotUtf8 {
            // Counted in the file as it was given, mark included.
            offset: offset + mark,
            line,
            column,
        }
    })
}

/// A byte-order mark or a byte pattern of an encoding other than UTF-8.
fn other_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0x00, 0x00, 0xFE, 0xFF, ..] => Some("UTF-32 BE"),
        [0xFF, 0xFE, 0x00, 0x00, ..] => Some("UTF-32 LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16 BE"),
        [0xFF, 0xFE, ..] => Some("UTF-16 LE"),
        // Without a mark: JSON starts with an ASCII character, so a zero byte
        // beside it is UTF-16 (or -32).
        [0x00, b, ..] if *b != 0 => Some("UTF-16 BE"),
        [b, 0x00, ..] if *b != 0 => Some("UTF-16 LE"),
        _ => None,
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_and_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    // Continuation bytes do not start a character.
    let column = before[line_start..]
        .iter()
        .filter(|&&b| b & 0xC0 != 0x80)
        .count()
        + 1;
    (line, column)
}

/// One open container while scanning.
enum Frame {
    Object {
        /// The keys seen so far in this object.
        keys: HashSet<String>,
        /// The key whose value is being read.
        current: String,
    },
    Array {
        /// Items seen so far.
        items: usize,
    },
}

/// Checks the structure of JSON text without building it: every key unique
/// in its object (a repeated key is named by the path of its second
/// occurrence), no list longer than the longest the format allows, at most
/// [`MAX_DEPTH`] levels and `limits.max_values` values in all. Stops quietly
/// at a syntax error, which the parser then reports.
pub fn check_structure(text: &str, limits: &Limits) -> Result<(), LoadError> {
    let mut scan = Scan {
        bytes: text.as_bytes(),
        position: 0,
        stack: Vec::new(),
        problems: Vec::new(),
        more: 0,
        values: 0,
        max_values: limits.max_values,
        max_items: limits.max_allocations.max(limits.max_list_items),
    };
    // Expecting a value (true) or what follows one (false).
    let mut want_value = true;
    loop {
        scan.position = skip_space(scan.bytes, scan.position);
        let Some(&byte) = scan.bytes.get(scan.position) else {
            break;
        };
        let next = if want_value {
            scan.value(byte)?
        } else {
            scan.after_value(byte)
        };
        match next {
            Next::Value => want_value = true,
            Next::AfterValue => want_value = false,
            Next::SyntaxError => break,
        }
    }
    if scan.problems.is_empty() {
        Ok(())
    } else {
        Err(LoadError::Invalid {
            problems: scan.problems,
            more: scan.more,
        })
    }
}

/// What a scan step leaves the scan expecting.
enum Next {
    /// A value: after `[`, `,` or a key.
    Value,
    /// What follows a value: `,` or the end of its container.
    AfterValue,
    /// Nothing: the text breaks JSON's syntax here, for the parser to name.
    SyntaxError,
}

/// A scan of JSON text under way: where it is, the containers open around
/// it, and what it found.
struct Scan<'a> {
    bytes: &'a [u8],
    position: usize,
    stack: Vec<Frame>,
    problems: Vec<Problem>,
    /// Problems found past [`MAX_PROBLEMS`], counted.
    more: usize,
    values: usize,
    max_values: usize,
    max_items: usize,
}

impl Scan<'_> {
    fn report(&mut self, path: String, kind: ProblemKind) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem { path, kind });
        } else {
            self.more += 1;
        }
    }

    /// Reads the value that starts with `byte`: a container is opened (an
    /// empty one is read whole), a string or a scalar skipped.
    fn value(&mut self, byte: u8) -> Result<Next, LoadError> {
        self.values += 1;
        if self.values > self.max_values {
            return Err(LoadError::TooManyValues {
                max: self.max_values,
            });
        }
        let end = match byte {
            b'{' | b'[' => return self.open(byte),
            b'"' => skip_string(self.bytes, self.position),
            _ => scalar_end(self.bytes, self.position),
        };
        match end {
            Some(end) => {
                self.position = end;
                Ok(Next::AfterValue)
            }
            None => Ok(Next::SyntaxError),
        }
    }

    /// Opens the object or list that starts with `byte`, and reads its
    /// first key.
    fn open(&mut self, byte: u8) -> Result<Next, LoadError> {
        if self.stack.len() >= MAX_DEPTH {
            let (line, column) = line_and_column(self.bytes, self.position);
            return Err(LoadError::TooDeep { line, column });
        }
        self.position += 1;
        let closing = if byte == b'{' { b'}' } else { b']' };
        let after = skip_space(self.bytes, self.position);
        if self.bytes.get(after) == Some(&closing) {
            // An empty container is one value.
            self.position = after + 1;
            return Ok(Next::AfterValue);
        }
        if byte == b'[' {
            self.stack.push(Frame::Array { items: 1 });
            return Ok(Next::Value);
        }
        let Some((key, end)) = read_key(self.bytes, self.position) else {
            return Ok(Next::SyntaxError);
        };
        self.position = end;
        let mut keys = HashSet::new();
        keys.insert(key.clone());
        self.stack.push(Frame::Object { keys, current: key });
        Ok(Next::Value)
    }

    /// After a value: a comma (counting a list's items, checking an
    /// object's next key), or the end of the container.
    fn after_value(&mut self, byte: u8) -> Next {
        match (byte, self.stack.last_mut()) {
            (b',', Some(Frame::Array { items })) => {
                *items += 1;
                if *items == self.max_items + 1 {
                    // The list's own path: its parents' frames.
                    let path = path_of(&self.stack[..self.stack.len() - 1]);
                    let max = self.max_items;
                    self.report(path, ProblemKind::TooManyItems { max });
                }
                self.position += 1;
                Next::Value
            }
            (b',', Some(Frame::Object { .. })) => {
                let Some((key, end)) = read_key(self.bytes, self.position + 1) else {
                    return Next::SyntaxError;
                };
                self.position = end;
                if let Some(Frame::Object { keys, current }) = self.stack.last_mut() {
                    let repeated = !keys.insert(key.clone());
                    *current = key;
                    if repeated {
                        let path = path_of(&self.stack);
                        self.report(path, ProblemKind::DuplicateKey);
                    }
                }
                Next::Value
            }
            (b']', Some(Frame::Array { .. })) | (b'}', Some(Frame::Object { .. })) => {
                self.stack.pop();
                self.position += 1;
                Next::AfterValue
            }
            _ => Next::SyntaxError,
        }
    }
}

/// Where a number or a word that starts at `position` ends: where the next
/// token starts. `None` when nothing is there to read.
fn scalar_end(bytes: &[u8], position: usize) -> Option<usize> {
    let end = bytes[position..]
        .iter()
        .position(|b| {
            matches!(
                b,
                b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t' | b':' | b'"' | b'{' | b'['
            )
        })
        .map_or(bytes.len(), |n| position + n);
    (end != position).then_some(end)
}

/// The JSON path of the value being read: `allocations[3].amount`.
fn path_of(stack: &[Frame]) -> String {
    let mut path = String::new();
    for frame in stack {
        path = match frame {
            Frame::Object { current, .. } => {
                let shown = crate::user_text::path_key(current);
                join(&path, &shown)
            }
            Frame::Array { items } => index(&path, items.saturating_sub(1)),
        };
    }
    path
}

fn skip_space(bytes: &[u8], mut position: usize) -> usize {
    while matches!(bytes.get(position), Some(b' ' | b'\n' | b'\r' | b'\t')) {
        position += 1;
    }
    position
}

/// The end (one past the closing quote) of the string starting at `start`.
fn skip_string(bytes: &[u8], start: usize) -> Option<usize> {
    let mut position = start + 1;
    loop {
        match bytes.get(position)? {
            b'"' => return Some(position + 1),
            b'\\' => position += 2,
            _ => position += 1,
        }
    }
}

/// A key, its colon, and the position after them; `None` at a syntax error.
fn read_key(bytes: &[u8], start: usize) -> Option<(String, usize)> {
    let start = skip_space(bytes, start);
    if bytes.get(start) != Some(&b'"') {
        return None;
    }
    let end = skip_string(bytes, start)?;
    // Decoded, so that "ye\u0061r" is the same key as "year".
    let key: String = serde_json::from_slice(&bytes[start..end]).ok()?;
    let colon = skip_space(bytes, end);
    (bytes.get(colon) == Some(&b':')).then_some((key, colon + 1))
}

/// Texts that break JSON's syntax, one way each, for the tests of the
/// scan (it leaves them to the parser) and of the parser's messages.
#[cfg(test)]
pub(crate) const SYNTAX_ERRORS: &[&str] = &[
    "{",
    "{\"a\" 1}",
    "[1 2]",
    "{a:1}",
    "[1,]",
    "{} x",
    "\"\\q\"",
    "[tru]",
    "\"abc",
    "}",
    "{\"a\":1,}",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(String, ProblemKind)> {
        match check_structure(text, &Limits::default()) {
            Ok(()) => Vec::new(),
            Err(LoadError::Invalid { problems, .. }) => {
                problems.into_iter().map(|p| (p.path, p.kind)).collect()
            }
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_repeated_key_is_named_by_the_path_of_its_second_occurrence() {
        assert_eq!(
            problems(r#"{"year": 2016, "title": {}, "year": 2017}"#),
            [("year".to_string(), ProblemKind::DuplicateKey)]
        );
        assert_eq!(
            problems(
                r#"{"allocations": [{"id": "a"}, {"id": "b", "amount": {"kronor": 1, "kronor": 2}}]}"#
            ),
            [(
                "allocations[1].amount.kronor".to_string(),
                ProblemKind::DuplicateKey
            )]
        );
        // Escapes are decoded before keys are compared.
        assert_eq!(problems(r#"{"year": 1, "ye\u0061r": 2}"#).len(), 1);
        // The same key in different objects is fine.
        assert!(problems(r#"[{"a": 1}, {"a": 2}, {"b": {"a": 3}, "a": 4}]"#).is_empty());
    }

    #[test]
    fn a_list_longer_than_the_format_allows_is_refused_before_it_is_built() {
        let limits = Limits::default();
        let long = format!(
            "{{\"sources\": [{}0]}}",
            "0,".repeat(limits.max_allocations)
        );
        assert_eq!(
            problems(&long),
            [(
                "sources".to_string(),
                ProblemKind::TooManyItems {
                    max: limits.max_allocations
                }
            )]
        );
        let fits = format!("[{}0]", "0,".repeat(limits.max_allocations - 1));
        assert!(problems(&fits).is_empty());
    }

    #[test]
    fn values_and_depth_are_bounded() {
        let limits = Limits {
            max_values: 10,
            ..Limits::default()
        };
        assert_eq!(
            check_structure("[[1,2,3],[4,5,6],[7,8,9]]", &limits),
            Err(LoadError::TooManyValues { max: 10 })
        );
        assert!(check_structure("[[1,2,3],[4,5,6]]", &limits).is_ok());
        let deep = "[".repeat(200);
        assert_eq!(
            check_structure(&deep, &Limits::default()),
            Err(LoadError::TooDeep {
                line: 1,
                column: 129
            })
        );
    }

    #[test]
    fn syntax_errors_are_left_to_the_parser() {
        for broken in SYNTAX_ERRORS {
            assert_eq!(
                check_structure(broken, &Limits::default()),
                Ok(()),
                "{broken}"
            );
        }
    }

    #[test]
    fn encodings_other_than_utf8_are_named_and_broken_bytes_located() {
        let limits = Limits::default();
        assert_eq!(decode(b"\xEF\xBB\xBF{}", &limits), Ok("{}"));
        assert_eq!(
            decode(b"\xFF\xFE{\x00}\x00", &limits),
            Err(LoadError::WrongEncoding {
                encoding: "UTF-16 LE"
            })
        );
        assert_eq!(
            decode(b"\x00{\x00}", &limits),
            Err(LoadError::WrongEncoding {
                encoding: "UTF-16 BE"
            })
        );
        assert_eq!(
            decode(b"{\n \"a\": \"\xE5\xE4\xF6\"}", &limits),
            Err(LoadError::NotUtf8 {
                offset: 9,
                line: 2,
                column: 8
            })
        );
        // The reported offset counts the mark, as the file does.
        assert_eq!(
            decode(b"\xEF\xBB\xBF\"\xC3\"", &limits),
            Err(LoadError::NotUtf8 {
                offset: 4,
                line: 1,
                column: 2
            })
        );
        let big = vec![b' '; limits.max_bytes + 1];
        assert!(
            matches!(decode(&big, &limits), Err(LoadError::TooLarge { size, .. }) if size == limits.max_bytes + 1)
        );
    }
}
