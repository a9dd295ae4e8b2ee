//! An amount with its status: stated, derived, disputed or unknown.

use super::Localized;
use crate::i18n::{Lang, Text};
use crate::keyed::keyed_enum;

keyed_enum! {
    /// How a figure is known, as the JSON files write it (`"status": "stated"`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Status {
        /// A source says it.
        Stated = "stated",
        /// Computed from figures the sources state.
        Derived = "derived",
        /// The sources disagree.
        Disputed = "disputed",
        /// Not known.
        Unknown = "unknown",
    }
}

impl Status {
    /// The status's name in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Status::Stated => Text::StatusStated,
            Status::Derived => Text::StatusDerived,
            Status::Disputed => Text::StatusDisputed,
            Status::Unknown => Text::StatusUnknown,
        }
        .get(lang)
    }
}

/// An amount of money as the sources give it. Unknown is a state of its own,
/// never a zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Figure {
    /// A source says the figure.
    Stated {
        /// Whole kronor.
        kronor: u64,
        /// The source's id.
        source: String,
        /// The number as the source writes it (`"250 miljoner kronor"`), and
        /// the source's words that contain it.
        words: SourceWords,
        /// Other sources that state the same figure, each in its own words.
        confirmed_by: Vec<Confirmation>,
        /// A remark on the figure.
        note: Option<Localized>,
    },
    /// Computed from stated figures.
    Derived {
        /// Whole kronor.
        kronor: u64,
        /// How it was computed.
        how: Localized,
        /// The sources of the figures it was computed from.
        sources: Vec<String>,
        /// The figures it was computed from: `total` or allocation ids.
        inputs: Vec<String>,
        /// A remark on the figure.
        note: Option<Localized>,
    },
    /// Sources disagree; every alternative is kept with its own source.
    Disputed {
        /// Two or more alternatives.
        alternatives: Vec<Alternative>,
        /// Why the sources disagree, as far as is known.
        note: Option<Localized>,
    },
    /// No public source was found.
    Unknown {
        /// What is known about it.
        note: Option<Localized>,
    },
}

/// The number as a source writes it, and the words around it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceWords {
    /// The number exactly as written (`"1 774 Mkr"`, `"fem miljoner"`).
    pub as_written: Option<String>,
    /// The source's Swedish words, verbatim, containing `as_written`.
    pub quote: Option<String>,
}

/// Another source that states the same figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirmation {
    /// The source's id.
    pub source: String,
    /// Its words.
    pub words: SourceWords,
}

/// One side of a disputed figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternative {
    /// A stable id (`total-uph`), which allocations valid only under this
    /// side name in `only_under`.
    pub id: Option<String>,
    /// Whole kronor.
    pub kronor: u64,
    /// The source's id.
    pub source: String,
    /// The number as written and the quote, when the source states it.
    pub words: SourceWords,
    /// How it was computed, when the source gives parts, not the sum.
    pub how: Option<Localized>,
    /// The figures it was computed from: `total` or allocation ids.
    pub inputs: Vec<String>,
}

/// What an amount is known to be, for computing with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    /// One figure.
    Exact(u64),
    /// Somewhere from `low` to `high` (a disputed figure).
    Range {
        /// The smallest alternative.
        low: u64,
        /// The largest alternative.
        high: u64,
    },
    /// Not known.
    Unknown,
}

impl Value {
    /// The amount as every part of the app writes it: `845 mnkr`, a range
    /// `696–844 mnkr`, or "okänt" / "unknown".
    pub fn written(self, lang: crate::i18n::Lang) -> String {
        let millions = crate::format::Scale::MillionKronor;
        match self {
            Value::Exact(kronor) => millions.kronor(kronor, lang),
            Value::Range { low, high } => millions.format_range(low as f64, high as f64, lang),
            Value::Unknown => crate::i18n::Text::UnknownShort.get(lang).to_string(),
        }
    }

    /// The smallest possible amount, if known.
    pub fn low(self) -> Option<u64> {
        match self {
            Value::Exact(kronor) => Some(kronor),
            Value::Range { low, .. } => Some(low),
            Value::Unknown => None,
        }
    }

    /// The largest possible amount, if known.
    pub fn high(self) -> Option<u64> {
        match self {
            Value::Exact(kronor) => Some(kronor),
            Value::Range { high, .. } => Some(high),
            Value::Unknown => None,
        }
    }

    /// The exact amount, if there is one.
    pub fn exact(self) -> Option<u64> {
        match self {
            Value::Exact(kronor) => Some(kronor),
            _ => None,
        }
    }

    /// Adds two amounts: a range stays a range, and anything unknown makes the
    /// sum unknown.
    pub fn plus(self, other: Value) -> Value {
        match (self.low(), self.high(), other.low(), other.high()) {
            (Some(a_low), Some(a_high), Some(b_low), Some(b_high)) => {
                Value::from_bounds(a_low.saturating_add(b_low), a_high.saturating_add(b_high))
            }
            _ => Value::Unknown,
        }
    }

    /// `Exact` when both ends meet, else `Range`.
    pub fn from_bounds(low: u64, high: u64) -> Value {
        if low == high {
            Value::Exact(low)
        } else {
            Value::Range {
                low: low.min(high),
                high: low.max(high),
            }
        }
    }
}

impl Figure {
    /// What the figure is known to be.
    pub fn value(&self) -> Value {
        match self {
            Figure::Stated { kronor, .. } | Figure::Derived { kronor, .. } => Value::Exact(*kronor),
            Figure::Disputed { alternatives, .. } => {
                let low = alternatives
                    .iter()
                    .map(|alternative| alternative.kronor)
                    .min();
                let high = alternatives
                    .iter()
                    .map(|alternative| alternative.kronor)
                    .max();
                match (low, high) {
                    (Some(low), Some(high)) => Value::from_bounds(low, high),
                    _ => Value::Unknown,
                }
            }
            Figure::Unknown { .. } => Value::Unknown,
        }
    }

    /// How the figure is known.
    pub fn status(&self) -> Status {
        match self {
            Figure::Stated { .. } => Status::Stated,
            Figure::Derived { .. } => Status::Derived,
            Figure::Disputed { .. } => Status::Disputed,
            Figure::Unknown { .. } => Status::Unknown,
        }
    }

    /// Every source id the figure refers to.
    pub fn source_ids(&self) -> Vec<&str> {
        match self {
            Figure::Stated {
                source,
                confirmed_by,
                ..
            } => std::iter::once(source.as_str())
                .chain(confirmed_by.iter().map(|c| c.source.as_str()))
                .collect(),
            Figure::Derived { sources, .. } => sources.iter().map(String::as_str).collect(),
            Figure::Disputed { alternatives, .. } => alternatives
                .iter()
                .map(|alternative| alternative.source.as_str())
                .collect(),
            Figure::Unknown { .. } => Vec::new(),
        }
    }

    /// The figures a derived figure was computed from (`total` or allocation ids).
    pub fn inputs(&self) -> &[String] {
        match self {
            Figure::Derived { inputs, .. } => inputs,
            _ => &[],
        }
    }

    /// The figure's note, if any.
    pub fn note(&self) -> Option<&Localized> {
        match self {
            Figure::Stated { note, .. }
            | Figure::Derived { note, .. }
            | Figure::Disputed { note, .. }
            | Figure::Unknown { note } => note.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alternative(kronor: u64) -> Alternative {
        Alternative {
            id: None,
            kronor,
            source: "s".into(),
            words: SourceWords::default(),
            how: None,
            inputs: Vec::new(),
        }
    }

    #[test]
    fn disputed_figure_is_the_range_of_its_alternatives() {
        let figure = Figure::Disputed {
            alternatives: vec![alternative(844_000_000), alternative(696_000_000)],
            note: None,
        };
        assert_eq!(
            figure.value(),
            Value::Range {
                low: 696_000_000,
                high: 844_000_000
            }
        );
    }

    #[test]
    fn sums_keep_ranges_and_unknowns() {
        let exact = Value::Exact(10);
        let range = Value::Range { low: 1, high: 5 };
        assert_eq!(exact.plus(exact), Value::Exact(20));
        assert_eq!(exact.plus(range), Value::Range { low: 11, high: 15 });
        assert_eq!(range.plus(Value::Unknown), Value::Unknown);
        assert_eq!(Value::Exact(u64::MAX).plus(exact), Value::Exact(u64::MAX));
    }

    #[test]
    fn unknown_is_not_zero() {
        let figure = Figure::Unknown { note: None };
        assert_eq!(figure.value(), Value::Unknown);
        assert_eq!(figure.value().low(), None);
    }
}
