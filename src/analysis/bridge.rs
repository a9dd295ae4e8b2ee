//! The change bridge (waterfall) from one year to another: the start total,
//! each item that grew, shrank, or is listed in one year's sources only, the
//! change in money the sources do not break down, and the end total. Items
//! are the years' [pieces](super::pieces), matched across years by their
//! stable key; nothing is dropped, so the steps always add up.

use crate::model::{Agreement, Alternative, Figure, Localized, SplitBy};

use super::pieces::{pieces, Piece};
use crate::keyed::keyed_enum;

keyed_enum! {
    /// How an item changed; the key styles its cell and names it in exports.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum StepKind {
        /// In both years, larger in the later one.
        Grew = "grew",
        /// In both years, smaller in the later one.
        Shrank = "shrank",
        /// In both years, the same.
        Unchanged = "unchanged",
        /// Listed in the later year's sources, not in the earlier year's. That
        /// is not "new": the earlier sources may just not name it.
        OnlyLater = "only-later",
        /// Listed in the earlier year's sources, not in the later year's.
        OnlyEarlier = "only-earlier",
        /// The change in money the sources do not break down into items.
        NotBrokenDown = "not-broken-down",
    }
}

/// One item's change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BridgeStep {
    /// The item's key ([`Piece::key`]; `not-broken-down` for the rest).
    pub key: String,
    /// Its name (the later year's, when both have it).
    pub label: Localized,
    /// Whether the item is a parent's remainder (its label is the parent's).
    pub rest: bool,
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
/// the total is unknown. Returns the amount and the side used.
pub fn bridge_total<'a>(
    figure: &'a Figure,
    source: Option<&str>,
) -> Option<(u64, Option<&'a Alternative>)> {
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
            Some((chosen.kronor, Some(chosen)))
        }
        Figure::Unknown { .. } => None,
    }
}

/// The items of a year under a side of its total, by recipient.
fn items<'a>(agreement: &'a Agreement, side: Option<&'a Alternative>) -> Vec<Piece<'a>> {
    pieces(agreement, SplitBy::Recipient, side).pieces
}

fn step(piece: &Piece, kind: StepKind, from: Option<i128>, to: Option<i128>) -> BridgeStep {
    BridgeStep {
        key: piece.key(),
        label: piece.allocation.label.clone(),
        rest: piece.rest,
        kind,
        from,
        to,
    }
}

/// Builds the bridge from `from` to `to`, each under the side of its total
/// that [`bridge_total`] chose (`None` for a total that is not disputed).
pub fn bridge<'a>(
    from: &'a Agreement,
    to: &'a Agreement,
    (start, from_side): (u64, Option<&'a Alternative>),
    (end, to_side): (u64, Option<&'a Alternative>),
) -> Bridge {
    let before = items(from, from_side);
    let after = items(to, to_side);
    let mut steps = Vec::with_capacity(before.len() + after.len() + 1);
    for earlier in &before {
        let amount = i128::from(earlier.kronor);
        match after.iter().find(|later| later.key() == earlier.key()) {
            Some(later) => {
                let later_amount = i128::from(later.kronor);
                let kind = match later_amount.cmp(&amount) {
                    std::cmp::Ordering::Greater => StepKind::Grew,
                    std::cmp::Ordering::Less => StepKind::Shrank,
                    std::cmp::Ordering::Equal => StepKind::Unchanged,
                };
                steps.push(step(later, kind, Some(amount), Some(later_amount)));
            }
            None => steps.push(step(earlier, StepKind::OnlyEarlier, Some(amount), None)),
        }
    }
    for later in &after {
        if !before.iter().any(|earlier| earlier.key() == later.key()) {
            let amount = i128::from(later.kronor);
            steps.push(step(later, StepKind::OnlyLater, None, Some(amount)));
        }
    }
    let sum = |items: &[Piece]| {
        items
            .iter()
            .map(|piece| i128::from(piece.kronor))
            .sum::<i128>()
    };
    let rest_before = i128::from(start) - sum(&before);
    let rest_after = i128::from(end) - sum(&after);
    if rest_before != 0 || rest_after != 0 {
        steps.push(BridgeStep {
            key: "not-broken-down".into(),
            label: Localized::of(crate::i18n::Text::NotBrokenDownRow),
            rest: false,
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
        let start = bridge_total(&a.total, None).unwrap();
        let end = bridge_total(&b.total, None).unwrap();
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
        assert_eq!(
            step("skr-infrastructure-inquiry").kind,
            StepKind::OnlyEarlier
        );
        assert_eq!(
            (
                step("regions-primary-care").kind,
                step("regions-primary-care").change()
            ),
            (StepKind::OnlyLater, 220_000_000)
        );
        // The regions' 884 less its three named parts: the regions' own remainder.
        let rest = step("regions:not-broken-down");
        assert!(rest.rest);
        assert_eq!(
            (rest.kind, rest.change()),
            (StepKind::OnlyLater, 64_000_000)
        );
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
        // 2020 is broken down to its recipients; 2022 leaves 277 MSEK whose
        // recipient no source gives.
        let bridge = make(2020, 2022);
        let rest = bridge
            .steps
            .iter()
            .find(|s| s.kind == StepKind::NotBrokenDown)
            .unwrap();
        assert_eq!((rest.from, rest.to), (Some(0), Some(277_000_000)));
        // 2020's 574 to municipalities and regions is their remainder, not "not broken down".
        let both = bridge
            .steps
            .iter()
            .find(|s| s.key == "municipalities-and-regions:not-broken-down")
            .unwrap();
        assert_eq!(both.from, Some(574_000_000));
    }

    #[test]
    fn disputed_totals_use_the_chosen_sources_figure() {
        let a = year(2015);
        let side = |source: Option<&str>| {
            bridge_total(&a.total, source)
                .map(|(kronor, side)| (kronor, side.map(|s| s.source.clone())))
        };
        assert_eq!(side(None), Some((696_000_000, Some("skl-2015".into()))));
        assert_eq!(
            side(Some("uph-lattlast")),
            Some((844_000_000, Some("uph-lattlast".into())))
        );
        assert_eq!(
            side(Some("nonsense")),
            Some((696_000_000, Some("skl-2015".into())))
        );
        assert_eq!(bridge_total(&year(2013).total, None), None);
    }
}
