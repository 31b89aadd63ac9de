//! Table-driven rule tests: `tests/cases.json` (input → expected output, worked by hand from
//! domain.md) run through the public engine API.

use chrono::NaiveDate;
use isumi_check::rules::application::Drafting;
use isumi_check::rules::counting::NotCountedItem;
use isumi_check::rules::counting::NotCountedReason;
use isumi_check::rules::data::{rules, Rules, RULES_JSON};
use isumi_check::rules::fees::{contract_fees, Contract, FeeError};
use isumi_check::rules::iso_date;
use isumi_check::rules::scenario::{evaluate, ScenarioFile};
use isumi_check::rules::span::{format_rate_range, format_yen_range};
use isumi_check::rules::subsidy::{subsidy_by_year, Housing};
use isumi_check::rules::Lang;
use serde_json::Value;

/// The day the "scenarios" section is evaluated as of, unless a case gives its own `today`: the
/// first day of FY2026, so every persona's year is a whole year and a forecast.
const SCENARIOS_TODAY: &str = isumi_check::rules::worked_examples::DEFAULT_TODAY;

fn date(s: &str) -> NaiveDate {
    iso_date::parse(s).unwrap_or_else(|e| panic!("bad date {s}: {e}"))
}

fn cases() -> Value {
    serde_json::from_str(include_str!("cases.json")).expect("tests/cases.json is valid JSON")
}

fn u64s(v: &Value) -> Vec<u64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_u64().expect("number"))
        .collect()
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|x| x.as_str().expect("string").to_string())
        .collect()
}

#[test]
fn fee_cases() {
    let all = cases();
    let list = all["fees"].as_array().expect("fees");
    assert!(list.len() >= 15);
    for case in list {
        let name = case["name"].as_str().unwrap_or("?");
        let contract: Contract = serde_json::from_value(case["contract"].clone())
            .unwrap_or_else(|e| panic!("{name}: bad contract: {e}"));
        let f = contract_fees(rules(), 0, &contract).unwrap_or_else(|e| panic!("{name}: {e}"));
        let e = &case["expect"];
        let got = |field: fn(&isumi_check::rules::fees::PaymentFee) -> u64| -> Vec<u64> {
            f.payments.iter().map(field).collect()
        };
        if !e["fee_with_tax"].is_null() {
            assert_eq!(
                got(|p| p.fee_with_tax),
                u64s(&e["fee_with_tax"]),
                "{name}: fee with tax"
            );
        }
        if !e["fee_before_tax"].is_null() {
            assert_eq!(
                got(|p| p.fee_before_tax),
                u64s(&e["fee_before_tax"]),
                "{name}: fee before tax"
            );
        }
        if !e["tax"].is_null() {
            assert_eq!(got(|p| p.tax), u64s(&e["tax"]), "{name}: tax");
        }
        if !e["receives"].is_null() {
            assert_eq!(
                got(|p| p.receives),
                u64s(&e["receives"]),
                "{name}: receives"
            );
        }
        if !e["schedule"].is_null() {
            let ids: Vec<String> = f.payments.iter().map(|p| p.schedule_id.clone()).collect();
            assert_eq!(ids, strs(&e["schedule"]), "{name}: schedule");
        }
        if let Some(t) = e["total_fee_with_tax"].as_u64() {
            assert_eq!(f.total_fee_with_tax, t, "{name}: total");
        }
        // Invariants of every payment.
        for p in &f.payments {
            assert_eq!(p.fee_before_tax + p.tax, p.fee_with_tax, "{name}");
            assert_eq!(p.receives + p.fee_with_tax, p.amount, "{name}");
        }
    }
}

#[test]
fn fee_error_cases() {
    for case in cases()["fee_errors"].as_array().expect("fee_errors") {
        let name = case["name"].as_str().unwrap_or("?");
        let contract: Contract =
            serde_json::from_value(case["contract"].clone()).expect("contract");
        let err = contract_fees(rules(), 0, &contract).expect_err(name);
        match case["error"].as_str() {
            Some("no_schedule") => assert!(
                matches!(err, FeeError::NoSchedule { .. }),
                "{name}: {err:?}"
            ),
            other => panic!("{name}: unknown expected error {other:?}"),
        }
        assert!(!err.text().ja.is_empty() && !err.text().en.is_empty());
    }
}

#[test]
fn subsidy_cases() {
    for case in cases()["subsidy"].as_array().expect("subsidy") {
        let name = case["name"].as_str().unwrap_or("?");
        let contracts: Vec<Contract> =
            serde_json::from_value(case["contracts"].clone()).expect("contracts");
        let housing: Housing = serde_json::from_value(case["housing"].clone()).expect("housing");
        let report =
            subsidy_by_year(rules(), &contracts, housing).unwrap_or_else(|e| panic!("{name}: {e}"));
        let want = case["years"].as_array().expect("years");
        assert_eq!(report.years.len(), want.len(), "{name}: number of years");
        for (y, w) in report.years.iter().zip(want) {
            let fy = w["fiscal_year"].as_i64().expect("fy");
            assert_eq!(y.fiscal_year as i64, fy, "{name}");
            assert_eq!(
                y.earnings,
                w["earnings"].as_u64(),
                "{name} FY{fy}: earnings"
            );
            assert_eq!(Some(y.fees), w["fees"].as_u64(), "{name} FY{fy}: fees");
            assert_eq!(Some(y.cap), w["cap"].as_u64(), "{name} FY{fy}: cap");
            assert_eq!(
                Some(y.subsidy),
                w["subsidy"].as_u64(),
                "{name} FY{fy}: subsidy"
            );
            assert_eq!(
                Some(y.uncovered),
                w["uncovered"].as_u64(),
                "{name} FY{fy}: uncovered"
            );
            if let Some(bp) = w["rate_bp"].as_u64() {
                assert_eq!(y.fee_rate_bp, Some(bp as u32), "{name}: rate");
            }
            if let Some(bp) = w["rate_after_bp"].as_u64() {
                assert_eq!(
                    y.fee_rate_after_subsidy_bp,
                    Some(bp as u32),
                    "{name}: rate after"
                );
            }
            if let Some(n) = w["excluded"].as_u64() {
                assert_eq!(y.not_counted.len() as u64, n, "{name}: excluded");
                assert!(
                    y.not_counted
                        .iter()
                        .all(|n| n.reason == NotCountedReason::BeforeProgram),
                    "{name}: excluded as before the program"
                );
            }
            if let Some(p) = w["period"].as_str() {
                assert_eq!(
                    serde_json::to_value(y.reported_period).unwrap(),
                    p,
                    "{name}: period"
                );
                assert_eq!(
                    y.period_note.is_some(),
                    p != "inside",
                    "{name}: period note"
                );
            }
            // The trace ends with the total line in both languages.
            assert!(y
                .trace
                .iter()
                .any(|t| t.ja.starts_with("手数料合計") && t.en.starts_with("Total fees")));
            assert_eq!(y.stamp, *rules().stamp());
        }
    }
}

#[test]
fn scenario_cases_and_personas() {
    let all = cases();
    let list = all["scenarios"].as_array().expect("scenarios");
    let personas = list
        .iter()
        .filter(|c| c["name"].as_str().unwrap_or("").contains("persona"))
        .count();
    assert_eq!(personas, 6, "all six glossary personas are in the table");
    for case in list {
        let name = case["name"].as_str().unwrap_or("?");
        let text = case["scenario"].to_string();
        let file = ScenarioFile::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let today = date(case["today"].as_str().unwrap_or(SCENARIOS_TODAY));
        let o = evaluate(rules(), &file, today).unwrap_or_else(|e| panic!("{name}: {e}"));
        let e = &case["expect"];
        let verdict = serde_json::to_value(o.assessment.verdict).unwrap();
        assert_eq!(verdict, e["verdict"], "{name}: verdict");
        if let Some(n) = e["actions"].as_u64() {
            assert_eq!(o.assessment.actions.len() as u64, n, "{name}: actions");
        }
        if let Some(s) = e["action_contains"].as_str() {
            assert!(
                o.assessment.actions.iter().any(|a| a.en.contains(s)),
                "{name}: action {s}"
            );
        }
        if let Some(changes) = e["changes"].as_array() {
            let got: Vec<(String, String)> = o
                .assessment
                .to_become_eligible
                .iter()
                .map(|c| {
                    (
                        serde_json::to_value(c.question)
                            .unwrap()
                            .as_str()
                            .unwrap()
                            .to_string(),
                        c.to.clone(),
                    )
                })
                .collect();
            let want: Vec<(String, String)> = changes
                .iter()
                .map(|c| {
                    (
                        c[0].as_str().unwrap().to_string(),
                        c[1].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            assert_eq!(got, want, "{name}: changes");
        }
        if e["narrowing"].as_str() == Some("housing") {
            assert_eq!(
                o.assessment.narrowing_question,
                Some(isumi_check::rules::eligibility::Question::Housing),
                "{name}"
            );
        } else {
            assert_eq!(o.assessment.narrowing_question, None, "{name}");
        }
        if e["no_subsidy"].as_bool() == Some(true) {
            assert!(o.subsidy.is_none(), "{name}: no fees given, no subsidy");
            continue;
        }
        let s = o
            .subsidy
            .as_ref()
            .unwrap_or_else(|| panic!("{name}: subsidy"));
        if let Some(b) = e["is_range"].as_bool() {
            assert_eq!(s.is_range, b, "{name}: is_range");
        }
        for (key, got) in [
            ("fees_low", s.low.fees),
            ("fees_high", s.high.fees),
            ("subsidy_low", s.low.subsidy),
            ("subsidy_high", s.high.subsidy),
            ("uncovered_low", s.low.uncovered),
        ] {
            if let Some(want) = e[key].as_u64() {
                assert_eq!(got, want, "{name}: {key}");
            }
        }
        if let Some(months) = e["excluded_months"].as_array() {
            for y in [&s.low, &s.high] {
                let left_out: Vec<_> = y
                    .not_counted
                    .iter()
                    .filter_map(|n| match &n.item {
                        NotCountedItem::Month(m) => Some((m.month, &n.text)),
                        NotCountedItem::Payment(_) => None,
                    })
                    .collect();
                let got: Vec<String> = left_out.iter().map(|(m, _)| m.to_string()).collect();
                assert_eq!(got, strs(&e["excluded_months"]), "{name}: excluded months");
                assert_eq!(left_out.len(), months.len());
                // Each is explained in the trace, in both languages, and not in the counted months.
                for (m, text) in &left_out {
                    assert!(!text.ja.is_empty() && !text.en.is_empty());
                    assert!(
                        y.trace.iter().any(|t| t == *text),
                        "{name}: {m} in the trace"
                    );
                    assert!(y.months.iter().all(|c| c.month != *m));
                }
            }
        }
        assert_eq!(o.stamp, *rules().stamp());
        assert_eq!(o.desk_note.ja, "最終的な判断は窓口で行われます。");
    }
}

/// (low, high) of a span as JSON.
fn span_of(v: &Value) -> (u64, u64) {
    (
        v["low"].as_u64().expect("low"),
        v["high"].as_u64().expect("high"),
    )
}

fn pair(v: &Value) -> (u64, u64) {
    let a = u64s(v);
    (a[0], a[1])
}

/// The date (or month) of a not-counted item, as written in the table.
fn item_date(n: &Value) -> String {
    let item = &n["item"];
    if let Some(p) = item.get("payment") {
        p["date"].as_str().expect("date").to_string()
    } else {
        item["month"]["month"].as_str().expect("month").to_string()
    }
}

/// The bundled rules with `fees_while_eligible` set to `whole_year`.
fn whole_year_rules() -> Rules {
    let mut v: Value = serde_json::from_str(RULES_JSON).expect("rules JSON");
    let list = v["assumptions"].as_array_mut().expect("assumptions");
    let a = list
        .iter_mut()
        .find(|a| a["id"] == "fees_while_eligible")
        .expect("fees_while_eligible is in the rules");
    a["default"] = Value::from("whole_year");
    Rules::from_json(&v.to_string()).expect("whole_year is a valid setting")
}

#[test]
fn timing_cases() {
    let all = cases();
    let list = all["timing"].as_array().expect("timing");
    assert!(list.len() >= 6);
    for case in list {
        let name = case["name"].as_str().unwrap_or("?");
        assert!(
            case["why"].as_str().is_some_and(|w| !w.is_empty()),
            "{name}: why"
        );
        let file = ScenarioFile::from_json(&case["scenario"].to_string())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let today = date(case["today"].as_str().expect("today"));
        let o = evaluate(rules(), &file, today).unwrap_or_else(|e| panic!("{name}: {e}"));
        let v = serde_json::to_value(&o).expect("outcome as JSON");
        let e = &case["expect"];
        let t = &v["timing"];
        for (key, got) in [
            ("verdict", &v["assessment"]["verdict"]),
            ("eligible_from", &t["eligible_from"]["date"]),
            ("set_by", &t["eligible_from"]["set_by"]),
            ("certainty", &t["eligible_from"]["certainty"]),
            ("counts_from", &t["counts_from"]),
            ("first_fiscal_year", &t["first_fiscal_year"]),
            ("year_status", &t["year_status"]),
            ("positive", &t["positive"]),
            ("forecast", &v["forecast"]),
        ] {
            if !e[key].is_null() {
                assert_eq!(got, &e[key], "{name}: {key}");
            }
        }
        for s in e["headline_contains"].as_array().into_iter().flatten() {
            let s = s.as_str().expect("string");
            assert!(
                o.timing.headline.ja.contains(s),
                "{name}: headline {:?} lacks {s}",
                o.timing.headline.ja
            );
        }
        for s in e["headline_lacks"].as_array().into_iter().flatten() {
            let s = s.as_str().expect("string");
            assert!(
                !o.timing.headline.ja.contains(s),
                "{name}: headline {:?} has {s}",
                o.timing.headline.ja
            );
        }
        assert!(!o.timing.headline.en.is_empty(), "{name}: English headline");
        if let Some(want) = e["application"].as_str() {
            let got = match &o.application {
                Drafting::Ready { forecast: false } => "ready".to_string(),
                Drafting::Ready { forecast: true } => "ready_forecast".to_string(),
                Drafting::NotReady { reason, text } => {
                    assert!(!text.ja.is_empty() && !text.en.is_empty(), "{name}");
                    serde_json::to_value(reason)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string()
                }
            };
            assert_eq!(got, want, "{name}: application");
        }
        assert_eq!(
            o.forecast,
            o.forecast_text.is_some(),
            "{name}: forecast wording"
        );
        if o.forecast {
            let f = o.forecast_text.as_ref().unwrap();
            assert!(
                f.ja.contains("見込み") && f.ja.contains("年度末"),
                "{name}: {}",
                f.ja
            );
        }
        let s = &v["subsidy"];
        let f = &s["figures"];
        for (key, got) in [
            ("earnings", &f["earnings"]),
            ("fees", &f["fees"]),
            ("subsidy", &f["subsidy"]),
            ("uncovered", &f["uncovered"]),
            ("rate_bp", &f["fee_rate_bp"]),
            ("rate_after_bp", &f["fee_rate_after_subsidy_bp"]),
        ] {
            if !e[key].is_null() {
                assert_eq!(span_of(got), pair(&e[key]), "{name}: {key}");
            }
        }
        let range = o.subsidy.as_ref();
        if let Some(texts) = e["uncovered_text"].as_array() {
            let span = range.expect("subsidy").figures.uncovered;
            assert_eq!(format_yen_range(span, Lang::Ja), texts[0], "{name}");
            assert_eq!(format_yen_range(span, Lang::En), texts[1], "{name}");
        }
        if let Some(texts) = e["rate_text"].as_array() {
            let span = range.and_then(|r| r.figures.fee_rate_bp).expect("rates");
            assert_eq!(format_rate_range(span, Lang::Ja), texts[0], "{name}");
            assert_eq!(format_rate_range(span, Lang::En), texts[1], "{name}");
        }
        if let Some(texts) = e["rate_after_text"].as_array() {
            let span = range
                .and_then(|r| r.figures.fee_rate_after_subsidy_bp)
                .expect("rates");
            assert_eq!(format_rate_range(span, Lang::Ja), texts[0], "{name}");
            assert_eq!(format_rate_range(span, Lang::En), texts[1], "{name}");
        }
        if !e["year_reported_period"].is_null() {
            assert_eq!(
                s["low"]["reported_period"], e["year_reported_period"],
                "{name}: period"
            );
            assert_eq!(
                s["low"]["period_assumption"].is_null(),
                e["year_reported_period"] == "inside",
                "{name}: the year's own period assumption"
            );
        }
        let not_counted = s["low"]["not_counted"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if let Some(want) = e["not_counted"].as_array() {
            let got: Vec<Value> = not_counted
                .iter()
                .map(|n| serde_json::json!([item_date(n), n["reason"], n["fiscal_year"]]))
                .collect();
            assert_eq!(&got, want, "{name}: not counted");
        }
        if let Some(n) = e["not_counted_count"].as_u64() {
            assert_eq!(not_counted.len() as u64, n, "{name}: not counted");
        }
        for n in &not_counted {
            assert!(
                n["text"]["ja"]
                    .as_str()
                    .is_some_and(|t| t.contains("数えません")),
                "{name}: {n}"
            );
            assert!(
                n["text"]["en"]
                    .as_str()
                    .is_some_and(|t| t.contains("not counted")),
                "{name}: {n}"
            );
        }
        if e.get("nothing_counted").is_some() {
            match (&e["nothing_counted"], &o.nothing_counted) {
                (Value::Null, None) => {}
                (w, Some(n)) if !w.is_null() => {
                    assert_eq!(
                        Value::from(n.all_outside_year),
                        w["all_outside_year"],
                        "{name}"
                    );
                    assert_eq!(
                        serde_json::to_value(&n.their_years).unwrap(),
                        w["their_years"],
                        "{name}"
                    );
                    if let Some(b) = w.get("all_before_eligible") {
                        assert_eq!(&Value::from(n.all_before_eligible), b, "{name}");
                    }
                    if let Some(c) = w.get("counts_from") {
                        assert_eq!(
                            &n.counts_from
                                .map_or(Value::Null, |d| Value::from(iso_date::format(d))),
                            c,
                            "{name}: nothing counted from"
                        );
                    }
                    // Nothing counted is never good news.
                    assert!(!o.timing.positive, "{name}: positive over ¥0");
                    assert!(!n.text.ja.is_empty() && !n.text.en.is_empty(), "{name}");
                }
                (w, got) => panic!("{name}: nothing_counted {got:?}, want {w}"),
            }
        }
        let ids: Vec<&str> = o.assumptions.iter().map(|a| a.id.as_str()).collect();
        for id in e["assumptions"].as_array().into_iter().flatten() {
            assert!(
                ids.contains(&id.as_str().unwrap()),
                "{name}: assumption {id} in {ids:?}"
            );
        }
        for id in e["assumptions_absent"].as_array().into_iter().flatten() {
            assert!(
                !ids.contains(&id.as_str().unwrap()),
                "{name}: assumption {id} not in {ids:?}"
            );
        }
        for needle in e["trace_contains"].as_array().into_iter().flatten() {
            let needle = needle.as_str().unwrap();
            assert!(
                range
                    .expect("subsidy")
                    .low
                    .trace
                    .iter()
                    .any(|t| t.ja.contains(needle)),
                "{name}: trace lacks {needle}"
            );
        }
        if let Some(w) = e.get("outlook") {
            let out = &v["outlook"];
            assert_eq!(out["start"], w["start"], "{name}: outlook start");
            assert_eq!(out["end"], w["end"], "{name}: outlook end");
            let years: Vec<Value> = out["years"]
                .as_array()
                .expect("years")
                .iter()
                .map(|y| {
                    serde_json::json!([y["fiscal_year"], y["subsidy"]["low"], y["subsidy"]["high"]])
                })
                .collect();
            assert_eq!(&Value::from(years), &w["years"], "{name}: outlook years");
            assert_eq!(
                span_of(&out["total"]),
                pair(&w["total"]),
                "{name}: outlook total"
            );
            let oids: Vec<&str> = o
                .outlook
                .as_ref()
                .unwrap()
                .assumption_ids
                .iter()
                .map(String::as_str)
                .collect();
            for id in w["assumptions"].as_array().into_iter().flatten() {
                assert!(
                    oids.contains(&id.as_str().unwrap()),
                    "{name}: outlook assumption {id} in {oids:?}"
                );
                assert!(
                    ids.contains(&id.as_str().unwrap()),
                    "{name}: outcome lists outlook assumption {id}"
                );
            }
            for id in w["assumptions_absent"].as_array().into_iter().flatten() {
                assert!(
                    !oids.contains(&id.as_str().unwrap()),
                    "{name}: outlook assumption {id} not in {oids:?}"
                );
            }
        }
        if let Some(w) = e.get("whole_year") {
            // The same scenario under the other setting of the open point, on a modified copy of the rules.
            let r = whole_year_rules();
            let o2 = evaluate(&r, &file, today).unwrap_or_else(|e| panic!("{name}: {e}"));
            let s2 = o2.subsidy.expect("subsidy");
            let f2 = s2.figures;
            assert_eq!(
                (f2.fees.low, f2.fees.high),
                pair(&w["fees"]),
                "{name}: whole_year fees"
            );
            assert_eq!(
                (f2.subsidy.low, f2.subsidy.high),
                pair(&w["subsidy"]),
                "{name}: whole_year subsidy"
            );
            let want = w["not_counted"]
                .as_u64()
                .unwrap_or_else(|| panic!("{name}: whole_year.not_counted is a count"));
            for y in [&s2.low, &s2.high] {
                assert_eq!(
                    y.not_counted.len() as u64,
                    want,
                    "{name}: whole_year not counted {:?}",
                    y.not_counted
                );
            }
        }
    }
}

/// The staff check page runs the same table through `rules::worked_examples`: every example
/// passes there too, and a wrong expectation is caught.
#[test]
fn the_in_browser_check_agrees_with_the_table() {
    use isumi_check::rules::worked_examples::check_examples;
    let table = include_str!("cases.json");
    let results = check_examples(rules(), table).expect("the table reads");
    let all = cases();
    let sections = ["fees", "fee_errors", "subsidy", "scenarios", "timing"];
    let count: usize = sections
        .iter()
        .map(|s| all[*s].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(results.len(), count, "every example is recomputed");
    for s in sections {
        assert!(results.iter().any(|r| r.section == s), "{s}");
    }
    for r in &results {
        assert!(r.passed(), "{} / {}: {:?}", r.section, r.name, r.failures);
    }
    // One figure changed in the table: that example fails, with what differs.
    let wrong = table.replacen("\"fee_with_tax\": [32500]", "\"fee_with_tax\": [32400]", 1);
    let results = check_examples(rules(), &wrong).unwrap();
    let failed: Vec<_> = results.iter().filter(|r| !r.passed()).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(
        failed[0].failures,
        ["fee with tax: [32400] expected, [32500] computed"]
    );
    // A timing expectation changed: caught too.
    let wrong = table.replacen(
        "\"counts_from\": \"2026-11-01\"",
        "\"counts_from\": \"2026-10-01\"",
        1,
    );
    assert_ne!(wrong, table);
    let results = check_examples(rules(), &wrong).unwrap();
    let failed: Vec<_> = results.iter().filter(|r| !r.passed()).collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].section, "timing");
    assert_eq!(
        failed[0].failures,
        ["fees count from: \"2026-10-01\" expected, \"2026-11-01\" computed"]
    );
    assert!(check_examples(rules(), "not json").is_err());
}
