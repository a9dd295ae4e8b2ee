//! The view as a URL query and back: `?years=2015,2016,2018&lang=en`,
//! `?view=bridge&from=2016&to=2018&prices=fixed&base=2023`.
//!
//! Reading is tolerant: anything it does not understand is left out with a
//! [`Notice`] the app shows, never a failure. Writing gives the one canonical
//! form, so a shared link is stable.

mod address;
mod notice;
mod options;
mod parse;
mod write;

pub use crate::chart::BarLayout;
pub use address::{data_file_name, data_host, is_loadable_url};
pub use notice::Notice;
pub use options::{Dimension, Measure, Parameter, ViewKind};
pub use parse::{parse_query, ParsedQuery};

use crate::analysis::Units;
use crate::i18n::Lang;

/// Most values read from one parameter, and most parameters read from one
/// address; the rest are ignored with a notice.
pub const MAX_VALUES: usize = 50;

/// The years shown when the address does not say: the comparison the users
/// asked for first.
pub const DEFAULT_YEARS: [u16; 3] = [2015, 2016, 2018];

/// What the visitor is looking at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    /// The view.
    pub view: ViewKind,
    /// The chosen years, ascending, each once (compare and breakdown).
    pub years: Vec<u16>,
    /// What the breakdown splits by.
    pub dimension: Dimension,
    /// How the breakdown's bars are laid out.
    pub layout: BarLayout,
    /// Kronor or shares.
    pub measure: Measure,
    /// The bridge's first year.
    pub from: Option<u16>,
    /// The bridge's last year.
    pub to: Option<u16>,
    /// For a disputed first year: the source whose figure the bridge starts from.
    pub from_source: Option<String>,
    /// For a disputed last year: the source whose figure the bridge ends at.
    pub to_source: Option<String>,
    /// The bridge's first agreement when it is the visitor's own file (by its
    /// id); never in the address, since the file is only in this browser.
    pub from_own: Option<u32>,
    /// The bridge's last agreement when it is the visitor's own file.
    pub to_own: Option<u32>,
    /// Units.
    pub units: Units,
    /// The language.
    pub lang: Lang,
    /// Agreement files to load from these addresses (`?data=<url>`), shown
    /// beside the bundled ones.
    pub data: Vec<String>,
    /// Shown inside another page: only the chart, its essential controls, a
    /// source note and a link to the full app.
    pub embed: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            view: ViewKind::Compare,
            years: DEFAULT_YEARS.to_vec(),
            dimension: Dimension::default(),
            layout: BarLayout::default(),
            measure: Measure::default(),
            from: None,
            to: None,
            from_source: None,
            to_source: None,
            from_own: None,
            to_own: None,
            units: Units::default(),
            lang: Lang::Sv,
            data: Vec::new(),
            embed: false,
        }
    }
}

impl ViewState {
    /// Keeps only years that have an agreement, noting each one dropped. If
    /// none is left of a non-empty choice, shows the default years instead.
    pub fn retain_available(&mut self, available: &[u16]) -> Vec<Notice> {
        let mut notices = Vec::new();
        let had_years = !self.years.is_empty();
        self.years.retain(|year| {
            let known = available.contains(year);
            if !known {
                notices.push(Notice::UnknownYear(*year));
            }
            known
        });
        if had_years && self.years.is_empty() {
            self.years = DEFAULT_YEARS
                .iter()
                .copied()
                .filter(|year| available.contains(year))
                .collect();
            notices.push(Notice::DefaultYearsShown);
        }
        notices
    }

    /// Ticks or unticks one year, keeping the list sorted.
    pub fn toggle_year(&mut self, year: u16) {
        match self.years.binary_search(&year) {
            Ok(position) => {
                self.years.remove(position);
            }
            Err(position) => self.years.insert(position, year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_keeps_years_sorted() {
        let mut state = ViewState::default();
        state.toggle_year(2015);
        assert_eq!(state.years, [2016, 2018]);
        state.toggle_year(2017);
        assert_eq!(state.years, [2016, 2017, 2018]);
    }
}
