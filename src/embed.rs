//! Embedding in other pages: the iframe snippet an editor pastes, and the
//! address of the full app from an embedded one.

use crate::state::ViewState;

/// Escapes text for an HTML attribute value in double quotes.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The folder of an app address: `https://x.se/a/index.html` → `https://x.se/a/`.
pub fn app_folder(app_url: &str) -> &str {
    let without_query = app_url.split(['?', '#']).next().unwrap_or(app_url);
    match without_query.rfind('/') {
        Some(slash) => &without_query[..=slash],
        None => without_query,
    }
}

/// The address of `state` in the full app (no `embed`).
pub fn full_app_url(app_url: &str, state: &ViewState) -> String {
    let mut full = state.clone();
    full.embed = false;
    // The full app has its own headings; the colours stay as the host chose.
    full.header = true;
    let base = app_url.split(['?', '#']).next().unwrap_or(app_url);
    format!("{base}?{}", full.to_query())
}

/// The snippet that embeds `state`: an iframe (full width, lazy, titled,
/// marked for the host script) and the host script that sizes it. It needs
/// no inline code or style on the host page, so it works under a strict CSP.
pub fn embed_snippet(app_url: &str, state: &ViewState, title: &str) -> String {
    let mut embedded = state.clone();
    embedded.embed = true;
    let base = app_url.split(['?', '#']).next().unwrap_or(app_url);
    let src = format!("{base}?{}", embedded.to_query());
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"640\" data-budget-explorer></iframe>\n<script src=\"{}embed.js\" defer></script>",
        attribute(&src),
        attribute(title),
        attribute(app_folder(app_url)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse_query;

    #[test]
    fn the_snippet_embeds_the_current_view() {
        let state = parse_query("view=bridge&from=2016&to=2018&lang=en").state;
        let snippet = embed_snippet(
            "https://www.skr.se/explorer/index.html?view=bridge",
            &state,
            "Budget \"explorer\" & co",
        );
        assert_eq!(
            snippet,
            "<iframe src=\"https://www.skr.se/explorer/index.html?view=bridge&amp;from=2016&amp;to=2018&amp;lang=en&amp;embed=1\" \
             title=\"Budget &quot;explorer&quot; &amp; co\" loading=\"lazy\" width=\"100%\" height=\"640\" data-budget-explorer></iframe>\n\
             <script src=\"https://www.skr.se/explorer/embed.js\" defer></script>"
        );
        assert!(
            !snippet.contains("style="),
            "no inline style: host pages may forbid it"
        );
    }

    #[test]
    fn the_full_app_link_drops_embed() {
        let state = parse_query("years=2016&embed=1").state;
        assert!(state.embed);
        assert_eq!(
            full_app_url("https://x.se/app/?years=2016&embed=1", &state),
            "https://x.se/app/?years=2016"
        );
        assert_eq!(app_folder("https://x.se/app/"), "https://x.se/app/");
        assert_eq!(app_folder("file:///tmp/a.html"), "file:///tmp/");
    }
}
