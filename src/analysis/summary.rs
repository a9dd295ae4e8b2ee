//! Text that says what a chart shows, in Swedish and English: the chart's
//! accessible description, and a summary sighted readers can use too.

use super::{Change, Comparison};
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

/// One paragraph describing the comparison: each year's total and its change
/// from the previous chosen year.
pub fn describe_comparison(comparison: &Comparison, lang: Lang) -> String {
    if comparison.years.is_empty() {
        return Text::NoYearsChosen.get(lang).to_string();
    }
    let mut sentences = Vec::with_capacity(comparison.years.len() + 1);
    sentences.push(lang.pick(
        "Totalbudget per valt år, i löpande priser.".to_string(),
        "Total budget per chosen year, in current prices.".to_string(),
    ));
    for (i, year) in comparison.years.iter().enumerate() {
        let total = format_value(comparison.totals[i], lang);
        let mut sentence = if comparison.disputed[i] {
            lang.pick(
                format!("{year}: omstritt, {total}"),
                format!("{year}: disputed, {total}"),
            )
        } else {
            format!("{year}: {total}")
        };
        if let (Some(change), Some(previous)) = (
            &comparison.changes[i],
            i.checked_sub(1).map(|p| comparison.years[p]),
        ) {
            sentence.push_str(&lang.pick(
                format!(", {} jämfört med {previous}", format_change(change, lang)),
                format!(", {} compared with {previous}", format_change(change, lang)),
            ));
        }
        sentence.push('.');
        sentences.push(sentence);
    }
    sentences.join(" ")
}

/// One paragraph describing the breakdown by recipient: each recipient's
/// amount in each chosen year, then what the sources do not break down.
pub fn describe_recipients(comparison: &Comparison, lang: Lang) -> String {
    if comparison.years.is_empty() {
        return Text::NoYearsChosen.get(lang).to_string();
    }
    let mut sentences = vec![lang
        .pick(
            "Fördelning per mottagare och valt år, i löpande priser.",
            "Breakdown by recipient and chosen year, in current prices.",
        )
        .to_string()];
    let cells = |values: Vec<String>| -> String {
        comparison
            .years
            .iter()
            .zip(values)
            .map(|(year, value)| format!("{year} {value}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for row in &comparison.rows {
        let values = row
            .cells
            .iter()
            .map(|cell| match cell {
                Some(kronor) => format::million_kronor(*kronor, lang),
                None => lang.pick("ingen post", "no item").to_string(),
            })
            .collect();
        sentences.push(format!("{}: {}.", row.recipient.label(lang), cells(values)));
    }
    let rest = comparison
        .not_broken_down
        .iter()
        .map(|value| format_value(*value, lang))
        .collect();
    sentences.push(format!(
        "{}: {}.",
        Text::NotBrokenDownRow.get(lang),
        cells(rest)
    ));
    sentences.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::compare_by_recipient;
    use crate::analysis::tests_support::bundled;
    use crate::model::Agreement;

    fn default_comparison() -> Comparison {
        let all = bundled();
        let chosen: Vec<&Agreement> = all
            .iter()
            .filter(|a| [2015, 2016, 2018].contains(&a.year))
            .collect();
        compare_by_recipient(&chosen)
    }

    #[test]
    fn swedish_summary_of_the_default_view() {
        let text = describe_comparison(&default_comparison(), Lang::Sv)
            .replace(['\u{202F}', '\u{a0}'], " ");
        assert_eq!(
            text,
            "Totalbudget per valt år, i löpande priser. 2015: omstritt, 696–844 mnkr. \
             2016: 845 mnkr, mellan +1 mnkr och +149 mnkr jämfört med 2015. \
             2018: 1 414 mnkr, +569 mnkr (+67,3 %) jämfört med 2016."
        );
    }

    #[test]
    fn english_summary_of_the_default_view() {
        let text = describe_comparison(&default_comparison(), Lang::En)
            .replace(['\u{202F}', '\u{a0}'], " ");
        assert!(text.contains("2015: disputed, SEK 696–844 m."), "{text}");
        assert!(
            text.contains("2018: SEK 1,414 m, +SEK 569 m (+67.3%) compared with 2016."),
            "{text}"
        );
    }

    #[test]
    fn recipients_are_described_year_by_year() {
        let text = describe_recipients(&default_comparison(), Lang::Sv)
            .replace(['\u{202F}', '\u{a0}'], " ");
        assert!(
            text.contains("Regioner (landsting): 2015 ingen post, 2016 450 mnkr, 2018 884 mnkr."),
            "{text}"
        );
        assert!(
            text.contains("Ej fördelat i källorna: 2015 0–148 mnkr, 2016 0 mnkr, 2018 0 mnkr."),
            "{text}"
        );
    }

    #[test]
    fn unknown_totals_say_so() {
        assert_eq!(format_value(Value::Unknown, Lang::Sv), "okänt");
        assert_eq!(format_value(Value::Unknown, Lang::En), "n/a");
    }
}
