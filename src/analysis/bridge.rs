//! The change bridge (waterfall) from one year to another: the start total,
//! each item that grew, shrank, appeared or ended, the change in money the
//! sources do not break down, and the end total. Items are matched across
//! years by their stable `id`; nothing is dropped, so the steps always add up.

use crate::model::{Agreement, Figure, Localized};

/// How an item changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepKind {
    /// In both years, larger in the later one.
    Grew,
    /// In both years, smaller in the later one.
    Shrank,
    /// In both years, the same.
    Unchanged,
    /// Only in the later year.
    Appeared,
    /// Only in the earlier year.
    Ended,
    /// The change in money the sources do not break down into items.
    NotBrokenDown,
}

impl StepKind {
    /// A key for styling and tests.
    pub fn key(self) -> &'static str {
        match self {
            StepKind::Grew => "grew",
            StepKind::Shrank => "shrank",
            StepKind::Unchanged => "unchanged",
            StepKind::Appeared => "appeared",
            StepKind::Ended => "ended",
            StepKind::NotBrokenDown => "not-broken-down",
        }
    }
}

/// One item's change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BridgeStep {
    /// The item's id (`not-broken-down` for the rest).
    pub key: String,
    /// Its name (the later year's, when both have it).
    pub label: Localized,
    /// How it changed.
    pub kind: StepKind,
    /// Its amount in the first year.
    pub from: Option<i128>,
    /// Its amount in the last year.
    pub to: Option<i128>,
}

impl BridgeStep {
    /// The change in kronor.
    pub fn change(&self) -> i128 {
        self.to.unwrap_or(0) - self.from.unwrap_or(0)
    }
}

/// A bridge between two years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bridge {
    /// The first year.
    pub from_year: u16,
    /// The last year.
    pub to_year: u16,
    /// The first year's total used.
    pub start: u64,
    /// The last year's total used.
    pub end: u64,
    /// Every item, then the not-broken-down step (when either year has such money).
    pub steps: Vec<BridgeStep>,
}

/// The total a bridge uses for a year: the exact total, or for a disputed
/// one the alternative of `source` (or the first alternative). `None` when
/// the total is unknown. Returns the amount and the source used for it.
pub fn bridge_total<'a>(
    figure: &'a Figure,
    source: Option<&str>,
) -> Option<(u64, Option<&'a str>)> {
    match figure {
        Figure::Stated { kronor, .. } | Figure::Derived { kronor, .. } => Some((*kronor, None)),
        Figure::Disputed { alternatives, .. } => {
            let chosen = source
                .and_then(|id| {
                    alternatives
                        .iter()
                        .find(|alternative| alternative.source == id)
                })
                .or_else(|| alternatives.first())?;
            Some((chosen.kronor, Some(chosen.source.as_str())))
        }
        Figure::Unknown { .. } => None,
    }
}

/// Exact leaf amounts of an agreement, in file order.
fn items(agreement: &Agreement) -> Vec<(&str, &Localized, i128)> {
    agreement
        .leaves()
        .filter_map(|leaf| {
            leaf.amount
                .value()
                .exact()
                .map(|kronor| (leaf.id.as_str(), &leaf.label, i128::from(kronor)))
        })
        .collect()
}

/// Builds the bridge from `from` (with total `start`) to `to` (with total `end`).
pub fn bridge(from: &Agreement, to: &Agreement, start: u64, end: u64) -> Bridge {
    let before = items(from);
    let after = items(to);
    let mut steps = Vec::with_capacity(before.len() + after.len() + 1);
    for (key, label, amount) in &before {
        match after.iter().find(|(other, _, _)| other == key) {
            Some((_, later_label, later)) => {
                let kind = match later.cmp(amount) {
                    std::cmp::Ordering::Greater => StepKind::Grew,
                    std::cmp::Ordering::Less => StepKind::Shrank,
                    std::cmp::Ordering::Equal => StepKind::Unchanged,
                };
                steps.push(BridgeStep {
                    key: key.to_string(),
                    label: (*later_label).clone(),
                    kind,
                    from: Some(*amount),
                    to: Some(*later),
                });
            }
            None => steps.push(BridgeStep {
                key: key.to_string(),
                label: (*label).clone(),
                kind: StepKind::Ended,
                from: Some(*amount),
                to: None,
            }),
        }
    }
    for (key, label, amount) in &after {
        if !before.iter().any(|(other, _, _)| other == key) {
            steps.push(BridgeStep {
                key: key.to_string(),
                label: (*label).clone(),
                kind: StepKind::Appeared,
                from: None,
                to: Some(*amount),
            });
        }
    }
    let rest_before = i128::from(start) - before.iter().map(|(_, _, amount)| amount).sum::<i128>();
    let rest_after = i128::from(end) - after.iter().map(|(_, _, amount)| amount).sum::<i128>();
    if rest_before != 0 || rest_after != 0 {
        steps.push(BridgeStep {
            key: "not-broken-down".into(),
            label: Localized {
                sv: "Ej fördelat i källorna".into(),
                en: "Not broken down in sources".into(),
            },
            kind: StepKind::NotBrokenDown,
            from: Some(rest_before),
            to: Some(rest_after),
        });
    }
    Bridge {
        from_year: from.year,
        to_year: to.year,
        start,
        end,
        steps,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::bundled;

    fn year(year: u16) -> Agreement {
        bundled().into_iter().find(|a| a.year == year).unwrap()
    }

    fn make(from: u16, to: u16) -> Bridge {
        let (a, b) = (year(from), year(to));
        let start = bridge_total(&a.total, None).unwrap().0;
        let end = bridge_total(&b.total, None).unwrap().0;
        bridge(&a, &b, start, end)
    }

    #[test]
    fn from_2016_to_2018_sums_to_plus_569_msek() {
        let bridge = make(2016, 2018);
        let total: i128 = bridge.steps.iter().map(BridgeStep::change).sum();
        assert_eq!(total, 569_000_000);
        assert_eq!(i128::from(bridge.start) + total, i128::from(bridge.end));
        let step = |key: &str| bridge.steps.iter().find(|s| s.key == key).unwrap();
        assert_eq!(
            (
                step("regions-general").kind,
                step("regions-general").change()
            ),
            (StepKind::Grew, 50_000_000)
        );
        assert_eq!(step("municipalities-general").change(), 150_000_000);
        assert_eq!(step("regions-young-people").change(), 100_000_000);
        assert_eq!(step("youth-clinics").kind, StepKind::Unchanged);
        assert_eq!(
            (step("skr-support").kind, step("skr-support").change()),
            (StepKind::Shrank, -10_000_000)
        );
        assert_eq!(step("skr-infrastructure-inquiry").kind, StepKind::Ended);
        assert_eq!(
            (
                step("regions-primary-care").kind,
                step("regions-primary-care").change()
            ),
            (StepKind::Appeared, 220_000_000)
        );
        assert_eq!(step("regions-remainder").change(), 64_000_000);
        // Both years are fully broken down: no rest step.
        assert!(bridge
            .steps
            .iter()
            .all(|s| s.kind != StepKind::NotBrokenDown));
    }

    #[test]
    fn money_not_broken_down_is_its_own_step_never_dropped() {
        for (from, to) in [
            (2017, 2018),
            (2019, 2020),
            (2020, 2022),
            (2021, 2022),
            (2022, 2024),
            (2016, 2024),
        ] {
            let bridge = make(from, to);
            let total: i128 = bridge.steps.iter().map(BridgeStep::change).sum();
            assert_eq!(
                i128::from(bridge.start) + total,
                i128::from(bridge.end),
                "{from}→{to}"
            );
        }
        // 2017 breaks down 780 + 45 of 885: 60 MSEK is not broken down, 2018 has none.
        let bridge = make(2017, 2018);
        let rest = bridge
            .steps
            .iter()
            .find(|s| s.kind == StepKind::NotBrokenDown)
            .unwrap();
        assert_eq!((rest.from, rest.to), (Some(60_000_000), Some(0)));
    }

    #[test]
    fn disputed_totals_use_the_chosen_sources_figure() {
        let a = year(2015);
        assert_eq!(
            bridge_total(&a.total, None),
            Some((696_000_000, Some("skl-2015")))
        );
        assert_eq!(
            bridge_total(&a.total, Some("uph-lattlast")),
            Some((844_000_000, Some("uph-lattlast")))
        );
        assert_eq!(
            bridge_total(&a.total, Some("nonsense")),
            Some((696_000_000, Some("skl-2015")))
        );
        assert_eq!(bridge_total(&year(2013).total, None), None);
    }
}
