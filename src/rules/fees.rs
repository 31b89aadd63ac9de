//! CrowdWorks worker fees (システム利用料), per payment, date-aware.
//!
//! The fee of a payment is `F(cumulative after) − F(cumulative before)`, where `F` is the contract's
//! floored cumulative fee under the schedule in force on the payment date (and the same telescoping for
//! the tax). So a contract's total does not depend on how it is split into milestones, and rounding
//! down happens once on the cumulative fee (assumption `rounding_cumulative`).

use crate::rules::data::{format_date_slash, FeeSchedule, Rules, RulesStamp, TaxMode, Tier};
use crate::rules::money::{self, MoneyError};
use crate::rules::{format_yen, Text, Yen};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Basis points in one whole (100%).
const BP: u128 = 10_000;

/// How a contract is paid, which decides how the tiers apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContractKind {
    /// 固定報酬制: payments (milestones) accumulate through the tiers within the contract.
    Fixed,
    /// 時間単価制: each payment is one week's total and stands alone.
    Hourly,
    /// タスク形式: flat rate from the task-rate history.
    Task,
    /// コンペ形式: each payment is one adopted award, tiered on its own (assumption `contest_per_award`).
    Contest,
}

impl ContractKind {
    /// Name in both languages.
    pub fn name(self) -> Text {
        match self {
            ContractKind::Fixed => Text::new("固定報酬制", "fixed-price"),
            ContractKind::Hourly => Text::new("時間単価制", "hourly"),
            ContractKind::Task => Text::new("タスク形式", "task"),
            ContractKind::Contest => Text::new("コンペ形式", "contest"),
        }
    }

    /// Whether payments of one contract accumulate through the tiers.
    fn accumulates(self) -> bool {
        matches!(self, ContractKind::Fixed | ContractKind::Task)
    }
}

/// One payment received (tax included). For hourly contracts one week's total; for contests one award.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payment {
    /// Payment date: decides the fee schedule and the fiscal year.
    #[serde(with = "crate::rules::iso_date")]
    pub date: NaiveDate,
    /// Amount paid by the client, tax included.
    pub amount: Yen,
}

/// A contract and its payments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    /// The user's name for it (shown in traces), e.g. "契約A".
    #[serde(default)]
    pub label: String,
    /// How it is paid.
    pub kind: ContractKind,
    /// Payments, in any order (they are taken in date order).
    pub payments: Vec<Payment>,
}

/// The part of one payment that fell in one tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TierStep {
    /// Start of the part, as a cumulative amount of the contract.
    pub from: Yen,
    /// End of the part, as a cumulative amount of the contract.
    pub to: Yen,
    /// The tier's rate in basis points.
    pub rate_bp: u32,
}

impl TierStep {
    /// The amount in this tier.
    pub fn amount(&self) -> Yen {
        self.to - self.from
    }
}

/// The fee of one payment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentFee {
    /// Index of the contract in the list given.
    pub contract: usize,
    /// The contract's label.
    pub label: String,
    /// The contract's kind.
    pub kind: ContractKind,
    /// Payment date.
    #[serde(with = "crate::rules::iso_date")]
    pub date: NaiveDate,
    /// Amount paid (tax included).
    pub amount: Yen,
    /// The contract's cumulative amount before this payment (0 for hourly weeks and contest awards).
    pub cumulative_before: Yen,
    /// … and after it.
    pub cumulative_after: Yen,
    /// Id of the fee schedule in force that day.
    pub schedule_id: String,
    /// Whether tax was inside the fee (until 2019-09-30) or added.
    pub tax_mode: TaxMode,
    /// Consumption tax rate in basis points.
    pub tax_rate_bp: u32,
    /// Fee before consumption tax.
    pub fee_before_tax: Yen,
    /// Consumption tax on the fee (inside it, or added).
    pub tax: Yen,
    /// Fee with tax: what the worker pays CrowdWorks. `fee_before_tax + tax`.
    pub fee_with_tax: Yen,
    /// What the worker receives: `amount − fee_with_tax`.
    pub receives: Yen,
    /// The tiers this payment went through.
    pub steps: Vec<TierStep>,
}

impl PaymentFee {
    /// One trace line, e.g. 「契約A 2019/11/15 ¥50,000: ¥50,000 × 20% = ¥10,000、消費税 ¥1,000」.
    pub fn trace(&self) -> Text {
        // Unnamed contracts are named by kind and number; a name the person typed is isolated,
        // so its writing direction cannot reorder the rest of the line.
        let label = if self.label.is_empty() {
            let k = self.kind.name();
            Text::new(
                format!("{}{}", k.ja, self.contract + 1),
                format!("{} {}", k.en, self.contract + 1),
            )
        } else {
            let l = crate::rules::text_safety::isolate(&self.label);
            Text::new(l.clone(), l)
        };
        let date = format_date_slash(self.date);
        let amount = format_yen(self.amount);
        let cum = if self.kind.accumulates() && self.cumulative_before > 0 {
            Text::new(
                format!(
                    "(契約累計 {} → {})",
                    format_yen(self.cumulative_before),
                    format_yen(self.cumulative_after)
                ),
                format!(
                    " (contract total {} → {})",
                    format_yen(self.cumulative_before),
                    format_yen(self.cumulative_after)
                ),
            )
        } else {
            Text::default()
        };
        let calc = self.calc_text();
        Text::new(
            format!("{} {date} {amount}{}: {}", label.ja, cum.ja, calc.ja),
            format!("{} {date} {amount}{}: {}", label.en, cum.en, calc.en),
        )
    }

    /// The arithmetic of the fee, e.g. 「¥50,000 × 20% = ¥10,000、消費税 ¥1,000 [cw-2019-10]」: the
    /// part of the trace line after the payment (shared by identical payments, see
    /// `rules::trace_groups`).
    pub fn calc_text(&self) -> Text {
        let steps = if self.steps.is_empty() {
            format!("{} × 0%", format_yen(self.amount))
        } else {
            self.steps
                .iter()
                .map(|s| format!("{} × {}", format_yen(s.amount()), format_rate_bp(s.rate_bp)))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let (ja_tax, en_tax, fee) = match self.tax_mode {
            TaxMode::Added => (
                format!("、消費税 {}", format_yen(self.tax)),
                format!(", consumption tax {}", format_yen(self.tax)),
                self.fee_before_tax,
            ),
            TaxMode::Included => (
                format!("(うち消費税 {})", format_yen(self.tax)),
                format!(" (including consumption tax {})", format_yen(self.tax)),
                self.fee_with_tax,
            ),
        };
        Text::new(
            format!(
                "{steps} = {}{ja_tax} [{}]",
                format_yen(fee),
                self.schedule_id
            ),
            format!(
                "{steps} = {}{en_tax} [{}]",
                format_yen(fee),
                self.schedule_id
            ),
        )
    }
}

/// The fees of one contract.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractFees {
    /// Rules used.
    pub stamp: RulesStamp,
    /// The contract's label.
    pub label: String,
    /// The contract's kind.
    pub kind: ContractKind,
    /// Per payment, in date order.
    pub payments: Vec<PaymentFee>,
    /// Sum of the amounts.
    pub total_amount: Yen,
    /// Sum of the fees with tax.
    pub total_fee_with_tax: Yen,
    /// Sum of the tax.
    pub total_tax: Yen,
    /// Sum of what the worker receives.
    pub total_receives: Yen,
}

/// A fee could not be computed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeeError {
    /// No fee schedule covers the date (before the earliest one).
    NoSchedule {
        /// The contract's label.
        label: String,
        /// The payment date.
        #[serde(with = "crate::rules::iso_date")]
        date: NaiveDate,
        /// The first date any schedule covers.
        #[serde(with = "crate::rules::iso_date")]
        earliest: NaiveDate,
    },
    /// Amounts too large.
    Overflow,
}

impl FeeError {
    /// Message in both languages.
    pub fn text(&self) -> Text {
        match self {
            FeeError::NoSchedule { label, date, earliest } => Text::new(
                format!(
                    "「{label}」の{}の支払い: この日付の手数料体系がありません({}以降の日付を入力してください)。",
                    format_date_slash(*date),
                    format_date_slash(*earliest)
                ),
                format!(
                    "Payment of \"{label}\" on {}: no fee schedule covers this date (enter a date from {} on).",
                    format_date_slash(*date),
                    format_date_slash(*earliest)
                ),
            ),
            FeeError::Overflow => Text::new(
                MoneyError::Overflow.message(crate::rules::Lang::Ja),
                MoneyError::Overflow.message(crate::rules::Lang::En),
            ),
        }
    }
}

impl From<MoneyError> for FeeError {
    fn from(_: MoneyError) -> Self {
        FeeError::Overflow
    }
}

impl fmt::Display for FeeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for FeeError {}

/// Tiered fee of a cumulative amount, before rounding, in yen × 10,000 (exact).
fn tiered_exact(tiers: &[Tier], cumulative: Yen) -> u128 {
    let mut lower: Yen = 0;
    let mut total: u128 = 0;
    for t in tiers {
        if cumulative <= lower {
            break;
        }
        let upper = t.up_to.map_or(cumulative, |u| u.min(cumulative));
        total += (upper - lower) as u128 * t.rate_bp as u128;
        match t.up_to {
            Some(u) => lower = u,
            None => break,
        }
    }
    total
}

/// The floored cumulative fee `F(c)` (tax-inclusive fee before 2019-10, fee before tax after).
pub fn cumulative_fee(schedule: &FeeSchedule, kind: ContractKind, cumulative: Yen) -> Yen {
    let exact = match kind {
        ContractKind::Task => cumulative as u128 * schedule.task_rate_bp as u128,
        _ => tiered_exact(&schedule.tiers, cumulative),
    };
    // Rates are validated ≤ 100%, so the fee never exceeds the amount and fits in a Yen.
    (exact / BP) as Yen
}

/// The floored cumulative tax `T(c)` on `F(c)`: added tax, or the tax inside an inclusive fee.
fn cumulative_tax(schedule: &FeeSchedule, fee: Yen) -> Result<Yen, MoneyError> {
    let rate = schedule.tax.rate_bp as u64;
    match schedule.tax.mode {
        TaxMode::Added => money::mul_div_floor(fee, rate, BP as u64),
        // Inside a tax-inclusive fee: fee × 8 / 108.
        TaxMode::Included => money::mul_div_floor(fee, rate, BP as u64 + rate),
    }
}

/// The tiers a payment from `before` to `after` (cumulative) passes through.
fn steps(schedule: &FeeSchedule, kind: ContractKind, before: Yen, after: Yen) -> Vec<TierStep> {
    if kind == ContractKind::Task {
        return vec![TierStep {
            from: before,
            to: after,
            rate_bp: schedule.task_rate_bp,
        }];
    }
    let mut out = Vec::new();
    let mut lower: Yen = 0;
    for t in &schedule.tiers {
        let upper = t.up_to.unwrap_or(Yen::MAX);
        let from = before.max(lower);
        let to = after.min(upper);
        if from < to {
            out.push(TierStep {
                from,
                to,
                rate_bp: t.rate_bp,
            });
        }
        if upper >= after {
            break;
        }
        lower = upper;
    }
    out
}

/// Fee amounts of one payment: (fee before tax, tax, fee with tax).
fn payment_amounts(
    schedule: &FeeSchedule,
    kind: ContractKind,
    before: Yen,
    after: Yen,
) -> Result<(Yen, Yen, Yen), MoneyError> {
    let f_before = cumulative_fee(schedule, kind, before);
    let f_after = cumulative_fee(schedule, kind, after);
    let fee = f_after.checked_sub(f_before).ok_or(MoneyError::Overflow)?;
    let tax = cumulative_tax(schedule, f_after)?
        .checked_sub(cumulative_tax(schedule, f_before)?)
        .ok_or(MoneyError::Overflow)?;
    Ok(match schedule.tax.mode {
        TaxMode::Added => (fee, tax, money::add(fee, tax)?),
        TaxMode::Included => (fee.checked_sub(tax).ok_or(MoneyError::Overflow)?, tax, fee),
    })
}

/// The fees of one contract, payment by payment in date order.
pub fn contract_fees(
    rules: &Rules,
    index: usize,
    contract: &Contract,
) -> Result<ContractFees, FeeError> {
    let mut order: Vec<&Payment> = contract.payments.iter().collect();
    // Milestones accumulate in the order they are paid; a stable sort keeps same-day order.
    order.sort_by_key(|p| p.date);
    let earliest = rules
        .fee_schedules
        .first()
        .map_or(NaiveDate::MIN, |s| s.from);
    let mut cumulative: Yen = 0;
    let mut out = Vec::with_capacity(order.len());
    let (mut total_amount, mut total_fee, mut total_tax, mut total_recv) = (0, 0, 0, 0);
    for p in order {
        let schedule = rules
            .schedule_on(p.date)
            .ok_or_else(|| FeeError::NoSchedule {
                label: contract.label.clone(),
                date: p.date,
                earliest,
            })?;
        let before = if contract.kind.accumulates() {
            cumulative
        } else {
            0
        };
        let after = money::add(before, p.amount)?;
        let (fee_before_tax, tax, fee_with_tax) =
            payment_amounts(schedule, contract.kind, before, after)?;
        // Only a 1-yen payment crossing two rounding steps at once could make the fee exceed it.
        let receives = p.amount.saturating_sub(fee_with_tax);
        cumulative = after;
        total_amount = money::add(total_amount, p.amount)?;
        total_fee = money::add(total_fee, fee_with_tax)?;
        total_tax = money::add(total_tax, tax)?;
        total_recv = money::add(total_recv, receives)?;
        out.push(PaymentFee {
            contract: index,
            label: contract.label.clone(),
            kind: contract.kind,
            date: p.date,
            amount: p.amount,
            cumulative_before: before,
            cumulative_after: after,
            schedule_id: schedule.id.clone(),
            tax_mode: schedule.tax.mode,
            tax_rate_bp: schedule.tax.rate_bp,
            fee_before_tax,
            tax,
            fee_with_tax,
            receives,
            steps: steps(schedule, contract.kind, before, after),
        });
    }
    Ok(ContractFees {
        stamp: rules.stamp().clone(),
        label: contract.label.clone(),
        kind: contract.kind,
        payments: out,
        total_amount,
        total_fee_with_tax: total_fee,
        total_tax,
        total_receives: total_recv,
    })
}

/// The fees of several contracts.
pub fn fees_for(rules: &Rules, contracts: &[Contract]) -> Result<Vec<ContractFees>, FeeError> {
    contracts
        .iter()
        .enumerate()
        .map(|(i, c)| contract_fees(rules, i, c))
        .collect()
}

/// The fee of a single stand-alone payment (a one-payment contract), e.g. for a quick calculator.
pub fn single_payment_fee(
    rules: &Rules,
    kind: ContractKind,
    date: NaiveDate,
    amount: Yen,
) -> Result<PaymentFee, FeeError> {
    let c = Contract {
        label: String::new(),
        kind,
        payments: vec![Payment { date, amount }],
    };
    let mut f = contract_fees(rules, 0, &c)?;
    f.payments.pop().ok_or(FeeError::Overflow)
}

/// `fee / amount` in basis points, rounded to the nearest (half up; 0 when the amount is 0). A rate
/// is only shown, never paid, so it is rounded like any percentage on screen: 82,000 / 600,000 =
/// 13.666…% reads 13.67%.
pub fn effective_rate_bp(fee: Yen, amount: Yen) -> u32 {
    if amount == 0 {
        return 0;
    }
    let bp = (fee as u128 * BP * 2 + amount as u128) / (amount as u128 * 2);
    u32::try_from(bp).unwrap_or(u32::MAX)
}

/// A rate in basis points as a percentage without trailing zeros: `2000` → "20%", `550` → "5.5%",
/// `1234` → "12.34%".
pub fn format_rate_bp(bp: u32) -> String {
    let whole = bp / 100;
    let frac = bp % 100;
    if frac == 0 {
        format!("{whole}%")
    } else if frac.is_multiple_of(10) {
        format!("{whole}.{}%", frac / 10)
    } else {
        format!("{whole}.{frac:02}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::data::rules;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn fixed(payments: &[(NaiveDate, Yen)]) -> Contract {
        Contract {
            label: "契約A".into(),
            kind: ContractKind::Fixed,
            payments: payments
                .iter()
                .map(|&(date, amount)| Payment { date, amount })
                .collect(),
        }
    }

    #[test]
    fn rate_format() {
        assert_eq!(format_rate_bp(2000), "20%");
        assert_eq!(format_rate_bp(550), "5.5%");
        assert_eq!(format_rate_bp(2200), "22%");
        assert_eq!(format_rate_bp(1234), "12.34%");
        assert_eq!(format_rate_bp(5), "0.05%");
        assert_eq!(format_rate_bp(0), "0%");
    }

    #[test]
    fn effective_rates() {
        assert_eq!(effective_rate_bp(2200, 10_000), 2200);
        assert_eq!(effective_rate_bp(1, 3), 3333);
        assert_eq!(effective_rate_bp(2, 3), 6667);
        assert_eq!(effective_rate_bp(82_000, 600_000), 1367);
        assert_eq!(
            effective_rate_bp(1, 20_000),
            1,
            "half a basis point rounds up"
        );
        assert_eq!(effective_rate_bp(Yen::MAX, Yen::MAX), 10_000);
        assert_eq!(effective_rate_bp(5, 0), 0);
    }

    #[test]
    fn steps_split_a_milestone_across_tiers() {
        // 80,000 → 130,000: 20,000 at 20% and 30,000 at 10% (FAQ 10512's third milestone).
        let c = fixed(&[(d(2019, 11, 1), 80_000), (d(2019, 11, 15), 50_000)]);
        let f = contract_fees(rules(), 0, &c).unwrap();
        let s = &f.payments[1].steps;
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].amount(), s[0].rate_bp), (20_000, 2000));
        assert_eq!((s[1].amount(), s[1].rate_bp), (30_000, 1000));
        assert_eq!(f.payments[1].fee_with_tax, 7_700);
    }

    #[test]
    fn trace_line_reads_like_the_brief() {
        let c = fixed(&[(d(2019, 11, 15), 50_000)]);
        let f = contract_fees(rules(), 0, &c).unwrap();
        let t = f.payments[0].trace();
        assert!(
            t.ja.starts_with(
                "\u{2068}契約A\u{2069} 2019/11/15 ¥50,000: ¥50,000 × 20% = ¥10,000、消費税 ¥1,000"
            ),
            "{}",
            t.ja
        );
        assert!(
            t.en.contains("¥50,000 × 20% = ¥10,000, consumption tax ¥1,000"),
            "{}",
            t.en
        );
    }

    #[test]
    fn no_schedule_is_an_error() {
        let c = fixed(&[(d(2015, 9, 30), 1_000)]);
        match contract_fees(rules(), 0, &c) {
            Err(FeeError::NoSchedule { date, .. }) => assert_eq!(date, d(2015, 9, 30)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn overflow_is_an_error() {
        let c = fixed(&[(d(2020, 1, 1), Yen::MAX), (d(2020, 1, 2), 1)]);
        assert_eq!(contract_fees(rules(), 0, &c), Err(FeeError::Overflow));
        // One huge payment alone is fine: the fee is computed in u128.
        assert!(single_payment_fee(rules(), ContractKind::Fixed, d(2020, 1, 1), Yen::MAX).is_ok());
    }
}
