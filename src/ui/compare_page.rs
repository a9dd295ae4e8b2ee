//! The compare view: chosen years' totals and recipients, and their table.

use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::chosen_years::ChosenYears;
use super::context::use_app_context;
use super::data_table_view::DataTableView;
use super::units_controls::UnitsControls;
use super::view_actions::ViewActions;
use super::year_picker::YearPicker;
use crate::state::ViewKind;
use crate::view::compare_view;

/// The compare page.
#[component]
pub fn ComparePage() -> impl IntoView {
    let context = use_app_context();
    let model = Memo::new(move |_| context.derive(compare_view));
    // One copy of the table per change of the view, shared by the table and the downloads.
    let table = Memo::new(move |_| model.with(|m| m.table.clone()));
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
                table=table
                description=description
            />
            <UnitsControls/>
            <DataTableView table=table view=ViewKind::Compare/>
        </ChosenYears>
    }
}
