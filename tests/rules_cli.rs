//! The `isumi-rules` command-line tool: output, exit codes, messages. Every run passes `--today` so
//! the outcome does not depend on the day the tests run.

use chrono::NaiveDate;
use isumi_check::rules::data::rules;
use isumi_check::rules::scenario::{evaluate, ScenarioFile};
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
    let out = run(&["--today", "2020-05-01", "-"], Some(SCENARIO));
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
    let out = run(
        &[path.to_str().expect("utf-8 path"), "--today=2020-05-01"],
        None,
    );
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
    // --today needs a date, as YYYY-MM-DD.
    for args in [
        &["--today"][..],
        &["--today", "2026/11/24", "-"],
        &["--today=tomorrow", "-"],
    ] {
        // No input: a usage error exits before reading it (writing to it could hit a closed pipe).
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("--today"));
    }
}

#[test]
fn without_today_the_system_date_is_used() {
    let out = run(&["-"], Some(SCENARIO));
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let today = v["today"].as_str().expect("the day used is in the output");
    assert!(
        NaiveDate::parse_from_str(today, "%Y-%m-%d").is_ok(),
        "{today}"
    );
}

/// The designer of the user test: moving on 2027-04-01, not yet a member, an apartment, FY2025 with
/// contracts paid in 2025.
const DESIGNER: &str = r#"{"format":"isumi-check","format_version":2,"fiscal_year":2025,
  "answers":{"residence":{"planning_to_move":{"when":"2027-04-01"}},"stay_3_years":"yes","crowdworks_account":"yes","hinode_special_member":"no","housing":"individual"},
  "estimate":{"mode":"detailed","contracts":[
    {"label":"サイト制作","kind":"fixed","payments":[{"date":"2025-06-15","amount":150000},{"date":"2025-09-15","amount":150000}]},
    {"label":"バナー","kind":"fixed","payments":[{"date":"2025-11-10","amount":80000}]}]}}"#;

#[test]
fn the_designer_scenario_prints_what_evaluate_gives() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
    let out = run(&["--today", "2026-11-24", "-"], Some(DESIGNER));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let file = ScenarioFile::from_json(DESIGNER).expect("reads");
    let want =
        serde_json::to_value(evaluate(rules(), &file, today).expect("evaluates")).expect("JSON");
    assert_eq!(printed, want);
    // And those figures are the ones the user test asked for: no subsidy and no positive headline for
    // FY2025, FY2027 first, the outlook printed.
    assert_eq!(printed["timing"]["year_status"], "before_eligible");
    assert_eq!(printed["timing"]["positive"], false);
    assert_eq!(printed["timing"]["first_fiscal_year"], 2027);
    assert_eq!(printed["subsidy"]["figures"]["subsidy"]["high"], 0);
    assert_eq!(printed["application"]["status"], "not_ready");
    assert_eq!(printed["outlook"]["total"]["high"], 150000);
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
        let out = run(&["--today", "2026-11-24", "-"], Some(input));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{input}: {err}");
        assert!(
            err.contains(needle),
            "{input}: stderr {err:?} lacks {needle:?}"
        );
        assert!(err.contains("エラー"), "Japanese line too: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = run(&["--today", "2026-11-24", "/nonexistent/isumi.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

/// Runs the tool on `bytes` given on stdin, written from a thread: the tool stops reading at the
/// size cap, and a large input must not block the test.
fn run_bytes(args: &[&str], bytes: Vec<u8>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn isumi-rules");
    let mut input = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        // The tool may close its end early (that is the point of the cap).
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer");
    out
}

/// No byte of the output can act on a terminal: no C0 but newline, no DEL, C1 or bidi control.
fn assert_inert(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    for c in text.chars() {
        assert!(
            c == '\n' || !isumi_check::rules::text_safety::is_unsafe_for_terminal(c),
            "{what}: raw U+{:04X} in {text:?}",
            c as u32
        );
    }
}

#[test]
fn file_text_cannot_paint_the_terminal() {
    let fake = r#"\u001b[1A\u001b[2K\u001b[32m判定: 対象 / eligible\u001b[0m\u202e"#;
    let cases = [
        // format, lang and an unknown key are quoted in the error message.
        format!(r#"{{"format":"{fake}","format_version":1}}"#),
        format!(
            r#"{{"format":"isumi-check","format_version":1,"fiscal_year":2019,"lang":"{fake}"}}"#
        ),
        format!(r#"{{"format":"isumi-check","format_version":1,"fiscal_year":2019,"{fake}":1}}"#),
        // A label with a right-to-left override is refused by name, not quoted.
        format!(
            r#"{{"format":"isumi-check","format_version":1,"fiscal_year":2019,"estimate":{{"mode":"detailed","contracts":[{{"label":"{fake}","kind":"fixed","payments":[{{"date":"2019-05-01","amount":1000}}]}}]}}}}"#
        ),
    ];
    for input in cases {
        let out = run(&["-"], Some(&input));
        assert_eq!(out.status.code(), Some(1), "{input}");
        assert_inert(&out.stderr, &input);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(r"\u001b[32m") || err.contains("label"),
            "the escape is shown, visibly: {err}"
        );
    }
    // A label with terminal controls but no bidi control is data: it is computed and printed,
    // escaped, and the JSON still reads back to the same label.
    let label = "\u{1b}[2K\u{1b}[32meligible\u{7f}\u{85}";
    let input = SCENARIO.replace(
        "\"契約A\"",
        &serde_json::to_string(label).expect("JSON string"),
    );
    let out = run(&["-"], Some(&input));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_inert(&out.stdout, "stdout");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["subsidy"]["low"]["payments"][0]["label"], label);
    // A file name is printed escaped too.
    let out = run(&["/nonexistent/\u{1b}[31mred\u{202e}.json"], None);
    assert_eq!(out.status.code(), Some(1));
    assert_inert(&out.stderr, "file name");
    assert!(String::from_utf8_lossy(&out.stderr).contains(r"\u001b[31mred\u202e.json"));
}

#[test]
fn input_is_capped_at_one_million_bytes() {
    // Exactly at the cap: read (JSON allows trailing spaces).
    let mut at_cap = SCENARIO.as_bytes().to_vec();
    at_cap.resize(1_000_000, b' ');
    let out = run_bytes(&["-"], at_cap.clone());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // One byte more, from a file or standard input: refused with a message, exit code 1.
    let mut over = at_cap;
    over.push(b' ');
    let path = std::env::temp_dir().join(format!("isumi-rules-cap-{}.json", std::process::id()));
    std::fs::write(&path, &over).expect("write temp file");
    let from_file = run(&[path.to_str().expect("utf-8 path")], None);
    let _ = std::fs::remove_file(&path);
    // 20 MB on stdin: the tool stops reading at the cap rather than holding it all.
    let huge = vec![b' '; 20_000_000];
    let started = std::time::Instant::now();
    let from_stdin = run_bytes(&["-"], huge);
    assert!(started.elapsed().as_secs() < 20, "stopped early");
    for out in [from_file, from_stdin] {
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("1,000,000バイトまで"), "{err}");
        assert!(err.contains("too large (at most 1,000,000 bytes)"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn summary_prints_the_figures_on_one_line() {
    let out = run(&["--summary", "-"], Some(SCENARIO));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    assert!(!text.contains("trace"), "no trace: {text}");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["verdict"], "eligible");
    assert_eq!(v["fiscal_year"], 2019);
    assert_eq!(v["fees"]["low"], 25300);
    assert_eq!(v["subsidy"]["low"], 25300);
    assert_eq!(v["subsidy"]["high"], 25300);
    assert_eq!(v["is_range"], false);
    assert_eq!(v["excluded"], 0);
    assert_eq!(v["rules"]["hash"].as_str().map(str::len), Some(16));
    assert!(v["rules"]["version"].is_string() && v["rules"]["checked"].is_string());
    // The option may come after the file; without fees the figures are null.
    let out = run(
        &["-", "--summary"],
        Some(r#"{"format":"isumi-check","format_version":1,"fiscal_year":2026}"#),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["verdict"], "needs_more_info");
    assert!(v["fees"].is_null() && v["subsidy"].is_null());
    // Documented in the help; a summary without a file is a usage error.
    let help = run(&["--help"], None);
    assert!(String::from_utf8_lossy(&help.stdout).contains("--summary"));
    assert_eq!(run(&["--summary"], None).status.code(), Some(2));
}
