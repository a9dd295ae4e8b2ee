//! Taking over the page drawn at build time (see [`super::prerender`]).
//!
//! `index.html` already shows the default view in `<div id="app">`, so the
//! chart paints before any script. The app is built beside it, off the page,
//! and swapped in at once when its first view is drawn: one frame shows the
//! build's markup, the next the app's, the same markup at the same place.
//! Clicks made in between are not lost: `public/start-view.js` records each
//! one as the index of the control clicked, and they are replayed on the
//! app's controls (a year ticked early ends up ticked, and drawn). A press
//! still held when the app is ready delays the swap until it ends.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

/// The controls whose clicks are recorded and replayed, in document order.
/// Must match `public/start-view.js`.
const CONTROLS: &str = "button, input, summary";

/// What can have the keyboard focus: the controls, links, and the regions a
/// link leads to (the skip link's charts).
const FOCUSABLE: &str = "a[href], button, input, summary, [tabindex]";

thread_local! {
    /// The build's markup and the app's root, until the swap.
    static WAITING: RefCell<Option<(web_sys::Element, web_sys::HtmlElement)>> = const { RefCell::new(None) };
}

/// Mounts the app: beside the page drawn at build time when there is one
/// (swapped in by [`app_ready`]), else straight into the body.
pub fn mount(app: fn() -> leptos::prelude::AnyView) {
    let document = web_sys::window().and_then(|window| window.document());
    let drawn = document
        .as_ref()
        .and_then(|document| document.get_element_by_id("app"));
    let fresh = document
        .as_ref()
        .and_then(|document| document.create_element("div").ok())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match (drawn, fresh) {
        (Some(drawn), Some(fresh)) => {
            fresh.set_class_name("app");
            WAITING.with(|waiting| *waiting.borrow_mut() = Some((drawn, fresh.clone())));
            leptos::mount::mount_to(fresh, app).forget();
        }
        _ => leptos::mount::mount_to_body(app),
    }
}

/// Called once the app has drawn its first view with its data: swaps it in
/// for the build's markup in the next frame (so this frame's updates are in
/// the app's elements), then replays the clicks made before.
pub fn app_ready() {
    swap_in_next_frame(0);
}

/// How many frames the swap waits at most for a press on the build's markup
/// to end (about a second): a pointer released outside the window may never
/// say so.
const MOST_FRAMES_WAITED: u32 = 60;

fn swap_in_next_frame(frames_waited: u32) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let swap = wasm_bindgen::closure::Closure::once_into_js(move || swap_in(frames_waited));
    let _ = window.request_animation_frame(swap.unchecked_ref());
}

fn swap_in(frames_waited: u32) {
    // A pointer (or the space bar) held down on the build's markup: its click
    // comes when it is released, and must land on the control it began on,
    // which is recorded and replayed; swapped in between, the press would
    // end on another element and the click be lost. `data-app-ready` says
    // that only the press holds the swap.
    let pressed = WAITING.with(|waiting| {
        waiting
            .borrow()
            .as_ref()
            .is_some_and(|(drawn, _)| drawn.has_attribute("data-pressing"))
    });
    if pressed && frames_waited < MOST_FRAMES_WAITED {
        WAITING.with(|waiting| {
            if let Some((drawn, _)) = waiting.borrow().as_ref() {
                let _ = drawn.set_attribute("data-app-ready", "");
            }
        });
        swap_in_next_frame(frames_waited + 1);
        return;
    }
    let Some((drawn, fresh)) = WAITING.with(|waiting| waiting.borrow_mut().take()) else {
        return;
    };
    let clicks: Vec<usize> = drawn
        .get_attribute("data-clicks")
        .unwrap_or_default()
        .split(',')
        .filter_map(|index| index.parse().ok())
        .collect();
    let focused = focused_element(&drawn);
    if drawn.replace_with_with_node_1(&fresh).is_err() {
        return;
    }
    fresh.set_id("app");
    let controls = fresh.query_selector_all(CONTROLS).ok();
    let control = |index: usize| {
        controls
            .as_ref()
            .and_then(|controls| controls.item(index as u32))
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
    };
    for index in clicks {
        if let Some(control) = control(index) {
            control.click();
        }
    }
    let focusable = focused
        .and_then(|index| fresh.query_selector_all(FOCUSABLE).ok()?.item(index as u32))
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = focusable {
        let _ = element.focus();
    }
}

/// Which element of the build's markup has the keyboard focus, if any, as
/// its index among [`FOCUSABLE`]: the same element of the app's gets it
/// after the swap.
fn focused_element(drawn: &web_sys::Element) -> Option<usize> {
    let active = web_sys::window()?.document()?.active_element()?;
    let focusable = drawn.query_selector_all(FOCUSABLE).ok()?;
    (0..focusable.length()).position(|index| {
        focusable
            .item(index)
            .is_some_and(|node| node.is_same_node(Some(active.as_ref())))
    })
}
