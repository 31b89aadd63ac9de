//! Where each figure comes from: every value of the rules data that an outcome used, with its
//! public source and the date it was checked, for the result page's "sources" disclosure.

use crate::rules::data::{Rules, Source};
use crate::rules::fees::format_rate_bp;
use crate::rules::housing::Housing;
use crate::rules::scenario::Outcome;
use crate::rules::subsidy::{fiscal_year_end, fiscal_year_start};
use crate::rules::{format_yen, Text};
use serde::{Deserialize, Serialize};

/// One value and its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// The parameter and its value, in words.
    pub what: Text,
    /// Where it comes from.
    pub source: Source,
}

fn item(what: Text, source: &Source) -> SourceRef {
    SourceRef {
        what,
        source: source.clone(),
    }
}

/// The parameters the outcome rests on: the program, the fiscal year, the caps that apply, the
/// criteria, the fee schedules in force during the year, and the assumptions it lists.
pub fn sources_used(rules: &Rules, o: &Outcome) -> Vec<SourceRef> {
    let p = &rules.program;
    let mut out = vec![
        item(
            Text::new(
                format!("実証拠点の開始日 {}", p.start),
                format!("Start of the program {}", p.start),
            ),
            &p.source,
        ),
        item(
            Text::new(
                "年度は4月1日から3月31日まで",
                "A fiscal year runs from April 1 to March 31",
            ),
            &rules.fiscal_year.source,
        ),
    ];
    let housings: Vec<Housing> = match o.assessment.cap.housing {
        Some(h) => vec![h],
        None => Housing::BOTH.to_vec(),
    };
    for h in housings {
        if let Some(c) = rules.cap_entry(h) {
            out.push(item(
                Text::new(
                    format!("上限 {}: 年間 {}", c.label.ja, format_yen(c.yen)),
                    format!("Cap, {}: {} a year", c.label.en, format_yen(c.yen)),
                ),
                &c.source,
            ));
        }
    }
    for c in &rules.criteria {
        out.push(item(
            Text::new(
                format!("条件: {}", c.wording.ja),
                format!("Condition: {}", c.wording.en),
            ),
            &c.source,
        ));
    }
    if o.subsidy.is_some() {
        let (start, end) = (
            fiscal_year_start(o.fiscal_year),
            fiscal_year_end(o.fiscal_year),
        );
        for s in &rules.fee_schedules {
            let overlaps = match (start, end) {
                (Some(a), Some(b)) => s.from <= b && s.to.is_none_or(|t| t >= a),
                _ => false,
            };
            if !overlaps {
                continue;
            }
            let tiers: Vec<String> = s.tiers.iter().map(|t| format_rate_bp(t.rate_bp)).collect();
            out.push(item(
                Text::new(
                    format!(
                        "クラウドワークスの手数料率 {}(契約ごと、{}から)",
                        tiers.join("・"),
                        s.from
                    ),
                    format!(
                        "CrowdWorks fee rates {} (per contract, from {})",
                        tiers.join(", "),
                        s.from
                    ),
                ),
                &s.source,
            ));
        }
    }
    for a in &o.assumptions {
        if let Some(r) = rules.assumption(&a.id) {
            out.push(item(
                Text::new(
                    format!("前提: {}", r.wording.ja),
                    format!("Assumption: {}", r.wording.en),
                ),
                &r.source,
            ));
        }
    }
    out
}
