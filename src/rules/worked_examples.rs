//! The rules' worked examples (`tests/cases.json`: input → expected output, each worked by hand
//! from domain.md) recomputed with the engine: what the native tests assert, and what the staff
//! check page runs in the browser to check a published copy.

use crate::rules::application::Drafting;
use crate::rules::counting::NotCountedItem;
use crate::rules::data::Rules;
use crate::rules::fees::{contract_fees, Contract, FeeError};
use crate::rules::housing::Housing;
use crate::rules::iso_date;
use crate::rules::scenario::{evaluate, ScenarioFile};
use crate::rules::span::Span;
use crate::rules::subsidy::subsidy_by_year;
use crate::rules::Yen;
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
    let Ok(today) = iso_date::parse(today) else {
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

/// What a fee error case names, as the table writes it.
fn fee_error(rules: &Rules, case: &Value) -> Vec<String> {
    let contract: Contract = match serde_json::from_value(case["contract"].clone()) {
        Ok(c) => c,
        Err(e) => return vec![format!("the contract does not read: {e}")],
    };
    let got = match contract_fees(rules, 0, &contract) {
        Ok(_) => "computed".to_string(),
        Err(FeeError::NoSchedule { .. }) => "no_schedule".to_string(),
        Err(e) => format!("{e:?}"),
    };
    let mut f = Vec::new();
    check(&mut f, "error", &case["error"], got.into());
    f
}

fn span(s: Span<Yen>) -> Value {
    serde_json::json!([s.low, s.high])
}

fn name_of<T: serde::Serialize>(v: &T) -> Value {
    serde_json::to_value(v).unwrap_or_default()
}

/// The timing examples: when fees start to count, the year's status, the application, the
/// figures, what is left out and the 3-year outlook. (The table's `whole_year` figures, under the
/// other setting of an open point, need a modified copy of the rules: the native tests check them.)
fn timing(rules: &Rules, case: &Value) -> Vec<String> {
    let mut f = scenario(
        rules,
        &serde_json::json!({
            "scenario": case["scenario"],
            "today": case["today"],
            "expect": { "verdict": case["expect"]["verdict"] },
        }),
    );
    let Ok(file) = ScenarioFile::from_json(&case["scenario"].to_string()) else {
        return f;
    };
    let Some(today) = case["today"].as_str().and_then(|t| iso_date::parse(t).ok()) else {
        return vec!["no date to compute for".into()];
    };
    let Ok(o) = evaluate(rules, &file, today) else {
        return f;
    };
    let e = &case["expect"];
    let t = &o.timing;
    let date = |d: NaiveDate| Value::from(iso_date::format(d));
    check(
        &mut f,
        "eligible from",
        &e["eligible_from"],
        date(t.eligible_from.date),
    );
    check(
        &mut f,
        "set by",
        &e["set_by"],
        name_of(&t.eligible_from.set_by),
    );
    check(
        &mut f,
        "certainty",
        &e["certainty"],
        name_of(&t.eligible_from.certainty),
    );
    check(
        &mut f,
        "fees count from",
        &e["counts_from"],
        date(t.counts_from),
    );
    check(
        &mut f,
        "first fiscal year",
        &e["first_fiscal_year"],
        t.first_fiscal_year.into(),
    );
    check(
        &mut f,
        "year status",
        &e["year_status"],
        name_of(&t.year_status),
    );
    check(
        &mut f,
        "positive headline",
        &e["positive"],
        t.positive.into(),
    );
    check(&mut f, "forecast", &e["forecast"], o.forecast.into());
    for s in e["headline_contains"].as_array().into_iter().flatten() {
        if !s.as_str().is_some_and(|s| t.headline.ja.contains(s)) {
            f.push(format!("headline lacks {s}"));
        }
    }
    for s in e["headline_lacks"].as_array().into_iter().flatten() {
        if s.as_str().is_some_and(|s| t.headline.ja.contains(s)) {
            f.push(format!("headline has {s}"));
        }
    }
    let application = match &o.application {
        Drafting::Ready { forecast: false } => "ready".into(),
        Drafting::Ready { forecast: true } => "ready_forecast".into(),
        Drafting::NotReady { reason, .. } => name_of(reason),
    };
    check(&mut f, "application", &e["application"], application);
    if let Some(s) = &o.subsidy {
        let g = &s.figures;
        if let Some(earnings) = g.earnings {
            check(&mut f, "earnings", &e["earnings"], span(earnings));
        }
        check(&mut f, "fees", &e["fees"], span(g.fees));
        check(&mut f, "subsidy", &e["subsidy"], span(g.subsidy));
        check(&mut f, "not covered", &e["uncovered"], span(g.uncovered));
        let rate =
            |s: Option<Span<u32>>| s.map_or(Value::Null, |s| serde_json::json!([s.low, s.high]));
        check(&mut f, "fee rate", &e["rate_bp"], rate(g.fee_rate_bp));
        check(
            &mut f,
            "fee rate after the subsidy",
            &e["rate_after_bp"],
            rate(g.fee_rate_after_subsidy_bp),
        );
        let left_out: Vec<Value> = s
            .low
            .not_counted
            .iter()
            .map(|n| {
                let when = match &n.item {
                    NotCountedItem::Payment(p) => date(p.date),
                    NotCountedItem::Month(m) => name_of(&m.month),
                };
                serde_json::json!([when, name_of(&n.reason), n.fiscal_year])
            })
            .collect();
        check(&mut f, "not counted", &e["not_counted"], left_out.into());
    } else if !e["fees"].is_null() {
        f.push("no figures computed".into());
    }
    if let (Some(w), Some(n)) = (e["nothing_counted"].as_object(), &o.nothing_counted) {
        let got = serde_json::json!({
            "all_outside_year": n.all_outside_year,
            "all_before_eligible": n.all_before_eligible,
            "counts_from": n.counts_from.map(|d| d.to_string()),
            "their_years": n.their_years,
        });
        for (key, want) in w {
            check(
                &mut f,
                &format!("nothing counted: {key}"),
                want,
                got[key].clone(),
            );
        }
    } else if e["nothing_counted"].is_object() {
        f.push("nothing counted: expected, not computed".into());
    }
    match (&e["outlook"], &o.outlook) {
        (Value::Null, _) => {}
        (w, Some(out)) => {
            check(&mut f, "outlook start", &w["start"], date(out.start));
            check(&mut f, "outlook end", &w["end"], date(out.end));
            let years: Vec<Value> = out
                .years
                .iter()
                .map(|y| serde_json::json!([y.fiscal_year, y.subsidy.low, y.subsidy.high]))
                .collect();
            check(&mut f, "outlook years", &w["years"], years.into());
            check(&mut f, "outlook total", &w["total"], span(out.total));
        }
        (_, None) => f.push("no outlook computed".into()),
    }
    f
}

/// Recomputes every example of the table (fees, fee errors, subsidy, scenarios, timing); `Err`
/// when the table itself does not read.
pub fn check_examples(rules: &Rules, table: &str) -> Result<Vec<Example>, String> {
    let all: Value = serde_json::from_str(table).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    type Check = fn(&Rules, &Value) -> Vec<String>;
    for (section, run) in [
        ("fees", fees as Check),
        ("fee_errors", fee_error as Check),
        ("subsidy", subsidy as Check),
        ("scenarios", scenario as Check),
        ("timing", timing as Check),
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
