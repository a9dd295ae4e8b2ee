//! Text that says what a chart shows, in Swedish and English: the chart's
//! accessible description, also shown under it for everyone.

use crate::analysis::Quantity;
use crate::i18n::{Lang, Text};
use crate::messages;
use crate::messages::Direction;

use super::data_table::quantity_text;
use super::{CellStatus, DataCell, DataRow, DataTable, RowKind};
use crate::model::Status;

/// How `now` compares with `before` (of `previous`), in words:
/// `569 mnkr (67,3 %) mer än 2016`.
pub fn change_phrase(
    now: Quantity,
    before: Quantity,
    previous: &str,
    table: &DataTable,
    lang: Lang,
) -> Option<String> {
    let change = now.minus(before);
    match change {
        Quantity::Exact(difference) => {
            let amount = table.scale.format(difference.abs(), lang);
            let percent = match (now, before) {
                (Quantity::Exact(now), Quantity::Exact(before)) if before > 0.0 => {
                    format!(
                        " ({})",
                        crate::format::Scale::Percent
                            .format(((now / before) - 1.0).abs() * 100.0, lang)
                    )
                }
                _ => String::new(),
            };
            let rounded = (table.scale.display(difference) * 10.0).round();
            let direction = if rounded > 0.0 {
                Direction::Up
            } else if rounded < 0.0 {
                Direction::Down
            } else {
                Direction::Same
            };
            Some(messages::change_phrase(
                direction, &amount, &percent, previous, lang,
            ))
        }
        Quantity::Range(..) => Some(messages::compared_with(
            &quantity_text(change, table.scale, lang, true),
            previous,
            lang,
        )),
        _ => None,
    }
}

/// One year's sentence: `2018: 1 414 mnkr, 569 mnkr (67,3 %) mer än 2016.`,
/// saying so when the figure is disputed. `previous` is the name and number
/// compared with.
pub fn amount_sentence(
    name: &str,
    cell: &DataCell,
    previous: Option<(&str, Quantity)>,
    table: &DataTable,
    lang: Lang,
) -> String {
    let mut sentence = if cell.status == Some(CellStatus::Figure(Status::Disputed)) {
        messages::disputed_amount(name, &cell.text, lang)
    } else {
        format!("{name}: {}", cell.text)
    };
    if let Some((before_name, before)) = previous {
        if let Some(phrase) = change_phrase(cell.quantity, before, before_name, table, lang) {
            sentence.push_str(", ");
            sentence.push_str(&phrase);
        }
    }
    sentence.push('.');
    sentence
}

fn intro(title: Text, table: &DataTable, lang: Lang) -> String {
    format!("{}, {}.", title.get(lang), table.unit)
}

/// Each column's total and its change from the previous column.
pub fn describe_totals(table: &DataTable, lang: Lang, title: Text) -> String {
    let Some(total) = table.footer.iter().find(|row| row.kind == RowKind::Total) else {
        return Text::NoYearsChosen.get(lang).to_string();
    };
    if table.columns.is_empty() {
        return Text::NoYearsChosen.get(lang).to_string();
    }
    let mut sentences = vec![intro(title, table, lang)];
    for (i, (column, cell)) in table.columns.iter().zip(&total.cells).enumerate() {
        let previous = i
            .checked_sub(1)
            .map(|p| (table.columns[p].key.as_str(), total.cells[p].quantity));
        sentences.push(amount_sentence(&column.key, cell, previous, table, lang));
    }
    sentences.join(" ")
}

/// Each row's value in each column.
pub fn describe_rows(table: &DataTable, rows: &[&DataRow], lang: Lang, title: Text) -> String {
    if table.columns.is_empty() {
        return Text::NoYearsChosen.get(lang).to_string();
    }
    let mut sentences = vec![intro(title, table, lang)];
    for row in rows {
        let values: Vec<String> = table
            .columns
            .iter()
            .zip(&row.cells)
            .map(|(column, cell)| {
                let text = if cell.text == "–" {
                    Text::NoItem.get(lang).to_string()
                } else {
                    cell.text.clone()
                };
                format!("{} {text}", column.key)
            })
            .collect();
        sentences.push(format!("{}: {}.", row.label, values.join(", ")));
    }
    sentences.join(" ")
}

#[cfg(test)]
mod tests {
    use crate::state::parse_query;
    use crate::view::compare_view;
    use crate::view::tests_support::{catalog, plain};

    #[test]
    fn swedish_summary_of_the_default_view() {
        let view = compare_view(&catalog(), &parse_query("").state);
        assert_eq!(
            plain(&view.totals.description),
            "Total budget per år, miljoner kronor, löpande priser. 2015: omstritt, 696–844 mnkr. \
             2016: 845 mnkr, mellan +1 mnkr och +149 mnkr jämfört med 2015. \
             2018: 1 414 mnkr, 569 mnkr (67,3 %) mer än 2016."
        );
        let recipients = plain(&view.recipients.description);
        assert!(
            recipients
                .contains("Regioner (landsting): 2015 ingen post, 2016 450 mnkr, 2018 884 mnkr."),
            "{recipients}"
        );
        assert!(
            recipients
                .contains("Ej fördelat i källorna: 2015 0–148 mnkr, 2016 0 mnkr, 2018 0 mnkr."),
            "{recipients}"
        );
    }

    #[test]
    fn english_summary_in_fixed_prices_says_less_and_more() {
        let view = compare_view(
            &catalog(),
            &parse_query("years=2019,2020,2021&prices=fixed&lang=en").state,
        );
        let text = plain(&view.totals.description);
        assert!(
            text.starts_with("Total budget per year, million SEK in 2023 prices."),
            "{text}"
        );
        assert!(
            text.contains("2019: disputed, SEK 2,106–2,143 m."),
            "{text}"
        );
        // 1 680 × 403.70 / 343.19 = 1 976.2 against 1 716 × 403.70 / 335.92 = 2 062.3: less.
        assert!(
            text.contains("2021: SEK 1,976 m, SEK 86 m (4.2%) less than 2020."),
            "{text}"
        );
    }
}
