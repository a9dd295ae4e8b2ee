//! Copying text: the Clipboard API, or the older copy command where that
//! is missing or refused.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Copies `text` to the clipboard. The Clipboard API first; where it is
/// missing or refused (an old browser, a page not served over https, a frame
/// without permission), the older copy command on a hidden text field.
/// `false` when neither worked, so the caller can show the text to copy by
/// hand.
pub async fn copy_text(text: &str) -> bool {
    if let Some(promise) = clipboard_write(text) {
        if JsFuture::from(promise).await.is_ok() {
            return true;
        }
    }
    copy_with_command(text)
}

fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let clipboard = web_sys::window()?.navigator().clipboard();
    // `navigator.clipboard` is missing outside a secure context.
    let present: &wasm_bindgen::JsValue = clipboard.as_ref();
    if present.is_undefined() || present.is_null() {
        return None;
    }
    Some(clipboard.write_text(text))
}

fn copy_with_command(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    let Some(body) = document.body() else {
        return false;
    };
    let Ok(field) = document
        .create_element("textarea")
        .map(|element| element.unchecked_into::<web_sys::HtmlTextAreaElement>())
    else {
        return false;
    };
    field.set_value(text);
    let _ = field.set_attribute("readonly", "");
    let _ = field.set_attribute("class", "copy-buffer");
    let active = document.active_element();
    if body.append_child(&field).is_err() {
        return false;
    }
    field.select();
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|document| document.exec_command("copy").ok())
        .unwrap_or(false);
    field.remove();
    // The visitor's focus goes back to the button they pressed.
    if let Some(active) = active.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = active.focus();
    }
    copied
}
