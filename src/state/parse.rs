//! Reading a query: tolerant, every value bounded, anything not understood
//! left out with a [`Notice`].

use super::address::{data_host, is_loadable_url, path_leaves_site, percent_decode};
use super::{Dimension, Measure, Notice, Parameter, Theme, ViewKind, ViewState};
use crate::analysis::PriceBasis;
use crate::chart::BarLayout;
use crate::i18n::Lang;

use super::MAX_VALUES;

/// Parameters that link tools add (`utm_source`, `fbclid`, …): dropped from
/// the address without a notice, since the visitor did not write them.
fn is_tracking_tag(key: &str) -> bool {
    key.starts_with("utm_")
        || matches!(
            key,
            "fbclid" | "gclid" | "msclkid" | "mc_cid" | "mc_eid" | "_ga" | "ref"
        )
}

/// A query read from the address, before it is checked against the data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedQuery {
    /// The view.
    pub state: ViewState,
    /// Whether the address named years at all (else the defaults apply).
    pub years_given: bool,
    /// What was ignored.
    pub notices: Vec<Notice>,
}

/// Reads a query string (with or without the leading `?`).
pub fn parse_query(query: &str) -> ParsedQuery {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut reading = Reading::default();
    let mut seen: Vec<Parameter> = Vec::new();
    let mut pairs = query.split('&').filter(|pair| !pair.is_empty());
    for pair in pairs.by_ref().take(MAX_VALUES) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, _) = percent_decode(key);
        let Some(parameter) = Parameter::from_key(&key) else {
            if !is_tracking_tag(&key) {
                reading.notices.push(Notice::UnknownParameter(key));
            }
            continue;
        };
        let (value, broken) = percent_decode(value);
        if broken {
            reading.notices.push(Notice::BrokenEncoding(parameter));
            continue;
        }
        // `years` and `data` add up; any other parameter said twice is a contradiction.
        if seen.contains(&parameter) && !matches!(parameter, Parameter::Years | Parameter::Data) {
            reading.notices.push(Notice::Repeated(parameter));
        }
        seen.push(parameter);
        reading.read(parameter, value);
    }
    let skipped = pairs.count();
    if skipped > 0 {
        reading.notices.push(Notice::TooManyParameters { skipped });
    }
    reading.finish()
}

/// A query being read: the state so far, the years (kept apart until the
/// end, since `years` may be given more than once) and the notices.
#[derive(Default)]
struct Reading {
    state: ViewState,
    years: Option<Vec<u16>>,
    had_year_tokens: bool,
    notices: Vec<Notice>,
}

impl Reading {
    /// Reads one parameter's (decoded) value into the state.
    fn read(&mut self, parameter: Parameter, value: String) {
        let state = &mut self.state;
        let notices = &mut self.notices;
        match parameter {
            Parameter::Years => self.read_years(&value),
            Parameter::Data => {
                if let Some(host) = path_leaves_site(&value) {
                    notices.push(Notice::PathLeavesSite { value, host });
                } else if state.data.contains(&value) {
                    notices.push(Notice::RepeatedFile(value));
                } else if is_loadable_url(&value) && state.data.len() < 10 {
                    state.data.push(value);
                } else {
                    notices.push(Notice::unknown_value(parameter, &value));
                }
            }
            Parameter::Lang => match Lang::from_code(&value) {
                Some(lang) => state.lang = lang,
                None => notices.push(Notice::UnknownLanguage(value)),
            },
            Parameter::From => state.from = read_year(parameter, &value, notices),
            Parameter::To => state.to = read_year(parameter, &value, notices),
            Parameter::FromSource => state.from_source = read_source_id(parameter, &value, notices),
            Parameter::ToSource => state.to_source = read_source_id(parameter, &value, notices),
            Parameter::Prices => match PriceBasis::from_key(&value) {
                Some(basis) => state.set_price_basis(basis),
                None => notices.push(Notice::unknown_value(parameter, &value)),
            },
            Parameter::Base => {
                if let Some(base) = read_year(parameter, &value, notices) {
                    state.set_price_year(base);
                }
            }
            Parameter::Embed
            | Parameter::View
            | Parameter::By
            | Parameter::Layout
            | Parameter::Measure
            | Parameter::Per
            | Parameter::Theme
            | Parameter::Header => self.read_choice(parameter, &value),
        }
    }

    /// Reads a parameter that picks one of its named options (a view, a
    /// layout, on or off); any other value is a notice.
    fn read_choice(&mut self, parameter: Parameter, value: &str) {
        let state = &mut self.state;
        let notices = &mut self.notices;
        match parameter {
            Parameter::View => read_option(
                &mut state.view,
                parameter,
                value,
                ViewKind::from_key,
                notices,
            ),
            Parameter::By => read_option(
                &mut state.dimension,
                parameter,
                value,
                Dimension::from_key,
                notices,
            ),
            Parameter::Layout => read_option(
                &mut state.layout,
                parameter,
                value,
                BarLayout::from_key,
                notices,
            ),
            Parameter::Measure => read_option(
                &mut state.measure,
                parameter,
                value,
                Measure::from_key,
                notices,
            ),
            Parameter::Theme => {
                read_option(&mut state.theme, parameter, value, Theme::from_key, notices)
            }
            Parameter::Embed => read_option(&mut state.embed, parameter, value, on_or_off, notices),
            Parameter::Header => {
                read_option(&mut state.header, parameter, value, on_or_off, notices)
            }
            Parameter::Per => read_option(
                &mut state.units.per_inhabitant,
                parameter,
                value,
                per_inhabitant,
                notices,
            ),
            // The others have readings of their own (`read`).
            _ => {}
        }
    }

    /// Adds a `years` value's years: `2015,2016`, each checked.
    fn read_years(&mut self, value: &str) {
        let chosen = self.years.get_or_insert_with(Vec::new);
        let tokens: Vec<&str> = value
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        if tokens.len() > MAX_VALUES {
            self.notices.push(Notice::TooManyValues);
        }
        for token in tokens.into_iter().take(MAX_VALUES) {
            self.had_year_tokens = true;
            match token.parse::<u16>() {
                Ok(year) if chosen.contains(&year) => self.notices.push(Notice::RepeatedYear(year)),
                Ok(year) if (1990..=2100).contains(&year) => chosen.push(year),
                Ok(year) => self.notices.push(Notice::UnknownYear(year)),
                Err(_) => self.notices.push(Notice::NotAYear(token.to_string())),
            }
        }
    }

    /// Applies the rules that need the whole query.
    fn finish(mut self) -> ParsedQuery {
        // The embed rule: a chart embedded in someone's page shows the official
        // figures only. Anyone can write an address with `embed=1&data=…` and
        // put it in a frame; the file would then look like the official app's.
        if self.state.embed {
            for url in self.state.data.drain(..) {
                self.notices.push(Notice::OutsideFileNotEmbedded {
                    host: data_host(&url),
                });
            }
        }
        let years_given = self.years.is_some();
        if let Some(mut chosen) = self.years {
            chosen.sort_unstable();
            chosen.dedup();
            if chosen.is_empty() && self.had_year_tokens {
                self.notices.push(Notice::DefaultYearsShown);
            } else {
                self.state.years = chosen;
            }
        }
        ParsedQuery {
            state: self.state,
            years_given,
            notices: self.notices,
        }
    }
}

fn read_option<T>(
    target: &mut T,
    parameter: Parameter,
    value: &str,
    from_key: fn(&str) -> Option<T>,
    notices: &mut Vec<Notice>,
) {
    match from_key(value) {
        Some(option) => *target = option,
        None => notices.push(Notice::unknown_value(parameter, value)),
    }
}

/// A switch's value: `1` or `true` is on, `0` or `false` off.
fn on_or_off(value: &str) -> Option<bool> {
    match value {
        "1" | "true" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// `per=inhabitant` or `per=total`.
fn per_inhabitant(value: &str) -> Option<bool> {
    match value {
        "inhabitant" => Some(true),
        "total" => Some(false),
        _ => None,
    }
}

fn read_year(parameter: Parameter, value: &str, notices: &mut Vec<Notice>) -> Option<u16> {
    match value.trim().parse::<u16>() {
        Ok(year) if (1990..=2100).contains(&year) => Some(year),
        _ => {
            notices.push(Notice::unknown_value(parameter, value));
            None
        }
    }
}

fn read_source_id(parameter: Parameter, value: &str, notices: &mut Vec<Notice>) -> Option<String> {
    let valid = !value.is_empty()
        && value.len() <= 80
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if valid {
        Some(value.to_string())
    } else {
        notices.push(Notice::unknown_value(parameter, value));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Units;
    use crate::messages::QUOTED_CHARS;
    use crate::state::DEFAULT_YEARS;

    const AVAILABLE: [u16; 12] = [
        2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2024,
    ];

    #[test]
    fn a_year_or_a_file_said_twice_is_used_once_and_said() {
        let parsed = parse_query("years=2016&years=2016,2018&data=a.json&data=a.json");
        assert_eq!(parsed.state.years, [2016, 2018]);
        assert_eq!(parsed.state.data, ["a.json"]);
        assert_eq!(
            parsed.notices,
            [
                Notice::RepeatedYear(2016),
                Notice::RepeatedFile("a.json".into())
            ]
        );
        // The address is written again without the repeats.
        assert_eq!(parsed.state.to_query(), "years=2016,2018&data=a.json");
    }

    #[test]
    fn a_path_the_browser_reads_as_another_site_is_not_loaded_and_names_that_site() {
        for (value, host) in [
            ("/%5Cevil.test/x.json", "evil.test"),
            ("%5C%5CEvil.Test/x.json", "evil.test"),
            ("%5C/evil.test/x.json", "evil.test"),
            ("//evil.test/x.json", "evil.test"),
            ("/%5Cuser@evil.test:8080/x.json", "evil.test:8080"),
        ] {
            let parsed = parse_query(&format!("data={value}"));
            assert!(parsed.state.data.is_empty(), "{value}");
            assert!(
                matches!(&parsed.notices[..], [Notice::PathLeavesSite { host: named, .. }] if named == host),
                "{value}: {:?}",
                parsed.notices
            );
        }
        // A backslash inside a path stays a path on this site.
        let parsed = parse_query("data=egna%5Cutkast.json");
        assert_eq!(parsed.state.data, ["egna\\utkast.json"]);
        assert!(parsed.notices.is_empty());
    }
    #[test]
    fn no_query_shows_the_default_comparison() {
        let parsed = parse_query("");
        assert_eq!(parsed.state, ViewState::default());
        assert_eq!(parsed.state.years, [2015, 2016, 2018]);
        assert_eq!(parsed.state.view, ViewKind::Compare);
        assert!(!parsed.years_given);
        assert!(parsed.notices.is_empty());
    }

    #[test]
    fn years_and_language_round_trip() {
        let parsed = parse_query("?years=2018,2016&lang=en");
        assert_eq!(parsed.state.years, [2016, 2018]);
        assert_eq!(parsed.state.lang, Lang::En);
        assert_eq!(parsed.state.to_query(), "years=2016,2018&lang=en");
        assert_eq!(parse_query(&parsed.state.to_query()).state, parsed.state);
    }

    #[test]
    fn encoded_commas_duplicates_and_spaces_are_understood() {
        let parsed = parse_query("years=2016%2C2018&years=+2016+");
        assert_eq!(parsed.state.years, [2016, 2018]);
        // The repeat is understood, and said (#22: nothing unused goes unsaid).
        assert_eq!(parsed.notices, [Notice::RepeatedYear(2016)]);
        let parsed = parse_query("years=2016%2C2018&years=+2015+");
        assert_eq!(parsed.state.years, [2015, 2016, 2018]);
        assert!(parsed.notices.is_empty());
    }

    #[test]
    fn garbage_is_ignored_with_notices_never_a_failure() {
        let parsed = parse_query("years=abc,2016,99999,<script>&lang=xx&utm_source=x");
        assert_eq!(parsed.state.years, [2016]);
        assert_eq!(
            parsed.notices,
            [
                Notice::NotAYear("abc".into()),
                Notice::NotAYear("99999".into()),
                Notice::NotAYear("<script>".into()),
                Notice::UnknownLanguage("xx".into())
            ]
        );
        assert_eq!(parsed.state.lang, Lang::Sv);
    }

    #[test]
    fn only_garbage_falls_back_to_the_default_years() {
        let parsed = parse_query("years=abc");
        assert_eq!(parsed.state.years, DEFAULT_YEARS);
        assert!(parsed.notices.contains(&Notice::DefaultYearsShown));
    }

    #[test]
    fn an_empty_list_means_no_years_chosen() {
        let parsed = parse_query("years=");
        assert!(parsed.state.years.is_empty());
        assert!(parsed.notices.is_empty());
        assert_eq!(parsed.state.to_query(), "years=");
    }

    #[test]
    fn years_without_an_agreement_are_dropped_with_a_notice() {
        let mut state = parse_query("years=2016,2023").state;
        assert_eq!(
            state.retain_available(&AVAILABLE),
            [Notice::UnknownYear(2023)]
        );
        assert_eq!(state.years, [2016]);

        let mut state = parse_query("years=2023,2025").state;
        let notices = state.retain_available(&AVAILABLE);
        assert_eq!(state.years, DEFAULT_YEARS);
        assert_eq!(notices.last(), Some(&Notice::DefaultYearsShown));
    }

    #[test]
    fn every_view_and_unit_round_trips_through_the_address() {
        for query in [
            "view=trend",
            "view=trend&prices=fixed",
            "view=breakdown&years=2016,2018&by=purpose&layout=stacked&measure=share",
            "view=bridge&from=2016&to=2018",
            "view=bridge&from=2015&to=2016&from_source=uph-lattlast&prices=fixed&base=2020&per=inhabitant&lang=en",
            "years=2015&per=inhabitant",
            "view=trend&lang=en&embed=1",
            "years=2016&data=https%3A//example.org/budget-2026.json%3Fv%3D2",
            "years=2016&data=egna/utkast.json",
        ] {
            let parsed = parse_query(query);
            assert!(parsed.notices.is_empty(), "{query}: {:?}", parsed.notices);
            assert_eq!(parsed.state.to_query(), query);
        }
    }

    #[test]
    fn the_issue_example_address_opens_a_bridge() {
        let state = parse_query("?view=bridge&from=2016&to=2018").state;
        assert_eq!(
            (state.view, state.from, state.to),
            (ViewKind::Bridge, Some(2016), Some(2018))
        );
        assert_eq!(state.units, Units::default());
    }

    #[test]
    fn wrong_option_values_are_noticed_and_defaults_kept() {
        let parsed = parse_query("view=pie&by=colour&from=soon&base=1066&per=cow&from_source=<b>");
        assert_eq!(parsed.state.view, ViewKind::Compare);
        assert_eq!(parsed.state.dimension, Dimension::Recipient);
        assert_eq!(parsed.state.from, None);
        assert_eq!(parsed.state.units, Units::default());
        assert_eq!(parsed.notices.len(), 6);
        assert_eq!(
            parsed.notices[0].message(Lang::Sv),
            "”pie” är inget giltigt värde för view; standardvalet visas."
        );
    }

    #[test]
    fn huge_and_hostile_queries_are_bounded() {
        let query = format!("years={}", vec!["2016"; 10_000].join(","));
        let parsed = parse_query(&query);
        assert_eq!(parsed.state.years, [2016]);
        assert!(parsed.notices.contains(&Notice::TooManyValues));
        assert_eq!(percent_decode("%"), ("%".into(), false));
        assert_eq!(percent_decode("%zz%4"), ("%zz%4".into(), false));
        assert_eq!(percent_decode("%E2%80%94"), ("—".into(), false));
        assert_eq!(percent_decode("%FF"), ("\u{FFFD}".into(), true));
        let long = "x".repeat(100);
        assert_eq!(
            Notice::NotAYear(long)
                .message(Lang::En)
                .chars()
                .filter(|c| *c == 'x')
                .count(),
            QUOTED_CHARS - 1
        );
    }

    #[test]
    fn every_part_of_the_address_not_used_is_noticed() {
        let parsed =
            parse_query("view=trend&colour=red&view=bridge&lang=%E4&utm_source=news&fbclid=1");
        assert_eq!(parsed.state.view, ViewKind::Bridge);
        assert_eq!(
            parsed.notices,
            [
                Notice::UnknownParameter("colour".into()),
                Notice::Repeated(Parameter::View),
                Notice::BrokenEncoding(Parameter::Lang),
            ]
        );
        let many: Vec<String> = (0..80).map(|n| format!("x{n}=1")).collect();
        let parsed = parse_query(&many.join("&"));
        assert_eq!(parsed.notices.len(), MAX_VALUES + 1);
        assert_eq!(
            parsed.notices.last(),
            Some(&Notice::TooManyParameters { skipped: 30 })
        );
    }

    #[test]
    fn an_embed_can_fix_its_colours_and_leave_out_its_headings() {
        let parsed = parse_query("embed=1&theme=dark&header=0");
        assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
        assert_eq!(parsed.state.theme, Theme::Dark);
        assert!(!parsed.state.header);
        assert_eq!(
            parsed.state.to_query(),
            "years=2015,2016,2018&embed=1&theme=dark&header=0"
        );
        let parsed = parse_query("embed=1&theme=auto&header=1");
        assert_eq!(parsed.state.to_query(), "years=2015,2016,2018&embed=1");
        let parsed = parse_query("embed=1&theme=purple&header=maybe");
        assert_eq!(parsed.notices.len(), 2, "{:?}", parsed.notices);
        assert_eq!(parsed.state.to_query(), "years=2015,2016,2018&embed=1");
        // The full app's address keeps the colours and shows its headings.
        let state = parse_query("embed=1&theme=light&header=0").state;
        assert_eq!(
            crate::embed::full_app_url("https://x.se/app/", &state),
            "https://x.se/app/?years=2015,2016,2018&theme=light"
        );
    }

    #[test]
    fn an_embedded_chart_never_loads_a_file_from_the_address() {
        let parsed =
            parse_query("embed=1&data=https://evil.example/fake.json&data=mine.json&years=2016");
        assert!(parsed.state.data.is_empty());
        assert_eq!(parsed.state.to_query(), "years=2016&embed=1");
        assert_eq!(
            parsed.notices,
            [
                Notice::OutsideFileNotEmbedded {
                    host: Some("evil.example".into())
                },
                Notice::OutsideFileNotEmbedded { host: None },
            ]
        );
        assert!(parsed.notices[0].message(Lang::En).contains("evil.example"));
        // In the full app the file is loaded (and set apart on the page).
        let parsed = parse_query("data=https://evil.example/fake.json");
        assert_eq!(parsed.state.data, ["https://evil.example/fake.json"]);
    }
}
