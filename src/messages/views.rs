//! Sentences the views write, with their numbers and names.

use crate::analysis::StepKind;
use crate::i18n::Lang;
use crate::state::{Dimension, ViewKind};

/// A bridge's first sentence: "Från 845 mnkr 2016 till 1 414 mnkr 2018
/// (miljoner kronor): +569 mnkr."
pub fn bridge_summary(
    (from_amount, from): (&str, &str),
    (to_amount, to): (&str, &str),
    unit: &str,
    change: &str,
    lang: Lang,
) -> String {
    lang.pick(
        format!("Från {from_amount} {from} till {to_amount} {to} ({unit}): {change}."),
        format!("From {from_amount} in {from} to {to_amount} in {to} ({unit}): {change}."),
    )
}

/// What a screen reader says for a chart's focused bar: "2018, Regioner:
/// 884 mnkr, angivet i källan; 3 av 5", with the change from the bar before
/// where the chart has one series along the years.
pub fn chart_point_sentence(
    name: &str,
    value: &str,
    status: Option<&str>,
    (place, of): (usize, usize),
    change: Option<(&str, &str)>,
    lang: Lang,
) -> String {
    let status = status
        .map(|status| format!(", {status}"))
        .unwrap_or_default();
    let place = lang.pick(format!("{place} av {of}"), format!("{place} of {of}"));
    let change = change
        .map(|(amount, from)| {
            lang.pick(
                format!("; {amount} jämfört med {from}"),
                format!("; {amount} compared with {from}"),
            )
        })
        .unwrap_or_default();
    format!("{name}: {value}{status}; {place}{change}")
}

/// What had to change in a chart's names to fit SKR's CSV format, said after
/// its file is downloaded: "Ändrat för formatet: «a;b» → «a,b»"; empty when
/// nothing had to.
pub fn skr_renamed_note(renamed: &[(String, String)], lang: Lang) -> String {
    if renamed.is_empty() {
        return String::new();
    }
    let pairs: Vec<String> = renamed
        .iter()
        .map(|(shown, written)| format!("«{shown}» → «{written}»"))
        .collect();
    format!(
        "{} {}",
        crate::i18n::Text::SkrRenamed.get(lang),
        pairs.join("; ")
    )
}

/// What a bridge's items of one kind are called, from `from` to `to`.
pub fn bridge_step_kind(kind: StepKind, from: &str, to: &str, lang: Lang) -> String {
    match kind {
        StepKind::Grew => lang.pick("Ökade", "Grew").to_string(),
        StepKind::Shrank => lang.pick("Minskade", "Shrank").to_string(),
        StepKind::Unchanged => lang.pick("Oförändrade", "Unchanged").to_string(),
        StepKind::OnlyLater => lang.pick(
            format!("Bara listade i källorna för {to}"),
            format!("Listed only in the sources for {to}"),
        ),
        StepKind::OnlyEarlier => lang.pick(
            format!("Bara listade i källorna för {from}"),
            format!("Listed only in the sources for {from}"),
        ),
        StepKind::NotBrokenDown => crate::i18n::Text::NotBrokenDownRow.get(lang).to_string(),
    }
}

/// The words of a download's file name, in the page's language; plain
/// ASCII once "å", "ä" and "ö" are folded.
pub struct FileNameWords {
    /// What every file is about: `psykisk-halsa`.
    pub subject: &'static str,
    /// The trend's years: `alla-ar`.
    pub all_years: &'static str,
    /// No year chosen: `inga-ar`.
    pub no_years: &'static str,
    /// Shares of the total: `andel`.
    pub share: &'static str,
}

/// The file name words in `lang`.
pub fn file_name_words(lang: Lang) -> FileNameWords {
    lang.pick(
        FileNameWords {
            subject: "psykisk-halsa",
            all_years: "alla-ar",
            no_years: "inga-ar",
            share: "andel",
        },
        FileNameWords {
            subject: "mental-health",
            all_years: "all-years",
            no_years: "no-years",
            share: "share",
        },
    )
}

/// A view in a file name: `forandring`, `bridge`.
pub fn view_file_word(view: ViewKind, lang: Lang) -> &'static str {
    match view {
        ViewKind::Compare => lang.pick("jamfor-ar", "compare"),
        ViewKind::Trend => lang.pick("utveckling", "trend"),
        ViewKind::Breakdown => lang.pick("fordelning", "breakdown"),
        ViewKind::Bridge => lang.pick("forandring", "bridge"),
    }
}

/// A breakdown's dimension in a file name: `mottagare`, `purpose`.
pub fn dimension_file_word(dimension: Dimension, lang: Lang) -> &'static str {
    match dimension {
        Dimension::Recipient => lang.pick("mottagare", "recipient"),
        Dimension::Purpose => lang.pick("andamal", "purpose"),
    }
}

/// The legend over a disputed bridge end's choices: "2015 är omstritt: utgå från".
pub fn disputed_end_legend(year: Option<u16>, lang: Lang) -> String {
    let year = year.map(|year| year.to_string()).unwrap_or_default();
    lang.pick(
        format!("{year} är omstritt: utgå från"),
        format!("{year} is disputed: use"),
    )
}

/// Which way a change went, for [`change_phrase`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// More than before.
    Up,
    /// Less than before.
    Down,
    /// The same, as written.
    Same,
}

/// How a year compares with `previous`: "569 mnkr (67,3 %) mer än 2016".
/// `amount` and `percent` are already written (`percent` with its brackets
/// and a space before, or empty).
pub fn change_phrase(
    direction: Direction,
    amount: &str,
    percent: &str,
    previous: &str,
    lang: Lang,
) -> String {
    match direction {
        Direction::Up => lang.pick(
            format!("{amount}{percent} mer än {previous}"),
            format!("{amount}{percent} more than {previous}"),
        ),
        Direction::Down => lang.pick(
            format!("{amount}{percent} mindre än {previous}"),
            format!("{amount}{percent} less than {previous}"),
        ),
        Direction::Same => lang.pick(
            format!("lika mycket som {previous}"),
            format!("the same as {previous}"),
        ),
    }
}

/// A disputed change compared with `previous`: "+1–149 mnkr jämfört med 2015".
pub fn compared_with(change: &str, previous: &str, lang: Lang) -> String {
    lang.pick(
        format!("{change} jämfört med {previous}"),
        format!("{change} compared with {previous}"),
    )
}

/// A disputed amount in a chart's description: "2015: omstritt, 696–844 mnkr".
pub fn disputed_amount(name: &str, amount: &str, lang: Lang) -> String {
    lang.pick(
        format!("{name}: omstritt, {amount}"),
        format!("{name}: disputed, {amount}"),
    )
}

/// A signed range: "mellan +1 mnkr och +149 mnkr".
pub fn between(low: &str, high: &str, lang: Lang) -> String {
    lang.pick(
        format!("mellan {low} och {high}"),
        format!("between {low} and {high}"),
    )
}

/// Years with no known total, in the trend's description.
pub fn no_total_known(years: &str, lang: Lang) -> String {
    lang.pick(
        format!("Totalbelopp saknas i källorna för {years}."),
        format!("No total is known for {years}."),
    )
}

/// Years without a file, under the year choice.
pub fn missing_years(list: &str, lang: Lang) -> String {
    lang.pick(
        format!("{list} saknas: inget belopp har hittats i offentliga källor (se ”Om data”)."),
        format!(
            "{list} is missing: no amount has been found in public sources (see “About the data”)."
        ),
    )
}

/// A bridge whose two ends are the same agreement.
pub fn same_ends(year: u16, lang: Lang) -> String {
    lang.pick(
        format!("Båda ändarna är {year}: bron visar då ingen förändring. Välj två olika år för att se vad som ändrades."),
        format!("Both ends are {year}: the bridge then shows no change. Choose two different years to see what changed."),
    )
}

/// The bridge table's title: "Förändring 2016–2018".
pub fn bridge_title(from: &str, to: &str, lang: Lang) -> String {
    lang.pick(
        format!("Förändring {from}–{to}"),
        format!("Change {from}–{to}"),
    )
}
