//! A field of a scenario file that serde refused (unknown, missing, given twice, of the wrong type
//! or value), named by its path in the file (`answers.stay_3_years`,
//! `estimate.contracts[0].payments[1].date`) with a message in both languages that says what the
//! field must hold.
//!
//! serde_json's errors name no field: they give a line and a column. [`field_error`] finds the
//! field at that place in the text (the file is valid JSON by then) and words the problem itself,
//! so neither language repeats serde's English. The same function serves the app and the
//! command-line tool (through [`crate::rules::scenario::read_scenario`]), so both say the same.

use crate::rules::applicant::TEXT_FIELD_IDS;
use crate::rules::limits::{FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR, MAX_AMOUNT};
use crate::rules::money::group_digits;
use crate::rules::text_safety::escape_controls;
use crate::rules::Text;

/// What a field must hold, by its path in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// `fiscal_year`: a whole number in the program's years.
    FiscalYear,
    /// An amount of yen (`null` allowed where the answer may be "don't know").
    Amount {
        /// `null` is allowed.
        nullable: bool,
    },
    /// A share of the kinds of work, in percent.
    Percent,
    /// A date `YYYY-MM-DD`.
    Date {
        /// `null` is allowed.
        nullable: bool,
    },
    /// A month `YYYY-MM`.
    Month {
        /// `null` is allowed.
        nullable: bool,
    },
    /// A text string.
    Text,
    /// One of these names (as written in the file; an entry starting with `{` is an object form).
    Choice(&'static [&'static str]),
    /// An object `{ … }`.
    Object,
    /// A list `[ … ]`.
    List,
}

const ANSWER: &[&str] = &["yes", "no", "unknown"];
const RESIDENCE: &[&str] = &[
    "lives_in_isumi",
    r#"{"planning_to_move":{"when":"YYYY-MM-DD"}}"#,
    "not_planning",
    "unknown",
];
const HOUSING: &[&str] = &["shared", "individual", "undecided"];
const LANG: &[&str] = &["ja", "en"];
const MODE: &[&str] = &["quick", "detailed", "actual"];
const KIND: &[&str] = &["fixed", "hourly", "task", "contest"];
const ACCOUNT_TYPE: &[&str] = &["futsu", "toza"];

/// The fields whose values are a choice of names, with those names: every one the format has.
/// (A test checks them against serde's own lists.)
pub const CHOICES: &[(&str, &[&str])] = &[
    ("lang", LANG),
    ("answers.residence", RESIDENCE),
    ("answers.stay_3_years", ANSWER),
    ("answers.crowdworks_account", ANSWER),
    ("answers.hinode_special_member", ANSWER),
    ("answers.housing", HOUSING),
    ("estimate.mode", MODE),
    ("estimate.contracts[].kind", KIND),
    ("applicant.bank.account_type", ACCOUNT_TYPE),
];

/// `path` with every list index written `[]`: `estimate.contracts[2].label` →
/// `estimate.contracts[].label`.
fn generic(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// What the field at `path` must hold; `None` for a path the format does not have.
pub fn expected_at(path: &str) -> Option<Expected> {
    use Expected::*;
    let g = generic(path);
    if let Some((_, names)) = CHOICES.iter().find(|(p, _)| *p == g) {
        return Some(Choice(names));
    }
    Some(match g.as_str() {
        "fiscal_year" => FiscalYear,
        "format" => Text,
        "answers" | "estimate" | "applicant" | "applicant.bank" | "estimate.mix" => Object,
        "answers.residence.planning_to_move" => Object,
        "answers.residence.planning_to_move.when" | "answers.moved_in" | "answers.member_since" => {
            Date { nullable: true }
        }
        "estimate.monthly_earnings" | "estimate.contract_size" => Amount { nullable: true },
        "estimate.mix.fixed" | "estimate.mix.hourly" | "estimate.mix.task" => Percent,
        "estimate.first_month" => Month { nullable: true },
        "estimate.contracts" | "estimate.contracts[].payments" | "estimate.months" => List,
        "estimate.contracts[]" | "estimate.contracts[].payments[]" | "estimate.months[]" => Object,
        "estimate.contracts[].label" => Text,
        "estimate.contracts[].payments[].date" => Date { nullable: false },
        "estimate.contracts[].payments[].amount" | "estimate.months[].fees" => {
            Amount { nullable: false }
        }
        "estimate.months[].month" => Month { nullable: false },
        other => {
            // The applicant's text fields, by their ids (`bank.holder_kana` for the bank's).
            let text = other
                .strip_prefix("applicant.")
                .is_some_and(|f| TEXT_FIELD_IDS.contains(&f));
            if !text {
                return None;
            }
            Text
        }
    })
}

impl Expected {
    /// What the field must hold, as the end of a sentence after `path: `.
    pub fn text(self) -> Text {
        let null = |nullable: bool, ja: &str, en: &str| {
            if nullable {
                (ja.to_string(), en.to_string())
            } else {
                (String::new(), String::new())
            }
        };
        match self {
            Expected::FiscalYear => Text::new(
                format!("整数で、{FIRST_FISCAL_YEAR}〜{LAST_FISCAL_YEAR} の範囲にしてください。"),
                format!("must be a whole number from {FIRST_FISCAL_YEAR} to {LAST_FISCAL_YEAR}."),
            ),
            Expected::Amount { nullable } => {
                let max = group_digits(MAX_AMOUNT);
                let (ja, en) = null(
                    nullable,
                    "(わからないときは null)",
                    " (or null when not known)",
                );
                Text::new(
                    format!("0〜{max} の整数(円)にしてください{ja}。"),
                    format!("must be a whole number of yen from 0 to {max}{en}."),
                )
            }
            Expected::Percent => Text::new(
                "0〜100 の整数(%)にしてください。",
                "must be a whole number of percent from 0 to 100.",
            ),
            Expected::Date { nullable } => {
                let (ja, en) = null(
                    nullable,
                    "(決まっていないときは null)",
                    " (or null when not known)",
                );
                Text::new(
                    format!("日付を YYYY-MM-DD の形(例: 2026-04-01)で書いてください{ja}。"),
                    format!("must be a date written YYYY-MM-DD (e.g. 2026-04-01){en}."),
                )
            }
            Expected::Month { nullable } => {
                let (ja, en) = null(
                    nullable,
                    "(決まっていないときは null)",
                    " (or null when not known)",
                );
                Text::new(
                    format!("年月を YYYY-MM の形(例: 2026-04)で書いてください{ja}。"),
                    format!("must be a month written YYYY-MM (e.g. 2026-04){en}."),
                )
            }
            Expected::Text => Text::new(
                "文字列(\"…\")にしてください。",
                "must be a text string (\"…\").",
            ),
            Expected::Choice(names) => Text::new(
                format!("{} のどれかにしてください。", names.join("、")),
                format!("must be one of {}.", names.join(", ")),
            ),
            Expected::Object => Text::new(
                "{ … } の形(オブジェクト)にしてください。",
                "must be an object { … }.",
            ),
            Expected::List => Text::new(
                "[ … ] の形(リスト)にしてください。",
                "must be a list [ … ].",
            ),
        }
    }
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    /// A key the format does not have here (the path ends with it).
    Unknown {
        /// The keys the format has here.
        allowed: Vec<String>,
    },
    /// A required field is absent.
    Missing,
    /// The same key twice in one object.
    Duplicate,
    /// A name that is not one of the choices.
    NotOneOf {
        /// The name given (escaped and clipped for display).
        found: String,
        /// The names allowed.
        allowed: Vec<String>,
    },
    /// A value of the wrong type or form.
    Expected(Expected),
    /// Anything else serde reports (its message, escaped and clipped; in the English text only).
    Other {
        /// serde's message, without the line and column.
        message: String,
    },
}

/// A field serde refused, by its path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Where, e.g. `fiscal_year`, `answers.residence.planning_to_move.x`,
    /// `estimate.months[3].month`; empty for the file as a whole.
    pub path: String,
    /// What is wrong.
    pub problem: FieldProblem,
}

impl FieldError {
    /// `path: message`, in both languages.
    pub fn text(&self) -> Text {
        let t = match &self.problem {
            FieldProblem::Unknown { allowed } if allowed.is_empty() => Text::new(
                "この名前の項目はありません。",
                "unknown field: there is no such field here.",
            ),
            FieldProblem::Unknown { allowed } => Text::new(
                format!(
                    "この名前の項目はありません(ここで使える項目: {})。",
                    allowed.join("、")
                ),
                format!("unknown field: the fields here are {}.", allowed.join(", ")),
            ),
            FieldProblem::Missing => Text::new(
                "この項目がありません。必ず書いてください。",
                "this field is missing: it is required.",
            ),
            FieldProblem::Duplicate => Text::new(
                "同じ項目が2回書かれています。1回にしてください。",
                "this field is given twice: give it once.",
            ),
            FieldProblem::NotOneOf { found, allowed } => {
                let names = expected_at(&self.path)
                    .and_then(|e| match e {
                        Expected::Choice(names) => {
                            Some(names.iter().map(|n| n.to_string()).collect())
                        }
                        _ => None,
                    })
                    .unwrap_or_else(|| allowed.clone());
                if names.is_empty() {
                    Text::new(
                        format!("\"{found}\" は使えません。"),
                        format!("\"{found}\" is not allowed."),
                    )
                } else {
                    Text::new(
                        format!(
                            "\"{found}\" は使えません。{} のどれかにしてください。",
                            names.join("、")
                        ),
                        format!(
                            "\"{found}\" is not allowed: use one of {}.",
                            names.join(", ")
                        ),
                    )
                }
            }
            FieldProblem::Expected(e) => e.text(),
            FieldProblem::Other { message } => Text::new(
                "値の形式が正しくありません。アプリで保存したデータのファイルを指定してください。",
                format!("wrong value ({message})."),
            ),
        };
        let (ja, en) = if self.path.is_empty() {
            ("(ファイル全体)", "(the whole file)")
        } else {
            (self.path.as_str(), self.path.as_str())
        };
        Text::new(format!("{ja}: {}", t.ja), format!("{en}: {}", t.en))
    }
}

/// Text quoted from the file in a message, cut in the middle when long: a hostile file could
/// otherwise fill a screen (or a terminal) with one field name. Keeps the end.
pub fn clip(s: &str) -> String {
    const HEAD: usize = 120;
    const TAIL: usize = 60;
    let n = s.chars().count();
    if n <= HEAD + TAIL {
        return s.to_string();
    }
    let head: String = s.chars().take(HEAD).collect();
    let tail: String = s.chars().skip(n - TAIL).collect();
    format!("{head} … {tail}")
}

/// A key or value from the file as shown in a message: clipped, and every control or bidi
/// character written as a visible escape (`\u202e`), so it cannot reorder or recolour the text
/// around it in the app or in a terminal.
fn shown(s: &str) -> String {
    escape_controls(&clip(s))
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// The names between backticks in `s` (serde's lists: "one of `a`, `b`").
fn backticked(s: &str) -> Vec<String> {
    s.split('`').skip(1).step_by(2).map(shown).collect()
}

/// The names serde lists after the quoted name at the start of `rest` (`name`, expected one of
/// `a`, `b`), when the name is known; otherwise after the last "`, expected ".
fn listed_after(rest: &str, name: Option<&str>) -> Vec<String> {
    let tail = name
        .and_then(|n| rest.strip_prefix(n))
        .and_then(|t| t.strip_prefix('`'))
        .or_else(|| rest.rfind("`, expected ").map(|i| &rest[i + 1..]));
    match tail {
        Some(t) if !t.contains("there are no") => backticked(t),
        _ => Vec::new(),
    }
}

/// The name quoted at the start of `rest` (what follows serde's "unknown field `"), up to serde's
/// list of names or the end.
fn quoted(rest: &str) -> &str {
    match rest
        .rfind("`, expected ")
        .or_else(|| rest.rfind("`, there are no"))
    {
        Some(i) => &rest[..i],
        None => rest.trim_end_matches('`'),
    }
}

/// What the text holds at a byte offset.
#[derive(Default, Debug)]
struct Spot {
    /// The innermost value whose text spans the offset: its path and its text.
    node: Option<(String, usize, usize)>,
    /// The key that ends exactly at the offset: the path of its object and the key (decoded).
    key: Option<(String, String)>,
}

/// Walks valid JSON, tracking the path, and notes what is at byte offset `at`.
struct Walk<'a> {
    text: &'a str,
    b: &'a [u8],
    i: usize,
    at: usize,
    path: String,
    spot: Spot,
}

impl Walk<'_> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn string(&mut self) {
        // At the opening quote.
        self.i += 1;
        while let Some(&c) = self.b.get(self.i) {
            self.i += 1;
            match c {
                b'\\' => self.i += 1,
                b'"' => return,
                _ => {}
            }
        }
    }

    fn value(&mut self) {
        self.ws();
        let start = self.i;
        match self.b.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b'}') => {
                            self.i += 1;
                            break;
                        }
                        Some(b',') => self.i += 1,
                        Some(b'"') => {
                            let ks = self.i;
                            self.string();
                            let raw = &self.text[ks..self.i.min(self.text.len())];
                            let key: String =
                                serde_json::from_str(raw).unwrap_or_else(|_| raw.to_string());
                            if self.i == self.at {
                                self.spot.key = Some((self.path.clone(), key.clone()));
                            }
                            self.ws();
                            if self.b.get(self.i) == Some(&b':') {
                                self.i += 1;
                            }
                            let len = self.path.len();
                            let child = join(&self.path, &shown(&key));
                            self.path = child;
                            self.value();
                            self.path.truncate(len);
                        }
                        // Not JSON (never, once the file parsed): stop.
                        _ => {
                            self.i = self.b.len();
                            break;
                        }
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut index = 0usize;
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b']') => {
                            self.i += 1;
                            break;
                        }
                        Some(b',') => {
                            self.i += 1;
                            index += 1;
                        }
                        Some(_) => {
                            let len = self.path.len();
                            self.path.push_str(&format!("[{index}]"));
                            self.value();
                            self.path.truncate(len);
                        }
                        None => break,
                    }
                }
            }
            Some(b'"') => self.string(),
            Some(_) => {
                while let Some(c) = self.b.get(self.i) {
                    if matches!(c, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.i += 1;
                }
            }
            None => return,
        }
        let end = self.i.min(self.b.len());
        // Values nest, and two values never touch (a separator or a key lies between), so the
        // innermost value that spans the offset is the last one to close that does, unless an
        // outer one closes later: keep the deepest.
        if start <= self.at && self.at <= end {
            let deeper = match &self.spot.node {
                None => true,
                Some((_, s, e)) => start >= *s && end <= *e,
            };
            if deeper {
                self.spot.node = Some((self.path.clone(), start, end));
            }
        }
    }
}

/// What is at byte offset `at` of valid JSON `text`.
fn locate(text: &str, at: usize) -> Spot {
    let mut w = Walk {
        text,
        b: text.as_bytes(),
        i: 0,
        at,
        path: String::new(),
        spot: Spot::default(),
    };
    w.value();
    w.spot
}

/// The byte offset of serde_json's line (from 1) and column (bytes after the line's start).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => break,
        }
    }
    (start + column).min(text.len())
}

/// The field that `error` (from deserializing valid JSON `text` as a scenario file) is about,
/// and what is wrong with it.
pub fn field_error(text: &str, error: &serde_json::Error) -> FieldError {
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    let spot = if error.line() == 0 {
        Spot::default()
    } else {
        locate(text, offset(text, error.line(), error.column()))
    };
    let node_path = spot.node.as_ref().map(|n| n.0.clone()).unwrap_or_default();
    let node_text = spot
        .node
        .as_ref()
        .map(|(_, s, e)| &text[(*s).min(text.len())..(*e).min(text.len())]);
    let at = |path: String, problem| FieldError { path, problem };

    if let Some(rest) = message.strip_prefix("unknown field `") {
        return match &spot.key {
            Some((parent, key)) => at(
                join(parent, &shown(key)),
                FieldProblem::Unknown {
                    allowed: listed_after(rest, Some(key)),
                },
            ),
            None => at(
                join(&node_path, &shown(quoted(rest))),
                FieldProblem::Unknown {
                    allowed: listed_after(rest, None),
                },
            ),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return at(
            join(&node_path, &shown(rest.trim_end_matches('`'))),
            FieldProblem::Missing,
        );
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        let path = match &spot.key {
            Some((parent, key)) => join(parent, &shown(key)),
            None => join(&node_path, &shown(rest.trim_end_matches('`'))),
        };
        return at(path, FieldProblem::Duplicate);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        // The name is a key (`{"moving": …}`) or a string value (`"maybe"`).
        let (path, found) = match &spot.key {
            Some((parent, key)) => (parent.clone(), key.clone()),
            None => {
                let found = node_text
                    .and_then(|t| serde_json::from_str::<String>(t).ok())
                    .unwrap_or_else(|| quoted(rest).to_string());
                (node_path.clone(), found)
            }
        };
        return at(
            path,
            FieldProblem::NotOneOf {
                allowed: listed_after(rest, Some(&found)),
                found: shown(&found),
            },
        );
    }
    // A plain name where the format has `{"planning_to_move": {…}}`: serde_json places this
    // error after the object around it, but the only such variant is the residence.
    if message.contains("unit variant, expected struct variant") && node_path.starts_with("answers")
    {
        let path = "answers.residence".to_string();
        return at(path, FieldProblem::Expected(Expected::Choice(RESIDENCE)));
    }
    let typed = [
        "invalid type: ",
        "invalid value: ",
        "invalid length ",
        "expected value",
    ]
    .iter()
    .any(|p| message.starts_with(p));
    match expected_at(&node_path) {
        // A scalar's own parser may word it otherwise (a custom message): at a scalar, every
        // error is a wrong value.
        Some(e)
            if typed || !matches!(e, Expected::Object | Expected::List | Expected::Choice(_)) =>
        {
            at(node_path, FieldProblem::Expected(e))
        }
        _ => at(
            node_path,
            FieldProblem::Other {
                message: shown(message),
            },
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spot(text: &str, at: usize) -> (Option<String>, Option<(String, String)>) {
        let s = locate(text, at);
        (s.node.map(|n| n.0), s.key)
    }

    #[test]
    fn the_walk_finds_values_and_keys() {
        let t = r#"{"a":{"b":[1, {"c":"x"}]},"d" :true}"#;
        assert_eq!(spot(t, 0).0.as_deref(), Some(""));
        let one = t.find('1').unwrap();
        assert_eq!(spot(t, one + 1).0.as_deref(), Some("a.b[0]"));
        let x = t.find("\"x\"").unwrap();
        assert_eq!(spot(t, x + 3).0.as_deref(), Some("a.b[1].c"));
        let d = t.find("\"d\"").unwrap();
        assert_eq!(spot(t, d + 3).1, Some((String::new(), "d".to_string())));
        // After an object's closing brace: that object.
        let inner = t.find("}]").unwrap();
        assert_eq!(spot(t, inner + 1).0.as_deref(), Some("a.b[1]"));
    }

    #[test]
    fn every_path_of_the_format_has_a_description() {
        for p in [
            "fiscal_year",
            "answers.residence.planning_to_move.when",
            "estimate.contracts[12].payments[3].amount",
            "estimate.months[0].month",
            "applicant.bank.holder_kana",
            "applicant.requested_amount",
        ] {
            assert!(expected_at(p).is_some(), "{p}");
        }
        assert_eq!(expected_at("applicant.bank.x"), None);
        assert_eq!(generic("a[10].b[2]"), "a[].b[]");
    }
}
