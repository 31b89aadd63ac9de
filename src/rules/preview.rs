//! The live figure of the quick-estimate page: the subsidy for what is typed so far, updated on
//! every keystroke. It uses the engine's trace-free totals: formatting the bilingual trace would
//! cost more than the arithmetic, and the full breakdown comes on the result page.

use crate::rules::data::Rules;
use crate::rules::estimate::{lower_and_higher_cap, quick_estimate, QuickAnswers};
use crate::rules::fees::Contract;
use crate::rules::subsidy::{totals_by_year, Housing};
use crate::rules::Yen;

/// The subsidy of fiscal year `fy` for the quick answers: (lowest, highest), equal when nothing
/// is unknown. `housing` `None` (undecided) pairs the lower cap with the low case and the higher
/// cap with the high case. `None` when the estimate cannot be computed (the page's messages say
/// why on Continue).
pub fn quick_subsidy(
    rules: &Rules,
    fy: i32,
    answers: &QuickAnswers,
    housing: Option<Housing>,
) -> Option<(Yen, Yen)> {
    let est = quick_estimate(rules, fy, answers).ok()?;
    let (h_low, h_high) = match housing {
        Some(h) => (h, h),
        None => lower_and_higher_cap(rules),
    };
    let subsidy = |contracts: &[Contract], housing| -> Option<Yen> {
        let t = totals_by_year(rules, contracts, housing).ok()?;
        Some(
            t.years
                .iter()
                .filter(|y| y.fiscal_year == fy)
                .map(|y| y.subsidy)
                .sum(),
        )
    };
    let a = subsidy(&est.low.contracts, h_low)?;
    let b = subsidy(&est.high.contracts, h_high)?;
    Some((a.min(b), a.max(b)))
}
