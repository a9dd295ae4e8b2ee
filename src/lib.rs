//! Budget explorer for the Swedish state–SKR agreements on mental health
//! ("Uppdrag Psykisk Hälsa").
//!
//! Everything but `ui` (the Leptos components, built for wasm32 only) is a pure
//! core that compiles and is tested natively: [`model`] reads and validates
//! agreement files, [`catalog`] holds what is loaded, [`analysis`] computes
//! breakdowns, bridges and units, [`view`] turns them into each view's chart,
//! table, summary and downloads, [`chart`] draws with plotters into SVG,
//! [`state`] maps the URL query to a view and back, [`mod@format`] writes
//! amounts the way Swedish and English readers expect, [`i18n`] holds the
//! visible strings, [`embed`] makes the snippet for other pages, and
//! [`open_data`] writes the data as a Frictionless Data Package.
// Leptos's server-side rendering of the whole page nests deep types.
#![cfg_attr(feature = "prerender", recursion_limit = "512")]
#![warn(missing_docs)]

pub mod analysis;
pub mod catalog;
pub mod chart;
pub mod embed;
pub mod format;
pub mod i18n;
pub mod keyed;
pub mod manifest;
pub mod messages;
pub mod model;
pub mod open_data;
pub mod prerendered;
pub mod reference;
pub mod state;
pub mod user_text;
pub mod view;

#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod ui;
