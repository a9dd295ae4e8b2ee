//! What was ignored in an address, and why; the app shows each one.

use super::Parameter;

/// Something in the address that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A `years` value that is not a year.
    NotAYear(String),
    /// A year that has no agreement.
    UnknownYear(u16),
    /// A `lang` value other than `sv` or `en`.
    UnknownLanguage(String),
    /// More values than are read.
    TooManyValues,
    /// No usable year was left, so the default years are shown.
    DefaultYearsShown,
    /// A parameter's value is not one of its choices.
    UnknownValue {
        /// The parameter.
        parameter: Parameter,
        /// The value given (cut short when shown).
        value: String,
    },
    /// More parameters than are read: how many were skipped.
    TooManyParameters {
        /// Parameters skipped.
        skipped: usize,
    },
    /// A parameter this app does not have.
    UnknownParameter(String),
    /// A parameter given more than once; the last value is used.
    Repeated(Parameter),
    /// A value whose %-escapes do not decode to text.
    BrokenEncoding(Parameter),
    /// The bridge cannot start or end at a year: it has no agreement or no
    /// known total. `shown` is the year used instead.
    BridgeEndUnavailable {
        /// The year asked for.
        year: u16,
        /// The year shown instead.
        shown: Option<u16>,
    },
    /// A `from_source`/`to_source` that names no side of that year's disputed total.
    UnknownSource {
        /// The parameter.
        parameter: Parameter,
        /// The source id given.
        source: String,
    },
    /// A price year without a KPI value.
    UnknownPriceYear {
        /// The year asked for.
        year: u16,
        /// The price year used instead.
        shown: Option<u16>,
    },
    /// A year named more than once in `years`: it is shown once.
    RepeatedYear(u16),
    /// A file named more than once in `data`: it is read once.
    RepeatedFile(String),
    /// A `data` value written as a path that the browser reads as another
    /// site (`/\evil.test/x.json` is `//evil.test/x.json`): not loaded, since
    /// it would look like a file of this site.
    PathLeavesSite {
        /// The value given (cut short when shown).
        value: String,
        /// The site the browser would fetch it from.
        host: String,
    },
    /// An embedded chart does not load files named in the address (`data=`).
    OutsideFileNotEmbedded {
        /// Where the file would have come from: its host (`None`: this site).
        host: Option<String>,
    },
}

impl Notice {
    /// A value that is not one of `parameter`'s choices.
    pub fn unknown_value(parameter: Parameter, value: &str) -> Notice {
        Notice::UnknownValue {
            parameter,
            value: value.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_value_from_the_address_cannot_turn_the_notice_around() {
        let message = Notice::UnknownValue {
            parameter: Parameter::View,
            value: "\u{202E}1 414 mnkr".into(),
        }
        .message(Lang::Sv);
        assert!(!message.contains('\u{202E}'), "{message}");
        assert!(
            message.contains("\u{2068}⟨U+202E⟩1 414 mnkr\u{2069}"),
            "{message}"
        );
    }
}
