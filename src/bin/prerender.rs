//! Draws the app's first view for `index.html`, so the chart, its summary
//! and table paint before any script runs: the app's own components,
//! rendered natively (see `budget_explorer::ui::prerender`), each chart at
//! every width of [`WIDTHS`], each view's default address in its own part. Run by the release build
//! (scripts/postbuild.mjs); needs the `prerender` feature.
//!
//! ```text
//! cargo run --features prerender --bin prerender -- DATA_FOLDER
//! ```
//! Prints the markup: the default view's page, with every view's own part.

use std::path::Path;
use std::process::ExitCode;

use budget_explorer::catalog::{read_whole_folder, Catalog};
use budget_explorer::prerendered::{
    chart_drawings, strip_markers, view_part, with_every_view, with_every_width, WIDTHS,
};
use budget_explorer::ui::prerender::render_app;

/// Each view's default address, the default view first. Must match the
/// addresses `public/start-view.js` shows a drawn view for.
const VIEWS: [(&str, &str); 4] = [
    ("compare", ""),
    ("trend", "?view=trend"),
    ("breakdown", "?view=breakdown"),
    ("bridge", "?view=bridge"),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data] = &args[..] else {
        eprintln!("usage: prerender DATA_FOLDER");
        return ExitCode::from(2);
    };
    let catalog = match read_whole_folder(Path::new(data)) {
        Ok(catalog) => catalog,
        Err(problems) => {
            problems.iter().for_each(|problem| eprintln!("{problem}"));
            return ExitCode::FAILURE;
        }
    };
    let mut pages = Vec::new();
    for (view, query) in VIEWS {
        let Some(page) = at_every_width(&catalog, query) else {
            eprintln!("{view}: the page has other charts at other widths");
            return ExitCode::FAILURE;
        };
        pages.push((view, page));
    }
    let parts: Option<Vec<(&str, &str)>> = pages
        .iter()
        .map(|(view, page)| view_part(page).map(|part| (*view, part)))
        .collect();
    match parts.and_then(|parts| with_every_view(&pages[0].1, &parts)) {
        Some(page) => {
            println!("{page}");
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("a drawn page has no view switcher to tell its view by");
            ExitCode::FAILURE
        }
    }
}

/// The page for `query` with each chart at every width of [`WIDTHS`].
fn at_every_width(catalog: &Catalog, query: &str) -> Option<String> {
    let pages: Vec<String> = WIDTHS
        .iter()
        .map(|&width| strip_markers(&render_app(catalog.clone(), query, width)))
        .collect();
    let drawings: Vec<Vec<&str>> = pages.iter().map(|page| chart_drawings(page)).collect();
    with_every_width(pages.last()?, &drawings)
}
