//! One chart: heading, the SVG drawn by plotters inside `role="img"`, its
//! description as a visible caption, and a readout of the bar under the
//! pointer.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::use_app_context;
use crate::chart::render_svg;
use crate::view::ChartView;

/// What the readout shows: the bar's text and where to put it.
#[derive(Clone, PartialEq)]
struct Readout {
    text: String,
    x: f64,
    y: f64,
}

/// The readout text of the chart element under the pointer: bars carry it in
/// `data-readout` (see `chart::render_svg`).
fn readout_at(event: &web_sys::PointerEvent) -> Option<String> {
    let target: web_sys::Element = event.target()?.dyn_into().ok()?;
    target
        .closest("[data-readout]")
        .ok()??
        .get_attribute("data-readout")
}

/// A chart with its heading and description.
#[component]
pub fn ChartFigure(#[prop(into)] chart: Signal<ChartView>) -> impl IntoView {
    let context = use_app_context();
    // `None`: the page's own drawing. Hydrating a page that already shows
    // this chart, hydration keeps that drawing (an `inner_html` from the
    // page), so the first run only follows the chart's input and the app
    // draws the chart the first time that input changes: the start is
    // spared two drawings.
    let svg = Memo::new(move |before: Option<&Option<Result<String, String>>>| {
        let width = context.chart_width.get();
        if before.is_none() && context.charts_in_page {
            chart.track();
            return None;
        }
        // Only plotters' own output ever goes into inner_html; it escapes all text.
        Some(chart.with(|view| render_svg(&view.chart, width).map_err(|error| error.to_string())))
    });
    let key = move || chart.with(|view| view.key.key());
    let heading_id = move || format!("chart-{}-title", key());
    let description_id = move || format!("chart-{}-description", key());
    let readout: RwSignal<Option<Readout>> = RwSignal::new(None);
    let on_move = move |event: web_sys::PointerEvent| {
        let frame = event
            .current_target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok());
        let shown = readout_at(&event).zip(frame).map(|(text, frame)| {
            let bounds = frame.get_bounding_client_rect();
            Readout {
                text,
                x: f64::from(event.client_x()) - bounds.left(),
                y: f64::from(event.client_y()) - bounds.top(),
            }
        });
        if readout.with_untracked(|current| current != &shown) {
            readout.set(shown);
        }
    };
    // The figure's elements stay; a change only sets the drawing (the one
    // `inner_html`, of plotters' own SVG) and the texts. Rebuilding them on
    // every toggle would cost a reactive node each time and lose the pointer's place.
    let drawing = move || {
        svg.with(|svg| match svg {
            Some(Ok(drawing)) => drawing.clone(),
            _ => String::new(),
        })
    };
    // The build drew it, so it did not fail: no alert until it is redrawn.
    let error =
        move || svg.with(|svg| svg.as_ref().and_then(|drawn| drawn.as_ref().err().cloned()));
    view! {
        <figure class="chart" data-chart=key>
            <h2 id=heading_id>{move || chart.with(|view| view.title.clone())}</h2>
            <div class="chart-frame" on:pointermove=on_move on:pointerleave=move |_| readout.set(None)>
                // The description is read as the image's; the caption
                // below is for the eye, so it is not read a second time.
                <div
                    class="chart-canvas"
                    role="img"
                    aria-labelledby=heading_id
                    aria-describedby=description_id
                    inner_html=drawing
                ></div>
                // Shown and moved in place: a pointer move changes two
                // style properties, not the element.
                <div
                    class="chart-readout"
                    aria-hidden="true"
                    hidden=move || readout.with(Option::is_none)
                    // No position until shown: an inline `style` in the page
                    // drawn at build time would break the strict CSP.
                    style:left=move || readout.with(|shown| shown.as_ref().map(|shown| format!("{}px", shown.x)))
                    style:top=move || readout.with(|shown| shown.as_ref().map(|shown| format!("{}px", shown.y)))
                >{move || readout.with(|shown| shown.as_ref().map(|shown| shown.text.clone()))}</div>
            </div>
            <p class="alert" role="alert" hidden=move || error().is_none()>{error}</p>
            <figcaption id=description_id class="chart-summary" aria-hidden="true">
                {move || chart.with(|view| view.description.clone())}
            </figcaption>
        </figure>
    }
}
