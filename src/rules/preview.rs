//! The live figure of the quick-estimate page: the subsidy for what is typed so far, updated on
//! every keystroke. It uses the fees alone, without the trace: formatting the bilingual trace
//! would cost more than the arithmetic, and the full breakdown comes on the result page. Like the
//! result, it counts only the fees paid from the day they start to count (the person moved in,
//! joined hinode), so it never promises a year before the move.

use crate::rules::data::Rules;
use crate::rules::estimate::{lower_and_higher_cap, quick_case_contracts, QuickAnswers};
use crate::rules::fees::{contract_fees, Contract};
use crate::rules::subsidy::{fiscal_year_of, Housing};
use crate::rules::{money, Yen};
use chrono::NaiveDate;

/// The fees of `contracts` paid in fiscal year `fy`, from `counts_from` on, within the program.
fn counted_fees(
    rules: &Rules,
    contracts: &[Contract],
    fy: i32,
    counts_from: NaiveDate,
) -> Option<Yen> {
    let mut total: Yen = 0;
    for (i, c) in contracts.iter().enumerate() {
        for p in contract_fees(rules, i, c).ok()?.payments {
            let in_program =
                p.date >= rules.program.start && rules.program.end.is_none_or(|e| p.date <= e);
            if fiscal_year_of(p.date) == fy && p.date >= counts_from && in_program {
                total = money::add(total, p.fee_with_tax).ok()?;
            }
        }
    }
    Some(total)
}

/// The subsidy of fiscal year `fy` for the quick answers: (lowest, highest), equal when nothing
/// is unknown. Fees count from `counts_from` (see `rules::counting::counting_start`). `housing`
/// `None` (undecided) pairs the lower cap with the low case and the higher cap with the high case.
/// `None` when the estimate cannot be computed (the page's messages say why on Continue).
pub fn quick_subsidy(
    rules: &Rules,
    fy: i32,
    answers: &QuickAnswers,
    housing: Option<Housing>,
    counts_from: NaiveDate,
) -> Option<(Yen, Yen)> {
    let cases = quick_case_contracts(rules, fy, answers).ok()?;
    let (h_low, h_high) = match housing {
        Some(h) => (h, h),
        None => lower_and_higher_cap(rules),
    };
    // Every case of the estimate: the fewest fees counted with the lower cap, the most with the
    // higher one.
    let mut fees: Option<(Yen, Yen)> = None;
    for c in &cases {
        let f = counted_fees(rules, &c.contracts, fy, counts_from)?;
        fees = Some(fees.map_or((f, f), |(lo, hi)| (lo.min(f), hi.max(f))));
    }
    let (lo, hi) = fees?;
    Some((lo.min(rules.cap(h_low)), hi.min(rules.cap(h_high))))
}

/// The live figures of the contracts and fees pages: the fees counted in the year and the subsidy
/// (lowest, highest: the two caps while housing is undecided).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiveTotal {
    /// Fees counted in fiscal year `fy` from the day they count.
    pub fees: Yen,
    /// The subsidy, low and high.
    pub subsidy: (Yen, Yen),
}

fn live(rules: &Rules, fees: Yen, housing: Option<Housing>) -> LiveTotal {
    let (h_low, h_high) = match housing {
        Some(h) => (h, h),
        None => lower_and_higher_cap(rules),
    };
    LiveTotal {
        fees,
        subsidy: (fees.min(rules.cap(h_low)), fees.min(rules.cap(h_high))),
    }
}

/// The live total of the contracts typed so far (only the rows already valid; the page reports
/// the others on Continue).
pub fn contracts_total(
    rules: &Rules,
    fy: i32,
    contracts: &[Contract],
    housing: Option<Housing>,
    counts_from: NaiveDate,
) -> Option<LiveTotal> {
    Some(live(
        rules,
        counted_fees(rules, contracts, fy, counts_from)?,
        housing,
    ))
}

/// The live total of the fees typed month by month: the months of the year from the month that
/// holds `counts_from` (fees are given by month), within the program.
pub fn months_total(
    rules: &Rules,
    fy: i32,
    months: &[crate::rules::subsidy::MonthFees],
    housing: Option<Housing>,
    counts_from: NaiveDate,
) -> Option<LiveTotal> {
    use crate::rules::calendar::YearMonth;
    use chrono::Datelike;
    let first = YearMonth::new(counts_from.year(), counts_from.month())?;
    let mut fees: Yen = 0;
    for m in months {
        let last_day = m.month.plus_months(1).first_day()?.pred_opt()?;
        let in_program = last_day >= rules.program.start
            && rules
                .program
                .end
                .is_none_or(|e| m.month.first_day().is_some_and(|f| f <= e));
        if m.month.fiscal_year() == fy && m.month >= first && in_program {
            fees = money::add(fees, m.fees).ok()?;
        }
    }
    Some(live(rules, fees, housing))
}
