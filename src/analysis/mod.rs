//! Numbers for the views, computed from validated agreements.
//!
//! Everything here works on [`crate::model::Value`] and [`Quantity`], so a
//! disputed amount stays a range and an unknown one stays unknown through
//! every sum, difference and conversion.

mod breakdown;
mod bridge;
mod pieces;
mod units;

pub use breakdown::{breakdown_by_purpose, breakdown_by_recipient, Breakdown};
pub use bridge::{bridge, bridge_total, Bridge, BridgeStep, StepKind};
pub use pieces::{pieces, Piece, Pieces};
pub use units::{latest_full_year, Converter, Gap, PriceBasis, Prices, Quantity, Units};

/// The bundled data files, for tests that check analyses against the figures
/// in the sources.
#[cfg(test)]
pub(crate) mod tests_support {
    use crate::model::{parse_agreement, Agreement, Limits};

    macro_rules! bundled_files {
        ($($year:literal),*) => {
            [$(include_str!(concat!("../../public/data/agreements/", $year, ".json")),)*]
        };
    }

    /// Every bundled agreement, parsed.
    pub fn bundled() -> Vec<Agreement> {
        bundled_files!(
            "2012", "2013", "2014", "2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022",
            "2024"
        )
        .iter()
        .map(|text| parse_agreement(text, &Limits::default()).expect("bundled data is valid"))
        .collect()
    }

    /// The 2016 agreement.
    pub fn agreement_2016() -> Agreement {
        bundled()
            .into_iter()
            .find(|agreement| agreement.year == 2016)
            .expect("2016 is bundled")
    }
}
