//! Text that comes from outside the app (a file's labels, a file's name, a
//! value in the address), made safe to show among the app's own words.
//!
//! Three dangers, three rules:
//! - **Direction**: a right-to-left override (U+202E) or a right-to-left
//!   script in a name would reorder the app's sentence around it, sums
//!   included. So every user text set inside a sentence is isolated with
//!   FSI … PDI ([`isolate`]), the plain-text twin of `<bdi>` (Fluent does the
//!   same for every placeable), and direction controls are refused in files
//!   and shown as visible code points elsewhere ([`visible`]).
//! - **Invisible or broken characters**: control characters and
//!   non-characters make exported SVG ill-formed XML; a name made only of
//!   invisible characters looks like no name at all.
//! - **Length**: a name is cut with "…" where the app quotes it in a message.

/// First strong isolate: the text after it takes its own direction.
pub const FSI: char = '\u{2068}';
/// Pop directional isolate: ends the isolate, and every embedding or
/// override opened inside it.
pub const PDI: char = '\u{2069}';

/// The longest user text quoted inside an app sentence, in characters.
pub const MAX_QUOTED_CHARS: usize = 60;

/// Whether `c` changes the direction of the text around it: embeddings,
/// overrides, isolates and the invisible direction marks.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` may not appear in XML 1.0 (and so breaks an SVG download),
/// or is a control character no label needs. Tab, line feed and carriage
/// return are allowed: they are whitespace.
pub fn is_forbidden_control(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Whether `c` shows nothing on its own: whitespace, zero-width characters,
/// direction controls, variation selectors and the like.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || is_direction_control(c)
        || is_forbidden_control(c)
        || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{034F}' | '\u{180E}' | '\u{FE00}'..='\u{FE0F}' | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}')
}

/// Whether the text has at least one character a reader can see.
pub fn has_visible(text: &str) -> bool {
    text.chars().any(|c| !is_invisible(c))
}

/// The text with every direction control, forbidden control and other
/// invisible non-space character shown as its code point (`⟨U+202E⟩`), so
/// what a visitor sees is what is there.
pub fn visible(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        if c == ' ' {
            shown.push(c);
        } else if c.is_whitespace() {
            // Line breaks and tabs inside a quoted name: a plain space.
            shown.push(' ');
        } else if is_invisible(c) {
            shown.push_str(&format!("⟨U+{:04X}⟩", c as u32));
        } else {
            shown.push(c);
        }
    }
    shown
}

/// `text` cut to `max` characters, ending in "…" when cut.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// A user text ready to set inside one of the app's sentences: invisible
/// characters made visible, cut to `max` characters, isolated.
pub fn quoted(text: &str, max: usize) -> String {
    isolate(&cut(&visible(text), max))
}

/// A key from a file as it appears in a JSON path of a message: invisible
/// characters shown, cut to [`MAX_QUOTED_CHARS`]. (The whole path is
/// isolated where the message is written.)
pub fn path_key(key: &str) -> String {
    cut(&visible(key), MAX_QUOTED_CHARS)
}

/// `text` between FSI and PDI: whatever its direction, it cannot turn the
/// sentence around it. Plain ASCII has no right-to-left letters and no
/// direction controls, so it is left as it is.
pub fn isolate(text: &str) -> String {
    if text.is_ascii() {
        text.to_string()
    } else {
        format!("{FSI}{text}{PDI}")
    }
}

/// A file's name as the app shows it: control and invisible characters made
/// visible (a name of zero-width spaces shows as their code points, not as
/// nothing), cut to `max` characters; "?" for a name of spaces only.
pub fn file_name(name: &str, max: usize) -> String {
    let shown = cut(visible(name.trim()).as_str(), max);
    if shown.is_empty() {
        "?".to_string()
    } else {
        shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_right_to_left_override_cannot_reach_the_sentence_around_it() {
        let name = "evil\u{202E}fdp.json";
        let quoted = quoted(name, MAX_QUOTED_CHARS);
        assert_eq!(quoted, "\u{2068}evil⟨U+202E⟩fdp.json\u{2069}");
        assert!(!quoted.chars().any(|c| c == '\u{202E}'));
        // An Arabic or Hebrew name is kept as written, but isolated.
        assert_eq!(quoted_without_marks("بودجه"), "بودجه");
    }

    fn quoted_without_marks(text: &str) -> String {
        quoted(text, MAX_QUOTED_CHARS)
            .trim_matches([FSI, PDI])
            .to_string()
    }

    #[test]
    fn invisible_characters_in_names_are_shown_as_code_points() {
        assert_eq!(
            file_name("\u{200B}\u{200B}\u{2060}", 40),
            "⟨U+200B⟩⟨U+200B⟩⟨U+2060⟩"
        );
        assert_eq!(file_name(" \u{202E} ", 40), "⟨U+202E⟩");
        assert_eq!(file_name("   ", 40), "?");
        assert_eq!(file_name("budget.json", 40), "budget.json");
        assert_eq!(file_name("a\u{1}b", 40), "a⟨U+0001⟩b");
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        let long = "x".repeat(110);
        let shown = file_name(&long, 40);
        assert_eq!(shown.chars().count(), 40);
        assert!(shown.ends_with('…'));
        assert_eq!(
            quoted(&long, MAX_QUOTED_CHARS).chars().count(),
            MAX_QUOTED_CHARS + 2
        );
        assert_eq!(quoted("plain.json", MAX_QUOTED_CHARS), "plain.json");
    }

    #[test]
    fn forbidden_controls_are_those_xml_cannot_hold() {
        for c in [
            '\u{1}', '\u{1F}', '\u{7F}', '\u{85}', '\u{FFFE}', '\u{FFFF}',
        ] {
            assert!(is_forbidden_control(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', 'a', 'å', '€'] {
            assert!(!is_forbidden_control(c), "{c:?}");
        }
    }
}
