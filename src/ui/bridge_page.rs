//! The bridge view: from one year to another, item by item.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::{use_app_context, AppContext};
use super::data_table_view::DataTableView;
use super::one_chart::OneChart;
use super::units_controls::UnitsControls;
use crate::i18n::Text;
use crate::messages::disputed_end_legend;
use crate::state::{BridgeEnd, EndpointChoice, ViewKind};
use crate::view::{bridge_view, BridgeView};

fn selected_endpoint(event: &leptos::ev::Event) -> Option<EndpointChoice> {
    let select = event
        .target()?
        .dyn_into::<web_sys::HtmlSelectElement>()
        .ok()?;
    EndpointChoice::parse(&select.value())
}

/// The select of one end of the bridge: every year or own file it can
/// start or end at.
fn end_select(context: AppContext, model: Memo<BridgeView>, end: BridgeEnd) -> impl IntoView {
    let lang = context.lang;
    let (label, name) = match end {
        BridgeEnd::From => (Text::BridgeFrom, "from"),
        BridgeEnd::To => (Text::BridgeTo, "to"),
    };
    view! {
        <label class="select-label">
            <span>{move || label.get(lang.get())}</span>
            <select
                name=name
                on:change=move |event| {
                    if let Some(choice) = selected_endpoint(&event) {
                        context.change_view(|view| view.set_bridge_end(end, choice));
                    }
                }
            >
                {move || model.with(|m| {
                    let current = m.selected(end);
                    m.options.iter().map(|(value, label)| {
                        let selected = current == Some(value.as_str());
                        view! { <option value=value.clone() selected=selected prop:selected=selected>{label.clone()}</option> }
                    }).collect_view()
                })}
            </select>
        </label>
    }
}

/// The sides of an end's disputed total, as radios (none when its total is
/// not disputed). The radios are drawn once per set of choices; picking one
/// only moves the check, so the focus stays on the radio the visitor used.
fn disputed_end(context: AppContext, model: Memo<BridgeView>, end: BridgeEnd) -> impl IntoView {
    let lang = context.lang;
    let name = match end {
        BridgeEnd::From => "from_source",
        BridgeEnd::To => "to_source",
    };
    let options = Memo::new(move |_| {
        model.with(|m| {
            let options: Vec<(String, String)> = m
                .choices(end)
                .iter()
                .map(|choice| (choice.source.clone(), choice.label.clone()))
                .collect();
            (m.year(end), options)
        })
    });
    let chosen = move |source: &str| {
        model.with(|m| {
            m.choices(end)
                .iter()
                .any(|choice| choice.chosen && choice.source == source)
        })
    };
    move || {
        let (year, options) = options.get();
        (!options.is_empty()).then(|| view! {
            <fieldset class="choice-group" data-choice=name>
                <legend>{move || disputed_end_legend(year, lang.get())}</legend>
                {options.into_iter().map(|(source, label)| {
                    let (checked_source, picked_source) = (source.clone(), source.clone());
                    let initially = untrack(|| chosen(&source));
                    view! {
                        <label class="choice">
                            <input type="radio" name=name value=source checked=initially prop:checked=move || chosen(&checked_source)
                                on:change=move |_| {
                                    let source = picked_source.clone();
                                    context.change_view(|view| view.set_bridge_source(end, source));
                                }/>
                            <span>{label}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        })
    }
}

/// The bridge page.
#[component]
pub fn BridgePage() -> impl IntoView {
    let context = use_app_context();
    let model = Memo::new(move |_| context.derive(bridge_view));
    let has_bridge = Memo::new(move |_| model.with(|m| m.chart.is_some() && m.table.is_some()));
    let chart = Memo::new(move |_| model.with(|m| m.chart.clone().unwrap_or_default()));
    let table = Memo::new(move |_| model.with(|m| m.table.clone().unwrap_or_default()));
    view! {
        <div class="controls bridge-controls">
            {end_select(context, model, BridgeEnd::From)}
            {end_select(context, model, BridgeEnd::To)}
            {disputed_end(context, model, BridgeEnd::From)}
            {disputed_end(context, model, BridgeEnd::To)}
        </div>
        {move || model.with(|m| m.same_ends.clone()).map(|note| view! { <p class="notice same-ends" role="status">{note}</p> })}
        <Show when=move || has_bridge.get()>
            <OneChart chart=chart table=table/>
            <UnitsControls/>
            <DataTableView table=table view=ViewKind::Bridge/>
        </Show>
    }
}
