//! The page drawn at build time (`src/bin/prerender.rs`) and what it shares
//! with the app that hydrates it: every contract between the two, as data,
//! in this one file. Pure string work, tested natively.
//!
//! The build renders the app's own components (Leptos `ssr`) for each view's
//! default address and writes them into `index.html`; the browser app
//! hydrates that markup in place (`src/ui/start.rs`). The page's start-up
//! script (`public/start-view.js`) reads [`contract_json`] from the page, so
//! neither side spells the other's names.

use crate::i18n::{Lang, Text};

/// The widths charts are drawn at in `index.html`, one SVG each; the page's
/// style shows the one nearest to what the app will draw (`public/style.css`,
/// "Charts drawn at build time", checked against these by a test), so until
/// the app redraws a chart, the one shown has nearly its size. 320 is a
/// 360 px phone, 372 a 412 px one (also Lighthouse's mobile screen), 728 a
/// 768 px tablet, 1000 every wide screen.
pub const WIDTHS: [u32; 4] = [320, 372, 728, 1000];

/// The drawn width nearest to `chart_width`, the one the page's style shows
/// (half-way between two, the wider).
pub fn nearest_width(chart_width: u32) -> u32 {
    WIDTHS
        .iter()
        .copied()
        .min_by_key(|width| (width.abs_diff(chart_width), std::cmp::Reverse(*width)))
        .unwrap_or(chart_width)
}

/// The narrowest and widest a chart is drawn, in CSS pixels: narrower than
/// this, labels no longer fit; wider, a line of bars is too long to read
/// (the page's column is no wider anyway).
pub const CHART_WIDTHS: std::ops::RangeInclusive<u32> = 280..=1000;

/// The width a chart is drawn at in a box `box_width` CSS pixels wide (its
/// `.chart-canvas`, measured by the app): the box's own width, within
/// [`CHART_WIDTHS`]. The style shows the drawing nearest to it from the
/// same box (a container query), so neither knows the page's padding.
pub fn chart_width_for(box_width: i32) -> u32 {
    let (narrowest, widest) = (*CHART_WIDTHS.start(), *CHART_WIDTHS.end());
    u32::try_from(box_width)
        .unwrap_or(0)
        .clamp(narrowest, widest)
}

/// Each view drawn into the page: its key (`data-view`) and its default
/// address, the default view first. Any other address is not drawn: the
/// app mounts its own page for it.
pub const DRAWN_VIEWS: [(&str, &str); 4] = [
    ("compare", ""),
    ("trend", "?view=trend"),
    ("breakdown", "?view=breakdown"),
    ("bridge", "?view=bridge"),
];

/// The controls whose clicks before the app is ready are recorded by the
/// start-up script (as their index in document order) and replayed by the
/// app. A `summary`'s click is kept by the browser itself where the page is
/// hydrated (the app does not bind `open`), and replayed only on a fresh page.
pub const EARLY_CONTROLS: &str = "button, input, summary";

/// What can have the keyboard focus: the controls, links, and the regions a
/// link leads to (the skip link's charts). Used where the app mounts a fresh
/// page in place of the drawn one, to give the focus to the same element.
pub const FOCUSABLE: &str = "a[href], button, input, summary, [tabindex]";

/// The class of the view switcher, where a view's own part of the page
/// starts: everything from it to the end of `<main>` depends on the view.
pub const VIEW_SWITCHER_CLASS: &str = "view-switcher";

/// The class of a drawing's box: its `inner_html` is plotters' SVG, which
/// hydration does not walk, so the build may put a drawing at every width
/// in it.
pub const CHART_CANVAS_CLASS: &str = "chart-canvas";

/// The attributes by which the page, its start-up scripts and the app tell
/// each other where the start is. All on `<div id="app">` but
/// [`mark::REDRAWING`], which is on each chart's box.
pub mod mark {
    /// The page holds the build's markup, not (yet) the app's.
    pub const DRAWN: &str = "data-prerendered";
    /// Set by `start-view.js` when the address is a drawn view's: which one
    /// it kept (and unwrapped) for the app to hydrate.
    pub const DRAWN_VIEW: &str = "data-drawn-view";
    /// The clicks before the app was ready, as indices among
    /// [`super::EARLY_CONTROLS`], comma-separated.
    pub const CLICKS: &str = "data-clicks";
    /// A tap waits for the app: the chart's box shows this attribute's value
    /// over the drawing (and is `aria-busy`) until the app has drawn.
    pub const REDRAWING: &str = "data-redrawing";
    /// The id of the polite status line the start-up script adds after
    /// `#app` while a tap waits, and the app removes.
    pub const REDRAWING_STATUS: &str = "redrawing-status";
    /// The app is hydrating the page: a failure now is a page that does not
    /// match the app (the start script then starts the app afresh).
    pub const HYDRATING: &str = "data-hydrating";
    /// Set by the start script after such a failure: mount a fresh page.
    pub const HYDRATION_FAILED: &str = "data-hydration-failed";
}

/// The contract as the start-up script reads it from the page (a
/// `<script type="application/json" id="drawn-page">` written by the build):
/// which views are drawn at which address, which controls it records, and
/// the words it shows on a chart while a tap waits for the app.
pub fn contract_json(lang: Lang) -> String {
    let views: Vec<serde_json::Value> = DRAWN_VIEWS
        .iter()
        .map(|(key, query)| serde_json::json!({ "key": key, "query": query }))
        .collect();
    serde_json::json!({
        "views": views,
        "controls": EARLY_CONTROLS,
        "redrawing": Text::Redrawing.get(lang),
        "marks": {
            "drawn": mark::DRAWN,
            "drawnView": mark::DRAWN_VIEW,
            "clicks": mark::CLICKS,
            "redrawing": mark::REDRAWING,
            "redrawingStatus": mark::REDRAWING_STATUS,
            "hydrating": mark::HYDRATING,
            "hydrationFailed": mark::HYDRATION_FAILED,
        },
    })
    .to_string()
}

/// The chart drawings (`<svg>…</svg>` inside a [`CHART_CANVAS_CLASS`] box)
/// in page order.
pub fn chart_drawings(html: &str) -> Vec<&str> {
    let canvas_attribute = format!("class=\"{CHART_CANVAS_CLASS}\"");
    let mut drawings = Vec::new();
    let mut rest = html;
    while let Some(canvas) = rest.find(&canvas_attribute) {
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

/// Where a view's own part of a drawn page ends: everything in `<main>`
/// after the view switcher depends on the view (its chart, table, sources,
/// the addresses in its print note and embed panel).
const VIEW_END: &str = "</main>";

/// A view's own part of a drawn page, if the page has one: from the view
/// switcher's `<nav` to the end of `<main>` (not included).
pub fn view_part(page: &str) -> Option<&str> {
    let class = page.find(&format!("class=\"{VIEW_SWITCHER_CLASS}\""))?;
    let start = page[..class].rfind("<nav")?;
    let end = start + page[start..].find(VIEW_END)?;
    Some(&page[start..end])
}

/// Where a view's part is cut in two: its print note starts the rest (more
/// tools, sources, about the data), which is long and below the first
/// screen.
const VIEW_REST: &str = "<p class=\"print-only print-note\">";

/// `page` with its view part replaced by every view's (`(key, part)`, the
/// first one `page`'s own), each cut in two pieces in a `drawn-view` marked
/// with its key: first every view's view, then every view's rest, so that a
/// view's chart is not behind another view's sources in the page. The
/// start-up script keeps the two pieces of the view the address asks for
/// and unwraps them (they are then next to each other), so the page is
/// again exactly what the app renders for that address. `None` when a page
/// has no view part.
pub fn with_every_view(page: &str, views: &[(&str, &str)]) -> Option<String> {
    let own = view_part(page)?;
    let start = page.find(own)?;
    let (before, after) = (&page[..start], &page[start + own.len()..]);
    let piece = |key: &str, piece: &str| {
        format!("<div class=\"drawn-view\" data-view=\"{key}\">{piece}</div>")
    };
    let (mut views_first, mut rests) = (String::new(), String::new());
    for (key, part) in views {
        let cut = part.find(VIEW_REST).unwrap_or(part.len());
        views_first.push_str(&piece(key, &part[..cut]));
        rests.push_str(&piece(key, &part[cut..]));
    }
    Some(format!("{before}{views_first}{rests}{after}"))
}

/// Whether `view_page` is `page` with only its view part changed: what the
/// drawn page needs for each view to be hydrated as the app renders it.
pub fn differs_only_in_view_part(page: &str, view_page: &str) -> bool {
    let outside = |whole: &str| {
        view_part(whole).and_then(|part| {
            let start = whole.find(part)?;
            Some((
                whole[..start].to_owned(),
                whole[start + part.len()..].to_owned(),
            ))
        })
    };
    matches!((outside(page), outside(view_page)), (Some(a), Some(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<h1>T<!>x</h1><div role=\"img\" class=\"chart-canvas\"><svg width=\"1000\">a</svg></div><p>between</p><div class=\"chart-canvas\"><svg width=\"1000\">b</svg></div><p>end</p>";

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
    fn every_chart_gets_every_width_in_place_and_hydration_markers_stay() {
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
        // Leptos's markers are what hydration finds its text nodes by.
        assert!(page.starts_with("<h1>T<!>x</h1>"));
    }

    fn page(view: &str) -> String {
        format!("<header>h</header><main><!><nav aria-label=\"Vy\" class=\"view-switcher\">{view}</nav><figure>{view} chart</figure><p class=\"print-only print-note\">{view}</p><p>{view} sources</p></main><footer>f</footer>")
    }

    #[test]
    fn every_view_gets_its_own_part_up_to_the_end_of_main_views_first() {
        let (compare, trend) = (page("compare"), page("trend"));
        assert_eq!(
            view_part(&trend),
            Some("<nav aria-label=\"Vy\" class=\"view-switcher\">trend</nav><figure>trend chart</figure><p class=\"print-only print-note\">trend</p><p>trend sources</p>")
        );
        let views = [
            ("compare", view_part(&compare).unwrap()),
            ("trend", view_part(&trend).unwrap()),
        ];
        let merged = with_every_view(&compare, &views).expect("a view part");
        let piece = |key: &str, inner: &str| {
            format!("<div class=\"drawn-view\" data-view=\"{key}\">{inner}</div>")
        };
        let view_of = |key: &str| {
            format!("<nav aria-label=\"Vy\" class=\"view-switcher\">{key}</nav><figure>{key} chart</figure>")
        };
        let rest_of =
            |key: &str| format!("<p class=\"print-only print-note\">{key}</p><p>{key} sources</p>");
        // Every view's chart comes before any view's sources.
        assert_eq!(
            merged,
            format!(
                "<header>h</header><main><!>{}{}{}{}</main><footer>f</footer>",
                piece("compare", &view_of("compare")),
                piece("trend", &view_of("trend")),
                piece("compare", &rest_of("compare")),
                piece("trend", &rest_of("trend")),
            )
        );
        // The trend pieces unwrapped and the others dropped: the trend page itself.
        let unwrapped = merged
            .replace(&piece("compare", &view_of("compare")), "")
            .replace(&piece("compare", &rest_of("compare")), "")
            .replace(&piece("trend", &view_of("trend")), &view_of("trend"))
            .replace(&piece("trend", &rest_of("trend")), &rest_of("trend"));
        assert_eq!(unwrapped, trend);
        assert_eq!(view_part("<main>no switcher</main>"), None);
        assert_eq!(with_every_view("<main>no switcher</main>", &views), None);
    }

    #[test]
    fn a_view_that_changes_the_page_outside_its_part_is_told() {
        assert!(differs_only_in_view_part(&page("compare"), &page("trend")));
        let other_header = page("trend").replace("<header>h", "<header>H");
        assert!(!differs_only_in_view_part(&page("compare"), &other_header));
        assert!(!differs_only_in_view_part(
            &page("compare"),
            "<main></main>"
        ));
    }

    #[test]
    fn pages_with_other_charts_are_refused() {
        let drawings: Vec<Vec<&str>> = WIDTHS.iter().map(|_| vec!["<svg>A</svg>"]).collect();
        assert_eq!(with_every_width(PAGE, &drawings), None);
    }

    #[test]
    fn the_start_up_script_reads_the_contract_from_the_page() {
        let contract: serde_json::Value =
            serde_json::from_str(&contract_json(Lang::Sv)).expect("JSON");
        assert_eq!(contract["views"][1]["key"], "trend");
        assert_eq!(contract["views"][1]["query"], "?view=trend");
        assert_eq!(contract["controls"], EARLY_CONTROLS);
        assert_eq!(contract["redrawing"], "Ritar om …");
        // The script spells none of it itself: it reads the page's block.
        let script = include_str!("../public/start-view.js");
        assert!(script.contains("getElementById('drawn-page')"));
        for (key, _) in &DRAWN_VIEWS[1..] {
            assert!(
                !script.contains(&format!("'{key}'")),
                "start-view.js names {key}"
            );
        }
        assert!(!script.contains(EARLY_CONTROLS));
        assert!(!script.contains("Ritar om"));
        assert_eq!(contract["marks"]["drawnView"], mark::DRAWN_VIEW);
        for name in [mark::DRAWN, mark::DRAWN_VIEW, mark::CLICKS, mark::REDRAWING] {
            assert!(!script.contains(name), "start-view.js spells {name}");
        }
    }

    #[test]
    fn the_nearest_drawing_is_the_one_the_style_shows() {
        // 360, 412, 768 and 1280 px windows, and each side of a switch.
        assert_eq!(nearest_width(320), 320);
        assert_eq!(nearest_width(372), 372);
        assert_eq!(nearest_width(728), 728);
        assert_eq!(nearest_width(1000), 1000);
        assert_eq!(nearest_width(345), 320);
        assert_eq!(nearest_width(346), 372);
        assert_eq!(nearest_width(863), 728);
        assert_eq!(nearest_width(864), 1000);
        assert_eq!(nearest_width(280), 320);
    }

    #[test]
    fn a_chart_is_drawn_at_its_box_width_within_bounds() {
        assert_eq!(chart_width_for(600), 600);
        assert_eq!(chart_width_for(320), 320);
        assert_eq!(
            chart_width_for(100),
            280,
            "narrower boxes still get readable labels"
        );
        assert_eq!(chart_width_for(-5), 280);
        assert_eq!(chart_width_for(1600), 1000);
    }

    /// The style shows the drawing nearest to the width the app will draw
    /// for the same box: the switch between two drawn widths is half-way
    /// between them, in a container query on the chart's own box.
    #[test]
    fn the_style_shows_the_drawing_nearest_to_the_apps_width() {
        let style = include_str!("../public/style.css");
        assert!(
            style.contains(".chart-canvas {\n  container-type: inline-size;"),
            "the chart's box is the container the queries measure"
        );
        for (index, width) in WIDTHS.iter().enumerate() {
            let selector = format!(".chart-canvas svg[data-width=\"{width}\"] {{");
            let at = style
                .find(&selector)
                .unwrap_or_else(|| panic!("no rule for {width}"));
            let query = &style[style[..at].rfind("@container").expect("inside @container")..at];
            if let Some(next) = WIDTHS.get(index + 1) {
                let switch = (width + next) / 2;
                assert_eq!(nearest_width(switch - 1), *width);
                assert!(
                    query.contains(&format!("max-width: {}.98px", switch - 1)),
                    "{width}: {query}"
                );
            }
            if index > 0 {
                let switch = (WIDTHS[index - 1] + width) / 2;
                assert_eq!(nearest_width(switch), *width);
                assert!(
                    query.contains(&format!("min-width: {switch}px")),
                    "{width}: {query}"
                );
            }
        }
    }
}
