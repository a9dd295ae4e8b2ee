//! Colours and the font every chart is drawn with.

use plotters::style::RGBColor;

/// Twelve series colours, one per agreement year, none repeated. Each has a
/// relative luminance near 0.2, so a bar stands out at 3:1 or more on the
/// white page and about that on the dark one as well; neighbours differ in
/// hue and lightness, so the first few stay apart with common colour-vision
/// deficiencies too (blue, orange, green, purple first, as in Okabe–Ito).
pub const PALETTE: [RGBColor; 12] = [
    RGBColor(0x0D, 0x7D, 0xD4),
    RGBColor(0xDA, 0x72, 0x0D),
    RGBColor(0x20, 0xA0, 0x4E),
    RGBColor(0xBA, 0x5D, 0xB3),
    RGBColor(0x13, 0xA5, 0xB2),
    RGBColor(0xCE, 0x51, 0x4D),
    RGBColor(0x92, 0x93, 0x00),
    RGBColor(0x7B, 0x65, 0xD1),
    RGBColor(0x8A, 0x8A, 0x8A),
    RGBColor(0xA0, 0x70, 0x3C),
    RGBColor(0xE2, 0x7B, 0xB1),
    RGBColor(0x79, 0x97, 0xFE),
];

/// Increases in a waterfall: green.
pub const INCREASE: RGBColor = RGBColor(0x20, 0xA0, 0x4E);
/// Decreases in a waterfall: red.
pub const DECREASE: RGBColor = RGBColor(0xCE, 0x51, 0x4D);

pub(super) const FONT: &str = "sans-serif";
pub(super) const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// The colour "unknown" is written in: quieter than a value.
pub(super) const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);

/// The colour of the series at `index`.
pub fn series_color(index: usize) -> RGBColor {
    PALETTE[index % PALETTE.len()]
}
