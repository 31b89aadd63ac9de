//! The quick page's live figure: the same subsidy the result computes, counting only the fees paid
//! from the day they start to count.

use chrono::NaiveDate;
use isumi_check::rules::data::rules;
use isumi_check::rules::estimate::{QuickAnswers, WorkMix};
use isumi_check::rules::preview::quick_subsidy;
use isumi_check::rules::subsidy::Housing;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn answers(monthly: u64, size: u64) -> QuickAnswers {
    QuickAnswers {
        monthly_earnings: Some(monthly),
        contract_size: Some(size),
        mix: WorkMix::default(),
        first_month: None,
    }
}

#[test]
fn a_whole_year_reaches_the_cap() {
    // ¥20,000 a month in ¥12,000 contracts after 2019-10: 12,000 × 22% + 8,000 × 22% = ¥4,400 a
    // month, ¥52,800 a year: over the ¥30,000 shared cap and over nothing of the ¥50,000 one.
    let a = answers(20_000, 12_000);
    let program = d(2018, 10, 1);
    assert_eq!(
        quick_subsidy(rules(), 2026, &a, Some(Housing::Shared), program),
        Some((30_000, 30_000))
    );
    assert_eq!(
        quick_subsidy(rules(), 2026, &a, Some(Housing::Individual), program),
        Some((50_000, 50_000))
    );
    assert_eq!(
        quick_subsidy(rules(), 2026, &a, None, program),
        Some((30_000, 50_000))
    );
}

#[test]
fn fees_before_the_day_they_count_are_left_out() {
    let a = answers(20_000, 12_000);
    // Counting from 2027-01-01 in FY2026: January–March, paid on the 15th: 3 × ¥4,400 = ¥13,200.
    assert_eq!(
        quick_subsidy(rules(), 2026, &a, Some(Housing::Individual), d(2027, 1, 1)),
        Some((13_200, 13_200))
    );
    // A year that ends before the move: nothing, however much was earned.
    assert_eq!(
        quick_subsidy(rules(), 2025, &a, Some(Housing::Individual), d(2027, 4, 1)),
        Some((0, 0))
    );
}
