//! One reader, one truth: a corpus of scenario files (the findings of the hostile-input campaign,
//! and valid files) fed both to the `isumi-rules` binary and to the engine's reader + `evaluate`,
//! which must agree exactly: same accept / refuse, same figures, same message.

use isumi_check::rules::data::rules;
use isumi_check::rules::scenario::{evaluate, read_scenario, read_scenario_bytes, ScenarioFile};
use isumi_check::rules::summary::summarize;
use isumi_check::rules::text_safety::escape_controls;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_isumi-rules");

/// The day every run is computed for (the tool's `--today`, the library's `today`).
const TODAY: &str = "2026-11-24";

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(["--today", TODAY])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn isumi-rules");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    // Written from a thread: a large input must not dead-lock against the child's output.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    out
}

#[path = "common/reader_corpus.rs"]
mod reader_corpus;
use reader_corpus::*;

/// The message the command-line tool must print for a refused file.
fn expected_stderr(text: &isumi_check::rules::Text) -> String {
    format!(
        "{}\n{}\n",
        escape_controls(&format!("エラー: -: {}", text.ja)),
        escape_controls(&format!("Error: -: {}", text.en))
    )
}

#[test]
fn the_command_line_tool_and_the_reader_agree_on_every_file() {
    for (name, bytes, want) in corpus() {
        let lib = read_scenario_bytes(&bytes).and_then(|f| evaluate(rules(), &f, today()));
        let out = run(&["-"], &bytes);
        let stderr = String::from_utf8_lossy(&out.stderr);
        match (&lib, &want) {
            (Ok(o), Want::Figures { .. } | Want::NoFees) => {
                assert_eq!(out.status.code(), Some(0), "{name}: {stderr}");
                let cli: serde_json::Value =
                    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(
                    cli,
                    serde_json::to_value(o).expect("json"),
                    "{name}: same outcome"
                );
                let summary = run(&["--summary", "-"], &bytes);
                assert_eq!(summary.status.code(), Some(0), "{name}");
                let cli: serde_json::Value =
                    serde_json::from_slice(&summary.stdout).expect("summary JSON");
                assert_eq!(
                    cli,
                    serde_json::to_value(summarize(o)).expect("json"),
                    "{name}: summary"
                );
                match want {
                    Want::Figures { fees, subsidy } => {
                        let s = o.subsidy.as_ref().unwrap_or_else(|| panic!("{name}: fees"));
                        assert_eq!((s.low.fees, s.low.subsidy), (fees, subsidy), "{name}");
                    }
                    _ => assert!(o.subsidy.is_none(), "{name}"),
                }
            }
            (Err(e), Want::Refused(needles)) => {
                assert_eq!(out.status.code(), Some(1), "{name}");
                assert!(out.stdout.is_empty(), "{name}");
                assert_eq!(stderr, expected_stderr(&e.text()), "{name}: same message");
                for n in needles {
                    assert!(stderr.contains(n), "{name}: {stderr:?} lacks {n:?}");
                }
                let text = e.text();
                assert!(
                    !text.ja.is_empty() && !text.ja.is_ascii(),
                    "{name}: Japanese message"
                );
            }
            (got, _) => panic!("{name}: unexpected {:?}", got.as_ref().map(|_| "accepted")),
        }
        // Whatever the file holds, nothing printed can act on a terminal.
        for stream in [&out.stdout, &out.stderr] {
            let text = String::from_utf8_lossy(stream);
            assert!(
                !text.chars().any(
                    |c| c != '\n' && isumi_check::rules::text_safety::is_unsafe_for_terminal(c)
                ),
                "{name}: raw control in output"
            );
        }
    }
}

#[test]
fn the_reader_alias_and_the_byte_reader_are_the_same_reader() {
    for (name, bytes, _) in corpus() {
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let by_bytes = read_scenario_bytes(&bytes);
        assert_eq!(read_scenario(text), by_bytes, "{name}");
        assert_eq!(ScenarioFile::from_json(text), by_bytes, "{name}");
        // An accepted file written back reads back the same.
        if let Ok(f) = by_bytes {
            let json = f.to_json().expect("to_json");
            assert_eq!(read_scenario(&json), Ok(f), "{name}: round trip");
        }
    }
}

/// Words of serde's English messages: none may reach the Japanese message.
const SERDE_WORDS: &[&str] = &[
    "expected",
    "invalid type",
    "invalid value",
    "unknown field",
    "unknown variant",
    "missing field",
    "duplicate field",
    " at line ",
    "column",
];

#[test]
fn no_japanese_message_repeats_serdes_english() {
    for (name, bytes, _) in corpus() {
        if let Err(e) = read_scenario_bytes(&bytes) {
            let ja = e.text().ja;
            for w in SERDE_WORDS {
                assert!(!ja.contains(w), "{name}: {ja:?} has {w:?}");
            }
        }
    }
}

#[test]
fn field_errors_name_the_field_by_its_path_in_both_languages() {
    let cases = [
        (
            file(r#""fiscal_year":2147483648"#),
            "fiscal_year: 整数で、2018〜2099 の範囲にしてください。",
            "fiscal_year: must be a whole number from 2018 to 2099.",
        ),
        (
            file(r#""fiscal_year":2019,"answers":{"residence":{"planning_to_move":{"when":null,"x":1}}}"#),
            "answers.residence.planning_to_move.x: この名前の項目はありません(ここで使える項目: when)。",
            "answers.residence.planning_to_move.x: unknown field: the fields here are when.",
        ),
        (
            file(r#""fiscal_year":2019,"answers":{"housing":"flat"}"#),
            "answers.housing: \"flat\" は使えません。shared、individual、undecided のどれかにしてください。",
            "answers.housing: \"flat\" is not allowed: use one of shared, individual, undecided.",
        ),
        (
            actual(2019, r#"{"month":"2019-05","fees":"1000"}"#),
            "estimate.months[0].fees: 0〜1,000,000,000 の整数(円)にしてください。",
            "estimate.months[0].fees: must be a whole number of yen from 0 to 1,000,000,000.",
        ),
        (
            file(r#""fiscal_year":2019,"answers":{"moved_in":"2019/04/01"}"#),
            "answers.moved_in: 日付を YYYY-MM-DD の形(例: 2026-04-01)で書いてください(決まっていないときは null)。",
            "answers.moved_in: must be a date written YYYY-MM-DD (e.g. 2026-04-01) (or null when not known).",
        ),
        (
            quick(2019, r#""first_month":"2019-4-1""#),
            "estimate.first_month: 年月を YYYY-MM の形(例: 2026-04)で書いてください(決まっていないときは null)。",
            "estimate.first_month: must be a month written YYYY-MM (e.g. 2026-04) (or null when not known).",
        ),
        (
            quick(2019, r#""mix":{"fixed":50.5,"task":49.5}"#),
            "estimate.mix.fixed: 0〜100 の整数(%)にしてください。",
            "estimate.mix.fixed: must be a whole number of percent from 0 to 100.",
        ),
        (
            file(r#""fiscal_year":2019,"applicant":{"bank":{"holder_kana":7}}"#),
            "applicant.bank.holder_kana: 文字列(\"…\")にしてください。",
            "applicant.bank.holder_kana: must be a text string (\"…\").",
        ),
        (
            file(r#""fiscal_year":2019,"estimate":{}"#),
            "estimate.mode: この項目がありません。必ず書いてください。",
            "estimate.mode: this field is missing: it is required.",
        ),
        (
            r#"{"format":"isumi-check"}"#.to_string(),
            "format_version: この項目がありません。必ず書いてください。",
            "format_version: this field is missing: it is required.",
        ),
        // A bound names its field the same way.
        (
            file(r#""fiscal_year":2100"#),
            "fiscal_year: 年度は2018年度(実証拠点が始まった年度)から2099年度までで指定してください(2100年度は対象外です)。",
            "fiscal_year: The fiscal year must be from FY2018 (when the program started) to FY2099 (FY2100 is outside).",
        ),
    ];
    for (json, ja, en) in cases {
        let t = read_scenario(&json).expect_err(&json).text();
        assert_eq!((t.ja.as_str(), t.en.as_str()), (ja, en), "{json}");
    }
}

/// The names the messages offer for each choice are serde's own, and each one is read.
#[test]
fn the_choices_offered_are_the_formats_own() {
    use isumi_check::rules::file_fields::{FieldProblem, CHOICES};
    use isumi_check::rules::scenario::ScenarioError;
    let template = |path: &str| -> &'static str {
        match path {
            "lang" => r#""fiscal_year":2019,"lang":$"#,
            "answers.residence" => r#""fiscal_year":2019,"answers":{"residence":$}"#,
            "answers.stay_3_years" => r#""fiscal_year":2019,"answers":{"stay_3_years":$}"#,
            "answers.crowdworks_account" => {
                r#""fiscal_year":2019,"answers":{"crowdworks_account":$}"#
            }
            "answers.hinode_special_member" => {
                r#""fiscal_year":2019,"answers":{"hinode_special_member":$}"#
            }
            "answers.housing" => r#""fiscal_year":2019,"answers":{"housing":$}"#,
            "estimate.mode" => r#""fiscal_year":2019,"estimate":{"mode":$}"#,
            "estimate.contracts[].kind" => {
                r#""fiscal_year":2019,"estimate":{"mode":"detailed","contracts":[{"label":"A","kind":$,"payments":[{"date":"2019-05-01","amount":1}]}]}"#
            }
            "applicant.bank.account_type" => {
                r#""fiscal_year":2019,"applicant":{"bank":{"account_type":$}}"#
            }
            other => panic!("no template for {other}"),
        }
    };
    for (path, names) in CHOICES {
        let at = |value: &str| read_scenario(&file(&template(path).replace('$', value)));
        // Each name offered is read there (the file may still lack something else).
        for n in *names {
            let value = if n.starts_with('{') {
                n.replace("YYYY-MM-DD", "2027-01-04")
            } else {
                format!("\"{n}\"")
            };
            if let Err(ScenarioError::BadField(f)) = at(&value) {
                assert!(
                    !f.path.starts_with(&path.replace("[]", "[0]")),
                    "{path}: {n}: {f:?}"
                );
            }
        }
        // And they are the names serde knows.
        let Err(ScenarioError::BadField(f)) = at("\"zzz\"") else {
            panic!("{path}: zzz accepted");
        };
        let FieldProblem::NotOneOf { allowed, .. } = &f.problem else {
            panic!("{path}: {f:?}");
        };
        let ours: Vec<String> = names
            .iter()
            .map(|n| {
                if n.starts_with('{') {
                    "planning_to_move".to_string()
                } else {
                    n.to_string()
                }
            })
            .collect();
        assert_eq!(&ours, allowed, "{path}");
    }
}

/// Valid files that between them hold every field of the format, written as the app writes them
/// (`mode` first in the estimate).
fn every_field() -> Vec<serde_json::Value> {
    use serde_json::json;
    let answers = json!({
        "residence": {"planning_to_move": {"when": "2026-05-01"}},
        "stay_3_years": "yes", "crowdworks_account": "yes", "hinode_special_member": "yes",
        "housing": "shared", "moved_in": null, "member_since": "2025-04-01"
    });
    let applicant = json!({
        "name": "いすみ 太郎", "furigana": "イスミ タロウ", "birth_date": "1990-04-01",
        "address": "千葉県いすみ市大原", "phone": "0470-00-0000", "email": "a@example.jp",
        "crowdworks_user": "taro", "hinode_member_no": "123", "housing_moved_in": "2025-04-01",
        "requested_amount": "30000",
        "bank": {"bank_name": "千葉銀行", "bank_code": "0134", "branch_name": "大原",
                 "branch_code": "123", "account_type": "futsu", "account_number": "1234567",
                 "holder_kana": "イスミ タロウ"}
    });
    let head = |estimate: serde_json::Value| {
        json!({"format": "isumi-check", "format_version": 2, "lang": "ja", "fiscal_year": 2026,
               "answers": answers, "estimate": estimate, "applicant": applicant})
    };
    vec![
        head(
            json!({"mode": "quick", "monthly_earnings": 100000, "contract_size": 20000,
                    "mix": {"fixed": 60, "hourly": 20, "task": 20}, "first_month": "2026-05"}),
        ),
        head(json!({"mode": "detailed", "contracts": [
            {"label": "A", "kind": "fixed", "payments": [{"date": "2026-05-01", "amount": 1000}]},
            {"label": "B", "kind": "contest", "payments": [
                {"date": "2026-06-01", "amount": 2000}, {"date": "2026-07-01", "amount": 3000}]}]})),
        head(
            json!({"mode": "actual", "months": [{"month": "2026-05", "fees": 1000},
                                                  {"month": "2026-06", "fees": 2000}]}),
        ),
    ]
}

/// Writes `v` as JSON with an object's `mode` first (as serde writes the estimate).
fn write_mode_first(v: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            out.push('{');
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort_by_key(|k| *k != "mode");
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push(':');
                write_mode_first(&map[k], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_mode_first(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// Every value of `v` with its dotted path (`estimate.contracts[1].payments[0].date`) and its
/// JSON pointer.
fn every_value(v: &serde_json::Value, path: &str, pointer: &str, out: &mut Vec<(String, String)>) {
    use serde_json::Value;
    if !path.is_empty() {
        out.push((path.to_string(), pointer.to_string()));
    }
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                every_value(child, &p, &format!("{pointer}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                every_value(
                    child,
                    &format!("{path}[{i}]"),
                    &format!("{pointer}/{i}"),
                    out,
                );
            }
        }
        _ => {}
    }
}

mod wrong_values {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// Any one value of a valid file replaced by a value of another type or form: the reader
        /// never panics, and a field error names that value's field, or a field inside it (an
        /// unknown key of an object put there), in both languages.
        #[test]
        fn a_wrong_value_anywhere_is_named_by_its_path(
            base in 0usize..3,
            pick in any::<prop::sample::Index>(),
            junk in prop_oneof![
                Just(serde_json::json!(null)),
                any::<bool>().prop_map(serde_json::Value::from),
                any::<i64>().prop_map(serde_json::Value::from),
                Just(serde_json::json!(u64::MAX)),
                Just(serde_json::json!(1.5)),
                "[a-z0-9 -]{0,8}".prop_map(serde_json::Value::from),
                Just(serde_json::json!("2026-05-01")),
                Just(serde_json::json!("2026-05")),
                Just(serde_json::json!({"zz": 1})),
                Just(serde_json::json!({})),
                Just(serde_json::json!([])),
            ],
        ) {
            use isumi_check::rules::scenario::ScenarioError;
            let mut v = every_field().swap_remove(base);
            let mut values = Vec::new();
            every_value(&v, "", "", &mut values);
            let (path, pointer) = pick.get(&values).clone();
            *v.pointer_mut(&pointer).unwrap() = junk;
            let mut text = String::new();
            write_mode_first(&v, &mut text);
            if let Err(ScenarioError::BadField(f)) = read_scenario(&text) {
                let within = |a: &str, b: &str| {
                    a == b
                        || a.strip_prefix(b).is_some_and(|r| r.starts_with('.') || r.starts_with('['))
                };
                prop_assert!(
                    within(&f.path, &path),
                    "{} replaced: the error names {:?}: {:?}\n{}", path, f.path, f.problem, text
                );
                let t = f.text();
                let lead = format!("{}: ", f.path);
                prop_assert!(t.ja.starts_with(&lead), "{}", t.ja);
                prop_assert!(t.en.starts_with(&lead), "{}", t.en);
            }
        }
    }
}
