//! The subsidy per fiscal year: fees grouped by the fiscal year of their payment date (assumption
//! `fees_by_payment_date`), subsidy = min(fees, cap), with a readable trace of every step.
//!
//! Given the date from which a person's fees count (`timing::EligibleFrom`), payments before it are
//! left out and listed with their reason (`counting`).

use crate::rules::counting::{Counting, NotCounted};
use crate::rules::data::{format_date_slash, Rules, RulesStamp};
use crate::rules::fees::{self, effective_rate_bp, format_rate_bp, Contract, FeeError, PaymentFee};
use crate::rules::money::{self, MoneyError};
use crate::rules::timing::EligibleFrom;
use crate::rules::{format_yen, Text, Yen};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

// Moved to modules of their own (so `data` need not import `subsidy`); kept here as re-exports.
pub use crate::rules::calendar::{
    fiscal_year_end, fiscal_year_name, fiscal_year_of, fiscal_year_start, YearMonth,
};
pub use crate::rules::housing::{ByHousing, Housing};

/// Fees actually paid in one month (the "actual fees" mode).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthFees {
    /// The month.
    pub month: YearMonth,
    /// System fees paid that month, tax included.
    pub fees: Yen,
}

/// How a fiscal year relates to the program's reported period (2018-10 to 2020-09).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportedPeriod {
    /// The whole year is within the reported period.
    Inside,
    /// Part of the year is.
    Partly,
    /// None of it is.
    Outside,
}

/// The subsidy of one fiscal year for one housing type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiscalYearResult {
    /// Rules used.
    pub stamp: RulesStamp,
    /// The fiscal year (named by the year it starts).
    pub fiscal_year: i32,
    /// Its name.
    pub name: Text,
    /// April 1.
    #[serde(with = "crate::rules::iso_date")]
    pub start: NaiveDate,
    /// March 31.
    #[serde(with = "crate::rules::iso_date")]
    pub end: NaiveDate,
    /// Housing type, which sets the cap.
    pub housing: Housing,
    /// Earnings counted (sum of payments). `None` in the actual-fees mode.
    pub earnings: Option<Yen>,
    /// System fees with tax counted in the year.
    pub fees: Yen,
    /// The cap for the housing type.
    pub cap: Yen,
    /// min(fees, cap).
    pub subsidy: Yen,
    /// fees − subsidy: what the worker still bears.
    pub uncovered: Yen,
    /// fees / earnings, in basis points.
    pub fee_rate_bp: Option<u32>,
    /// (fees − subsidy) / earnings, in basis points.
    pub fee_rate_after_subsidy_bp: Option<u32>,
    /// The payments counted (detailed and quick modes).
    pub payments: Vec<PaymentFee>,
    /// The months counted (actual-fees mode).
    pub months: Vec<MonthFees>,
    /// Payments and months left out, each with its reason and the fiscal year it belongs to:
    /// outside this fiscal year or the program's dates, or before the person qualifies.
    pub not_counted: Vec<NotCounted>,
    /// The year against the reported period.
    pub reported_period: ReportedPeriod,
    /// When not `Inside`: the assumption the figures rest on (`program_continues`).
    pub period_assumption: Option<String>,
    /// Wording of that assumption.
    pub period_note: Option<Text>,
    /// Every step, readable, in both languages.
    pub trace: Vec<Text>,
}

/// Results per fiscal year, in year order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubsidyReport {
    /// Rules used.
    pub stamp: RulesStamp,
    /// One entry per fiscal year with payments.
    pub years: Vec<FiscalYearResult>,
}

/// The subsidy could not be computed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubsidyError {
    /// A fee could not be computed.
    Fee(FeeError),
    /// Amounts too large.
    Overflow,
    /// The fiscal year is out of the calendar's range.
    BadYear(i32),
    /// A month given for a fiscal year is not in it.
    MonthOutsideYear {
        /// The month.
        month: YearMonth,
        /// The fiscal year.
        fiscal_year: i32,
    },
}

impl SubsidyError {
    /// Message in both languages.
    pub fn text(&self) -> Text {
        match self {
            SubsidyError::Fee(e) => e.text(),
            SubsidyError::Overflow => Text::new(
                MoneyError::Overflow.message(crate::rules::Lang::Ja),
                MoneyError::Overflow.message(crate::rules::Lang::En),
            ),
            SubsidyError::BadYear(y) => Text::new(
                format!("年度 {y} は計算できません。"),
                format!("Fiscal year {y} cannot be calculated."),
            ),
            SubsidyError::MonthOutsideYear { month, fiscal_year } => Text::new(
                format!(
                    "{}年{}月は{fiscal_year}年度({fiscal_year}年4月〜{}年3月)に含まれません。",
                    month.year,
                    month.month,
                    *fiscal_year as i64 + 1
                ),
                format!(
                    "{month} is not in FY{fiscal_year} (April {fiscal_year} – March {}).",
                    *fiscal_year as i64 + 1
                ),
            ),
        }
    }
}

impl From<FeeError> for SubsidyError {
    fn from(e: FeeError) -> Self {
        match e {
            FeeError::Overflow => SubsidyError::Overflow,
            e => SubsidyError::Fee(e),
        }
    }
}

impl From<MoneyError> for SubsidyError {
    fn from(_: MoneyError) -> Self {
        SubsidyError::Overflow
    }
}

impl fmt::Display for SubsidyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for SubsidyError {}

fn housing_label(rules: &Rules, housing: Housing) -> Text {
    rules.cap_entry(housing).map_or_else(
        || Text::new(housing.code(), housing.code()),
        |c| c.label.clone(),
    )
}

fn reported_period(rules: &Rules, start: NaiveDate, end: NaiveDate) -> ReportedPeriod {
    let (ps, pe) = (rules.program.start, rules.program.reported_end);
    if start >= ps && end <= pe {
        ReportedPeriod::Inside
    } else if end < ps || start > pe {
        ReportedPeriod::Outside
    } else {
        ReportedPeriod::Partly
    }
}

/// Whether the program runs on `date`: from its start, and up to its end when one is known.
fn program_runs_on(rules: &Rules, date: NaiveDate) -> bool {
    date >= rules.program.start && rules.program.end.is_none_or(|e| date <= e)
}

/// The common part of a year's result: header, totals, cap, period note.
struct YearFrame {
    fy: i32,
    start: NaiveDate,
    end: NaiveDate,
    housing: Housing,
    cap: Yen,
    trace: Vec<Text>,
}

impl YearFrame {
    fn new(rules: &Rules, fy: i32, housing: Housing) -> Result<Self, SubsidyError> {
        let start = fiscal_year_start(fy).ok_or(SubsidyError::BadYear(fy))?;
        let end = fiscal_year_end(fy).ok_or(SubsidyError::BadYear(fy))?;
        let cap = rules.cap(housing);
        let name = fiscal_year_name(fy);
        let hl = housing_label(rules, housing);
        let trace = vec![Text::new(
            format!(
                "{}({}〜{})、{}: 上限 {}",
                name.ja,
                format_date_slash(start),
                format_date_slash(end),
                hl.ja,
                format_yen(cap)
            ),
            format!(
                "{} ({} – {}), {}: cap {}",
                name.en,
                format_date_slash(start),
                format_date_slash(end),
                hl.en,
                format_yen(cap)
            ),
        )];
        Ok(YearFrame {
            fy,
            start,
            end,
            housing,
            cap,
            trace,
        })
    }

    fn finish(
        mut self,
        rules: &Rules,
        earnings: Option<Yen>,
        fees: Yen,
        payments: Vec<PaymentFee>,
        months: Vec<MonthFees>,
        not_counted: Vec<NotCounted>,
    ) -> FiscalYearResult {
        let subsidy = fees.min(self.cap);
        let uncovered = fees - subsidy;
        self.trace.push(Text::new(
            format!(
                "手数料合計 {}、上限 {} → 助成額 {}",
                format_yen(fees),
                format_yen(self.cap),
                format_yen(subsidy)
            ),
            format!(
                "Total fees {}, cap {} → subsidy {}",
                format_yen(fees),
                format_yen(self.cap),
                format_yen(subsidy)
            ),
        ));
        self.trace.push(Text::new(
            format!("自己負担(助成の対象外の残り) {}", format_yen(uncovered)),
            format!(
                "Left to pay yourself (over the cap) {}",
                format_yen(uncovered)
            ),
        ));
        let fee_rate_bp = earnings.map(|e| effective_rate_bp(fees, e));
        let after_bp = earnings.map(|e| effective_rate_bp(uncovered, e));
        if let (Some(e), Some(before), Some(after)) = (earnings, fee_rate_bp, after_bp) {
            if e > 0 {
                self.trace.push(Text::new(
                    format!(
                        "収入 {} に対する手数料率 {} → 助成後 {}",
                        format_yen(e),
                        format_rate_bp(before),
                        format_rate_bp(after)
                    ),
                    format!(
                        "Fee rate on earnings of {}: {} → {} after the subsidy",
                        format_yen(e),
                        format_rate_bp(before),
                        format_rate_bp(after)
                    ),
                ));
            }
        }
        let period = reported_period(rules, self.start, self.end);
        let (period_assumption, period_note) = if period == ReportedPeriod::Inside {
            (None, None)
        } else {
            let id = "program_continues";
            let note = rules.assumption(id).map(|a| a.wording.clone());
            if let Some(n) = &note {
                self.trace.push(n.clone());
            }
            (Some(id.to_string()), note)
        };
        FiscalYearResult {
            stamp: rules.stamp().clone(),
            fiscal_year: self.fy,
            name: fiscal_year_name(self.fy),
            start: self.start,
            end: self.end,
            housing: self.housing,
            earnings,
            fees,
            cap: self.cap,
            subsidy,
            uncovered,
            fee_rate_bp,
            fee_rate_after_subsidy_bp: after_bp,
            payments,
            months,
            not_counted,
            reported_period: period,
            period_assumption,
            period_note,
            trace: self.trace,
        }
    }
}

/// The result of fiscal year `fy` from payment fees already computed. Payments that do not count
/// (outside the year or the program's dates, or — with `eligible` — before the person qualifies) are
/// listed in `not_counted` with their reason and a trace line.
pub fn year_from_payments(
    rules: &Rules,
    fy: i32,
    housing: Housing,
    payments: &[PaymentFee],
    eligible: Option<&EligibleFrom>,
) -> Result<FiscalYearResult, SubsidyError> {
    let mut frame = YearFrame::new(rules, fy, housing)?;
    let counting = Counting::new(rules, fy, eligible);
    if let Some(note) = counting.whole_year_note() {
        frame.trace.push(note);
    }
    let mut counted = Vec::new();
    let mut not_counted = Vec::new();
    let (mut earnings, mut fees) = (0, 0);
    for p in payments {
        match counting.reason(p.date) {
            None => {
                frame.trace.push(p.trace());
                earnings = money::add(earnings, p.amount)?;
                fees = money::add(fees, p.fee_with_tax)?;
                counted.push(p.clone());
            }
            Some(reason) => {
                let n = counting.payment(p.clone(), reason);
                frame.trace.push(n.text.clone());
                not_counted.push(n);
            }
        }
    }
    Ok(frame.finish(
        rules,
        Some(earnings),
        fees,
        counted,
        Vec::new(),
        not_counted,
    ))
}

/// All payment fees of a set of contracts, in date order (stable: contract order within a day).
pub fn all_payment_fees(
    rules: &Rules,
    contracts: &[Contract],
) -> Result<Vec<PaymentFee>, SubsidyError> {
    let mut all = Vec::new();
    for cf in fees::fees_for(rules, contracts)? {
        all.extend(cf.payments);
    }
    all.sort_by_key(|p| p.date);
    Ok(all)
}

/// The subsidy of one fiscal year for a set of contracts; payments of other years are listed as
/// not counted.
pub fn subsidy_for_year(
    rules: &Rules,
    contracts: &[Contract],
    fy: i32,
    housing: Housing,
) -> Result<FiscalYearResult, SubsidyError> {
    // Fees need the whole contract (earlier milestones set the tier), so compute them all first.
    let all = all_payment_fees(rules, contracts)?;
    year_from_payments(rules, fy, housing, &all, None)
}

/// The subsidy of every fiscal year that has payments.
pub fn subsidy_by_year(
    rules: &Rules,
    contracts: &[Contract],
    housing: Housing,
) -> Result<SubsidyReport, SubsidyError> {
    let all = all_payment_fees(rules, contracts)?;
    let mut by_year: BTreeMap<i32, Vec<PaymentFee>> = BTreeMap::new();
    for p in all {
        by_year.entry(fiscal_year_of(p.date)).or_default().push(p);
    }
    let years = by_year
        .iter()
        .map(|(fy, ps)| year_from_payments(rules, *fy, housing, ps, None))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(SubsidyReport {
        stamp: rules.stamp().clone(),
        years,
    })
}

/// The figures of one fiscal year without payments or trace (for charts and bulk checks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearTotals {
    /// The fiscal year.
    pub fiscal_year: i32,
    /// Earnings counted.
    pub earnings: Yen,
    /// Fees with tax counted.
    pub fees: Yen,
    /// The cap.
    pub cap: Yen,
    /// min(fees, cap).
    pub subsidy: Yen,
    /// fees − subsidy.
    pub uncovered: Yen,
}

/// Per-year totals, in year order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotalsReport {
    /// Rules used.
    pub stamp: RulesStamp,
    /// One entry per fiscal year with counted payments.
    pub years: Vec<YearTotals>,
}

/// The same figures as [`subsidy_by_year`] without building the trace: formatting thousands of
/// bilingual trace lines costs far more than the arithmetic, and a chart does not show them.
pub fn totals_by_year(
    rules: &Rules,
    contracts: &[Contract],
    housing: Housing,
) -> Result<TotalsReport, SubsidyError> {
    let cap = rules.cap(housing);
    let mut by_year: BTreeMap<i32, (Yen, Yen)> = BTreeMap::new();
    for (i, c) in contracts.iter().enumerate() {
        for p in fees::contract_fees(rules, i, c)?.payments {
            if !program_runs_on(rules, p.date) {
                continue;
            }
            let e = by_year.entry(fiscal_year_of(p.date)).or_default();
            e.0 = money::add(e.0, p.amount)?;
            e.1 = money::add(e.1, p.fee_with_tax)?;
        }
    }
    let years = by_year
        .into_iter()
        .map(|(fy, (earnings, fees))| {
            let subsidy = fees.min(cap);
            YearTotals {
                fiscal_year: fy,
                earnings,
                fees,
                cap,
                subsidy,
                uncovered: fees - subsidy,
            }
        })
        .collect();
    Ok(TotalsReport {
        stamp: rules.stamp().clone(),
        years,
    })
}

/// The fees of year `fy` counted from the months the user actually paid them, without a trace:
/// the same total, and the same errors, as [`subsidy_for_fees`] (a month of another fiscal year,
/// in month order, or a sum too large).
pub fn counted_month_fees(
    rules: &Rules,
    fy: i32,
    months: &[MonthFees],
    eligible: Option<&EligibleFrom>,
) -> Result<Yen, SubsidyError> {
    fiscal_year_start(fy)
        .and(fiscal_year_end(fy))
        .ok_or(SubsidyError::BadYear(fy))?;
    let counting = Counting::new(rules, fy, eligible);
    let mut sorted = months.to_vec();
    sorted.sort_by_key(|m| m.month);
    let mut fees = 0;
    for m in sorted {
        if m.month.fiscal_year() != fy {
            return Err(SubsidyError::MonthOutsideYear {
                month: m.month,
                fiscal_year: fy,
            });
        }
        if counting.month_reason(m.month).is_none() {
            fees = money::add(fees, m.fees)?;
        }
    }
    Ok(fees)
}

/// The subsidy of one fiscal year from the fees the user actually paid, month by month. With
/// `eligible`, months wholly before the day fees count are listed as not counted; the month that holds
/// that day counts in full (fees are given by month), which the trace says.
pub fn subsidy_for_fees(
    rules: &Rules,
    fy: i32,
    months: &[MonthFees],
    housing: Housing,
    eligible: Option<&EligibleFrom>,
) -> Result<FiscalYearResult, SubsidyError> {
    let mut frame = YearFrame::new(rules, fy, housing)?;
    // The total (and every error: after this, each month is in the year).
    let fees = counted_month_fees(rules, fy, months, eligible)?;
    let counting = Counting::new(rules, fy, eligible);
    if let Some(note) = counting.whole_year_note() {
        frame.trace.push(note);
    }
    let mut sorted = months.to_vec();
    sorted.sort_by_key(|m| m.month);
    let mut counted = Vec::new();
    let mut not_counted = Vec::new();
    for m in sorted {
        if let Some(reason) = counting.month_reason(m.month) {
            let n = counting.month(m, reason);
            frame.trace.push(n.text.clone());
            not_counted.push(n);
            continue;
        }
        if let Some(note) = counting.partial_month_note(m.month) {
            frame.trace.push(note);
        }
        frame.trace.push(Text::new(
            format!(
                "{}年{}月 手数料 {}",
                m.month.year,
                m.month.month,
                format_yen(m.fees)
            ),
            format!("{} fees {}", m.month, format_yen(m.fees)),
        ));
        counted.push(m);
    }
    Ok(frame.finish(rules, None, fees, Vec::new(), counted, not_counted))
}

/// The same computation for both housing types (housing not decided yet).
pub fn for_both_housings<T, E>(
    mut f: impl FnMut(Housing) -> Result<T, E>,
) -> Result<ByHousing<T>, E> {
    Ok(ByHousing {
        shared: f(Housing::Shared)?,
        individual: f(Housing::Individual)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::data::rules;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn fiscal_year_boundaries() {
        assert_eq!(fiscal_year_of(d(2020, 3, 31)), 2019);
        assert_eq!(fiscal_year_of(d(2020, 4, 1)), 2020);
        assert_eq!(fiscal_year_start(2019), Some(d(2019, 4, 1)));
        assert_eq!(fiscal_year_end(2019), Some(d(2020, 3, 31)));
        assert_eq!(fiscal_year_end(i32::MAX), None);
    }

    #[test]
    fn year_month_parsing() {
        assert_eq!(YearMonth::parse("2026-04"), YearMonth::new(2026, 4));
        assert_eq!(YearMonth::parse("2026-13"), None);
        assert_eq!(YearMonth::parse("2026/04"), None);
        assert_eq!(YearMonth::parse("-1-04"), None);
        assert_eq!(YearMonth::new(2026, 3).unwrap().fiscal_year(), 2025);
        assert_eq!(
            YearMonth::new(2026, 11).unwrap().plus_months(3),
            YearMonth::new(2027, 2).unwrap()
        );
    }

    #[test]
    fn reported_period_of_years() {
        let r = rules();
        let p = |fy| {
            reported_period(
                r,
                fiscal_year_start(fy).unwrap(),
                fiscal_year_end(fy).unwrap(),
            )
        };
        assert_eq!(p(2017), ReportedPeriod::Outside);
        assert_eq!(p(2018), ReportedPeriod::Partly);
        assert_eq!(p(2019), ReportedPeriod::Inside);
        assert_eq!(p(2020), ReportedPeriod::Partly);
        assert_eq!(p(2026), ReportedPeriod::Outside);
    }

    #[test]
    fn actual_fees_mode_caps_and_rejects_other_years() {
        let r = rules();
        let months = [
            MonthFees {
                month: YearMonth::new(2026, 4).unwrap(),
                fees: 20_000,
            },
            MonthFees {
                month: YearMonth::new(2027, 3).unwrap(),
                fees: 15_000,
            },
        ];
        let y = subsidy_for_fees(r, 2026, &months, Housing::Shared, None).unwrap();
        assert_eq!((y.fees, y.subsidy, y.uncovered), (35_000, 30_000, 5_000));
        assert_eq!(y.period_assumption.as_deref(), Some("program_continues"));
        let y = subsidy_for_fees(r, 2026, &months, Housing::Individual, None).unwrap();
        assert_eq!((y.subsidy, y.uncovered), (35_000, 0));
        assert!(matches!(
            subsidy_for_fees(r, 2025, &months, Housing::Shared, None),
            Err(SubsidyError::MonthOutsideYear { .. })
        ));
    }

    #[test]
    fn actual_fees_outside_the_program_are_listed_not_counted() {
        use crate::rules::counting::{NotCountedItem, NotCountedReason};
        // With an end date set mid-September 2020: September still has program days and counts
        // whole; October has none.
        let mut r = rules().clone();
        r.program.end = Some(d(2020, 9, 15));
        let m = |month, fees| MonthFees {
            month: YearMonth::new(2020, month).unwrap(),
            fees,
        };
        let y = subsidy_for_fees(
            &r,
            2020,
            &[m(10, 7_000), m(9, 5_000)],
            Housing::Shared,
            None,
        )
        .unwrap();
        assert_eq!((y.fees, y.subsidy), (5_000, 5_000));
        assert_eq!(y.months, vec![m(9, 5_000)]);
        assert_eq!(y.not_counted.len(), 1);
        let x = &y.not_counted[0];
        assert_eq!(x.item, NotCountedItem::Month(m(10, 7_000)));
        assert_eq!(x.reason, NotCountedReason::AfterProgram);
        // Before the start (2018-10-01): September 2018 is left out, October counts, even with no
        // eligibility dates given.
        let m18 = |month, fees| MonthFees {
            month: YearMonth::new(2018, month).unwrap(),
            fees,
        };
        let y = subsidy_for_fees(
            rules(),
            2018,
            &[m18(9, 1), m18(10, 2)],
            Housing::Shared,
            None,
        )
        .unwrap();
        assert_eq!(y.fees, 2);
        assert_eq!(y.not_counted[0].reason, NotCountedReason::BeforeProgram);
    }
}
