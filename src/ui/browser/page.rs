//! The page around the app: the data the offline file carries, the marks,
//! language, theme and title on the document, today's date, and the first
//! chart's width.

use wasm_bindgen::JsCast;

use crate::state::Theme;

thread_local! {
    /// The offline file's data map, parsed once (`None`: not the offline file).
    static BUNDLED: std::cell::OnceCell<Option<wasm_bindgen::JsValue>> = const { std::cell::OnceCell::new() };
}

/// A file of the app's own that the single-file offline build carries inside
/// the page (`<script type="application/json" id="bundled-data">`), if any.
/// (At build time: none; the page being drawn has its data.)
pub fn bundled_file(url: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        BUNDLED.with(|bundled| {
            let files = bundled.get_or_init(|| {
                let element = document()?.get_element_by_id("bundled-data")?;
                js_sys::JSON::parse(&element.text_content()?).ok()
            });
            js_sys::Reflect::get(files.as_ref()?, &wasm_bindgen::JsValue::from_str(url))
                .ok()?
                .as_string()
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Whether the app runs from the single offline file. (At build time: no.)
pub fn is_bundled() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        document()
            .and_then(|document| document.get_element_by_id("bundled-wasm"))
            .is_some()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        false
    }
}

/// Today's date as `2026-11-24` (UTC), for a downloaded chart's footer. (At
/// build time: empty; the drawn page shows no date.)
pub fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let iso: String = js_sys::Date::new_0().to_iso_string().into();
        iso.chars().take(10).collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// The width of the first chart's box in the page (the drawn page has one
/// even when it is hidden for another address), as
/// `prerendered::chart_width_for` turns it into a drawing's width; the
/// page's width where there is no chart yet. Each chart then follows its own
/// box (`super::watch_box_width`).
pub fn first_chart_width() -> u32 {
    let box_width = document()
        .and_then(|document| document.query_selector(".chart-canvas").ok().flatten())
        .map(|frame| frame.client_width())
        .filter(|width| *width > 0)
        .or_else(|| root_element().map(|root| root.client_width()))
        .unwrap_or(0);
    crate::prerendered::chart_width_for(box_width)
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// `<html>`, where the page's marks and its language and theme are set.
fn root_element() -> Option<web_sys::Element> {
    document()?.document_element()
}

/// Sets `<html lang>`.
pub fn set_document_language(code: &str) {
    if let Some(root) = root_element() {
        let _ = root.set_attribute("lang", code);
    }
}

/// Sets or clears the class `name` on `<html>`.
fn mark_root(name: &str, on: bool) {
    if let Some(root) = root_element() {
        let _ = root.class_list().toggle_with_force(name, on);
    }
}

/// Marks the document as embedded, for the compact layout.
pub fn mark_embedded(embedded: bool) {
    mark_root("embedded", embedded);
}

/// Marks the document as showing no chart headings (`header=0`).
pub fn mark_without_headings(without: bool) {
    mark_root("without-headings", without);
}

/// Fixes the page's colours (`data-theme` on `<html>`, which the style
/// sheet's `color-scheme` follows), or leaves them to the visitor (`auto`).
/// Called on every change of the view: the attribute is written only when
/// it differs, since a write restyles the whole page.
pub fn set_theme(theme: Theme) {
    let Some(root) = root_element() else {
        return;
    };
    let wanted = match theme {
        Theme::Auto => None,
        fixed => Some(fixed.key()),
    };
    if root.get_attribute("data-theme").as_deref() == wanted {
        return;
    }
    let _ = match wanted {
        None => root.remove_attribute("data-theme"),
        Some(key) => root.set_attribute("data-theme", key),
    };
}

/// The first element `selector` finds (a selector written here, never one
/// holding a visitor's text).
pub fn element_by_selector(selector: &str) -> Option<web_sys::HtmlElement> {
    document()?.query_selector(selector).ok()??.dyn_into().ok()
}

/// Sets the document's title (the tab, bookmarks, shared links' fallback),
/// when it changes: setting it costs as much as a redraw of a chart.
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        if document.title() != title {
            document.set_title(title);
        }
    }
}
