//! Seminar mode's places, for hinode staff on a projector: its start, a sample persona's result,
//! a side-by-side comparison, or the staff check of a published copy. Their fragments (`#seminar`,
//! `#seminar/N`, `#seminar/compare/K`, 1-based, and `#seminar/check`) are stable: staff bookmark
//! them.

use crate::rules::personas::{comparisons, personas};

/// Where the seminar is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SeminarView {
    /// The seminar's start page.
    Home,
    /// A persona's result (0-based index).
    Persona(usize),
    /// A comparison (0-based index).
    Compare(usize),
    /// The staff check: the rules' worked examples recomputed in this browser.
    Check,
}

impl SeminarView {
    /// Reads a fragment (with or without `#`); `None` when it is not a seminar fragment or names a
    /// persona or comparison that does not exist.
    pub fn parse(hash: &str) -> Option<SeminarView> {
        let rest = hash
            .strip_prefix('#')
            .unwrap_or(hash)
            .strip_prefix("seminar")?;
        let rest = rest.trim_end_matches('/');
        if rest.is_empty() {
            return Some(SeminarView::Home);
        }
        let rest = rest.strip_prefix('/')?;
        let index = |s: &str, len: usize| {
            s.parse::<usize>()
                .ok()
                .filter(|n| (1..=len).contains(n))
                .map(|n| n - 1)
        };
        if rest == "check" {
            return Some(SeminarView::Check);
        }
        match rest.strip_prefix("compare") {
            Some("") => Some(SeminarView::Compare(0)),
            Some(k) => index(k.strip_prefix('/')?, comparisons().len()).map(SeminarView::Compare),
            None => index(rest, personas().len()).map(SeminarView::Persona),
        }
    }

    /// The fragment for this view, with `#`.
    pub fn hash(self) -> String {
        match self {
            SeminarView::Home => "#seminar".into(),
            SeminarView::Persona(i) => format!("#seminar/{}", i + 1),
            SeminarView::Compare(k) => format!("#seminar/compare/{}", k + 1),
            SeminarView::Check => "#seminar/check".into(),
        }
    }

    /// The view a shortcut key leads to from this one, if the key is a shortcut: `←` `→` (or
    /// `P` `N`) the previous or next persona, `1`–`6` a persona, `C` a comparison (again: the next
    /// one), `R` or `Esc` the seminar's start.
    pub fn after_key(self, key: &str) -> Option<SeminarView> {
        let n = personas().len();
        let current = match self {
            SeminarView::Persona(i) => Some(i),
            _ => None,
        };
        Some(match key {
            "ArrowRight" | "n" | "N" => SeminarView::Persona(current.map_or(0, |i| (i + 1) % n)),
            "ArrowLeft" | "p" | "P" => {
                SeminarView::Persona(current.map_or(n - 1, |i| (i + n - 1) % n))
            }
            "c" | "C" => match self {
                SeminarView::Compare(k) => SeminarView::Compare((k + 1) % comparisons().len()),
                _ => SeminarView::Compare(0),
            },
            "Escape" | "r" | "R" => SeminarView::Home,
            digit => {
                let d = digit
                    .parse::<usize>()
                    .ok()
                    .filter(|d| (1..=n).contains(d))?;
                SeminarView::Persona(d - 1)
            }
        })
    }
}
