//! The SVG chart: the subsidy against yearly earnings for both housing types, with the caps and
//! "you are here". Coordinates are computed in integers: no float formatting in the wasm.

use crate::rules::estimate::Curve;
use crate::rules::subsidy::Housing;
use crate::rules::{format_yen, Lang, Yen};
use yew::prelude::*;

const W: u64 = 640;
const H: u64 = 300;
const LEFT: u64 = 70;
const RIGHT: u64 = 44;
const TOP: u64 = 20;
const BOTTOM: u64 = 50;

/// Props of [`SubsidyChart`].
#[derive(Properties, PartialEq)]
pub struct SubsidyChartProps {
    /// The curve from the engine.
    pub curve: Curve,
    /// Where the person is: (yearly earnings, subsidy, housing).
    pub you: Vec<(Yen, Yen, Housing)>,
    /// Language.
    pub lang: Lang,
}

fn x_of(v: Yen, max: Yen) -> u64 {
    LEFT + v.min(max) * (W - LEFT - RIGHT) / max.max(1)
}

fn y_of(v: Yen, max: Yen) -> u64 {
    TOP + (H - TOP - BOTTOM) - v.min(max) * (H - TOP - BOTTOM) / max.max(1)
}

/// Rounds an axis maximum up to a readable step (1, 2 or 5 × 10ⁿ yen).
pub fn nice_ceiling(v: Yen) -> Yen {
    let mut unit: Yen = 1;
    while unit.saturating_mul(10) <= v {
        unit = unit.saturating_mul(10);
    }
    for m in [1, 2, 5, 10] {
        if unit.saturating_mul(m) >= v {
            return unit.saturating_mul(m);
        }
    }
    unit.saturating_mul(10)
}

fn man(v: Yen, lang: Lang) -> String {
    // Axis labels in 万円 read naturally in Japanese; whole 万 only (ticks are chosen so).
    match lang {
        Lang::Ja => format!("{}万円", v / 10_000),
        Lang::En => format_yen(v),
    }
}

/// The chart.
#[function_component(SubsidyChart)]
pub fn subsidy_chart(p: &SubsidyChartProps) -> Html {
    let lang = p.lang;
    let c = &p.curve;
    let max_x = c
        .points
        .last()
        .map(|pt| pt.yearly_earnings)
        .unwrap_or(1)
        .max(1);
    let max_y = nice_ceiling(c.caps.individual.max(c.caps.shared) * 6 / 5);
    let path = |f: &dyn Fn(&crate::rules::estimate::CurvePoint) -> Yen| {
        let mut d = String::new();
        for (i, pt) in c.points.iter().enumerate() {
            d.push_str(&format!(
                "{}{} {}",
                if i == 0 { "M" } else { " L" },
                x_of(pt.yearly_earnings, max_x),
                y_of(f(pt), max_y)
            ));
        }
        d
    };
    let shared = path(&|pt| pt.subsidy_shared);
    let individual = path(&|pt| pt.subsidy_individual);
    let x_ticks: Vec<Yen> = (0..=4).map(|i| max_x * i / 4).collect();
    let y_ticks: Vec<Yen> = (0..=4).map(|i| max_y * i / 4).collect();
    let name = |h: Housing| match h {
        Housing::Shared => lang.pick("共同物件", "Shared"),
        Housing::Individual => lang.pick("個人の物件", "Individual"),
    };
    let desc = match lang {
        Lang::Ja => format!(
            "年間の収入に対する助成額。共同物件は上限{}、個人の物件は上限{}で頭打ちになります。{}",
            format_yen(c.caps.shared),
            format_yen(c.caps.individual),
            p.you.iter().map(|(e, s, h)| format!("あなた({}): 収入{}で助成{}。", name(*h), format_yen(*e), format_yen(*s))).collect::<String>()
        ),
        Lang::En => format!(
            "The subsidy against yearly earnings. It levels off at the cap: {} for shared, {} for individual housing. {}",
            format_yen(c.caps.shared),
            format_yen(c.caps.individual),
            p.you.iter().map(|(e, s, h)| format!("You ({}): earnings {}, subsidy {}. ", name(*h), format_yen(*e), format_yen(*s))).collect::<String>()
        ),
    };
    html! {
        <svg class="chart" viewBox={format!("0 0 {W} {H}")} role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
            <title id="chart-title">{ lang.pick("年間収入と助成額", "Subsidy against yearly earnings") }</title>
            <desc id="chart-desc">{ desc }</desc>
            <rect x={LEFT.to_string()} y={TOP.to_string()} width={(W - LEFT - RIGHT).to_string()} height={(H - TOP - BOTTOM).to_string()} fill="#fafafa" stroke="#b1b4b6" />
            { for y_ticks.iter().map(|v| {
                let y = y_of(*v, max_y);
                html! { <>
                    <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={y.to_string()} y2={y.to_string()} stroke="#e0e0e0" />
                    <text x={(LEFT - 6).to_string()} y={(y + 4).to_string()} text-anchor="end">{ man(*v, lang) }</text>
                </> }
            }) }
            { for x_ticks.iter().map(|v| {
                let x = x_of(*v, max_x);
                html! { <text x={x.to_string()} y={(H - BOTTOM + 18).to_string()} text-anchor="middle">{ man(*v, lang) }</text> }
            }) }
            <text x={((W + LEFT) / 2).to_string()} y={(H - 8).to_string()} text-anchor="middle">{ lang.pick("年間の収入(税込)", "Yearly earnings (tax included)") }</text>
            { for [(Housing::Individual, c.caps.individual), (Housing::Shared, c.caps.shared)].into_iter().map(|(h, cap)| {
                let y = y_of(cap, max_y);
                html! { <text x={(W - RIGHT - 4).to_string()} y={(y - 5).to_string()} text-anchor="end">{ format!("{} {} {}", name(h), lang.pick("上限", "cap"), format_yen(cap)) }</text> }
            }) }
            <path d={individual} fill="none" stroke="#1d4f91" stroke-width="3" />
            <path d={shared} fill="none" stroke="#b35c00" stroke-width="3" stroke-dasharray="8 5" />
            { for p.you.iter().map(|(e, s, h)| {
                let x = x_of(*e, max_x);
                let y = y_of(*s, max_y);
                let anchor = if x > W / 2 { "end" } else { "start" };
                let dx: i64 = if x > W / 2 { -10 } else { 10 };
                html! { <>
                    <circle cx={x.to_string()} cy={y.to_string()} r="7" fill="#f7b32b" stroke="#1b1b1b" stroke-width="2" />
                    <text x={(x as i64 + dx).to_string()} y={(y + 22).min(H - BOTTOM - 4).to_string()} text-anchor={anchor} font-weight="700">
                        { format!("{} ({})", lang.pick("あなた", "You are here"), name(*h)) }
                    </text>
                </> }
            }) }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::nice_ceiling;

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(60_000), 100_000);
        assert_eq!(nice_ceiling(36_000), 50_000);
        assert_eq!(nice_ceiling(1), 1);
        assert_eq!(nice_ceiling(2_000_001), 5_000_000);
    }
}
