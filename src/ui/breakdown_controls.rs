//! The breakdown's options: split by, bar layout, amounts or shares.

use leptos::prelude::*;

use super::choice_group::ChoiceGroup;
use super::context::use_app_context;
use crate::chart::BarLayout;
use crate::i18n::Text;
use crate::state::{Dimension, Measure};

/// The breakdown controls.
#[component]
pub fn BreakdownControls() -> impl IntoView {
    let context = use_app_context();
    view! {
        <div class="controls breakdown-controls">
            <ChoiceGroup
                name="by"
                legend=Text::DimensionLabel
                options=vec![(Dimension::Recipient, Text::DimensionRecipient), (Dimension::Purpose, Text::DimensionPurpose)]
                selected=Memo::new(move |_| context.view.with(|view| view.dimension))
                pick=move |dimension| context.change_view(|view| view.dimension = dimension)
            />
            <ChoiceGroup
                name="measure"
                legend=Text::MeasureLabel
                options=vec![(Measure::Amount, Text::MeasureAmount), (Measure::Share, Text::MeasureShare)]
                selected=Memo::new(move |_| context.view.with(|view| view.measure))
                pick=move |measure| context.change_view(|view| view.measure = measure)
            />
            <ChoiceGroup
                name="layout"
                legend=Text::LayoutLabel
                options=vec![(BarLayout::Grouped, Text::LayoutGrouped), (BarLayout::Stacked, Text::LayoutStacked)]
                selected=Memo::new(move |_| context.view.with(|view| view.layout))
                pick=move |layout| context.change_view(|view| view.layout = layout)
            />
        </div>
    }
}
