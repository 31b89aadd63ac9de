//! Quick estimate from coarse answers: builds the contracts it assumes (shown to the user), and a
//! low–high range when an answer is "I don't know" (defaults from `rules.json`, worded as the
//! assumption `quick_estimate_defaults`, never as facts). Also the points of the subsidy chart.

use crate::rules::calendar::fiscal_year_months;
use crate::rules::counting::Counting;
use crate::rules::data::{Rules, RulesStamp};
use crate::rules::fees::{self, effective_rate_bp, Contract, ContractKind, Payment, PaymentFee};
use crate::rules::money::{self, MoneyError};
use crate::rules::span::Span;
use crate::rules::subsidy::{
    all_payment_fees, counted_month_fees, fiscal_year_end, fiscal_year_of, fiscal_year_start,
    subsidy_for_fees, year_from_payments, ByHousing, FiscalYearResult, Housing, MonthFees,
    SubsidyError, YearMonth,
};
use crate::rules::timing::EligibleFrom;
use crate::rules::{format_yen, Text, Yen};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Shares of the kinds of work, in percent (they must add up to 100). A kind left out of a file is 0%;
/// a mix left out entirely is all fixed-price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkMix {
    /// Fixed-price contracts, %.
    #[serde(default)]
    pub fixed: u32,
    /// Hourly contracts, %.
    #[serde(default)]
    pub hourly: u32,
    /// Tasks, %.
    #[serde(default)]
    pub task: u32,
}

impl Default for WorkMix {
    /// All fixed-price: the most common kind.
    fn default() -> Self {
        WorkMix {
            fixed: 100,
            hourly: 0,
            task: 0,
        }
    }
}

impl WorkMix {
    /// The kinds of work ticked on the quick page, as equal shares adding up to 100 (the first kind
    /// ticked takes the remainder, so three kinds are 34/33/33); `None` when none is ticked.
    pub fn equal(fixed: bool, hourly: bool, task: bool) -> Option<WorkMix> {
        let kinds = [fixed, hourly, task];
        let count = kinds.iter().filter(|k| **k).count() as u32;
        if count == 0 {
            return None;
        }
        let share = 100 / count;
        let mut shares = kinds.map(|k| if k { share } else { 0 });
        if let Some(first) = shares.iter_mut().find(|s| **s > 0) {
            *first += 100 - share * count;
        }
        Some(WorkMix {
            fixed: shares[0],
            hourly: shares[1],
            task: shares[2],
        })
    }

    /// Only one kind of work.
    pub fn only(kind: ContractKind) -> Self {
        let mut m = WorkMix {
            fixed: 0,
            hourly: 0,
            task: 0,
        };
        match kind {
            ContractKind::Fixed | ContractKind::Contest => m.fixed = 100,
            ContractKind::Hourly => m.hourly = 100,
            ContractKind::Task => m.task = 100,
        }
        m
    }

    /// Splits a month's earnings by the shares, rounding down; the yen left over goes to the first kind
    /// with a share, so the parts add up to the whole.
    fn split(self, amount: Yen) -> Result<[Yen; 3], MoneyError> {
        let shares = [self.fixed, self.hourly, self.task];
        let mut parts = [0; 3];
        for (p, s) in parts.iter_mut().zip(shares) {
            *p = money::mul_div_floor(amount, s as u64, 100)?;
        }
        let rest = amount - money::sum(parts)?;
        if let Some(i) = shares.iter().position(|&s| s > 0) {
            parts[i] += rest;
        }
        Ok(parts)
    }

    fn describe(self) -> Text {
        let mut ja = Vec::new();
        let mut en = Vec::new();
        for (share, kind) in [
            (self.fixed, ContractKind::Fixed),
            (self.hourly, ContractKind::Hourly),
            (self.task, ContractKind::Task),
        ] {
            if share > 0 {
                let n = kind.name();
                ja.push(format!("{} {share}%", n.ja));
                en.push(format!("{} {share}%", n.en));
            }
        }
        Text::new(ja.join("・"), en.join(", "))
    }
}

/// The coarse answers of the quick estimate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuickAnswers {
    /// Monthly earnings on CrowdWorks (tax included). `None`: I don't know.
    pub monthly_earnings: Option<Yen>,
    /// Typical contract size. `None`: I don't know.
    pub contract_size: Option<Yen>,
    /// Kinds of work.
    pub mix: WorkMix,
    /// First month of work in the year (moved in mid-year). No pro-rating of the cap: only the
    /// payments in the year count.
    pub first_month: Option<YearMonth>,
}

/// One set of assumed figures and the contracts built from them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EstimateCase {
    /// Monthly earnings used.
    pub monthly_earnings: Yen,
    /// Whether that figure is a default (the answer was "I don't know").
    pub earnings_assumed: bool,
    /// Contract size used.
    pub contract_size: Yen,
    /// Whether that figure is a default.
    pub size_assumed: bool,
    /// What was assumed, in words.
    pub description: Text,
    /// The contracts assumed.
    pub contracts: Vec<Contract>,
}

/// One combination of the figures a quick estimate tries: a "corner" of the ranges standing in for
/// "I don't know" answers (the low or the high default of each unknown answer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Corner {
    /// Monthly earnings used.
    pub monthly_earnings: Yen,
    /// Contract size used.
    pub contract_size: Yen,
    /// Fees with tax of the fiscal year's payments (before anything is left out for the dates
    /// the person qualifies).
    pub fees: Yen,
}

/// A quick estimate: the assumed contracts (low and high case) and the subsidy range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuickEstimate {
    /// Rules used.
    pub stamp: RulesStamp,
    /// The fiscal year.
    pub fiscal_year: i32,
    /// The case with the lowest fees.
    pub low: EstimateCase,
    /// The case with the highest fees (same as `low` when every answer is known).
    pub high: EstimateCase,
    /// Every combination tried (one when every answer is known), in the order built: each figure of
    /// the range is the lowest and highest over all of them, not only over `low` and `high` (the
    /// fee rate, for one, is lowest with large contracts, not with the lowest fees).
    #[serde(default)]
    pub corners: Vec<Corner>,
    /// Whether low and high differ because of "I don't know" answers.
    pub is_range: bool,
    /// Assumptions used (ids), e.g. `quick_estimate_defaults`, `no_prorating`.
    pub assumptions: Vec<String>,
}

/// A subsidy range for one fiscal year: low and high result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearRange {
    /// Rules used.
    pub stamp: RulesStamp,
    /// Lowest subsidy case (the lowest fees counted, with the lower cap): its subsidy is the
    /// lowest, but its other figures are not each figure's low end — use `figures` for those.
    pub low: FiscalYearResult,
    /// Highest subsidy case (the highest fees counted, with the higher cap).
    pub high: FiscalYearResult,
    /// Each figure's own low–high span.
    pub figures: RangeFigures,
    /// Whether low and high differ in their inputs (housing undecided or an estimate answer unknown).
    pub is_range: bool,
    /// Why it is a range.
    pub because: Vec<Text>,
}

/// The span of every figure of a range, each from the inputs that minimise and maximise *that*
/// figure. The uncovered fees, for example, are lowest with the lower fees and the higher cap, and
/// highest with the higher fees and the lower cap: not the ends of the subsidy range. The fee rate
/// is lowest where large contracts reach the lower tiers, whatever the fees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RangeFigures {
    /// Earnings counted (`None` in the actual-fees mode, which has no earnings).
    pub earnings: Option<Span<Yen>>,
    /// Fees with tax counted.
    pub fees: Span<Yen>,
    /// The subsidy.
    pub subsidy: Span<Yen>,
    /// Fees left to pay after the subsidy.
    pub uncovered: Span<Yen>,
    /// Fees / earnings, basis points (`None` without earnings).
    pub fee_rate_bp: Option<Span<u32>>,
    /// Uncovered fees / earnings, basis points (`None` without earnings).
    pub fee_rate_after_subsidy_bp: Option<Span<u32>>,
}

/// What one case of a range counts in the year, whatever the cap: its earnings (`None` in the
/// actual-fees mode) and its fees with tax.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CaseTotals {
    /// Earnings counted.
    pub earnings: Option<Yen>,
    /// Fees with tax counted.
    pub fees: Yen,
}

impl RangeFigures {
    /// The spans over every corner of a range: each case (its counted earnings and fees) with each
    /// cap that may apply. Every figure is the lowest and the highest it takes over those corners.
    /// With no case or no cap, every span is ¥0 (a fallback: callers always give one of each).
    pub fn over(cases: &[CaseTotals], caps: &[Yen]) -> RangeFigures {
        let mut corners = Vec::with_capacity(cases.len() * caps.len());
        for c in cases {
            for &cap in caps {
                let subsidy = c.fees.min(cap);
                corners.push((c.earnings, c.fees, subsidy, c.fees - subsidy));
            }
        }
        let span = |v: Vec<Yen>| Span::of(v).unwrap_or(Span::single(0));
        // Rates of cases without earnings say nothing: leave them out.
        let rated: Vec<(Yen, Yen, Yen)> = corners
            .iter()
            .filter_map(|&(e, f, _, u)| Some((e.filter(|e| *e > 0)?, f, u)))
            .collect();
        RangeFigures {
            earnings: Span::of(corners.iter().filter_map(|c| c.0)),
            fees: span(corners.iter().map(|c| c.1).collect()),
            subsidy: span(corners.iter().map(|c| c.2).collect()),
            uncovered: span(corners.iter().map(|c| c.3).collect()),
            fee_rate_bp: Span::of(rated.iter().map(|&(e, f, _)| effective_rate_bp(f, e))),
            fee_rate_after_subsidy_bp: Span::of(
                rated.iter().map(|&(e, _, u)| effective_rate_bp(u, e)),
            ),
        }
    }
}

/// The estimate could not be built.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EstimateError {
    /// The shares of the work mix do not add up to 100.
    MixNot100(u32),
    /// A contract size of 0.
    ZeroContractSize,
    /// Earnings / size would need too many contracts a month.
    TooManyContracts {
        /// Contracts needed a month.
        needed: u64,
        /// The limit.
        max: u32,
    },
    /// Too many chart steps.
    TooManySteps(u32),
    /// The subsidy could not be computed.
    Subsidy(SubsidyError),
}

impl EstimateError {
    /// Message in both languages.
    pub fn text(&self) -> Text {
        match self {
            EstimateError::MixNot100(s) => Text::new(
                format!("仕事の種類の割合の合計が100%になっていません({s}%)。"),
                format!("The shares of the kinds of work must add up to 100% (they add up to {s}%)."),
            ),
            EstimateError::ZeroContractSize => Text::new(
                "1件の契約金額は1円以上にしてください。",
                "The contract size must be at least ¥1.",
            ),
            EstimateError::TooManyContracts { needed, max } => Text::new(
                format!("月に{needed}件の契約が必要になり、計算できません(上限{max}件)。1件の契約金額を大きくしてください。"),
                format!("That would take {needed} contracts a month (limit {max}). Enter a larger contract size."),
            ),
            EstimateError::TooManySteps(n) => Text::new(
                format!("グラフの刻み数 {n} が多すぎます(最大1000)。"),
                format!("{n} chart steps is too many (at most 1000)."),
            ),
            EstimateError::Subsidy(e) => e.text(),
        }
    }
}

impl From<SubsidyError> for EstimateError {
    fn from(e: SubsidyError) -> Self {
        EstimateError::Subsidy(e)
    }
}

impl From<MoneyError> for EstimateError {
    fn from(_: MoneyError) -> Self {
        EstimateError::Subsidy(SubsidyError::Overflow)
    }
}

impl From<fees::FeeError> for EstimateError {
    fn from(e: fees::FeeError) -> Self {
        EstimateError::Subsidy(e.into())
    }
}

impl fmt::Display for EstimateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for EstimateError {}

/// The months of fiscal year `fy` worked, from `first_month` when it falls in the year.
fn months_worked(fy: i32, first_month: Option<YearMonth>) -> Vec<YearMonth> {
    fiscal_year_months(fy)
        .into_iter()
        .filter(|m| first_month.is_none_or(|f| *m >= f))
        .collect()
}

fn day(m: YearMonth, d: u32) -> Result<NaiveDate, EstimateError> {
    NaiveDate::from_ymd_opt(m.year, m.month, d)
        .ok_or(EstimateError::Subsidy(SubsidyError::BadYear(m.year)))
}

/// Builds the contracts assumed for the given earnings per month: each month `earnings / size`
/// fixed contracts of `size` (and one for the rest) paid on the pay day; hourly work as one contract
/// with one payment per pay week; tasks as one contract paid monthly.
pub fn build_contracts(
    rules: &Rules,
    months: &[(YearMonth, Yen)],
    size: Yen,
    mix: WorkMix,
) -> Result<Vec<Contract>, EstimateError> {
    // Summed in u64: shares come from files and may be anything up to u32::MAX.
    let total = mix.fixed as u64 + mix.hourly as u64 + mix.task as u64;
    if total != 100 {
        return Err(EstimateError::MixNot100(
            u32::try_from(total).unwrap_or(u32::MAX),
        ));
    }
    if size == 0 {
        return Err(EstimateError::ZeroContractSize);
    }
    let q = &rules.quick_estimate;
    let mut contracts = Vec::new();
    let mut hourly = Contract {
        label: "hourly".into(),
        kind: ContractKind::Hourly,
        payments: Vec::new(),
    };
    let mut task = Contract {
        label: "task".into(),
        kind: ContractKind::Task,
        payments: Vec::new(),
    };
    for &(m, earnings) in months {
        let [f, h, t] = mix.split(earnings)?;
        if f > 0 {
            let full = f / size;
            let rest = f % size;
            let needed = full + u64::from(rest > 0);
            if needed > q.max_contracts_per_month as u64 {
                return Err(EstimateError::TooManyContracts {
                    needed,
                    max: q.max_contracts_per_month,
                });
            }
            let date = day(m, q.pay_day)?;
            for i in 0..needed {
                let amount = if i < full { size } else { rest };
                contracts.push(Contract {
                    label: format!("{m} #{}", i + 1),
                    kind: ContractKind::Fixed,
                    payments: vec![Payment { date, amount }],
                });
            }
        }
        if h > 0 {
            let n = q.hourly_pay_days.len() as u64;
            let each = h / n;
            for (i, &d) in q.hourly_pay_days.iter().enumerate() {
                // The last week takes the yen left over by the division.
                let amount = if i as u64 == n - 1 {
                    h - each * (n - 1)
                } else {
                    each
                };
                hourly.payments.push(Payment {
                    date: day(m, d)?,
                    amount,
                });
            }
        }
        if t > 0 {
            task.payments.push(Payment {
                date: day(m, q.pay_day)?,
                amount: t,
            });
        }
    }
    if !hourly.payments.is_empty() {
        contracts.push(hourly);
    }
    if !task.payments.is_empty() {
        contracts.push(task);
    }
    Ok(contracts)
}

/// The contracts of one case of the quick estimate: `earnings` each month worked of year `fy`,
/// in contracts of `size`.
fn case_contracts(
    rules: &Rules,
    fy: i32,
    a: &QuickAnswers,
    earnings: Yen,
    size: Yen,
) -> Result<Vec<Contract>, EstimateError> {
    let months: Vec<(YearMonth, Yen)> = months_worked(fy, a.first_month)
        .into_iter()
        .map(|m| (m, earnings))
        .collect();
    build_contracts(rules, &months, size, a.mix)
}

/// One case of the quick estimate with its description (the words only: the contracts are
/// built by [`quick_case_contracts`]).
fn describe_case(rules: &Rules, fy: i32, a: &QuickAnswers, case: CaseContracts) -> EstimateCase {
    let CaseContracts {
        monthly_earnings: earnings,
        contract_size: size,
        contracts,
        ..
    } = case;
    let months = months_worked(fy, a.first_month);
    let n = months.len();
    let assumed = Text::new("(仮の値)", " (placeholder)");
    let ea = a.monthly_earnings.is_none();
    let sa = a.contract_size.is_none();
    let pick = |b: bool, t: &str| if b { t.to_string() } else { String::new() };
    let first = months.first().copied();
    let description = Text::new(
        format!(
            "{}から{n}か月、毎月 {}{}({})、固定報酬制は1件 {}{} の契約として毎月{}日払い、時間単価制は週ごとの支払いと仮定",
            first.map_or_else(|| "-".to_string(), |m| format!("{}年{}月", m.year, m.month)),
            format_yen(earnings),
            pick(ea, &assumed.ja),
            a.mix.describe().ja,
            format_yen(size),
            pick(sa, &assumed.ja),
            rules.quick_estimate.pay_day
        ),
        format!(
            "Assumed: {n} months from {}, {}{} a month ({}), fixed-price work as contracts of {}{} paid on day {}, hourly work paid weekly",
            first.map_or_else(|| "-".to_string(), |m| m.to_string()),
            format_yen(earnings),
            pick(ea, &assumed.en),
            a.mix.describe().en,
            format_yen(size),
            pick(sa, &assumed.en),
            rules.quick_estimate.pay_day
        ),
    );
    EstimateCase {
        monthly_earnings: earnings,
        earnings_assumed: ea,
        contract_size: size,
        size_assumed: sa,
        description,
        contracts,
    }
}

/// Total fees with tax of the payments of `contracts` in fiscal year `fy`.
fn fees_in_year(rules: &Rules, contracts: &[Contract], fy: i32) -> Result<Yen, EstimateError> {
    let mut total = 0;
    for cf in fees::fees_for(rules, contracts)? {
        for p in cf.payments.iter().filter(|p| fiscal_year_of(p.date) == fy) {
            total = money::add(total, p.fee_with_tax)?;
        }
    }
    Ok(total)
}

/// One case of the quick estimate without its words: the figures tried, the contracts built from
/// them and the fees with tax of the fiscal year's payments (before anything is left out for the
/// dates the person qualifies).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseContracts {
    /// Monthly earnings used.
    pub monthly_earnings: Yen,
    /// Contract size used.
    pub contract_size: Yen,
    /// Fees with tax of the fiscal year's payments.
    pub fees: Yen,
    /// The contracts assumed.
    pub contracts: Vec<Contract>,
}

/// Every case of the quick estimate, without descriptions: each combination of the given answers
/// and, for an "I don't know" answer, its low and high default (the same cases, in the same order
/// and with the same errors, as [`quick_cases`]).
pub fn quick_case_contracts(
    rules: &Rules,
    fy: i32,
    a: &QuickAnswers,
) -> Result<Vec<CaseContracts>, EstimateError> {
    fiscal_year_start(fy).ok_or(EstimateError::Subsidy(SubsidyError::BadYear(fy)))?;
    let q = &rules.quick_estimate;
    let earnings: Vec<Yen> = match a.monthly_earnings {
        Some(e) => vec![e],
        None => vec![q.monthly_earnings.low, q.monthly_earnings.high],
    };
    // The size only matters for fixed-price work.
    let sizes: Vec<Yen> = match a.contract_size {
        Some(s) => vec![s],
        None if a.mix.fixed == 0 => vec![q.contract_size.low],
        None => vec![q.contract_size.low, q.contract_size.high],
    };
    let mut cases = Vec::with_capacity(earnings.len() * sizes.len());
    for &e in &earnings {
        for &s in &sizes {
            let contracts = case_contracts(rules, fy, a, e, s)?;
            let fees = fees_in_year(rules, &contracts, fy)?;
            cases.push(CaseContracts {
                monthly_earnings: e,
                contract_size: s,
                fees,
                contracts,
            });
        }
    }
    Ok(cases)
}

/// Every case of the quick estimate: each combination of the given answers and, for an "I don't
/// know" answer, its low and high default, with the fees of the fiscal year's payments.
pub fn quick_cases(
    rules: &Rules,
    fy: i32,
    a: &QuickAnswers,
) -> Result<Vec<(Yen, EstimateCase)>, EstimateError> {
    Ok(quick_case_contracts(rules, fy, a)?
        .into_iter()
        .map(|c| (c.fees, describe_case(rules, fy, a, c)))
        .collect())
}

fn summarize(
    rules: &Rules,
    fy: i32,
    a: &QuickAnswers,
    cases: &[(Yen, EstimateCase)],
) -> Result<QuickEstimate, EstimateError> {
    let q = &rules.quick_estimate;
    // Fees rise with earnings and fall with contract size, but take the extremes by value rather than
    // relying on that.
    let low = cases.iter().min_by_key(|(f, _)| *f).map(|(_, c)| c.clone());
    let high = cases.iter().max_by_key(|(f, _)| *f).map(|(_, c)| c.clone());
    let (Some(low), Some(high)) = (low, high) else {
        return Err(EstimateError::Subsidy(SubsidyError::BadYear(fy)));
    };
    let mut assumptions = vec![
        "fees_by_payment_date".to_string(),
        "no_prorating".to_string(),
    ];
    if a.monthly_earnings.is_none() || a.contract_size.is_none() {
        assumptions.push(q.assumption.clone());
    }
    Ok(QuickEstimate {
        stamp: rules.stamp().clone(),
        fiscal_year: fy,
        is_range: cases.len() > 1,
        low,
        high,
        corners: cases
            .iter()
            .map(|(fees, c)| Corner {
                monthly_earnings: c.monthly_earnings,
                contract_size: c.contract_size,
                fees: *fees,
            })
            .collect(),
        assumptions,
    })
}

/// Builds the quick estimate: the contracts it assumes, for the lowest- and highest-fee combination of
/// the defaults standing in for "I don't know" answers, and every combination tried.
pub fn quick_estimate(
    rules: &Rules,
    fy: i32,
    a: &QuickAnswers,
) -> Result<QuickEstimate, EstimateError> {
    let cases = quick_cases(rules, fy, a)?;
    summarize(rules, fy, a, &cases)
}

/// Low and high subsidy for one fiscal year from a low and a high set of contracts, and the housing
/// (`None`: undecided → both caps). With `eligible`, only fees paid from the day the person
/// qualifies count. Each figure's span is taken over both sets with each cap.
pub fn year_range(
    rules: &Rules,
    fy: i32,
    low_contracts: &[Contract],
    high_contracts: &[Contract],
    housing: Option<Housing>,
    eligible: Option<&EligibleFrom>,
) -> Result<YearRange, SubsidyError> {
    cases_range(
        rules,
        fy,
        &[low_contracts, high_contracts],
        housing,
        eligible,
    )
}

/// Earnings and fees with tax of the payments that count in year `fy` (the same test as
/// `year_from_payments`, without its trace).
fn counted_totals(
    rules: &Rules,
    fy: i32,
    payments: &[PaymentFee],
    eligible: Option<&EligibleFrom>,
) -> Result<CaseTotals, SubsidyError> {
    let counting = Counting::new(rules, fy, eligible);
    let (mut earnings, mut fees) = (0, 0);
    for p in payments
        .iter()
        .filter(|p| counting.reason(p.date).is_none())
    {
        earnings = money::add(earnings, p.amount)?;
        fees = money::add(fees, p.fee_with_tax)?;
    }
    Ok(CaseTotals {
        earnings: Some(earnings),
        fees,
    })
}

/// The housing of the low and the high end (`None`: undecided → the lower and the higher cap),
/// and the caps a range takes its figures over (one when both ends have the same housing).
fn ends_and_caps(rules: &Rules, housing: Option<Housing>) -> (Housing, Housing, Vec<Yen>) {
    let (h_low, h_high) = match housing {
        Some(h) => (h, h),
        None => lower_and_higher_cap(rules),
    };
    let caps = if h_low == h_high {
        vec![rules.cap(h_low)]
    } else {
        vec![rules.cap(h_low), rules.cap(h_high)]
    };
    (h_low, h_high, caps)
}

/// Each distinct set of contracts of a range (the same set twice counts once; no set at all is one
/// empty set), with its payment fees and what it counts in year `fy`.
fn counted_cases(
    rules: &Rules,
    fy: i32,
    cases: &[&[Contract]],
    eligible: Option<&EligibleFrom>,
) -> Result<Vec<(Vec<PaymentFee>, CaseTotals)>, SubsidyError> {
    let mut distinct: Vec<&[Contract]> = Vec::with_capacity(cases.len().max(1));
    for &c in cases {
        if !distinct.contains(&c) {
            distinct.push(c);
        }
    }
    if distinct.is_empty() {
        distinct.push(&[]);
    }
    let mut out = Vec::with_capacity(distinct.len());
    for c in &distinct {
        let p = all_payment_fees(rules, c)?;
        let t = counted_totals(rules, fy, &p, eligible)?;
        out.push((p, t));
    }
    Ok(out)
}

/// The figures of [`cases_range`] alone, without its low and high results and their traces: the
/// same spans, and the same errors.
pub fn cases_figures(
    rules: &Rules,
    fy: i32,
    cases: &[&[Contract]],
    housing: Option<Housing>,
    eligible: Option<&EligibleFrom>,
) -> Result<RangeFigures, SubsidyError> {
    let counted = counted_cases(rules, fy, cases, eligible)?;
    // `cases_range` builds the year's results next, which need the year's dates.
    fiscal_year_start(fy)
        .and(fiscal_year_end(fy))
        .ok_or(SubsidyError::BadYear(fy))?;
    let totals: Vec<CaseTotals> = counted.iter().map(|(_, t)| *t).collect();
    Ok(RangeFigures::over(
        &totals,
        &ends_and_caps(rules, housing).2,
    ))
}

/// The subsidy range for one fiscal year over several sets of contracts (the cases of a range; the
/// same set twice counts once) and the housing (`None`: undecided → both caps). `low` is the case
/// with the fewest fees counted, with the lower cap; `high` the one with the most, with the higher
/// cap; `figures` spans every case with every cap. With `eligible`, only fees paid from the day
/// the person qualifies count.
pub fn cases_range(
    rules: &Rules,
    fy: i32,
    cases: &[&[Contract]],
    housing: Option<Housing>,
    eligible: Option<&EligibleFrom>,
) -> Result<YearRange, SubsidyError> {
    let (h_low, h_high, caps) = ends_and_caps(rules, housing);
    let counted = counted_cases(rules, fy, cases, eligible)?;
    let totals: Vec<CaseTotals> = counted.iter().map(|(_, t)| *t).collect();
    // The fewest and the most fees counted (the first such case on a tie).
    let (mut lo, mut hi) = (0, 0);
    for (i, t) in totals.iter().enumerate() {
        if t.fees < totals[lo].fees {
            lo = i;
        }
        if t.fees > totals[hi].fees {
            hi = i;
        }
    }
    let low = year_from_payments(rules, fy, h_low, &counted[lo].0, eligible)?;
    let high = if lo == hi && h_low == h_high {
        low.clone()
    } else {
        year_from_payments(rules, fy, h_high, &counted[hi].0, eligible)?
    };
    let figures = RangeFigures::over(&totals, &caps);
    let mut because = Vec::new();
    if housing.is_none() {
        because.push(undecided_housing());
    }
    if counted.len() > 1 {
        because.push(Text::new(
            "「わからない」の回答があるため、仮の値の幅で計算しています。",
            "Some answers were \"I don't know\", so placeholder ranges were used.",
        ));
    }
    Ok(finish_range(rules, low, high, figures, because))
}

/// The figures of [`fees_range`] alone, without its results and their traces: the same spans, and
/// the same errors.
pub fn months_figures(
    rules: &Rules,
    fy: i32,
    months: &[MonthFees],
    housing: Option<Housing>,
    eligible: Option<&EligibleFrom>,
) -> Result<RangeFigures, SubsidyError> {
    let fees = counted_month_fees(rules, fy, months, eligible)?;
    let totals = [CaseTotals {
        earnings: None,
        fees,
    }];
    Ok(RangeFigures::over(
        &totals,
        &ends_and_caps(rules, housing).2,
    ))
}

/// Low and high subsidy for one fiscal year from the fees actually paid, month by month (a range only
/// when the housing is undecided).
pub fn fees_range(
    rules: &Rules,
    fy: i32,
    months: &[MonthFees],
    housing: Option<Housing>,
    eligible: Option<&EligibleFrom>,
) -> Result<YearRange, SubsidyError> {
    let (h_low, h_high, _) = ends_and_caps(rules, housing);
    let low = subsidy_for_fees(rules, fy, months, h_low, eligible)?;
    let high = if h_low == h_high {
        low.clone()
    } else {
        subsidy_for_fees(rules, fy, months, h_high, eligible)?
    };
    let because = if housing.is_none() {
        vec![undecided_housing()]
    } else {
        Vec::new()
    };
    let totals = [CaseTotals {
        earnings: low.earnings,
        fees: low.fees,
    }];
    let figures = RangeFigures::over(&totals, &ends_and_caps(rules, housing).2);
    Ok(finish_range(rules, low, high, figures, because))
}

fn undecided_housing() -> Text {
    Text::new(
        "住まいの種類が未定のため、上限の低いほうと高いほうで計算しています。",
        "Your housing type is not decided, so the low end uses the lower cap and the high end the higher one.",
    )
}

fn finish_range(
    rules: &Rules,
    low: FiscalYearResult,
    high: FiscalYearResult,
    figures: RangeFigures,
    because: Vec<Text>,
) -> YearRange {
    YearRange {
        stamp: rules.stamp().clone(),
        is_range: !because.is_empty(),
        figures,
        low,
        high,
        because,
    }
}

/// The housing types with the lower and the higher cap.
pub fn lower_and_higher_cap(rules: &Rules) -> (Housing, Housing) {
    if rules.cap(Housing::Shared) <= rules.cap(Housing::Individual) {
        (Housing::Shared, Housing::Individual)
    } else {
        (Housing::Individual, Housing::Shared)
    }
}

/// The quick estimate and its subsidy range (with `eligible`, only fees paid from the day the person
/// qualifies count). Every combination of the defaults standing in for "I don't know" answers is
/// a case of the range: each figure's span is taken over all of them, with each cap.
pub fn estimate_subsidy(
    rules: &Rules,
    fy: i32,
    a: &QuickAnswers,
    housing: Option<Housing>,
    eligible: Option<&EligibleFrom>,
) -> Result<(QuickEstimate, YearRange), EstimateError> {
    let cases = quick_cases(rules, fy, a)?;
    let est = summarize(rules, fy, a, &cases)?;
    let contracts: Vec<&[Contract]> = cases.iter().map(|(_, c)| c.contracts.as_slice()).collect();
    let range = cases_range(rules, fy, &contracts, housing, eligible)?;
    Ok((est, range))
}

/// One point of the subsidy chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurvePoint {
    /// Earnings in the year.
    pub yearly_earnings: Yen,
    /// Fees with tax in the year.
    pub fees: Yen,
    /// Subsidy with the shared-property cap.
    pub subsidy_shared: Yen,
    /// Subsidy with the individual-property cap.
    pub subsidy_individual: Yen,
}

/// The subsidy chart: points from 0 to `max_yearly` earnings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Curve {
    /// Rules used.
    pub stamp: RulesStamp,
    /// The caps, for drawing their lines.
    pub caps: ByHousing<Yen>,
    /// `steps + 1` points, earnings ascending.
    pub points: Vec<CurvePoint>,
}

/// The fees of fiscal year `fy` for `yearly` earnings spread evenly over its 12 months (the first
/// months take the yen that do not divide by 12), in contracts of `contract_size` with `mix`.
pub fn yearly_fees(
    rules: &Rules,
    fy: i32,
    contract_size: Yen,
    mix: WorkMix,
    yearly: Yen,
) -> Result<Yen, EstimateError> {
    yearly_fees_in(
        rules,
        fy,
        &months_worked(fy, None),
        contract_size,
        mix,
        yearly,
    )
}

fn yearly_fees_in(
    rules: &Rules,
    fy: i32,
    months: &[YearMonth],
    contract_size: Yen,
    mix: WorkMix,
    yearly: Yen,
) -> Result<Yen, EstimateError> {
    let (each, extra) = (yearly / 12, yearly % 12);
    let per_month: Vec<(YearMonth, Yen)> = months
        .iter()
        .enumerate()
        .map(|(j, m)| (*m, each + u64::from((j as u64) < extra)))
        .collect();
    let contracts = build_contracts(rules, &per_month, contract_size, mix)?;
    fees_in_year(rules, &contracts, fy)
}

/// Points (yearly earnings → fees, subsidy for both caps) for earnings from 0 to `max_yearly` in
/// `steps` equal steps, with the given contract size and mix, spread evenly over the 12 months of `fy`.
pub fn subsidy_curve(
    rules: &Rules,
    fy: i32,
    contract_size: Yen,
    mix: WorkMix,
    max_yearly: Yen,
    steps: u32,
) -> Result<Curve, EstimateError> {
    if steps > 1000 {
        return Err(EstimateError::TooManySteps(steps));
    }
    let months = months_worked(fy, None);
    let caps = ByHousing {
        shared: rules.cap(Housing::Shared),
        individual: rules.cap(Housing::Individual),
    };
    let mut points = Vec::with_capacity(steps as usize + 1);
    for i in 0..=steps.max(1) {
        let yearly = money::mul_div_floor(max_yearly, i as u64, steps.max(1) as u64)?;
        let fees = yearly_fees_in(rules, fy, &months, contract_size, mix, yearly)?;
        points.push(CurvePoint {
            yearly_earnings: yearly,
            fees,
            subsidy_shared: fees.min(caps.shared),
            subsidy_individual: fees.min(caps.individual),
        });
    }
    Ok(Curve {
        stamp: rules.stamp().clone(),
        caps,
        points,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::data::rules;

    #[test]
    fn mix_split_adds_up() {
        let m = WorkMix {
            fixed: 33,
            hourly: 33,
            task: 34,
        };
        let p = m.split(100_001).unwrap();
        assert_eq!(p.iter().sum::<u64>(), 100_001);
        let m = WorkMix {
            fixed: 0,
            hourly: 50,
            task: 50,
        };
        assert_eq!(m.split(3).unwrap(), [0, 2, 1]);
    }

    #[test]
    fn contracts_from_earnings_and_size() {
        // ¥125,000 a month in ¥50,000 contracts: two of 50,000 and one of 25,000, each 20% + 10% tax.
        let months = [(
            YearMonth {
                year: 2026,
                month: 4,
            },
            125_000,
        )];
        let c = build_contracts(rules(), &months, 50_000, WorkMix::default()).unwrap();
        let amounts: Vec<Yen> = c.iter().map(|c| c.payments[0].amount).collect();
        assert_eq!(amounts, vec![50_000, 50_000, 25_000]);
        assert_eq!(fees_in_year(rules(), &c, 2026).unwrap(), 125_000 * 22 / 100);
    }

    #[test]
    fn first_month_limits_the_months() {
        let ms = months_worked(
            2026,
            Some(YearMonth {
                year: 2027,
                month: 1,
            }),
        );
        assert_eq!(ms.len(), 3);
        assert_eq!(
            months_worked(
                2026,
                Some(YearMonth {
                    year: 2025,
                    month: 1
                })
            )
            .len(),
            12
        );
    }

    #[test]
    fn bad_inputs_are_errors() {
        let a = QuickAnswers {
            mix: WorkMix {
                fixed: 50,
                hourly: 0,
                task: 0,
            },
            ..Default::default()
        };
        assert_eq!(
            quick_estimate(rules(), 2026, &a),
            Err(EstimateError::MixNot100(50))
        );
        let a = QuickAnswers {
            monthly_earnings: Some(10_000_000),
            contract_size: Some(1),
            ..Default::default()
        };
        assert!(matches!(
            quick_estimate(rules(), 2026, &a),
            Err(EstimateError::TooManyContracts { .. })
        ));
        let a = QuickAnswers {
            contract_size: Some(0),
            ..Default::default()
        };
        assert_eq!(
            quick_estimate(rules(), 2026, &a),
            Err(EstimateError::ZeroContractSize)
        );
    }
}
