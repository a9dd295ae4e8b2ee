//! The bridge view: from one year to another, item by item.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::chart_figure::ChartFigure;
use super::context::use_app_context;
use super::data_table_view::DataTableView;
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
    let disputed = move |first: bool| {
        move || {
            let (choices, year): (Vec<TotalChoice>, Option<u16>) = model.with(|m| {
                if first {
                    (m.from_choices.clone(), m.from)
                } else {
                    (m.to_choices.clone(), m.to)
                }
            });
            (!choices.is_empty()).then(|| {
                let name = if first { "from_source" } else { "to_source" };
                view! {
                    <fieldset class="choice-group" data-choice=name>
                        <legend>{lang().pick(format!("{} är omstritt: utgå från", year.unwrap_or_default()), format!("{} is disputed: use", year.unwrap_or_default()))}</legend>
                        {choices.into_iter().map(|choice| {
                            let source = choice.source.clone();
                            view! {
                                <label class="choice">
                                    <input type="radio" name=name value=choice.source.clone() prop:checked=choice.chosen
                                        on:change=move |_| {
                                            let source = source.clone();
                                            context.change_view(|view| if first { view.from_source = Some(source) } else { view.to_source = Some(source) });
                                        }/>
                                    <span>{choice.label}</span>
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                }
            })
        }
    };
    view! {
        <div class="controls bridge-controls">
            {year_select(true)}
            {year_select(false)}
            {disputed(true)}
            {disputed(false)}
        </div>
        // A new bridge is a new figure and table: rebuilt whenever the model changes.
        {move || model.with(|m| m.chart.clone().zip(m.table.clone())).map(|(chart, table)| {
            let description = chart.description.clone();
            view! {
                <ChartFigure chart=Signal::stored(chart)/>
                <DataTableView table=Signal::stored(table) view_key="bridge" description=Signal::stored(description)/>
            }
        })}
    }
}
