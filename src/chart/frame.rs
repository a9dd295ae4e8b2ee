//! A chart made to travel: the SVG and PNG downloads carry the view's title,
//! its unit and price basis, the source, the view's address and the date, as
//! Datawrapper's and Our World in Data's do, so a chart pasted into a report
//! still says what it is and where it came from.

use super::svg_size;

/// The texts around a downloaded chart, already in the visitor's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFrame {
    /// The view's title, at the top.
    pub title: String,
    /// Under the title: unit and price basis.
    pub subtitle: String,
    /// The source line, at the bottom.
    pub source: String,
    /// The view's address, so a reader can open the same view.
    pub address: String,
    /// When the chart was downloaded (`2026-11-24`), with its label.
    pub date: String,
}

const MARGIN: u32 = 16;
const TITLE_SIZE: u32 = 22;
const SUBTITLE_SIZE: u32 = 15;
const HEADING_SIZE: u32 = 17;
const FOOTER_SIZE: u32 = 13;

/// Text made safe for SVG content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML cannot hold are left out.
            c if crate::user_text::is_forbidden_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines of at most `max_chars`, broken at spaces, and inside a word (an
/// address) only where a word is longer than a line.
fn lines(text: &str, max_chars: usize) -> Vec<String> {
    let max_chars = max_chars.max(8);
    let mut out: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > max_chars {
            let rest = word.split_off(max_chars);
            out.push(word.iter().collect());
            word = rest;
        }
        let word: String = word.into_iter().collect();
        match out.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= max_chars => {
                line.push(' ');
                line.push_str(&word);
            }
            _ => out.push(word),
        }
    }
    out
}

fn text_block(out: &mut String, y: &mut u32, text: &str, size: u32, width: u32, style: &str) {
    // A generous width per character: a line must never run off the image.
    let max_chars = ((width - 2 * MARGIN) as f64 / (size as f64 * 0.62)) as usize;
    for line in lines(text, max_chars) {
        *y += size + size / 3;
        out.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{y}\" font-family=\"sans-serif\" font-size=\"{size}\" {style}>{}</text>\n",
            escape(&line)
        ));
    }
}

/// One SVG document: the frame's title and subtitle, each chart (with its
/// own heading when there are several) and the footer. `charts` are
/// `(heading, svg)` pairs as [`super::render_svg`] draws them.
pub fn framed_svg(charts: &[(String, String)], frame: &ExportFrame) -> String {
    let width = charts
        .iter()
        .filter_map(|(_, svg)| svg_size(svg).map(|(width, _)| width))
        .max()
        .unwrap_or(800)
        .max(320);
    let mut body = String::new();
    let mut y = MARGIN / 2;
    text_block(
        &mut body,
        &mut y,
        &frame.title,
        TITLE_SIZE,
        width,
        "font-weight=\"bold\" fill=\"#1d1d1f\"",
    );
    text_block(
        &mut body,
        &mut y,
        &frame.subtitle,
        SUBTITLE_SIZE,
        width,
        "fill=\"#444444\"",
    );
    y += 10;
    for (heading, svg) in charts {
        if charts.len() > 1 {
            text_block(
                &mut body,
                &mut y,
                heading,
                HEADING_SIZE,
                width,
                "font-weight=\"bold\" fill=\"#1d1d1f\"",
            );
            y += 6;
        }
        let Some((_, height)) = svg_size(svg) else {
            continue;
        };
        // A nested <svg> keeps the chart's own coordinates; only its place is set.
        let nested = svg
            .replacen(" aria-hidden=\"true\" focusable=\"false\"", "", 1)
            .replacen("<svg ", &format!("<svg x=\"0\" y=\"{y}\" "), 1);
        body.push_str(&nested);
        body.push('\n');
        y += height + 8;
    }
    body.push_str(&format!(
        "<line x1=\"{MARGIN}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#cccccc\" stroke-width=\"1\"/>\n",
        width - MARGIN
    ));
    y += 4;
    for line in [&frame.source, &frame.address, &frame.date] {
        text_block(
            &mut body,
            &mut y,
            line,
            FOOTER_SIZE,
            width,
            "fill=\"#444444\"",
        );
    }
    y += MARGIN;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{y}\" viewBox=\"0 0 {width} {y}\">\n\
         <title>{}</title>\n<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{y}\" fill=\"#FFFFFF\"/>\n{body}</svg>\n",
        escape(&frame.title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> ExportFrame {
        ExportFrame {
            title: "Total budget per år: 2015, 2016 och 2018".into(),
            subtitle: "miljoner kronor, löpande priser".into(),
            source: "Källa: överenskommelserna mellan staten och SKL/SKR <se tabellen>".into(),
            address: "https://example.org/budget/?years=2015,2016,2018&lang=sv".into(),
            date: "Hämtad 2026-11-24".into(),
        }
    }

    fn chart(width: u32, height: u32) -> String {
        format!("<svg aria-hidden=\"true\" focusable=\"false\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/></svg>")
    }

    #[test]
    fn carries_title_unit_source_address_and_date() {
        let svg = framed_svg(&[("a".into(), chart(800, 400))], &frame());
        for text in [
            "Total budget per år: 2015, 2016 och 2018",
            "miljoner kronor, löpande priser",
            "Källa: överenskommelserna mellan staten och SKL/SKR &lt;se tabellen&gt;",
            "https://example.org/budget/?years=2015,2016,2018&amp;lang=sv",
            "Hämtad 2026-11-24",
        ] {
            assert!(svg.contains(text), "{text} in {svg}");
        }
        let (width, height) = svg_size(&svg).unwrap();
        assert_eq!(width, 800);
        assert!(height > 400 + 100, "room for header and footer: {height}");
        assert!(
            svg.contains("<svg x=\"0\" y=\""),
            "the chart is nested in place"
        );
        assert!(
            !svg.contains("aria-hidden"),
            "a download is a picture of its own"
        );
    }

    #[test]
    fn several_charts_are_stacked_with_their_headings() {
        let svg = framed_svg(
            &[
                ("Totalt".into(), chart(800, 300)),
                ("Per mottagare".into(), chart(800, 300)),
            ],
            &frame(),
        );
        assert!(svg.contains(">Totalt</text>") && svg.contains(">Per mottagare</text>"));
        assert!(svg_size(&svg).unwrap().1 > 600);
    }

    #[test]
    fn long_lines_wrap_inside_the_image() {
        let mut long = frame();
        long.address = format!("https://example.org/{}", "x".repeat(300));
        let svg = framed_svg(&[("a".into(), chart(360, 300))], &long);
        let longest = svg
            .lines()
            .filter(|line| line.starts_with("<text"))
            .map(|line| line.split('>').nth(1).unwrap_or("").len())
            .max()
            .unwrap();
        assert!(longest < 60, "{longest}");
    }

    #[test]
    fn hostile_text_stays_text() {
        let mut hostile = frame();
        hostile.title = "<script>alert(1)</script>\u{0}".into();
        let svg = framed_svg(&[], &hostile);
        assert!(!svg.contains("<script>") && !svg.contains('\u{0}'));
    }
}
