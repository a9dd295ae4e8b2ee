//! The few browser calls the app makes: fetch, history, sizes. Each fails
//! soft: a missing `window` or a refused call never panics.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::catalog::FetchError;

/// Fetches a file of the app's own (a relative URL) as text.
pub async fn fetch_text(url: &str) -> Result<String, FetchError> {
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| FetchError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::NotText)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let promise = response.text().map_err(|_| FetchError::NotText)?;
    let text = JsFuture::from(promise)
        .await
        .map_err(|_| FetchError::NotText)?;
    text.as_string().ok_or(FetchError::NotText)
}

/// The current query string, with its `?`.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

fn history_call(query: &str, replace: bool) {
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

/// Records a new view as a history entry.
pub fn push_query(query: &str) {
    if current_query().trim_start_matches('?') != query {
        history_call(query, false);
    }
}

/// Corrects the address without a new history entry.
pub fn replace_query(query: &str) {
    history_call(query, true);
}

/// The width a chart may take: the page's width less its padding.
pub fn chart_width() -> u32 {
    let width = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .map(|element| element.client_width())
        .unwrap_or(800);
    (width - 40).clamp(280, 1000) as u32
}

/// Sets `<html lang>` and the document title.
pub fn set_document_language(code: &str, title: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", code);
    }
    document.set_title(title);
}
