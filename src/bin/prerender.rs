//! Draws the app's first view for `index.html`, so the chart, its summary
//! and table paint before any script runs: the app's own components,
//! rendered natively (see `budget_explorer::ui::prerender`), each chart at
//! every width of [`WIDTHS`]. Run by the release build
//! (scripts/postbuild.mjs); needs the `prerender` feature.
//!
//! ```text
//! cargo run --features prerender --bin prerender -- DATA_FOLDER QUERY
//! ```
//! Prints the markup for the address `QUERY` (`""`: the default view).

use std::path::Path;
use std::process::ExitCode;

use budget_explorer::catalog::read_folder;
use budget_explorer::i18n::Lang;
use budget_explorer::prerendered::{chart_drawings, strip_markers, with_every_width, WIDTHS};
use budget_explorer::ui::prerender::render_app;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, query] = &args[..] else {
        eprintln!("usage: prerender DATA_FOLDER QUERY");
        return ExitCode::from(2);
    };
    let catalog = read_folder(Path::new(data));
    if !catalog.failures.is_empty() || catalog.manifest.is_none() {
        for failure in &catalog.failures {
            eprintln!("{}", failure.headline(Lang::Sv));
        }
        return ExitCode::FAILURE;
    }
    let pages: Vec<String> = WIDTHS
        .iter()
        .map(|&width| strip_markers(&render_app(catalog.clone(), query, width)))
        .collect();
    let drawings: Vec<Vec<&str>> = pages.iter().map(|page| chart_drawings(page)).collect();
    let Some(widest) = pages.last() else {
        return ExitCode::FAILURE;
    };
    match with_every_width(widest, &drawings) {
        Some(page) => {
            println!("{page}");
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("the page has other charts at other widths");
            ExitCode::FAILURE
        }
    }
}
