//! What each part of the page shows, as plain data with every text already in
//! the visitor's language. Components only lay these out, so all of it is
//! tested natively.

mod about;
mod breakdown;
mod bridge;
mod chart_walk;
mod common;
mod compare;
mod data_table;
mod export;
mod page_title;
mod price_years;
mod reconcile;
mod shown_table;
mod skr_csv;
mod sources;
mod summary;
mod trend;

pub use about::{about_data, AboutData, Coverage, OpenQuestions};
pub use breakdown::{breakdown_view, BreakdownView};
pub use bridge::{
    bridge_endpoints, bridge_view, default_bridge_years, BridgeView, Endpoint, Endpoints,
    TotalChoice,
};
pub use chart_walk::{chart_walk, CellAt, ChartPoint, ChartWalk, Naming, PointName, WalkKey};
pub use common::{ChartKey, ChartView};
pub use compare::{compare_view, CompareView};
pub use data_table::{
    quantity_text, CellStatus, Column, DataCell, DataRow, DataTable, RowKind, SortOrder,
};
pub use export::{csv_field, file_name, to_csv, to_json, CsvDialect, DownloadKind};
pub use page_title::{
    export_frame, missing_years_note, page_title, view_heading, view_name, year_list,
};
pub use price_years::{price_years, PriceYear};
pub use reconcile::reconcile;
pub use shown_table::{RowPlace, ShownCell, ShownColumn, ShownRow};
pub use skr_csv::{skr_button_label, skr_csv, skr_file_name, skr_note, skr_pick, SkrCsv};
pub use sources::{
    figure_entry, piece_entry, rest_entry, sources_in_view, year_sources, Citation, FigureEntry,
    FindingEntry, InputEntry, Quote, YearSources,
};
pub use trend::{trend_view, TrendView};

/// Every bundled file loaded as the app loads it, for tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use crate::catalog::{Catalog, LoadedAgreement};

    pub fn catalog() -> Catalog {
        let catalog = crate::catalog::read_folder(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/public/data"
        )));
        assert!(catalog.manifest.is_some(), "the bundled manifest reads");
        assert!(catalog.failures.is_empty(), "{:?}", catalog.failures);
        catalog
    }

    /// Text with the no-break spaces of Swedish typography made plain, for comparing.
    pub fn plain(text: &str) -> String {
        text.replace(['\u{202F}', '\u{a0}'], " ")
    }

    /// Every kind of chart the views draw, with its view's table: compare
    /// (totals, recipients), trend (in amounts and per inhabitant),
    /// breakdown (grouped, stacked, shares) and bridge.
    pub fn every_chart(catalog: &Catalog) -> Vec<(super::ChartView, super::DataTable)> {
        use crate::state::parse_query;
        let compare = super::compare_view(catalog, &parse_query("").state);
        let mut charts = vec![
            (compare.totals, compare.table.clone()),
            (compare.recipients, compare.table),
        ];
        for query in ["view=trend", "view=trend&per=inhabitant"] {
            let trend = super::trend_view(catalog, &parse_query(query).state);
            charts.push((trend.chart, trend.table));
        }
        for query in [
            "view=breakdown&by=purpose",
            "view=breakdown&layout=stacked&years=2016,2018",
            "view=breakdown&measure=share&years=2016,2018",
        ] {
            let breakdown = super::breakdown_view(catalog, &parse_query(query).state);
            charts.push((breakdown.chart, breakdown.table));
        }
        let bridge = super::bridge_view(catalog, &parse_query("view=bridge").state);
        if let (Some(chart), Some(table)) = (bridge.chart, bridge.table) {
            charts.push((chart, table));
        }
        assert_eq!(charts.len(), 8, "every chart, the bridge's too");
        charts
    }

    pub fn loaded() -> Vec<LoadedAgreement> {
        catalog().agreements.into_values().collect()
    }
}
