//! The scenario file: the versioned JSON the app saves and exports and the command-line tool reads,
//! and `evaluate`, which turns one into an `Outcome` (assessment, timing, subsidy, outlook, with the
//! rules stamp) as of a given day.
//!
//! [`read_scenario`] is the one reader of these files: the app's 「データを開く」 and the staff
//! command-line tool both go through it, so they accept the same files (same bounds, from
//! [`crate::rules::limits`]) and compute the same figures.

use crate::rules::applicant::{text_fields, Applicant};
use crate::rules::application::{drafting, Drafting};
use crate::rules::counting::{fees_while_eligible_matters, NotCountedReason};
use crate::rules::data::{format_date_slash, Rules, RulesStamp, FEES_WHILE_ELIGIBLE};
use crate::rules::eligibility::{assess, Answers, Assessment, Verdict};
use crate::rules::estimate::{
    estimate_subsidy, fees_range, year_range, QuickAnswers, QuickEstimate, YearRange,
};
use crate::rules::fees::{Contract, ContractKind};
use crate::rules::file_fields::{clip, expected_at, field_error, FieldError, FieldProblem};
use crate::rules::limits::{self, LimitError, Violation, MAX_FILE_BYTES};
use crate::rules::money::group_digits;
use crate::rules::next_steps::{next_steps, NextStep};
use crate::rules::outlook::{outlook, Outlook, Pattern};
use crate::rules::subsidy::{
    fiscal_year_name, fiscal_year_of, fiscal_year_start, MonthFees, ReportedPeriod, SubsidyError,
};
use crate::rules::timing::{forecast_text, is_forecast, timing, Timing};
use crate::rules::{Lang, Text};
use chrono::NaiveDate;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use std::fmt;

/// The `format` value of a scenario file.
pub const FORMAT: &str = "isumi-check";
/// The `format_version` this build writes. Version 2 added the answers' dates (`moved_in`,
/// `member_since`).
pub const FORMAT_VERSION: u64 = 2;
/// The versions this build reads: a version 1 file reads with the new dates unknown.
pub const READS_VERSIONS: &[u64] = &[1, 2];

/// How the fees are given. Written with the mode first (`{"mode":"detailed","contracts":[…]}`).
///
/// Unknown keys are refused in every mode. It is read by hand rather than by serde's
/// internally-tagged derive, which buffers the object and so loses where in the file an error is:
/// with `mode` first (as the app writes it) the rest is read as it stands, so an error names its
/// field (`estimate.contracts[0].payments[1].date`); a file with `mode` later is read through the
/// derive (the same values, errors named at `estimate`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum EstimateInput {
    /// Coarse answers (monthly earnings, contract size, kinds of work).
    Quick(QuickAnswers),
    /// Contracts and their payments.
    Detailed {
        /// The contracts.
        contracts: Vec<Contract>,
    },
    /// Fees actually paid, month by month.
    Actual {
        /// The months.
        months: Vec<MonthFees>,
    },
}

/// The `mode` of an estimate.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Mode {
    Quick,
    Detailed,
    Actual,
}

/// The rest of a detailed estimate, after its `mode`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DetailedRest {
    contracts: Vec<Contract>,
}

/// The rest of an actual-fees estimate, after its `mode`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActualRest {
    months: Vec<MonthFees>,
}

/// The same estimate through serde's internally-tagged derive: for a file whose `mode` is not
/// its first key.
#[derive(Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case", deny_unknown_fields)]
enum Tagged {
    Quick(QuickAnswers),
    Detailed { contracts: Vec<Contract> },
    Actual { months: Vec<MonthFees> },
}

impl From<Tagged> for EstimateInput {
    fn from(t: Tagged) -> Self {
        match t {
            Tagged::Quick(q) => EstimateInput::Quick(q),
            Tagged::Detailed { contracts } => EstimateInput::Detailed { contracts },
            Tagged::Actual { months } => EstimateInput::Actual { months },
        }
    }
}

impl<'de> Deserialize<'de> for EstimateInput {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(EstimateVisitor)
    }
}

struct EstimateVisitor;

impl<'de> Visitor<'de> for EstimateVisitor {
    type Value = EstimateInput;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an estimate object with a mode")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<EstimateInput, A::Error> {
        let Some(first) = map.next_key::<String>()? else {
            return Err(de::Error::missing_field("mode"));
        };
        if first == "mode" {
            let mode: Mode = map.next_value()?;
            let rest = MapAccessDeserializer::new(map);
            return match mode {
                Mode::Quick => QuickAnswers::deserialize(rest).map(EstimateInput::Quick),
                Mode::Detailed => {
                    DetailedRest::deserialize(rest).map(|r| EstimateInput::Detailed {
                        contracts: r.contracts,
                    })
                }
                Mode::Actual => ActualRest::deserialize(rest)
                    .map(|r| EstimateInput::Actual { months: r.months }),
            };
        }
        // `mode` comes later: gather the object, then read it as the tagged form.
        let mut object = serde_json::Map::new();
        let mut key = first;
        loop {
            if object.contains_key(&key) {
                return Err(de::Error::custom(format_args!(
                    "duplicate field `{}`",
                    clip(&key)
                )));
            }
            let value: Value = map.next_value()?;
            object.insert(key, value);
            match map.next_key::<String>()? {
                Some(k) => key = k,
                None => break,
            }
        }
        // serde names no place inside a buffered object: the message says where to look.
        Tagged::deserialize(Value::Object(object))
            .map(EstimateInput::from)
            .map_err(|e| de::Error::custom(format_args!("inside the estimate: {e}")))
    }
}

/// A saved scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// Always "isumi-check".
    pub format: String,
    /// [`FORMAT_VERSION`] once read (older versions are upgraded as they are read).
    pub format_version: u64,
    /// Language of the user.
    #[serde(default)]
    pub lang: Lang,
    /// The fiscal year to estimate (named by the year it starts).
    pub fiscal_year: i32,
    /// Eligibility answers.
    #[serde(default)]
    pub answers: Answers,
    /// The fees, if any were given.
    #[serde(default)]
    pub estimate: Option<EstimateInput>,
    /// The applicant's details for the printed application.
    #[serde(default)]
    pub applicant: Option<Applicant>,
}

/// A scenario file could not be read or evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioError {
    /// Not JSON at all.
    NotJson {
        /// serde_json's message (with line and column).
        message: String,
        /// Where: the line (from 1).
        line: usize,
        /// Where: the column (bytes after the line's start).
        column: usize,
    },
    /// JSON, but not a scenario file (`format` missing or different).
    WrongFormat {
        /// The `format` found, if any.
        found: Option<String>,
    },
    /// A `format_version` this build does not read.
    UnsupportedVersion {
        /// The version found, as written.
        found: String,
    },
    /// A field is unknown, missing, given twice, or of the wrong type or value: named by its
    /// path, with what it must hold.
    BadField(FieldError),
    /// The file was read but the figures could not be computed.
    Compute {
        /// Why.
        text: Text,
    },
    /// More than [`MAX_FILE_BYTES`] bytes.
    TooLarge,
    /// Not UTF-8 text.
    NotUtf8 {
        /// Bytes of valid UTF-8 before the first invalid one.
        valid_up_to: usize,
    },
    /// A list (`[…]`) where the format has an object or a single value, e.g. `"answers": []`.
    /// (serde would read a struct from a list, silently giving defaults or values by position.)
    UnexpectedList {
        /// Where, e.g. `answers`, `estimate.contracts[0].payments[1]`.
        path: String,
    },
    /// A value outside the bounds of [`crate::rules::limits`], or a text the app refuses.
    Invalid(Violation),
}

impl ScenarioError {
    /// Message in both languages.
    pub fn text(&self) -> Text {
        match self {
            ScenarioError::NotJson {
                message,
                line,
                column,
            } => Text::new(
                format!("ファイルがJSONとして読めません({line}行目の{column}バイト目あたり)。アプリで保存したデータのファイルを指定してください。"),
                format!("The file is not valid JSON: {message}"),
            ),
            ScenarioError::WrongFormat { found } => {
                let f = found
                    .as_deref()
                    .map_or_else(|| "(なし)".to_string(), |s| format!("\"{s}\""));
                let fe = found
                    .as_deref()
                    .map_or_else(|| "(none)".to_string(), |s| format!("\"{s}\""));
                Text::new(
                    format!("いすみチェックのファイルではありません(format が \"{FORMAT}\" ではなく {f})。"),
                    format!("This is not an isumi-check file (format is {fe}, expected \"{FORMAT}\")."),
                )
            }
            ScenarioError::UnsupportedVersion { found } => {
                let list = READS_VERSIONS
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                Text::new(
                    format!("ファイルの形式バージョン {found} には対応していません(対応: {list})。アプリを更新してください。"),
                    format!("File format version {found} is not supported (this build reads versions {list}). Update the app."),
                )
            }
            ScenarioError::BadField(f) => f.text(),
            ScenarioError::Compute { text } => text.clone(),
            ScenarioError::TooLarge => {
                let max = group_digits(MAX_FILE_BYTES as u64);
                Text::new(
                    format!("ファイルが大きすぎます({max}バイトまで)。アプリで保存したデータのファイルを指定してください。"),
                    format!("The file is too large (at most {max} bytes). Use a file saved by the app."),
                )
            }
            ScenarioError::NotUtf8 { valid_up_to } => Text::new(
                format!("ファイルがUTF-8のテキストではありません({}バイト目)。アプリで保存したデータのファイルを指定してください。", valid_up_to + 1),
                format!("The file is not UTF-8 text (at byte {}). Use a file saved by the app.", valid_up_to + 1),
            ),
            ScenarioError::UnexpectedList { path } => {
                let (ja, en) = match expected_at(path) {
                    Some(e) => {
                        let t = e.text();
                        (t.ja, format!(" It {}", t.en))
                    }
                    None => (String::new(), String::new()),
                };
                Text::new(
                    format!("{path}: ここにリスト [ … ] は使えません。{ja}"),
                    format!("{path}: a list [ … ] is not allowed here.{en}"),
                )
            }
            ScenarioError::Invalid(v) => v.text(),
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().en)
    }
}

impl std::error::Error for ScenarioError {}

impl ScenarioFile {
    /// A new, empty scenario for a fiscal year.
    pub fn new(fiscal_year: i32) -> Self {
        ScenarioFile {
            format: FORMAT.to_string(),
            format_version: FORMAT_VERSION,
            lang: Lang::Ja,
            fiscal_year,
            answers: Answers::default(),
            estimate: None,
            applicant: None,
        }
    }

    /// Reads a scenario file: the same as [`read_scenario`]. A file of an older version is
    /// upgraded: it is written back as [`FORMAT_VERSION`].
    pub fn from_json(json: &str) -> Result<Self, ScenarioError> {
        read_scenario(json)
    }

    /// Writes the scenario as pretty JSON.
    pub fn to_json(&self) -> Result<String, ScenarioError> {
        serde_json::to_string_pretty(self).map_err(|e| {
            ScenarioError::BadField(FieldError {
                path: String::new(),
                problem: FieldProblem::Other {
                    message: e.to_string(),
                },
            })
        })
    }
}

/// Reads a scenario file given as bytes: at most [`MAX_FILE_BYTES`], UTF-8, then
/// [`read_scenario`]. For readers that get bytes (the command-line tool; the app's file input
/// should use it too, so that a file that is not UTF-8 is refused the same way rather than
/// decoded with replacement characters).
pub fn read_scenario_bytes(bytes: &[u8]) -> Result<ScenarioFile, ScenarioError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ScenarioError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ScenarioError::NotUtf8 {
        valid_up_to: e.valid_up_to(),
    })?;
    read_scenario(text)
}

/// Reads a scenario file: the one reader the app and the command-line tool share.
///
/// Checks, in order, and stops at the first problem: the size ([`MAX_FILE_BYTES`]); one leading
/// byte-order mark (U+FEFF, as some editors write) is skipped; JSON; `format`; `format_version`;
/// no list where the format has none; every field and its type, with no unknown key anywhere;
/// then the bounds of [`crate::rules::limits`] (fiscal year, amounts, dates, counts, months,
/// quick answers, texts). Every error about a field names it by its path
/// (`estimate.months[3].month: …`, [`crate::rules::file_fields`]), in both languages; only a
/// file that is not JSON at all is placed by line and column.
pub fn read_scenario(text: &str) -> Result<ScenarioFile, ScenarioError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ScenarioError::TooLarge);
    }
    let json = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value: Value = serde_json::from_str(json).map_err(|e| ScenarioError::NotJson {
        message: clip(&e.to_string()),
        line: e.line(),
        column: e.column(),
    })?;
    let format = value.get("format");
    if format.and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ScenarioError::WrongFormat {
            found: format.map(|f| match f.as_str() {
                Some(s) => clip(s),
                None => clip(&f.to_string()),
            }),
        });
    }
    match value.get("format_version") {
        Some(v) if v.as_u64().is_some_and(|n| READS_VERSIONS.contains(&n)) => {}
        Some(v) => {
            return Err(ScenarioError::UnsupportedVersion {
                found: clip(&v.to_string()),
            })
        }
        None => {
            return Err(ScenarioError::BadField(FieldError {
                path: "format_version".to_string(),
                problem: FieldProblem::Missing,
            }))
        }
    }
    no_list_outside_lists(&value, "")?;
    // Parse the text again (not the Value): serde_json's error then has a line and column, from
    // which `field_error` finds the field by its path.
    let mut file: ScenarioFile =
        serde_json::from_str(json).map_err(|e| ScenarioError::BadField(field_error(json, &e)))?;
    check_bounds(&file).map_err(ScenarioError::Invalid)?;
    // Version 1 only lacks fields that default to "not known": it is written back as the current
    // version.
    file.format_version = FORMAT_VERSION;
    Ok(file)
}

/// The only places a scenario file has lists: the contracts, each contract's payments, and the
/// months. Their items must be objects.
fn is_list_path(path: &str) -> bool {
    if path == "estimate.contracts" || path == "estimate.months" {
        return true;
    }
    // estimate.contracts[N].payments
    path.strip_prefix("estimate.contracts[")
        .and_then(|rest| rest.strip_suffix("].payments"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Refuses a list anywhere but at [`is_list_path`]: serde reads a struct from a list as well as
/// from an object (`"answers": []` would be all "don't know", `["2019-05-01", 5]` a payment), and
/// a file the app never writes should not be read by position.
fn no_list_outside_lists(value: &Value, path: &str) -> Result<(), ScenarioError> {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                no_list_outside_lists(child, &child_path)?;
            }
            Ok(())
        }
        Value::Array(items) if is_list_path(path) => {
            for (i, item) in items.iter().enumerate() {
                let item_path = format!("{path}[{i}]");
                if item.is_array() {
                    return Err(ScenarioError::UnexpectedList { path: item_path });
                }
                no_list_outside_lists(item, &item_path)?;
            }
            Ok(())
        }
        // (Never at the top: a list there has no `format` and was refused above.)
        Value::Array(_) => Err(ScenarioError::UnexpectedList {
            path: path.to_string(),
        }),
        _ => Ok(()),
    }
}

/// The bounds of [`crate::rules::limits`] on a file that has the right shape and types.
fn check_bounds(file: &ScenarioFile) -> Result<(), Violation> {
    let at = |path: &str| {
        let path = path.to_string();
        move |error: LimitError| Violation { path, error }
    };
    let fy = file.fiscal_year;
    limits::check_fiscal_year(fy).map_err(at("fiscal_year"))?;
    match &file.estimate {
        None => {}
        Some(EstimateInput::Quick(q)) => limits::check_quick(fy, q, "estimate")?,
        Some(EstimateInput::Detailed { contracts }) => {
            limits::check_contracts(contracts, "estimate.contracts")?
        }
        Some(EstimateInput::Actual { months }) => {
            limits::check_months(fy, months, "estimate.months")?
        }
    }
    if let Some(a) = &file.applicant {
        for (id, value) in text_fields(a) {
            limits::check_text(value).map_err(at(&format!("applicant.{id}")))?;
        }
    }
    Ok(())
}

/// An assumption the outcome rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssumptionNote {
    /// Id in the rules data.
    pub id: String,
    /// Wording.
    pub wording: Text,
}

/// Payments were given but none counts in the chosen year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NothingCounted {
    /// Every payment (or month) is dated in another fiscal year: most likely the wrong year was chosen.
    pub all_outside_year: bool,
    /// Every payment (or month) is in the chosen year but before the day fees start to count
    /// (before moving in or joining hinode): nothing counts *yet*.
    #[serde(default)]
    pub all_before_eligible: bool,
    /// The first day whose fees count, when some payment was left out for being before it.
    #[serde(default, with = "crate::rules::iso_date::option")]
    pub counts_from: Option<NaiveDate>,
    /// The fiscal years the payments belong to, in order.
    pub their_years: Vec<i32>,
    /// What to tell the user instead of a verdict over ¥0.
    pub text: Text,
}

/// Everything the app shows (and the CLI prints) for a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Rules used.
    pub stamp: RulesStamp,
    /// The day the outcome was computed for ("today").
    #[serde(with = "crate::rules::iso_date")]
    pub today: NaiveDate,
    /// The user's language.
    pub lang: Lang,
    /// The fiscal year.
    pub fiscal_year: i32,
    /// Its name.
    pub fiscal_year_name: Text,
    /// Eligibility: the criteria and the verdict, whatever the year.
    pub assessment: Assessment,
    /// The year against the date from which fees count, and the headline of the result.
    pub timing: Timing,
    /// The year has not ended by `today`: every figure is a forecast (見込み).
    pub forecast: bool,
    /// The forecast in words (見込み; the claim is made after the end of the fiscal year).
    pub forecast_text: Option<Text>,
    /// Whether an application can be drafted for the year, or why not.
    pub application: Drafting,
    /// The contracts assumed (quick mode only).
    pub quick_estimate: Option<QuickEstimate>,
    /// The subsidy (a range when housing is undecided or an estimate answer unknown); `None` when no
    /// fees were given.
    pub subsidy: Option<YearRange>,
    /// Set when fees were given but none counts in the year (instead of a verdict over ¥0).
    pub nothing_counted: Option<NothingCounted>,
    /// The subsidy over the next three years (`None` when no fees were given).
    pub outlook: Option<Outlook>,
    /// What to do next, most important first: only the steps this person still needs.
    pub next_steps: Vec<NextStep>,
    /// The assumptions behind the figures.
    pub assumptions: Vec<AssumptionNote>,
    /// Charges shown but not covered.
    pub not_covered: Vec<Text>,
    /// When the subsidy is paid.
    pub paid_when: Text,
    /// 「最終的な判断は窓口で行われます。」
    pub desk_note: Text,
}

/// Evaluates a scenario with the given rules, as of `today` (the caller's clock: the engine never
/// reads one).
pub fn evaluate(
    rules: &Rules,
    file: &ScenarioFile,
    today: NaiveDate,
) -> Result<Outcome, ScenarioError> {
    let fy = file.fiscal_year;
    let answers = &file.answers;
    let housing = answers.housing.housing();
    let compute = |text: Text| ScenarioError::Compute { text };
    let assessment = assess(rules, answers);
    let mut timing =
        timing(rules, answers, assessment.verdict, fy, today).map_err(|e| compute(e.text()))?;
    let eligible = Some(&timing.eligible_from);
    let mut ids: Vec<String> = [
        "fees_by_payment_date",
        "no_prorating",
        "system_fee_only",
        "rounding_cumulative",
        "housing_whole_year",
        "membership_price",
        "application_procedure",
        "repayment_unknown",
    ]
    .map(String::from)
    .to_vec();
    let (quick, subsidy, pattern_outlook) = match &file.estimate {
        None => (None, None, None),
        Some(EstimateInput::Quick(a)) => {
            let (est, range) =
                estimate_subsidy(rules, fy, a, housing, eligible).map_err(|e| compute(e.text()))?;
            ids.extend(est.assumptions.iter().cloned());
            // Every case of the estimate, so the outlook's spans are each figure's extremes too.
            let cases: Vec<(u64, u64)> = est
                .corners
                .iter()
                .map(|c| (c.monthly_earnings, c.contract_size))
                .collect();
            let o = outlook(
                rules,
                answers,
                today,
                Pattern::Quick {
                    cases: &cases,
                    mix: a.mix,
                },
            )
            .map_err(|e| compute(e.text()))?;
            (Some(est), Some(range), Some(o))
        }
        Some(EstimateInput::Detailed { contracts }) => {
            if contracts.iter().any(|c| c.kind == ContractKind::Contest) {
                ids.push("contest_per_award".into());
            }
            let range = year_range(rules, fy, contracts, contracts, housing, eligible)
                .map_err(|e| compute(e.text()))?;
            let o = outlook(
                rules,
                answers,
                today,
                Pattern::Payments {
                    contracts,
                    fiscal_year: fy,
                },
            )
            .map_err(|e| compute(e.text()))?;
            (None, Some(range), Some(o))
        }
        Some(EstimateInput::Actual { months }) => {
            let range =
                fees_range(rules, fy, months, housing, eligible).map_err(|e| compute(e.text()))?;
            let o = outlook(
                rules,
                answers,
                today,
                Pattern::Months {
                    months,
                    fiscal_year: fy,
                },
            )
            .map_err(|e| compute(e.text()))?;
            (None, Some(range), Some(o))
        }
    };
    if subsidy
        .as_ref()
        .is_some_and(|r| r.low.reported_period != ReportedPeriod::Inside)
    {
        ids.push("program_continues".into());
    }
    let e = &timing.eligible_from;
    let fy_start =
        fiscal_year_start(fy).ok_or_else(|| compute(SubsidyError::BadYear(fy).text()))?;
    if fiscal_year_of(e.date) == fy && fees_while_eligible_matters(rules, e, fy_start) {
        ids.push(FEES_WHILE_ELIGIBLE.into());
    }
    ids.extend(e.assumptions.iter().cloned());
    // No outlook for someone who is not eligible with these answers (an explicit "no"): three
    // years of subsidy they cannot claim would be a promise. ("I don't know" keeps it.)
    let pattern_outlook = pattern_outlook.filter(|_| assessment.verdict != Verdict::NotEligible);
    if let Some(o) = &pattern_outlook {
        ids.extend(o.assumption_ids.iter().cloned());
    }
    let nothing_counted = subsidy
        .as_ref()
        .and_then(|r| nothing_counted(fy, r, &timing));
    if let Some(n) = &nothing_counted {
        // The figures are about another year, or about days before the person qualifies: say that
        // rather than a verdict (good news, most often) over ¥0. A headline that is not good news
        // stays (an explicit "no", a year before the person qualifies) unless the payments are all
        // in another year: the year chosen is then the first thing to fix.
        if n.all_outside_year || timing.positive {
            timing.headline = n.text.clone();
            timing.positive = false;
        }
    }
    let forecast = is_forecast(fy, today);
    let application = drafting(
        assessment.verdict,
        timing.year_status,
        subsidy.as_ref().map(|r| r.figures.subsidy.high),
        fy,
        forecast,
    );
    let mut assumptions: Vec<AssumptionNote> = Vec::new();
    for id in ids {
        if assumptions.iter().any(|a| a.id == id) {
            continue;
        }
        if let Some(a) = rules.assumption(&id) {
            assumptions.push(AssumptionNote {
                id: a.id.clone(),
                wording: a.wording.clone(),
            });
        }
    }
    let mut outcome = Outcome {
        stamp: rules.stamp().clone(),
        today,
        lang: file.lang,
        fiscal_year: fy,
        fiscal_year_name: fiscal_year_name(fy),
        assessment,
        timing,
        forecast,
        forecast_text: forecast.then(|| forecast_text(fy)),
        application,
        quick_estimate: quick,
        subsidy,
        nothing_counted,
        outlook: pattern_outlook,
        next_steps: Vec::new(),
        assumptions,
        not_covered: rules
            .not_covered
            .iter()
            .map(|n| n.wording.clone())
            .collect(),
        paid_when: rules.program.paid_when.clone(),
        desk_note: rules.program.desk_note.clone(),
    };
    outcome.next_steps = next_steps(answers, &outcome);
    Ok(outcome)
}

/// Whether a payment was left out for being before the person qualifies.
fn before_eligible(reason: NotCountedReason) -> bool {
    matches!(
        reason,
        NotCountedReason::BeforeMovingIn | NotCountedReason::BeforeMembership
    )
}

/// When fees were given but none counts in year `fy`: why, in words. `timing` gives the day fees
/// start to count, named when payments were left out for being before it.
fn nothing_counted(fy: i32, range: &YearRange, timing: &Timing) -> Option<NothingCounted> {
    let y = &range.high;
    if !y.payments.is_empty() || !y.months.is_empty() || y.not_counted.is_empty() {
        return None;
    }
    let all_outside_year = y
        .not_counted
        .iter()
        .all(|n| n.reason == NotCountedReason::OutsideFiscalYear);
    let all_before_eligible = y.not_counted.iter().all(|n| before_eligible(n.reason));
    let some_before_eligible = y.not_counted.iter().any(|n| before_eligible(n.reason));
    let counts_from = some_before_eligible.then_some(timing.counts_from);
    let mut their_years: Vec<i32> = y.not_counted.iter().map(|n| n.fiscal_year).collect();
    their_years.sort_unstable();
    their_years.dedup();
    let name = fiscal_year_name(fy);
    // From when fees count, as the timing says it (planned, or only the earliest possible day).
    let from_when = &timing.eligible_from.text;
    let text = if all_outside_year {
        let ja: Vec<String> = their_years
            .iter()
            .map(|&f| fiscal_year_name(f).ja)
            .collect();
        let en: Vec<String> = their_years.iter().map(|&f| format!("FY{f}")).collect();
        Text::new(
            format!(
                "入力した支払いはすべて{}の外({}の支払い)のため、{}の助成額は計算できません。年度を選び直してください。",
                name.ja,
                ja.join("・"),
                name.ja
            ),
            format!(
                "Every payment you entered is outside FY{fy} (they belong to {}), so there is no subsidy to show for it. Choose the fiscal year again.",
                en.join(", ")
            ),
        )
    } else if all_before_eligible {
        let from = format_date_slash(timing.counts_from);
        Text::new(
            format!(
                "入力した支払いはすべて、手数料が対象になる日({from})より前のため、{}の助成に数えられる手数料はまだありません。{}",
                name.ja, from_when.ja
            ),
            format!(
                "Every payment you entered is before the day your fees start to count ({from}), so nothing counts for FY{fy} yet. {}",
                from_when.en
            ),
        )
    } else {
        let (ja, en) = if some_before_eligible {
            (from_when.ja.as_str(), format!(" {}", from_when.en))
        } else {
            ("", String::new())
        };
        Text::new(
            format!(
                "入力した支払いのうち、{}の助成に数えられるものはありません(理由は「数えない支払い」のとおり)。{ja}",
                name.ja
            ),
            format!(
                "None of the payments you entered counts for FY{fy}: the list of payments not counted says why.{en}"
            ),
        )
    };
    Some(NothingCounted {
        all_outside_year,
        all_before_eligible,
        counts_from,
        their_years,
        text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::data::rules;

    #[test]
    fn errors_in_order() {
        assert!(matches!(
            ScenarioFile::from_json("{"),
            Err(ScenarioError::NotJson { .. })
        ));
        assert_eq!(
            ScenarioFile::from_json(r#"{"format":"other"}"#),
            Err(ScenarioError::WrongFormat {
                found: Some("other".into())
            })
        );
        assert_eq!(
            ScenarioFile::from_json(r#"{"format":"isumi-check","format_version":3}"#),
            Err(ScenarioError::UnsupportedVersion { found: "3".into() })
        );
        let e = ScenarioFile::from_json(r#"{"format":"isumi-check","format_version":1,"fiscal_year":2026,"answers":{"stay_3_years":"maybe"}}"#)
            .unwrap_err();
        assert!(
            matches!(&e, ScenarioError::BadField(f) if f.path == "answers.stay_3_years"
                && matches!(&f.problem, FieldProblem::NotOneOf { found, .. } if found == "maybe")),
            "{e:?}"
        );
        assert_eq!(
            e.text().ja,
            "answers.stay_3_years: \"maybe\" は使えません。yes、no、unknown のどれかにしてください。"
        );
        let e = ScenarioFile::from_json(r#"{"format":"isumi-check","format_version":1,"fiscal_year":2026,"estimate":{"mode":"quick","monthly_earning":1}}"#)
            .unwrap_err();
        assert!(
            matches!(&e, ScenarioError::BadField(f) if f.path == "estimate.monthly_earning"
                && matches!(&f.problem, FieldProblem::Unknown { allowed } if allowed.iter().any(|a| a == "monthly_earnings"))),
            "{e:?}"
        );
    }

    #[test]
    fn version_1_files_open_and_are_written_as_version_2() {
        let f = ScenarioFile::from_json(
            r#"{"format":"isumi-check","format_version":1,"fiscal_year":2026,
                "answers":{"residence":"lives_in_isumi","hinode_special_member":"yes"}}"#,
        )
        .unwrap();
        assert_eq!(f.answers.moved_in, None);
        assert_eq!(f.answers.member_since, None);
        assert_eq!(f.format_version, 2);
        assert!(f.to_json().unwrap().contains("\"format_version\": 2"));
    }

    #[test]
    fn round_trip() {
        let mut f = ScenarioFile::new(2026);
        f.estimate = Some(EstimateInput::Actual {
            months: vec![MonthFees {
                month: crate::rules::subsidy::YearMonth::new(2026, 5).unwrap(),
                fees: 1_000,
            }],
        });
        f.applicant = Some(Applicant::default());
        let back = ScenarioFile::from_json(&f.to_json().unwrap()).unwrap();
        assert_eq!(back, f);
    }

    #[test]
    fn quick_scenario_evaluates_with_range() {
        let f = ScenarioFile::from_json(
            r#"{"format":"isumi-check","format_version":1,"lang":"en","fiscal_year":2026,
                "answers":{"residence":"lives_in_isumi","stay_3_years":"yes","crowdworks_account":"yes","hinode_special_member":"yes"},
                "estimate":{"mode":"quick","monthly_earnings":null,"contract_size":50000}}"#,
        )
        .unwrap();
        let o = evaluate(rules(), &f, NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()).unwrap();
        let s = o.subsidy.unwrap();
        assert!(s.is_range);
        // ¥50,000 a month in ¥50,000 contracts: 22% = ¥11,000 a month, ¥132,000 a year → capped.
        assert_eq!(s.low.subsidy, 30_000);
        assert_eq!(s.high.subsidy, 50_000);
        assert!(o.assumptions.iter().any(|a| a.id == "program_continues"));
        assert!(o
            .assumptions
            .iter()
            .any(|a| a.id == "quick_estimate_defaults"));
    }

    #[test]
    fn no_outlook_is_promised_to_someone_not_eligible() {
        let json = |residence: &str| {
            format!(
                r#"{{"format":"isumi-check","format_version":2,"fiscal_year":2026,
                "answers":{{"residence":"{residence}","stay_3_years":"no","crowdworks_account":"yes","hinode_special_member":"yes","housing":"shared"}},
                "estimate":{{"mode":"quick","monthly_earnings":100000,"contract_size":50000}}}}"#
            )
        };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let f = ScenarioFile::from_json(&json("not_planning")).unwrap();
        let o = evaluate(rules(), &f, today).unwrap();
        assert_eq!(o.assessment.verdict, Verdict::NotEligible);
        assert!(o.outlook.is_none());
        // "I don't know" is never "not eligible": the outlook stays.
        let f = ScenarioFile::from_json(
            &json("unknown").replace(r#""stay_3_years":"no""#, r#""stay_3_years":"unknown""#),
        )
        .unwrap();
        assert!(evaluate(rules(), &f, today).unwrap().outlook.is_some());
    }
}
