//! Why a file could not be read, in words a visitor understands.

use thiserror::Error;

/// The kind of JSON value a place in the file must hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// `{ … }`
    Object,
    /// `[ … ]`
    Array,
    /// `"…"`
    Text,
    /// A whole number.
    WholeNumber,
    /// `true` or `false`.
    Boolean,
}

/// What is wrong at one place in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A required field is absent.
    Missing,
    /// The value has the wrong JSON type.
    WrongType(Expected),
    /// An amount is not a whole number of kronor ≥ 0.
    NotWholeKronor,
    /// An amount is larger than any plausible budget.
    AmountTooLarge {
        /// The largest accepted amount.
        max: u64,
    },
    /// A number is outside its range.
    OutOfRange {
        /// Smallest accepted.
        min: i64,
        /// Largest accepted.
        max: i64,
    },
    /// A value is not one of the accepted keys.
    NotAllowed {
        /// The accepted keys.
        allowed: &'static [&'static str],
    },
    /// A field the format does not have (often a misspelling).
    UnknownField,
    /// A text is empty.
    EmptyText,
    /// A text holds something that looks like HTML markup.
    Markup,
    /// A text is longer than the limit.
    TextTooLong {
        /// Limit in characters.
        max: usize,
    },
    /// A list has more items than the limit.
    TooManyItems {
        /// Limit in items.
        max: usize,
    },
    /// An id is not lowercase letters, digits and hyphens.
    BadId,
    /// An id is used twice.
    DuplicateId {
        /// The id.
        id: String,
    },
    /// A parent id that no allocation has.
    UnknownParent {
        /// The id.
        id: String,
    },
    /// Allocations whose parents lead back to themselves.
    ParentCycle,
    /// A source id that the file's `sources` does not list.
    UnknownSource {
        /// The id.
        id: String,
    },
    /// A disputed figure needs at least two alternatives.
    TooFewAlternatives,
    /// A list of sources is empty.
    EmptyList,
    /// A link that is not http(s).
    NotHttpUrl,
    /// An `inputs` entry names neither `total` nor an allocation.
    UnknownInput {
        /// The id named.
        id: String,
    },
    /// `only_under` names no alternative of a disputed total.
    UnknownAlternative {
        /// The id named.
        id: String,
    },
    /// The number as written does not occur in the quote.
    NotInQuote,
    /// The number as written reads as another amount than `kronor`.
    WrittenAmountDiffers {
        /// What the number as written reads as.
        written: u64,
    },
    /// A part lacks `split` although another part of the same parent has one.
    SplitMissing,
    /// The file is written in a format version this app does not read.
    UnsupportedVersion {
        /// The version this app reads.
        supported: u32,
    },
    /// The file's year differs from the year the manifest lists it under.
    YearMismatch {
        /// The manifest's year.
        expected: u16,
    },
    /// A key appears twice in one object (this is its second occurrence).
    DuplicateKey,
    /// A text holds a control character or a non-character (U+FFFE), which
    /// no label needs and which breaks the SVG and PNG downloads.
    ControlCharacter {
        /// The character's code point.
        code: u32,
    },
    /// A text holds a character that changes the direction of the text
    /// around it (U+202E and its kin): it could turn the app's own words
    /// and sums around.
    DirectionControl {
        /// The character's code point.
        code: u32,
    },
}

/// One problem in a file, with the JSON path where it is. It is an error
/// whose text is the English message (`Display` is with the messages, in
/// `crate::messages`, the layer that words this type).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where, as `allocations[3].amount.kronor`; empty for the whole file.
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

/// Why a whole file could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum LoadError {
    /// The file is larger than the limit; it was not parsed.
    #[error("the file is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// The file's size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The file is not valid JSON.
    #[error("JSON syntax error at line {line}, column {column}: {detail}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's own words (English).
        detail: String,
    },
    /// The JSON is nested deeper than any agreement file needs; reading stopped.
    #[error("the JSON is nested more than 128 levels deep (line {line}, column {column})")]
    TooDeep {
        /// 1-based line where the limit was reached.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The file starts with the byte-order mark (or the byte pattern) of an
    /// encoding other than UTF-8.
    #[error("the file is in {encoding}, not UTF-8")]
    WrongEncoding {
        /// The encoding, as `UTF-16 LE`.
        encoding: &'static str,
    },
    /// The bytes are not valid UTF-8.
    #[error("the file is not valid UTF-8: byte {offset} (line {line}, column {column})")]
    NotUtf8 {
        /// 0-based byte offset of the first invalid byte, in the file as given.
        offset: usize,
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
    },
    /// The file holds more JSON values than any agreement needs; it was not parsed.
    #[error("the file holds more than {max} JSON values")]
    TooManyValues {
        /// The limit.
        max: usize,
    },
    /// The file is JSON but breaks the format; the problems found are listed,
    /// the first [`MAX_PROBLEMS`] of them, and how many more there are.
    #[error("{} problem(s), first: {}", problems.len() + more, problems.first().map(|p| p.to_string()).unwrap_or_default())]
    Invalid {
        /// The problems kept, in the order found.
        problems: Vec<Problem>,
        /// How many more were found and not kept.
        more: usize,
    },
}

/// The most problems kept for one file: enough to fix a draft, few enough
/// that a hostile file cannot fill the memory or the page with them.
pub const MAX_PROBLEMS: usize = 100;

impl LoadError {
    /// A file refused for these problems (all kept, none more).
    pub fn invalid(problems: Vec<Problem>) -> Self {
        LoadError::Invalid { problems, more: 0 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_parsers_words_are_swedish_in_swedish() {
        let error = LoadError::Syntax {
            line: 1,
            column: 2,
            detail: "key must be a string".into(),
        };
        assert_eq!(
            error.messages(Lang::Sv)[0],
            "JSON-syntaxfel på rad 1, kolumn 2: filen är inte giltig JSON (en nyckel måste vara en sträng inom citattecken)"
        );
        assert!(error.messages(Lang::En)[0].ends_with("(key must be a string)"));
        // Every message serde_json gives for a broken file is in the table.
        for broken in super::super::scan::SYNTAX_ERRORS {
            let Err(LoadError::Syntax { detail, .. }) =
                super::super::reader::parse_json(broken.as_bytes(), &Default::default())
            else {
                panic!("{broken} parsed");
            };
            assert_ne!(
                crate::messages::syntax_detail(&detail, Lang::Sv),
                detail,
                "{broken}: {detail}"
            );
        }
    }

    #[test]
    fn problem_names_its_path_in_both_languages() {
        let problem = Problem {
            path: "allocations[3].amount.kronor".into(),
            kind: ProblemKind::NotWholeKronor,
        };
        assert_eq!(
            problem.message(Lang::En),
            "allocations[3].amount.kronor: must be a whole number of kronor ≥ 0"
        );
        assert_eq!(
            problem.message(Lang::Sv),
            "allocations[3].amount.kronor: måste vara ett helt antal kronor ≥ 0"
        );
        assert_eq!(problem.to_string(), problem.message(Lang::En));
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let error = LoadError::Syntax {
            line: 4,
            column: 17,
            detail: "expected value".into(),
        };
        assert!(error.messages(Lang::Sv)[0].starts_with("JSON-syntaxfel på rad 4, kolumn 17"));
        assert!(error.messages(Lang::En)[0].starts_with("JSON syntax error at line 4, column 17"));
    }
}
