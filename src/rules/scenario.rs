//! The scenario file: the versioned JSON the app saves and exports and the command-line tool reads,
//! and `evaluate`, which turns one into an `Outcome` (assessment + subsidy, with the rules stamp).

use crate::rules::applicant::Applicant;
use crate::rules::data::{Rules, RulesStamp};
use crate::rules::eligibility::{assess, Answers, Assessment};
use crate::rules::estimate::{
    estimate_subsidy, lower_and_higher_cap, year_range, QuickAnswers, QuickEstimate, YearRange,
};
use crate::rules::fees::{Contract, ContractKind};
use crate::rules::subsidy::{fiscal_year_name, subsidy_for_fees, MonthFees, ReportedPeriod};
use crate::rules::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The `format` value of a scenario file.
pub const FORMAT: &str = "isumi-check";
/// The only `format_version` this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;

/// How the fees are given.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

    /// Reads a scenario file. Checks, in order: JSON, `format`, `format_version`, then every field.
    pub fn from_json(json: &str) -> Result<Self, ScenarioError> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| ScenarioError::NotJson {
                message: e.to_string(),
            })?;
        let format = value.get("format");
        if format.and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(ScenarioError::WrongFormat {
                found: format.map(|f| match f.as_str() {
                    Some(s) => s.to_string(),
                    None => f.to_string(),
                }),
            });
        }
        match value.get("format_version") {
            Some(v) if v.as_u64() == Some(FORMAT_VERSION) => {}
            Some(v) => {
                return Err(ScenarioError::UnsupportedVersion {
                    found: v.to_string(),
                })
            }
            None => {
                return Err(ScenarioError::BadField {
                    message: "missing field `format_version`".to_string(),
                })
            }
        }
        // Parse the text again (not the Value) so serde_json's message carries the line and column.
        serde_json::from_str(json).map_err(|e| ScenarioError::BadField {
            message: e.to_string(),
        })
    }

    /// Writes the scenario as pretty JSON.
    pub fn to_json(&self) -> Result<String, ScenarioError> {
        serde_json::to_string_pretty(self).map_err(|e| ScenarioError::BadField {
            message: e.to_string(),
        })
    }
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
        f.estimate = Some(EstimateInput::Actual { months: vec![] });
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
