//! The figures of an [`Outcome`] without its trace and wording: what `isumi-rules --summary`
//! prints, one line of JSON a staff member can read at a glance or compare across files.

use crate::rules::data::RulesStamp;
use crate::rules::eligibility::Verdict;
use crate::rules::scenario::Outcome;
use crate::rules::span::Span;
use crate::rules::timing::YearStatus;
use crate::rules::Yen;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A low–high pair of yen (equal when the figure is not a range).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YenRange {
    /// Low end.
    pub low: Yen,
    /// High end.
    pub high: Yen,
}

impl From<Span<Yen>> for YenRange {
    fn from(s: Span<Yen>) -> Self {
        YenRange {
            low: s.low,
            high: s.high,
        }
    }
}

/// The year against the date from which fees count: what the full output's `timing` says, without
/// its wording.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimingSummary {
    /// The chosen year's status (`before_eligible`, `partly_eligible`, `eligible`,
    /// `after_program`).
    pub year_status: YearStatus,
    /// The first fiscal year in which fees count (`None` when the program ends before).
    pub first_fiscal_year: Option<i32>,
    /// The first day whose fees count.
    #[serde(with = "crate::rules::iso_date")]
    pub counts_from: NaiveDate,
}

/// One fiscal year of the outlook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlookYearSummary {
    /// The fiscal year.
    pub fiscal_year: i32,
    /// The subsidy for the part of it inside the three years.
    pub subsidy: YenRange,
}

/// The subsidy over the next three years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlookSummary {
    /// First day of the three years.
    #[serde(with = "crate::rules::iso_date")]
    pub start: NaiveDate,
    /// Last day.
    #[serde(with = "crate::rules::iso_date")]
    pub end: NaiveDate,
    /// The three years' subsidy.
    pub total: YenRange,
    /// Each fiscal year the three years touch, in order.
    pub years: Vec<OutlookYearSummary>,
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
    /// How many payments (detailed, quick) or months (actual fees) were given but do not count
    /// in the year, in the low case, for any reason the full output lists under `not_counted`:
    /// paid in another fiscal year, before the program started or after its end, before moving in
    /// to Isumi, or before joining hinode.
    pub excluded: usize,
    /// The year's timing: its status, the first fiscal year that can be claimed, and the first day
    /// whose fees count.
    pub timing: TimingSummary,
    /// The subsidy over the next three years, as in the full output's `outlook` (`None` when no
    /// fees were given, or for someone not eligible).
    pub outlook: Option<OutlookSummary>,
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
        timing: TimingSummary {
            year_status: o.timing.year_status,
            first_fiscal_year: o.timing.first_fiscal_year,
            counts_from: o.timing.counts_from,
        },
        outlook: o.outlook.as_ref().map(|ol| OutlookSummary {
            start: ol.start,
            end: ol.end,
            total: ol.total.into(),
            years: ol
                .years
                .iter()
                .map(|y| OutlookYearSummary {
                    fiscal_year: y.fiscal_year,
                    subsidy: y.subsidy.into(),
                })
                .collect(),
        }),
        rules: o.stamp.clone(),
    }
}
