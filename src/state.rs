//! The view as a URL query and back: `?years=2015,2016,2018&lang=en`,
//! `?view=bridge&from=2016&to=2018&prices=fixed&base=2023`.
//!
//! Reading is tolerant: anything it does not understand is left out with a
//! [`Notice`] the app shows, never a failure. Writing gives the one canonical
//! form, so a shared link is stable.

use crate::analysis::{Prices, Units};
use crate::i18n::Lang;
use crate::keyed::keyed_enum;

/// The years shown when the address does not say: the comparison the users
/// asked for first.
pub const DEFAULT_YEARS: [u16; 3] = [2015, 2016, 2018];

/// Most values read from one parameter, and most parameters read from one
/// address; the rest are ignored with a notice.
const MAX_VALUES: usize = 50;

/// The longest value quoted back in a notice, in characters.
const QUOTED_CHARS: usize = 24;

/// Parameters that link tools add (`utm_source`, `fbclid`, …): dropped from
/// the address without a notice, since the visitor did not write them.
fn is_tracking_tag(key: &str) -> bool {
    key.starts_with("utm_")
        || matches!(
            key,
            "fbclid" | "gclid" | "msclkid" | "mc_cid" | "mc_eid" | "_ga" | "ref"
        )
}

keyed_enum! {
    /// Which view is shown.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum ViewKind {
        /// The chosen years' totals and recipients side by side (the default).
        #[default]
        Compare = "compare",
        /// Every year's total on one chart.
        Trend = "trend",
        /// The chosen years by recipient or purpose, grouped or stacked.
        Breakdown = "breakdown",
        /// What changed from one year to another, item by item.
        Bridge = "bridge",
    }
}

keyed_enum! {
    /// What a breakdown splits the money by.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Dimension {
        /// Who receives it.
        #[default]
        Recipient = "recipient",
        /// What it is for.
        Purpose = "purpose",
    }
}

keyed_enum! {
    /// How a breakdown's bars are laid out.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum BarLayout {
        /// Side by side.
        #[default]
        Grouped = "grouped",
        /// On top of each other, one column a year.
        Stacked = "stacked",
    }
}

keyed_enum! {
    /// Whether a breakdown shows kronor or shares of the year's total.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
    pub enum Measure {
        /// Kronor (in the chosen units).
        #[default]
        Amount = "amount",
        /// Percent of the year's total.
        Share = "share",
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

/// Something in the address that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A `years` value that is not a year.
    NotAYear(String),
    /// A year that has no agreement.
    UnknownYear(u16),
    /// A `lang` value other than `sv` or `en`.
    UnknownLanguage(String),
    /// More values than are read.
    TooManyValues,
    /// No usable year was left, so the default years are shown.
    DefaultYearsShown,
    /// A parameter's value is not one of its choices.
    UnknownValue {
        /// The parameter.
        parameter: &'static str,
        /// The value given (cut short when shown).
        value: String,
    },
    /// More parameters than are read: how many were skipped.
    TooManyParameters {
        /// Parameters skipped.
        skipped: usize,
    },
    /// A parameter this app does not have.
    UnknownParameter(String),
    /// A parameter given more than once; the last value is used.
    Repeated(&'static str),
    /// A value whose %-escapes do not decode to text.
    BrokenEncoding(&'static str),
    /// The bridge cannot start or end at a year: it has no agreement or no
    /// known total. `shown` is the year used instead.
    BridgeEndUnavailable {
        /// The year asked for.
        year: u16,
        /// The year shown instead.
        shown: Option<u16>,
    },
    /// A `from_source`/`to_source` that names no side of that year's disputed total.
    UnknownSource {
        /// The parameter.
        parameter: &'static str,
        /// The source id given.
        source: String,
    },
    /// A price year without a KPI value.
    UnknownPriceYear {
        /// The year asked for.
        year: u16,
        /// The price year used instead.
        shown: Option<u16>,
    },
    /// An embedded chart does not load files named in the address (`data=`).
    OutsideFileNotEmbedded {
        /// Where the file would have come from: its host (`None`: this site).
        host: Option<String>,
    },
}

impl Notice {
    /// The notice in `lang`. User text is quoted and cut short; the UI shows it
    /// only as text.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Notice::NotAYear(token) => lang.pick(
                format!(
                    "”{}” i adressen är inget årtal och hoppades över.",
                    shorten(token)
                ),
                format!(
                    "\"{}\" in the address is not a year and was skipped.",
                    shorten(token)
                ),
            ),
            Notice::UnknownYear(year) => lang.pick(
                format!("Det finns ingen överenskommelse för {year}; året hoppades över."),
                format!("There is no agreement for {year}; the year was skipped."),
            ),
            Notice::UnknownLanguage(token) => lang.pick(
                format!(
                    "Språket ”{}” finns inte; sidan visas på svenska.",
                    shorten(token)
                ),
                format!(
                    "Language \"{}\" is not available; the page is shown in Swedish.",
                    shorten(token)
                ),
            ),
            Notice::TooManyValues => lang.pick(
                format!("Adressen har fler än {MAX_VALUES} värden; resten hoppades över."),
                format!("The address has more than {MAX_VALUES} values; the rest were skipped."),
            ),
            Notice::UnknownValue { parameter, value } => lang.pick(
                format!(
                    "”{}” är inget giltigt värde för {parameter}; standardvalet visas.",
                    shorten(value)
                ),
                format!(
                    "\"{}\" is not a valid value for {parameter}; the default is shown.",
                    shorten(value)
                ),
            ),
            Notice::TooManyParameters { skipped } => lang.pick(
                format!("Adressen har fler än {MAX_VALUES} parametrar; de sista {skipped} hoppades över."),
                format!("The address has more than {MAX_VALUES} parameters; the last {skipped} were skipped."),
            ),
            Notice::UnknownParameter(key) => lang.pick(
                format!("”{}” är ingen parameter som appen känner till och hoppades över.", shorten(key)),
                format!("\"{}\" is not a parameter this app knows and was skipped.", shorten(key)),
            ),
            Notice::Repeated(parameter) => lang.pick(
                format!("{parameter} står flera gånger i adressen; det sista värdet används."),
                format!("{parameter} appears more than once in the address; the last value is used."),
            ),
            Notice::BrokenEncoding(parameter) => lang.pick(
                format!("Värdet för {parameter} har trasiga %-koder och kunde inte läsas; standardvalet visas."),
                format!("The value of {parameter} has broken %-escapes and could not be read; the default is shown."),
            ),
            Notice::BridgeEndUnavailable { year, shown } => match shown {
                Some(shown) => lang.pick(
                    format!("Bron kan inte utgå från {year}: det året har inget känt totalbelopp. {shown} visas i stället."),
                    format!("The bridge cannot use {year}: that year has no known total. {shown} is shown instead."),
                ),
                None => lang.pick(
                    format!("Bron kan inte utgå från {year}: det året har inget känt totalbelopp."),
                    format!("The bridge cannot use {year}: that year has no known total."),
                ),
            },
            Notice::UnknownSource { parameter, source } => lang.pick(
                format!("{parameter}=”{}” är ingen av källorna till det årets omstridda totalbelopp; den första källan visas.", shorten(source)),
                format!("{parameter}=\"{}\" is none of the sources of that year's disputed total; the first source is shown.", shorten(source)),
            ),
            Notice::UnknownPriceYear { year, shown } => match shown {
                Some(shown) => lang.pick(
                    format!("Det finns inget KPI för {year}, så beloppen visas i {shown} års priser."),
                    format!("There is no KPI for {year}, so amounts are shown in {shown} prices."),
                ),
                None => lang.pick(
                    format!("Det finns inget KPI för {year}."),
                    format!("There is no KPI for {year}."),
                ),
            },
            Notice::OutsideFileNotEmbedded { host } => {
                let origin = crate::i18n::file_origin(host.as_deref(), lang);
                lang.pick(
                    format!("Adressen ber om en fil från {origin}. Ett inbäddat diagram visar bara de officiella uppgifterna, så filen visas inte här."),
                    format!("The address asks for a file from {origin}. An embedded chart shows only the official figures, so the file is not shown here."),
                )
            }
            Notice::DefaultYearsShown => lang.pick(
                "Inga giltiga år i adressen, så standardjämförelsen visas.".to_string(),
                "No valid years in the address, so the default comparison is shown.".to_string(),
            ),
        }
    }
}

/// A value from the address as quoted in a notice: invisible characters
/// shown, cut short, isolated from the sentence around it.
fn shorten(token: &str) -> String {
    crate::user_text::quoted(token, QUOTED_CHARS)
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
    let mut state = ViewState::default();
    let mut notices = Vec::new();
    let mut years: Option<Vec<u16>> = None;
    let mut had_year_tokens = false;
    let mut seen: Vec<&'static str> = Vec::new();
    let mut pairs = query.split('&').filter(|pair| !pair.is_empty());
    for pair in pairs.by_ref().take(MAX_VALUES) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, _) = percent_decode(key);
        let Some(parameter) = PARAMETERS.iter().copied().find(|known| *known == key) else {
            if !is_tracking_tag(&key) {
                notices.push(Notice::UnknownParameter(key));
            }
            continue;
        };
        let (value, broken) = percent_decode(value);
        if broken {
            notices.push(Notice::BrokenEncoding(parameter));
            continue;
        }
        // `years` and `data` add up; any other parameter said twice is a contradiction.
        if seen.contains(&parameter) && !matches!(parameter, "years" | "data") {
            notices.push(Notice::Repeated(parameter));
        }
        seen.push(parameter);
        match parameter {
            "years" => {
                let chosen = years.get_or_insert_with(Vec::new);
                let tokens: Vec<&str> = value
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .collect();
                if tokens.len() > MAX_VALUES {
                    notices.push(Notice::TooManyValues);
                }
                for token in tokens.into_iter().take(MAX_VALUES) {
                    had_year_tokens = true;
                    match token.parse::<u16>() {
                        Ok(year) if (1990..=2100).contains(&year) => chosen.push(year),
                        Ok(year) => notices.push(Notice::UnknownYear(year)),
                        Err(_) => notices.push(Notice::NotAYear(token.to_string())),
                    }
                }
            }
            "data" => {
                if is_loadable_url(&value) && state.data.len() < 10 {
                    state.data.push(value.clone());
                } else {
                    notices.push(unknown_value("data", &value));
                }
            }
            "embed" => match value.as_str() {
                "1" | "true" => state.embed = true,
                "0" | "false" => state.embed = false,
                _ => notices.push(unknown_value("embed", &value)),
            },
            "lang" => match Lang::from_code(&value) {
                Some(lang) => state.lang = lang,
                None => notices.push(Notice::UnknownLanguage(value)),
            },
            "view" => read_option(
                &mut state.view,
                "view",
                &value,
                ViewKind::from_key,
                &mut notices,
            ),
            "by" => read_option(
                &mut state.dimension,
                "by",
                &value,
                Dimension::from_key,
                &mut notices,
            ),
            "layout" => read_option(
                &mut state.layout,
                "layout",
                &value,
                BarLayout::from_key,
                &mut notices,
            ),
            "measure" => read_option(
                &mut state.measure,
                "measure",
                &value,
                Measure::from_key,
                &mut notices,
            ),
            "from" => state.from = read_year("from", &value, &mut notices),
            "to" => state.to = read_year("to", &value, &mut notices),
            "from_source" => {
                state.from_source = read_source_id("from_source", &value, &mut notices)
            }
            "to_source" => state.to_source = read_source_id("to_source", &value, &mut notices),
            "prices" => match value.as_str() {
                "current" => state.units.prices = Prices::Current,
                "fixed" => {
                    if state.units.prices == Prices::Current {
                        state.units.prices = Prices::Fixed { base: None };
                    }
                }
                _ => notices.push(unknown_value("prices", &value)),
            },
            "base" => {
                if let Some(base) = read_year("base", &value, &mut notices) {
                    state.units.prices = Prices::Fixed { base: Some(base) };
                }
            }
            "per" => match value.as_str() {
                "inhabitant" => state.units.per_inhabitant = true,
                "total" => state.units.per_inhabitant = false,
                _ => notices.push(unknown_value("per", &value)),
            },
            _ => {}
        }
    }
    let skipped = pairs.count();
    if skipped > 0 {
        notices.push(Notice::TooManyParameters { skipped });
    }
    // The embed rule: a chart embedded in someone's page shows the official
    // figures only. Anyone can write an address with `embed=1&data=…` and
    // put it in a frame; the file would then look like the official app's.
    if state.embed {
        for url in state.data.drain(..) {
            notices.push(Notice::OutsideFileNotEmbedded {
                host: data_host(&url),
            });
        }
    }
    let years_given = years.is_some();
    if let Some(mut chosen) = years {
        chosen.sort_unstable();
        chosen.dedup();
        if chosen.is_empty() && had_year_tokens {
            notices.push(Notice::DefaultYearsShown);
        } else {
            state.years = chosen;
        }
    }
    ParsedQuery {
        state,
        years_given,
        notices,
    }
}

/// Every parameter the address may hold.
const PARAMETERS: &[&str] = &[
    "years",
    "data",
    "embed",
    "lang",
    "view",
    "by",
    "layout",
    "measure",
    "from",
    "to",
    "from_source",
    "to_source",
    "prices",
    "base",
    "per",
];

fn unknown_value(parameter: &'static str, value: &str) -> Notice {
    Notice::UnknownValue {
        parameter,
        value: value.to_string(),
    }
}

fn read_option<T>(
    target: &mut T,
    parameter: &'static str,
    value: &str,
    from_key: fn(&str) -> Option<T>,
    notices: &mut Vec<Notice>,
) {
    match from_key(value) {
        Some(option) => *target = option,
        None => notices.push(unknown_value(parameter, value)),
    }
}

fn read_year(parameter: &'static str, value: &str, notices: &mut Vec<Notice>) -> Option<u16> {
    match value.trim().parse::<u16>() {
        Ok(year) if (1990..=2100).contains(&year) => Some(year),
        _ => {
            notices.push(unknown_value(parameter, value));
            None
        }
    }
}

fn read_source_id(
    parameter: &'static str,
    value: &str,
    notices: &mut Vec<Notice>,
) -> Option<String> {
    let valid = !value.is_empty()
        && value.len() <= 80
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if valid {
        Some(value.to_string())
    } else {
        notices.push(unknown_value(parameter, value));
        None
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
        parts.join("&")
    }
}

/// The file name a `?data=` address ends in (`budget.json` for
/// `https://example.org/a/budget.json?v=2`), or the whole address when it
/// ends in `/`.
pub fn data_file_name(url: &str) -> &str {
    url.split(['?', '#'])
        .next()
        .unwrap_or(url)
        .rsplit('/')
        .next()
        .filter(|name| !name.is_empty())
        .unwrap_or(url)
}

/// The host a `?data=` address names (`example.org`), or `None` for a path
/// on this site.
pub fn data_host(url: &str) -> Option<String> {
    if !crate::model::is_http_url(url) {
        return None;
    }
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    // Credentials before `@` are not part of where the file is.
    let host = authority.rsplit('@').next().unwrap_or(authority);
    Some(host.to_ascii_lowercase())
}

/// Whether `?data=` may name this address: http(s), or a path on this site.
pub fn is_loadable_url(url: &str) -> bool {
    if url.is_empty()
        || url.len() > 2000
        || url.chars().any(|c| c.is_control() || c.is_whitespace())
    {
        return false;
    }
    if crate::model::is_http_url(url) {
        return true;
    }
    // A relative path: no scheme (javascript:, data:, file:) and not protocol-relative.
    !url.starts_with("//") && !url.contains(':')
}

/// Encodes a value for the query: everything but unreserved characters and `/`.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

/// Decodes `%XX` escapes and `+`; invalid escapes are kept as they are.
/// Says whether the bytes were not UTF-8 (then broken, replaced by U+FFFD).
fn percent_decode(text: &str) -> (String, bool) {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(text) => (text, false),
        Err(error) => (String::from_utf8_lossy(error.as_bytes()).into_owned(), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AVAILABLE: [u16; 12] = [
        2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2024,
    ];

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
    fn only_web_and_relative_addresses_can_be_loaded() {
        let parsed = parse_query("data=javascript:alert(1)&data=file:///etc/passwd&data=//evil.example/x.json&data=ok.json");
        assert_eq!(parsed.state.data, ["ok.json"]);
        assert_eq!(parsed.notices.len(), 3);
        assert!(is_loadable_url("https://example.org/a.json"));
        assert!(!is_loadable_url("data:application/json,{}"));
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
    fn toggling_keeps_years_sorted() {
        let mut state = ViewState::default();
        state.toggle_year(2015);
        assert_eq!(state.years, [2016, 2018]);
        state.toggle_year(2017);
        assert_eq!(state.years, [2016, 2017, 2018]);
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
                Notice::Repeated("view"),
                Notice::BrokenEncoding("lang"),
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

    #[test]
    fn a_data_address_names_its_file() {
        assert_eq!(
            data_file_name("https://example.org/a/budget.json?v=2#x"),
            "budget.json"
        );
        assert_eq!(data_file_name("egna/utkast.json"), "utkast.json");
        assert_eq!(
            data_file_name("https://example.org/"),
            "https://example.org/"
        );
    }

    #[test]
    fn a_data_address_names_its_host() {
        assert_eq!(
            data_host("https://User:pw@Example.org:8080/a.json?x=1").as_deref(),
            Some("example.org:8080")
        );
        assert_eq!(data_host("egna/utkast.json"), None);
    }

    #[test]
    fn a_value_from_the_address_cannot_turn_the_notice_around() {
        let message = Notice::UnknownValue {
            parameter: "view",
            value: "\u{202E}1 414 mnkr".into(),
        }
        .message(Lang::Sv);
        assert!(!message.contains('\u{202E}'), "{message}");
        assert!(
            message.contains("\u{2068}⟨U+202E⟩1 414 mnkr\u{2069}"),
            "{message}"
        );
    }
}
