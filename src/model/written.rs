//! Reads a number the way the sources write it: `"250 miljoner kronor"`,
//! `"1 774 Mkr"`, `"845 000 000 kronor"`, `"1,7 miljarder"`, `"fem miljoner"`.

/// Swedish number words the sources use.
const WORDS: &[(&str, u64)] = &[
    ("en", 1),
    ("ett", 1),
    ("två", 2),
    ("tre", 3),
    ("fyra", 4),
    ("fem", 5),
    ("sex", 6),
    ("sju", 7),
    ("åtta", 8),
    ("nio", 9),
    ("tio", 10),
];

/// The amount in kronor a number as written stands for, or `None` when the
/// text is not a number in one of the forms the sources use.
///
/// A bare number below a million is read in millions, as running text does
/// ("minskades från 105 till 50 miljoner", "ungdomsmottagningarna oförändrat
/// 130"); a bare number of a million or more is kronor (`"150 000 000"`).
///
/// ```
/// use budget_explorer::model::written_amount;
/// assert_eq!(written_amount("1 774 Mkr"), Some(1_774_000_000));
/// assert_eq!(written_amount("fem miljoner"), Some(5_000_000));
/// assert_eq!(written_amount("1,7 miljarder kronor"), Some(1_700_000_000));
/// assert_eq!(written_amount("ungefär"), None);
/// ```
pub fn written_amount(text: &str) -> Option<u64> {
    let text = text.to_lowercase().replace(['\u{a0}', '\u{202f}'], " ");
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while matches!(words.last(), Some(&("kronor" | "kr" | "kr." | "sek"))) {
        words.pop();
    }
    let unit = match words.last() {
        Some(&("miljoner" | "miljon" | "milj" | "milj." | "mkr" | "mnkr")) => Some(1_000_000),
        Some(&("miljarder" | "miljard" | "mdkr")) => Some(1_000_000_000),
        _ => None,
    };
    if unit.is_some() {
        words.pop();
    }
    let (mantissa, places) = match words[..] {
        [word] if WORDS.iter().any(|(w, _)| *w == word) => {
            (WORDS.iter().find(|(w, _)| *w == word)?.1, 0)
        }
        [] => return None,
        _ => digits(&words)?,
    };
    let unit = unit.unwrap_or(if places == 0 && mantissa < 1_000_000 {
        1_000_000
    } else {
        1
    });
    let scaled = mantissa.checked_mul(unit)?;
    let divisor = 10u64.checked_pow(places)?;
    (scaled % divisor == 0).then_some(scaled / divisor)
}

/// `["1", "774"]` → (1774, 0); `["1,7"]` → (17, 1). Groups after the first
/// have three digits; only the last may carry a decimal comma.
fn digits(groups: &[&str]) -> Option<(u64, u32)> {
    let mut mantissa: u64 = 0;
    let mut places = 0;
    for (position, group) in groups.iter().enumerate() {
        let (whole, fraction) = match group.split_once(',') {
            Some((whole, fraction)) if position + 1 == groups.len() => (whole, fraction),
            Some(_) => return None,
            None => (*group, ""),
        };
        let whole_ok = if position == 0 {
            !whole.is_empty() && (groups.len() == 1 || whole.len() <= 3)
        } else {
            whole.len() == 3
        };
        if !whole_ok
            || !whole
                .chars()
                .chain(fraction.chars())
                .all(|c| c.is_ascii_digit())
        {
            return None;
        }
        for c in whole.chars().chain(fraction.chars()) {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(u64::from(c.to_digit(10)?))?;
        }
        places = u32::try_from(fraction.len()).ok()?;
    }
    Some((mantissa, places))
}

#[cfg(test)]
mod tests {
    use super::*;

    const M: u64 = 1_000_000;

    #[test]
    fn every_form_the_sources_use() {
        for (text, kronor) in [
            ("350 miljoner", 350 * M),
            ("630 miljoner kronor", 630 * M),
            ("630 000 000 kronor", 630 * M),
            ("150 000 000", 150 * M),
            ("fem miljoner", 5 * M),
            ("105", 105 * M),
            ("1 414 miljoner kronor", 1_414 * M),
            ("1414 miljoner kronor", 1_414 * M),
            ("1 774 Mkr", 1_774 * M),
            ("100 milj", 100 * M),
            ("200 miljoner kr", 200 * M),
            ("217 000 000", 217 * M),
            ("1,7 miljarder", 1_700 * M),
            ("1\u{a0}527\u{a0}000\u{a0}000 kronor", 1_527 * M),
        ] {
            assert_eq!(written_amount(text), Some(kronor), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_number_is_none() {
        for text in [
            "",
            "kronor",
            "miljoner",
            "1 77 Mkr",
            "12 3456",
            "1,7,3 Mkr",
            "ca 850",
            "sju och en halv",
            "0,0001 kr",
        ] {
            assert_eq!(written_amount(text), None, "{text}");
        }
        assert_eq!(written_amount("99999999999999999999 miljarder"), None);
    }
}
