//! The bridge view: from one year to another, item by item.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::chart_figure::ChartFigure;
use super::context::use_app_context;
use super::data_table_view::DataTableView;
use crate::i18n::Text;
use crate::view::{bridge_view, TotalChoice};

fn selected_year(event: &leptos::ev::Event) -> Option<u16> {
    let select = event
        .target()?
        .dyn_into::<web_sys::HtmlSelectElement>()
        .ok()?;
    select.value().parse().ok()
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
                        if let Some(year) = selected_year(&event) {
                            context.change_view(|view| {
                                if first { view.from = Some(year); view.from_source = None; } else { view.to = Some(year); view.to_source = None; }
                            });
                        }
                    }
                >
                    {move || model.with(|m| {
                        let current = if first { m.from } else { m.to };
                        m.years.iter().map(|&year| view! {
                            <option value=year.to_string() prop:selected=current == Some(year)>{year}</option>
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
