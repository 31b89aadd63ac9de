//! A low–high span of one figure, and how spans are written: always low first, a single figure when
//! both ends are equal.
//!
//! A range shown to the user is a set of spans, one per figure, each computed from the inputs that
//! minimise and maximise *that* figure (see `estimate::RangeFigures`): taking "the low case" and
//! "the high case" for every figure pairs the wrong ends (the uncovered fees are highest with the
//! lower cap, not the higher one).

use crate::rules::fees::format_rate_bp;
use crate::rules::{format_yen, Lang, Yen};
use serde::{Deserialize, Serialize};

/// The lowest and highest value a figure can take. `low <= high` always holds for spans built with
/// [`Span::single`] or [`Span::of`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span<T> {
    /// The lowest value.
    pub low: T,
    /// The highest value.
    pub high: T,
}

impl<T: Ord + Copy> Span<T> {
    /// A span of one value.
    pub fn single(v: T) -> Self {
        Span { low: v, high: v }
    }

    /// The smallest span holding every value; `None` when there are none.
    pub fn of(values: impl IntoIterator<Item = T>) -> Option<Self> {
        values.into_iter().fold(None, |acc: Option<Span<T>>, v| {
            Some(match acc {
                None => Span::single(v),
                Some(s) => Span {
                    low: s.low.min(v),
                    high: s.high.max(v),
                },
            })
        })
    }

    /// Whether the two ends differ.
    pub fn is_range(&self) -> bool {
        self.low != self.high
    }
}

/// The separator between the ends: 〜 (spaced, as on the app's pages) in Japanese, an en dash in
/// English.
fn dash(lang: Lang) -> &'static str {
    lang.pick(" 〜 ", "–")
}

fn join(low: String, high: String, equal: bool, lang: Lang) -> String {
    if equal {
        low
    } else {
        format!("{low}{}{high}", dash(lang))
    }
}

/// A money span, low first: "¥82,000 〜 ¥762,000" (ja) / "¥82,000–¥762,000" (en), or "¥30,000" when
/// both ends are equal. The ends are put in order here too, so a span built by hand cannot print
/// high before low.
pub fn format_yen_range(span: Span<Yen>, lang: Lang) -> String {
    let (low, high) = (span.low.min(span.high), span.low.max(span.high));
    join(format_yen(low), format_yen(high), low == high, lang)
}

/// A rate span in basis points, low first: "13.67% 〜 21.17%" / "13.67%–21.17%", or one rate.
pub fn format_rate_range(span: Span<u32>, lang: Lang) -> String {
    let (low, high) = (span.low.min(span.high), span.low.max(span.high));
    join(format_rate_bp(low), format_rate_bp(high), low == high, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_low_first() {
        assert_eq!(Span::of([5, 1, 3]), Some(Span { low: 1, high: 5 }));
        assert_eq!(Span::<u32>::of([]), None);
        let s = Span {
            low: 82_000,
            high: 762_000,
        };
        assert_eq!(format_yen_range(s, Lang::Ja), "¥82,000 〜 ¥762,000");
        assert_eq!(format_yen_range(s, Lang::En), "¥82,000–¥762,000");
        assert_eq!(format_yen_range(Span::single(30_000), Lang::Ja), "¥30,000");
        // A reversed span built by hand still prints low first.
        let r = Span {
            low: 1950,
            high: 1783,
        };
        assert_eq!(format_rate_range(r, Lang::Ja), "17.83% 〜 19.5%");
        assert_eq!(format_rate_range(Span::single(2200), Lang::En), "22%");
    }
}
