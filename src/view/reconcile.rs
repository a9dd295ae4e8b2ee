//! The address against the data: once the files are in, whatever the address
//! asks for that the data cannot show (a bridge from a year without a total,
//! an unknown source, a price year without KPI) is replaced by what is shown,
//! with a notice, so the address never says one thing while the page shows
//! another.

use crate::analysis::latest_full_year;
use crate::analysis::Prices;
use crate::catalog::Catalog;
use crate::model::Figure;
use crate::state::{Notice, Parameter, ViewKind, ViewState};

use super::bridge_endpoints;

/// Brings `state` in line with what `catalog` can show; a notice for each change.
pub fn reconcile(state: &mut ViewState, catalog: &Catalog) -> Vec<Notice> {
    let mut notices = Vec::new();
    if state.view == ViewKind::Bridge && !catalog.agreements.is_empty() {
        let ends = bridge_endpoints(catalog, state);
        let shown_from = ends.from.as_ref().map(|end| end.loaded.agreement.year);
        let shown_to = ends.to.as_ref().map(|end| end.loaded.agreement.year);
        for (asked, own, shown) in [
            (&mut state.from, state.from_own, shown_from),
            (&mut state.to, state.to_own, shown_to),
        ] {
            if let (Some(year), None) = (*asked, own) {
                if Some(year) != shown {
                    notices.push(Notice::BridgeEndUnavailable { year, shown });
                    *asked = shown;
                }
            }
        }
        for (parameter, source, year) in [
            (Parameter::FromSource, &mut state.from_source, shown_from),
            (Parameter::ToSource, &mut state.to_source, shown_to),
        ] {
            let Some(id) = source.as_deref() else {
                continue;
            };
            let known = year
                .and_then(|year| catalog.agreements.get(&year))
                .is_some_and(|loaded| match &loaded.agreement.total {
                    Figure::Disputed { alternatives, .. } => alternatives
                        .iter()
                        .any(|alternative| alternative.source == id),
                    _ => false,
                });
            if !known {
                notices.push(Notice::UnknownSource {
                    parameter,
                    source: id.to_string(),
                });
                *source = None;
            }
        }
    }
    if let (Prices::Fixed { base: Some(year) }, Some(kpi)) = (state.units.prices, &catalog.kpi) {
        if !kpi.points.iter().any(|point| point.year == year) {
            notices.push(Notice::UnknownPriceYear {
                year,
                shown: latest_full_year(kpi),
            });
            state.units.prices = Prices::Fixed { base: None };
        }
    }
    notices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse_query;
    use crate::view::tests_support::catalog;

    fn reconciled(query: &str) -> (String, Vec<Notice>) {
        let mut state = parse_query(query).state;
        let notices = reconcile(&mut state, &catalog());
        (state.to_query(), notices)
    }

    #[test]
    fn what_is_shown_is_what_the_address_says() {
        // 2023 has no agreement: the bridge starts at the first year with a total.
        let (query, notices) = reconciled("view=bridge&from=2023&to=2018");
        assert_eq!(query, "view=bridge&from=2015&to=2018");
        assert_eq!(
            notices,
            [Notice::BridgeEndUnavailable {
                year: 2023,
                shown: Some(2015)
            }]
        );
        let (query, notices) = reconciled("view=bridge&from=2015&to=2016&from_source=nobody");
        assert_eq!(query, "view=bridge&from=2015&to=2016");
        assert_eq!(notices.len(), 1);
        let (query, notices) = reconciled("prices=fixed&base=1991&years=2016");
        assert_eq!(query, "years=2016&prices=fixed");
        assert_eq!(
            notices,
            [Notice::UnknownPriceYear {
                year: 1991,
                shown: Some(2023)
            }]
        );
    }

    #[test]
    fn an_address_the_data_can_show_is_left_alone() {
        for query in [
            "view=bridge&from=2015&to=2016&from_source=uph-lattlast",
            "view=bridge&from=2016&to=2018",
            "years=2016&prices=fixed&base=2016",
            "years=2015,2016,2018",
        ] {
            let (written, notices) = reconciled(query);
            assert!(notices.is_empty(), "{query}: {notices:?}");
            assert_eq!(written, query);
        }
    }
}
