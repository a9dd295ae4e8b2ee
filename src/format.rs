//! Numbers written the way Swedish and English readers expect: the one
//! formatter that tables, charts, sources, errors and exports all use.
//!
//! Swedish typography groups digits with a narrow no-break space (U+202F) and
//! keeps the unit on the same line with a no-break space (U+00A0): `1 414 mnkr`.
//! English uses commas and a currency prefix: `SEK 1,414 m`. Minus is the real
//! minus sign (U+2212), which screen readers and typographers both prefer.

use crate::i18n::Lang;

/// Narrow no-break space: the Swedish thousands separator.
pub const THIN_NBSP: char = '\u{202F}';
/// No-break space: between a number and its unit.
pub const NBSP: char = '\u{00A0}';
/// The minus sign.
pub const MINUS: char = '\u{2212}';
/// The en dash between the ends of a range.
pub const EN_DASH: char = '\u{2013}';

/// What a number measures, which decides how it is rounded and which unit it
/// is written with. Amounts are always given in kronor; [`Scale::display`]
/// turns them into the number drawn on a chart (millions for
/// [`Scale::MillionKronor`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scale {
    /// Kronor, shown in millions: `1 414 mnkr`.
    #[default]
    MillionKronor,
    /// Whole kronor, every digit: `845 000 000 kr` (limits, amounts as written).
    Kronor,
    /// Kronor per inhabitant, shown as kronor with öre: `138,22 kr`.
    KronorPerInhabitant,
    /// Percent: `53,3 %`.
    Percent,
}

impl Scale {
    /// One value with its unit: `1 414 mnkr`, `84,54 kr`, `53,3 %`.
    pub fn format(self, value: f64, lang: Lang) -> String {
        if !value.is_finite() {
            return EN_DASH.to_string();
        }
        self.with_unit(&self.number(self.display(value), lang), lang)
    }

    /// An exact amount in kronor with its unit (see [`Scale::format`]).
    pub fn kronor(self, kronor: u64, lang: Lang) -> String {
        self.format(kronor as f64, lang)
    }

    /// A signed value: `+569 mnkr`, `−5 mnkr`; a value that rounds to zero
    /// has no sign.
    pub fn format_signed(self, value: f64, lang: Lang) -> String {
        let shown = self.display(value);
        let rounded = self.round(shown);
        let sign = if rounded > 0.0 {
            "+".to_string()
        } else if rounded < 0.0 {
            MINUS.to_string()
        } else {
            String::new()
        };
        format!(
            "{sign}{}",
            self.with_unit(&self.number(shown.abs(), lang), lang)
        )
    }

    /// A range with the unit once: `696–844 mnkr`; equal ends are one value.
    pub fn format_range(self, low: f64, high: f64, lang: Lang) -> String {
        let (low, high) = (
            self.number(self.display(low), lang),
            self.number(self.display(high), lang),
        );
        if low == high {
            return self.with_unit(&low, lang);
        }
        self.with_unit(&format!("{low}{EN_DASH}{high}"), lang)
    }

    /// The number as drawn on a chart (millions for kronor).
    pub fn display(self, value: f64) -> f64 {
        match self {
            Scale::MillionKronor => value / 1e6,
            _ => value,
        }
    }

    /// A chart's value label, for a number already in display units (no unit:
    /// the axis has it). Kronor per inhabitant are rounded to whole kronor
    /// from 100 up, where öre would crowd the bar.
    pub fn label(self, displayed: f64, lang: Lang) -> String {
        match self {
            Scale::KronorPerInhabitant => {
                decimal(displayed, usize::from(displayed.abs() < 100.0), lang)
            }
            Scale::Percent => decimal(displayed, 1, lang),
            _ => self.number(displayed, lang),
        }
    }

    /// An axis tick, for a number in display units (no unit).
    pub fn axis(self, displayed: f64, lang: Lang) -> String {
        let decimals = usize::from(displayed.fract().abs() > 1e-6 && displayed.abs() < 10.0);
        decimal(displayed, decimals, lang)
    }

    /// A number as written (`1 414`, `696–844`) with its unit: `1 414 mnkr`.
    pub fn with_unit(self, number: &str, lang: Lang) -> String {
        match (self, lang) {
            (Scale::MillionKronor, Lang::Sv) => format!("{number}{NBSP}mnkr"),
            (Scale::MillionKronor, Lang::En) => format!("SEK{NBSP}{number}{NBSP}m"),
            (Scale::Kronor | Scale::KronorPerInhabitant, Lang::Sv) => {
                format!("{number}{NBSP}kr")
            }
            (Scale::Kronor | Scale::KronorPerInhabitant, Lang::En) => format!("SEK{NBSP}{number}"),
            (Scale::Percent, Lang::Sv) => format!("{number}{NBSP}%"),
            (Scale::Percent, Lang::En) => format!("{number}%"),
        }
    }

    /// How many decimals a value in display units is written with.
    ///
    /// Millions get a tenth only where it says something: under 10 (`0,5
    /// mnkr`), or where the amount is a whole number of tenths, as a stated
    /// figure is (`1 414,3 mnkr`); a computed one (fixed prices) is rounded
    /// to whole millions, since its tenths would be false precision.
    fn decimals(self, value: f64) -> usize {
        match self {
            Scale::MillionKronor => {
                let tenths = value * 10.0;
                let whole_tenths = (tenths - tenths.round()).abs() < 1e-6 * tenths.abs().max(1.0);
                let has_tenth = (tenths.round() % 10.0).abs() > 0.5;
                usize::from(
                    (value.abs() < 10.0 && value.fract().abs() > 0.05)
                        || (whole_tenths && has_tenth),
                )
            }
            Scale::Kronor => 0,
            Scale::KronorPerInhabitant => 2,
            // One decimal, but none for whole percents: `15,4 %`, `100 %`.
            Scale::Percent => usize::from(((value * 10.0).round() % 10.0).abs() > 0.5),
        }
    }

    /// A number already in display units as the table writes it (the same
    /// decimals), but for a machine: no grouping, `-` for minus,
    /// `decimal_separator` for the point: `1414`, `13,77`, `-5`.
    pub fn plain_shown(self, displayed: f64, decimal_separator: char) -> String {
        let text = format!("{:.*}", self.decimals(displayed), displayed);
        // `-0` (a tiny negative rounded) is zero.
        let text = if text.trim_start_matches(['-', '0', '.']).is_empty() {
            text.trim_start_matches('-').to_string()
        } else {
            text
        };
        text.replace('.', &decimal_separator.to_string())
    }

    fn number(self, value: f64, lang: Lang) -> String {
        decimal(value, self.decimals(value), lang)
    }

    /// `shown` rounded as it is written, to decide its sign.
    fn round(self, shown: f64) -> f64 {
        let factor = 10f64.powi(self.decimals(shown).max(1) as i32);
        (shown * factor).round() / factor
    }
}

/// Groups the digits of `n` in threes with `separator`.
pub fn group_digits(n: u64, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// A count with the digits grouped as `lang` writes them: "379 990", "379,990".
pub fn count(n: u64, lang: Lang) -> String {
    group_digits(n, thousands_separator(lang))
}

/// A number for a machine (CSV, JSON-like exports): every digit Rust has,
/// no grouping, `decimal_separator` for the point.
pub fn plain(value: f64, decimal_separator: char) -> String {
    let text = value.to_string();
    if decimal_separator == '.' {
        text
    } else {
        text.replace('.', &decimal_separator.to_string())
    }
}

fn thousands_separator(lang: Lang) -> char {
    lang.pick(THIN_NBSP, ',')
}

fn decimal_separator(lang: Lang) -> char {
    lang.pick(',', '.')
}

/// `value` with `decimals` decimals, grouped, with the language's separators
/// and the minus sign; "–" for a value that is not a number.
fn decimal(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return EN_DASH.to_string();
    }
    let scale = 10f64.powi(decimals as i32);
    let scaled = (value.abs() * scale).round();
    let whole = (scaled / scale).trunc();
    let fraction = (scaled - whole * scale).round() as u64;
    let mut out = String::new();
    if value < 0.0 && scaled > 0.0 {
        out.push(MINUS);
    }
    out.push_str(&group_digits(whole as u64, thousands_separator(lang)));
    if decimals > 0 {
        out.push(decimal_separator(lang));
        out.push_str(&format!("{fraction:0decimals$}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: Scale = Scale::MillionKronor;

    #[test]
    fn plain_shown_numbers_have_the_tables_decimals_and_no_grouping() {
        assert_eq!(M.plain_shown(1414.0, ','), "1414");
        assert_eq!(M.plain_shown(1414.3, ','), "1414,3");
        assert_eq!(M.plain_shown(1077.9993, ','), "1078");
        assert_eq!(M.plain_shown(-10.0, ','), "-10");
        assert_eq!(Scale::KronorPerInhabitant.plain_shown(13.771, ','), "13,77");
        assert_eq!(Scale::Percent.plain_shown(53.33, ','), "53,3");
        assert_eq!(Scale::Percent.plain_shown(-0.01, ','), "0");
        assert_eq!(Scale::Percent.plain_shown(53.33, '.'), "53.3");
    }

    /// Swedish: narrow no-break spaces between thousands and the unit on
    /// the same line; English: commas and the currency first.
    #[test]
    fn each_language_writes_amounts_its_own_way() {
        let cases = [
            (M, 1_414_000_000, Lang::Sv, "1\u{202F}414\u{00A0}mnkr"),
            (
                Scale::Kronor,
                845_000_000,
                Lang::Sv,
                "845\u{202F}000\u{202F}000\u{00A0}kr",
            ),
            (M, 1_414_000_000, Lang::En, "SEK\u{00A0}1,414\u{00A0}m"),
            (
                Scale::Kronor,
                845_000_000,
                Lang::En,
                "SEK\u{00A0}845,000,000",
            ),
        ];
        for (scale, kronor, lang, written) in cases {
            assert_eq!(scale.kronor(kronor, lang), written);
        }
    }

    #[test]
    fn digits_are_grouped_at_every_length() {
        assert_eq!(group_digits(0, ' '), "0");
        assert_eq!(group_digits(999, ' '), "999");
        assert_eq!(group_digits(1_000, ' '), "1 000");
        assert_eq!(group_digits(65_000_000, ' '), "65 000 000");
        assert_eq!(group_digits(u64::MAX, ','), "18,446,744,073,709,551,615");
    }

    #[test]
    fn millions_show_a_tenth_only_where_it_says_something() {
        assert_eq!(M.kronor(845_000_000, Lang::Sv), "845\u{00A0}mnkr");
        assert_eq!(M.kronor(500_000, Lang::Sv), "0,5\u{00A0}mnkr");
        assert_eq!(M.kronor(1_250_000, Lang::En), "SEK\u{00A0}1.3\u{00A0}m");
        assert_eq!(M.kronor(1_240_000, Lang::En), "SEK\u{00A0}1.2\u{00A0}m");
        assert_eq!(M.kronor(0, Lang::Sv), "0\u{00A0}mnkr");
        // A stated figure keeps its tenth in the table and the sources alike …
        assert_eq!(
            M.kronor(1_414_300_000, Lang::Sv),
            "1\u{202F}414,3\u{00A0}mnkr"
        );
        // … while a computed one is not given false precision.
        assert_eq!(
            M.format(1_532_678_912.4, Lang::Sv),
            "1\u{202F}533\u{00A0}mnkr"
        );
        // The largest amount does not overflow.
        assert!(M.kronor(u64::MAX, Lang::Sv).ends_with("mnkr"));
    }

    #[test]
    fn ranges_name_the_unit_once() {
        assert_eq!(
            M.format_range(696e6, 844e6, Lang::Sv),
            "696\u{2013}844\u{00A0}mnkr"
        );
        assert_eq!(
            M.format_range(696e6, 844e6, Lang::En),
            "SEK\u{00A0}696\u{2013}844\u{00A0}m"
        );
        assert_eq!(M.format_range(845e6, 845e6, Lang::Sv), "845\u{00A0}mnkr");
    }

    #[test]
    fn signed_values_use_the_minus_sign_and_zero_has_none() {
        assert_eq!(M.format_signed(65e6, Lang::Sv), "+65\u{00A0}mnkr");
        assert_eq!(M.format_signed(-150e6, Lang::Sv), "\u{2212}150\u{00A0}mnkr");
        assert_eq!(M.format_signed(0.0, Lang::En), "SEK\u{00A0}0\u{00A0}m");
        assert_eq!(
            Scale::Percent.format_signed(8.284, Lang::Sv),
            "+8,3\u{00A0}%"
        );
        assert_eq!(Scale::Percent.format_signed(8.284, Lang::En), "+8.3%");
        assert_eq!(
            Scale::Percent.format_signed(-17.6, Lang::Sv),
            "\u{2212}17,6\u{00A0}%"
        );
        assert_eq!(Scale::Percent.format_signed(-0.01, Lang::Sv), "0\u{00A0}%");
    }

    #[test]
    fn percentages_drop_a_zero_decimal() {
        assert_eq!(Scale::Percent.format(60.0, Lang::Sv), "60\u{00A0}%");
        assert_eq!(Scale::Percent.format(53.33, Lang::Sv), "53,3\u{a0}%");
        assert_eq!(Scale::Percent.format(53.33, Lang::En), "53.3%");
        assert_eq!(Scale::Percent.format(99.999, Lang::Sv), "100\u{a0}%");
        assert_eq!(Scale::Percent.format(f64::NAN, Lang::Sv), "–");
    }

    #[test]
    fn axis_ticks_and_labels_have_no_unit() {
        assert_eq!(M.axis(1400.0, Lang::Sv), "1\u{202F}400");
        assert_eq!(M.axis(1400.0, Lang::En), "1,400");
        assert_eq!(M.axis(-0.2, Lang::En), "\u{2212}0.2");
        assert_eq!(M.axis(2.5, Lang::Sv), "2,5");
        assert_eq!(M.label(1414.0, Lang::Sv), "1\u{202F}414");
        assert_eq!(Scale::KronorPerInhabitant.label(138.218, Lang::Sv), "138");
        assert_eq!(Scale::KronorPerInhabitant.label(84.54, Lang::Sv), "84,5");
        assert_eq!(Scale::Percent.label(60.0, Lang::En), "60.0");
    }

    #[test]
    fn machine_numbers_keep_every_digit() {
        assert_eq!(plain(1414.25, ','), "1414,25");
        assert_eq!(plain(1414.25, '.'), "1414.25");
        assert_eq!(count(379_990, Lang::En), "379,990");
    }
}
