//! Entry point of the browser app: mounts the root component, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    budget_explorer::ui::take_over::mount(|| {
        use leptos::prelude::IntoAny;
        budget_explorer::ui::App().into_any()
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The app runs in a browser: build it with `trunk build --release` (see README.md).");
    std::process::exit(2);
}
