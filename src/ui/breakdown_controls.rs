//! The breakdown's options: split by, bar layout, amounts or shares.

use leptos::prelude::*;

use super::choice_group::{ChoiceGroup, ChoiceOption};
use super::context::use_app_context;
use crate::i18n::Text;
use crate::state::{BarLayout, Dimension, Measure};

/// The breakdown controls.
#[component]
pub fn BreakdownControls() -> impl IntoView {
    let context = use_app_context();
    let text = move |text: Text| Signal::derive(move || text.get(context.lang()).to_string());
    let option = move |key: &'static str, label: Text| ChoiceOption {
        key,
        label: text(label),
    };
    view! {
        <div class="controls breakdown-controls">
            <ChoiceGroup
                name="by"
                legend=text(Text::DimensionLabel)
                options=vec![option("recipient", Text::DimensionRecipient), option("purpose", Text::DimensionPurpose)]
                selected=Signal::derive(move || context.view.with(|view| view.dimension.key()))
                pick=move |key| context.change_view(|view| view.dimension = Dimension::from_key(key).unwrap_or_default())
            />
            <ChoiceGroup
                name="measure"
                legend=text(Text::MeasureLabel)
                options=vec![option("amount", Text::MeasureAmount), option("share", Text::MeasureShare)]
                selected=Signal::derive(move || context.view.with(|view| view.measure.key()))
                pick=move |key| context.change_view(|view| view.measure = Measure::from_key(key).unwrap_or_default())
            />
            <ChoiceGroup
                name="layout"
                legend=text(Text::LayoutLabel)
                options=vec![option("grouped", Text::LayoutGrouped), option("stacked", Text::LayoutStacked)]
                selected=Signal::derive(move || context.view.with(|view| view.layout.key()))
                pick=move |key| context.change_view(|view| view.layout = BarLayout::from_key(key).unwrap_or_default())
            />
        </div>
    }
}
