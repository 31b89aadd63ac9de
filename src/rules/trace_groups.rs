//! The trace with identical payments grouped: a quick estimate of ten ¥12,500 articles a month
//! lists 120 payments that differ only in their date; the page shows them as one line
//! (「固定報酬制 ¥12,500 × 120件（毎月10件 × 12か月）…」). Every other line stays as it is, and the
//! full trace stays in the outcome: the printed application lists every payment the person
//! entered, one line each, so the desk can match them to the statements.

use crate::rules::calendar::YearMonth;
use crate::rules::fees::{ContractKind, PaymentFee, TierStep};
use crate::rules::subsidy::FiscalYearResult;
use crate::rules::{format_yen, money, Text, Yen};
use chrono::Datelike;
use std::collections::HashMap;

/// What makes two payments' lines the same but for their date and contract.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    kind: ContractKind,
    amount: Yen,
    cumulative_before: Yen,
    steps: Vec<TierStep>,
    fee_with_tax: Yen,
    tax: Yen,
    schedule: String,
}

fn key(p: &PaymentFee) -> Key {
    Key {
        kind: p.kind,
        amount: p.amount,
        cumulative_before: p.cumulative_before,
        steps: p.steps.clone(),
        fee_with_tax: p.fee_with_tax,
        tax: p.tax,
        schedule: p.schedule_id.clone(),
    }
}

/// One line for the identical payments `ps`, paid in the months of their dates.
fn group_line(ps: &[&PaymentFee]) -> Text {
    let p = ps[0];
    let n = ps.len();
    let kind = p.kind.name();
    let amount = format_yen(p.amount);
    let per_month = per_month(ps);
    let (spread_ja, spread_en) = match per_month {
        Some((k, months)) => (
            format!("（毎月{k}件 × {months}か月）"),
            format!(" ({k} a month × {months} months)"),
        ),
        None => (String::new(), String::new()),
    };
    let total = money::mul_div_floor(p.fee_with_tax, n as u64, 1).unwrap_or(Yen::MAX);
    let calc = p.calc_text();
    let fee = format_yen(p.fee_with_tax);
    Text::new(
        format!(
            "{} {amount} × {n}件{spread_ja}: 1件あたり {} → 手数料 {fee} × {n}件 = {}",
            kind.ja,
            calc.ja,
            format_yen(total)
        ),
        format!(
            "{} {amount} × {n}{spread_en}: each {} → fees {fee} × {n} = {}",
            kind.en,
            calc.en,
            format_yen(total)
        ),
    )
}

/// `(k, m)` when the payments fall in `m` > 1 months with exactly `k` in each (as a quick
/// estimate's do); `None` when some month has more than another, so the line never claims an
/// even spread that is not there.
fn per_month(ps: &[&PaymentFee]) -> Option<(usize, usize)> {
    let mut counts: HashMap<YearMonth, usize> = HashMap::new();
    for p in ps {
        if let Some(ym) = YearMonth::new(p.date.year(), p.date.month()) {
            *counts.entry(ym).or_default() += 1;
        }
    }
    let k = *counts.values().next()?;
    (counts.len() > 1 && counts.values().all(|&c| c == k) && k * counts.len() == ps.len())
        .then_some((k, counts.len()))
}

/// The year's trace with runs of identical counted payments as one line each (in the place of
/// the first of them). A payment with no twin keeps its own line.
pub fn grouped_trace(year: &FiscalYearResult) -> Vec<Text> {
    let mut groups: Vec<(Key, Vec<&PaymentFee>)> = Vec::new();
    let mut index: HashMap<Key, usize> = HashMap::new();
    for p in &year.payments {
        let k = key(p);
        match index.get(&k) {
            Some(&i) => groups[i].1.push(p),
            None => {
                index.insert(k.clone(), groups.len());
                groups.push((k, vec![p]));
            }
        }
    }
    // Which group each payment line of the trace belongs to.
    let mut line_group: HashMap<&str, usize> = HashMap::new();
    let lines: Vec<(usize, Text)> = groups
        .iter()
        .enumerate()
        .flat_map(|(g, (_, ps))| ps.iter().map(move |p| (g, p.trace())))
        .collect();
    for (g, t) in &lines {
        line_group.insert(t.ja.as_str(), *g);
    }
    let mut shown = vec![false; groups.len()];
    let mut out = Vec::with_capacity(year.trace.len());
    for line in &year.trace {
        let Some(&g) = line_group.get(line.ja.as_str()) else {
            out.push(line.clone());
            continue;
        };
        let ps = &groups[g].1;
        if ps.len() == 1 {
            out.push(line.clone());
        } else if !std::mem::replace(&mut shown[g], true) {
            out.push(group_line(ps));
        }
    }
    out
}
