//! The few browser calls the app makes: fetch, history, sizes. Each fails
//! soft: a missing `window` or a refused call never panics. Natively (the
//! page drawn at build time) none is called while drawing: the page's
//! address, width and data come in its [`super::environment`], and effects,
//! which make the other calls, do not run there; the native bodies are
//! inert.

#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::catalog::FetchError;

/// How long a file may take to arrive in full before it is given up.
pub const FETCH_TIMEOUT_SECONDS: u32 = 20;

/// Fetches a file's bytes, at most `limit` of them: refused before reading
/// when the server says it is larger (`Content-Length`), and the download
/// stopped at the limit when it does not say (the bytes are counted as they
/// arrive, after any gzip decoding, so a small compressed file cannot
/// inflate past the limit either). Given up after [`FETCH_TIMEOUT_SECONDS`].
/// A failure names its cause: offline, the site's security policy, a server
/// that refuses other sites (CORS), no answer, an error status.
pub async fn fetch_bytes(url: &str, limit: usize) -> Result<Vec<u8>, FetchError> {
    // The offline single file carries its data: browsers refuse fetch() from file://.
    if let Some(text) = bundled_file(url) {
        return Ok(text.into_bytes());
    }
    let window = web_sys::window().ok_or(FetchError::Network)?;
    // Offline is not checked first: the service worker may answer from its cache.
    let controller = web_sys::AbortController::new().map_err(|_| FetchError::Network)?;
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    // Cleared when dropped, at the end of this function.
    let _timer = {
        let (timed_out, controller) = (timed_out.clone(), controller.clone());
        gloo_timers::callback::Timeout::new(FETCH_TIMEOUT_SECONDS * 1000, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let blocked = PolicyWatch::start(&window);
    let result = fetch_limited(&window, url, limit, &controller).await;
    match result {
        Err(_) if timed_out.get() => Err(FetchError::TimedOut {
            seconds: FETCH_TIMEOUT_SECONDS,
        }),
        Err(FetchError::Network) => Err(why_no_answer(&window, url, blocked).await),
        other => other,
    }
}

/// Why a fetch got no answer: the browser's security policy, a server that
/// answers but refuses other sites, or no server at all. The browser gives
/// all three the same error on purpose; the policy fires an event, and a
/// second, opaque request tells a refusing server from an absent one.
async fn why_no_answer(window: &web_sys::Window, url: &str, blocked: PolicyWatch) -> FetchError {
    // The violation event is queued as a task of its own: let it arrive.
    gloo_timers::future::TimeoutFuture::new(50).await;
    if blocked.seen() {
        return FetchError::BlockedByPolicy;
    }
    if !window.navigator().on_line() {
        return FetchError::Offline;
    }
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::NoCors);
    match JsFuture::from(window.fetch_with_str_and_init(url, &init)).await {
        Ok(_) => FetchError::CorsRefused,
        Err(_) => FetchError::Network,
    }
}

async fn fetch_limited(
    window: &web_sys::Window,
    url: &str,
    limit: usize,
    controller: &web_sys::AbortController,
) -> Result<Vec<u8>, FetchError> {
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| FetchError::Network)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| FetchError::NotText)?;
    if !response.ok() {
        return Err(FetchError::Status(response.status()));
    }
    let too_large = |size: Option<u64>| FetchError::TooLarge {
        size,
        limit: limit as u64,
    };
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|length| length.trim().parse::<u64>().ok());
    if let Some(size) = declared.filter(|size| *size > limit as u64) {
        controller.abort();
        return Err(too_large(Some(size)));
    }
    let Some(body) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body
        .get_reader()
        .dyn_into()
        .map_err(|_| FetchError::NotText)?;
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0).min(limit as u64) as usize);
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchError::Network)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|done| done.as_bool())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let value =
            js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| FetchError::NotText)?;
        let value = js_sys::Uint8Array::new(&value);
        if bytes.len() + value.length() as usize > limit {
            // Stop reading: the rest is never downloaded.
            controller.abort();
            return Err(too_large(None));
        }
        let start = bytes.len();
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
}

/// Notes whether the site's Content-Security-Policy refused a connection
/// while a fetch ran; the listener is removed when this is dropped.
struct PolicyWatch {
    seen: std::rc::Rc<std::cell::Cell<bool>>,
    _listener: Option<EventListener>,
}

impl PolicyWatch {
    fn start(window: &web_sys::Window) -> PolicyWatch {
        let seen = std::rc::Rc::new(std::cell::Cell::new(false));
        let flag = seen.clone();
        let listener = window.document().map(|document| {
            EventListener::new(&document, "securitypolicyviolation", move |event| {
                let directive = js_sys::Reflect::get(event, &"effectiveDirective".into())
                    .ok()
                    .and_then(|value| value.as_string())
                    .unwrap_or_default();
                if directive == "connect-src" || directive == "default-src" {
                    flag.set(true);
                }
            })
        });
        PolicyWatch {
            seen,
            _listener: listener,
        }
    }

    fn seen(&self) -> bool {
        self.seen.get()
    }
}

/// The current query string, with its `?`.
// At build time there is no window: the page being drawn answers.
#[cfg_attr(not(target_arch = "wasm32"), allow(unreachable_code))]
pub fn current_query() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return String::new();

    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

// At build time there is no window: the page being drawn answers.
#[cfg_attr(not(target_arch = "wasm32"), allow(unreachable_code))]
fn history_call(query: &str, replace: bool) {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (query, replace);
        return;
    }

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

/// Long work cut into slices: [`TimeSlice::pause_when_long`] gives the
/// browser a turn (a tap, a frame) once a slice has taken
/// [`TimeSlice::LENGTH_MS`], so no slice is a long task, even on a slow phone.
pub struct TimeSlice {
    began: f64,
}

impl TimeSlice {
    /// How long a slice may run, in milliseconds: a fifth of the 50 ms after
    /// which a task counts as long, so that a phone four times slower than
    /// this machine stays under it too.
    pub const LENGTH_MS: f64 = 10.0;

    /// Starts the first slice.
    pub fn begin() -> TimeSlice {
        TimeSlice {
            began: js_sys::Date::now(),
        }
    }

    /// Pauses for a task if this slice has run its length, then starts the next.
    pub async fn pause_when_long(&mut self) {
        if js_sys::Date::now() - self.began >= Self::LENGTH_MS {
            gloo_timers::future::TimeoutFuture::new(0).await;
            self.began = js_sys::Date::now();
        }
    }
}

/// Records a new view as a history entry.
pub fn push_query(query: &str) {
    // The entry being left gets its last toggle first.
    apply_query_soon_now();
    if current_query().trim_start_matches('?') != query {
        history_call(query, false);
    }
}

thread_local! {
    /// The query that [`replace_query_soon`] will write, if one is waiting.
    static QUERY_SOON: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Writes `query` into the address after the next frame is painted, not
/// within the visitor's tap: a new address makes the browser fetch and
/// decode the page's icon again (≈ 4 ms of the tap's time in Chromium).
/// Several calls before then write the address once, with the last query.
pub fn replace_query_soon(query: &str) {
    let first = QUERY_SOON.with(|soon| soon.borrow_mut().replace(query.to_owned()).is_none());
    if first {
        after_next_paint(apply_query_soon_now);
    }
}

/// Runs `work` once the next frame is painted: a task queued from within the
/// frame. What a visitor does not see change at once waits for it, so the
/// frame that answers a tap comes sooner. (At build time nothing is clicked,
/// and there is no window: nothing runs.)
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    #[cfg(target_arch = "wasm32")]
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(work, std::time::Duration::ZERO);
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = work;
}

/// Writes the waiting query, if any, now.
fn apply_query_soon_now() {
    if let Some(query) = QUERY_SOON.with(|soon| soon.borrow_mut().take()) {
        history_call(&query, true);
    }
}

/// Drops the waiting query: the visitor went back or forward, and the
/// address now says what to show.
pub fn forget_query_soon() {
    QUERY_SOON.with(|soon| soon.borrow_mut().take());
}

/// Corrects the address without a new history entry.
pub fn replace_query(query: &str) {
    history_call(query, true);
}

/// The width a chart may take: the page's width less its padding.
// At build time there is no window: the page being drawn answers.
#[cfg_attr(not(target_arch = "wasm32"), allow(unreachable_code))]
pub fn chart_width() -> u32 {
    #[cfg(not(target_arch = "wasm32"))]
    return 1000;

    let width = root_element()
        .map(|element| element.client_width())
        .unwrap_or(800);
    (width - crate::prerendered::CHART_PADDING as i32).clamp(280, 1000) as u32
}

/// Sets `<html lang>`.
pub fn set_document_language(code: &str) {
    if let Some(root) = root_element() {
        let _ = root.set_attribute("lang", code);
    }
}

/// Offers `contents` as a file download, without any network.
pub fn download_text(file_name: &str, mime: &str, contents: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
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
    let Ok(element) = document.create_element("a") else {
        return;
    };
    let Ok(anchor) = element.dyn_into::<web_sys::HtmlAnchorElement>() else {
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
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let file_name = file_name.to_string();
    let loaded = image.clone();
    let source = url.clone();
    let on_load = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&source);
        let Ok(element) = document.create_element("canvas") else {
            return;
        };
        let Ok(canvas) = element.dyn_into::<web_sys::HtmlCanvasElement>() else {
            return;
        };
        canvas.set_width(width * 2);
        canvas.set_height(height * 2);
        let Ok(Some(context)) = canvas.get_context("2d") else {
            return;
        };
        let Ok(context) = context.dyn_into::<web_sys::CanvasRenderingContext2d>() else {
            return;
        };
        let _ = context.scale(2.0, 2.0);
        let _ = context.draw_image_with_html_image_element(&loaded, 0.0, 0.0);
        if let Ok(data_url) = canvas.to_data_url_with_type("image/png") {
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

thread_local! {
    /// The offline file's data map, parsed once (`None`: not the offline file).
    static BUNDLED: std::cell::OnceCell<Option<wasm_bindgen::JsValue>> = const { std::cell::OnceCell::new() };
}

/// A file of the app's own that the single-file offline build carries inside
/// the page (`<script type="application/json" id="bundled-data">`), if any.
// At build time there is no window: the page being drawn answers.
#[cfg_attr(not(target_arch = "wasm32"), allow(unreachable_code))]
pub fn bundled_file(url: &str) -> Option<String> {
    #[cfg(not(target_arch = "wasm32"))]
    return {
        let _ = url;
        None
    };

    BUNDLED.with(|bundled| {
        let files = bundled.get_or_init(|| {
            let document = web_sys::window()?.document()?;
            let element = document.get_element_by_id("bundled-data")?;
            js_sys::JSON::parse(&element.text_content()?).ok()
        });
        js_sys::Reflect::get(files.as_ref()?, &wasm_bindgen::JsValue::from_str(url))
            .ok()?
            .as_string()
    })
}

/// Whether the app runs from the single offline file.
// At build time there is no window: the page being drawn answers.
#[cfg_attr(not(target_arch = "wasm32"), allow(unreachable_code))]
pub fn is_bundled() -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    return false;

    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("bundled-wasm"))
        .is_some()
}

/// The page's address without query or fragment.
// At build time there is no window: the page being drawn answers.
#[cfg_attr(not(target_arch = "wasm32"), allow(unreachable_code))]
pub fn page_url() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return String::new();

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

/// In an iframe: tells the host page our height whenever it changes, as
/// `{"type": "budget-explorer:height", "height": …}`, so its embed.js can
/// size the frame.
pub fn report_height_to_host() -> Option<HeightReport> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    let root = window.document()?.document_element()?;
    let measured = root.clone();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"budget-explorer:height".into());
        let height = f64::from(measured.scroll_height());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // The height is not a secret: any host may know it.
        let _ = parent.post_message(&message, "*");
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    Some(HeightReport {
        observer,
        _callback: callback,
    })
}

/// The embed's height reports: they stop, and the callback is freed, when
/// this is dropped.
pub struct HeightReport {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for HeightReport {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// How long the window must keep its size before charts are redrawn for it.
const RESIZE_SETTLE_MS: u32 = 150;

/// Calls `changed` with the chart width once the window has kept a new size
/// for [`RESIZE_SETTLE_MS`]: dragging a window's edge redraws the charts
/// once, not on every frame. Stops when the returned listener is dropped.
pub fn watch_width(changed: impl Fn(u32) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    let changed = std::rc::Rc::new(changed);
    let pending: std::rc::Rc<std::cell::RefCell<Option<gloo_timers::callback::Timeout>>> =
        Default::default();
    Some(EventListener::new(&window, "resize", move |_| {
        let changed = changed.clone();
        // A new timeout replaces (and so cancels) the one still waiting.
        *pending.borrow_mut() = Some(gloo_timers::callback::Timeout::new(
            RESIZE_SETTLE_MS,
            move || changed(chart_width()),
        ));
    }))
}

/// `<html>`, where the page's marks and its language and theme are set.
fn root_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
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
pub fn set_theme(theme: crate::state::Theme) {
    let Some(root) = root_element() else {
        return;
    };
    let wanted = match theme {
        crate::state::Theme::Auto => None,
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
    web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()??
        .dyn_into()
        .ok()
}

/// Today's date as `2026-11-24` (UTC), for a downloaded chart's footer.
// At build time there is no window: the page being drawn answers.
#[cfg_attr(not(target_arch = "wasm32"), allow(unreachable_code))]
pub fn today() -> String {
    #[cfg(not(target_arch = "wasm32"))]
    return String::new();

    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    iso.chars().take(10).collect()
}

/// Copies `text` to the clipboard. The Clipboard API first; where it is
/// missing or refused (an old browser, a page not served over https, a frame
/// without permission), the older `execCommand("copy")` on a hidden text
/// field. `false` when neither worked, so the caller can show the text to
/// copy by hand.
pub async fn copy_text(text: &str) -> bool {
    if let Some(promise) = clipboard_write(text) {
        if JsFuture::from(promise).await.is_ok() {
            return true;
        }
    }
    copy_with_command(text)
}

fn clipboard_write(text: &str) -> Option<js_sys::Promise> {
    let window: wasm_bindgen::JsValue = web_sys::window()?.into();
    let navigator = js_sys::Reflect::get(&window, &"navigator".into()).ok()?;
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()?
        .dyn_into()
        .ok()?;
    write
        .call1(&clipboard, &wasm_bindgen::JsValue::from_str(text))
        .ok()?
        .dyn_into()
        .ok()
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
    let copied = js_sys::Reflect::get(&document, &"execCommand".into())
        .ok()
        .and_then(|command| command.dyn_into::<js_sys::Function>().ok())
        .and_then(|command| command.call1(&document, &"copy".into()).ok())
        .is_some_and(|result| result.is_truthy());
    field.remove();
    // The visitor's focus goes back to the button they pressed.
    if let Some(active) = active.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = active.focus();
    }
    copied
}

/// Sets the document's title (the tab, bookmarks, shared links' fallback),
/// when it changes: setting it costs as much as a redraw of a chart.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        if document.title() != title {
            document.set_title(title);
        }
    }
}
