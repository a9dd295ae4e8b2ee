//! Walks a parsed JSON value and collects every problem with its path, so a
//! file's author sees all that is wrong at once, not just the first thing.

use serde_json::{Map, Value};

use super::error::MAX_PROBLEMS;
use super::json_path::{index, join};
use super::{scan, Expected, LoadError, Localized, Problem, ProblemKind};
use crate::user_text;

/// Limits that keep a hostile or broken file from costing more than a glance.
/// Each is checked before the work it guards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest file in bytes; larger files are not parsed at all.
    pub max_bytes: usize,
    /// Most allocations in one agreement.
    pub max_allocations: usize,
    /// Most items in other lists (sources, parties, alternatives).
    pub max_list_items: usize,
    /// Longest text, in characters.
    pub max_text_chars: usize,
    /// Largest amount in kronor: far above any budget, low enough that sums
    /// of `max_allocations` amounts cannot overflow.
    pub max_kronor: u64,
    /// Most JSON values in one file, counted before any is built: a valid
    /// file of `max_allocations` allocations has about a tenth of this.
    pub max_values: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 5 * 1024 * 1024,
            max_allocations: 2_000,
            max_list_items: 500,
            max_text_chars: 5_000,
            max_kronor: 1_000_000_000_000_000,
            max_values: 200_000,
        }
    }
}

impl Limits {
    /// Refuses a file of `size` bytes over the limit, before it is read.
    pub fn check_size(&self, size: u64) -> Result<(), LoadError> {
        if size > self.max_bytes as u64 {
            return Err(LoadError::TooLarge {
                size: usize::try_from(size).unwrap_or(usize::MAX),
                limit: self.max_bytes,
            });
        }
        Ok(())
    }
}

/// Parses a file's bytes as JSON, strictly: size, encoding and structure
/// (duplicate keys, list lengths, nesting, number of values) are checked
/// before a value is built (see [`super::scan`]); a syntax error names line
/// and column.
pub(crate) fn parse_json(bytes: &[u8], limits: &Limits) -> Result<Value, LoadError> {
    let text = scan::decode(bytes, limits)?;
    scan::check_structure(text, limits)?;
    serde_json::from_str(text).map_err(|error| {
        // serde_json appends " at line L column C" to its message; we report those apart.
        if full_is_depth(&error) {
            return LoadError::TooDeep {
                line: error.line(),
                column: error.column(),
            };
        }
        let full = error.to_string();
        let detail = match full.rsplit_once(" at line ") {
            Some((detail, _)) => detail.to_string(),
            None => full,
        };
        LoadError::Syntax {
            line: error.line(),
            column: error.column(),
            detail,
        }
    })
}

/// Whether serde_json stopped at its nesting limit (128 levels).
fn full_is_depth(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("recursion limit exceeded")
}

/// Collects problems while reading: the first [`MAX_PROBLEMS`], then only
/// their number, so a file with a million mistakes costs no more than one
/// with a hundred.
pub(crate) struct Reader {
    pub problems: Vec<Problem>,
    /// Problems found beyond the first [`MAX_PROBLEMS`].
    pub more: usize,
    pub limits: Limits,
}

impl Reader {
    pub fn new(limits: Limits) -> Self {
        Reader {
            problems: Vec::new(),
            more: 0,
            limits,
        }
    }

    pub fn problem(&mut self, path: &str, kind: ProblemKind) {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem {
                path: path.to_string(),
                kind,
            });
        } else {
            self.more += 1;
        }
    }

    /// Ends reading: the value if nothing was wrong, else the problems.
    pub fn finish<T>(self, value: Option<T>) -> Result<T, LoadError> {
        match value {
            Some(value) if self.problems.is_empty() => Ok(value),
            _ => Err(LoadError::Invalid {
                problems: self.problems,
                more: self.more,
            }),
        }
    }

    /// An object whose fields are all among `allowed`.
    pub fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        allowed: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(object) = value.as_object() else {
            self.problem(path, ProblemKind::WrongType(Expected::Object));
            return None;
        };
        for name in object.keys() {
            if !allowed.contains(&name.as_str()) {
                // The name is the user's text: it goes into the path, which is only ever shown as text.
                let shown = user_text::path_key(name);
                self.problem(&join(path, &shown), ProblemKind::UnknownField);
            }
        }
        Some(object)
    }

    /// The required `format_version`, which must be the one this app reads.
    pub fn format_version(&mut self, object: &Map<String, Value>) -> Option<u32> {
        let supported = super::FORMAT_VERSION;
        let value = self.required(object, "", "format_version")?;
        let version = self.whole_number(value, "format_version", 0, i64::from(u32::MAX))?;
        if !(1..=i64::from(supported)).contains(&version) {
            self.problem(
                "format_version",
                ProblemKind::UnsupportedVersion { supported },
            );
            return None;
        }
        u32::try_from(version).ok()
    }

    /// A required field.
    pub fn required<'v>(
        &mut self,
        object: &'v Map<String, Value>,
        path: &str,
        name: &str,
    ) -> Option<&'v Value> {
        let value = object.get(name);
        if value.is_none() {
            self.problem(&join(path, name), ProblemKind::Missing);
        }
        value
    }

    /// A required field read with `read` (at its own path, `path.name`).
    pub fn field<'v, T>(
        &mut self,
        object: &'v Map<String, Value>,
        path: &str,
        name: &str,
        read: impl FnOnce(&mut Reader, &'v Value, &str) -> Option<T>,
    ) -> Option<T> {
        let value = self.required(object, path, name)?;
        read(self, value, &join(path, name))
    }

    /// Reads each item of a list with `read`, at its own path (`list[3]`),
    /// every one of them so that every problem is found: the items, or
    /// `None` when any failed.
    pub fn each<T>(
        &mut self,
        items: &[Value],
        list_path: &str,
        mut read: impl FnMut(&mut Reader, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let read: Vec<Option<T>> = items
            .iter()
            .enumerate()
            .map(|(position, item)| read(self, item, &index(list_path, position)))
            .collect();
        read.into_iter().collect()
    }

    /// A list of at most `max` items.
    pub fn array<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        max: usize,
    ) -> Option<&'v Vec<Value>> {
        let Some(items) = value.as_array() else {
            self.problem(path, ProblemKind::WrongType(Expected::Array));
            return None;
        };
        if items.len() > max {
            self.problem(path, ProblemKind::TooManyItems { max });
            return None;
        }
        Some(items)
    }

    /// A non-empty text within the length limit.
    pub fn text(&mut self, value: &Value, path: &str) -> Option<String> {
        let Some(text) = value.as_str() else {
            self.problem(path, ProblemKind::WrongType(Expected::Text));
            return None;
        };
        if !user_text::has_visible(text) {
            self.problem(path, ProblemKind::EmptyText);
            return None;
        }
        if let Some(c) = text.chars().find(|&c| user_text::is_forbidden_control(c)) {
            self.problem(path, ProblemKind::ControlCharacter { code: c as u32 });
            return None;
        }
        if let Some(c) = text.chars().find(|&c| user_text::is_direction_control(c)) {
            self.problem(path, ProblemKind::DirectionControl { code: c as u32 });
            return None;
        }
        if looks_like_markup(text) {
            self.problem(path, ProblemKind::Markup);
            return None;
        }
        let max = self.limits.max_text_chars;
        if text.chars().count() > max {
            self.problem(path, ProblemKind::TextTooLong { max });
            return None;
        }
        Some(text.to_string())
    }

    /// `true` or `false`.
    pub fn boolean(&mut self, value: &Value, path: &str) -> Option<bool> {
        let flag = value.as_bool();
        if flag.is_none() {
            self.problem(path, ProblemKind::WrongType(Expected::Boolean));
        }
        flag
    }

    /// An optional text field (absent or null: `None`, without a problem).
    pub fn optional_text(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        name: &str,
    ) -> Option<String> {
        self.optional(object, path, name, Reader::text).flatten()
    }

    /// An optional field read with `read`: `Some(None)` when absent or null,
    /// `Some(Some(value))` when valid, `None` when present but invalid (the
    /// problem is recorded).
    pub fn optional<T>(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        name: &str,
        read: impl FnOnce(&mut Reader, &Value, &str) -> Option<T>,
    ) -> Option<Option<T>> {
        match object.get(name) {
            None | Some(Value::Null) => Some(None),
            Some(value) => read(self, value, &join(path, name)).map(Some),
        }
    }

    /// `{"sv": "…", "en": "…"}`.
    pub fn localized(&mut self, value: &Value, path: &str) -> Option<Localized> {
        let object = self.object(value, path, &["sv", "en"])?;
        let sv = self.field(object, path, "sv", Reader::text);
        let en = self.field(object, path, "en", Reader::text);
        Some(Localized { sv: sv?, en: en? })
    }

    /// An optional localized field.
    pub fn optional_localized(
        &mut self,
        object: &Map<String, Value>,
        path: &str,
        name: &str,
    ) -> Option<Localized> {
        self.optional(object, path, name, Reader::localized)
            .flatten()
    }

    /// A whole number in `min..=max`.
    pub fn whole_number(&mut self, value: &Value, path: &str, min: i64, max: i64) -> Option<i64> {
        let number = match value {
            Value::Number(number) => number.as_i64().or_else(|| {
                number
                    .as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                    .map(|f| f as i64)
            }),
            _ => None,
        };
        let Some(number) = number else {
            self.problem(path, ProblemKind::WrongType(Expected::WholeNumber));
            return None;
        };
        if number < min || number > max {
            self.problem(path, ProblemKind::OutOfRange { min, max });
            return None;
        }
        Some(number)
    }

    /// A whole, non-negative number of kronor within the limit.
    pub fn kronor(&mut self, value: &Value, path: &str) -> Option<u64> {
        let kronor = match value {
            Value::Number(number) => number.as_u64().or_else(|| {
                number
                    .as_f64()
                    .filter(|f| *f >= 0.0 && f.fract() == 0.0 && *f <= u64::MAX as f64)
                    .map(|f| f as u64)
            }),
            _ => None,
        };
        let Some(kronor) = kronor else {
            self.problem(path, ProblemKind::NotWholeKronor);
            return None;
        };
        let max = self.limits.max_kronor;
        if kronor > max {
            self.problem(path, ProblemKind::AmountTooLarge { max });
            return None;
        }
        Some(kronor)
    }

    /// A key from a fixed list, read with `from_key`.
    pub fn key<T>(
        &mut self,
        value: &Value,
        path: &str,
        allowed: &'static [&'static str],
        from_key: fn(&str) -> Option<T>,
    ) -> Option<T> {
        let Some(text) = value.as_str() else {
            self.problem(path, ProblemKind::WrongType(Expected::Text));
            return None;
        };
        let parsed = from_key(text);
        if parsed.is_none() {
            self.problem(path, ProblemKind::NotAllowed { allowed });
        }
        parsed
    }

    /// An id: lowercase ASCII letters, digits and hyphens, 1–80 characters.
    pub fn id(&mut self, value: &Value, path: &str) -> Option<String> {
        let Some(text) = value.as_str() else {
            self.problem(path, ProblemKind::WrongType(Expected::Text));
            return None;
        };
        let valid = !text.is_empty()
            && text.len() <= 80
            && text
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !valid {
            self.problem(path, ProblemKind::BadId);
            return None;
        }
        Some(text.to_string())
    }

    /// An http(s) address.
    pub fn http_url(&mut self, value: &Value, path: &str) -> Option<String> {
        let url = self.text(value, path)?;
        if !is_http_url(&url) {
            self.problem(path, ProblemKind::NotHttpUrl);
            return None;
        }
        Some(url)
    }
}

/// Whether a text holds what a browser would read as a tag: `<` followed by a
/// letter, `/`, `!` or `?`. Texts are only ever shown as text, but markup in
/// an agreement file is a mistake or an attack, and is refused.
pub fn looks_like_markup(text: &str) -> bool {
    text.as_bytes().windows(2).any(|pair| {
        pair[0] == b'<' && (pair[1].is_ascii_alphabetic() || matches!(pair[1], b'/' | b'!' | b'?'))
    })
}

/// Whether `url` is an absolute http(s) address with a host: the only kind of
/// address a file may turn into a link.
pub fn is_http_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !url.chars().any(|c| c.is_control() || c.is_whitespace())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_http_addresses_with_a_host_are_links() {
        assert!(is_http_url("https://www.skr.se/a?b=c"));
        assert!(is_http_url("http://example.org"));
        assert!(!is_http_url("javascript:alert(1)"));
        assert!(!is_http_url("JaVaScRiPt:alert(1)"));
        assert!(!is_http_url("data:text/html,<script>"));
        assert!(!is_http_url("https://"));
        assert!(!is_http_url("https://a b"));
        assert!(!is_http_url("//evil.example"));
    }

    #[test]
    fn markup_in_texts_is_refused_but_comparisons_are_fine() {
        assert!(looks_like_markup("<script>alert(1)</script>"));
        assert!(looks_like_markup("a <img src=x onerror=alert(1)>"));
        assert!(looks_like_markup("<!-- x -->"));
        assert!(!looks_like_markup("mindre än 5 < 6 och 7 > 3"));
        assert!(!looks_like_markup("<3"));
        let mut reader = Reader::new(Limits::default());
        assert_eq!(reader.text(&json!("<b>fet</b>"), "title.sv"), None);
        assert_eq!(reader.problems[0].kind, ProblemKind::Markup);
    }

    #[test]
    fn kronor_must_be_whole_and_not_negative() {
        let mut reader = Reader::new(Limits::default());
        assert_eq!(reader.kronor(&json!(845000000), "a"), Some(845_000_000));
        assert_eq!(reader.kronor(&json!(845000000.0), "a"), Some(845_000_000));
        assert_eq!(reader.kronor(&json!(-1), "b"), None);
        assert_eq!(reader.kronor(&json!(1.5), "c"), None);
        assert_eq!(reader.kronor(&json!("845"), "d"), None);
        assert_eq!(reader.kronor(&json!(1e18), "e"), None);
        let paths: Vec<_> = reader.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["b", "c", "d", "e"]);
        assert_eq!(
            reader.problems[3].kind,
            ProblemKind::AmountTooLarge {
                max: 1_000_000_000_000_000
            }
        );
    }

    #[test]
    fn size_is_checked_before_parsing() {
        let limits = Limits {
            max_bytes: 10,
            ..Limits::default()
        };
        assert_eq!(
            parse_json(b"[1, 2, 3, 4, 5]", &limits),
            Err(LoadError::TooLarge {
                size: 15,
                limit: 10
            })
        );
    }

    #[test]
    fn syntax_errors_carry_line_and_column_apart_from_the_detail() {
        let error = parse_json(b"{\n  \"year\": ,\n}", &Limits::default()).unwrap_err();
        match error {
            LoadError::Syntax {
                line,
                column,
                detail,
            } => {
                assert_eq!((line, column), (2, 11));
                assert_eq!(detail, "expected value");
            }
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn deeply_nested_input_is_refused_not_a_stack_overflow() {
        let text = "[".repeat(100_000);
        assert_eq!(
            parse_json(text.as_bytes(), &Limits::default()),
            Err(LoadError::TooDeep {
                line: 1,
                column: 129
            })
        );
    }
}
