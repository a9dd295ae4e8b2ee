//! A model amount as the sources section writes it.

use crate::format;
use crate::i18n::{Lang, Text};
use crate::model::Value;

/// An amount as the table shows it: exact, range, or unknown.
pub fn format_value(value: Value, lang: Lang) -> String {
    match value {
        Value::Exact(kronor) => format::million_kronor(kronor, lang),
        Value::Range { low, high } => format::million_kronor_range(low, high, lang),
        Value::Unknown => Text::UnknownShort.get(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_totals_say_so() {
        assert_eq!(format_value(Value::Unknown, Lang::Sv), "okänt");
        assert_eq!(format_value(Value::Unknown, Lang::En), "unknown");
    }
}
