//! A view's one chart and its download bar: what the trend, breakdown and
//! bridge pages show above their controls and table.

use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::view_actions::ViewActions;
use crate::view::{ChartView, DataTable};

/// The chart (the skip link's target) and the bar that downloads it and
/// its table; the JSON download carries the chart's description.
#[component]
pub fn OneChart(
    #[prop(into)] chart: Signal<ChartView>,
    #[prop(into)] table: Signal<DataTable>,
) -> impl IntoView {
    view! {
        <div class="charts" id="charts" tabindex="-1">
            <ChartFigure chart=chart/>
        </div>
        <ViewActions
            charts=Signal::derive(move || vec![chart.get()])
            table=table
            description=Signal::derive(move || chart.with(|chart| chart.description.clone()))
        />
    }
}
