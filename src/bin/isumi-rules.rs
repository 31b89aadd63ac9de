//! `isumi-rules`: recompute a scenario file (saved or exported by the app) with the bundled rules and
//! print the outcome as JSON. For hinode staff checking an application.
//!
//! The file is read by the engine's one reader (`read_scenario_bytes`), the same as the app's
//! 「データを開く」, so both accept the same files and give the same figures. The file comes from
//! an applicant: everything printed goes through `escape_controls`, so no byte of it can move the
//! cursor, recolour or reorder a line in the staff member's terminal.
//!
//! Exit codes: 0 success, 1 a bad file (message on stderr), 2 a usage error.
//!
//! The outcome depends on the day it is computed for (whether a year has ended, from when a person
//! qualifies); the library never reads the clock, so this binary does, unless `--today` is given.

use chrono::NaiveDate;
use isumi_check::rules::data::rules;
use isumi_check::rules::iso_date;
use isumi_check::rules::limits::MAX_FILE_BYTES;
use isumi_check::rules::scenario::{evaluate, read_scenario_bytes, ScenarioError};
use isumi_check::rules::summary::summarize;
use isumi_check::rules::text_safety::escape_controls;
use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

const USAGE: &str = "\
使い方 / Usage: isumi-rules [--summary] [--today YYYY-MM-DD] FILE
  FILE  シナリオファイル(アプリで保存・書き出したJSON、1,000,000バイトまで)。- で標準入力。
        A scenario file (JSON saved or exported by the app, at most 1,000,000 bytes);
        - reads standard input.
  --summary   数字だけを1行のJSONで(年度の状況と3年間の見通しも)/ only the figures, as
              one line of JSON (with the year's timing and the 3-year outlook):
              {\"verdict\":…,\"fiscal_year\":…,\"fees\":{\"low\":…,\"high\":…}|null,
               \"subsidy\":{\"low\":…,\"high\":…}|null,\"is_range\":…,\"excluded\":…,
               \"timing\":{\"year_status\":…,\"first_fiscal_year\":…|null,\"counts_from\":…},
               \"outlook\":{\"start\":…,\"end\":…,\"total\":{\"low\":…,\"high\":…},
                          \"years\":[{\"fiscal_year\":…,\"subsidy\":{…}},…]}|null,
               \"rules\":{\"version\":…,\"checked\":…,\"hash\":…}}
  --today YYYY-MM-DD
              この日の時点で計算する(省略時: 今日、日本時間)。
              Compute as of this day (default: today's date in Japan, UTC+9).
  -h, --help  この説明 / this help

結果(判定・助成額・計算の過程・使ったルールの版)をJSONで標準出力に書きます。
Prints the outcome (assessment, subsidy, trace, rules version) as JSON on standard output.
制御文字と文字の向きを変える文字は \\u001b の形で書きます。
Control and text-direction characters are written as \\u001b-style escapes.
終了コード / Exit codes: 0 成功 / success, 1 ファイルの誤り / bad file, 2 使い方の誤り / usage error.
";

/// Writes one message to stderr, every line escaped (a file name or a quoted value may hold
/// terminal controls).
fn say(lines: &[&str]) {
    let mut err = std::io::stderr().lock();
    for line in lines {
        let _ = writeln!(err, "{}", escape_controls(line));
    }
}

fn usage_error(ja: &str, en: &str) -> ExitCode {
    say(&[&format!("エラー: {ja}"), &format!("Error: {en}"), ""]);
    let _ = write!(std::io::stderr(), "{USAGE}");
    ExitCode::from(2)
}

/// Reads at most `MAX_FILE_BYTES + 1` bytes: enough for the reader to tell "too large" without
/// holding a huge file (or an endless stdin) in memory.
fn read_capped(path: &OsStr) -> std::io::Result<Vec<u8>> {
    let limit = MAX_FILE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(path)?
            .take(limit)
            .read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// Today's date in Japan (UTC+9, no daylight saving), where the program runs; from the system
/// clock, without a time-zone database.
fn today_in_japan() -> Option<NaiveDate> {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    let days = (secs + 9 * 3600) / 86_400;
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(chrono::Days::new(days))
}

/// An argument as text for a message: what is not UTF-8 shown as U+FFFD (and every line escaped
/// by [`say`]).
fn shown(a: &OsStr) -> String {
    a.to_string_lossy().into_owned()
}

fn main() -> ExitCode {
    // `args_os`: a file name need not be UTF-8 (`std::env::args` would panic on one).
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let mut summary = false;
    let mut today = None;
    let mut files: Vec<&OsStr> = Vec::new();
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        // Options are ASCII: an argument that is not UTF-8 can only be a file name.
        let text = a.to_str();
        let value = if a == "--today" {
            match rest.next() {
                Some(v) => Some(v.as_os_str()),
                None => {
                    return usage_error("--today に日付がありません。", "--today needs a date.")
                }
            }
        } else {
            text.and_then(|t| t.strip_prefix("--today="))
                .map(OsStr::new)
        };
        match value {
            Some(v) => match v.to_str().and_then(|v| iso_date::parse(v).ok()) {
                Some(d) => today = Some(d),
                None => {
                    let v = shown(v);
                    return usage_error(
                        &format!("--today の日付が読めません(YYYY-MM-DD): {v}"),
                        &format!("--today: not a date (YYYY-MM-DD): {v}"),
                    );
                }
            },
            None if a == "--summary" => summary = true,
            None if text.is_some_and(|t| t.starts_with('-') && t != "-") => {
                let a = shown(a);
                return usage_error(
                    &format!("不明なオプション {a}"),
                    &format!("unknown option {a}"),
                );
            }
            None => files.push(a.as_os_str()),
        }
    }
    let [path] = files.as_slice() else {
        return usage_error("ファイルを1つ指定してください。", "give exactly one FILE.");
    };
    let path = *path;
    let Some(today) = today.or_else(today_in_japan) else {
        return usage_error(
            "今日の日付がわかりません。--today を指定してください。",
            "cannot tell today's date: give --today.",
        );
    };
    // The name as shown in messages. One that is not UTF-8 is still opened as it is; the message
    // says so, so that the U+FFFD shown in its place is not taken for part of the name.
    let names = match path.to_str() {
        Some(n) => (n.to_string(), n.to_string()),
        None => {
            let n = shown(path);
            (
                format!("{n}(UTF-8ではないファイル名)"),
                format!("{n} (a file name that is not UTF-8)"),
            )
        }
    };
    let bytes = match read_capped(path) {
        Ok(b) => b,
        Err(e) => {
            say(&[
                &format!("エラー: {} を読めません: {e}", names.0),
                &format!("Error: cannot read {}: {e}", names.1),
            ]);
            return ExitCode::from(1);
        }
    };
    let outcome = read_scenario_bytes(&bytes).and_then(|f| evaluate(rules(), &f, today));
    let json = match &outcome {
        Ok(o) if summary => serde_json::to_string(&summarize(o)),
        Ok(o) => serde_json::to_string_pretty(o),
        Err(e) => return bad_file(&names, e),
    };
    match json {
        Ok(json) => {
            // serde_json escapes C0 inside strings but writes DEL, C1 and bidi controls raw (valid
            // JSON): escape them too, line by line (its only raw newlines are between values), so
            // the JSON value stays the same.
            let mut out = std::io::stdout().lock();
            for line in json.split('\n') {
                // A closed pipe (e.g. `| head`) is not worth a panic.
                if writeln!(out, "{}", escape_controls(line)).is_err() {
                    break;
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            say(&[&format!("エラー / Error: {e}")]);
            ExitCode::from(1)
        }
    }
}

/// A file the reader refused: its name (as shown in Japanese, in English) and why.
fn bad_file((ja, en): &(String, String), e: &ScenarioError) -> ExitCode {
    let t = e.text();
    say(&[
        &format!("エラー: {ja}: {}", t.ja),
        &format!("Error: {en}: {}", t.en),
    ]);
    ExitCode::from(1)
}
