//! The sum checks' findings as sentences.

use crate::format::Scale;
use crate::i18n::Lang;
use crate::model::{Agreement, Finding, FindingKind, SplitBy, Value};

impl Finding {
    /// The finding as a sentence in `lang`, with its numbers.
    pub fn message(&self, lang: Lang, agreement: &Agreement) -> String {
        let publisher = |id: &str| {
            agreement
                .source(id)
                .map(|source| source.publisher.clone())
                .unwrap_or_else(|| id.to_string())
        };
        let mut whole = self.whole.get(lang).to_string();
        if let Some(split) = self.split {
            whole.push_str(match split {
                SplitBy::Recipient => lang.pick(" (per mottagare)", " (by recipient)"),
                SplitBy::Purpose => lang.pick(" (per ändamål)", " (by purpose)"),
            });
        }
        let sum = Scale::MillionKronor.kronor(self.parts_sum, lang);
        let whole_amount = match self.whole_value {
            Value::Unknown => String::new(),
            known => known.written(lang),
        };
        let mut sentence = match &self.kind {
            FindingKind::PartsBelowWhole => {
                let gap = self
                    .whole_value
                    .low()
                    .unwrap_or(0)
                    .saturating_sub(self.parts_sum);
                lang.pick(
                    format!(
                        "Delarna av {whole} summerar till {sum}, {} mindre än helheten {whole_amount}: källorna fördelar inte hela beloppet.",
                        Scale::MillionKronor.kronor(gap, lang)
                    ),
                    format!(
                        "The parts of {whole} add up to {sum}, {} less than the whole ({whole_amount}): the sources do not break down the whole amount.",
                        Scale::MillionKronor.kronor(gap, lang)
                    ),
                )
            }
            FindingKind::PartsAboveWhole => {
                let excess = self
                    .parts_sum
                    .saturating_sub(self.whole_value.high().unwrap_or(0));
                lang.pick(
                    format!(
                        "Delarna av {whole} summerar till {sum}, {} mer än helheten {whole_amount}: uppgifterna går isär.",
                        Scale::MillionKronor.kronor(excess, lang)
                    ),
                    format!(
                        "The parts of {whole} add up to {sum}, {} more than the whole ({whole_amount}): the figures disagree.",
                        Scale::MillionKronor.kronor(excess, lang)
                    ),
                )
            }
            FindingKind::PartsMatchAlternative { source } => {
                let publisher = publisher(source);
                lang.pick(
                    format!("Delarna av {whole} summerar till {sum}, vilket stämmer med uppgiften från {publisher} (totalen är omstridd)."),
                    format!("The parts of {whole} add up to {sum}, which matches the figure from {publisher} (the total is disputed)."),
                )
            }
            FindingKind::WholeUnknown => lang.pick(
                format!("Helheten för {whole} är okänd; de kända delarna summerar till {sum}."),
                format!("The whole of {whole} is unknown; the known parts add up to {sum}."),
            ),
        };
        if let (Some(source), false) = (
            &self.side,
            matches!(self.kind, FindingKind::PartsMatchAlternative { .. }),
        ) {
            let prefix = lang.pick(
                format!("Med {}s uppgift {whole_amount}: ", publisher(source)),
                format!("With {}'s figure of {whole_amount}: ", publisher(source)),
            );
            sentence.insert_str(0, &prefix);
        }
        if self.uncounted_parts > 0 {
            sentence.push_str(&lang.pick(
                format!(
                    " {} delbelopp utan exakt belopp är inte medräknade.",
                    self.uncounted_parts
                ),
                format!(
                    " {} parts without an exact amount are not counted.",
                    self.uncounted_parts
                ),
            ));
        }
        sentence
    }
}
