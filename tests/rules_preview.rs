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

#[test]
fn contracts_and_months_give_live_totals_from_the_day_fees_count() {
    use isumi_check::rules::calendar::YearMonth;
    use isumi_check::rules::fees::{Contract, ContractKind, Payment};
    use isumi_check::rules::preview::{contracts_total, months_total};
    use isumi_check::rules::subsidy::MonthFees;
    // ¥250,000 in one contract after 2019-10: 22,000 + 11,000 + 2,750 = ¥35,750 of fees.
    let c = Contract {
        label: String::new(),
        kind: ContractKind::Fixed,
        payments: vec![Payment {
            date: d(2026, 6, 15),
            amount: 250_000,
        }],
    };
    let t = contracts_total(
        rules(),
        2026,
        std::slice::from_ref(&c),
        None,
        d(2018, 10, 1),
    )
    .unwrap();
    assert_eq!(t.fees, 35_750);
    assert_eq!(
        t.subsidy,
        (30_000, 35_750),
        "shared cap low, individual high"
    );
    // Paid before the day fees count: nothing.
    let t = contracts_total(
        rules(),
        2026,
        &[c],
        Some(Housing::Individual),
        d(2026, 7, 1),
    )
    .unwrap();
    assert_eq!((t.fees, t.subsidy), (0, (0, 0)));
    // Months: May and June 2026, counting from 2026-06-10 — June holds that day and counts whole.
    let m = |month, fees| MonthFees {
        month: YearMonth::new(2026, month).unwrap(),
        fees,
    };
    let t = months_total(
        rules(),
        2026,
        &[m(5, 20_000), m(6, 15_000)],
        Some(Housing::Shared),
        d(2026, 6, 10),
    )
    .unwrap();
    assert_eq!((t.fees, t.subsidy), (15_000, (15_000, 15_000)));
}
