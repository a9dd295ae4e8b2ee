//! Every sentence that words a type of the core, in Swedish and English: why
//! a file could not be fetched or read (`errors`), the sum checks' findings
//! (`findings`), what the address asked for that was ignored (`notices`),
//! units (`units`), and the views' sentences (`views`).
//!
//! This layer sits above the types it words (`model`, `analysis`, `state`,
//! `catalog`) and below the views and the UI that show its sentences; the
//! language and the fixed texts it uses are in `crate::i18n`, at the bottom.
//! `completeness.rs` tests that each sentence has both languages.

#[cfg(test)]
mod completeness;
mod errors;
mod findings;
mod notices;
mod units;
mod views;

#[cfg(test)]
pub(crate) use errors::syntax_detail;
pub use notices::QUOTED_CHARS;
pub use views::*;

use crate::i18n::Lang;

/// The line after a capped problem list: "… och 379 990 problem till".
pub fn more_problems(count: usize, lang: Lang) -> String {
    let count = crate::format::count(count as u64, lang);
    match lang {
        Lang::Sv => format!("… och {count} problem till (rätta dessa först)."),
        Lang::En => format!("… and {count} more problems (fix these first)."),
    }
}
