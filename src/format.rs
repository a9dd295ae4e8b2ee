//! Amounts and percentages written the way Swedish and English readers expect.
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

const MILLION: u64 = 1_000_000;
const BILLION: u64 = 1_000_000_000;

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

fn thousands_separator(lang: Lang) -> char {
    lang.pick(THIN_NBSP, ',')
}

fn decimal_separator(lang: Lang) -> char {
    lang.pick(',', '.')
}

/// Writes `units / divisor` with at most one decimal, dropping a zero decimal.
fn scaled(units: u64, divisor: u64, lang: Lang) -> String {
    // Round half up to tenths in integers, so no float ever shows `0.30000001`.
    let tenths = (units as u128 * 10 + divisor as u128 / 2) / divisor as u128;
    let whole = (tenths / 10) as u64;
    let decimal = (tenths % 10) as u8;
    let mut out = group_digits(whole, thousands_separator(lang));
    if decimal != 0 {
        out.push(decimal_separator(lang));
        out.push(char::from(b'0' + decimal));
    }
    out
}

fn with_unit(number: &str, lang: Lang, sv_unit: &str, en_suffix: &str) -> String {
    match lang {
        Lang::Sv => format!("{number}{NBSP}{sv_unit}"),
        Lang::En if en_suffix.is_empty() => format!("SEK{NBSP}{number}"),
        Lang::En => format!("SEK{NBSP}{number}{NBSP}{en_suffix}"),
    }
}

/// Whole kronor: `845 000 000 kr` / `SEK 845,000,000`.
pub fn kronor(amount: u64, lang: Lang) -> String {
    with_unit(
        &group_digits(amount, thousands_separator(lang)),
        lang,
        "kr",
        "",
    )
}

/// Million kronor: `1 414 mnkr` / `SEK 1,414 m`; one decimal when needed.
pub fn million_kronor(amount: u64, lang: Lang) -> String {
    with_unit(&scaled(amount, MILLION, lang), lang, "mnkr", "m")
}

/// Billion kronor with one decimal: `1,4 mdkr` / `SEK 1.4 bn`.
pub fn billion_kronor(amount: u64, lang: Lang) -> String {
    with_unit(&scaled(amount, BILLION, lang), lang, "mdkr", "bn")
}

/// A range in million kronor with the unit once: `696–844 mnkr` / `SEK 696–844 m`.
pub fn million_kronor_range(low: u64, high: u64, lang: Lang) -> String {
    if low == high {
        return million_kronor(low, lang);
    }
    let range = format!(
        "{}{EN_DASH}{}",
        scaled(low, MILLION, lang),
        scaled(high, MILLION, lang)
    );
    with_unit(&range, lang, "mnkr", "m")
}

/// A signed change in million kronor: `+65 mnkr`, `−150 mnkr` / `+SEK 65 m`.
pub fn signed_million_kronor(change: i128, lang: Lang) -> String {
    let sign = sign_of(change);
    let magnitude = million_kronor(change.unsigned_abs().min(u64::MAX as u128) as u64, lang);
    format!("{sign}{magnitude}")
}

fn sign_of(value: i128) -> String {
    match value.signum() {
        1 => "+".to_string(),
        -1 => MINUS.to_string(),
        _ => String::new(),
    }
}

/// A percentage with one decimal: `8,3 %` / `8.3%`; with `signed`, `+8,3 %`.
pub fn percent(value: f64, lang: Lang, signed: bool) -> String {
    if !value.is_finite() {
        return lang.pick("–", "–").to_string();
    }
    // Work in tenths so that rounding and the sign agree (no "−0,0 %").
    let tenths = (value * 10.0).round() as i128;
    let sign = if signed {
        sign_of(tenths)
    } else if tenths < 0 {
        MINUS.to_string()
    } else {
        String::new()
    };
    let magnitude = tenths.unsigned_abs();
    let mut number = group_digits((magnitude / 10) as u64, thousands_separator(lang));
    if !magnitude.is_multiple_of(10) {
        number.push(decimal_separator(lang));
        number.push(char::from(b'0' + (magnitude % 10) as u8));
    }
    match lang {
        Lang::Sv => format!("{sign}{number}{NBSP}%"),
        Lang::En => format!("{sign}{number}%"),
    }
}

/// An axis tick in million kronor, without unit (the axis title has it): `1 400`.
pub fn axis_million(value_in_millions: f64, lang: Lang) -> String {
    if !value_in_millions.is_finite() {
        return String::new();
    }
    let rounded = value_in_millions.round();
    let sign = if rounded < 0.0 {
        MINUS.to_string()
    } else {
        String::new()
    };
    format!(
        "{sign}{}",
        group_digits(rounded.abs() as u64, thousands_separator(lang))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_uses_narrow_no_break_space_and_unit_on_same_line() {
        assert_eq!(
            million_kronor(1_414_000_000, Lang::Sv),
            "1\u{202F}414\u{00A0}mnkr"
        );
        assert_eq!(
            kronor(845_000_000, Lang::Sv),
            "845\u{202F}000\u{202F}000\u{00A0}kr"
        );
        assert_eq!(billion_kronor(1_414_000_000, Lang::Sv), "1,4\u{00A0}mdkr");
    }

    #[test]
    fn english_uses_commas_and_currency_prefix() {
        assert_eq!(
            million_kronor(1_414_000_000, Lang::En),
            "SEK\u{00A0}1,414\u{00A0}m"
        );
        assert_eq!(kronor(845_000_000, Lang::En), "SEK\u{00A0}845,000,000");
        assert_eq!(
            billion_kronor(1_414_000_000, Lang::En),
            "SEK\u{00A0}1.4\u{00A0}bn"
        );
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
    fn millions_show_a_decimal_only_when_needed_and_round_half_up() {
        assert_eq!(million_kronor(845_000_000, Lang::Sv), "845\u{00A0}mnkr");
        assert_eq!(million_kronor(500_000, Lang::Sv), "0,5\u{00A0}mnkr");
        assert_eq!(
            million_kronor(1_250_000, Lang::En),
            "SEK\u{00A0}1.3\u{00A0}m"
        );
        assert_eq!(
            million_kronor(1_240_000, Lang::En),
            "SEK\u{00A0}1.2\u{00A0}m"
        );
        assert_eq!(million_kronor(0, Lang::Sv), "0\u{00A0}mnkr");
        // The largest amount does not overflow.
        assert!(million_kronor(u64::MAX, Lang::Sv).ends_with("mnkr"));
    }

    #[test]
    fn ranges_name_the_unit_once() {
        assert_eq!(
            million_kronor_range(696_000_000, 844_000_000, Lang::Sv),
            "696\u{2013}844\u{00A0}mnkr"
        );
        assert_eq!(
            million_kronor_range(696_000_000, 844_000_000, Lang::En),
            "SEK\u{00A0}696\u{2013}844\u{00A0}m"
        );
        assert_eq!(
            million_kronor_range(845_000_000, 845_000_000, Lang::Sv),
            "845\u{00A0}mnkr"
        );
    }

    #[test]
    fn signed_changes_use_the_minus_sign() {
        assert_eq!(
            signed_million_kronor(65_000_000, Lang::Sv),
            "+65\u{00A0}mnkr"
        );
        assert_eq!(
            signed_million_kronor(-150_000_000, Lang::Sv),
            "\u{2212}150\u{00A0}mnkr"
        );
        assert_eq!(signed_million_kronor(0, Lang::En), "SEK\u{00A0}0\u{00A0}m");
        assert_eq!(
            signed_million_kronor(-150_000_000, Lang::En),
            "\u{2212}SEK\u{00A0}150\u{00A0}m"
        );
    }

    #[test]
    fn percentages_in_both_languages() {
        assert_eq!(percent(8.284, Lang::Sv, true), "+8,3\u{00A0}%");
        assert_eq!(percent(8.284, Lang::En, true), "+8.3%");
        assert_eq!(percent(-17.6, Lang::Sv, true), "\u{2212}17,6\u{00A0}%");
        assert_eq!(percent(60.0, Lang::Sv, false), "60\u{00A0}%");
        // Rounding to zero has no sign.
        assert_eq!(percent(-0.01, Lang::Sv, true), "0\u{00A0}%");
        assert_eq!(percent(f64::NAN, Lang::Sv, true), "–");
    }

    #[test]
    fn axis_ticks_are_grouped_numbers() {
        assert_eq!(axis_million(1400.0, Lang::Sv), "1\u{202F}400");
        assert_eq!(axis_million(1400.0, Lang::En), "1,400");
        assert_eq!(axis_million(-0.2, Lang::En), "0");
    }
}
