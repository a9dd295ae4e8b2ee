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

pub use address::{data_fetch, data_file_name, data_host, is_loadable_url};
pub use notice::Notice;
pub use options::{Dimension, Measure, Parameter, Theme, ViewKind};
pub use parse::{parse_query, ParsedQuery};

use crate::analysis::{PriceBasis, Prices, Units};
use crate::chart::BarLayout;
use crate::i18n::Lang;

/// Most values read from one parameter, and most parameters read from one
/// address; the rest are ignored with a notice.
pub const MAX_VALUES: usize = 50;

/// The years shown when the address does not say: the comparison the users
/// asked for first.
pub const DEFAULT_YEARS: [u16; 3] = [2015, 2016, 2018];

/// One end of the bridge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BridgeEnd {
    /// The first year.
    From,
    /// The last year.
    To,
}

/// What a bridge end's select names: a year, or the visitor's own file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointChoice {
    /// A bundled year.
    Year(u16),
    /// A visitor's own file, by id.
    Own(u32),
}

impl EndpointChoice {
    /// Reads a select's value: `"2016"` or `"own-3"`.
    pub fn parse(value: &str) -> Option<EndpointChoice> {
        match value.strip_prefix("own-") {
            Some(id) => id.parse().ok().map(EndpointChoice::Own),
            None => value.parse().ok().map(EndpointChoice::Year),
        }
    }

    /// The select's value for this choice.
    pub fn value(self) -> String {
        match self {
            EndpointChoice::Year(year) => year.to_string(),
            EndpointChoice::Own(id) => format!("own-{id}"),
        }
    }
}

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
    /// The colours (an embed matches its host with `theme=light|dark`).
    pub theme: Theme,
    /// Whether the charts' headings are shown; an embed whose host page
    /// writes its own says `header=0`. The heading still names the chart
    /// for screen readers.
    pub header: bool,
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
            theme: Theme::Auto,
            header: true,
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

    /// Goes to another view. A bridge's years go into the address at once,
    /// so its link names them: `default_ends` (the years the bridge would
    /// show) fill in the ends not chosen yet.
    pub fn switch_view(&mut self, kind: ViewKind, default_ends: (Option<u16>, Option<u16>)) {
        self.view = kind;
        if kind == ViewKind::Bridge {
            self.from = self.from.or(default_ends.0);
            self.to = self.to.or(default_ends.1);
        }
    }

    /// Sets one end of the bridge to a year or to the visitor's own file. An
    /// own file is not in the address, so the end's year stays as it was;
    /// the source picked for a disputed total belonged to the end before and
    /// is dropped.
    pub fn set_bridge_end(&mut self, end: BridgeEnd, choice: EndpointChoice) {
        let (year, own, source) = match end {
            BridgeEnd::From => (&mut self.from, &mut self.from_own, &mut self.from_source),
            BridgeEnd::To => (&mut self.to, &mut self.to_own, &mut self.to_source),
        };
        match choice {
            EndpointChoice::Year(chosen) => (*year, *own) = (Some(chosen), None),
            EndpointChoice::Own(id) => *own = Some(id),
        }
        *source = None;
    }

    /// Picks which source's figure a disputed end's total is taken from.
    pub fn set_bridge_source(&mut self, end: BridgeEnd, source: String) {
        match end {
            BridgeEnd::From => self.from_source = Some(source),
            BridgeEnd::To => self.to_source = Some(source),
        }
    }

    /// Current or fixed prices; fixed prices start at the latest price year
    /// (the base is chosen after).
    pub fn set_price_basis(&mut self, basis: PriceBasis) {
        if basis != self.units.prices.basis() {
            self.units.prices = match basis {
                PriceBasis::Current => Prices::Current,
                PriceBasis::Fixed => Prices::Fixed { base: None },
            };
        }
    }

    /// Fixed prices of `year`.
    pub fn set_price_year(&mut self, year: u16) {
        self.units.prices = Prices::Fixed { base: Some(year) };
    }

    /// Per inhabitant, or in total.
    pub fn toggle_per_inhabitant(&mut self) {
        self.units.per_inhabitant = !self.units.per_inhabitant;
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
    use crate::state::parse_query;

    #[test]
    fn a_bridge_end_takes_a_year_or_an_own_file_and_forgets_its_source() {
        let mut state = parse_query("view=bridge&from=2015&to=2018&from_source=a").state;
        state.set_bridge_end(BridgeEnd::From, EndpointChoice::Own(3));
        // An own file is not in the address: the year stays for the link.
        assert_eq!(
            (state.from, state.from_own, state.from_source.as_deref()),
            (Some(2015), Some(3), None)
        );
        state.set_bridge_source(BridgeEnd::From, "b".into());
        state.set_bridge_end(BridgeEnd::From, EndpointChoice::Year(2016));
        assert_eq!(
            (state.from, state.from_own, state.from_source.as_deref()),
            (Some(2016), None, None)
        );
        state.set_bridge_source(BridgeEnd::To, "c".into());
        assert_eq!(state.to_source.as_deref(), Some("c"));
        assert_eq!(
            state.to_query(),
            "view=bridge&from=2016&to=2018&to_source=c"
        );
    }

    #[test]
    fn switching_to_the_bridge_writes_its_years_unless_chosen() {
        let mut state = ViewState::default();
        state.switch_view(ViewKind::Bridge, (Some(2016), Some(2018)));
        assert_eq!(state.to_query(), "view=bridge&from=2016&to=2018");
        state.switch_view(ViewKind::Trend, (Some(2012), Some(2013)));
        state.set_bridge_end(BridgeEnd::To, EndpointChoice::Year(2024));
        state.switch_view(ViewKind::Bridge, (Some(2012), Some(2013)));
        assert_eq!((state.from, state.to), (Some(2016), Some(2024)));
        state.switch_view(ViewKind::Compare, (None, None));
        assert_eq!(state.to_query(), "years=2015,2016,2018");
    }

    #[test]
    fn prices_and_per_inhabitant_change_as_the_controls_say() {
        let mut state = parse_query("prices=fixed&base=2020").state;
        state.set_price_basis(PriceBasis::Fixed);
        assert_eq!(
            state.units.prices,
            Prices::Fixed { base: Some(2020) },
            "the year is kept"
        );
        state.set_price_basis(PriceBasis::Current);
        assert_eq!(state.units.prices, Prices::Current);
        state.set_price_basis(PriceBasis::Fixed);
        assert_eq!(state.units.prices, Prices::Fixed { base: None });
        state.set_price_year(2018);
        state.toggle_per_inhabitant();
        assert_eq!(
            state.to_query(),
            "years=2015,2016,2018&prices=fixed&base=2018&per=inhabitant"
        );
        state.toggle_per_inhabitant();
        assert!(!state.units.per_inhabitant);
    }

    #[test]
    fn select_values_name_a_year_or_an_own_file() {
        assert_eq!(
            EndpointChoice::parse("2016"),
            Some(EndpointChoice::Year(2016))
        );
        assert_eq!(
            EndpointChoice::parse("own-12"),
            Some(EndpointChoice::Own(12))
        );
        assert_eq!(EndpointChoice::Own(12).value(), "own-12");
        assert_eq!(EndpointChoice::parse("own-x"), None);
        assert_eq!(EndpointChoice::parse(""), None);
    }

    #[test]
    fn toggling_keeps_years_sorted() {
        let mut state = ViewState::default();
        state.toggle_year(2015);
        assert_eq!(state.years, [2016, 2018]);
        state.toggle_year(2017);
        assert_eq!(state.years, [2016, 2017, 2018]);
    }
}
