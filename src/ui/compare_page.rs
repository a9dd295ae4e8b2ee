//! The compare view: chosen years' totals and recipients, and their table.

use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::chosen_years::ChosenYears;
use super::context::use_app_context;
use super::data_table_view::DataTableView;
use super::units_controls::UnitsControls;
use super::view_actions::ViewActions;
use super::year_picker::YearPicker;
use crate::view::compare_view;

/// The compare page.
#[component]
pub fn ComparePage() -> impl IntoView {
    let context = use_app_context();
    let model = Memo::new(move |_| context.derive(compare_view));
    let description = Signal::derive(move || {
        model.with(|m| format!("{} {}", m.totals.description, m.recipients.description))
    });
    view! {
        <YearPicker/>
        <ChosenYears>
            <div class="charts" id="charts" tabindex="-1">
                <ChartFigure chart=Signal::derive(move || model.with(|m| m.totals.clone()))/>
                <ChartFigure chart=Signal::derive(move || model.with(|m| m.recipients.clone()))/>
            </div>
            <ViewActions
                charts=Signal::derive(move || model.with(|m| vec![m.totals.clone(), m.recipients.clone()]))
                table=Signal::derive(move || model.with(|m| m.table.clone()))
                view_key="compare"
                description=description
            />
            <UnitsControls/>
            <DataTableView table=Signal::derive(move || model.with(|m| m.table.clone())) view_key="compare"/>
        </ChosenYears>
    }
}
