//! The chart's numbers: exact tick labels, an axis that fits the person, the caps on it.

use chrono::NaiveDate;
use isumi_check::rules::chart::{axis_label, chart, nice_axis};
use isumi_check::rules::data::rules;
use isumi_check::rules::estimate::{yearly_fees, WorkMix};
use isumi_check::rules::personas::personas;
use isumi_check::rules::scenario::{evaluate, ScenarioFile};
use isumi_check::rules::Lang;

#[test]
fn tick_labels_say_their_exact_value() {
    for (v, ja, en) in [
        (0, "0円", "¥0"),
        (20_000, "2万円", "¥20k"),
        (25_000, "2.5万円", "¥25k"),
        (75_000, "7.5万円", "¥75k"),
        (1_250_000, "125万円", "¥1.25M"),
        (2_000_000, "200万円", "¥2M"),
        (500, "¥500", "¥500"),
    ] {
        assert_eq!(axis_label(v, Lang::Ja), ja, "{v}");
        assert_eq!(axis_label(v, Lang::En), en, "{v}");
    }
}

#[test]
fn axes_end_on_a_round_step_just_past_the_target() {
    // 60,000 in at most 5 steps: steps of 10,000 would take 6; 20,000 takes 3.
    assert_eq!(nice_axis(60_000, 5), (60_000, 20_000));
    // 150,000: 10k ×15, 20k ×8, 25k ×6 are too many; 50k ×3.
    assert_eq!(nice_axis(150_000, 5), (150_000, 50_000));
    // 264,000: 100k ×3.
    assert_eq!(nice_axis(264_000, 3), (300_000, 100_000));
    // 363,000 in at most 3 steps: 100k would take 4; 200k takes 2.
    assert_eq!(nice_axis(363_000, 3), (400_000, 200_000));
    assert_eq!(nice_axis(1, 3), (1, 1));
}

#[test]
fn the_x_axis_fits_the_person_and_keeps_both_caps_in_view() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    // ¥20,000 a month in ¥12,000 contracts: ¥240,000 a year, past where the ¥50,000 cap is reached
    // (fees are 22% of earnings here: about ¥227,000 a year). 240,000 × 1.1 = 264,000 → ¥300,000.
    let f = ScenarioFile::from_json(
        r#"{"format":"isumi-check","format_version":2,"fiscal_year":2026,
        "answers":{"residence":"lives_in_isumi","stay_3_years":"yes","crowdworks_account":"yes","hinode_special_member":"yes","housing":"individual"},
        "estimate":{"mode":"quick","monthly_earnings":20000,"contract_size":12000}}"#,
    )
    .unwrap();
    let o = evaluate(rules(), &f, today).unwrap();
    let c = chart(rules(), &o, f.estimate.as_ref()).unwrap().unwrap();
    assert_eq!(c.x_max, 300_000);
    assert_eq!(
        c.x_ticks.iter().map(|t| t.value).collect::<Vec<_>>(),
        [0, 100_000, 200_000, 300_000]
    );
    // Both caps (30,000 and 50,000) under the top of the y-axis: 50,000 × 1.2 = 60,000.
    assert_eq!(c.y_max, 60_000);
    assert_eq!(c.y_ticks.last().unwrap().label.ja, "6万円");
    // The higher cap is reached where the fees first reach it (to the ¥1,000).
    let at = c.cap_reached_at.individual.unwrap();
    let fees = |e| yearly_fees(rules(), 2026, 12_000, WorkMix::default(), e).unwrap();
    assert!(fees(at) >= 50_000 && fees(at - 1_000) < 50_000, "{at}");
    assert!((220_000..235_000).contains(&at), "{at}");
    assert_eq!(c.you.len(), 1);
    assert_eq!((c.you[0].earnings, c.you[0].subsidy), (240_000, 50_000));
    // The table: one row a tick. ¥100,000 a year in ¥12,000 contracts: one contract a month of
    // 8,333 (8,334 in the first four): fee floor(8,333 × 20%) = 1,666 (also for 8,334), tax
    // floor(166.6) = 166 → 1,832 a month, 12 × 1,832 = ¥21,984 a year, under both caps.
    assert_eq!(c.rows.len(), 4);
    assert_eq!(c.rows[1].fees, 21_984);
    assert_eq!(c.rows[1].subsidy_shared, c.rows[1].fees);
    assert_eq!(c.rows[3].subsidy_individual, 50_000);
    // The curve runs to the end of the axis.
    assert_eq!(c.curve.points.last().unwrap().yearly_earnings, 300_000);
}

#[test]
fn no_chart_without_earnings() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    // Fees per month have no earnings to put on an axis: no chart.
    let f = ScenarioFile::from_json(
        r#"{"format":"isumi-check","format_version":2,"fiscal_year":2026,"answers":{},
        "estimate":{"mode":"actual","months":[{"month":"2026-05","fees":20000}]}}"#,
    )
    .unwrap();
    let o = evaluate(rules(), &f, today).unwrap();
    assert!(chart(rules(), &o, f.estimate.as_ref()).is_none());
    let o = evaluate(rules(), &personas()[0].scenario, today).unwrap();
    assert!(chart(rules(), &o, personas()[0].scenario.estimate.as_ref()).is_some());
}
