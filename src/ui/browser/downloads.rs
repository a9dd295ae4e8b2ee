//! Files offered for download, made in the page: text through an object
//! URL, a chart's PNG drawn from its SVG on a canvas. No network.

use wasm_bindgen::JsCast;

/// An object URL for `contents` as a file of type `mime`; the caller
/// revokes it once the browser has read it.
fn object_url(contents: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Offers `contents` as a file download, without any network.
pub fn download_text(file_name: &str, mime: &str, contents: &str) {
    let Some(url) = object_url(contents, mime) else {
        return;
    };
    click_download_link(&url, file_name);
    // The browser reads the file after the click returns: revoking at once
    // can cancel the download. A minute is ample, and frees the memory.
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(60_000).await;
        let _ = web_sys::Url::revoke_object_url(&url);
    });
}

fn click_download_link(href: &str, file_name: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Ok(anchor) = document
        .create_element("a")
        .map(|element| element.unchecked_into::<web_sys::HtmlAnchorElement>())
    else {
        return;
    };
    anchor.set_href(href);
    anchor.set_download(file_name);
    anchor.click();
}

/// Draws an SVG of plotters' onto a canvas at twice its size and offers the
/// result as a PNG download. All in the browser. `failed` is called when the
/// browser cannot draw it.
pub fn download_png(
    file_name: &str,
    svg: &str,
    width: u32,
    height: u32,
    failed: impl FnOnce() + 'static,
) {
    let Some(url) = object_url(svg, "image/svg+xml") else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let file_name = file_name.to_string();
    let (loaded, source) = (image.clone(), url.clone());
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&source);
        if let Some(data_url) = png_of(&loaded, width, height) {
            click_download_link(&data_url, &file_name);
        }
    });
    let source = url.clone();
    let on_error = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&source);
        failed();
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&url);
}

/// A loaded image drawn at twice `width` × `height`, as a PNG data URL.
fn png_of(image: &web_sys::HtmlImageElement, width: u32, height: u32) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(width * 2);
    canvas.set_height(height * 2);
    let context: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context.scale(2.0, 2.0).ok()?;
    context
        .draw_image_with_html_image_element(image, 0.0, 0.0)
        .ok()?;
    canvas.to_data_url_with_type("image/png").ok()
}
