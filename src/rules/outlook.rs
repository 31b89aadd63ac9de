//! The 3-year outlook: the subsidy of each fiscal year that the next three years touch, from the day
//! the person moves in (or today), counting only fees paid while every condition holds.
//!
//! The figures repeat what the person entered — the same month each month (quick estimate), the same
//! payments each year (detailed), the same fees each month of the year (actual fees) — and say so. The
//! cap is not pro-rated in a partial year (`no_prorating`), and years after the reported period assume
//! the program continues (`program_continues`).

use crate::rules::counting::{counting_start, fees_while_eligible_matters, Counting};
use crate::rules::data::{format_date_slash, Rules, RulesStamp, FEES_WHILE_ELIGIBLE};
use crate::rules::eligibility::{Answers, Residence};
use crate::rules::estimate::{build_contracts, lower_and_higher_cap, EstimateError, WorkMix};
use crate::rules::fees::{Contract, Payment};
use crate::rules::money;
use crate::rules::span::Span;
use crate::rules::subsidy::{
    all_payment_fees, fiscal_year_end, fiscal_year_name, fiscal_year_of, fiscal_year_start,
    MonthFees, SubsidyError, YearMonth,
};
use crate::rules::timing::{eligible_from, Certainty, EligibleFrom};
use crate::rules::{Text, Yen};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many years the outlook covers: the stay the program asks for (3 years or more).
pub const OUTLOOK_YEARS: u32 = 3;

/// What the outlook repeats.
#[derive(Clone, Copy, Debug)]
pub enum Pattern<'a> {
    /// The quick estimate: each month the same earnings in the same contracts.
    Quick {
        /// (monthly earnings, contract size) of each case (one, or the low and the high case).
        cases: &'a [(Yen, Yen)],
        /// The kinds of work.
        mix: WorkMix,
    },
    /// The detailed estimate: the payments of `fiscal_year`, repeated each year.
    Payments {
        /// The contracts as entered.
        contracts: &'a [Contract],
        /// The fiscal year they were entered for.
        fiscal_year: i32,
    },
    /// The actual fees: the fees of each month of `fiscal_year`, repeated each year.
    Months {
        /// The months as entered.
        months: &'a [MonthFees],
        /// The fiscal year they were entered for.
        fiscal_year: i32,
    },
}

/// One fiscal year of the outlook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlookYear {
    /// The fiscal year.
    pub fiscal_year: i32,
    /// Its name.
    pub name: Text,
    /// The first day whose fees count in this year (`None`: none do, the person does not qualify yet).
    #[serde(default, with = "crate::rules::iso_date::option")]
    pub counts_from: Option<NaiveDate>,
    /// The last day of this year inside the outlook.
    #[serde(with = "crate::rules::iso_date")]
    pub counts_to: NaiveDate,
    /// Fees counted (low–high).
    pub fees: Span<Yen>,
    /// The subsidy (low–high).
    pub subsidy: Span<Yen>,
}

/// The subsidy over the next three years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outlook {
    /// Rules used.
    pub stamp: RulesStamp,
    /// First day of the outlook: the moving-in date, or today.
    #[serde(with = "crate::rules::iso_date")]
    pub start: NaiveDate,
    /// Last day: three years after `start`, less a day.
    #[serde(with = "crate::rules::iso_date")]
    pub end: NaiveDate,
    /// Why it starts then, and what it covers.
    pub text: Text,
    /// Each fiscal year the three years touch, in order.
    pub years: Vec<OutlookYear>,
    /// The subsidy over the three years (low–high).
    pub total: Span<Yen>,
    /// Whether low and high differ (housing undecided or an estimate answer unknown).
    pub is_range: bool,
    /// Ids of the rules' assumptions the figures rest on.
    pub assumption_ids: Vec<String>,
    /// Everything assumed, in words: the rules' assumptions above and how the entered figures are
    /// repeated.
    pub assumptions: Vec<Text>,
}

/// The first day of the outlook: a planned move after today, else today (someone who lives in Isumi
/// already, or whose moving date is not known); never before the program started.
pub fn outlook_start(rules: &Rules, answers: &Answers, today: NaiveDate) -> (NaiveDate, Text) {
    let (date, ja, en) = match answers.residence {
        Residence::PlanningToMove { when: Some(d) } if d > today => {
            (d, "転入予定日", "the day you plan to move in")
        }
        _ => (today, "今日", "today"),
    };
    if date < rules.program.start {
        return (
            rules.program.start,
            Text::new("実施開始日", "the program start"),
        );
    }
    (date, Text::new(ja, en))
}

fn bad(date: NaiveDate) -> EstimateError {
    EstimateError::Subsidy(SubsidyError::BadYear(date.year()))
}

/// The figures of the outlook without its words: what [`outlook`] shows, computed the same way and
/// failing the same way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlookFigures {
    /// The date from which fees count.
    pub eligible: EligibleFrom,
    /// First day of the outlook.
    pub start: NaiveDate,
    /// Why it starts then: 「今日」, 「転入予定日」 or 「実施開始日」.
    pub from_what: Text,
    /// Last day: three years after `start`, less a day.
    pub end: NaiveDate,
    /// Each fiscal year the three years touch, in order.
    pub years: Vec<OutlookYear>,
    /// The subsidy over the three years (low–high).
    pub total: Span<Yen>,
}

/// The figures of the 3-year outlook for someone with `answers`, repeating `pattern` (see
/// [`outlook`], which adds the words).
pub fn outlook_figures(
    rules: &Rules,
    answers: &Answers,
    today: NaiveDate,
    pattern: Pattern<'_>,
) -> Result<OutlookFigures, EstimateError> {
    let eligible = eligible_from(rules, answers, today);
    let (start, from_what) = outlook_start(rules, answers, today);
    let end = start
        .checked_add_months(Months::new(12 * OUTLOOK_YEARS))
        .and_then(|d| d.pred_opt())
        .ok_or_else(|| bad(start))?;
    let (first_fy, last_fy) = (fiscal_year_of(start), fiscal_year_of(end));
    let caps: Vec<Yen> = match answers.housing.housing() {
        Some(h) => vec![rules.cap(h)],
        None => {
            let (lo, hi) = lower_and_higher_cap(rules);
            vec![rules.cap(lo), rules.cap(hi)]
        }
    };
    // Fees per fiscal year for each set of inputs (one, or the low and the high case).
    let fee_sets: Vec<BTreeMap<i32, Yen>> = match pattern {
        Pattern::Quick { cases, mix } => cases
            .iter()
            .map(|&(earnings, size)| {
                quick_fees(rules, &eligible, (start, end), earnings, size, mix)
            })
            .collect::<Result<_, _>>()?,
        Pattern::Payments {
            contracts,
            fiscal_year,
        } => vec![payment_fees(
            rules,
            &eligible,
            (start, end),
            contracts,
            fiscal_year,
        )?],
        Pattern::Months {
            months,
            fiscal_year,
        } => vec![month_fees(rules, &eligible, start, months, fiscal_year)?],
    };
    let mut years = Vec::new();
    let mut totals: Vec<Yen> = vec![0; fee_sets.len() * caps.len()];
    for fy in first_fy..=last_fy {
        let fy_start = fiscal_year_start(fy).ok_or(SubsidyError::BadYear(fy))?;
        let fy_end = fiscal_year_end(fy).ok_or(SubsidyError::BadYear(fy))?;
        let mut fees = Vec::new();
        let mut subsidies = Vec::new();
        let mut i = 0;
        for set in &fee_sets {
            let f = set.get(&fy).copied().unwrap_or(0);
            fees.push(f);
            for &cap in &caps {
                let s = f.min(cap);
                subsidies.push(s);
                totals[i] = money::add(totals[i], s)?;
                i += 1;
            }
        }
        let from = fy_start.max(start).max(counting_start(rules, &eligible));
        let to = fy_end.min(end);
        years.push(OutlookYear {
            fiscal_year: fy,
            name: fiscal_year_name(fy),
            counts_from: (from <= to).then_some(from),
            counts_to: to,
            fees: Span::of(fees).unwrap_or(Span::single(0)),
            subsidy: Span::of(subsidies).unwrap_or(Span::single(0)),
        });
    }
    let total = Span::of(totals).unwrap_or(Span::single(0));
    Ok(OutlookFigures {
        eligible,
        start,
        from_what,
        end,
        years,
        total,
    })
}

/// The 3-year outlook for someone with `answers`, repeating `pattern`.
pub fn outlook(
    rules: &Rules,
    answers: &Answers,
    today: NaiveDate,
    pattern: Pattern<'_>,
) -> Result<Outlook, EstimateError> {
    let OutlookFigures {
        eligible,
        start,
        from_what,
        end,
        years,
        total,
    } = outlook_figures(rules, answers, today, pattern)?;
    let (assumption_ids, assumptions) =
        assumptions_of(rules, &eligible, &years, pattern, (start, end));
    let (s, e) = (format_date_slash(start), format_date_slash(end));
    Ok(Outlook {
        stamp: rules.stamp().clone(),
        start,
        end,
        text: Text::new(
            format!(
                "{}({s})から3年間({s}〜{e})の見通しです。各年度に数えるのは、この3年間のうち条件をすべて満たしてから支払う手数料です。",
                from_what.ja
            ),
            format!(
                "The outlook for the 3 years from {} ({s} – {e}). Each fiscal year counts the fees paid within these 3 years once every condition holds.",
                from_what.en
            ),
        ),
        is_range: total.is_range() || years.iter().any(|y| y.subsidy.is_range()),
        years,
        total,
        assumption_ids,
        assumptions,
    })
}

/// Adds the fee of each payment that counts (inside the window, and while eligible) to its year.
fn add_counted(
    rules: &Rules,
    eligible: &EligibleFrom,
    (start, end): (NaiveDate, NaiveDate),
    contracts: &[Contract],
    by_year: &mut BTreeMap<i32, Yen>,
) -> Result<(), EstimateError> {
    for p in all_payment_fees(rules, contracts)? {
        let fy = fiscal_year_of(p.date);
        let inside = start <= p.date && p.date <= end;
        if inside
            && Counting::new(rules, fy, Some(eligible))
                .reason(p.date)
                .is_none()
        {
            let e = by_year.entry(fy).or_default();
            *e = money::add(*e, p.fee_with_tax)?;
        }
    }
    Ok(())
}

fn quick_fees(
    rules: &Rules,
    eligible: &EligibleFrom,
    window: (NaiveDate, NaiveDate),
    earnings: Yen,
    size: Yen,
    mix: WorkMix,
) -> Result<BTreeMap<i32, Yen>, EstimateError> {
    let (first, last) = (month_of(window.0), month_of(window.1));
    let mut months = Vec::new();
    let mut m = first;
    while m <= last {
        months.push((m, earnings));
        m = m.plus_months(1);
    }
    let contracts = build_contracts(rules, &months, size, mix)?;
    let mut by_year = BTreeMap::new();
    add_counted(rules, eligible, window, &contracts, &mut by_year)?;
    Ok(by_year)
}

fn payment_fees(
    rules: &Rules,
    eligible: &EligibleFrom,
    window: (NaiveDate, NaiveDate),
    contracts: &[Contract],
    entered_fy: i32,
) -> Result<BTreeMap<i32, Yen>, EstimateError> {
    let mut by_year = BTreeMap::new();
    for fy in fiscal_year_of(window.0)..=fiscal_year_of(window.1) {
        // Each year gets its own copy of the contracts, so tiers start again as for new contracts.
        let shifted = contracts
            .iter()
            .map(|c| {
                let payments = c
                    .payments
                    .iter()
                    .filter(|p| fiscal_year_of(p.date) == entered_fy)
                    .map(|p| {
                        Ok(Payment {
                            date: shift_years(p.date, fy - entered_fy)
                                .ok_or_else(|| bad(p.date))?,
                            amount: p.amount,
                        })
                    })
                    .collect::<Result<Vec<_>, EstimateError>>()?;
                Ok(Contract {
                    label: c.label.clone(),
                    kind: c.kind,
                    payments,
                })
            })
            .collect::<Result<Vec<_>, EstimateError>>()?;
        add_counted(rules, eligible, window, &shifted, &mut by_year)?;
    }
    Ok(by_year)
}

fn month_fees(
    rules: &Rules,
    eligible: &EligibleFrom,
    start: NaiveDate,
    months: &[MonthFees],
    entered_fy: i32,
) -> Result<BTreeMap<i32, Yen>, EstimateError> {
    // Whole months: 36 of them from the month the outlook starts in.
    let first = month_of(start);
    let last = first.plus_months(12 * OUTLOOK_YEARS - 1);
    let mut by_year = BTreeMap::new();
    for fy in first.fiscal_year()..=last.fiscal_year() {
        let counting = Counting::new(rules, fy, Some(eligible));
        for m in months
            .iter()
            .filter(|m| m.month.fiscal_year() == entered_fy)
        {
            let Some(year) = m.month.year.checked_add(fy - entered_fy) else {
                continue;
            };
            let month = YearMonth {
                year,
                month: m.month.month,
            };
            // Months before the program are left out by `month_reason` (fees count from its start at
            // the earliest); a known end is checked here.
            let before_end = rules
                .program
                .end
                .is_none_or(|e| month.first_day().is_some_and(|d| d <= e));
            if first <= month
                && month <= last
                && before_end
                && counting.month_reason(month).is_none()
            {
                let e = by_year.entry(fy).or_default();
                *e = money::add(*e, m.fees)?;
            }
        }
    }
    Ok(by_year)
}

fn month_of(d: NaiveDate) -> YearMonth {
    YearMonth {
        year: d.year(),
        month: d.month(),
    }
}

/// `date` moved by whole years (29 February becomes 28 February in a common year).
fn shift_years(date: NaiveDate, years: i32) -> Option<NaiveDate> {
    let months = Months::new(years.unsigned_abs().checked_mul(12)?);
    if years >= 0 {
        date.checked_add_months(months)
    } else {
        date.checked_sub_months(months)
    }
}

fn assumptions_of(
    rules: &Rules,
    eligible: &EligibleFrom,
    years: &[OutlookYear],
    pattern: Pattern<'_>,
    (start, end): (NaiveDate, NaiveDate),
) -> (Vec<String>, Vec<Text>) {
    let mut ids = vec!["no_prorating".to_string()];
    let reported_end = rules.program.reported_end;
    if years
        .iter()
        .any(|y| fiscal_year_end(y.fiscal_year).is_none_or(|e| e > reported_end))
    {
        ids.push("program_continues".to_string());
    }
    // Fees paid between the start of the outlook and the day the person qualifies: whether they
    // count is the open point `fees_while_eligible`.
    if eligible.date <= end && fees_while_eligible_matters(rules, eligible, start) {
        ids.push(FEES_WHILE_ELIGIBLE.to_string());
    }
    ids.extend(eligible.assumptions.iter().cloned());
    let mut texts: Vec<Text> = ids
        .iter()
        .filter_map(|id| rules.assumption(id).map(|a| a.wording.clone()))
        .collect();
    // A date not known (or assumed) moves every year's figures: say from when they count.
    if eligible.certainty != Certainty::Known {
        texts.push(eligible.text.clone());
    }
    texts.push(match pattern {
        Pattern::Quick { .. } => Text::new(
            "簡易試算の回答(月の収入・契約の大きさ・仕事の種類)が、3年間毎月同じだと仮定しています。",
            "Your quick-estimate answers (monthly earnings, contract size, kinds of work) are assumed to be the same every month for 3 years.",
        ),
        Pattern::Payments { fiscal_year, .. } => Text::new(
            format!("{}に入力した支払いが、毎年同じ日付(年だけずらして)・新しい契約として繰り返されると仮定しています。", fiscal_year_name(fiscal_year).ja),
            format!("The payments you entered for {} are assumed to repeat every year on the same dates (moved by whole years), as new contracts.", fiscal_year_name(fiscal_year).en),
        ),
        Pattern::Months { fiscal_year, .. } => Text::new(
            format!("{}に入力した月ごとの手数料が、毎年同じ月に同じ額で繰り返されると仮定しています(月単位で3年間=36か月)。", fiscal_year_name(fiscal_year).ja),
            format!("The fees you entered for each month of {} are assumed to repeat every year in the same month (by whole months: 36 months).", fiscal_year_name(fiscal_year).en),
        ),
    });
    (ids, texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifting_by_years_keeps_the_day() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(shift_years(d(2026, 5, 15), 2), Some(d(2028, 5, 15)));
        assert_eq!(shift_years(d(2028, 2, 29), -1), Some(d(2027, 2, 28)));
        assert_eq!(shift_years(d(2026, 5, 15), i32::MAX), None);
    }
}
