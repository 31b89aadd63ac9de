//! `isumi-rules`: recompute a scenario file (saved or exported by the app) with the bundled rules and
//! print the outcome as JSON. For hinode staff checking an application.
//!
//! Exit codes: 0 success, 1 a bad file (message on stderr), 2 a usage error.
//!
//! The outcome depends on the day it is computed for (whether a year has ended, from when a person
//! qualifies); the library never reads the clock, so this binary does, unless `--today` is given.

use chrono::NaiveDate;
use isumi_check::rules::data::rules;
use isumi_check::rules::scenario::{evaluate, ScenarioFile};
use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

const USAGE: &str = "\
使い方 / Usage: isumi-rules [--today YYYY-MM-DD] FILE
  FILE  シナリオファイル(アプリで保存・書き出したJSON)。- で標準入力。
        A scenario file (JSON saved or exported by the app); - reads standard input.
  --today YYYY-MM-DD
        この日の時点で計算する(省略時: 今日、日本時間)。
        Compute as of this day (default: today's date in Japan, UTC+9).
  -h, --help  この説明 / this help

結果(判定・助成額・使ったルールの版)をJSONで標準出力に書きます。
Prints the outcome (assessment, subsidy, rules version) as JSON on standard output.
";

/// Today's date in Japan (UTC+9, no daylight saving), where the program runs; from the system
/// clock, without a time-zone database.
fn today_in_japan() -> Option<NaiveDate> {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    let days = (secs + 9 * 3600) / 86_400;
    NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_days(chrono::Days::new(days))
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("エラー / Error: {message}\n\n{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let mut today = None;
    let mut files = Vec::new();
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        let value = if a == "--today" {
            match rest.next() {
                Some(v) => Some(v.as_str()),
                None => return usage_error("--today に日付がありません / --today needs a date"),
            }
        } else {
            a.strip_prefix("--today=")
        };
        match value {
            Some(v) => match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
                Ok(d) => today = Some(d),
                Err(_) => {
                    return usage_error(&format!(
                        "--today の日付が読めません / --today: not a date (YYYY-MM-DD): {v}"
                    ))
                }
            },
            None if a.starts_with('-') && a != "-" => {
                return usage_error(&format!("不明なオプション / unknown option {a}"))
            }
            None => files.push(a.as_str()),
        }
    }
    let [path] = files.as_slice() else {
        return usage_error("ファイルを1つ指定してください / give exactly one FILE");
    };
    let path = *path;
    let Some(today) = today.or_else(today_in_japan) else {
        return usage_error("今日の日付がわかりません。--today を指定してください / cannot tell today's date: give --today");
    };
    let text = if path == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).map(|_| s)
    } else {
        std::fs::read_to_string(path)
    };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            eprintln!("エラー: {path} を読めません / Error: cannot read {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let outcome = ScenarioFile::from_json(&text).and_then(|f| evaluate(rules(), &f, today));
    match outcome {
        Ok(o) => match serde_json::to_string_pretty(&o) {
            Ok(json) => {
                // A closed pipe (e.g. `| head`) is not worth a panic.
                let _ = writeln!(std::io::stdout(), "{json}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("エラー / Error: {e}");
                ExitCode::from(1)
            }
        },
        Err(e) => {
            let t = e.text();
            eprintln!("エラー: {path}: {}\nError: {path}: {}", t.ja, t.en);
            ExitCode::from(1)
        }
    }
}
