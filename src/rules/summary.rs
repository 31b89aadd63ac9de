//! The figures of an [`Outcome`] without its trace and wording: what `isumi-rules --summary`
//! prints, one line of JSON a staff member can read at a glance or compare across files.

use crate::rules::data::RulesStamp;
use crate::rules::eligibility::Verdict;
use crate::rules::scenario::Outcome;
use crate::rules::Yen;
use serde::{Deserialize, Serialize};

/// A low–high pair of yen (equal when the figure is not a range).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YenRange {
    /// Low end.
    pub low: Yen,
    /// High end.
    pub high: Yen,
}

/// The figures of an outcome.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The eligibility verdict (`eligible`, `eligible_once_actions_done`, `not_eligible`,
    /// `needs_more_info`).
    pub verdict: Verdict,
    /// The fiscal year (named by the year it starts).
    pub fiscal_year: i32,
    /// Fees with tax counted in the year; `None` when the file gives no fees.
    pub fees: Option<YenRange>,
    /// The subsidy; `None` when the file gives no fees.
    pub subsidy: Option<YenRange>,
    /// Whether low and high differ in their inputs (housing undecided, an answer unknown).
    pub is_range: bool,
    /// Payments (detailed, quick) and months (actual fees) left out as outside the program's
    /// dates, in the low case.
    pub excluded: usize,
    /// The rules used: version, date checked, hash.
    pub rules: RulesStamp,
}

/// The summary of an outcome.
pub fn summarize(o: &Outcome) -> Summary {
    let range = |f: fn(&crate::rules::subsidy::FiscalYearResult) -> Yen| {
        o.subsidy.as_ref().map(|s| YenRange {
            low: f(&s.low),
            high: f(&s.high),
        })
    };
    Summary {
        verdict: o.assessment.verdict,
        fiscal_year: o.fiscal_year,
        fees: range(|y| y.fees),
        subsidy: range(|y| y.subsidy),
        is_range: o.subsidy.as_ref().is_some_and(|s| s.is_range),
        excluded: o.subsidy.as_ref().map_or(0, |s| s.low.not_counted.len()),
        rules: o.stamp.clone(),
    }
}
