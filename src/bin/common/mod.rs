//! What the build-time tools share: reading the data folder whole.

use std::path::Path;
use std::process::ExitCode;

use budget_explorer::catalog::{read_whole_folder, Catalog};
use budget_explorer::i18n::Lang;

/// The data folder's catalog; when a file is missing or broken, each such
/// file is named on standard error (in English, with its details) and the
/// tool's exit code is the failure.
pub fn whole_folder(folder: &Path) -> Result<Catalog, ExitCode> {
    read_whole_folder(folder).map_err(|failures| {
        for failure in failures {
            eprintln!("{}", failure.line(Lang::En));
        }
        ExitCode::FAILURE
    })
}
