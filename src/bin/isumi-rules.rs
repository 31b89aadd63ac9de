//! `isumi-rules`: recompute a scenario file (saved or exported by the app) with the bundled rules and
//! print the outcome as JSON. For hinode staff checking an application.
//!
//! Exit codes: 0 success, 1 a bad file (message on stderr), 2 a usage error.

use isumi_check::rules::data::rules;
use isumi_check::rules::scenario::{evaluate, ScenarioFile};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
使い方 / Usage: isumi-rules FILE
  FILE  シナリオファイル(アプリで保存・書き出したJSON)。- で標準入力。
        A scenario file (JSON saved or exported by the app); - reads standard input.
  -h, --help  この説明 / this help

結果(判定・助成額・使ったルールの版)をJSONで標準出力に書きます。
Prints the outcome (assessment, subsidy, rules version) as JSON on standard output.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let [path] = args.as_slice() else {
        eprintln!(
            "エラー / Error: ファイルを1つ指定してください / give exactly one FILE\n\n{USAGE}"
        );
        return ExitCode::from(2);
    };
    if path.starts_with('-') && path != "-" {
        eprintln!("エラー / Error: 不明なオプション / unknown option {path}\n\n{USAGE}");
        return ExitCode::from(2);
    }
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
    let outcome = ScenarioFile::from_json(&text).and_then(|f| evaluate(rules(), &f));
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
