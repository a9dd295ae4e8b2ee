//! How the app starts in a browser: one decision, then one way in.
//!
//! `index.html` already shows a view, drawn at build time by these same
//! components (see [`super::prerender`] and [`crate::prerendered`]). When
//! the address is that view's and the page carries all its data, the app
//! **hydrates** it: Leptos walks the drawn elements and attaches the app to
//! them, so nothing is built twice or swapped, and the element a visitor
//! holds or has focused stays the same element. Otherwise (another address,
//! the offline file, a page that did not match the app) it **mounts a fresh
//! page** in its place, in the same task, so no frame shows neither.
//!
//! It starts in two steps, a task apart ([`read_page`], then [`start`]):
//! together, reading the data and hydrating the page would be one long
//! task on a phone (and the reading is itself cut into slices).
//!
//! Either way, the clicks made before the app was ready (recorded by
//! `public/start-view.js`) are replayed on the app's controls, and the
//! "redrawing" mark they put on the charts is taken off: the app's own
//! drawing follows in the same frame.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::environment::{provide_page_environment, PageEnvironment};
use super::App;
use crate::prerendered::{
    mark, nearest_width, CHART_CANVAS_CLASS, DRAWN_VIEWS, EARLY_CONTROLS, FOCUSABLE,
};
use crate::state::parse_query;

/// The page as the app found it: read in the first of the start's two
/// steps ([`read_page`]), started on in the second ([`start`]).
pub struct ReadPage(PageEnvironment);

/// The start's first step: reads the page's address, width and the data it
/// carries (every agreement through the strict reader, in slices of a few
/// milliseconds with the browser free in between). The start script
/// (written by `scripts/postbuild.mjs`) takes the second step a task later,
/// so that on a phone neither step is one long task that holds up a tap.
pub async fn read_page() -> ReadPage {
    ReadPage(PageEnvironment::from_window().await)
}

/// The start's second step: starts the app on the page read.
pub fn start(page: ReadPage) {
    let ReadPage(mut environment) = page;
    let document = web_sys::window().and_then(|window| window.document());
    let root = document
        .as_ref()
        .and_then(|document| document.get_element_by_id("app"))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    let Some(root) = root else {
        leptos::mount::mount_to_body(move || app(environment));
        return;
    };
    let clicks = early_clicks(&root);
    let chart_width = environment.chart_width;
    let root = if can_hydrate(&root, &environment) {
        // Should the page not be what the app renders, hydration stops the
        // wasm (panic = "abort"); the start script sees this mark, and
        // starts a new instance of the app, which mounts afresh.
        let _ = root.set_attribute(mark::HYDRATING, "");
        environment.charts_in_page = true;
        leptos::mount::hydrate_from(root.clone(), move || app(environment)).forget();
        let _ = root.remove_attribute(mark::HYDRATING);
        let _ = root.remove_attribute(mark::DRAWN);
        let _ = root.remove_attribute(mark::DRAWN_VIEW);
        keep_one_drawing(&root, chart_width);
        replay(&root, &clicks, Replay::Hydrated);
        root
    } else {
        match mount_fresh(&root, environment) {
            Some(fresh) => {
                replay(&fresh, &clicks, Replay::Fresh);
                fresh
            }
            None => root,
        }
    };
    drawn_by_the_app(&root);
}

/// The app with the page's environment.
fn app(environment: PageEnvironment) -> impl IntoView {
    provide_page_environment(environment);
    view! { <App/> }
}

/// Whether the page shows the view drawn for this very address, with the
/// data the build drew it with: only then is it what the app renders.
fn can_hydrate(root: &web_sys::HtmlElement, environment: &PageEnvironment) -> bool {
    let Some(drawn_view) = root.get_attribute(mark::DRAWN_VIEW) else {
        return false;
    };
    if root.has_attribute(mark::HYDRATION_FAILED)
        || environment.bundled.is_none()
        || environment.offline_file
    {
        return false;
    }
    let Some((_, drawn_query)) = DRAWN_VIEWS.iter().find(|(key, _)| *key == drawn_view) else {
        return false;
    };
    let (asked, drawn) = (parse_query(&environment.query), parse_query(drawn_query));
    asked.notices.is_empty() && asked.state == drawn.state
}

/// Mounts the app into a new root and puts it in place of `root`, keeping
/// the keyboard focus on the same element. `None` when the page refused.
fn mount_fresh(
    root: &web_sys::HtmlElement,
    environment: PageEnvironment,
) -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let fresh: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    fresh.set_class_name("app");
    let focused = focused_index(root);
    // Mounted off the page: the data is in hand, so the view is complete
    // when this returns, and it replaces the drawn one within this task.
    leptos::mount::mount_to(fresh.clone(), move || app(environment)).forget();
    root.replace_with_with_node_1(&fresh).ok()?;
    fresh.set_id("app");
    let element = focused
        .and_then(|index| fresh.query_selector_all(FOCUSABLE).ok()?.item(index as u32))
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
    Some(fresh)
}

/// Each chart of the drawn page holds a drawing at every drawn width (the
/// style shows the nearest): the one shown stays, the others go. The app
/// draws its own at the chart's exact width when the chart next changes.
fn keep_one_drawing(root: &web_sys::HtmlElement, chart_width: u32) {
    let drawn = format!(".{CHART_CANVAS_CLASS} svg[data-width]");
    let Ok(drawings) = root.query_selector_all(&drawn) else {
        return;
    };
    let shown = nearest_width(chart_width).to_string();
    for index in 0..drawings.length() {
        let Some(drawing) = drawings
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        if drawing.get_attribute("data-width").as_deref() == Some(shown.as_str()) {
            let _ = drawing.remove_attribute("data-width");
        } else {
            drawing.remove();
        }
    }
}

/// The clicks recorded on the drawn page, in order.
fn early_clicks(root: &web_sys::Element) -> Vec<usize> {
    root.get_attribute(mark::CLICKS)
        .unwrap_or_default()
        .split(',')
        .filter_map(|index| index.parse().ok())
        .collect()
}

/// Where the recorded clicks are replayed.
#[derive(Clone, Copy, PartialEq)]
enum Replay {
    /// On the very elements clicked: hydration set each control's property
    /// back to the app's state, so the click is the visitor's again. A
    /// `<details>` kept the visitor's toggle itself (the app does not bind
    /// `open`), so its `summary` is not clicked again.
    Hydrated,
    /// On the same controls of a new page: every click.
    Fresh,
}

fn replay(root: &web_sys::HtmlElement, clicks: &[usize], how: Replay) {
    let _ = root.remove_attribute(mark::CLICKS);
    if clicks.is_empty() {
        return;
    }
    let Ok(controls) = root.query_selector_all(EARLY_CONTROLS) else {
        return;
    };
    for &index in clicks {
        let control = controls
            .item(index as u32)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(control) = control {
            if how == Replay::Hydrated && control.tag_name().eq_ignore_ascii_case("summary") {
                continue;
            }
            control.click();
        }
    }
}

/// Takes the "redrawing" marks off: the app answers every tap from here on,
/// and its drawing of the replayed ones comes before the next frame.
fn drawn_by_the_app(root: &web_sys::HtmlElement) {
    let selector = format!("[{}]", mark::REDRAWING);
    if let Ok(marked) = root.query_selector_all(&selector) {
        for index in 0..marked.length() {
            if let Some(element) = marked
                .item(index)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            {
                let _ = element.remove_attribute(mark::REDRAWING);
                let _ = element.remove_attribute("aria-busy");
            }
        }
    }
    let status = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(mark::REDRAWING_STATUS));
    if let Some(status) = status {
        status.remove();
    }
}

/// Which element of the drawn page has the keyboard focus, if any, as its
/// index among [`FOCUSABLE`]: the same element of a fresh page gets it.
fn focused_index(root: &web_sys::Element) -> Option<usize> {
    let active = web_sys::window()?.document()?.active_element()?;
    let focusable = root.query_selector_all(FOCUSABLE).ok()?;
    (0..focusable.length()).position(|index| {
        focusable
            .item(index)
            .is_some_and(|node| node.is_same_node(Some(active.as_ref())))
    })
}
