//! Draws the preview image that link previews (Open Graph, Twitter cards)
//! show: the default view's chart with its title, as the native core draws
//! it, rasterised to a 1200×630 PNG. Run by the release build
//! (scripts/postbuild.mjs); needs the `preview` feature. Prints the chart's
//! text description, which becomes the image's alternative text.
//!
//! ```text
//! cargo run --features preview --bin preview_image -- DATA_FOLDER OUT.png
//! ```

mod common;

use std::path::Path;
use std::process::ExitCode;

use budget_explorer::chart::{framed_svg, render_svg};
use budget_explorer::state::parse_query;
use budget_explorer::view::{compare_view, export_frame};

/// The size link previews expect.
const WIDTH: u32 = 1200;
const HEIGHT: u32 = 630;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, out] = &args[..] else {
        eprintln!("usage: preview_image DATA_FOLDER OUT.png");
        return ExitCode::from(2);
    };
    let catalog = match common::whole_folder(Path::new(data)) {
        Ok(catalog) => catalog,
        Err(failed) => return failed,
    };
    let state = parse_query("").state;
    let view = compare_view(&catalog, &state);
    let chart = match render_svg(&view.totals.chart, 900) {
        Ok(svg) => svg,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let mut frame = export_frame(&state, &view.table.unit, "", "");
    // A preview has no room for the whole footer: the source line is enough.
    (frame.address, frame.date) = (String::new(), String::new());
    let svg = framed_svg(&[(view.totals.title.clone(), chart)], &frame);
    match rasterise(&svg) {
        Ok(png) => match std::fs::write(out, png) {
            Ok(()) => {
                println!("{}", view.totals.description);
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{out}: {error}");
                ExitCode::FAILURE
            }
        },
        Err(error) => {
            eprintln!("the preview could not be drawn: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The SVG scaled to fit 1200×630 on white, centred, as PNG bytes.
fn rasterise(svg: &str) -> Result<Vec<u8>, String> {
    let mut options = resvg::usvg::Options::default();
    let fonts = options.fontdb_mut();
    fonts.load_system_fonts();
    if fonts.is_empty() {
        return Err("no fonts installed (Debian: fonts-dejavu-core)".into());
    }
    // Debian's default sans-serif; fontdb's own default (Arial) is rarely there.
    fonts.set_sans_serif_family("DejaVu Sans");
    options.font_family = "DejaVu Sans".into();
    let tree = resvg::usvg::Tree::from_str(svg, &options).map_err(|error| error.to_string())?;
    let size = tree.size();
    let scale = (WIDTH as f32 / size.width()).min(HEIGHT as f32 / size.height());
    let (dx, dy) = (
        (WIDTH as f32 - size.width() * scale) / 2.0,
        (HEIGHT as f32 - size.height() * scale) / 2.0,
    );
    let mut pixmap = resvg::tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("no pixmap")?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    let transform = resvg::tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, dx, dy);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|error| error.to_string())
}
