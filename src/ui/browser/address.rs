//! The page's address and its history: reading the query, a new entry for a
//! new view, a replaced one for a toggle (written after the frame that
//! shows it), and the page's own address for links and embeds.

use std::cell::RefCell;

/// The current query string, with its `?`. (At build time: empty; the page
/// being drawn has its address in the `PageEnvironment`.)
pub fn current_query() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|window| window.location().search().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// The page's address without query or fragment. (At build time: empty.)
pub fn page_url() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|window| {
                let location = window.location();
                Some(format!(
                    "{}{}",
                    location.origin().ok()?,
                    location.pathname().ok()?
                ))
            })
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// A `?data=` value as the browser will fetch it: resolved against the page
/// by the browser's own URL parser, with the other site's host when it is
/// not this page's origin (`None`: this site). `None` when the browser
/// cannot read it as an address. (At build time: the value as written, and
/// its host as the core reads it.)
pub fn resolve_against_page(value: &str) -> Option<(String, Option<String>)> {
    #[cfg(target_arch = "wasm32")]
    {
        let location = web_sys::window()?.location();
        let page = location.href().ok()?;
        let resolved = web_sys::Url::new_with_base(value, &page).ok()?;
        let other_site = resolved.origin() != location.origin().ok()?;
        Some((resolved.href(), other_site.then(|| resolved.host())))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Some((value.to_owned(), crate::state::data_host(value)))
    }
}

/// Writes `?query` into the address, as a new history entry or in place of
/// the current one. (At build time there is no history: nothing.)
fn write_address(query: &str, replace: bool) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else {
            return;
        };
        let url = format!("?{query}");
        // Only the query changes, so the path (and any sub-path the app is hosted under) stays.
        let _ = if replace {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Records a new view as a history entry.
pub fn push_query(query: &str) {
    // The entry being left gets its last toggle first.
    apply_query_soon_now();
    if current_query().trim_start_matches('?') != query {
        write_address(query, false);
    }
}

thread_local! {
    /// The query that [`replace_query_soon`] will write, if one is waiting.
    static QUERY_SOON: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Writes `query` into the address after the next frame is painted, not
/// within the visitor's tap: a new address makes the browser fetch and
/// decode the page's icon again (≈ 4 ms of the tap's time in Chromium).
/// Several calls before then write the address once, with the last query.
pub fn replace_query_soon(query: &str) {
    let first = QUERY_SOON.with(|soon| soon.borrow_mut().replace(query.to_owned()).is_none());
    if first {
        super::after_next_paint(apply_query_soon_now);
    }
}

/// Writes the waiting query, if any, now.
fn apply_query_soon_now() {
    if let Some(query) = QUERY_SOON.with(|soon| soon.borrow_mut().take()) {
        write_address(&query, true);
    }
}

/// Drops the waiting query: the visitor went back or forward, and the
/// address now says what to show.
pub fn forget_query_soon() {
    QUERY_SOON.with(|soon| soon.borrow_mut().take());
}

/// Corrects the address without a new history entry.
pub fn replace_query(query: &str) {
    write_address(query, true);
}
