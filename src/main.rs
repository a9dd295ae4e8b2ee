//! Entry point of the browser app: mounts the root component, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(budget_explorer::ui::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The app runs in a browser: build it with `trunk build --release` (see README.md).");
    std::process::exit(2);
}
