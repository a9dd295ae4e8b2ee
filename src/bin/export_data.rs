//! Writes the open-data package (`figures.csv`, `datapackage.json`) for a
//! data folder, with the app's own reader and the core's exporter. Run by the
//! release build (scripts/postbuild.mjs) so the package always matches the data.
//!
//! ```text
//! cargo run --bin export_data -- DATA_FOLDER OUT_FOLDER
//! ```

mod common;

use std::path::Path;
use std::process::ExitCode;

use budget_explorer::open_data::{datapackage_json, figures_csv};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, out] = &args[..] else {
        eprintln!("usage: export_data DATA_FOLDER OUT_FOLDER");
        return ExitCode::from(2);
    };
    let (data, out) = (Path::new(data), Path::new(out));
    // The package describes every bundled file, or it is not written at all.
    let catalog = match common::whole_folder(data) {
        Ok(catalog) => catalog,
        Err(failed) => return failed,
    };
    let written = std::fs::create_dir_all(out)
        .and_then(|_| std::fs::write(out.join("figures.csv"), figures_csv(&catalog)))
        .and_then(|_| std::fs::write(out.join("datapackage.json"), datapackage_json(&catalog)));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}: {error}", out.display());
            ExitCode::FAILURE
        }
    }
}
