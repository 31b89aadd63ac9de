//! The rules' worked examples (`tests/cases.json`: input → expected output, each worked by hand
//! from domain.md) recomputed with the engine: what the native tests assert, and what the staff
//! check page runs in the browser to check a published copy.

use crate::rules::data::Rules;
use crate::rules::fees::{contract_fees, Contract};
use crate::rules::housing::Housing;
use crate::rules::scenario::{evaluate, ScenarioFile};
use crate::rules::subsidy::subsidy_by_year;
use chrono::NaiveDate;
use serde_json::Value;

/// The day the scenario examples are computed for, unless an example names its own: the first
/// day of FY2026, the year of the personas (as in seminar mode), so their figures never drift.
pub const DEFAULT_TODAY: &str = "2026-04-01";

/// One example and what did not come out as the table says (empty: it passed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// The table's section (`fees`, `subsidy`, `scenarios`).
    pub section: &'static str,
    /// The example's name in the table.
    pub name: String,
    /// Each figure that differs: "fees: 25300 expected, 25200 computed".
    pub failures: Vec<String>,
}

impl Example {
    /// Whether every figure came out as the table says.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

fn check(failures: &mut Vec<String>, what: &str, want: &Value, got: Value) {
    if !want.is_null() && *want != got {
        failures.push(format!("{what}: {want} expected, {got} computed"));
    }
}

fn fees(rules: &Rules, case: &Value) -> Vec<String> {
    let mut f = Vec::new();
    let contract: Contract = match serde_json::from_value(case["contract"].clone()) {
        Ok(c) => c,
        Err(e) => return vec![format!("the contract does not read: {e}")],
    };
    let r = match contract_fees(rules, 0, &contract) {
        Ok(r) => r,
        Err(e) => return vec![format!("not computed: {}", e.text().en)],
    };
    let e = &case["expect"];
    let each = |get: fn(&crate::rules::fees::PaymentFee) -> Value| -> Value {
        Value::Array(r.payments.iter().map(get).collect())
    };
    check(
        &mut f,
        "fee with tax",
        &e["fee_with_tax"],
        each(|p| p.fee_with_tax.into()),
    );
    check(
        &mut f,
        "fee before tax",
        &e["fee_before_tax"],
        each(|p| p.fee_before_tax.into()),
    );
    check(&mut f, "tax", &e["tax"], each(|p| p.tax.into()));
    check(
        &mut f,
        "receives",
        &e["receives"],
        each(|p| p.receives.into()),
    );
    check(
        &mut f,
        "schedule",
        &e["schedule"],
        each(|p| p.schedule_id.clone().into()),
    );
    check(
        &mut f,
        "total",
        &e["total_fee_with_tax"],
        r.total_fee_with_tax.into(),
    );
    f
}

fn subsidy(rules: &Rules, case: &Value) -> Vec<String> {
    let mut f = Vec::new();
    let read = || -> Result<(Vec<Contract>, Housing), serde_json::Error> {
        Ok((
            serde_json::from_value(case["contracts"].clone())?,
            serde_json::from_value(case["housing"].clone())?,
        ))
    };
    let (contracts, housing) = match read() {
        Ok(x) => x,
        Err(e) => return vec![format!("the example does not read: {e}")],
    };
    let report = match subsidy_by_year(rules, &contracts, housing) {
        Ok(r) => r,
        Err(e) => return vec![format!("not computed: {}", e.text().en)],
    };
    let want = case["years"].as_array().cloned().unwrap_or_default();
    if report.years.len() != want.len() {
        f.push(format!(
            "{} years expected, {} computed",
            want.len(),
            report.years.len()
        ));
    }
    for (y, w) in report.years.iter().zip(&want) {
        let fy = y.fiscal_year;
        check(
            &mut f,
            &format!("FY{fy} earnings"),
            &w["earnings"],
            y.earnings.into(),
        );
        check(&mut f, &format!("FY{fy} fees"), &w["fees"], y.fees.into());
        check(&mut f, &format!("FY{fy} cap"), &w["cap"], y.cap.into());
        check(
            &mut f,
            &format!("FY{fy} subsidy"),
            &w["subsidy"],
            y.subsidy.into(),
        );
        check(
            &mut f,
            &format!("FY{fy} not covered"),
            &w["uncovered"],
            y.uncovered.into(),
        );
    }
    f
}

fn scenario(rules: &Rules, case: &Value) -> Vec<String> {
    let mut f = Vec::new();
    let file = match ScenarioFile::from_json(&case["scenario"].to_string()) {
        Ok(file) => file,
        Err(e) => return vec![format!("the file does not read: {}", e.text().en)],
    };
    let today = case["today"].as_str().unwrap_or(DEFAULT_TODAY);
    let Ok(today) = NaiveDate::parse_from_str(today, "%Y-%m-%d") else {
        return vec![format!("not a date: {today}")];
    };
    let o = match evaluate(rules, &file, today) {
        Ok(o) => o,
        Err(e) => return vec![format!("not computed: {}", e.text().en)],
    };
    let e = &case["expect"];
    check(
        &mut f,
        "verdict",
        &e["verdict"],
        serde_json::to_value(o.assessment.verdict).unwrap_or_default(),
    );
    match &o.subsidy {
        None if e["no_subsidy"].as_bool() == Some(true) => {}
        None => f.push("no subsidy computed".into()),
        Some(_) if e["no_subsidy"].as_bool() == Some(true) => {
            f.push("a subsidy computed where no fees were given".into())
        }
        Some(s) => {
            check(&mut f, "fees (low)", &e["fees_low"], s.low.fees.into());
            check(&mut f, "fees (high)", &e["fees_high"], s.high.fees.into());
            check(
                &mut f,
                "subsidy (low)",
                &e["subsidy_low"],
                s.low.subsidy.into(),
            );
            check(
                &mut f,
                "subsidy (high)",
                &e["subsidy_high"],
                s.high.subsidy.into(),
            );
            check(
                &mut f,
                "not covered (low)",
                &e["uncovered_low"],
                s.low.uncovered.into(),
            );
        }
    }
    f
}

/// Recomputes every example of the fees, subsidy and scenario sections of the table; `Err` when
/// the table itself does not read.
pub fn check_examples(rules: &Rules, table: &str) -> Result<Vec<Example>, String> {
    let all: Value = serde_json::from_str(table).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    type Check = fn(&Rules, &Value) -> Vec<String>;
    for (section, run) in [
        ("fees", fees as Check),
        ("subsidy", subsidy as Check),
        ("scenarios", scenario as Check),
    ] {
        for case in all[section].as_array().into_iter().flatten() {
            out.push(Example {
                section,
                name: case["name"].as_str().unwrap_or("?").to_string(),
                failures: run(rules, case),
            });
        }
    }
    Ok(out)
}
