//! Entry point of the browser app: starts it on the page, nothing else.
//!
//! The start script (written by `scripts/postbuild.mjs`) takes the two steps
//! a task apart: `read_page()`, then `start_app(page)` (see
//! `budget_explorer::ui::start`).

#[cfg(target_arch = "wasm32")]
mod start {
    use budget_explorer::ui::start;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// The page read, held by the start script until the app starts on it.
    #[wasm_bindgen]
    pub struct ReadPage(start::ReadPage);

    /// Reads the page and the data it carries.
    #[wasm_bindgen]
    pub async fn read_page() -> ReadPage {
        ReadPage(start::read_page().await)
    }

    // A page that does not match stops the wasm here; the start script
    // catches it and starts a new instance afresh. (Doc comments here go
    // into the JS glue, so this one is not one.)
    /// Starts the app on the page read: hydrates it, or mounts a fresh one.
    #[wasm_bindgen]
    pub fn start_app(page: ReadPage) {
        start::start(page.0);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The app runs in a browser: build it with `trunk build --release` (see README.md).");
    std::process::exit(2);
}
