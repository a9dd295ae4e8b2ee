//! The browser UI: thin Leptos components over the natively tested core.
//! Each component lays out a view model from [`crate::view`]; none computes.

mod alerts;
mod app;
mod browser;
mod chart_figure;
mod comparison_table;
mod context;
mod footer;
mod header;
mod loader;
mod sources_section;
mod year_picker;

pub use app::App;
