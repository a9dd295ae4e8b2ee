//! One chart: heading, the SVG drawn by plotters inside `role="img"`, its
//! description as a visible caption, and a readout of the bar under the
//! pointer, under a finger (kept until the next tap) or under the keyboard.
//!
//! The chart is one tab stop; the keys walk its bars as `view::ChartWalk`
//! says, each focused bar outlined and said once in a polite live region.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::{use_app_context, AppContext, SourcesRequest};
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

/// What the parts of one chart share: its input and drawing, the readout,
/// and the keyboard's and the finger's state. One method a concern.
#[derive(Clone, Copy)]
struct ChartParts {
    context: AppContext,
    chart: Signal<ChartView>,
    /// `None`: the page's own drawing (see [`ChartParts::drawing`]).
    svg: Memo<Option<Result<String, String>>>,
    frame: NodeRef<leptos::html::Div>,
    /// The drawing's own box, whose width the chart is drawn at.
    canvas: NodeRef<leptos::html::Div>,
    readout: RwSignal<Option<Readout>>,
    /// A tap's readout stays until the next tap; a mouse's follows the pointer.
    tapped: RwSignal<bool>,
    /// The keyboard's bar, by name: a toggle keeps the same year's bar. Not
    /// a signal: a move also sets the announcement, which is what is followed.
    focused: StoredValue<Option<PointName>>,
    has_focus: RwSignal<bool>,
    /// What the live region says: set once a key moves, so each bar is said once.
    announcement: RwSignal<String>,
}

impl ChartParts {
    fn new(chart: Signal<ChartView>) -> ChartParts {
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
            Some(
                chart
                    .with(|view| render_svg(&view.chart, width).map_err(|error| error.to_string())),
            )
        });
        ChartParts {
            context,
            chart,
            svg,
            frame: NodeRef::new(),
            canvas: NodeRef::new(),
            readout: RwSignal::new(None),
            tapped: RwSignal::new(false),
            focused: StoredValue::new(None),
            has_focus: RwSignal::new(false),
            announcement: RwSignal::new(String::new()),
        }
    }

    /// The drawing: plotters' own SVG (the one `inner_html`).
    fn drawing(self) -> String {
        self.svg.with(|svg| match svg {
            Some(Ok(drawing)) => drawing.clone(),
            _ => String::new(),
        })
    }

    /// Why the chart could not be drawn. The build drew it, so it did not
    /// fail: no alert until it is redrawn.
    fn error(self) -> Option<String> {
        self.svg
            .with(|svg| svg.as_ref().and_then(|drawn| drawn.as_ref().err().cloned()))
    }

    /// The focused bar's place in the walk as the chart is now.
    fn focused_index(self) -> Option<usize> {
        self.focused.with_value(|name| {
            name.as_ref()
                .and_then(|name| self.chart.with_untracked(|view| view.find_point(name)))
        })
    }

    /// The outline and readout follow the focused bar, and the drawing it is
    /// in; read from the page a frame later, once a new drawing is in it.
    fn follow_focus(self) {
        Effect::new(move |_| {
            self.svg.track();
            self.announcement.track();
            self.chart.track();
            if !self.has_focus.get() || self.focused.with_value(Option::is_none) {
                return;
            }
            request_animation_frame(move || {
                let point = self.focused_index().and_then(|index| {
                    self.chart.with_untracked(|view| {
                        view.walk
                            .points
                            .get(index)
                            .map(|point| (point.group, point.series))
                    })
                });
                let found = point
                    .zip(self.frame.get_untracked())
                    .and_then(|((group, series), frame)| bar_in(&frame, group, series));
                self.readout.set(found.map(|(bar, text)| Readout {
                    text,
                    x: bar.left + bar.width / 2.0,
                    y: bar.top,
                    outline: Some(bar),
                }));
            });
        });
    }

    /// A key in the chart: a walk key moves to a bar and says it; Enter
    /// asks the table for its sources.
    fn key(self, event: web_sys::KeyboardEvent) {
        if event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        let key = event.key();
        if key == "Enter" {
            self.open_sources(&event);
            return;
        }
        let Some(walk_key) = WalkKey::from_key(&key) else {
            return;
        };
        // The keys move in the chart, not the page.
        event.prevent_default();
        let next = self.chart.with_untracked(|view| {
            let index = view.walk.step(self.focused_index(), walk_key)?;
            Some((
                view.point_name(index)?,
                view.walk.points[index].sentence.clone(),
            ))
        });
        if let Some((name, sentence)) = next {
            self.focused.set_value(Some(name));
            self.announcement.set(sentence);
        }
    }

    /// Enter on a bar: the table's dialog for its cell (an embed has no
    /// table, so no sources to open).
    fn open_sources(self, event: &web_sys::KeyboardEvent) {
        let cell = self.focused_index().and_then(|index| {
            self.chart
                .with_untracked(|view| view.walk.points.get(index).and_then(|p| p.cell.clone()))
        });
        let embedded = self.context.view.with_untracked(|view| view.embed);
        if let (Some((place, row, column)), false) = (cell, embedded) {
            event.prevent_default();
            self.context.sources_asked.set(Some(SourcesRequest {
                chart: self.chart.with_untracked(|view| view.key),
                place,
                row,
                column,
            }));
        }
    }

    /// A mouse's readout follows it.
    fn pointer_moved(self, event: web_sys::PointerEvent) {
        if event.pointer_type() == "touch" || self.tapped.get_untracked() {
            return;
        }
        let shown = place_readout(&event);
        if self.readout.with_untracked(|current| current != &shown) {
            self.readout.set(shown);
        }
    }

    /// A tap on a bar shows its readout until the next tap; elsewhere in the
    /// chart it hides it.
    fn pointer_down(self, event: web_sys::PointerEvent) {
        if event.pointer_type() != "touch" {
            return;
        }
        let shown = place_readout(&event);
        self.tapped.set(shown.is_some());
        self.readout.set(shown);
    }

    fn pointer_left(self, event: web_sys::PointerEvent) {
        if event.pointer_type() != "touch" && !self.has_focus.get_untracked() {
            self.readout.set(None);
        }
    }

    /// A tap anywhere outside the chart hides a tapped readout.
    /// Follows the drawing's own box: a new width redraws the charts, once
    /// the box has settled and only when the width really changed.
    fn watch_width(self) {
        #[cfg(target_arch = "wasm32")]
        {
            let watch = StoredValue::new_local(None);
            Effect::new(move |_| {
                let Some(canvas) = self.canvas.get() else {
                    return;
                };
                let chart_width = self.context.chart_width;
                watch.set_value(super::browser::watch_box_width(&canvas, move |width| {
                    if chart_width.get_untracked() != width {
                        chart_width.set(width);
                    }
                }));
            });
            on_cleanup(move || watch.set_value(None));
        }
    }

    /// What is drawn over the chart: the keyboard's outline around its bar,
    /// and the readout. Both are shown and moved in place: a move changes
    /// style properties, not the elements. No position until shown: an
    /// inline `style` in the page drawn at build time would break the
    /// strict CSP.
    fn marks(self) -> impl IntoView {
        let readout = self.readout;
        let outline = move || readout.with(|shown| shown.as_ref().and_then(|shown| shown.outline));
        let at = move |place: fn(&Readout) -> f64| {
            move || readout.with(|shown| shown.as_ref().map(|shown| pixels(place(shown))))
        };
        view! {
            <div
                class="chart-focus"
                aria-hidden="true"
                hidden=move || outline().is_none()
                style:left=move || outline().map(|o| pixels(o.left - 3.0))
                style:top=move || outline().map(|o| pixels(o.top - 3.0))
                style:width=move || outline().map(|o| pixels(o.width + 6.0))
                style:height=move || outline().map(|o| pixels(o.height + 6.0))
            ></div>
            <div
                class="chart-readout"
                aria-hidden="true"
                hidden=move || readout.with(Option::is_none)
                style:left=at(|shown| shown.x)
                style:top=at(|shown| shown.y)
            >{move || readout.with(|shown| shown.as_ref().map(|shown| shown.text.clone()))}</div>
        }
    }

    fn watch_taps_outside(self) {
        #[cfg(target_arch = "wasm32")]
        {
            let outside = window_event_listener(leptos::ev::pointerdown, move |event| {
                let inside = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
                    .zip(self.frame.get_untracked())
                    .is_some_and(|(target, frame)| frame.contains(Some(&target)));
                if !inside && self.tapped.get_untracked() {
                    self.tapped.set(false);
                    self.readout.set(None);
                }
            });
            on_cleanup(move || outside.remove());
        }
    }
}

/// A chart with its heading and description.
#[component]
pub fn ChartFigure(#[prop(into)] chart: Signal<ChartView>) -> impl IntoView {
    let parts = ChartParts::new(chart);
    let context = parts.context;
    let lang = move || context.lang();
    parts.follow_focus();
    parts.watch_width();
    parts.watch_taps_outside();
    let key = move || chart.with(|view| view.key.key());
    let heading_id = move || format!("chart-{}-title", key());
    let description_id = move || format!("chart-{}-description", key());
    let keys_id = move || format!("chart-{}-keys", key());
    let readout = parts.readout;
    let keys_text = move || {
        if context.view.with(|view| view.embed) {
            Text::ChartKeysEmbedded.get(lang())
        } else {
            Text::ChartKeys.get(lang())
        }
    };
    // The figure's elements stay; a change only sets the drawing and the
    // texts. Rebuilding them on every toggle would cost a reactive node each
    // time and lose the pointer's place.
    view! {
        <figure class="chart" data-chart=key>
            <h2 id=heading_id>{move || chart.with(|view| view.title.clone())}</h2>
            // One tab stop. `application`: a screen reader passes the arrow
            // keys to it instead of reading on; what a key finds is said in
            // the live region below.
            <div
                class="chart-frame"
                node_ref=parts.frame
                tabindex="0"
                role="application"
                aria-roledescription=move || Text::ChartRole.get(lang())
                aria-labelledby=heading_id
                aria-describedby=move || format!("{} {}", description_id(), keys_id())
                on:keydown=move |event| parts.key(event)
                on:focus=move |_| parts.has_focus.set(true)
                on:blur=move |_| {
                    parts.has_focus.set(false);
                    readout.set(None);
                }
                on:pointermove=move |event| parts.pointer_moved(event)
                on:pointerdown=move |event| parts.pointer_down(event)
                on:pointerleave=move |event| parts.pointer_left(event)
            >
                // The description is read as the image's; the caption
                // below is for the eye, so it is not read a second time.
                <div
                    class="chart-canvas"
                    node_ref=parts.canvas
                    role="img"
                    aria-labelledby=heading_id
                    aria-describedby=description_id
                    inner_html=move || parts.drawing()
                ></div>
                {parts.marks()}
            </div>
            <p class="visually-hidden" aria-live="polite">{move || parts.announcement.get()}</p>
            <p class="alert" role="alert" hidden=move || parts.error().is_none()>{move || parts.error()}</p>
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
