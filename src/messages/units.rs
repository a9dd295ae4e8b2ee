//! Units in words: a table's unit line, a file name's unit, a year that
//! cannot be converted.

use crate::analysis::{Converter, Gap, Prices};
use crate::i18n::Lang;

impl Gap {
    /// Short text for a table cell.
    pub fn short(self, lang: Lang) -> String {
        match self {
            Gap::Kpi(year) => lang.pick(format!("KPI saknas ({year})"), format!("no CPI ({year})")),
            Gap::Population(year) => lang.pick(
                format!("folkmängd saknas ({year})"),
                format!("no population ({year})"),
            ),
        }
    }
}

impl Converter<'_> {
    /// The units in words: `miljoner kronor i 2023 års priser`.
    pub fn label(&self, lang: Lang) -> String {
        let amount = if self.units().per_inhabitant {
            lang.pick("kronor per invånare", "SEK per inhabitant")
        } else {
            lang.pick("miljoner kronor", "million SEK")
        };
        match (self.units().prices, self.base()) {
            (Prices::Current, _) => format!(
                "{amount}, {}",
                lang.pick("löpande priser", "current prices")
            ),
            (Prices::Fixed { .. }, Some(base)) => lang.pick(
                format!("{amount} i {base} års priser"),
                format!("{amount} in {base} prices"),
            ),
            (Prices::Fixed { .. }, None) => format!(
                "{amount}, {}",
                lang.pick("fasta priser (KPI saknas)", "fixed prices (no CPI)")
            ),
        }
    }

    /// A short ASCII key for file names, in the page's language:
    /// `mnkr_lopande-priser`, `kr-per-invanare_2023-ars-priser`,
    /// `sek-per-inhabitant_2023-prices`.
    pub fn file_key(&self, lang: Lang) -> String {
        let amount = match (self.units().per_inhabitant, lang) {
            (true, Lang::Sv) => "kr-per-invanare",
            (true, Lang::En) => "sek-per-inhabitant",
            (false, Lang::Sv) => "mnkr",
            (false, Lang::En) => "msek",
        };
        match self.base() {
            Some(base) if matches!(self.units().prices, Prices::Fixed { .. }) => lang.pick(
                format!("{amount}_{base}-ars-priser"),
                format!("{amount}_{base}-prices"),
            ),
            _ => lang.pick(
                format!("{amount}_lopande-priser"),
                format!("{amount}_current-prices"),
            ),
        }
    }
}
