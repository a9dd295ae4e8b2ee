//! One year's money by recipient or by purpose.

use std::collections::BTreeMap;

use crate::model::{Agreement, Allocation, Purpose, Recipient, Value};

/// A year's money split by some key, counting only the tree's leaves so that
/// no krona is counted twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakdown<K> {
    /// Each key that has money, with the sum of its exact amounts.
    pub rows: Vec<(K, u64)>,
    /// What the sources do not break down: the total minus all exact leaves.
    /// `Unknown` when the total is unknown or the leaves exceed it.
    pub not_broken_down: Value,
    /// The agreement's total.
    pub total: Value,
}

/// The agreement's money by recipient.
pub fn breakdown_by_recipient(agreement: &Agreement) -> Breakdown<Recipient> {
    breakdown_by(agreement, |allocation| allocation.recipient)
}

/// The agreement's money by purpose.
pub fn breakdown_by_purpose(agreement: &Agreement) -> Breakdown<Purpose> {
    breakdown_by(agreement, |allocation| allocation.purpose)
}

fn breakdown_by<K: Ord + Copy>(
    agreement: &Agreement,
    key: impl Fn(&Allocation) -> K,
) -> Breakdown<K> {
    let mut sums: BTreeMap<K, u64> = BTreeMap::new();
    let mut broken_down: u64 = 0;
    for leaf in agreement.leaves() {
        // A leaf whose amount is not exact stays in "not broken down".
        if let Some(kronor) = leaf.amount.value().exact() {
            *sums.entry(key(leaf)).or_default() += kronor;
            broken_down = broken_down.saturating_add(kronor);
        }
    }
    let total = agreement.total.value();
    let not_broken_down = match total {
        Value::Exact(kronor) if broken_down <= kronor => Value::Exact(kronor - broken_down),
        Value::Range { low, high } if broken_down <= low => Value::Range {
            low: low - broken_down,
            high: high - broken_down,
        },
        _ => Value::Unknown,
    };
    Breakdown {
        rows: sums.into_iter().collect(),
        not_broken_down,
        total,
    }
}

impl<K: PartialEq + Copy> Breakdown<K> {
    /// The amount for `key`, if any allocation has that key.
    pub fn get(&self, key: K) -> Option<u64> {
        self.rows
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, kronor)| *kronor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::agreement_2016;

    #[test]
    fn recipients_of_2016_from_the_seed() {
        let breakdown = breakdown_by_recipient(&agreement_2016());
        // 300 + 150 to regions, 200 to municipalities, 130 to both, 60 + 5 to SKL.
        assert_eq!(breakdown.get(Recipient::Regions), Some(450_000_000));
        assert_eq!(breakdown.get(Recipient::Municipalities), Some(200_000_000));
        assert_eq!(breakdown.get(Recipient::Both), Some(130_000_000));
        assert_eq!(breakdown.get(Recipient::Skr), Some(65_000_000));
        assert_eq!(breakdown.not_broken_down, Value::Exact(0));
        let sum: u64 = breakdown.rows.iter().map(|(_, kronor)| kronor).sum();
        assert_eq!(Value::Exact(sum), breakdown.total);
    }

    #[test]
    fn purposes_of_2016() {
        let breakdown = breakdown_by_purpose(&agreement_2016());
        assert_eq!(breakdown.get(Purpose::ActionPlans), Some(500_000_000));
        assert_eq!(breakdown.get(Purpose::YouthClinics), Some(130_000_000));
        assert_eq!(
            breakdown.get(Purpose::StimulusFunds),
            None,
            "a parent is never counted"
        );
    }
}
