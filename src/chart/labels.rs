//! Label text: widths estimated before drawing, and names wrapped to lines.

/// Rough text width: plotters measures for real in the browser, but the
/// layout must be known before drawing and be the same natively.
pub(super) fn text_width(text: &str, font_size: u32) -> u32 {
    (text.chars().count() as f64 * font_size as f64 * 0.56).ceil() as u32
}

/// The most lines a chart label takes; a longer one ends in "…" and its whole
/// text is in the chart's `<title>` for that label (and in the table).
pub const MAX_LABEL_LINES: usize = 4;

/// A label wrapped to `max_chars` a line, at most [`MAX_LABEL_LINES`] lines.
pub(super) fn wrap_capped(label: &str, max_chars: usize) -> Vec<String> {
    let mut lines = wrap(label, max_chars);
    if lines.len() > MAX_LABEL_LINES {
        lines.truncate(MAX_LABEL_LINES);
        if let Some(last) = lines.last_mut() {
            let keep = max_chars.max(4).saturating_sub(1);
            let mut short: String = last.chars().take(keep).collect();
            short = short.trim_end_matches(['-', ' ']).to_string();
            short.push('…');
            *last = short;
        }
    }
    lines
}

/// Whether the lines drawn for `label` leave some of it out.
pub(super) fn is_cut(lines: &[String]) -> bool {
    lines.last().is_some_and(|line| line.ends_with('…'))
}

/// Splits a label into lines of about `max_chars`, at spaces, keeping every
/// word: a word longer than a line is broken after a hyphen or slash it has,
/// or else with a hyphen added. Nothing is cut off.
pub(super) fn wrap(label: &str, max_chars: usize) -> Vec<String> {
    let max_chars = max_chars.max(4);
    let mut lines: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        for piece in word_pieces(word, max_chars) {
            match lines.last_mut() {
                Some(line)
                    if !line.ends_with('-')
                        && !line.ends_with('/')
                        && line.chars().count() + 1 + piece.chars().count() <= max_chars =>
                {
                    line.push(' ');
                    line.push_str(&piece);
                }
                Some(line)
                    if (line.ends_with('-') || line.ends_with('/'))
                        && line.chars().count() + piece.chars().count() <= max_chars =>
                {
                    line.push_str(&piece);
                }
                _ => lines.push(piece),
            }
        }
    }
    lines
}

/// A word in pieces of at most `max_chars`.
fn word_pieces(word: &str, max_chars: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest: Vec<char> = word.chars().collect();
    while rest.len() > max_chars {
        // Prefer the word's own break points: "Barn-och" → "Barn-", "och".
        let own = rest[..max_chars]
            .iter()
            .rposition(|c| *c == '-' || *c == '/' || *c == '–')
            .filter(|&at| at > 0);
        let cut = match own {
            Some(at) => at + 1,
            None => max_chars - 1,
        };
        let mut piece: String = rest[..cut].iter().collect();
        if own.is_none() {
            piece.push('-');
        }
        pieces.push(piece);
        rest = rest[cut..].to_vec();
    }
    pieces.push(rest.into_iter().collect());
    pieces
}

/// Whether every word of every label fits a line of `max_chars` unbroken,
/// in at most three lines: then vertical bars can carry the labels below.
pub(super) fn labels_fit(groups: &[String], max_chars: usize) -> bool {
    groups.iter().all(|group| {
        group
            .split_whitespace()
            .all(|word| word.chars().count() <= max_chars)
            && wrap(group, max_chars).len() <= 3
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn long_labels_wrap_at_spaces() {
        assert_eq!(
            wrap("Kommuner och regioner", 10),
            ["Kommuner", "och", "regioner"]
        );
        assert_eq!(
            wrap("Primärvård (landsting)", 12),
            ["Primärvård", "(landsting)"]
        );
        assert_eq!(
            wrap("Ej fördelat i källorna", 14),
            ["Ej fördelat i", "källorna"]
        );
    }

    #[test]
    fn wrapping_keeps_every_letter() {
        for (label, width) in [
            ("Barn- och ungdomspsykiatri", 8),
            ("Kunskapsbaserad vård", 6),
            ("Primärvård (landsting)", 10),
            ("Samsjuklighet beroende–psykiatri", 7),
        ] {
            let lines = wrap(label, width);
            assert!(
                lines.iter().all(|line| line.chars().count() <= width),
                "{lines:?}"
            );
            let joined: String = lines.concat().replace(['-', ' '], "");
            assert_eq!(joined, label.replace(['-', ' '], ""), "{lines:?}");
        }
        assert_eq!(wrap("Barn-och", 6), ["Barn-", "och"]);
    }
}
