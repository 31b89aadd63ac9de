//! The scenario file: the versioned JSON the app saves and exports and the command-line tool reads,
//! and `evaluate`, which turns one into an `Outcome` (assessment + subsidy, with the rules stamp).
//!
//! [`read_scenario`] is the one reader of these files: the app's 「データを開く」 and the staff
//! command-line tool both go through it, so they accept the same files (same bounds, from
//! [`crate::rules::limits`]) and compute the same figures.

use crate::rules::applicant::{text_fields, Applicant};
use crate::rules::data::{Rules, RulesStamp};
use crate::rules::eligibility::{assess, Answers, Assessment};
use crate::rules::estimate::{
    estimate_subsidy, lower_and_higher_cap, year_range, QuickAnswers, QuickEstimate, YearRange,
};
use crate::rules::fees::{Contract, ContractKind};
use crate::rules::limits::{self, LimitError, Violation, MAX_FILE_BYTES};
use crate::rules::money::group_digits;
use crate::rules::subsidy::{fiscal_year_name, subsidy_for_fees, MonthFees, ReportedPeriod};
use crate::rules::{Lang, Text};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// The `format` value of a scenario file.
pub const FORMAT: &str = "isumi-check";
/// The only `format_version` this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// How the fees are given.
///
/// Unknown keys are refused in every mode: `deny_unknown_fields` here covers the struct variants
/// (the tag `mode` is taken out before they are read), and [`QuickAnswers`] has its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case", deny_unknown_fields)]
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

/// A saved scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    /// Always "isumi-check".
    pub format: String,
    /// Always 1 for now.
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
    /// A field is missing or has a wrong value.
    BadField {
        /// serde_json's message (names the field or value, with line and column).
        message: String,
    },
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
            ScenarioError::NotJson { message } => Text::new(
                format!("ファイルがJSONとして読めません: {message}"),
                format!("The file is not valid JSON: {message}"),
            ),
            ScenarioError::WrongFormat { found } => {
                let f = found.as_deref().map_or_else(|| "(なし)".to_string(), |s| format!("\"{s}\""));
                let fe = found.as_deref().map_or_else(|| "(none)".to_string(), |s| format!("\"{s}\""));
                Text::new(
                    format!("いすみチェックのファイルではありません(format が \"{FORMAT}\" ではなく {f})。"),
                    format!("This is not an isumi-check file (format is {fe}, expected \"{FORMAT}\")."),
                )
            }
            ScenarioError::UnsupportedVersion { found } => Text::new(
                format!("ファイルの形式バージョン {found} には対応していません(対応: {FORMAT_VERSION})。アプリを更新してください。"),
                format!("File format version {found} is not supported (this build reads version {FORMAT_VERSION}). Update the app."),
            ),
            ScenarioError::BadField { message } => Text::new(
                format!("ファイルの項目に誤りがあります: {message}"),
                format!("A field of the file is wrong: {message}"),
            ),
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
            ScenarioError::UnexpectedList { path } => Text::new(
                format!("ファイルの項目 {path} がリスト [ … ] になっています。ここにリストは使えません。"),
                format!("The file's field {path} is a list [ … ], which is not allowed there."),
            ),
            ScenarioError::Invalid(v) => {
                let t = v.error.text();
                Text::new(
                    format!("ファイルの項目 {} に誤りがあります: {}", v.path, t.ja),
                    format!("The file's field {} is wrong: {}", v.path, t.en),
                )
            }
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

    /// Reads a scenario file: the same as [`read_scenario`].
    pub fn from_json(json: &str) -> Result<Self, ScenarioError> {
        read_scenario(json)
    }

    /// Writes the scenario as pretty JSON.
    pub fn to_json(&self) -> Result<String, ScenarioError> {
        serde_json::to_string_pretty(self).map_err(|e| ScenarioError::BadField {
            message: e.to_string(),
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
/// quick answers, texts). Errors name the field by its path (`estimate.months[3].month`) or keep
/// serde_json's line and column.
pub fn read_scenario(text: &str) -> Result<ScenarioFile, ScenarioError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ScenarioError::TooLarge);
    }
    let json = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value: Value = serde_json::from_str(json).map_err(|e| ScenarioError::NotJson {
        message: e.to_string(),
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
        Some(v) if v.as_u64() == Some(FORMAT_VERSION) => {}
        Some(v) => {
            return Err(ScenarioError::UnsupportedVersion {
                found: clip(&v.to_string()),
            })
        }
        None => {
            return Err(ScenarioError::BadField {
                message: "missing field `format_version`".to_string(),
            })
        }
    }
    no_list_outside_lists(&value, "")?;
    // Parse the text again (not the Value) so serde_json's message carries the line and column.
    let file: ScenarioFile = serde_json::from_str(json).map_err(|e| ScenarioError::BadField {
        message: clip(&e.to_string()),
    })?;
    check_bounds(&file).map_err(ScenarioError::Invalid)?;
    Ok(file)
}

/// A value quoted from the file in a message, cut in the middle when long: a hostile file could
/// otherwise fill a screen (or a terminal) with one field name. Keeps the end, where serde_json
/// puts the line and column.
fn clip(s: &str) -> String {
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

/// Everything the app shows (and the CLI prints) for a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// Rules used.
    pub stamp: RulesStamp,
    /// The user's language.
    pub lang: Lang,
    /// The fiscal year.
    pub fiscal_year: i32,
    /// Its name.
    pub fiscal_year_name: Text,
    /// Eligibility.
    pub assessment: Assessment,
    /// The contracts assumed (quick mode only).
    pub quick_estimate: Option<QuickEstimate>,
    /// The subsidy (a range when housing is undecided or an estimate answer unknown); `None` when no
    /// fees were given.
    pub subsidy: Option<YearRange>,
    /// The assumptions behind the figures.
    pub assumptions: Vec<AssumptionNote>,
    /// Charges shown but not covered.
    pub not_covered: Vec<Text>,
    /// When the subsidy is paid.
    pub paid_when: Text,
    /// 「最終的な判断は窓口で行われます。」
    pub desk_note: Text,
}

/// Evaluates a scenario with the given rules.
pub fn evaluate(rules: &Rules, file: &ScenarioFile) -> Result<Outcome, ScenarioError> {
    let fy = file.fiscal_year;
    let housing = file.answers.housing.housing();
    let compute = |text: Text| ScenarioError::Compute { text };
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
    let (quick, subsidy) = match &file.estimate {
        None => (None, None),
        Some(EstimateInput::Quick(a)) => {
            let (est, range) =
                estimate_subsidy(rules, fy, a, housing).map_err(|e| compute(e.text()))?;
            ids.extend(est.assumptions.iter().cloned());
            (Some(est), Some(range))
        }
        Some(EstimateInput::Detailed { contracts }) => {
            if contracts.iter().any(|c| c.kind == ContractKind::Contest) {
                ids.push("contest_per_award".into());
            }
            let range = year_range(rules, fy, contracts, contracts, housing)
                .map_err(|e| compute(e.text()))?;
            (None, Some(range))
        }
        Some(EstimateInput::Actual { months }) => {
            let (h_low, h_high) = match housing {
                Some(h) => (h, h),
                None => lower_and_higher_cap(rules),
            };
            let low = subsidy_for_fees(rules, fy, months, h_low).map_err(|e| compute(e.text()))?;
            let high =
                subsidy_for_fees(rules, fy, months, h_high).map_err(|e| compute(e.text()))?;
            let mut because = Vec::new();
            if housing.is_none() {
                because.push(Text::new(
                    "住まいの種類が未定のため、上限の低いほうと高いほうで計算しています。",
                    "Your housing type is not decided, so the low end uses the lower cap and the high end the higher one.",
                ));
            }
            let range = YearRange {
                stamp: rules.stamp().clone(),
                is_range: !because.is_empty(),
                low,
                high,
                because,
            };
            (None, Some(range))
        }
    };
    if subsidy
        .as_ref()
        .is_some_and(|r| r.low.reported_period != ReportedPeriod::Inside)
    {
        ids.push("program_continues".into());
    }
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
    Ok(Outcome {
        stamp: rules.stamp().clone(),
        lang: file.lang,
        fiscal_year: fy,
        fiscal_year_name: fiscal_year_name(fy),
        assessment: assess(rules, &file.answers),
        quick_estimate: quick,
        subsidy,
        assumptions,
        not_covered: rules
            .not_covered
            .iter()
            .map(|n| n.wording.clone())
            .collect(),
        paid_when: rules.program.paid_when.clone(),
        desk_note: rules.program.desk_note.clone(),
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
            ScenarioFile::from_json(r#"{"format":"isumi-check","format_version":2}"#),
            Err(ScenarioError::UnsupportedVersion { found: "2".into() })
        );
        let e = ScenarioFile::from_json(r#"{"format":"isumi-check","format_version":1,"fiscal_year":2026,"answers":{"stay_3_years":"maybe"}}"#)
            .unwrap_err();
        assert!(
            matches!(&e, ScenarioError::BadField { message } if message.contains("maybe") && message.contains("line")),
            "{e:?}"
        );
        let e = ScenarioFile::from_json(r#"{"format":"isumi-check","format_version":1,"fiscal_year":2026,"estimate":{"mode":"quick","monthly_earning":1}}"#)
            .unwrap_err();
        assert!(
            matches!(&e, ScenarioError::BadField { message } if message.contains("monthly_earning")),
            "{e:?}"
        );
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
        let o = evaluate(rules(), &f).unwrap();
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
}
