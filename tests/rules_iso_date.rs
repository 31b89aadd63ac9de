//! Dates are read and written exactly as `YYYY-MM-DD` (`rules::iso_date`): the parser's table and
//! properties, every date field of a scenario file, the saved answers and the rules data.
//!
//! Files with every date field the format has are written with each date as a quoted `YYYY-MM-DD`
//! and read back the same. (When the dates stopped going through chrono's serde, everything the
//! app writes, personas, outcomes, saved models and the rules, was checked byte for byte against
//! the chrono build.)

use chrono::NaiveDate;
use isumi_check::rules::data::{rules, Rules};
use isumi_check::rules::eligibility::{Answer, Answers, HousingAnswer, Residence};
use isumi_check::rules::fees::{Contract, ContractKind, Payment};
use isumi_check::rules::file_fields::{Expected, FieldProblem};
use isumi_check::rules::iso_date::{self, IsoDateError};
use isumi_check::rules::scenario::{
    evaluate, read_scenario, EstimateInput, ScenarioError, ScenarioFile,
};
use isumi_check::rules::subsidy::{MonthFees, YearMonth};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

/// Files with every date the format has: the three answer dates, a planned move, payments.
fn dated_files() -> Vec<(ScenarioFile, NaiveDate)> {
    let answers = |residence, moved_in, member_since| Answers {
        residence,
        stay_3_years: Answer::Yes,
        crowdworks_account: Answer::Yes,
        hinode_special_member: Answer::Yes,
        housing: HousingAnswer::Individual,
        moved_in,
        member_since,
    };
    let detailed = EstimateInput::Detailed {
        contracts: vec![Contract {
            label: "A".into(),
            kind: ContractKind::Fixed,
            payments: vec![
                Payment {
                    date: date(2019, 5, 1),
                    amount: 100_000,
                },
                Payment {
                    date: date(2019, 11, 29),
                    amount: 250_000,
                },
                Payment {
                    date: date(2020, 3, 31),
                    amount: 7,
                },
            ],
        }],
    };
    let actual = EstimateInput::Actual {
        months: vec![
            MonthFees {
                month: YearMonth {
                    year: 2026,
                    month: 10,
                },
                fees: 8_000,
            },
            MonthFees {
                month: YearMonth {
                    year: 2027,
                    month: 1,
                },
                fees: 12_000,
            },
        ],
    };
    let file = |fy, answers, estimate| {
        let mut f = ScenarioFile::new(fy);
        f.answers = answers;
        f.estimate = Some(estimate);
        f
    };
    vec![
        (
            file(
                2019,
                answers(
                    Residence::LivesInIsumi,
                    Some(date(2019, 6, 15)),
                    Some(date(2019, 4, 1)),
                ),
                detailed,
            ),
            date(2020, 5, 1),
        ),
        (
            file(
                2026,
                answers(
                    Residence::PlanningToMove {
                        when: Some(date(2026, 10, 1)),
                    },
                    None,
                    Some(date(2026, 9, 30)),
                ),
                actual,
            ),
            date(2026, 6, 1),
        ),
    ]
}

#[test]
fn every_date_a_file_holds_is_written_as_yyyy_mm_dd_and_read_back_the_same() {
    for (f, today) in dated_files() {
        let json = f.to_json().expect("the file is written");
        let back = read_scenario(&json).expect("what the app writes, it reads");
        assert_eq!(back, f);
        // Every date in the file is a quoted YYYY-MM-DD, nothing else date-like.
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut dates = Vec::new();
        collect_strings(&value, &mut dates);
        let dates: Vec<_> = dates
            .into_iter()
            .filter(|s| {
                s.len() >= 8
                    && s.chars().filter(|c| *c == '-').count() == 2
                    && s.chars().next().is_some_and(|c| c.is_ascii_digit())
            })
            .collect();
        assert!(!dates.is_empty());
        for d in &dates {
            assert!(iso_date::parse(d).is_ok(), "{d} in {json}");
            assert_eq!(d.len(), 10, "{d}");
        }
        // And it evaluates.
        evaluate(rules(), &back, today).expect("evaluates");
    }
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(m) => m.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

/// Texts that are not a date, each with why: the shape, or a day that does not exist.
const REFUSED: &[(&str, IsoDateError)] = &[
    ("2024-02-30", IsoDateError::NoSuchDay),
    ("2023-02-29", IsoDateError::NoSuchDay),
    ("2024-04-31", IsoDateError::NoSuchDay),
    ("2024-00-10", IsoDateError::NoSuchDay),
    ("2024-13-01", IsoDateError::NoSuchDay),
    ("2024-01-00", IsoDateError::NoSuchDay),
    ("2024-01-32", IsoDateError::NoSuchDay),
    ("2024-2-3", IsoDateError::Shape),
    ("2024-02-3", IsoDateError::Shape),
    ("2024-2-03", IsoDateError::Shape),
    (" 2024-02-03", IsoDateError::Shape),
    ("2024-02-03 ", IsoDateError::Shape),
    ("2024-02 -03", IsoDateError::Shape),
    ("\u{3000}2024-02-03", IsoDateError::Shape),
    ("2024-02-03T00:00", IsoDateError::Shape),
    ("2024-02-03T00:00:00Z", IsoDateError::Shape),
    ("+2024-02-03", IsoDateError::Shape),
    ("-2024-02-03", IsoDateError::Shape),
    ("+10000-01-01", IsoDateError::Shape),
    ("10000-01-01", IsoDateError::Shape),
    ("-0001-12-31", IsoDateError::Shape),
    ("999-12-31", IsoDateError::Shape),
    ("2024/02/03", IsoDateError::Shape),
    ("2024.02.03", IsoDateError::Shape),
    ("20240203", IsoDateError::Shape),
    ("2024-0203", IsoDateError::Shape),
    ("+024-02-03", IsoDateError::Shape),
    ("2024-+2-03", IsoDateError::Shape),
    ("2024-02-+3", IsoDateError::Shape),
    ("２０２４-02-03", IsoDateError::Shape),
    ("2024ー02ー03", IsoDateError::Shape),
    ("Sat, 03 Feb 2024", IsoDateError::Shape),
    ("", IsoDateError::Shape),
    ("soon", IsoDateError::Shape),
];

#[test]
fn the_table_of_dates() {
    for (text, y, m, d) in [
        ("2024-02-03", 2024, 2, 3),
        ("2024-02-29", 2024, 2, 29),
        ("2000-02-29", 2000, 2, 29),
        ("2019-12-31", 2019, 12, 31),
        ("0000-01-01", 0, 1, 1),
        ("0001-01-01", 1, 1, 1),
        ("9999-12-31", 9999, 12, 31),
    ] {
        assert_eq!(iso_date::parse(text), Ok(date(y, m, d)), "{text}");
        assert_eq!(iso_date::format(date(y, m, d)), text);
    }
    for &(text, why) in REFUSED {
        assert_eq!(iso_date::parse(text), Err(why), "{text:?}");
    }
}

/// A scenario file with `value` (JSON) at one of its date fields, and that field's path.
fn files_with_a_date(value: &str) -> Vec<(&'static str, String)> {
    let file =
        |members: String| format!(r#"{{"format":"isumi-check","format_version":2,{members}}}"#);
    vec![
        (
            "answers.moved_in",
            file(format!(
                r#""fiscal_year":2019,"answers":{{"residence":"lives_in_isumi","moved_in":{value}}}"#
            )),
        ),
        (
            "answers.member_since",
            file(format!(
                r#""fiscal_year":2019,"answers":{{"hinode_special_member":"yes","member_since":{value}}}"#
            )),
        ),
        (
            "answers.residence.planning_to_move.when",
            file(format!(
                r#""fiscal_year":2019,"answers":{{"residence":{{"planning_to_move":{{"when":{value}}}}}}}"#
            )),
        ),
        (
            "estimate.contracts[0].payments[1].date",
            file(format!(
                r#""fiscal_year":2019,"estimate":{{"mode":"detailed","contracts":[{{"label":"A","kind":"fixed","payments":[{{"date":"2019-05-01","amount":1}},{{"date":{value},"amount":1}}]}}]}}"#
            )),
        ),
    ]
}

#[test]
fn every_date_field_of_a_file_refuses_what_is_not_exactly_a_date() {
    for &(text, _) in REFUSED {
        let value = serde_json::to_string(text).expect("JSON string");
        for (path, json) in files_with_a_date(&value) {
            let Err(ScenarioError::BadField(e)) = read_scenario(&json) else {
                panic!("{path} = {text:?}: not refused by its field: {json}");
            };
            assert_eq!(e.path, path, "{text:?}");
            let nullable = path != "estimate.contracts[0].payments[1].date";
            assert_eq!(
                e.problem,
                FieldProblem::Expected(Expected::Date { nullable }),
                "{path} = {text:?}"
            );
            let t = e.text();
            assert!(
                t.en.starts_with(&format!(
                    "{path}: must be a date written YYYY-MM-DD (e.g. 2026-04-01)"
                )),
                "{}",
                t.en
            );
            assert!(
                t.ja.starts_with(&format!(
                    "{path}: 日付を YYYY-MM-DD の形(例: 2026-04-01)で書いてください"
                )),
                "{}",
                t.ja
            );
        }
    }
    // The same fields take a date, and `null` where it may be unknown.
    for (path, json) in files_with_a_date(r#""2019-06-01""#) {
        assert!(read_scenario(&json).is_ok(), "{path}");
    }
    for (path, json) in files_with_a_date("null") {
        let got = read_scenario(&json);
        if path.starts_with("answers.") {
            assert!(got.is_ok(), "{path}: {got:?}");
        } else {
            assert!(matches!(got, Err(ScenarioError::BadField(_))), "{path}");
        }
    }
}

#[test]
fn a_date_inside_an_estimate_with_its_mode_last_is_refused_with_what_it_must_be() {
    let json = r#"{"format":"isumi-check","format_version":2,"fiscal_year":2019,"estimate":{"contracts":[{"label":"A","kind":"fixed","payments":[{"date":"2019-5-1","amount":1}]}],"mode":"detailed"}}"#;
    let Err(e) = read_scenario(json) else {
        panic!("accepted");
    };
    assert!(
        e.text()
            .en
            .contains("2019-5-1\", expected a date written YYYY-MM-DD"),
        "{}",
        e.text().en
    );
}

#[test]
fn saved_answers_read_their_dates_as_before() {
    let read = |json: &str| serde_json::from_str::<Answers>(json).ok();
    assert_eq!(read("{}").map(|a| a.moved_in), Some(None));
    assert_eq!(read(r#"{"moved_in":null}"#).map(|a| a.moved_in), Some(None));
    assert_eq!(
        read(r#"{"moved_in":"2019-04-01","member_since":"2019-05-01"}"#)
            .map(|a| (a.moved_in, a.member_since)),
        Some((Some(date(2019, 4, 1)), Some(date(2019, 5, 1))))
    );
    assert_eq!(
        read(r#"{"residence":{"planning_to_move":{}}}"#).map(|a| a.residence),
        Some(Residence::PlanningToMove { when: None })
    );
    for bad in [
        r#"{"moved_in":"2019-4-1"}"#,
        r#"{"moved_in":20190401}"#,
        r#"{"moved_in":[]}"#,
        r#"{"member_since":"2019-04-01 "}"#,
        r#"{"residence":{"planning_to_move":{"when":"2019-02-29"}}}"#,
    ] {
        assert_eq!(read(bad), None, "{bad}");
    }
}

#[test]
fn the_rules_data_reads_an_open_end_given_or_left_out() {
    let text = include_str!("../src/rules/rules.json");
    let mut v: Value = serde_json::from_str(text).expect("JSON");
    assert_eq!(Rules::from_json(text).map(|r| r.program.end), Ok(None));
    // Left out rather than `null`: still no end (as serde reads a plain `Option`).
    v["program"].as_object_mut().expect("program").remove("end");
    let last = v["fee_schedules"]
        .as_array_mut()
        .and_then(|s| s.last_mut())
        .and_then(|s| s.as_object_mut())
        .expect("a schedule");
    assert_eq!(last.remove("to"), Some(Value::Null));
    let r = Rules::from_json(&v.to_string()).expect("reads");
    assert_eq!(r.program.end, None);
    assert_eq!(r.fee_schedules.last().map(|s| s.to), Some(None));
    assert_eq!(r.checked, rules().checked);
    // A date the rules give not exactly as YYYY-MM-DD is refused.
    v["checked"] = Value::from("2026-1-5");
    assert!(Rules::from_json(&v.to_string()).is_err());
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Dated {
    #[serde(with = "isumi_check::rules::iso_date")]
    day: NaiveDate,
    #[serde(default, with = "isumi_check::rules::iso_date::option")]
    maybe: Option<NaiveDate>,
}

/// Any day of the years 0001–9999.
fn any_day() -> impl Strategy<Value = NaiveDate> {
    let first = date(1, 1, 1);
    let days = (date(9999, 12, 31) - first).num_days() as u64;
    (0..=days).prop_map(move |n| first + chrono::Days::new(n))
}

/// The shape, checked without the parser: ten characters, digits but for `-` at 5 and 8.
fn iso_shape(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    c.len() == 10
        && c.iter().enumerate().all(|(i, ch)| {
            if i == 4 || i == 7 {
                *ch == '-'
            } else {
                ch.is_ascii_digit()
            }
        })
}

/// Texts near a date and far from one: any text, date-like characters, and a valid date with one
/// character changed, added or removed.
fn any_text() -> impl Strategy<Value = String> {
    let near =
        (any_day(), 0usize..11, "[0-9+ T:/-]?", any::<bool>()).prop_map(|(d, at, c, insert)| {
            let mut s = iso_date::format(d);
            if !insert && at < s.len() {
                s.remove(at);
            }
            s.insert_str(at.min(s.len()), &c);
            s
        });
    prop_oneof![
        2 => any::<String>(),
        3 => "[0-9+ T:/-]{0,12}",
        3 => "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        4 => near,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    /// Every day of 0001–9999 is written as chrono wrote it and read back as itself, alone and in
    /// a struct through serde.
    #[test]
    fn any_day_round_trips(d in any_day(), e in proptest::option::of(any_day())) {
        let text = iso_date::format(d);
        prop_assert_eq!(&text, &d.to_string());
        prop_assert_eq!(iso_date::parse(&text), Ok(d));
        let dated = Dated { day: d, maybe: e };
        let json = serde_json::to_string(&dated).expect("JSON");
        let maybe = e.map_or("null".to_string(), |e| format!("\"{e}\""));
        prop_assert_eq!(&json, &format!(r#"{{"day":"{d}","maybe":{maybe}}}"#));
        prop_assert_eq!(serde_json::from_str::<Dated>(&json).ok(), Some(dated));
    }

    /// A text is read exactly when it has the shape and names a day; whatever is read, chrono's
    /// own parser reads the same (it accepts more).
    #[test]
    fn only_the_exact_shape_is_read(s in any_text()) {
        let got = iso_date::parse(&s);
        if !iso_shape(&s) {
            prop_assert_eq!(got, Err(IsoDateError::Shape), "{:?}", s);
        } else {
            let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(u32::MAX);
            let want = NaiveDate::from_ymd_opt(n(0..4) as i32, n(5..7), n(8..10));
            prop_assert_eq!(got, want.ok_or(IsoDateError::NoSuchDay), "{:?}", s);
        }
        if let Ok(d) = got {
            prop_assert_eq!(s.parse::<NaiveDate>(), Ok(d));
        }
        // Through serde, as a file's field: the same verdict.
        let json = format!(r#"{{"day":{}}}"#, serde_json::to_string(&s).expect("JSON"));
        let read = serde_json::from_str::<Dated>(&json).ok().map(|x| x.day);
        prop_assert_eq!(read, got.ok());
    }
}
