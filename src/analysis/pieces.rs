//! A year's money as pieces that add up to its total, each krona once.
//!
//! Every view that splits money (by recipient, by purpose, item by item in the
//! bridge) takes its pieces from here, so that one rule holds everywhere:
//! - a part with no parts of its own is a piece;
//! - what a parent's parts leave of it is a piece too, kept with the parent's
//!   recipient and purpose: the sources say who gets it, only not what for
//!   (2018: 64 of the regions' 884 MSEK);
//! - what the top-level parts leave of the total is the money whose recipient
//!   the sources do not give ("not broken down in the sources");
//! - "of which" figures are never pieces, and of a parent split two ways
//!   (2012's 350 MSEK by recipient and by purpose) only one split is used.

use crate::model::{Agreement, Allocation, Alternative, SplitBy, Value};

/// One piece of a year's money.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The part itself, or (with `rest`) the parent whose remainder this is.
    pub allocation: &'a Allocation,
    /// Whether this is what the parent's parts leave of it.
    pub rest: bool,
    /// Whole kronor.
    pub kronor: u64,
    /// The split the pieces were taken in (a remainder is of that split's parts).
    pub split: SplitBy,
    /// The side of a disputed total they were taken under.
    pub side: Option<&'a Alternative>,
}

impl<'a> Piece<'a> {
    /// For a remainder: the parts of its parent it is what is left of.
    pub fn parts_of_parent(&self, agreement: &'a Agreement) -> Vec<&'a Allocation> {
        agreement.parts(Some(self.allocation.id.as_str()), self.split, self.side)
    }

    /// A key that is stable across years: the allocation's id, with
    /// `:not-broken-down` for a remainder (ids never hold a colon).
    pub fn key(&self) -> String {
        if self.rest {
            format!("{}:not-broken-down", self.allocation.id)
        } else {
            self.allocation.id.clone()
        }
    }
}

/// A year's pieces under one side of its total.
#[derive(Clone, Debug, PartialEq)]
pub struct Pieces<'a> {
    /// Pieces with an exact amount, in tree order.
    pub pieces: Vec<Piece<'a>>,
    /// Parts without an exact amount (their money stays in `rest`).
    pub inexact: Vec<&'a Allocation>,
    /// The total on this side.
    pub total: Value,
    /// The total less every piece: money whose recipient the sources do not
    /// give. `Unknown` when the total is, or when the pieces exceed it.
    pub rest: Value,
}

/// The pieces of `agreement` under `side` (see [`Agreement::sides`]), taking the split
/// `prefer` where a parent is split two ways.
pub fn pieces<'a>(
    agreement: &'a Agreement,
    prefer: SplitBy,
    side: Option<&'a Alternative>,
) -> Pieces<'a> {
    let total = match side {
        Some(alternative) => Value::Exact(alternative.kronor),
        None => agreement.total.value(),
    };
    let mut out = Pieces {
        pieces: Vec::new(),
        inexact: Vec::new(),
        total,
        rest: Value::Unknown,
    };
    let top = agreement.parts(None, prefer, side);
    let placed = walk(agreement, top, prefer, side, 0, &mut out);
    out.rest = match total {
        Value::Exact(kronor) if placed <= kronor => Value::Exact(kronor - placed),
        Value::Range { low, high } if placed <= low => Value::Range {
            low: low - placed,
            high: high - placed,
        },
        _ => Value::Unknown,
    };
    out
}

/// Places the pieces of `parts` (and of their own parts); returns their sum.
fn walk<'a>(
    agreement: &'a Agreement,
    parts: Vec<&'a Allocation>,
    split: SplitBy,
    side: Option<&'a Alternative>,
    depth: usize,
    out: &mut Pieces<'a>,
) -> u64 {
    // Validation refuses cycles; the depth bound is a second guard.
    if depth > 64 {
        return 0;
    }
    let piece = |allocation, rest, kronor| Piece {
        allocation,
        rest,
        kronor,
        split,
        side,
    };
    let mut placed: u64 = 0;
    for part in parts {
        let amount = part.amount.value().exact();
        let inner_parts = agreement.parts(Some(part.id.as_str()), split, side);
        if inner_parts.is_empty() {
            match amount {
                Some(kronor) => {
                    out.pieces.push(piece(part, false, kronor));
                    placed = placed.saturating_add(kronor);
                }
                None => out.inexact.push(part),
            }
            continue;
        }
        let inner = walk(agreement, inner_parts, split, side, depth + 1, out);
        placed = placed.saturating_add(inner);
        // Parts above their parent are a finding (model::check_sums); the
        // parts are counted as they are and no remainder is made up.
        if let Some(kronor) = amount.filter(|kronor| *kronor > inner) {
            out.pieces.push(piece(part, true, kronor - inner));
            placed = placed.saturating_add(kronor - inner);
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::bundled;

    const M: u64 = 1_000_000;

    fn year(year: u16) -> Agreement {
        bundled().into_iter().find(|a| a.year == year).unwrap()
    }

    fn rests(pieces: &Pieces) -> Vec<(String, u64)> {
        pieces
            .pieces
            .iter()
            .filter(|piece| piece.rest)
            .map(|piece| (piece.allocation.id.clone(), piece.kronor / M))
            .collect()
    }

    #[test]
    fn a_parents_remainder_stays_with_the_parent() {
        let a = year(2018);
        let p = pieces(&a, SplitBy::Recipient, None);
        assert_eq!(rests(&p), [("regions".to_string(), 64)]);
        assert_eq!(p.rest, Value::Exact(0));
        let sum: u64 = p.pieces.iter().map(|piece| piece.kronor).sum();
        assert_eq!(sum, 1_414 * M);
    }

    #[test]
    fn the_two_sides_of_2019_have_their_own_gaps() {
        let a = year(2019);
        let [skr, esv] = a.sides()[..] else { panic!() };
        let under_skr = pieces(&a, SplitBy::Recipient, skr);
        assert_eq!(
            rests(&under_skr),
            [("municipalities-and-regions".to_string(), 24)]
        );
        assert_eq!(under_skr.rest, Value::Exact(0));
        assert!(under_skr
            .pieces
            .iter()
            .any(|p| p.allocation.id == "skr-support"));
        // SKR's 40 is derived from SKR's total; under ESV's 1 744 it is not a part.
        let under_esv = pieces(&a, SplitBy::Recipient, esv);
        assert!(!under_esv
            .pieces
            .iter()
            .any(|p| p.allocation.id == "skr-support"));
        assert_eq!(under_esv.rest, Value::Exact(10 * M));
    }

    #[test]
    fn of_which_figures_and_the_second_split_are_never_pieces() {
        let a = year(2024);
        let p = pieces(&a, SplitBy::Recipient, None);
        assert_eq!(
            p.pieces
                .iter()
                .map(|piece| piece.kronor / M)
                .collect::<Vec<_>>(),
            [1_527, 33]
        );
        let a = year(2012);
        for (prefer, ids) in [
            (
                SplitBy::Recipient,
                ["municipalities-stimulus", "regions-stimulus"],
            ),
            (
                SplitBy::Purpose,
                ["stimulus-children-young-people", "stimulus-extensive-needs"],
            ),
        ] {
            let p = pieces(&a, prefer, None);
            let found: Vec<&str> = p
                .pieces
                .iter()
                .map(|piece| piece.allocation.id.as_str())
                .collect();
            assert_eq!(found, ids);
            assert_eq!(p.rest, Value::Unknown, "2012's total is unknown");
        }
    }
}
