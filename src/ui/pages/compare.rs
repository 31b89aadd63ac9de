//! Seminar mode's side-by-side comparison: 2–3 scenarios that differ in one thing (housing,
//! earnings), each computed by the engine (`rules::scenario::evaluate`), in one table.

use crate::rules::data::rules;
use crate::rules::estimate::RangeFigures;
use crate::rules::personas::{comparisons, Comparison, SEMINAR_TODAY};
use crate::rules::scenario::{evaluate, Outcome};
use crate::rules::span::{format_yen_range, Span};
use crate::rules::{Lang, Yen};
use yew::prelude::*;

/// Props of [`ComparePage`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// Language.
    pub lang: Lang,
    /// Which comparison (0-based; out of range shows the first).
    #[prop_or_default]
    pub which: usize,
}

/// One row of figures: a value from the low and the high end of each column's subsidy.
fn money_row(
    outcomes: &[Result<Outcome, String>],
    label: &str,
    lang: Lang,
    pick: fn(&RangeFigures) -> Option<Span<Yen>>,
    main: bool,
) -> Html {
    let cells = outcomes.iter().map(|o| {
        let text = match o {
            Ok(o) => match &o.subsidy {
                // Each figure's own low and high (the engine pairs them per figure).
                Some(s) => {
                    pick(&s.figures).map_or_else(|| "—".to_string(), |v| format_yen_range(v, lang))
                }
                None => lang.pick("試算なし", "no estimate").to_string(),
            },
            Err(e) => e.clone(),
        };
        html! { <td class={classes!("num", main.then_some("compare-main"))}>{ text }</td> }
    });
    html! { <tr><th scope="row">{ label.to_string() }</th>{ for cells }</tr> }
}

fn table(cmp: &Comparison, lang: Lang) -> Html {
    let outcomes: Vec<Result<Outcome, String>> = cmp
        .columns
        .iter()
        .map(|c| {
            evaluate(rules(), &c.scenario, SEMINAR_TODAY)
                .map_err(|e| e.text().get(lang).to_string())
        })
        .collect();
    let verdicts = outcomes.iter().map(|o| match o {
        Ok(o) => html! { <td>{ o.assessment.verdict_text.get(lang).to_string() }</td> },
        Err(e) => html! { <td>{ e.clone() }</td> },
    });
    let caps = outcomes.iter().map(|o| match o {
        Ok(o) => {
            html! { <td class="num">{ format_yen_range(Span { low: o.assessment.cap.low, high: o.assessment.cap.high }, lang) }</td> }
        }
        Err(_) => html! { <td>{ "—" }</td> },
    });
    let stamp = outcomes.iter().find_map(|o| o.as_ref().ok()).map(|o| {
        let fy = o.fiscal_year_name.get(lang).to_string();
        let v = &o.stamp.version;
        let note = o.desk_note.get(lang).to_string();
        match lang {
            Lang::Ja => format!("{fy}の試算。ルール v{v}。{note}"),
            Lang::En => format!("Estimates for {fy}. Rules v{v}. {note}"),
        }
    });
    html! {
        <>
        // Focusable and named: on a narrow screen the table scrolls sideways, also from the keyboard.
        <div class="table-wrap" tabindex="0" role="region" aria-label={cmp.title.get(lang).to_string()}>
            <table class="compare-table">
                <caption>{ cmp.summary.get(lang).to_string() }</caption>
                <thead>
                    <tr>
                        <td></td>
                        { for cmp.columns.iter().map(|c| html! { <th scope="col">{ c.label.get(lang).to_string() }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    <tr><th scope="row">{ lang.pick("判定", "Verdict") }</th>{ for verdicts }</tr>
                    <tr><th scope="row">{ lang.pick("上限(年間)", "Cap (a year)") }</th>{ for caps }</tr>
                    { money_row(&outcomes, lang.pick("1年の収入", "Earnings in the year"), lang, |f| f.earnings, false) }
                    { money_row(&outcomes, lang.pick("手数料(税込)", "Fees (tax included)"), lang, |f| Some(f.fees), false) }
                    { money_row(&outcomes, lang.pick("助成額", "Subsidy"), lang, |f| Some(f.subsidy), true) }
                    { money_row(&outcomes, lang.pick("自己負担の手数料", "Fees you still pay"), lang, |f| Some(f.uncovered), false) }
                </tbody>
            </table>
        </div>
        if let Some(s) = stamp { <p class="small">{ s }</p> }
        </>
    }
}

/// The comparison page.
#[function_component(ComparePage)]
pub fn page(p: &CompareProps) -> Html {
    let lang = p.lang;
    let all = comparisons();
    let which = if p.which < all.len() { p.which } else { 0 };
    let Some(cmp) = all.get(which) else {
        return html! {};
    };
    html! {
        <div class="compare">
            <h1 tabindex="-1">{ format!("{}: {}", lang.pick("比べる", "Compare"), cmp.title.get(lang)) }</h1>
            <nav aria-label={lang.pick("比べる組み合わせ", "Comparisons")}>
                <ul class="seminar-links">
                    { for all.iter().enumerate().map(|(k, c)| {
                        let current = (k == which).then_some("page");
                        html! { <li><a href={format!("#seminar/compare/{}", k + 1)} aria-current={current}>{ c.title.get(lang).to_string() }</a></li> }
                    }) }
                </ul>
            </nav>
            { table(cmp, lang) }
            <div class="button-row">
                <a href="#seminar" class="button button-secondary">{ lang.pick("戻る", "Back") }</a>
            </div>
        </div>
    }
}
