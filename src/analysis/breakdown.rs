//! One year's money by recipient or by purpose.

use crate::model::{Agreement, Allocation, Purpose, Recipient, SplitBy, Value};

use super::pieces::{pieces, Piece};

/// A year's money split by some key, from its [pieces](super::pieces), so
/// that no krona is counted twice and a parent's remainder stays with the
/// parent's recipient and purpose.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown<'a, K> {
    /// Each key that has money: its amount (a range when the total is
    /// disputed and the parts differ by side) and the pieces behind it.
    pub rows: Vec<(K, Value, Vec<Piece<'a>>)>,
    /// The money whose recipient (or purpose) the sources do not give: the
    /// total minus every piece. `Unknown` when the total is unknown.
    pub not_broken_down: Value,
    /// The agreement's total.
    pub total: Value,
}

/// The agreement's money by recipient.
pub fn breakdown_by_recipient(agreement: &Agreement) -> Breakdown<'_, Recipient> {
    breakdown_by(agreement, SplitBy::Recipient, |allocation| {
        allocation.recipient
    })
}

/// The agreement's money by purpose.
pub fn breakdown_by_purpose(agreement: &Agreement) -> Breakdown<'_, Purpose> {
    breakdown_by(agreement, SplitBy::Purpose, |allocation| allocation.purpose)
}

fn breakdown_by<K: Copy + PartialEq>(
    agreement: &Agreement,
    prefer: SplitBy,
    key: impl Fn(&Allocation) -> K,
) -> Breakdown<'_, K> {
    // Each side of a disputed total has its own pieces; a key's amount is
    // the range over the sides (a side without the key counts as none).
    let per_side: Vec<_> = agreement
        .sides()
        .into_iter()
        .map(|side| pieces(agreement, prefer, side))
        .collect();
    let mut rows: Vec<(K, Value, Vec<Piece>)> = Vec::new();
    for side in &per_side {
        for piece in &side.pieces {
            let k = key(piece.allocation);
            match rows.iter_mut().find(|(other, _, _)| *other == k) {
                Some((_, _, found)) => {
                    if !found.contains(piece) {
                        found.push(*piece)
                    }
                }
                None => rows.push((k, Value::Unknown, vec![*piece])),
            }
        }
    }
    for (k, value, _) in &mut rows {
        let sums: Vec<u64> = per_side
            .iter()
            .map(|side| {
                side.pieces
                    .iter()
                    .filter(|piece| key(piece.allocation) == *k)
                    .map(|piece| piece.kronor)
                    .fold(0u64, u64::saturating_add)
            })
            .collect();
        let low = sums.iter().copied().min().unwrap_or(0);
        let high = sums.iter().copied().max().unwrap_or(0);
        *value = Value::from_bounds(low, high);
    }
    let not_broken_down = per_side
        .iter()
        .map(|side| side.rest)
        .reduce(|a, b| match (a, b) {
            (Value::Unknown, _) | (_, Value::Unknown) => Value::Unknown,
            _ => Value::from_bounds(
                a.low().unwrap_or(0).min(b.low().unwrap_or(0)),
                a.high().unwrap_or(0).max(b.high().unwrap_or(0)),
            ),
        })
        .unwrap_or(Value::Unknown);
    Breakdown {
        rows,
        not_broken_down,
        total: agreement.total.value(),
    }
}

impl<K: PartialEq + Copy> Breakdown<'_, K> {
    /// The amount for `key`, if any piece has that key.
    pub fn get(&self, key: K) -> Option<Value> {
        self.rows
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, value, _)| *value)
    }

    /// The pieces behind `key`.
    pub fn pieces(&self, key: K) -> &[Piece<'_>] {
        self.rows
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|(_, _, pieces)| pieces.as_slice())
            .unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::{agreement_2016, bundled};

    const M: u64 = 1_000_000;

    fn year(year: u16) -> Agreement {
        bundled().into_iter().find(|a| a.year == year).unwrap()
    }

    #[test]
    fn recipients_of_2016_from_the_seed() {
        let a = agreement_2016();
        let breakdown = breakdown_by_recipient(&a);
        // 300 + 150 to regions, 200 to municipalities, 130 to both, 60 + 5 to SKL.
        assert_eq!(
            breakdown.get(Recipient::Regions),
            Some(Value::Exact(450 * M))
        );
        assert_eq!(
            breakdown.get(Recipient::Municipalities),
            Some(Value::Exact(200 * M))
        );
        assert_eq!(breakdown.get(Recipient::Both), Some(Value::Exact(130 * M)));
        assert_eq!(breakdown.get(Recipient::Skr), Some(Value::Exact(65 * M)));
        assert_eq!(breakdown.not_broken_down, Value::Exact(0));
        let sum: u64 = breakdown
            .rows
            .iter()
            .filter_map(|(_, v, _)| v.exact())
            .sum();
        assert_eq!(Value::Exact(sum), breakdown.total);
    }

    #[test]
    fn purposes_of_2016() {
        let a = agreement_2016();
        let breakdown = breakdown_by_purpose(&a);
        assert_eq!(
            breakdown.get(Purpose::ActionPlans),
            Some(Value::Exact(500 * M))
        );
        assert_eq!(
            breakdown.get(Purpose::YouthClinics),
            Some(Value::Exact(130 * M))
        );
        assert_eq!(
            breakdown.get(Purpose::StimulusFunds),
            None,
            "a parent is never counted"
        );
    }

    #[test]
    fn the_sources_say_who_gets_the_unbroken_remainder() {
        // 2024: 1 527 to municipalities and regions, 33 to SKR; the 803 for
        // children and young people is an "of which" of the total, not a part.
        let a = year(2024);
        let b = breakdown_by_recipient(&a);
        assert_eq!(b.get(Recipient::Both), Some(Value::Exact(1_527 * M)));
        assert_eq!(b.get(Recipient::Skr), Some(Value::Exact(33 * M)));
        assert_eq!(b.get(Recipient::Unspecified), None);
        assert_eq!(b.not_broken_down, Value::Exact(0));
        // 2020: 820 to regions, 300 to municipalities, 574 not split between them: 1 694.
        let a = year(2020);
        let b = breakdown_by_recipient(&a);
        let local: u64 = [
            Recipient::Regions,
            Recipient::Municipalities,
            Recipient::Both,
        ]
        .iter()
        .filter_map(|r| b.get(*r).and_then(Value::exact))
        .sum();
        assert_eq!(local, 1_694 * M);
        assert_eq!(b.get(Recipient::Both), Some(Value::Exact(574 * M)));
        assert_eq!(b.not_broken_down, Value::Exact(0));
        // 2018: the regions' 884 in full, 64 of it with no purpose given.
        let a = year(2018);
        assert_eq!(
            breakdown_by_recipient(&a).get(Recipient::Regions),
            Some(Value::Exact(884 * M))
        );
    }

    #[test]
    fn a_disputed_total_gives_ranges_side_by_side() {
        let a = year(2019);
        let b = breakdown_by_recipient(&a);
        // SKR's 40 exists only under SKR's 1 774; under ESV's 1 744, 10 is not broken down.
        assert_eq!(
            b.get(Recipient::Skr),
            Some(Value::Range {
                low: 0,
                high: 40 * M
            })
        );
        assert_eq!(
            b.not_broken_down,
            Value::Range {
                low: 0,
                high: 10 * M
            }
        );
        let a = year(2015);
        assert_eq!(
            breakdown_by_recipient(&a).not_broken_down,
            Value::Range {
                low: 0,
                high: 148 * M
            }
        );
    }

    #[test]
    fn twelve_split_two_ways_is_counted_once_each_way() {
        let a = year(2012);
        let by_recipient = breakdown_by_recipient(&a);
        assert_eq!(
            by_recipient.get(Recipient::Regions),
            Some(Value::Exact(175 * M))
        );
        assert_eq!(
            by_recipient.get(Recipient::Municipalities),
            Some(Value::Exact(175 * M))
        );
        let by_purpose = breakdown_by_purpose(&a);
        assert_eq!(
            by_purpose.get(Purpose::ChildrenYoungPeople),
            Some(Value::Exact(150 * M))
        );
        assert_eq!(
            by_purpose.get(Purpose::ExtensiveNeeds),
            Some(Value::Exact(200 * M))
        );
        let sum: u64 = by_purpose
            .rows
            .iter()
            .filter_map(|(_, v, _)| v.exact())
            .sum();
        assert_eq!(sum, 350 * M);
    }
}
