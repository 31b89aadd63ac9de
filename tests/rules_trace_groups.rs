//! The trace with identical payments grouped: the result page's readable trace.

use chrono::NaiveDate;
use isumi_check::rules::data::rules;
use isumi_check::rules::personas::personas;
use isumi_check::rules::scenario::evaluate;
use isumi_check::rules::trace_groups::grouped_trace;

#[test]
fn a_quick_estimate_of_ten_articles_a_month_reads_as_one_line() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    // Writer A: ¥125,000 a month in ¥12,500 contracts = 10 a month, 120 in FY2026. Each, after
    // 2019-10: 12,500 × 20% = 2,500, consumption tax 250 → 2,750; 120 × 2,750 = 330,000.
    let o = evaluate(rules(), &personas()[0].scenario, today).unwrap();
    let year = &o.subsidy.unwrap().low;
    assert_eq!(year.payments.len(), 120);
    let grouped = grouped_trace(year);
    let payment_lines: Vec<_> = grouped.iter().filter(|t| t.ja.contains("× 20%")).collect();
    assert_eq!(
        payment_lines.len(),
        1,
        "one line for 120 identical payments"
    );
    assert_eq!(
        payment_lines[0].ja,
        "固定報酬制 ¥12,500 × 120件（毎月10件 × 12か月）: 1件あたり ¥12,500 × 20% = ¥2,500、消費税 ¥250 [cw-2019-10] → 手数料 ¥2,750 × 120件 = ¥330,000"
    );
    assert!(payment_lines[0]
        .en
        .contains("× 120 (10 a month × 12 months)"));
    // Everything else is kept: the year's header first, the totals after.
    assert_eq!(grouped[0], year.trace[0]);
    assert_eq!(grouped.len(), year.trace.len() - 119);
    assert_eq!(grouped.last(), year.trace.last());
}

#[test]
fn payments_that_differ_keep_their_own_lines() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    // Designer B: milestones of one contract differ (the running total moves through the tiers).
    let o = evaluate(rules(), &personas()[1].scenario, today).unwrap();
    let year = &o.subsidy.unwrap().low;
    assert_eq!(grouped_trace(year), year.trace);
}
