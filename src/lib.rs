//! Budget explorer for the Swedish state–SKR agreements on mental health
//! ("Uppdrag Psykisk Hälsa").
//!
//! Everything but [`ui`] is a pure core that compiles and is tested natively:
//! [`model`] reads and validates agreement files, [`analysis`] turns them into
//! the numbers a view shows, [`chart`] draws those numbers as SVG with plotters,
//! [`state`] maps the URL query to a view and back, [`format`] writes amounts the
//! way Swedish and English readers expect, and [`i18n`] holds every visible string.
#![warn(missing_docs)]

pub mod analysis;
pub mod catalog;
pub mod chart;
pub mod embed;
pub mod format;
pub mod i18n;
pub mod manifest;
pub mod model;
pub mod reference;
pub mod state;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
