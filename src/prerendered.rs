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

/// Where a view's own part of the page starts (the view switcher, which
/// marks the current view) and ends (the print note, after which every view
/// is the same: more tools, sources, about the data).
const VIEW_START: &str = "<nav aria-label=\"Vy\"";
const VIEW_END: &str = "<p class=\"print-only print-note\">";

/// A view's own part of a drawn page, if the page has one.
pub fn view_part(page: &str) -> Option<&str> {
    let start = page.find(VIEW_START)?;
    let end = start + page[start..].find(VIEW_END)?;
    Some(&page[start..end])
}

/// `page` with its view part replaced by every view's (`(key, part)`, the
/// first one `page`'s own), each in a `drawn-view` marked with its key;
/// the page's style shows the one the address asks for (`public/start-view.js`).
pub fn with_every_view(page: &str, views: &[(&str, &str)]) -> Option<String> {
    let own = view_part(page)?;
    let start = page.find(own)?;
    let parts: String = views
        .iter()
        .map(|(key, part)| format!("<div class=\"drawn-view\" data-view=\"{key}\">{part}</div>"))
        .collect();
    Some(format!(
        "{}{parts}{}",
        &page[..start],
        &page[start + own.len()..]
    ))
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
    fn every_view_gets_its_own_part_and_the_rest_is_shared() {
        let page = |view: &str| {
            format!("<header>h</header><main><nav aria-label=\"Vy\">{view}</nav><figure>{view} chart</figure><p class=\"print-only print-note\">p</p><section>sources</section></main>")
        };
        let (compare, trend) = (page("compare"), page("trend"));
        assert_eq!(
            view_part(&trend),
            Some("<nav aria-label=\"Vy\">trend</nav><figure>trend chart</figure>")
        );
        let views = [
            ("compare", view_part(&compare).unwrap()),
            ("trend", view_part(&trend).unwrap()),
        ];
        let merged = with_every_view(&compare, &views).expect("a view part");
        assert_eq!(
            merged,
            "<header>h</header><main><div class=\"drawn-view\" data-view=\"compare\"><nav aria-label=\"Vy\">compare</nav><figure>compare chart</figure></div><div class=\"drawn-view\" data-view=\"trend\"><nav aria-label=\"Vy\">trend</nav><figure>trend chart</figure></div><p class=\"print-only print-note\">p</p><section>sources</section></main>"
        );
        assert_eq!(view_part("<main>no switcher</main>"), None);
        assert_eq!(with_every_view("<main>no switcher</main>", &views), None);
    }

    #[test]
    fn pages_with_other_charts_are_refused() {
        let drawings: Vec<Vec<&str>> = WIDTHS.iter().map(|_| vec!["<svg>A</svg>"]).collect();
        assert_eq!(with_every_width(PAGE, &drawings), None);
    }
}
