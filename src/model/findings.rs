//! Sum checks: parts against their whole. A mismatch is a finding shown with
//! its numbers, never an error and never "fixed": the sources often break down
//! only part of the money, and that is worth seeing.

use super::{Agreement, Allocation, Localized, SplitBy, Value};

/// How the parts of a whole compare with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// The parts add up to less: the sources do not break down everything.
    PartsBelowWhole,
    /// The parts add up to more than the whole: the sources disagree.
    PartsAboveWhole,
    /// The whole is disputed and the parts add up to this side of it.
    PartsMatchAlternative {
        /// The id of the source whose figure the parts match.
        source: String,
    },
    /// The whole is unknown; the parts say it is at least their sum.
    WholeUnknown,
}

/// One sum check's result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The whole's name: the agreement's total or an allocation's label.
    pub whole: Localized,
    /// The whole's amount (on `side`, for a disputed total).
    pub whole_value: Value,
    /// The sum of the parts that have an exact amount.
    pub parts_sum: u64,
    /// Parts left out of the sum because their amount is not exact.
    pub uncounted_parts: usize,
    /// How they compare.
    pub kind: FindingKind,
    /// For a disputed total: the source of the side checked.
    pub side: Option<String>,
    /// For a whole split two ways: which split was checked.
    pub split: Option<SplitBy>,
}

/// Checks every allocation's parts against it (each split of it on its own),
/// and the top-level parts against the agreement's total (each side of a
/// disputed total on its own). "Of which" figures are never summed.
pub fn check_sums(agreement: &Agreement) -> Vec<Finding> {
    let total_label = Localized::of(crate::i18n::Text::SumCheckWhole);
    let mut findings = Vec::new();
    for side in agreement.sides() {
        let whole = match side {
            Some(alternative) => Value::Exact(alternative.kronor),
            None => agreement.total.value(),
        };
        for (split, parts) in agreement.split_groups(None, side) {
            let check = Check {
                whole: &total_label,
                whole_value: whole,
                side: side.map(|alternative| alternative.source.as_str()),
                split,
            };
            check.run(&parts, &mut findings);
        }
    }
    for allocation in &agreement.allocations {
        for (split, parts) in agreement.split_groups(Some(&allocation.id), None) {
            let check = Check {
                whole: &allocation.label,
                whole_value: allocation.amount.value(),
                side: None,
                split,
            };
            check.run(&parts, &mut findings);
        }
    }
    findings
}

struct Check<'a> {
    whole: &'a Localized,
    whole_value: Value,
    side: Option<&'a str>,
    split: Option<SplitBy>,
}

impl Check<'_> {
    fn run(&self, parts: &[&Allocation], findings: &mut Vec<Finding>) {
        if parts.is_empty() {
            return;
        }
        let mut parts_sum: u64 = 0;
        let mut uncounted_parts = 0;
        for part in parts {
            match part.amount.value().exact() {
                Some(kronor) => parts_sum = parts_sum.saturating_add(kronor),
                None => uncounted_parts += 1,
            }
        }
        let kind = match self.whole_value {
            Value::Unknown => FindingKind::WholeUnknown,
            Value::Exact(kronor) if parts_sum == kronor => match self.side {
                Some(source) => FindingKind::PartsMatchAlternative {
                    source: source.to_string(),
                },
                None => return,
            },
            value if parts_sum < value.low().unwrap_or(0) => FindingKind::PartsBelowWhole,
            value if parts_sum > value.high().unwrap_or(0) => FindingKind::PartsAboveWhole,
            // Parts within the range of a disputed allocation: nothing to say.
            _ => return,
        };
        findings.push(Finding {
            whole: self.whole.clone(),
            whole_value: self.whole_value,
            parts_sum,
            uncounted_parts,
            kind,
            side: self.side.map(str::to_string),
            split: self.split,
        });
    }
}

impl Finding {
    /// Whether the finding shows data that contradicts itself (rather than a
    /// breakdown the sources leave incomplete).
    pub fn is_contradiction(&self) -> bool {
        matches!(self.kind, FindingKind::PartsAboveWhole)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{parse_agreement, Limits};
    use serde_json::json;

    fn agreement(total: serde_json::Value, amounts: &[(&str, Option<&str>, u64)]) -> Agreement {
        let allocations: Vec<_> = amounts
            .iter()
            .map(|(id, parent, kronor)| {
                json!({"id": id, "parent": parent, "label": {"sv": id, "en": id}, "recipient": "both",
                       "purpose": "unspecified", "amount": {"status": "stated", "kronor": kronor, "source": "a"}})
            })
            .collect();
        let value = json!({
            "format_version": 1, "year": 2019, "title": {"sv": "t", "en": "t"}, "parties": ["p"],
            "total": total, "allocations": allocations,
            "sources": [{"id": "a", "publisher": "SKL", "title": "t", "quote": "q"},
                        {"id": "b", "publisher": "ESV", "title": "t", "quote": "q"}]
        });
        parse_agreement(value.to_string(), &Limits::default()).unwrap()
    }

    #[test]
    fn matching_sums_give_no_finding() {
        let a = agreement(
            json!({"status": "stated", "kronor": 845, "source": "a"}),
            &[("x", None, 780), ("y", None, 65), ("z", Some("x"), 780)],
        );
        assert_eq!(check_sums(&a), []);
    }

    #[test]
    fn an_incomplete_breakdown_is_reported_with_its_numbers() {
        let a = agreement(
            json!({"status": "stated", "kronor": 1_716_000_000u64, "source": "a"}),
            &[
                ("kr", None, 1_694_000_000),
                ("r1", Some("kr"), 300_000_000),
                ("r2", Some("kr"), 820_000_000),
            ],
        );
        let findings = check_sums(&a);
        assert_eq!(findings.len(), 2);
        assert_eq!(findings[0].kind, FindingKind::PartsBelowWhole);
        assert_eq!(findings[0].parts_sum, 1_694_000_000);
        assert_eq!(findings[1].parts_sum, 1_120_000_000);
        assert_eq!(
            findings[1].message(Lang::Sv, &a),
            "Delarna av kr summerar till 1\u{202F}120\u{a0}mnkr, 574\u{a0}mnkr mindre än helheten 1\u{202F}694\u{a0}mnkr: källorna fördelar inte hela beloppet."
        );
        assert!(!findings[1].is_contradiction());
    }

    #[test]
    fn parts_above_the_whole_are_a_contradiction() {
        let a = agreement(
            json!({"status": "stated", "kronor": 100, "source": "a"}),
            &[("x", None, 80), ("y", None, 30)],
        );
        let findings = check_sums(&a);
        assert_eq!(findings[0].kind, FindingKind::PartsAboveWhole);
        assert!(findings[0].is_contradiction());
    }

    #[test]
    fn parts_matching_one_side_of_a_dispute_name_that_source() {
        let total = json!({"status": "disputed", "alternatives": [
            {"kronor": 696_000_000u64, "source": "a"}, {"kronor": 844_000_000u64, "source": "b"}]});
        let a = agreement(total, &[("p", None, 630_000_000), ("s", None, 66_000_000)]);
        let findings = check_sums(&a);
        assert_eq!(
            findings[0].kind,
            FindingKind::PartsMatchAlternative { source: "a".into() }
        );
        assert!(findings[0]
            .message(Lang::En, &a)
            .contains("matches the figure from SKL"));
    }

    #[test]
    fn an_unknown_whole_reports_the_known_parts() {
        let a = agreement(json!({"status": "unknown"}), &[("p", None, 630_000_000)]);
        assert_eq!(check_sums(&a)[0].kind, FindingKind::WholeUnknown);
    }
}
