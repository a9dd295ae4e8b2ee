//! Sentences the views write, with their numbers and names.

use super::Lang;
use crate::analysis::StepKind;
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
        StepKind::NotBrokenDown => lang
            .pick("Ej fördelat i källorna", "Not broken down in sources")
            .to_string(),
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
