//! Why a file could not be read, in words a visitor understands.

use thiserror::Error;

use crate::format::{self, Scale};
use crate::i18n::Lang;

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

impl Expected {
    fn describe(self, lang: Lang) -> &'static str {
        match self {
            Expected::Object => lang.pick("ett objekt { … }", "an object { … }"),
            Expected::Array => lang.pick("en lista [ … ]", "a list [ … ]"),
            Expected::Text => lang.pick("en text inom citattecken", "a text in quotes"),
            Expected::WholeNumber => lang.pick("ett heltal", "a whole number"),
            Expected::Boolean => lang.pick("true eller false", "true or false"),
        }
    }
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

/// One problem in a file, with the JSON path where it is.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{path}: {}", kind.message(Lang::En))]
pub struct Problem {
    /// Where, as `allocations[3].amount.kronor`; empty for the whole file.
    pub path: String,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// The problem as one line in `lang`: the path, then what is wrong.
    pub fn message(&self, lang: Lang) -> String {
        let place = if self.path.is_empty() {
            lang.pick("filen", "the file").to_string()
        } else {
            // A path can hold a key from the file: isolated, it cannot turn the line around.
            crate::user_text::isolate(&self.path)
        };
        format!("{place}: {}", self.kind.message(lang))
    }
}

impl ProblemKind {
    /// What is wrong and what is expected, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ProblemKind::Missing => lang
                .pick("saknas men måste finnas", "is missing but required")
                .into(),
            ProblemKind::WrongType(expected) => {
                format!(
                    "{} {}",
                    lang.pick("måste vara", "must be"),
                    expected.describe(lang)
                )
            }
            ProblemKind::NotWholeKronor => lang
                .pick(
                    "måste vara ett helt antal kronor ≥ 0",
                    "must be a whole number of kronor ≥ 0",
                )
                .into(),
            ProblemKind::AmountTooLarge { max } => format!(
                "{} {}",
                lang.pick("är orimligt stort; högst", "is implausibly large; at most"),
                Scale::Kronor.kronor(*max, lang)
            ),
            ProblemKind::OutOfRange { min, max } => {
                format!(
                    "{} {min}–{max}",
                    lang.pick("måste ligga inom", "must be within")
                )
            }
            ProblemKind::NotAllowed { allowed } => format!(
                "{} {}",
                lang.pick("måste vara ett av:", "must be one of:"),
                allowed.join(", ")
            ),
            ProblemKind::UnknownField => lang
                .pick(
                    "är inget känt fält (kontrollera stavningen)",
                    "is not a known field (check the spelling)",
                )
                .into(),
            ProblemKind::EmptyText => lang.pick("får inte vara tom", "must not be empty").into(),
            ProblemKind::Markup => lang
                .pick(
                    "får inte innehålla HTML-kod (<…>); skriv vanlig text",
                    "must not contain HTML markup (<…>); write plain text",
                )
                .into(),
            ProblemKind::TextTooLong { max } => {
                format!(
                    "{} {max} {}",
                    lang.pick("är för lång; högst", "is too long; at most"),
                    lang.pick("tecken", "characters")
                )
            }
            ProblemKind::TooManyItems { max } => {
                format!(
                    "{} {max}",
                    lang.pick("har för många poster; högst", "has too many items; at most")
                )
            }
            ProblemKind::BadId => lang
                .pick(
                    "måste bestå av små bokstäver a–z, siffror och bindestreck",
                    "must consist of lowercase letters a–z, digits and hyphens",
                )
                .into(),
            ProblemKind::DuplicateId { id } => {
                format!(
                    "{} \"{id}\" {}",
                    lang.pick("id", "id"),
                    lang.pick("används redan", "is already used")
                )
            }
            ProblemKind::UnknownParent { id } => format!(
                "{} \"{id}\"",
                lang.pick(
                    "hänvisar till en okänd förälder",
                    "refers to an unknown parent"
                )
            ),
            ProblemKind::ParentCycle => lang
                .pick(
                    "ingår i en cirkel av föräldrar",
                    "is part of a cycle of parents",
                )
                .into(),
            ProblemKind::UnknownSource { id } => format!(
                "{} \"{id}\" {}",
                lang.pick("källan", "the source"),
                lang.pick(
                    "finns inte i filens sources",
                    "is not listed in the file's sources"
                )
            ),
            ProblemKind::TooFewAlternatives => lang
                .pick(
                    "ett omstritt belopp behöver minst två alternativ",
                    "a disputed amount needs at least two alternatives",
                )
                .into(),
            ProblemKind::EmptyList => lang
                .pick("måste ange minst en källa", "must name at least one source")
                .into(),
            ProblemKind::NotHttpUrl => lang
                .pick(
                    "måste börja med https:// eller http://",
                    "must start with https:// or http://",
                )
                .into(),
            ProblemKind::UnknownInput { id } => format!(
                "{} \"{id}\" {}",
                lang.pick("beloppet", "the figure"),
                lang.pick(
                    "finns inte: ange total eller ett id bland allocations",
                    "does not exist: name total or an id among the allocations"
                )
            ),
            ProblemKind::UnknownAlternative { id } => format!(
                "{} \"{id}\"",
                lang.pick(
                    "namnger inget alternativ i ett omstritt totalbelopp:",
                    "names no alternative of a disputed total:"
                )
            ),
            ProblemKind::NotInQuote => lang
                .pick(
                    "talet så som det står finns inte ordagrant i citatet",
                    "the number as written does not occur verbatim in the quote",
                )
                .into(),
            ProblemKind::WrittenAmountDiffers { written } => format!(
                "{} {}",
                lang.pick(
                    "talet så som det står anger ett annat belopp än kronor:",
                    "the number as written gives another amount than kronor:"
                ),
                Scale::Kronor.kronor(*written, lang)
            ),
            ProblemKind::SplitMissing => lang
                .pick(
                    "saknas: när en del av samma belopp anger split måste alla göra det",
                    "is missing: when one part of the same amount names its split, all must",
                )
                .into(),
            ProblemKind::UnsupportedVersion { supported } => format!(
                "{} 1–{supported}",
                lang.pick(
                    "är en formatversion som appen inte kan läsa; den läser version",
                    "is a format version this app cannot read; it reads versions"
                )
            ),
            ProblemKind::DuplicateKey => lang
                .pick(
                    "finns redan i samma objekt: en nyckel får bara stå en gång (annars visas bara en av uppgifterna)",
                    "is already in the same object: a key may appear only once (else only one of the values would show)",
                )
                .into(),
            ProblemKind::ControlCharacter { code } => format!(
                "{} U+{code:04X}; {}",
                lang.pick("innehåller styrtecknet", "contains the control character"),
                lang.pick("ta bort det", "remove it")
            ),
            ProblemKind::DirectionControl { code } => lang.pick(
                format!("innehåller U+{code:04X}, ett tecken som byter textriktning och kan vända appens egna ord och belopp; ta bort det"),
                format!("contains U+{code:04X}, a character that changes the text direction and could turn the app's own words and sums around; remove it"),
            ),
            ProblemKind::YearMismatch { expected } => format!(
                "{} {expected}",
                lang.pick(
                    "stämmer inte med förteckningen, som anger år",
                    "does not match the manifest, which lists year"
                )
            ),
        }
    }
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

impl LoadError {
    /// Every problem as a line in `lang`.
    pub fn messages(&self, lang: Lang) -> Vec<String> {
        match self {
            LoadError::TooLarge { size, limit } => vec![format!(
                "{} {} {} {}",
                lang.pick("Filen är", "The file is"),
                format::count(*size as u64, lang),
                lang.pick("byte, mer än gränsen på", "bytes, more than the limit of"),
                format::count(*limit as u64, lang)
            )],
            LoadError::Syntax {
                line,
                column,
                detail,
            } => vec![format!(
                "{} {line}, {} {column}: {} ({})",
                lang.pick("JSON-syntaxfel på rad", "JSON syntax error at line"),
                lang.pick("kolumn", "column"),
                lang.pick("filen är inte giltig JSON", "the file is not valid JSON"),
                syntax_detail(detail, lang),
            )],
            LoadError::TooDeep { line, column } => vec![lang.pick(
                format!("JSON-strukturen är nästlad i mer än 128 nivåer (rad {line}, kolumn {column}); en överenskommelse behöver bara några få."),
                format!("The JSON is nested more than 128 levels deep (line {line}, column {column}); an agreement needs only a few."),
            )],
            LoadError::WrongEncoding { encoding } => vec![lang.pick(
                format!("Filen är sparad som {encoding}, inte UTF-8. Spara den som UTF-8 (utan BOM eller med UTF-8:s) och försök igen."),
                format!("The file is saved as {encoding}, not UTF-8. Save it as UTF-8 and try again."),
            )],
            LoadError::NotUtf8 {
                offset,
                line,
                column,
            } => vec![lang.pick(
                format!("Filen är inte giltig UTF-8: byte {} (rad {line}, kolumn {column}) hör inte till något tecken. Spara filen som UTF-8 och försök igen.", format::count(*offset as u64, lang)),
                format!("The file is not valid UTF-8: byte {} (line {line}, column {column}) is not part of any character. Save the file as UTF-8 and try again.", format::count(*offset as u64, lang)),
            )],
            LoadError::TooManyValues { max } => vec![lang.pick(
                format!("Filen innehåller fler än {} JSON-värden; en överenskommelse behöver långt färre. Den lästes inte.", format::count(*max as u64, lang)),
                format!("The file holds more than {} JSON values; an agreement needs far fewer. It was not read.", format::count(*max as u64, lang)),
            )],
            LoadError::Invalid { problems, more } => {
                let mut lines: Vec<String> = problems
                    .iter()
                    .map(|problem| problem.message(lang))
                    .collect();
                if *more > 0 {
                    lines.push(crate::i18n::more_problems(*more, lang));
                }
                lines
            }
        }
    }
}

/// The JSON parser's words (serde_json's, in English) in the visitor's
/// language. A message not in the table is shown as the parser wrote it.
fn syntax_detail(detail: &str, lang: Lang) -> String {
    let swedish = match detail {
        "key must be a string" => "en nyckel måste vara en sträng inom citattecken",
        "EOF while parsing a value" => "filen tar slut mitt i ett värde",
        "EOF while parsing an object" => "filen tar slut innan objektet stängs med }",
        "EOF while parsing a list" => "filen tar slut innan listan stängs med ]",
        "EOF while parsing a string" => "filen tar slut mitt i en sträng",
        "expected value" => "här väntades ett värde",
        "expected `:`" => "här väntades :",
        "expected `,` or `}`" => "här väntades , eller }",
        "expected `,` or `]`" => "här väntades , eller ]",
        "expected ident" => "okänt ord (väntade true, false eller null)",
        "trailing characters" => "text efter JSON-dokumentets slut",
        "trailing comma" => "ett kommatecken för mycket",
        "invalid escape" => "ogiltig escape-sekvens (\\)",
        "invalid number" => "ogiltigt tal",
        "number out of range" => "talet är för stort",
        "invalid unicode code point" => "ogiltigt Unicode-tecken",
        "lone leading surrogate in hex escape" => "ofullständigt Unicode-tecken (\\u)",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "styrtecken inuti en sträng"
        }
        _ => detail,
    };
    lang.pick(swedish, detail).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        for broken in [
            "{",
            "{\"a\" 1}",
            "[1 2]",
            "{a:1}",
            "[1,]",
            "{} x",
            "\"\\q\"",
            "[tru]",
            "\"abc",
        ] {
            let Err(LoadError::Syntax { detail, .. }) =
                super::super::reader::parse_json(broken.as_bytes(), &Default::default())
            else {
                panic!("{broken} parsed");
            };
            assert_ne!(
                syntax_detail(&detail, Lang::Sv),
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
