//! One chart: heading, the SVG drawn by plotters inside `role="img"`, its
//! description as a visible caption, and SVG/PNG downloads.

use leptos::prelude::*;

use super::browser;
use super::context::use_app_context;
use crate::chart::{render_svg, svg_size};
use crate::i18n::Text;
use crate::view::{file_name, ChartView, DownloadKind};

/// A chart with its heading, description and downloads.
#[component]
pub fn ChartFigure(#[prop(into)] chart: Signal<ChartView>) -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let svg = Memo::new(move |_| {
        let width = context.chart_width.get();
        // Only plotters' own output ever goes into inner_html; it escapes all text.
        chart.with(|view| render_svg(&view.chart, width).map_err(|error| error.to_string()))
    });
    let key = move || chart.with(|view| view.key);
    let heading_id = move || format!("chart-{}-title", key());
    let description_id = move || format!("chart-{}-description", key());
    let name = move |kind: DownloadKind| {
        context.derive(|catalog, view| {
            let unit = catalog.converter(view.units).file_key();
            file_name(view, chart.with_untracked(|c| c.key), &unit, kind)
        })
    };
    let download_svg = move |_| {
        if let Ok(svg) = svg.get_untracked() {
            browser::download_text(&name(DownloadKind::Svg), DownloadKind::Svg.mime(), &svg);
        }
    };
    let download_png = move |_| {
        if let Ok(svg) = svg.get_untracked() {
            if let Some((width, height)) = svg_size(&svg) {
                browser::download_png(&name(DownloadKind::Png), &svg, width, height);
            }
        }
    };
    view! {
        <figure class="chart" data-chart=key>
            <h2 id=heading_id>{move || chart.with(|view| view.title.clone())}</h2>
            {move || match svg.get() {
                Ok(svg) => view! {
                    <div
                        class="chart-canvas"
                        role="img"
                        aria-labelledby=heading_id
                        aria-describedby=description_id
                        inner_html=svg
                    ></div>
                }.into_any(),
                Err(error) => view! { <p class="alert" role="alert">{error}</p> }.into_any(),
            }}
            <figcaption id=description_id class="chart-summary">
                {move || chart.with(|view| view.description.clone())}
            </figcaption>
            <Show when=move || !context.view.with(|view| view.embed)>
                <div class="downloads" role="group" aria-label=move || Text::Downloads.get(lang())>
                    <span class="downloads-label">{move || Text::Downloads.get(lang())}":"</span>
                    <button type="button" data-download="svg" on:click=download_svg>{move || Text::DownloadSvg.get(lang())}</button>
                    <button type="button" data-download="png" on:click=download_png>{move || Text::DownloadPng.get(lang())}</button>
                </div>
            </Show>
        </figure>
    }
}
