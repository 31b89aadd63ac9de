//! The `isumi-rules` command-line tool: output, exit codes, messages.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_isumi-rules");

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn isumi-rules");
    if let Some(s) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(s.as_bytes())
            .expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("wait")
}

const SCENARIO: &str = r#"{"format":"isumi-check","format_version":1,"fiscal_year":2019,
  "answers":{"residence":"lives_in_isumi","stay_3_years":"yes","crowdworks_account":"yes","hinode_special_member":"yes","housing":"shared"},
  "estimate":{"mode":"detailed","contracts":[{"label":"契約A","kind":"fixed","payments":[
    {"date":"2019-11-01","amount":50000},{"date":"2019-11-15","amount":30000},{"date":"2019-11-29","amount":50000}]}]}}"#;

#[test]
fn prints_outcome_from_stdin() {
    let out = run(&["-"], Some(SCENARIO));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    // domain.md: 11,000 + 6,600 + 7,700 = 25,300, under the ¥30,000 cap.
    assert_eq!(v["subsidy"]["low"]["fees"], 25300);
    assert_eq!(v["subsidy"]["low"]["subsidy"], 25300);
    assert_eq!(v["assessment"]["verdict"], "eligible");
    assert_eq!(v["stamp"]["hash"].as_str().map(str::len), Some(16));
}

#[test]
fn reads_a_file() {
    let path = std::env::temp_dir().join(format!("isumi-rules-test-{}.json", std::process::id()));
    std::fs::write(&path, SCENARIO).expect("write temp file");
    let out = run(&[path.to_str().expect("utf-8 path")], None);
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"verdict\": \"eligible\""));
}

#[test]
fn help_and_usage_errors() {
    let out = run(&["--help"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"));
    assert_eq!(run(&[], None).status.code(), Some(2));
    assert_eq!(run(&["a.json", "b.json"], None).status.code(), Some(2));
    assert_eq!(run(&["--frobnicate"], None).status.code(), Some(2));
}

#[test]
fn bad_files_exit_1_with_a_message() {
    let cases = [
        ("not json", "JSON"),
        (
            r#"{"format":"other","format_version":1}"#,
            "not an isumi-check file",
        ),
        (
            r#"{"format":"isumi-check","format_version":7}"#,
            "version 7",
        ),
        (
            r#"{"format":"isumi-check","format_version":1,"fiscal_year":"soon"}"#,
            "line 1",
        ),
        // Bounds name the field: a fiscal year before the program, a payment before any fee
        // schedule.
        (
            r#"{"format":"isumi-check","format_version":1,"fiscal_year":2014}"#,
            "fiscal_year",
        ),
        (
            r#"{"format":"isumi-check","format_version":1,"fiscal_year":2019,"estimate":{"mode":"detailed","contracts":[{"label":"x","kind":"fixed","payments":[{"date":"2014-05-01","amount":1}]}]}}"#,
            "estimate.contracts[0].payments[0].date",
        ),
        // Computation errors are reported too: ¥1,000,000,000 a month in ¥1 contracts.
        (
            r#"{"format":"isumi-check","format_version":1,"fiscal_year":2019,"estimate":{"mode":"quick","monthly_earnings":1000000000,"contract_size":1}}"#,
            "contracts a month",
        ),
    ];
    for (input, needle) in cases {
        let out = run(&["-"], Some(input));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{input}: {err}");
        assert!(
            err.contains(needle),
            "{input}: stderr {err:?} lacks {needle:?}"
        );
        assert!(err.contains("エラー"), "Japanese line too: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = run(&["/nonexistent/isumi.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}
