//! `#/fiscal-year`: which fiscal year to estimate.

use super::Ask;
use crate::flow::update::Choice as Chosen;
use crate::flow::Event;
use crate::rules::data::rules;
use crate::rules::timing::YearOption;
use crate::rules::Lang;
use crate::ui::components::frame::Frame;
use chrono::Datelike;
use yew::prelude::*;

/// Props of [`FiscalYearPage`].
#[derive(Properties, PartialEq)]
pub struct FiscalYearProps {
    /// The frame's slice.
    pub ask: Ask,
    /// The fiscal year chosen (or the current one).
    pub fiscal_year: i32,
    /// The years offered, each with its status against the date fees count from (the engine's).
    pub years: Vec<YearOption>,
    /// The model's events.
    pub on: Callback<Event>,
}

/// The page.
#[function_component(FiscalYearPage)]
pub fn page(p: &FiscalYearProps) -> Html {
    let a = &p.ask;
    let lang = a.lang;
    let onchange = p.on.reform(|e: web_sys::Event| {
        let v = e
            .target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default();
        Event::Choose(Chosen::FiscalYear(v.parse().unwrap_or(0)))
    });
    let program = &rules().program;
    html! {
        <Frame {lang} progress={a.progress} problems={a.problems.clone()} back={a.back} on={p.on.clone()}>
            <h1 tabindex="-1"><label for="fiscal-year">{ lang.pick("どの年度を試算しますか?", "Which fiscal year do you want to estimate?") }</label></h1>
            <p class="hint" id="fiscal-year-hint">{ lang.pick(
                "年度は4月1日から翌年3月31日まで。助成は年度末に支払われます。",
                "A fiscal year runs from 1 April to 31 March. The subsidy is paid at the end of the fiscal year.") }</p>
            <div class="field">
                <select id="fiscal-year" class="input" aria-describedby="fiscal-year-hint" {onchange}>
                    { for p.years.iter().rev().map(|y| {
                        // The first year the person can claim is marked; a year that ends before
                        // fees count says so (it can still be chosen, to see why).
                        let mark = if y.first {
                            lang.pick(" — 最初に対象になる年度", " — your first eligible year")
                        } else if !y.claimable {
                            lang.pick(" — 対象外", " — not eligible")
                        } else {
                            ""
                        };
                        let forecast = if y.forecast { lang.pick("(見込み)", " (forecast)") } else { "" };
                        let label = format!("{}{forecast}{mark}", y.label.get(lang));
                        html! { <option value={y.fiscal_year.to_string()} selected={y.fiscal_year == p.fiscal_year}>{ label }</option> }
                    }) }
                </select>
            </div>
            if let Some(y) = p.years.iter().find(|y| y.fiscal_year == p.fiscal_year) {
                <p class={classes!("hint", (!y.claimable).then_some("warning-message"))} id="fiscal-year-status">{ y.text.get(lang).to_string() }</p>
            }
            if program.end.is_none() {
                <p class="notice">{ match lang {
                    Lang::Ja => format!("前提: 開始時の報道では期間は{}か月({}年{}月まで)でした。その後も続いているかは確認できていないため、続いているものとして試算します。",
                        program.reported_months, program.reported_end.year(), program.reported_end.month()),
                    Lang::En => format!("Assumption: the press at launch reported a period of {} months (to {}-{:02}). Whether the program continues is not known; the estimate assumes it does.",
                        program.reported_months, program.reported_end.year(), program.reported_end.month()),
                } }</p>
            }
        </Frame>
    }
}
