//! The bridge view: from one year to another, item by item.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::chart_figure::ChartFigure;
use super::context::use_app_context;
use super::data_table_view::DataTableView;
use super::units_controls::UnitsControls;
use super::view_actions::ViewActions;
use crate::i18n::Text;
use crate::view::{bridge_view, EndpointChoice, TotalChoice};

fn selected_endpoint(event: &leptos::ev::Event) -> Option<EndpointChoice> {
    let select = event
        .target()?
        .dyn_into::<web_sys::HtmlSelectElement>()
        .ok()?;
    EndpointChoice::parse(&select.value())
}

/// The bridge page.
#[component]
pub fn BridgePage() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let model = Memo::new(move |_| context.derive(bridge_view));
    let year_select = move |first: bool| {
        let label = if first {
            Text::BridgeFrom
        } else {
            Text::BridgeTo
        };
        view! {
            <label class="select-label">
                <span>{move || label.get(lang())}</span>
                <select
                    name=if first { "from" } else { "to" }
                    on:change=move |event| {
                        let Some(endpoint) = selected_endpoint(&event) else { return };
                        context.change_view(|view| {
                            let (year, own) = match endpoint {
                                EndpointChoice::Year(year) => (Some(year), None),
                                // An own file is not in the address: the year stays as it was.
                                EndpointChoice::Own(id) => (if first { view.from } else { view.to }, Some(id)),
                            };
                            if first {
                                (view.from, view.from_own, view.from_source) = (year, own, None);
                            } else {
                                (view.to, view.to_own, view.to_source) = (year, own, None);
                            }
                        });
                    }
                >
                    {move || model.with(|m| {
                        let current = if first { m.from_value.clone() } else { m.to_value.clone() };
                        m.options.iter().map(|(value, label)| {
                            let selected = current.as_deref() == Some(value.as_str());
                            view! { <option value=value.clone() prop:selected=selected>{label.clone()}</option> }
                        }).collect_view()
                    })}
                </select>
            </label>
        }
    };
    // The radios are drawn once per set of choices; picking one only moves
    // the check, so the focus stays on the radio the visitor used.
    let disputed = move |first: bool| {
        let options = Memo::new(move |_| {
            model.with(|m| {
                let (choices, year) = if first {
                    (&m.from_choices, m.from)
                } else {
                    (&m.to_choices, m.to)
                };
                let options: Vec<(String, String)> = choices
                    .iter()
                    .map(|choice| (choice.source.clone(), choice.label.clone()))
                    .collect();
                (year, options)
            })
        });
        let chosen = move |source: &str| {
            model.with(|m| {
                let choices: &[TotalChoice] = if first {
                    &m.from_choices
                } else {
                    &m.to_choices
                };
                choices
                    .iter()
                    .any(|choice| choice.chosen && choice.source == source)
            })
        };
        move || {
            let (year, options) = options.get();
            (!options.is_empty()).then(|| {
                let name = if first { "from_source" } else { "to_source" };
                view! {
                    <fieldset class="choice-group" data-choice=name>
                        <legend>{lang().pick(format!("{} är omstritt: utgå från", year.unwrap_or_default()), format!("{} is disputed: use", year.unwrap_or_default()))}</legend>
                        {options.into_iter().map(|(source, label)| {
                            let (checked_source, picked_source) = (source.clone(), source.clone());
                            view! {
                                <label class="choice">
                                    <input type="radio" name=name value=source prop:checked=move || chosen(&checked_source)
                                        on:change=move |_| {
                                            let source = picked_source.clone();
                                            context.change_view(|view| if first { view.from_source = Some(source) } else { view.to_source = Some(source) });
                                        }/>
                                    <span>{label}</span>
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                }
            })
        }
    };
    let has_bridge = Memo::new(move |_| model.with(|m| m.chart.is_some() && m.table.is_some()));
    let chart = Signal::derive(move || model.with(|m| m.chart.clone().unwrap_or_default()));
    let table = Signal::derive(move || model.with(|m| m.table.clone().unwrap_or_default()));
    view! {
        <div class="controls bridge-controls">
            {year_select(true)}
            {year_select(false)}
            {disputed(true)}
            {disputed(false)}
        </div>
        {move || model.with(|m| m.same_ends.clone()).map(|note| view! { <p class="notice same-ends" role="status">{note}</p> })}
        <Show when=move || has_bridge.get()>
            <div class="charts" id="charts" tabindex="-1">
                <ChartFigure chart=chart/>
            </div>
            <ViewActions
                charts=Signal::derive(move || vec![chart.get()])
                table=table
                view_key="bridge"
                description=Signal::derive(move || chart.with(|chart| chart.description.clone()))
            />
            <UnitsControls/>
            <DataTableView table=table view_key="bridge"/>
        </Show>
    }
}
