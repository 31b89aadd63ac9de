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
