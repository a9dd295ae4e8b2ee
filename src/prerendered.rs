//! The markup of the page drawn at build time (`src/bin/prerender.rs`):
//! what is done to Leptos's server-rendered HTML before it goes into
//! `index.html`. Pure string work, tested natively.

/// The widths charts are drawn at in `index.html`, one SVG each; the page's
/// style shows the one nearest to what the app will draw (`public/style.css`,
/// "Charts drawn at build time"), so the app's own chart replaces one of
/// nearly the same size. 320 is a 360 px phone, 372 a 412 px one (also
/// Lighthouse's mobile screen), 728 a 768 px tablet, 1000 every wide screen.
pub const WIDTHS: [u32; 4] = [320, 372, 728, 1000];

/// Removes the comments Leptos leaves to keep neighbouring text apart when
/// it hydrates (`<!>`, `<!--<() />-->`): this page is replaced, not hydrated.
pub fn strip_markers(html: &str) -> String {
    html.replace("<!>", "").replace("<!--<() />-->", "")
}

/// The chart drawings (`<svg>…</svg>` inside `class="chart-canvas"`) in
/// page order.
pub fn chart_drawings(html: &str) -> Vec<&str> {
    let mut drawings = Vec::new();
    let mut rest = html;
    while let Some(canvas) = rest.find("class=\"chart-canvas\"") {
        rest = &rest[canvas..];
        let (Some(start), Some(end)) = (rest.find("<svg"), rest.find("</svg>")) else {
            break;
        };
        if end < start {
            break;
        }
        let end = end + "</svg>".len();
        drawings.push(&rest[start..end]);
        rest = &rest[end..];
    }
    drawings
}

/// `page` with each of its chart drawings replaced by the same chart at
/// every width (`drawings[i]` holds chart i's drawing at `WIDTHS[i]`),
/// each marked with its width. `None` when the pages do not have the same
/// charts.
pub fn with_every_width(page: &str, drawings: &[Vec<&str>]) -> Option<String> {
    let own = chart_drawings(page);
    if drawings.iter().any(|at_width| at_width.len() != own.len()) {
        return None;
    }
    let mut out = String::with_capacity(page.len() * 2);
    let mut rest = page;
    for (chart, drawing) in own.iter().enumerate() {
        let start = rest.find(drawing)?;
        out.push_str(&rest[..start]);
        for (width, at_width) in WIDTHS.iter().zip(drawings) {
            out.push_str(&at_width[chart].replacen(
                "<svg ",
                &format!("<svg data-width=\"{width}\" "),
                1,
            ));
        }
        rest = &rest[start + drawing.len()..];
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<h1>T<!>x</h1><!--<() />--><div role=\"img\" class=\"chart-canvas\"><svg width=\"1000\">a</svg></div><p>between</p><div class=\"chart-canvas\"><svg width=\"1000\">b</svg></div><p>end</p>";

    #[test]
    fn markers_go_and_text_stays() {
        assert_eq!(
            strip_markers("<h1>T<!>x</h1><!--<() />--><p>y</p>"),
            "<h1>Tx</h1><p>y</p>"
        );
        assert_eq!(
            strip_markers("<!-- a real comment -->"),
            "<!-- a real comment -->"
        );
    }

    #[test]
    fn drawings_are_found_in_order_only_inside_chart_canvases() {
        let page = format!("<svg>icon</svg>{PAGE}");
        assert_eq!(
            chart_drawings(&page),
            ["<svg width=\"1000\">a</svg>", "<svg width=\"1000\">b</svg>"]
        );
        assert!(chart_drawings("<div class=\"chart-canvas\"></div>").is_empty());
    }

    #[test]
    fn every_chart_gets_every_width_in_place() {
        let drawings: Vec<Vec<&str>> = WIDTHS
            .iter()
            .map(|_| vec!["<svg w>A</svg>", "<svg w>B</svg>"])
            .collect();
        let page = with_every_width(PAGE, &drawings).expect("same charts");
        assert_eq!(page.matches("<svg data-width=").count(), 2 * WIDTHS.len());
        assert!(page.contains("<svg data-width=\"320\" w>A</svg><svg data-width=\"372\" w>A</svg>"));
        assert!(page.contains("<svg data-width=\"1000\" w>B</svg></div><p>end</p>"));
        assert!(page.find(">A<").unwrap() < page.find("between").unwrap());
        assert!(!page.contains(">a<") && !page.contains(">b<"));
    }

    #[test]
    fn pages_with_other_charts_are_refused() {
        let drawings: Vec<Vec<&str>> = WIDTHS.iter().map(|_| vec!["<svg>A</svg>"]).collect();
        assert_eq!(with_every_width(PAGE, &drawings), None);
    }
}
