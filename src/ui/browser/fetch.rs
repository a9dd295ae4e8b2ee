//! Fetching a file with limits: its size (declared or counted), its time,
//! and a failure that names its cause.

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
    if let Some(text) = super::bundled_file(url) {
        return Ok(text.into_bytes());
    }
    #[cfg(target_arch = "wasm32")]
    {
        in_browser::fetch_bytes(url, limit).await
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Err(FetchError::Network)
    }
}

#[cfg(target_arch = "wasm32")]
mod in_browser {
    use gloo_events::EventListener;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    use super::FETCH_TIMEOUT_SECONDS;
    use crate::catalog::FetchError;

    pub async fn fetch_bytes(url: &str, limit: usize) -> Result<Vec<u8>, FetchError> {
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

    /// Why a fetch got no answer: the browser's security policy, a server
    /// that answers but refuses other sites, or no server at all. The
    /// browser gives all three the same error on purpose; the policy fires
    /// an event, and a second, opaque request tells a refusing server from
    /// an absent one.
    async fn why_no_answer(
        window: &web_sys::Window,
        url: &str,
        blocked: PolicyWatch,
    ) -> FetchError {
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

    /// The answer to `url`, refused or stopped at `limit` bytes.
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
        let declared = response
            .headers()
            .get("content-length")
            .ok()
            .flatten()
            .and_then(|length| length.trim().parse::<u64>().ok());
        if let Some(size) = declared.filter(|size| *size > limit as u64) {
            controller.abort();
            return Err(too_large(Some(size), limit));
        }
        let Some(body) = response.body() else {
            return Ok(Vec::new());
        };
        let capacity = declared.unwrap_or(0).min(limit as u64) as usize;
        read_counted(&body, limit, capacity, controller).await
    }

    fn too_large(size: Option<u64>, limit: usize) -> FetchError {
        FetchError::TooLarge {
            size,
            limit: limit as u64,
        }
    }

    /// Reads a body chunk by chunk, counting: past `limit` bytes the
    /// download is stopped and the rest never arrives.
    async fn read_counted(
        body: &web_sys::ReadableStream,
        limit: usize,
        capacity: usize,
        controller: &web_sys::AbortController,
    ) -> Result<Vec<u8>, FetchError> {
        let reader: web_sys::ReadableStreamDefaultReader = body
            .get_reader()
            .dyn_into()
            .map_err(|_| FetchError::NotText)?;
        let mut bytes = Vec::with_capacity(capacity);
        loop {
            let chunk: web_sys::ReadableStreamReadResult = JsFuture::from(reader.read())
                .await
                .map_err(|_| FetchError::Network)?
                .unchecked_into();
            if chunk.get_done().unwrap_or(true) {
                return Ok(bytes);
            }
            let value = js_sys::Uint8Array::new(&chunk.get_value());
            if bytes.len() + value.length() as usize > limit {
                controller.abort();
                return Err(too_large(None, limit));
            }
            let start = bytes.len();
            bytes.resize(start + value.length() as usize, 0);
            value.copy_to(&mut bytes[start..]);
        }
    }

    /// Notes whether the site's Content-Security-Policy refused a
    /// connection while a fetch ran; the listener is removed when this is
    /// dropped.
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
                    let directive = event
                        .dyn_ref::<web_sys::SecurityPolicyViolationEvent>()
                        .map(|violation| violation.effective_directive())
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
}
