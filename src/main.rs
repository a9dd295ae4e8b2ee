//! Entry point of the browser app: starts it on the page, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    budget_explorer::ui::start::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The app runs in a browser: build it with `trunk build --release` (see README.md).");
    std::process::exit(2);
}
