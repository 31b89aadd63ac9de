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

#[test]
fn an_uneven_spread_is_never_called_so_many_a_month() {
    // Four ¥10,000 one-off contracts: three paid in April 2025, one in May. Their lines are the
    // same but for the date (each: 10,000 × 20% = 2,000 + tax 200 = 2,200), so they group; but
    // "2 a month × 2 months" would be false.
    let file = isumi_check::rules::scenario::read_scenario(
        r#"{"format":"isumi-check","format_version":1,"fiscal_year":2025,
  "answers":{"residence":"lives_in_isumi","stay_3_years":"yes","crowdworks_account":"yes","hinode_special_member":"yes","housing":"shared"},
  "estimate":{"mode":"detailed","contracts":[
    {"label":"","kind":"fixed","payments":[{"date":"2025-04-03","amount":10000}]},
    {"label":"","kind":"fixed","payments":[{"date":"2025-04-10","amount":10000}]},
    {"label":"","kind":"fixed","payments":[{"date":"2025-04-20","amount":10000}]},
    {"label":"","kind":"fixed","payments":[{"date":"2025-05-02","amount":10000}]}]}}"#,
    )
    .unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    let o = evaluate(rules(), &file, today).unwrap();
    let year = &o.subsidy.unwrap().low;
    let grouped = grouped_trace(year);
    let lines: Vec<_> = grouped.iter().filter(|t| t.ja.contains("× 20%")).collect();
    assert_eq!(lines.len(), 1, "{grouped:?}");
    assert!(lines[0].ja.contains("¥10,000 × 4件: "), "{}", lines[0].ja);
    assert!(
        lines[0].ja.ends_with("手数料 ¥2,200 × 4件 = ¥8,800"),
        "{}",
        lines[0].ja
    );
    assert!(!lines[0].ja.contains("毎月"), "{}", lines[0].ja);
    assert!(!lines[0].en.contains("a month"), "{}", lines[0].en);

    // Two in April and two in May is an even spread, and says so.
    let even = file_with_dates(&["2025-04-03", "2025-04-10", "2025-05-02", "2025-05-09"]);
    let o = evaluate(rules(), &even, today).unwrap();
    let grouped = grouped_trace(&o.subsidy.unwrap().low);
    assert!(
        grouped
            .iter()
            .any(|t| t.ja.contains("× 4件（毎月2件 × 2か月）")),
        "{grouped:?}"
    );
}

fn file_with_dates(dates: &[&str]) -> isumi_check::rules::scenario::ScenarioFile {
    let contracts: Vec<String> = dates
        .iter()
        .map(|d| {
            format!(r#"{{"label":"","kind":"fixed","payments":[{{"date":"{d}","amount":10000}}]}}"#)
        })
        .collect();
    isumi_check::rules::scenario::read_scenario(&format!(
        r#"{{"format":"isumi-check","format_version":1,"fiscal_year":2025,
  "answers":{{"residence":"lives_in_isumi","stay_3_years":"yes","crowdworks_account":"yes","hinode_special_member":"yes","housing":"shared"}},
  "estimate":{{"mode":"detailed","contracts":[{}]}}}}"#,
        contracts.join(",")
    ))
    .unwrap()
}
