//! Writing a view as its one canonical query.

use super::address::percent_encode;
use super::{Dimension, Measure, Theme, ViewKind, ViewState};
use crate::analysis::Prices;
use crate::chart::BarLayout;
use crate::i18n::Lang;

impl ViewState {
    /// The canonical query, without `?`. Only what the view uses is
    /// written, and defaults are left out (but for `years`), so that one view
    /// has one address: `years=2015,2016,2018`,
    /// `view=bridge&from=2016&to=2018&lang=en`.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.view != ViewKind::Compare {
            parts.push(format!("view={}", self.view.key()));
        }
        match self.view {
            ViewKind::Compare | ViewKind::Breakdown => {
                let years: Vec<String> = self.years.iter().map(u16::to_string).collect();
                parts.push(format!("years={}", years.join(",")));
            }
            ViewKind::Trend => {}
            ViewKind::Bridge => {
                parts.extend(self.from.map(|year| format!("from={year}")));
                parts.extend(self.to.map(|year| format!("to={year}")));
                parts.extend(
                    self.from_source
                        .as_ref()
                        .map(|id| format!("from_source={id}")),
                );
                parts.extend(self.to_source.as_ref().map(|id| format!("to_source={id}")));
            }
        }
        if self.view == ViewKind::Breakdown {
            if self.dimension != Dimension::default() {
                parts.push(format!("by={}", self.dimension.key()));
            }
            if self.layout != BarLayout::default() {
                parts.push(format!("layout={}", self.layout.key()));
            }
            if self.measure != Measure::default() {
                parts.push(format!("measure={}", self.measure.key()));
            }
        }
        match self.units.prices {
            Prices::Current => {}
            Prices::Fixed { base: None } => parts.push("prices=fixed".into()),
            Prices::Fixed { base: Some(base) } => parts.push(format!("prices=fixed&base={base}")),
        }
        if self.units.per_inhabitant {
            parts.push("per=inhabitant".into());
        }
        if self.lang != Lang::Sv {
            parts.push(format!("lang={}", self.lang.code()));
        }
        for url in &self.data {
            parts.push(format!("data={}", percent_encode(url)));
        }
        if self.embed {
            parts.push("embed=1".into());
        }
        if self.theme != Theme::default() {
            parts.push(format!("theme={}", self.theme.key()));
        }
        if !self.header {
            parts.push("header=0".into());
        }
        parts.join("&")
    }
}
