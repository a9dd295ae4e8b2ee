//! Taking over the page drawn at build time (see [`super::prerender`]).
//!
//! `index.html` already shows the default view in `<div id="app">`, so the
//! chart paints before any script. The app is built beside it, off the page,
//! and swapped in at once when its first view is drawn: one frame shows the
//! build's markup, the next the app's, the same markup at the same place.
//! Clicks made in between are not lost: `public/start-view.js` records each
//! one as the index of the control clicked, and they are replayed on the
//! app's controls (a year ticked early ends up ticked, and drawn).

use std::cell::RefCell;

use wasm_bindgen::JsCast;

/// The controls whose clicks are recorded and replayed, in document order.
/// Must match `public/start-view.js`.
const CONTROLS: &str = "button, input, summary";

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
    let Some(window) = web_sys::window() else {
        return;
    };
    let swap = wasm_bindgen::closure::Closure::once_into_js(swap_in);
    let _ = window.request_animation_frame(swap.unchecked_ref());
}

fn swap_in() {
    let Some((drawn, fresh)) = WAITING.with(|waiting| waiting.borrow_mut().take()) else {
        return;
    };
    let clicks: Vec<usize> = drawn
        .get_attribute("data-clicks")
        .unwrap_or_default()
        .split(',')
        .filter_map(|index| index.parse().ok())
        .collect();
    let focused = focused_control(&drawn);
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
    if let Some(control) = focused.and_then(control) {
        let _ = control.focus();
    }
}

/// Which control of the build's markup has the keyboard focus, if any: the
/// same control of the app's gets it after the swap.
fn focused_control(drawn: &web_sys::Element) -> Option<usize> {
    let active = web_sys::window()?.document()?.active_element()?;
    let controls = drawn.query_selector_all(CONTROLS).ok()?;
    (0..controls.length()).position(|index| {
        controls
            .item(index)
            .is_some_and(|node| node.is_same_node(Some(active.as_ref())))
    })
}
