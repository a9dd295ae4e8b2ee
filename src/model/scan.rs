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
    let bytes = text.as_bytes();
    let max_items = limits.max_allocations.max(limits.max_list_items);
    let mut stack: Vec<Frame> = Vec::new();
    let mut problems: Vec<Problem> = Vec::new();
    let mut more = 0usize;
    let mut values = 0usize;
    let mut position = 0usize;
    let mut report = |problems: &mut Vec<Problem>, path: String, kind: ProblemKind| {
        if problems.len() < MAX_PROBLEMS {
            problems.push(Problem { path, kind });
        } else {
            more += 1;
        }
    };
    // Expecting a value (true) or what follows one (false).
    let mut want_value = true;
    loop {
        position = skip_space(bytes, position);
        let Some(&byte) = bytes.get(position) else {
            break;
        };
        if want_value {
            values += 1;
            if values > limits.max_values {
                return Err(LoadError::TooManyValues {
                    max: limits.max_values,
                });
            }
            match byte {
                b'{' | b'[' => {
                    if stack.len() >= MAX_DEPTH {
                        let (line, column) = line_and_column(bytes, position);
                        return Err(LoadError::TooDeep { line, column });
                    }
                    position += 1;
                    let closing = if byte == b'{' { b'}' } else { b']' };
                    let after = skip_space(bytes, position);
                    if bytes.get(after) == Some(&closing) {
                        // An empty container is one value.
                        position = after + 1;
                        want_value = false;
                        continue;
                    }
                    if byte == b'{' {
                        let Some((key, end)) = read_key(bytes, position) else {
                            break;
                        };
                        position = end;
                        let mut keys = HashSet::new();
                        keys.insert(key.clone());
                        stack.push(Frame::Object { keys, current: key });
                    } else {
                        stack.push(Frame::Array { items: 1 });
                    }
                    continue;
                }
                b'"' => match skip_string(bytes, position) {
                    Some(end) => position = end,
                    None => break,
                },
                _ => {
                    // A number or a word: its end is where the next token starts.
                    let end = bytes[position..]
                        .iter()
                        .position(|b| {
                            matches!(
                                b,
                                b',' | b']'
                                    | b'}'
                                    | b' '
                                    | b'\n'
                                    | b'\r'
                                    | b'\t'
                                    | b':'
                                    | b'"'
                                    | b'{'
                                    | b'['
                            )
                        })
                        .map_or(bytes.len(), |n| position + n);
                    if end == position {
                        break;
                    }
                    position = end;
                }
            }
            want_value = false;
            continue;
        }
        // After a value: a comma, or the end of the container.
        match (byte, stack.last_mut()) {
            (b',', Some(Frame::Array { items })) => {
                *items += 1;
                if *items == max_items + 1 {
                    // The list's own path: its parents' frames.
                    let path = path_of(&stack[..stack.len() - 1]);
                    report(
                        &mut problems,
                        path,
                        ProblemKind::TooManyItems { max: max_items },
                    );
                }
                position += 1;
                want_value = true;
            }
            (b',', Some(Frame::Object { .. })) => {
                let Some((key, end)) = read_key(bytes, position + 1) else {
                    break;
                };
                position = end;
                if let Some(Frame::Object { keys, current }) = stack.last_mut() {
                    let repeated = !keys.insert(key.clone());
                    *current = key;
                    if repeated {
                        let path = path_of(&stack);
                        report(&mut problems, path, ProblemKind::DuplicateKey);
                    }
                }
                want_value = true;
            }
            (b']', Some(Frame::Array { .. })) | (b'}', Some(Frame::Object { .. })) => {
                stack.pop();
                position += 1;
            }
            // Anything else is a syntax error, the parser's to name.
            _ => break,
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(LoadError::Invalid { problems, more })
    }
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
        for broken in [
            "{",
            "{\"a\" 1}",
            "[1 2]",
            "{a:1}",
            "[1,]",
            "\"abc",
            "}",
            "{\"a\":1,}",
        ] {
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
