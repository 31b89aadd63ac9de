//! The subsidy chart's numbers: the curve of the subsidy against yearly earnings for both kinds of
//! housing, an x-axis that fits the person's case (up to a little past their earnings or the point
//! where the higher cap is reached, whichever is larger), ticks at round values whose labels say
//! their exact value (「2.5万円」, never a rounded 「2万円」), "you are here", and the same figures as
//! a table for screen readers and print. The view only draws them.

use crate::rules::data::Rules;
use crate::rules::estimate::{
    subsidy_curve, yearly_fees, Curve, CurvePoint, EstimateError, WorkMix,
};
use crate::rules::housing::{ByHousing, Housing};
use crate::rules::scenario::{EstimateInput, Outcome};
use crate::rules::{format_yen, Lang, Text, Yen};
use serde::{Deserialize, Serialize};

/// Points of the curve (equal steps of earnings).
const STEPS: u32 = 40;

/// A tick of an axis and its label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tick {
    /// Where it is.
    pub value: Yen,
    /// Its exact value, short: 「2.5万円」 / "¥25k".
    pub label: Text,
}

/// Where the person is on the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    /// Their yearly earnings.
    pub earnings: Yen,
    /// Their subsidy.
    pub subsidy: Yen,
    /// With this housing type's cap.
    pub housing: Housing,
}

/// Everything the chart shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chart {
    /// The curve (earnings → fees and the subsidy under both caps).
    pub curve: Curve,
    /// The end of the x-axis (yearly earnings).
    pub x_max: Yen,
    /// The top of the y-axis (subsidy).
    pub y_max: Yen,
    /// Ticks of the x-axis, 0 first.
    pub x_ticks: Vec<Tick>,
    /// Ticks of the y-axis, 0 first.
    pub y_ticks: Vec<Tick>,
    /// The caps.
    pub caps: ByHousing<Yen>,
    /// The yearly earnings at which each cap is reached.
    pub cap_reached_at: ByHousing<Option<Yen>>,
    /// Where the person is (one point, or two for a range).
    pub you: Vec<Marker>,
    /// The figures at each x tick: the chart as a table.
    pub rows: Vec<CurvePoint>,
    /// The contract size the curve assumes.
    pub contract_size: Yen,
    /// What the curve assumes, in words.
    pub caption: Text,
}

/// A short exact label for an amount: 「2.5万円」「100万円」「¥500」 / "¥25k", "¥1.25M".
pub fn axis_label(v: Yen, lang: Lang) -> String {
    let decimal = |whole: Yen, frac: Yen, digits: u32| {
        let mut f = format!("{frac:0width$}", width = digits as usize);
        while f.ends_with('0') {
            f.pop();
        }
        if f.is_empty() {
            whole.to_string()
        } else {
            format!("{whole}.{f}")
        }
    };
    match lang {
        Lang::Ja if v == 0 => "0円".into(),
        Lang::Ja if v.is_multiple_of(1_000) => {
            format!("{}万円", decimal(v / 10_000, (v % 10_000) / 1_000, 1))
        }
        Lang::En if v >= 1_000_000 && v.is_multiple_of(10_000) => {
            format!("¥{}M", decimal(v / 1_000_000, (v % 1_000_000) / 10_000, 2))
        }
        Lang::En if v > 0 && v.is_multiple_of(1_000) => format!("¥{}k", v / 1_000),
        _ => format_yen(v),
    }
}

/// A round axis for values up to `target`: its end and its step (1, 2, 2.5 or 5 × 10ⁿ, at most
/// `max_steps` steps), with `target` inside.
pub fn nice_axis(target: Yen, max_steps: u64) -> (Yen, Yen) {
    let target = target.max(1);
    let mut unit: Yen = 1;
    loop {
        for m in [10, 20, 25, 50] {
            let step = unit.saturating_mul(m) / 10;
            if step == 0 {
                continue;
            }
            let n = target.div_ceil(step);
            if n <= max_steps.max(1) {
                return (step.saturating_mul(n), step);
            }
        }
        if unit > Yen::MAX / 100 {
            return (target, target);
        }
        unit *= 10;
    }
}

fn ticks(max: Yen, step: Yen) -> Vec<Tick> {
    (0..=max / step.max(1))
        .map(|i| {
            let v = i * step;
            Tick {
                value: v,
                label: Text::new(axis_label(v, Lang::Ja), axis_label(v, Lang::En)),
            }
        })
        .collect()
}

/// The smallest yearly earnings (to the ¥1,000) at which the fees reach `cap`, by bisection
/// (fees only grow with earnings); `None` past ¥1,000,000,000 a year.
fn earnings_reaching(
    rules: &Rules,
    fy: i32,
    size: Yen,
    mix: WorkMix,
    cap: Yen,
) -> Result<Option<Yen>, EstimateError> {
    let fees = |e| yearly_fees(rules, fy, size, mix, e);
    let mut hi: Yen = 1_000;
    while fees(hi)? < cap {
        if hi > 1_000_000_000 {
            return Ok(None);
        }
        hi *= 2;
    }
    let mut lo: Yen = 0;
    while hi - lo > 1_000 {
        let mid = lo + (hi - lo) / 2;
        if fees(mid)? >= cap {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Ok(Some(hi))
}

/// The chart for an outcome, when earnings are known (the quick and detailed modes; the
/// actual-fees mode has no earnings). The curve keeps the shape of the person's work: their
/// contract size and mix (quick), or their contracts' average size (detailed).
pub fn chart(
    rules: &Rules,
    outcome: &Outcome,
    estimate: Option<&EstimateInput>,
) -> Option<Result<Chart, EstimateError>> {
    let sub = outcome.subsidy.as_ref()?;
    let (size, mix) = match estimate? {
        EstimateInput::Quick(q) => (
            q.contract_size
                .or_else(|| {
                    outcome
                        .quick_estimate
                        .as_ref()
                        .map(|e| e.high.contract_size)
                })
                .unwrap_or(50_000),
            q.mix,
        ),
        EstimateInput::Detailed { contracts } => {
            let total: Yen = contracts
                .iter()
                .flat_map(|c| &c.payments)
                .map(|p| p.amount)
                .sum();
            (total / (contracts.len() as Yen).max(1), WorkMix::default())
        }
        EstimateInput::Actual { .. } => return None,
    };
    let size = size.max(1);
    let mut you = Vec::new();
    for y in [&sub.low, &sub.high] {
        if let Some(e) = y.earnings {
            let m = Marker {
                earnings: e,
                subsidy: y.subsidy,
                housing: y.housing,
            };
            if !you.contains(&m) {
                you.push(m);
            }
        }
    }
    Some((|| {
        let fy = outcome.fiscal_year;
        let caps = ByHousing {
            shared: rules.cap(Housing::Shared),
            individual: rules.cap(Housing::Individual),
        };
        let cap_reached_at = ByHousing {
            shared: earnings_reaching(rules, fy, size, mix, caps.shared)?,
            individual: earnings_reaching(rules, fy, size, mix, caps.individual)?,
        };
        // A little past the larger of the person's earnings and where the higher cap is reached.
        let furthest = you.iter().map(|m| m.earnings).max().unwrap_or(0);
        let higher_cap_at = cap_reached_at
            .shared
            .max(cap_reached_at.individual)
            .unwrap_or(0);
        // At most 3 steps across (4 labels fit a phone's width at a legible size), 5 up.
        let (x_max, x_step) = nice_axis(furthest.max(higher_cap_at).saturating_mul(11) / 10, 3);
        let (y_max, y_step) = nice_axis(caps.shared.max(caps.individual).saturating_mul(6) / 5, 5);
        let curve = subsidy_curve(rules, fy, size, mix, x_max, STEPS)?;
        let x_ticks = ticks(x_max, x_step);
        let rows = x_ticks
            .iter()
            .map(|t| {
                let fees = yearly_fees(rules, fy, size, mix, t.value)?;
                Ok(CurvePoint {
                    yearly_earnings: t.value,
                    fees,
                    subsidy_shared: fees.min(caps.shared),
                    subsidy_individual: fees.min(caps.individual),
                })
            })
            .collect::<Result<Vec<_>, EstimateError>>()?;
        let caption = Text::new(
            format!("1件 {} の契約が続く場合の目安です。", format_yen(size)),
            format!("Assumes contracts of {} each.", format_yen(size)),
        );
        Ok(Chart {
            curve,
            x_max,
            y_max,
            x_ticks,
            y_ticks: ticks(y_max, y_step),
            caps,
            cap_reached_at,
            you,
            rows,
            contract_size: size,
            caption,
        })
    })())
}
