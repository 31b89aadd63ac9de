//! The SVG chart: the subsidy against yearly earnings for both housing types, with the caps and
//! "you are here", drawn from the engine's numbers (`rules::chart`). A narrow viewBox and large
//! type keep its text at 12 CSS px or more on a 320 px phone; the same figures come as a table for
//! screen readers (and print). Coordinates are integers: no float formatting in the wasm.

use crate::rules::chart::Chart;
use crate::rules::estimate::CurvePoint;
use crate::rules::housing::Housing;
use crate::rules::{format_yen, Lang, Yen};
use yew::prelude::*;

/// The drawing's size in SVG units. At 360 units wide, a 288 px column (320 px phone) scales it
/// by 0.8: text of 16 units renders at 12.8 px.
const W: u64 = 360;
const H: u64 = 250;
const LEFT: u64 = 58;
const RIGHT: u64 = 12;
const TOP: u64 = 14;
const BOTTOM: u64 = 44;
/// Font size of the labels, in SVG units.
const FONT: u64 = 16;

/// Props of [`SubsidyChart`].
#[derive(Properties, PartialEq)]
pub struct SubsidyChartProps {
    /// The chart's numbers, from the engine.
    pub chart: Chart,
    /// Language.
    pub lang: Lang,
}

fn x_of(v: Yen, max: Yen) -> u64 {
    LEFT + v.min(max) * (W - LEFT - RIGHT) / max.max(1)
}

fn y_of(v: Yen, max: Yen) -> u64 {
    TOP + (H - TOP - BOTTOM) - v.min(max) * (H - TOP - BOTTOM) / max.max(1)
}

fn name(h: Housing, lang: Lang) -> &'static str {
    match h {
        Housing::Shared => lang.pick("共同物件", "Shared"),
        Housing::Individual => lang.pick("個人の物件", "Individual"),
    }
}

/// The chart, and its table.
#[function_component(SubsidyChart)]
pub fn subsidy_chart(p: &SubsidyChartProps) -> Html {
    let lang = p.lang;
    let c = &p.chart;
    let (x_max, y_max) = (c.x_max, c.y_max);
    let path = |f: &dyn Fn(&CurvePoint) -> Yen| {
        let mut d = String::new();
        for (i, pt) in c.curve.points.iter().enumerate() {
            d.push_str(&format!(
                "{}{} {}",
                if i == 0 { "M" } else { " L" },
                x_of(pt.yearly_earnings, x_max),
                y_of(f(pt), y_max)
            ));
        }
        d
    };
    let shared = path(&|pt| pt.subsidy_shared);
    let individual = path(&|pt| pt.subsidy_individual);
    let you_text: String = c
        .you
        .iter()
        .map(|m| match lang {
            Lang::Ja => format!(
                "あなた({}): 収入{}で助成{}。",
                name(m.housing, lang),
                format_yen(m.earnings),
                format_yen(m.subsidy)
            ),
            Lang::En => format!(
                "You ({}): earnings {}, subsidy {}. ",
                name(m.housing, lang),
                format_yen(m.earnings),
                format_yen(m.subsidy)
            ),
        })
        .collect();
    let desc = match lang {
        Lang::Ja => format!(
            "年間の収入に対する助成額。共同物件は上限{}、個人の物件は上限{}で頭打ちになります。{you_text}",
            format_yen(c.caps.shared),
            format_yen(c.caps.individual)
        ),
        Lang::En => format!(
            "The subsidy against yearly earnings. It levels off at the cap: {} for shared, {} for individual housing. {you_text}",
            format_yen(c.caps.shared),
            format_yen(c.caps.individual)
        ),
    };
    let font = FONT.to_string();
    html! {
        <figure class="chart-figure">
            <svg class="chart" viewBox={format!("0 0 {W} {H}")} role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg" font-size={font.clone()}>
                <title id="chart-title">{ lang.pick("年間収入と助成額", "Subsidy against yearly earnings") }</title>
                <desc id="chart-desc">{ desc }</desc>
                <rect x={LEFT.to_string()} y={TOP.to_string()} width={(W - LEFT - RIGHT).to_string()} height={(H - TOP - BOTTOM).to_string()} fill="#fafafa" stroke="#b1b4b6" />
                { for c.y_ticks.iter().map(|t| {
                    let y = y_of(t.value, y_max);
                    html! { <>
                        <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={y.to_string()} y2={y.to_string()} stroke="#e0e0e0" />
                        <text x={(LEFT - 4).to_string()} y={(y + 5).to_string()} text-anchor="end">{ t.label.get(lang).to_string() }</text>
                    </> }
                }) }
                { for c.x_ticks.iter().enumerate().map(|(i, t)| {
                    let x = x_of(t.value, x_max);
                    // The first and last labels stay inside the drawing.
                    let anchor = if i == 0 { "start" } else if i + 1 == c.x_ticks.len() { "end" } else { "middle" };
                    html! { <text x={x.to_string()} y={(H - BOTTOM + 20).to_string()} text-anchor={anchor}>{ t.label.get(lang).to_string() }</text> }
                }) }
                <text x={((W + LEFT) / 2).to_string()} y={(H - 4).to_string()} text-anchor="middle">{ lang.pick("年間の収入(税込)", "Yearly earnings (tax incl.)") }</text>
                { for [(Housing::Individual, c.caps.individual), (Housing::Shared, c.caps.shared)].into_iter().map(|(h, cap)| {
                    let y = y_of(cap, y_max);
                    html! { <text x={(W - RIGHT - 4).to_string()} y={(y - 5).to_string()} text-anchor="end">{ format!("{} {}", name(h, lang), format_yen(cap)) }</text> }
                }) }
                <path d={individual} fill="none" stroke="#1d4f91" stroke-width="3" />
                <path d={shared} fill="none" stroke="#b35c00" stroke-width="3" stroke-dasharray="8 5" />
                { for c.you.iter().map(|m| {
                    let x = x_of(m.earnings, x_max);
                    let y = y_of(m.subsidy, y_max);
                    let anchor = if x > W / 2 { "end" } else { "start" };
                    let dx: i64 = if x > W / 2 { -10 } else { 10 };
                    html! { <>
                        <circle cx={x.to_string()} cy={y.to_string()} r="7" fill="#f7b32b" stroke="#1b1b1b" stroke-width="2" />
                        <text x={(x as i64 + dx).to_string()} y={(y + 24).min(H - BOTTOM - 6).to_string()} text-anchor={anchor} font-weight="700">
                            { lang.pick("あなた", "You") }
                        </text>
                    </> }
                }) }
            </svg>
            <figcaption class="small">{ match lang {
                Lang::Ja => format!("実線: 個人の物件、破線: 共同物件。{}", c.caption.ja),
                Lang::En => format!("Solid line: individual housing; dashed: shared. {}", c.caption.en),
            } }</figcaption>
            <details class="chart-table">
                <summary>{ lang.pick("グラフの数値を表で見る", "The chart as a table") }</summary>
                <table>
                    <thead><tr>
                        <th scope="col">{ lang.pick("年間の収入", "Yearly earnings") }</th>
                        <th scope="col" class="num">{ lang.pick("手数料", "Fees") }</th>
                        <th scope="col" class="num">{ lang.pick("助成(共同物件)", "Subsidy (shared)") }</th>
                        <th scope="col" class="num">{ lang.pick("助成(個人の物件)", "Subsidy (individual)") }</th>
                    </tr></thead>
                    <tbody>
                        { for c.rows.iter().map(|pt| html! {
                            <tr>
                                <th scope="row">{ format_yen(pt.yearly_earnings) }</th>
                                <td class="num">{ format_yen(pt.fees) }</td>
                                <td class="num">{ format_yen(pt.subsidy_shared) }</td>
                                <td class="num">{ format_yen(pt.subsidy_individual) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
