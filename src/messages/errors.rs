//! Why a file could not be fetched or read, in words a visitor understands.

use crate::catalog::{FailureReason, FetchError, LoadFailure};
use crate::format::{self, Scale};
use crate::i18n::Lang;
use crate::model::{Expected, LoadError, Problem, ProblemKind};
use crate::user_text::isolate;

impl Expected {
    pub(crate) fn describe(self, lang: Lang) -> &'static str {
        match self {
            Expected::Object => lang.pick("ett objekt { … }", "an object { … }"),
            Expected::Array => lang.pick("en lista [ … ]", "a list [ … ]"),
            Expected::Text => lang.pick("en text inom citattecken", "a text in quotes"),
            Expected::WholeNumber => lang.pick("ett heltal", "a whole number"),
            Expected::Boolean => lang.pick("true eller false", "true or false"),
        }
    }
}

/// A problem as an error: its path and the English message.
impl std::fmt::Display for Problem {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{}: {}", self.path, self.kind.message(Lang::En))
    }
}

impl std::error::Error for Problem {}

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
                    lines.push(super::more_problems(*more, lang));
                }
                lines
            }
        }
    }
}

/// The JSON parser's words (serde_json's, in English) in the visitor's
/// language. A message not in the table is shown as the parser wrote it.
pub(crate) fn syntax_detail(detail: &str, lang: Lang) -> String {
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

impl FetchError {
    /// The reason in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FetchError::Offline => lang
                .pick(
                    "webbläsaren är offline; försök igen när du har nätverk",
                    "the browser is offline; try again when you are connected",
                )
                .to_string(),
            FetchError::Network => lang
                .pick(
                    "servern svarade inte (adressen kan vara fel, eller servern nere)",
                    "the server did not answer (the address may be wrong, or the server down)",
                )
                .to_string(),
            FetchError::BlockedByPolicy => lang
                .pick(
                    "den här webbplatsens säkerhetsregler (Content-Security-Policy) tillåter inte att appen hämtar filer från den adressen",
                    "this site's security policy (Content-Security-Policy) does not let the app fetch files from that address",
                )
                .to_string(),
            FetchError::CorsRefused => lang
                .pick(
                    "den andra servern svarade men tillåter inte att andra webbplatser läser filen (CORS); lägg filen på en server som skickar Access-Control-Allow-Origin, eller ladda ner den och öppna den som egen fil",
                    "the other server answered but does not let other sites read the file (CORS); put it on a server that sends Access-Control-Allow-Origin, or download it and open it as your own file",
                )
                .to_string(),
            FetchError::Status(404) => lang
                .pick("filen finns inte (404)", "the file does not exist (404)")
                .to_string(),
            FetchError::Status(status) => lang.pick(
                format!("servern svarade med felkod {status}"),
                format!("the server answered with error status {status}"),
            ),
            FetchError::TimedOut { seconds } => lang.pick(
                format!("inget fullständigt svar inom {seconds} sekunder; hämtningen avbröts"),
                format!("no complete answer within {seconds} seconds; the download was stopped"),
            ),
            FetchError::TooLarge {
                size: Some(size),
                limit,
            } => lang.pick(
                format!(
                    "filen är {} byte, mer än gränsen på {} byte; den hämtades inte",
                    crate::format::count(*size, lang),
                    crate::format::count(*limit, lang)
                ),
                format!(
                    "the file is {} bytes, more than the limit of {} bytes; it was not downloaded",
                    crate::format::count(*size, lang),
                    crate::format::count(*limit, lang)
                ),
            ),
            FetchError::TooLarge { size: None, limit } => lang.pick(
                format!(
                    "filen är större än gränsen på {} byte; hämtningen avbröts där",
                    crate::format::count(*limit, lang)
                ),
                format!(
                    "the file is larger than the limit of {} bytes; the download was stopped there",
                    crate::format::count(*limit, lang)
                ),
            ),
            FetchError::NotText => lang
                .pick(
                    "svaret gick inte att läsa",
                    "the answer could not be read",
                )
                .to_string(),
            FetchError::Disk(kind) => disk_error(*kind, lang),
            FetchError::NotInPage => lang
                .pick(
                    "filen finns inte bland de data som sidan bär med sig",
                    "the file is not among the data the page carries",
                )
                .to_string(),
        }
    }
}

/// Why a build-time tool could not read a file from the disk.
fn disk_error(kind: std::io::ErrorKind, lang: Lang) -> String {
    use std::io::ErrorKind;
    match kind {
        ErrorKind::NotFound => {
            lang.pick("filen finns inte i mappen", "the file is not in the folder")
        }
        ErrorKind::PermissionDenied => lang.pick(
            "filen får inte läsas (behörighet saknas)",
            "the file may not be read (permission denied)",
        ),
        ErrorKind::IsADirectory => lang.pick(
            "namnet är en mapp, inte en fil",
            "the name is a folder, not a file",
        ),
        _ => {
            return lang.pick(
                format!("filen kunde inte läsas från disken ({kind})"),
                format!("the file could not be read from the disk ({kind})"),
            )
        }
    }
    .to_string()
}

impl LoadFailure {
    /// The failure on one line, for a build-time tool's output: the
    /// headline, then every detail.
    pub fn line(&self, lang: Lang) -> String {
        std::iter::once(self.headline(lang))
            .chain(self.details(lang))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A heading line naming the file, in `lang`.
    pub fn headline(&self, lang: Lang) -> String {
        match self.year {
            Some(year) => lang.pick(
                format!(
                    "Överenskommelsen {year} ({}) kunde inte läsas:",
                    isolate(&self.file)
                ),
                format!(
                    "The {year} agreement ({}) could not be read:",
                    isolate(&self.file)
                ),
            ),
            None => lang.pick(
                format!("{} kunde inte läsas:", isolate(&self.file)),
                format!("{} could not be read:", isolate(&self.file)),
            ),
        }
    }

    /// Every reason, one line each, in `lang`.
    pub fn details(&self, lang: Lang) -> Vec<String> {
        match &self.reason {
            FailureReason::Fetch(error) => vec![error.message(lang)],
            FailureReason::Load(error) => error.messages(lang),
            FailureReason::TooManyOwnFiles { max } => vec![lang.pick(
                format!("{max} egna filer är redan öppna, så många som appen visar på en gång; ta bort en för att öppna fler"),
                format!("{max} files of your own are open already, as many as the app shows at once; remove one to open more"),
            )],
        }
    }
}
