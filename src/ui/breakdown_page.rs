//! The breakdown view: chosen years by recipient or purpose.

use leptos::prelude::*;

use super::breakdown_controls::BreakdownControls;
use super::chosen_years::ChosenYears;
use super::context::use_app_context;
use super::data_table_view::DataTableView;
use super::one_chart::OneChart;
use super::units_controls::UnitsControls;
use super::year_picker::YearPicker;
use crate::state::ViewKind;
use crate::view::breakdown_view;

/// The breakdown page.
#[component]
pub fn BreakdownPage() -> impl IntoView {
    let context = use_app_context();
    let model = Memo::new(move |_| context.derive(breakdown_view));
    // One copy of the table per change of the view, shared by the table and the downloads.
    let table = Memo::new(move |_| model.with(|m| m.table.clone()));
    view! {
        <YearPicker/>
        <ChosenYears>
            <OneChart chart=Signal::derive(move || model.with(|m| m.chart.clone())) table=table/>
            <BreakdownControls/>
            <UnitsControls/>
            <DataTableView table=table view=ViewKind::Breakdown/>
        </ChosenYears>
    }
}
