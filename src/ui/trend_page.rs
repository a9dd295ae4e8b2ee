//! The trend view: every year's total.

use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::context::use_app_context;
use super::data_table_view::DataTableView;
use crate::view::trend_view;

/// The trend page.
#[component]
pub fn TrendPage() -> impl IntoView {
    let context = use_app_context();
    let model = Memo::new(move |_| context.derive(trend_view));
    view! {
        <ChartFigure chart=Signal::derive(move || model.with(|m| m.chart.clone()))/>
        <DataTableView
            table=Signal::derive(move || model.with(|m| m.table.clone()))
            view_key="trend"
            description=Signal::derive(move || model.with(|m| m.chart.description.clone()))
        />
    }
}
