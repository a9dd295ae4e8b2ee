//! Text that says what a chart shows, in Swedish and English: the chart's
//! accessible description, and a summary sighted readers can use too.

use super::Change;
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

/// A change as text: `+569 mnkr (+67,3 %)`, or a range when a year is disputed.
pub fn format_change(change: &Change, lang: Lang) -> String {
    if change.is_exact() {
        match change.percent {
            Some((percent, _)) => format!(
                "{} ({})",
                format::signed_million_kronor(change.low, lang),
                format::percent(percent, lang, true)
            ),
            None => format::signed_million_kronor(change.low, lang),
        }
    } else {
        lang.pick(
            format!(
                "mellan {} och {}",
                format::signed_million_kronor(change.low, lang),
                format::signed_million_kronor(change.high, lang)
            ),
            format!(
                "between {} and {}",
                format::signed_million_kronor(change.low, lang),
                format::signed_million_kronor(change.high, lang)
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::change_between;

    #[test]
    fn unknown_totals_say_so() {
        assert_eq!(format_value(Value::Unknown, Lang::Sv), "okänt");
        assert_eq!(format_value(Value::Unknown, Lang::En), "n/a");
    }

    #[test]
    fn changes_read_as_amount_and_percent_or_as_a_range() {
        let exact = change_between(Value::Exact(845_000_000), Value::Exact(1_414_000_000)).unwrap();
        assert_eq!(
            format_change(&exact, Lang::Sv).replace(['\u{202F}', '\u{a0}'], " "),
            "+569 mnkr (+67,3 %)"
        );
        let range = change_between(
            Value::Range {
                low: 696_000_000,
                high: 844_000_000,
            },
            Value::Exact(845_000_000),
        )
        .unwrap();
        assert_eq!(
            format_change(&range, Lang::En).replace(['\u{202F}', '\u{a0}'], " "),
            "between +SEK 1 m and +SEK 149 m"
        );
    }
}
