//! The trend view: every year's total.

use leptos::prelude::*;

use super::context::use_app_context;
use super::data_table_view::DataTableView;
use super::one_chart::OneChart;
use super::units_controls::UnitsControls;
use crate::state::ViewKind;
use crate::view::trend_view;

/// The trend page.
#[component]
pub fn TrendPage() -> impl IntoView {
    let context = use_app_context();
    let model = Memo::new(move |_| context.derive(trend_view));
    // One copy of the table per change of the view, shared by the table and the downloads.
    let table = Memo::new(move |_| model.with(|m| m.table.clone()));
    view! {
        <OneChart chart=Signal::derive(move || model.with(|m| m.chart.clone())) table=table/>
        <UnitsControls/>
        <DataTableView table=table view=ViewKind::Trend/>
    }
}
