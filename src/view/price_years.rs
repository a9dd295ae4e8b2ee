//! The price years offered for fixed prices: every KPI year, the provisional
//! ones marked, and the one in use (the address's, else the latest full year).

use crate::analysis::latest_full_year;
use crate::analysis::Prices;
use crate::catalog::Catalog;
use crate::i18n::Text;
use crate::reference::PointStatus;
use crate::state::ViewState;

/// One price year in the selector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceYear {
    /// The year.
    pub year: u16,
    /// `2024 (preliminärt)`.
    pub label: String,
    /// Whether fixed prices use it (or would, once chosen).
    pub chosen: bool,
}

/// The price years, in KPI order.
pub fn price_years(catalog: &Catalog, state: &ViewState) -> Vec<PriceYear> {
    let Some(kpi) = catalog.kpi.as_ref() else {
        return Vec::new();
    };
    let chosen = match state.units.prices {
        Prices::Fixed { base: Some(base) } => Some(base),
        _ => latest_full_year(kpi),
    };
    kpi.points
        .iter()
        .map(|point| PriceYear {
            year: point.year,
            label: if point.status == PointStatus::Provisional {
                format!("{} ({})", point.year, Text::Provisional.get(state.lang))
            } else {
                point.year.to_string()
            },
            chosen: chosen == Some(point.year),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse_query;
    use crate::view::tests_support::catalog;

    #[test]
    fn the_latest_full_year_is_chosen_and_provisional_years_marked() {
        let years = price_years(&catalog(), &parse_query("").state);
        let chosen: Vec<u16> = years.iter().filter(|y| y.chosen).map(|y| y.year).collect();
        assert_eq!(chosen, [2023]);
        assert_eq!(
            years.last().map(|y| y.label.as_str()),
            Some("2024 (preliminärt)")
        );
        let years = price_years(
            &catalog(),
            &parse_query("prices=fixed&base=2016&lang=en").state,
        );
        assert!(years.iter().any(|y| y.year == 2016 && y.chosen));
        assert_eq!(
            years.last().map(|y| y.label.as_str()),
            Some("2024 (provisional)")
        );
    }
}
