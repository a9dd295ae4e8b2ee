//! The browser UI: thin Leptos components over the natively tested core.
//! Each component lays out a view model from [`crate::view`]; none computes.

mod about_data;
mod alerts;
mod app;
mod breakdown_controls;
mod breakdown_page;
mod bridge_page;
mod browser;
mod chart_figure;
mod choice_group;
mod chosen_years;
mod compare_page;
mod context;
mod copy_button;
mod data_table_view;
mod embed_note;
mod embed_panel;
pub mod environment;
mod failure_list;
mod figure_list;
mod finding_list;
mod footer;
mod header;
mod keyed_items;
mod loader;
mod more_section;
mod one_chart;
mod own_files;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
mod print_note;
mod skip_link;
mod sources_section;
#[cfg(target_arch = "wasm32")]
pub mod start;
mod trend_page;
mod units_controls;
mod view_actions;
mod view_switcher;
mod year_picker;

pub use app::App;
