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
        // A field of the wrong type is named by its path, with what it must hold.
        (
            r#"{"format":"isumi-check","format_version":1,"fiscal_year":"soon"}"#,
            "fiscal_year: must be a whole number from 2018 to 2099",
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

/// The CLI run with `args` on `input`, which must succeed with one line of JSON: the line and its value.
fn summary(args: &[&str], input: &str) -> (String, serde_json::Value) {
    let out = run(args, Some(input));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    let v = serde_json::from_str(&text).expect("JSON");
    (text, v)
}

#[test]
fn summary_prints_the_figures_on_one_line() {
    let (text, v) = summary(&["--summary", "-"], SCENARIO);
    assert!(!text.contains("trace"), "no trace: {text}");
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

/// A file name that is not UTF-8 (a Linux name of any bytes): no panic, the file is read as
/// named, and a message that cannot show the name says so.
#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_or_refused_with_a_message() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir();
    let name = |tail: &[u8]| {
        let mut bytes = dir.as_os_str().as_bytes().to_vec();
        bytes.extend_from_slice(format!("/isumi-rules-{}-", std::process::id()).as_bytes());
        bytes.extend_from_slice(tail);
        std::path::PathBuf::from(OsStr::from_bytes(&bytes))
    };
    let run_os = |args: &[&OsStr]| {
        Command::new(BIN)
            .args(["--today", "2026-11-24"])
            .args(args)
            .stdin(Stdio::null())
            .output()
            .expect("run isumi-rules")
    };
    // Missing: exit 1 with the reason, the name shown with U+FFFD and said not to be UTF-8.
    let missing = name(b"\xff\xfe.json");
    let out = run_os(&[missing.as_os_str()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot read") && err.contains("\u{FFFD}"),
        "{err}"
    );
    assert!(err.contains("(a file name that is not UTF-8)"), "{err}");
    assert!(err.contains("UTF-8ではないファイル名"), "{err}");
    assert_inert(&out.stderr, "stderr");
    // Present: read like any other file.
    let present = name(b"caf\xe9.json");
    std::fs::write(&present, SCENARIO).expect("write a file with a Latin-1 name");
    let out = run_os(&[present.as_os_str(), OsStr::new("--summary")]);
    let _ = std::fs::remove_file(&present);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["subsidy"]["low"], 25300);
    // Refused with the reason, naming the file the same way.
    let bad = name(b"bad\xff.json");
    std::fs::write(
        &bad,
        r#"{"format":"isumi-check","format_version":2,"fiscal_year":2017}"#,
    )
    .expect("write");
    let out = run_os(&[bad.as_os_str()]);
    let _ = std::fs::remove_file(&bad);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("(a file name that is not UTF-8): fiscal_year:"),
        "{err}"
    );
    // Any other argument that is not UTF-8: a usage error, never a panic.
    let out = run_os(&[
        OsStr::new("--today"),
        OsStr::from_bytes(b"2026-\xff"),
        OsStr::new("-"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--today"));
}

#[test]
fn the_summary_has_the_years_timing_and_the_outlook_of_the_full_output() {
    let full = run(&["--today", "2026-11-24", "-"], Some(DESIGNER));
    let full: serde_json::Value = serde_json::from_slice(&full.stdout).expect("JSON");
    let (text, v) = summary(&["--today", "2026-11-24", "--summary", "-"], DESIGNER);
    // The year's timing: FY2025 ends before the fees count; FY2027 is the first to claim.
    assert_eq!(v["timing"]["year_status"], "before_eligible");
    assert_eq!(v["timing"]["first_fiscal_year"], 2027);
    for key in ["year_status", "first_fiscal_year", "counts_from"] {
        assert_eq!(v["timing"][key], full["timing"][key], "{key}");
    }
    assert_eq!(v["timing"]["counts_from"], "2027-04-01");
    // The outlook: its dates, its total and each year's subsidy, as the full output has them.
    let o = &v["outlook"];
    assert_eq!(o["total"]["high"], 150000);
    assert_eq!(o["total"], full["outlook"]["total"]);
    assert_eq!(o["start"], full["outlook"]["start"]);
    assert_eq!(o["end"], full["outlook"]["end"]);
    let years = o["years"].as_array().expect("years");
    let full_years = full["outlook"]["years"].as_array().expect("years");
    assert_eq!(years.len(), full_years.len());
    assert!(
        years.len() >= 3,
        "three years touch at least three fiscal years"
    );
    for (y, f) in years.iter().zip(full_years) {
        assert_eq!(y["fiscal_year"], f["fiscal_year"]);
        assert_eq!(y["subsidy"], f["subsidy"]);
    }
    // Compact: the summary is a small fraction of the full output, and has no wording.
    assert!(text.len() < 1_000, "{} bytes", text.len());
    assert!(!text.contains("年度"), "figures only: {text}");
    // Without fees: the timing still, no outlook.
    let out = run(
        &["--today", "2026-11-24", "--summary", "-"],
        Some(r#"{"format":"isumi-check","format_version":1,"fiscal_year":2026}"#),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(v["outlook"].is_null());
    assert!(v["timing"]["year_status"].is_string());
    assert!(v["timing"]["counts_from"].is_string());
    // The help shows the new fields.
    let help = String::from_utf8_lossy(&run(&["--help"], None).stdout).into_owned();
    assert!(
        help.contains("\\\"timing\\\"") || help.contains("\"timing\""),
        "{help}"
    );
    assert!(help.contains("outlook"), "{help}");
}
