//! Draws the app's first view for `index.html`, so the chart, its summary
//! and table paint before any script runs, and the app hydrates them: the
//! app's own components, rendered natively (see
//! `budget_explorer::ui::prerender`), each chart at every width of
//! [`WIDTHS`], each view's default address ([`DRAWN_VIEWS`]) in its own
//! part. Run by the release build (scripts/postbuild.mjs); needs the
//! `prerender` feature.
//!
//! ```text
//! cargo run --features prerender --bin prerender -- DATA_FOLDER
//! ```
//! Prints the markup (the default view's page, with every view's own part),
//! then a line with the contract the start-up script reads
//! (`prerendered::contract_json`), after a line `<!-- contract -->`.

mod common;

use std::path::Path;
use std::process::ExitCode;

use budget_explorer::catalog::Catalog;
use budget_explorer::i18n::Lang;
use budget_explorer::prerendered::{
    chart_drawings, contract_json, differs_only_in_view_part, view_part, with_every_view,
    with_every_width, DRAWN_VIEWS, WIDTHS,
};
use budget_explorer::ui::prerender::render_app;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data] = &args[..] else {
        eprintln!("usage: prerender DATA_FOLDER");
        return ExitCode::from(2);
    };
    let catalog = match common::whole_folder(Path::new(data)) {
        Ok(catalog) => catalog,
        Err(failed) => return failed,
    };
    match drawn_page(&catalog) {
        Ok(page) => {
            println!("{page}\n<!-- contract -->\n{}", contract_json(Lang::Sv));
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("{problem}");
            ExitCode::FAILURE
        }
    }
}

/// The default view's page with every drawn view's part, or why it cannot
/// be drawn so that each view hydrates.
fn drawn_page(catalog: &Catalog) -> Result<String, String> {
    let mut pages = Vec::new();
    for (view, query) in DRAWN_VIEWS {
        let page = at_every_width(catalog, query)
            .ok_or_else(|| format!("{view}: the page has other charts at other widths"))?;
        pages.push((view, page));
    }
    let (_, default_page) = &pages[0];
    if let Some((view, _)) = pages
        .iter()
        .find(|(_, page)| !differs_only_in_view_part(default_page, page))
    {
        return Err(format!(
            "{view}: the page differs from the default one outside its view part"
        ));
    }
    let parts: Option<Vec<(&str, &str)>> = pages
        .iter()
        .map(|(view, page)| view_part(page).map(|part| (*view, part)))
        .collect();
    parts
        .and_then(|parts| with_every_view(default_page, &parts))
        .ok_or_else(|| "a drawn page has no view switcher to tell its view by".to_owned())
}

/// The page for `query` with each chart at every width of [`WIDTHS`].
fn at_every_width(catalog: &Catalog, query: &str) -> Option<String> {
    let pages: Vec<String> = WIDTHS
        .iter()
        .map(|&width| render_app(catalog.clone(), query, width))
        .collect();
    let drawings: Vec<Vec<&str>> = pages.iter().map(|page| chart_drawings(page)).collect();
    with_every_width(pages.last()?, &drawings)
}
