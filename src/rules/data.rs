//! The rules data: `rules.json`, as typed structs.
//!
//! The file is meant to be read and updated by hinode staff, so every entry carries its source and
//! the date it was checked, and validation errors name the entry (`fee_schedules[1].tiers[2]: …`).
//! The app does not parse it: [`rules`] builds the same value from `rules_table.rs`, Rust generated
//! from the file by `tests/rules_data.rs`, which also parses and validates the file and fails while
//! the two differ (README "Updating the rules"). [`Rules::from_json`] reads a file (the tests, an
//! edited copy).

use crate::rules::housing::Housing;
use crate::rules::{Text, Yen};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::OnceLock;

/// The bundled rules file.
pub const RULES_JSON: &str = include_str!("rules.json");

/// FNV-1a 64 of the bundled rules file, computed at compile time.
pub const RULES_HASH: u64 = fnv1a64(RULES_JSON.as_bytes());

/// FNV-1a 64-bit hash. A `const fn` so the bundled file's hash costs nothing at run time.
pub const fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        i += 1;
    }
    hash
}

/// A hash as 16 lower-case hex digits.
pub fn hash_hex(hash: u64) -> String {
    format!("{hash:016x}")
}

/// Which rules a result was computed with. Every result type carries one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RulesStamp {
    /// `version` of the rules file, e.g. "2026.11.1".
    pub version: String,
    /// The date the rules were last checked against their sources.
    #[serde(with = "crate::rules::iso_date")]
    pub checked: NaiveDate,
    /// FNV-1a 64 of the rules file, 16 hex digits.
    pub hash: String,
}

/// Where a value comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Public URL (https).
    pub url: String,
    /// When the value was last checked against the source.
    #[serde(with = "crate::rules::iso_date")]
    pub checked: NaiveDate,
    /// What exactly the source says, or why the URL is only the publisher's site.
    #[serde(default)]
    pub note: Option<String>,
}

/// The program itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// クラウドワークス実証拠点.
    pub name: Text,
    /// いすみ市.
    pub city: Text,
    /// First day of the program (2018-10-01).
    #[serde(with = "crate::rules::iso_date")]
    pub start: NaiveDate,
    /// Length of the period the press reported at launch, in months.
    pub reported_months: u32,
    /// Last day of the reported period.
    #[serde(with = "crate::rules::iso_date")]
    pub reported_end: NaiveDate,
    /// The real end date, when known.
    #[serde(default, with = "crate::rules::iso_date::option")]
    pub end: Option<NaiveDate>,
    /// When the subsidy is paid.
    pub paid_when: Text,
    /// "The final decision is made at the desk."
    pub desk_note: Text,
    /// Source.
    pub source: Source,
}

/// Start of the fiscal year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FiscalYearStart {
    /// Month (4).
    pub start_month: u32,
    /// Day (1).
    pub start_day: u32,
    /// Source.
    pub source: Source,
}

/// The yearly cap for one housing type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    /// Housing type.
    pub housing: Housing,
    /// Cap per fiscal year, in yen.
    pub yen: Yen,
    /// Name of the housing type.
    pub label: Text,
    /// Source.
    pub source: Source,
}

/// One eligibility criterion and its wording.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id (`registered_address`, `stay_3_years`, `crowdworks_user`, `hinode_special_member`).
    pub id: String,
    /// The question that answers it.
    pub question: String,
    /// The criterion as shown to the user.
    pub wording: Text,
    /// What to do to meet it, when it is not met yet.
    pub action: Text,
    /// Source.
    pub source: Source,
}

/// How consumption tax relates to the fee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TaxMode {
    /// The tiered fee already includes the tax (内税; until 2019-09-30).
    Included,
    /// The tiered fee is before tax and tax is added on top (from 2019-10-01).
    Added,
}

/// Consumption tax of a schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tax {
    /// Included or added.
    pub mode: TaxMode,
    /// Tax rate in basis points (800 = 8%).
    pub rate_bp: u32,
}

/// One marginal tier of the fee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Upper bound of the part of the cumulative amount this rate applies to (`None`: no bound).
    pub up_to: Option<Yen>,
    /// Rate in basis points (2000 = 20%).
    pub rate_bp: u32,
}

/// The CrowdWorks worker fee in force over a date range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeSchedule {
    /// Stable id shown in traces, e.g. "cw-2019-10".
    pub id: String,
    /// First day in force.
    #[serde(with = "crate::rules::iso_date")]
    pub from: NaiveDate,
    /// Last day in force (`None`: still in force).
    #[serde(default, with = "crate::rules::iso_date::option")]
    pub to: Option<NaiveDate>,
    /// Consumption tax.
    pub tax: Tax,
    /// Marginal tiers on the contract's cumulative tax-included amount, ascending.
    pub tiers: Vec<Tier>,
    /// Flat rate of task-format work, in basis points.
    pub task_rate_bp: u32,
    /// Source.
    pub source: Source,
}

impl FeeSchedule {
    /// Whether the schedule is in force on `date`.
    pub fn covers(&self, date: NaiveDate) -> bool {
        date >= self.from && self.to.is_none_or(|to| date <= to)
    }
}

/// A charge that is shown but not covered by the subsidy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotCovered {
    /// Stable id.
    pub id: String,
    /// What it is and why it is not covered.
    pub wording: Text,
    /// Source.
    pub source: Source,
}

/// An open point of the program, with the default the engine uses. Shown as an assumption, never as a fact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumption {
    /// Stable id, e.g. `program_continues`.
    pub id: String,
    /// The default the engine implements (a code; see `REQUIRED_ASSUMPTIONS`).
    pub default: String,
    /// The assumption as shown to the user.
    pub wording: Text,
    /// Source (or where it was looked for).
    pub source: Source,
}

/// A low–high pair used for "I don't know" answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    /// Low end.
    pub low: Yen,
    /// High end.
    pub high: Yen,
}

/// Defaults of the quick estimate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuickDefaults {
    /// Monthly earnings used when the answer is "I don't know".
    pub monthly_earnings: Bounds,
    /// Contract size used when the answer is "I don't know".
    pub contract_size: Bounds,
    /// Day of the month fixed and task contracts are assumed paid.
    pub pay_day: u32,
    /// Days of the month hourly contracts are assumed paid (one payment = one week).
    pub hourly_pay_days: Vec<u32>,
    /// Refuse estimates that would need more contracts than this per month.
    pub max_contracts_per_month: u32,
    /// Id of the assumption that words these defaults.
    pub assumption: String,
}

/// The whole rules file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// How to read and edit the file.
    pub about: Text,
    /// Version, e.g. "2026.11.1".
    pub version: String,
    /// When the whole file was last checked.
    #[serde(with = "crate::rules::iso_date")]
    pub checked: NaiveDate,
    /// The program.
    pub program: Program,
    /// Fiscal-year start.
    pub fiscal_year: FiscalYearStart,
    /// Caps per housing type.
    pub caps: Vec<Cap>,
    /// Eligibility criteria.
    pub criteria: Vec<Criterion>,
    /// Fee schedules, in date order, contiguous.
    pub fee_schedules: Vec<FeeSchedule>,
    /// Charges not covered.
    pub not_covered: Vec<NotCovered>,
    /// Open points with their defaults.
    pub assumptions: Vec<Assumption>,
    /// Quick-estimate defaults.
    pub quick_estimate: QuickDefaults,
    /// Filled in after parsing, from the file's version, checked date and hash.
    #[serde(skip, default = "empty_stamp")]
    stamp: RulesStamp,
}

fn empty_stamp() -> RulesStamp {
    RulesStamp {
        version: String::new(),
        checked: NaiveDate::MIN,
        hash: String::new(),
    }
}

/// Assumptions the engine relies on, with the defaults it implements (`None`: any value, the
/// assumption is wording only). Where several values are listed, the engine reads the file's
/// `default` and follows it (e.g. [`FEES_WHILE_ELIGIBLE`]).
pub const REQUIRED_ASSUMPTIONS: &[(&str, Option<&[&str]>)] = &[
    ("fees_by_payment_date", Some(&["payment_date"])),
    ("no_prorating", Some(&["no_prorating"])),
    ("system_fee_only", Some(&["system_fee_only"])),
    ("contest_per_award", Some(&["per_award"])),
    ("program_continues", Some(&["continues"])),
    ("housing_whole_year", Some(&["whole_year"])),
    ("membership_price", None),
    ("application_procedure", None),
    ("repayment_unknown", None),
    ("rounding_cumulative", Some(&["floor_cumulative"])),
    ("quick_estimate_defaults", None),
    (
        FEES_WHILE_ELIGIBLE,
        Some(&[ONLY_WHILE_ELIGIBLE, WHOLE_YEAR_OF_ELIGIBILITY]),
    ),
    (DATES_NOT_GIVEN, Some(&["program_start"])),
];

/// Assumption id: whether fees paid earlier in the fiscal year in which the person qualifies count
/// (domain.md §3.8).
pub const FEES_WHILE_ELIGIBLE: &str = "fees_while_eligible";
/// `fees_while_eligible` = only fees paid from the day every condition holds (the default).
pub const ONLY_WHILE_ELIGIBLE: &str = "only_while_eligible";
/// `fees_while_eligible` = every fee of the fiscal year in which the person qualifies.
pub const WHOLE_YEAR_OF_ELIGIBILITY: &str = "whole_year";
/// Assumption id: someone who already lives in Isumi / is already a member and gave no date is
/// taken to have met that condition since the program started.
pub const DATES_NOT_GIVEN: &str = "dates_not_given";

/// Criteria the engine evaluates, with the question each is answered by.
pub const REQUIRED_CRITERIA: &[(&str, &str)] = &[
    ("registered_address", "residence"),
    ("stay_3_years", "stay_3_years"),
    ("crowdworks_user", "crowdworks_account"),
    ("hinode_special_member", "hinode_special_member"),
];

/// The rules file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulesError {
    /// Not valid JSON, or a field of the wrong type (serde's message, with line and column).
    Json(String),
    /// Valid JSON, but a value breaks a rule; `path` names the entry.
    Invalid {
        /// e.g. `fee_schedules[1].tiers[2]`.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl RulesError {
    fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        RulesError::Invalid {
            path: path.into(),
            message: message.into(),
        }
    }

    /// Message in both languages (for staff editing the file).
    pub fn text(&self) -> Text {
        Text::new(
            format!("ルールデータの誤り: {self}"),
            format!("Rules data error: {self}"),
        )
    }
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RulesError::Json(m) => write!(f, "not valid rules JSON: {m}"),
            RulesError::Invalid { path, message } => write!(f, "{path}: {message}"),
        }
    }
}

impl std::error::Error for RulesError {}

// Generated from rules.json (its header says how); rustfmt leaves it as the generator wrote it.
#[rustfmt::skip]
#[path = "rules_table.rs"]
mod rules_table;

/// The bundled rules, built once from the table generated from `rules.json` (no JSON is parsed).
/// `cargo test` checks that the table is the parsed, validated file, version, date and hash
/// included (`compiled_table_is_rules_json` in tests/rules_data.rs).
pub fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(rules_table::table)
}

/// FNV-1a 64 of the `rules.json` the compiled-in table was generated from (equal to
/// [`RULES_HASH`] unless the file was edited without regenerating the table, which the tests catch).
pub const RULES_TABLE_HASH: u64 = rules_table::HASH;

impl Rules {
    /// Parses and validates a rules file (e.g. an edited copy).
    pub fn from_json(json: &str) -> Result<Rules, RulesError> {
        Rules::parse(json, fnv1a64(json.as_bytes()))
    }

    fn parse(json: &str, hash: u64) -> Result<Rules, RulesError> {
        let mut rules: Rules =
            serde_json::from_str(json).map_err(|e| RulesError::Json(e.to_string()))?;
        rules.validate()?;
        rules.stamp = RulesStamp {
            version: rules.version.clone(),
            checked: rules.checked,
            hash: hash_hex(hash),
        };
        Ok(rules)
    }

    /// Version, checked date and hash of these rules.
    pub fn stamp(&self) -> &RulesStamp {
        &self.stamp
    }

    /// The cap for a housing type. Validation guarantees one entry per type.
    pub fn cap(&self, housing: Housing) -> Yen {
        self.caps
            .iter()
            .find(|c| c.housing == housing)
            .map_or(0, |c| c.yen)
    }

    /// The cap entry for a housing type.
    pub fn cap_entry(&self, housing: Housing) -> Option<&Cap> {
        self.caps.iter().find(|c| c.housing == housing)
    }

    /// The fee schedule in force on `date`, if any.
    pub fn schedule_on(&self, date: NaiveDate) -> Option<&FeeSchedule> {
        self.fee_schedules.iter().find(|s| s.covers(date))
    }

    /// An assumption by id.
    pub fn assumption(&self, id: &str) -> Option<&Assumption> {
        self.assumptions.iter().find(|a| a.id == id)
    }

    /// Whether fees paid earlier in the fiscal year in which the person qualifies count too
    /// (assumption `fees_while_eligible` set to `whole_year`; the default counts only fees paid
    /// while every condition holds).
    pub fn counts_whole_first_year(&self) -> bool {
        self.assumption(FEES_WHILE_ELIGIBLE)
            .is_some_and(|a| a.default == WHOLE_YEAR_OF_ELIGIBILITY)
    }

    /// A criterion by id.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// Checks every rule of the file; the first problem found is returned with its path.
    pub fn validate(&self) -> Result<(), RulesError> {
        if self.version.trim().is_empty() {
            return Err(RulesError::invalid("version", "must not be empty"));
        }
        check_text(&self.about, "about")?;
        self.validate_program()?;
        let fy = &self.fiscal_year;
        // The fiscal-year arithmetic in `subsidy` is written for the municipal April 1 start.
        if (fy.start_month, fy.start_day) != (4, 1) {
            return Err(RulesError::invalid(
                "fiscal_year",
                "only an April 1 start is supported (地方自治法 第208条)",
            ));
        }
        check_source(&fy.source, "fiscal_year.source")?;
        self.validate_caps()?;
        self.validate_criteria()?;
        self.validate_schedules()?;
        for (i, n) in self.not_covered.iter().enumerate() {
            let path = format!("not_covered[{i}]");
            if n.id.trim().is_empty() {
                return Err(RulesError::invalid(&path, "missing id"));
            }
            check_text(&n.wording, &format!("{path}.wording"))?;
            check_source(&n.source, &format!("{path}.source"))?;
        }
        self.validate_assumptions()?;
        self.validate_quick()
    }

    fn validate_program(&self) -> Result<(), RulesError> {
        let p = &self.program;
        check_text(&p.name, "program.name")?;
        check_text(&p.city, "program.city")?;
        check_text(&p.paid_when, "program.paid_when")?;
        check_text(&p.desk_note, "program.desk_note")?;
        check_source(&p.source, "program.source")?;
        if p.reported_end < p.start {
            return Err(RulesError::invalid(
                "program.reported_end",
                "before program.start",
            ));
        }
        if p.end.is_some_and(|e| e < p.start) {
            return Err(RulesError::invalid("program.end", "before program.start"));
        }
        Ok(())
    }

    fn validate_caps(&self) -> Result<(), RulesError> {
        for (i, c) in self.caps.iter().enumerate() {
            let path = format!("caps[{i}]");
            if c.yen == 0 {
                return Err(RulesError::invalid(&path, "cap must be > 0"));
            }
            if self.caps[..i].iter().any(|o| o.housing == c.housing) {
                return Err(RulesError::invalid(&path, "housing type listed twice"));
            }
            check_text(&c.label, &format!("{path}.label"))?;
            check_source(&c.source, &format!("{path}.source"))?;
        }
        for h in [Housing::Shared, Housing::Individual] {
            if self.cap_entry(h).is_none() {
                return Err(RulesError::invalid(
                    "caps",
                    format!("no cap for housing \"{}\"", h.code()),
                ));
            }
        }
        Ok(())
    }

    fn validate_criteria(&self) -> Result<(), RulesError> {
        for (i, c) in self.criteria.iter().enumerate() {
            let path = format!("criteria[{i}]");
            if c.id.trim().is_empty() {
                return Err(RulesError::invalid(&path, "missing id"));
            }
            if self.criteria[..i].iter().any(|o| o.id == c.id) {
                return Err(RulesError::invalid(
                    &path,
                    format!("duplicate id \"{}\"", c.id),
                ));
            }
            check_text(&c.wording, &format!("{path}.wording"))?;
            check_text(&c.action, &format!("{path}.action"))?;
            check_source(&c.source, &format!("{path}.source"))?;
            match REQUIRED_CRITERIA.iter().find(|(id, _)| *id == c.id) {
                None => {
                    return Err(RulesError::invalid(
                        &path,
                        format!(
                            "unknown criterion id \"{}\" (the engine has no rule for it)",
                            c.id
                        ),
                    ))
                }
                Some((_, q)) if *q != c.question => {
                    return Err(RulesError::invalid(
                        format!("{path}.question"),
                        format!("must be \"{q}\""),
                    ))
                }
                Some(_) => {}
            }
        }
        for (id, _) in REQUIRED_CRITERIA {
            if self.criterion(id).is_none() {
                return Err(RulesError::invalid(
                    "criteria",
                    format!("missing criterion \"{id}\""),
                ));
            }
        }
        Ok(())
    }

    fn validate_schedules(&self) -> Result<(), RulesError> {
        if self.fee_schedules.is_empty() {
            return Err(RulesError::invalid("fee_schedules", "no fee schedule"));
        }
        let last = self.fee_schedules.len() - 1;
        for (i, s) in self.fee_schedules.iter().enumerate() {
            let path = format!("fee_schedules[{i}]");
            if s.id.trim().is_empty() {
                return Err(RulesError::invalid(&path, "missing id"));
            }
            if self.fee_schedules[..i].iter().any(|o| o.id == s.id) {
                return Err(RulesError::invalid(
                    &path,
                    format!("duplicate id \"{}\"", s.id),
                ));
            }
            match s.to {
                Some(to) if to < s.from => {
                    return Err(RulesError::invalid(format!("{path}.to"), "before \"from\""))
                }
                None if i != last => {
                    return Err(RulesError::invalid(
                        format!("{path}.to"),
                        "only the last schedule may be open-ended",
                    ))
                }
                _ => {}
            }
            if i > 0 {
                let prev_to = self.fee_schedules[i - 1].to;
                // Contiguous: each schedule starts the day after the previous one ends, so every date
                // from the first `from` on has exactly one schedule.
                if prev_to.and_then(|d| d.succ_opt()) != Some(s.from) {
                    return Err(RulesError::invalid(
                        format!("{path}.from"),
                        "date ranges overlap or leave a gap (must be the day after the previous \"to\")",
                    ));
                }
            }
            check_bp(s.tax.rate_bp, &format!("{path}.tax.rate_bp"))?;
            check_bp(s.task_rate_bp, &format!("{path}.task_rate_bp"))?;
            if s.tiers.is_empty() {
                return Err(RulesError::invalid(format!("{path}.tiers"), "no tier"));
            }
            let tier_last = s.tiers.len() - 1;
            let mut prev: Yen = 0;
            for (j, t) in s.tiers.iter().enumerate() {
                let tpath = format!("{path}.tiers[{j}]");
                check_bp(t.rate_bp, &format!("{tpath}.rate_bp"))?;
                match t.up_to {
                    Some(b) if b <= prev => {
                        return Err(RulesError::invalid(&tpath, "bounds not ascending"))
                    }
                    Some(b) => prev = b,
                    None if j != tier_last => {
                        return Err(RulesError::invalid(
                            &tpath,
                            "only the last tier may be open-ended",
                        ))
                    }
                    None => {}
                }
                if j == tier_last && t.up_to.is_some() {
                    return Err(RulesError::invalid(
                        &tpath,
                        "the last tier must be open-ended (\"up_to\": null)",
                    ));
                }
            }
            check_source(&s.source, &format!("{path}.source"))?;
        }
        Ok(())
    }

    fn validate_assumptions(&self) -> Result<(), RulesError> {
        for (i, a) in self.assumptions.iter().enumerate() {
            let path = format!("assumptions[{i}]");
            if a.id.trim().is_empty() {
                return Err(RulesError::invalid(&path, "missing id"));
            }
            if self.assumptions[..i].iter().any(|o| o.id == a.id) {
                return Err(RulesError::invalid(
                    &path,
                    format!("duplicate id \"{}\"", a.id),
                ));
            }
            check_text(&a.wording, &format!("{path}.wording"))?;
            check_source(&a.source, &format!("{path}.source"))?;
            if let Some((_, Some(supported))) =
                REQUIRED_ASSUMPTIONS.iter().find(|(id, _)| *id == a.id)
            {
                if !supported.contains(&a.default.as_str()) {
                    let list = supported
                        .iter()
                        .map(|s| format!("\"{s}\""))
                        .collect::<Vec<_>>()
                        .join(", ");
                    return Err(RulesError::invalid(
                        format!("{path}.default"),
                        format!(
                            "\"{}\" is not implemented; the engine supports only {list}",
                            a.default
                        ),
                    ));
                }
            }
        }
        for (id, _) in REQUIRED_ASSUMPTIONS {
            if self.assumption(id).is_none() {
                return Err(RulesError::invalid(
                    "assumptions",
                    format!("missing assumption \"{id}\""),
                ));
            }
        }
        Ok(())
    }

    fn validate_quick(&self) -> Result<(), RulesError> {
        let q = &self.quick_estimate;
        for (name, b) in [
            ("monthly_earnings", q.monthly_earnings),
            ("contract_size", q.contract_size),
        ] {
            if b.low == 0 || b.low > b.high {
                return Err(RulesError::invalid(
                    format!("quick_estimate.{name}"),
                    "need 0 < low <= high",
                ));
            }
        }
        if !(1..=28).contains(&q.pay_day) {
            return Err(RulesError::invalid(
                "quick_estimate.pay_day",
                "must be 1..=28",
            ));
        }
        if q.hourly_pay_days.is_empty() {
            return Err(RulesError::invalid(
                "quick_estimate.hourly_pay_days",
                "empty",
            ));
        }
        for (i, d) in q.hourly_pay_days.iter().enumerate() {
            if !(1..=28).contains(d) {
                return Err(RulesError::invalid(
                    format!("quick_estimate.hourly_pay_days[{i}]"),
                    "must be 1..=28",
                ));
            }
        }
        if q.max_contracts_per_month == 0 {
            return Err(RulesError::invalid(
                "quick_estimate.max_contracts_per_month",
                "must be > 0",
            ));
        }
        if self.assumption(&q.assumption).is_none() {
            return Err(RulesError::invalid(
                "quick_estimate.assumption",
                format!("no assumption \"{}\"", q.assumption),
            ));
        }
        Ok(())
    }
}

fn check_text(t: &Text, path: &str) -> Result<(), RulesError> {
    if t.ja.trim().is_empty() {
        return Err(RulesError::invalid(
            format!("{path}.ja"),
            "missing Japanese wording",
        ));
    }
    if t.en.trim().is_empty() {
        return Err(RulesError::invalid(
            format!("{path}.en"),
            "missing English wording",
        ));
    }
    Ok(())
}

fn check_source(s: &Source, path: &str) -> Result<(), RulesError> {
    if !s.url.starts_with("https://") || s.url.len() <= "https://".len() {
        return Err(RulesError::invalid(
            format!("{path}.url"),
            "must be an https:// URL",
        ));
    }
    Ok(())
}

fn check_bp(bp: u32, path: &str) -> Result<(), RulesError> {
    if bp > 10_000 {
        return Err(RulesError::invalid(
            path,
            "rate above 100% (10000 basis points)",
        ));
    }
    Ok(())
}

/// A date as `2019/11/15`, formatted by hand (chrono's formatter is heavy in wasm).
pub fn format_date_slash(d: NaiveDate) -> String {
    format!("{}/{:02}/{:02}", d.year(), d.month(), d.day())
}

/// A date as `2019-11-15`.
pub fn format_date_iso(d: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_rules_validate() {
        let r = Rules::from_json(RULES_JSON).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.stamp().hash, hash_hex(RULES_HASH));
        let regenerate = "regenerate src/rules/rules_table.rs (README \"Updating the rules\")";
        assert_eq!(RULES_TABLE_HASH, RULES_HASH, "{regenerate}");
        assert!(rules() == &r, "{regenerate}");
        assert_eq!(r.stamp().hash.len(), 16);
        assert_eq!(rules().cap(Housing::Shared), 30_000);
        assert_eq!(rules().cap(Housing::Individual), 50_000);
    }

    #[test]
    fn fnv_known_vectors() {
        // Published FNV-1a 64 test vectors.
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x85944171f73967e8);
    }

    #[test]
    fn schedule_lookup_by_date() {
        let r = rules();
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            r.schedule_on(d(2019, 9, 30)).unwrap().tax.mode,
            TaxMode::Included
        );
        assert_eq!(
            r.schedule_on(d(2019, 10, 1)).unwrap().tax.mode,
            TaxMode::Added
        );
        assert_eq!(r.schedule_on(d(2017, 5, 31)).unwrap().task_rate_bp, 0);
        assert_eq!(r.schedule_on(d(2017, 6, 1)).unwrap().task_rate_bp, 2000);
        assert!(r.schedule_on(d(2015, 9, 30)).is_none());
    }

    #[test]
    fn dates_by_hand() {
        let d = NaiveDate::from_ymd_opt(2019, 1, 5).unwrap();
        assert_eq!(format_date_slash(d), "2019/01/05");
        assert_eq!(format_date_iso(d), "2019-01-05");
    }
}
