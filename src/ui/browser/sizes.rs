//! Observers that follow sizes: a chart's own box (its drawing's width),
//! and the page's height for the page that embeds it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// How long a box must keep its size before its chart is redrawn for it.
const RESIZE_SETTLE_MS: u32 = 150;

/// A size observer: it stops, and its callback is freed, when this is
/// dropped.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `callback` whenever `element`'s box changes size, and once at the
/// start.
fn observe(element: &web_sys::Element, callback: impl FnMut() + 'static) -> Option<SizeWatch> {
    let callback = Closure::<dyn FnMut()>::new(callback);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(SizeWatch {
        observer,
        _callback: callback,
    })
}

/// Calls `changed` with the drawing width for `element`'s own box
/// (`prerendered::chart_width_for`): its first width at once, then each new
/// width once the box has kept it for [`RESIZE_SETTLE_MS`] (dragging a
/// window's edge redraws a chart once, not on every frame). A hidden box
/// (no width) says nothing, nor does a new height alone (a redrawn chart
/// of another height: every toggle may make one). Stops when the returned
/// watch is dropped.
pub fn watch_box_width(
    element: &web_sys::Element,
    changed: impl Fn(u32) + 'static,
) -> Option<SizeWatch> {
    let measured = element.clone();
    let changed = Rc::new(changed);
    // The last box width seen; 0 before the first.
    let last = Cell::new(0);
    let pending: RefCell<Option<Timeout>> = RefCell::new(None);
    observe(element, move || {
        let box_width = measured.client_width();
        if box_width <= 0 || box_width == last.get() {
            return;
        }
        let width = crate::prerendered::chart_width_for(box_width);
        if last.replace(box_width) == 0 {
            changed(width);
            return;
        }
        let changed = changed.clone();
        // A new timeout replaces (and so cancels) the one still waiting.
        *pending.borrow_mut() = Some(Timeout::new(RESIZE_SETTLE_MS, move || changed(width)));
    })
}

/// In an iframe: tells the host page our height whenever it changes, as
/// `{"type": "budget-explorer:height", "height": …}`, so its embed.js can
/// size the frame.
pub fn report_height_to_host() -> Option<SizeWatch> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    let root = window.document()?.document_element()?;
    let measured = root.clone();
    observe(&root, move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"budget-explorer:height".into());
        let height = f64::from(measured.scroll_height());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // The height is not a secret: any host may know it.
        let _ = parent.post_message(&message, "*");
    })
}
