//! What the browser tab, a bookmark and a downloaded chart call the view:
//! `2015, 2016 och 2018 – Jämför år – Statens satsningar på psykisk hälsa`.

use crate::chart::ExportFrame;
use crate::i18n::{Lang, Text};
use crate::state::{ViewKind, ViewState};

/// `2015, 2016 och 2018`; `2015, 2016 and 2018`.
pub fn year_list(years: &[u16], lang: Lang) -> String {
    let names: Vec<String> = years.iter().map(u16::to_string).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), Text::ListAnd.get(lang)),
    }
}

/// A view's name, as on its button.
pub fn view_name(kind: ViewKind) -> Text {
    match kind {
        ViewKind::Compare => Text::ViewCompare,
        ViewKind::Trend => Text::ViewTrend,
        ViewKind::Breakdown => Text::ViewBreakdown,
        ViewKind::Bridge => Text::ViewBridge,
    }
}

/// Why a year inside the span has no checkbox: `2023` has no figures.
pub fn missing_years_note(years: &[u16], lang: Lang) -> Option<String> {
    if years.is_empty() {
        return None;
    }
    let list = year_list(years, lang);
    Some(crate::messages::missing_years(&list, lang))
}

/// What the view shows, in a few words: the years, and the view's name.
pub fn view_heading(state: &ViewState) -> String {
    let lang = state.lang;
    let name = view_name(state.view).get(lang);
    let years = match state.view {
        ViewKind::Compare | ViewKind::Breakdown => year_list(&state.years, lang),
        ViewKind::Trend => String::new(),
        ViewKind::Bridge => match (state.from, state.to) {
            (Some(from), Some(to)) => format!("{from} {} {to}", Text::YearTo.get(lang)),
            _ => String::new(),
        },
    };
    if years.is_empty() {
        name.to_string()
    } else {
        format!("{years} – {name}")
    }
}

/// The document's `<title>`: the view first, so tabs tell views apart.
pub fn page_title(state: &ViewState) -> String {
    format!(
        "{} – {}",
        view_heading(state),
        Text::AppTitle.get(state.lang)
    )
}

/// The header and footer of a downloaded chart. `unit` is the table's unit
/// in words, `address` the view's full address and `date` today's date
/// (`2026-11-24`).
pub fn export_frame(state: &ViewState, unit: &str, address: &str, date: &str) -> ExportFrame {
    let lang = state.lang;
    ExportFrame {
        title: format!("{}: {}", Text::AppTitle.get(lang), view_heading(state)),
        subtitle: unit.to_string(),
        source: Text::ExportSource.get(lang).to_string(),
        address: address.to_string(),
        date: format!("{} {date}", Text::RetrievedOn.get(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse_query;

    #[test]
    fn titles_name_the_years_and_the_view() {
        let title = |query: &str| page_title(&parse_query(query).state);
        assert_eq!(
            title(""),
            "2015, 2016 och 2018 – Jämför år – Statens satsningar på psykisk hälsa"
        );
        assert!(title("lang=en").starts_with("2015, 2016 and 2018 – Compare years – "));
        assert!(title("view=trend").starts_with("Utveckling – "));
        assert!(title("view=bridge&from=2016&to=2018").starts_with("2016 till 2018 – Förändring"));
        assert!(title("years=2019").starts_with("2019 – Jämför år"));
        assert!(title("years=").starts_with("Jämför år – "));
    }

    #[test]
    fn a_missing_year_is_explained() {
        assert_eq!(missing_years_note(&[], Lang::Sv), None);
        assert!(missing_years_note(&[2023], Lang::Sv)
            .unwrap()
            .starts_with("2023 saknas: "));
        assert!(missing_years_note(&[2023], Lang::En)
            .unwrap()
            .starts_with("2023 is missing: "));
    }

    #[test]
    fn the_export_frame_says_what_where_and_when() {
        let state = parse_query("view=bridge&from=2016&to=2018&lang=en").state;
        let frame = export_frame(
            &state,
            "million SEK, current prices",
            "https://x/?a",
            "2026-11-24",
        );
        assert!(frame
            .title
            .ends_with("2016 to 2018 – Change between two years"));
        assert_eq!(frame.subtitle, "million SEK, current prices");
        assert!(frame.source.starts_with("Source:"));
        assert_eq!(frame.date, "Retrieved 2026-11-24");
    }
}
