//! The style sheet writes the dark colours twice: for the system's dark mode
//! and for `theme=dark`. They must stay the same.

fn block_after<'a>(css: &'a str, start: &str) -> Vec<&'a str> {
    let from = css
        .find(start)
        .unwrap_or_else(|| panic!("{start} is in style.css"))
        + start.len();
    css[from..]
        .lines()
        .map(str::trim)
        .take_while(|line| *line != "}")
        .filter(|line| line.starts_with("--"))
        .collect()
}

#[test]
fn the_fixed_dark_theme_has_the_system_dark_modes_colours() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/style.css"))
        .expect("style.css reads");
    let system = block_after(&css, ":root:not([data-theme=\"light\"]) {");
    let fixed = block_after(&css, ":root[data-theme=\"dark\"] {");
    assert!(system.len() > 20, "{system:?}");
    assert_eq!(system, fixed);
    // And every colour the light root sets is set in dark too.
    let light: Vec<&str> = block_after(&css, ":root {")
        .iter()
        .map(|line| line.split(':').next().unwrap_or(""))
        .collect();
    let dark: Vec<&str> = system
        .iter()
        .map(|line| line.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(light, dark);
}
