//! The difference between two years, absolute and in percent.

use crate::model::Value;

/// How much an amount changed from one year to another. When either side is
/// disputed, the change is the range of every possible difference.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Change {
    /// Smallest possible difference in kronor.
    pub low: i128,
    /// Largest possible difference in kronor.
    pub high: i128,
    /// Smallest and largest percent change; `None` when the starting amount
    /// could be zero.
    pub percent: Option<(f64, f64)>,
}

impl Change {
    /// Whether the change is one exact figure.
    pub fn is_exact(&self) -> bool {
        self.low == self.high
    }
}

/// The change from `from` to `to`; `None` when either is unknown.
pub fn change_between(from: Value, to: Value) -> Option<Change> {
    let (from_low, from_high) = (from.low()?, from.high()?);
    let (to_low, to_high) = (to.low()?, to.high()?);
    let low = i128::from(to_low) - i128::from(from_high);
    let high = i128::from(to_high) - i128::from(from_low);
    let percent = (from_low > 0).then(|| {
        let ratio = |to: u64, from: u64| (to as f64 / from as f64 - 1.0) * 100.0;
        (ratio(to_low, from_high), ratio(to_high, from_low))
    });
    Some(Change { low, high, percent })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_change_2017_to_2018_is_529_msek() {
        let change =
            change_between(Value::Exact(885_000_000), Value::Exact(1_414_000_000)).unwrap();
        assert_eq!((change.low, change.high), (529_000_000, 529_000_000));
        let (p, q) = change.percent.unwrap();
        assert!((p - 59.774).abs() < 0.001 && p == q);
    }

    #[test]
    fn change_from_a_disputed_year_is_a_range() {
        let from = Value::Range {
            low: 696_000_000,
            high: 844_000_000,
        };
        let change = change_between(from, Value::Exact(845_000_000)).unwrap();
        assert_eq!((change.low, change.high), (1_000_000, 149_000_000));
        assert!(!change.is_exact());
    }

    #[test]
    fn change_with_unknown_or_zero_start() {
        assert_eq!(change_between(Value::Unknown, Value::Exact(1)), None);
        let change = change_between(Value::Exact(0), Value::Exact(5)).unwrap();
        assert_eq!(change.percent, None);
        assert_eq!(change.low, 5);
    }
}
