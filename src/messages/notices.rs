//! The address notices in words.

use crate::i18n::Lang;
use crate::state::{Notice, MAX_VALUES};

/// The longest value quoted back in a notice, in characters.
pub const QUOTED_CHARS: usize = 24;

impl Notice {
    /// The notice in `lang`. User text is quoted and cut short; the UI shows it
    /// only as text.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Notice::NotAYear(token) => lang.pick(
                format!(
                    "”{}” i adressen är inget årtal och hoppades över.",
                    shorten(token)
                ),
                format!(
                    "\"{}\" in the address is not a year and was skipped.",
                    shorten(token)
                ),
            ),
            Notice::UnknownYear(year) => lang.pick(
                format!("Det finns ingen överenskommelse för {year}; året hoppades över."),
                format!("There is no agreement for {year}; the year was skipped."),
            ),
            Notice::UnknownLanguage(token) => lang.pick(
                format!(
                    "Språket ”{}” finns inte; sidan visas på svenska.",
                    shorten(token)
                ),
                format!(
                    "Language \"{}\" is not available; the page is shown in Swedish.",
                    shorten(token)
                ),
            ),
            Notice::TooManyValues => lang.pick(
                format!("Adressen har fler än {MAX_VALUES} värden; resten hoppades över."),
                format!("The address has more than {MAX_VALUES} values; the rest were skipped."),
            ),
            Notice::UnknownValue { parameter, value } => lang.pick(
                format!(
                    "”{}” är inget giltigt värde för {parameter}; standardvalet visas.",
                    shorten(value)
                ),
                format!(
                    "\"{}\" is not a valid value for {parameter}; the default is shown.",
                    shorten(value)
                ),
            ),
            Notice::TooManyParameters { skipped } => lang.pick(
                format!("Adressen har fler än {MAX_VALUES} parametrar; de sista {skipped} hoppades över."),
                format!("The address has more than {MAX_VALUES} parameters; the last {skipped} were skipped."),
            ),
            Notice::UnknownParameter(key) => lang.pick(
                format!("”{}” är ingen parameter som appen känner till och hoppades över.", shorten(key)),
                format!("\"{}\" is not a parameter this app knows and was skipped.", shorten(key)),
            ),
            Notice::Repeated(parameter) => lang.pick(
                format!("{parameter} står flera gånger i adressen; det sista värdet används."),
                format!("{parameter} appears more than once in the address; the last value is used."),
            ),
            Notice::BrokenEncoding(parameter) => lang.pick(
                format!("Värdet för {parameter} har trasiga %-koder och kunde inte läsas; standardvalet visas."),
                format!("The value of {parameter} has broken %-escapes and could not be read; the default is shown."),
            ),
            Notice::BridgeEndUnavailable { year, shown } => match shown {
                Some(shown) => lang.pick(
                    format!("Bron kan inte utgå från {year}: det året har inget känt totalbelopp. {shown} visas i stället."),
                    format!("The bridge cannot use {year}: that year has no known total. {shown} is shown instead."),
                ),
                None => lang.pick(
                    format!("Bron kan inte utgå från {year}: det året har inget känt totalbelopp."),
                    format!("The bridge cannot use {year}: that year has no known total."),
                ),
            },
            Notice::UnknownSource { parameter, source } => lang.pick(
                format!("{parameter}=”{}” är ingen av källorna till det årets omstridda totalbelopp; den första källan visas.", shorten(source)),
                format!("{parameter}=\"{}\" is none of the sources of that year's disputed total; the first source is shown.", shorten(source)),
            ),
            Notice::UnknownPriceYear { year, shown } => match shown {
                Some(shown) => lang.pick(
                    format!("Det finns inget KPI för {year}, så beloppen visas i {shown} års priser."),
                    format!("There is no KPI for {year}, so amounts are shown in {shown} prices."),
                ),
                None => lang.pick(
                    format!("Det finns inget KPI för {year}."),
                    format!("There is no KPI for {year}."),
                ),
            },
            Notice::OutsideFileNotEmbedded { host } => {
                let origin = crate::i18n::file_origin(host.as_deref(), lang);
                lang.pick(
                    format!("Adressen ber om en fil från {origin}. Ett inbäddat diagram visar bara de officiella uppgifterna, så filen visas inte här."),
                    format!("The address asks for a file from {origin}. An embedded chart shows only the official figures, so the file is not shown here."),
                )
            }
            Notice::RepeatedYear(year) => lang.pick(
                format!("{year} står flera gånger i adressen; året visas en gång."),
                format!("{year} is in the address more than once; it is shown once."),
            ),
            Notice::RepeatedFile(value) => lang.pick(
                format!("Filen {} står flera gånger i adressen; den läses en gång.", shorten(value)),
                format!("The file {} is in the address more than once; it is read once.", shorten(value)),
            ),
            Notice::PathLeavesSite { value, host } => lang.pick(
                format!("{} ser ut som en sökväg på den här webbplatsen, men webbläsaren läser den som en fil på {}; den hämtades inte. Skriv hela adressen (https://…) om du vill öppna en fil från en annan webbplats.", shorten(value), shorten(host)),
                format!("{} looks like a path on this site, but the browser reads it as a file on {}; it was not fetched. Write the whole address (https://…) to open a file from another site.", shorten(value), shorten(host)),
            ),
            Notice::DefaultYearsShown => lang.pick(
                "Inga giltiga år i adressen, så standardjämförelsen visas.".to_string(),
                "No valid years in the address, so the default comparison is shown.".to_string(),
            ),
        }
    }
}

/// A value from the address as quoted in a notice: invisible characters
/// shown, cut short, isolated from the sentence around it.
pub(crate) fn shorten(token: &str) -> String {
    crate::user_text::quoted(token, QUOTED_CHARS)
}
