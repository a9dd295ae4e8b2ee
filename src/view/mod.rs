//! What each part of the page shows, as plain data with every text already in
//! the visitor's language. Components only lay these out, so all of it is
//! tested natively.

mod charts;
mod sources;
mod table;

pub use charts::{recipients_chart, totals_chart, ChartView};
pub use sources::{year_sources, Citation, FigureEntry, FindingEntry, YearSources};
pub use table::{comparison_table, Cell, Row, RowKind, TableView};

/// Every bundled agreement loaded as the app loads it, for tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use crate::catalog::{Catalog, LoadedAgreement};
    use crate::manifest::parse_manifest;

    pub fn loaded() -> Vec<LoadedAgreement> {
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data");
        let manifest =
            parse_manifest(&std::fs::read_to_string(format!("{data}/index.json")).unwrap())
                .unwrap();
        let mut catalog = Catalog::default();
        for entry in &manifest.agreements {
            catalog.add_agreement(
                entry,
                Ok(std::fs::read_to_string(format!("{data}/{}", entry.file)).unwrap()),
            );
        }
        assert!(catalog.failures.is_empty(), "{:?}", catalog.failures);
        catalog.agreements.into_values().collect()
    }
}
