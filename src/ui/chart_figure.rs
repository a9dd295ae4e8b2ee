//! One chart: heading, the SVG drawn by plotters inside `role="img"`, its
//! description as a visible caption, and a readout of the bar under the
//! pointer, under a finger (kept until the next tap) or under the keyboard.
//!
//! The chart is one tab stop; the keys walk its bars as `view::ChartWalk`
//! says, each focused bar outlined and said once in a polite live region.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::{use_app_context, SourcesRequest};
use crate::chart::render_svg;
use crate::i18n::Text;
use crate::view::{ChartView, PointName, WalkKey};

/// What the readout shows: the bar's text and where to put it, and for the
/// keyboard's bar the outline around it. (One signal for both: each signal
/// type is code of its own in the wasm.)
#[derive(Clone, PartialEq)]
struct Readout {
    text: String,
    x: f64,
    y: f64,
    outline: Option<Outline>,
}

/// A box in the chart's frame, in CSS pixels from its top left corner.
#[derive(Clone, Copy, PartialEq)]
struct Outline {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
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

/// Where the bar `group`-`series` is drawn in `frame`, and its readout.
fn bar_in(frame: &web_sys::Element, group: usize, series: usize) -> Option<(Outline, String)> {
    let bar = frame
        .query_selector(&format!("[data-point=\"{group}-{series}\"]"))
        .ok()??;
    let (outer, inner) = (
        frame.get_bounding_client_rect(),
        bar.get_bounding_client_rect(),
    );
    Some((
        Outline {
            left: inner.left() - outer.left(),
            top: inner.top() - outer.top(),
            width: inner.width(),
            height: inner.height(),
        },
        bar.get_attribute("data-readout").unwrap_or_default(),
    ))
}

fn pixels(value: f64) -> String {
    format!("{value:.0}px")
}

/// A chart with its heading and description.
#[component]
pub fn ChartFigure(#[prop(into)] chart: Signal<ChartView>) -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
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
    let keys_id = move || format!("chart-{}-keys", key());
    let readout: RwSignal<Option<Readout>> = RwSignal::new(None);
    // A tap's readout stays until the next tap; a mouse's follows the pointer.
    let tapped = RwSignal::new(false);
    let frame_ref = NodeRef::<leptos::html::Div>::new();

    // The keyboard's bar, by name: a toggle keeps the same year's bar. Not a
    // signal: a move also sets the announcement, which is what is followed.
    let focused: StoredValue<Option<PointName>> = StoredValue::new(None);
    let has_focus = RwSignal::new(false);
    // What the live region says: set once a key moves, so each bar is said once.
    let announcement = RwSignal::new(String::new());
    let focused_index = move || {
        focused.with_value(|name| {
            name.as_ref()
                .and_then(|name| chart.with_untracked(|view| view.find_point(name)))
        })
    };
    // The outline and readout follow the focused bar, and the drawing it is
    // in; read from the page a frame later, once a new drawing is in it.
    Effect::new(move |_| {
        svg.track();
        announcement.track();
        let shown = has_focus.get() && focused.with_value(Option::is_some);
        chart.track();
        if !shown {
            return;
        }
        request_animation_frame(move || {
            let point = focused_index().and_then(|index| {
                chart.with_untracked(|view| {
                    view.walk
                        .points
                        .get(index)
                        .map(|point| (point.group, point.series))
                })
            });
            let found = point
                .zip(frame_ref.get_untracked())
                .and_then(|((group, series), frame)| bar_in(&frame, group, series));
            readout.set(found.map(|(bar, text)| Readout {
                text,
                x: bar.left + bar.width / 2.0,
                y: bar.top,
                outline: Some(bar),
            }));
        });
    });
    let on_key = move |event: web_sys::KeyboardEvent| {
        if event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        let key = event.key();
        if key == "Enter" {
            let cell = focused_index().and_then(|index| {
                chart
                    .with_untracked(|view| view.walk.points.get(index).and_then(|p| p.cell.clone()))
            });
            // An embed has no table, so no sources to open.
            if let (Some((place, row, column)), false) =
                (cell, context.view.with_untracked(|view| view.embed))
            {
                event.prevent_default();
                context.sources_asked.set(Some(SourcesRequest {
                    chart: chart.with_untracked(|view| view.key),
                    place,
                    row,
                    column,
                }));
            }
            return;
        }
        let Some(walk_key) = WalkKey::from_key(&key) else {
            return;
        };
        // The keys move in the chart, not the page.
        event.prevent_default();
        let next = chart.with_untracked(|view| {
            let index = view.walk.step(focused_index(), walk_key)?;
            Some((
                view.point_name(index)?,
                view.walk.points[index].sentence.clone(),
            ))
        });
        if let Some((name, sentence)) = next {
            focused.set_value(Some(name));
            announcement.set(sentence);
        }
    };
    let on_move = move |event: web_sys::PointerEvent| {
        if event.pointer_type() == "touch" || tapped.get_untracked() {
            return;
        }
        let shown = place_readout(&event);
        if readout.with_untracked(|current| current != &shown) {
            readout.set(shown);
        }
    };
    // A tap on a bar shows its readout until the next tap; elsewhere in the
    // chart it hides it.
    let on_down = move |event: web_sys::PointerEvent| {
        if event.pointer_type() != "touch" {
            return;
        }
        let shown = place_readout(&event);
        tapped.set(shown.is_some());
        readout.set(shown);
    };
    let on_leave = move |event: web_sys::PointerEvent| {
        if event.pointer_type() != "touch" && !has_focus.get_untracked() {
            readout.set(None);
        }
    };
    // A tap anywhere outside the chart hides a tapped readout.
    #[cfg(target_arch = "wasm32")]
    {
        let outside = window_event_listener(leptos::ev::pointerdown, move |event| {
            let inside = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
                .zip(frame_ref.get_untracked())
                .is_some_and(|(target, frame)| frame.contains(Some(&target)));
            if !inside && tapped.get_untracked() {
                tapped.set(false);
                readout.set(None);
            }
        });
        on_cleanup(move || outside.remove());
    }
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
    let outline = move || readout.with(|shown| shown.as_ref().and_then(|shown| shown.outline));
    let keys_text = move || {
        if context.view.with(|view| view.embed) {
            Text::ChartKeysEmbedded.get(lang())
        } else {
            Text::ChartKeys.get(lang())
        }
    };
    view! {
        <figure class="chart" data-chart=key>
            <h2 id=heading_id>{move || chart.with(|view| view.title.clone())}</h2>
            // One tab stop. `application`: a screen reader passes the arrow
            // keys to it instead of reading on; what a key finds is said in
            // the live region below.
            <div
                class="chart-frame"
                node_ref=frame_ref
                tabindex="0"
                role="application"
                aria-roledescription=move || Text::ChartRole.get(lang())
                aria-labelledby=heading_id
                aria-describedby=move || format!("{} {}", description_id(), keys_id())
                on:keydown=on_key
                on:focus=move |_| has_focus.set(true)
                on:blur=move |_| {
                    has_focus.set(false);
                    readout.set(None);
                }
                on:pointermove=on_move
                on:pointerdown=on_down
                on:pointerleave=on_leave
            >
                // The description is read as the image's; the caption
                // below is for the eye, so it is not read a second time.
                <div
                    class="chart-canvas"
                    role="img"
                    aria-labelledby=heading_id
                    aria-describedby=description_id
                    inner_html=drawing
                ></div>
                <div
                    class="chart-focus"
                    aria-hidden="true"
                    hidden=move || outline().is_none()
                    style:left=move || outline().map(|o| pixels(o.left - 3.0))
                    style:top=move || outline().map(|o| pixels(o.top - 3.0))
                    style:width=move || outline().map(|o| pixels(o.width + 6.0))
                    style:height=move || outline().map(|o| pixels(o.height + 6.0))
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
            <p class="visually-hidden" aria-live="polite">{move || announcement.get()}</p>
            <p class="alert" role="alert" hidden=move || error().is_none()>{error}</p>
            <p id=keys_id class="chart-keys">{keys_text}</p>
            <figcaption id=description_id class="chart-summary" aria-hidden="true">
                {move || chart.with(|view| view.description.clone())}
            </figcaption>
        </figure>
    }
}

/// The readout for the bar under `event`, placed where the pointer is.
fn place_readout(event: &web_sys::PointerEvent) -> Option<Readout> {
    let frame = event
        .current_target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())?;
    let text = readout_at(event)?;
    let bounds = frame.get_bounding_client_rect();
    Some(Readout {
        text,
        x: f64::from(event.client_x()) - bounds.left(),
        y: f64::from(event.client_y()) - bounds.top(),
        outline: None,
    })
}
